"""Template filters for the account pages."""

from datetime import timedelta

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def duration(value) -> str:
    """A lockout period in words: "1 hour", "30 minutes", "1 hour and 30 minutes"."""
    if not isinstance(value, timedelta):
        return ""
    minutes = max(1, round(value.total_seconds() / 60))
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(gettext("1 hour") if hours == 1 else gettext("%(n)d hours") % {"n": hours})
    if minutes:
        parts.append(
            gettext("1 minute") if minutes == 1 else gettext("%(n)d minutes") % {"n": minutes}
        )
    if len(parts) == 1:
        return parts[0]
    return gettext("%(hours)s and %(minutes)s") % {"hours": parts[0], "minutes": parts[1]}
