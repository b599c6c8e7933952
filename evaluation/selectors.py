"""Reads of the evaluation app for the pages of the agenda app."""

from accounts.access import coordinates_region_of

from .models import Evaluation, Indicator


def agenda_evaluation(agenda, user) -> dict:
    """The evaluation section of the agenda page: how many actions are evaluated and whether
    the user may evaluate and start a successor."""
    return {
        "count": Evaluation.objects.visible_to(user).in_agenda(agenda).count(),
        "can_edit": coordinates_region_of(user, agenda),
    }


def action_evaluation(action, user) -> dict:
    """The evaluation section of the action page: its evaluation (or None), its indicators and
    whether the user may change them."""
    evaluation = (
        Evaluation.objects.visible_to(user)
        .filter(action=action)
        .prefetch_related("funds", "parties")
        .select_related("pillar")
        .first()
    )
    indicators = Indicator.objects.visible_to(user).filter(action=action).order_by("order", "pk")
    return {
        "evaluation": evaluation,
        "indicators": list(indicators),
        "can_edit": coordinates_region_of(user, action.agenda),
    }
