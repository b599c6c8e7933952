"""What the governance sections of the agenda and organisation pages need."""

from django import template
from django.db.models import Q

from accounts.access import is_coordinator_for
from governance.models import ConsultationInput, DecisionStep, Membership

register = template.Library()


def _show_private(context) -> bool:
    user = context.get("user")
    return user is not None and user.is_authenticated and user.is_active


@register.simple_tag
def decision_route(agenda):
    """The steps of the agenda's decision route (Behandeling), in order."""
    return list(DecisionStep.objects.filter(agenda=agenda).select_related("body"))


@register.simple_tag
def consultation_inputs(agenda):
    """The partners' written input on the agenda and how it was handled."""
    return list(ConsultationInput.objects.filter(agenda=agenda).select_related("partner"))


@register.simple_tag(takes_context=True)
def coordinates(context, region) -> bool:
    return is_coordinator_for(context.get("user"), region)


@register.simple_tag(takes_context=True)
def organisation_seats(context, organisation):
    """The organisation's seats in bodies, with each seat as the viewer may see it."""
    show_private = _show_private(context)
    seats = (
        Membership.objects.filter(
            Q(organisation=organisation)
            | Q(organisation__isnull=True, person__organisation=organisation)
        )
        .select_related("body", "person__organisation", "alias", "organisation")
        .order_by("body__level_order", "body__order", "body__name", "side", "order")
    )
    return [{"seat": seat, "text": seat.display(show_private=show_private)} for seat in seats]


@register.simple_tag(takes_context=True)
def seat_text(context, membership) -> str:
    return membership.display(show_private=_show_private(context))
