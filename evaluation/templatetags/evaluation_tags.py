"""What the agenda and action pages need from the evaluation app."""

from django import template

from accounts.access import coordinates_region_of as can_edit_agenda

from ..models import Evaluation, Indicator

register = template.Library()


@register.simple_tag(takes_context=True)
def evaluation_can_edit(context, agenda) -> bool:
    request = context.get("request")
    # a visitor without an account edits nothing: no need to fetch the agenda's region
    return bool(request and request.user.is_authenticated and can_edit_agenda(request.user, agenda))


@register.simple_tag
def evaluation_of(action):
    """The evaluation of an action, or None."""
    return (
        Evaluation.objects.filter(action=action)
        .prefetch_related("funds", "parties")
        .select_related("pillar")
        .first()
    )


@register.simple_tag
def indicators_of(action):
    return list(Indicator.objects.filter(action=action).order_by("order", "pk"))


@register.simple_tag
def evaluation_count(agenda) -> int:
    return Evaluation.objects.in_agenda(agenda).count()
