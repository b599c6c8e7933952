from django import template
from django.conf import settings

from sso import config

register = template.Library()


@register.inclusion_tag("sso/_login_button.html", takes_context=True)
def sso_login_button(context):
    """The button to log in with the organisation's account, only when OIDC is configured."""
    return {
        "enabled": config.enabled(),
        "next": context.get("next", ""),
        "staff_local_login": getattr(settings, "LOCAL_LOGIN_FOR_STAFF", True),
    }
