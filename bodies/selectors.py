"""Reads of the bodies app for the pages that show its records."""

from django.db.models import Q

from accounts.access import is_active_user, is_coordinator_for

from .models import Body, ConsultationInput, DecisionStep, Membership


def agenda_treatment(agenda, user) -> dict:
    """The bodies section of the agenda page: the steps of its decision route
    (Behandeling) in order, the partners' written input and whether the user may change them."""
    return {
        "route": list(DecisionStep.objects.filter(agenda=agenda).select_related("body")),
        "inputs": list(ConsultationInput.objects.filter(agenda=agenda).select_related("partner")),
        "can_edit": is_coordinator_for(user, agenda.owner_region),
    }


def agenda_annex_link(agenda, user) -> dict:
    """The link to the agenda's Bijlage 2 beside Annex 1, with the number of bodies it lists
    (for the size the link announces)."""
    return {"agenda": agenda, "body_count": Body.objects.filter(agendas=agenda).count()}


def organisation_seats(organisation, user) -> list[dict]:
    """The organisation's seats in bodies, each with its text as the user may see it."""
    show_private = is_active_user(user)
    seats = (
        Membership.objects.filter(
            Q(organisation=organisation)
            | Q(organisation__isnull=True, person__organisation=organisation)
        )
        .select_related("body", "person__organisation", "alias", "organisation")
        .order_by("body__level_order", "body__order", "body__name", "side", "order")
    )
    return [{"seat": seat, "text": seat.display(show_private=show_private)} for seat in seats]
