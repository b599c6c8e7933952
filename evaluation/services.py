"""Writes of the evaluation app: evaluations and indicators, validated before they are saved."""

from django.db import transaction

from agenda.models import Action
from common.versioning import expect_version

from .models import Evaluation, Indicator

EVALUATION_FIELDS = (
    "pillar",
    "number",
    "title",
    "action_text",
    "intended_result",
    "achieved_result",
    "follow_up",
    "parties_text",
    "funds_text",
    "extra_info",
    "evaluated_on",
    "outcome",
    "outcome_note",
)


@transaction.atomic
def evaluation_save(
    *, action: Action, data: dict, parties=None, expected_version: int | None = None
) -> Evaluation:
    """Create or change the evaluation of `action`; `data` holds the fields to set. With
    `expected_version`, refused with `EditConflict` when it was saved since."""
    evaluation = Evaluation.objects.filter(action=action).first() or Evaluation(action=action)
    expect_version(evaluation, version=expected_version)
    for name in EVALUATION_FIELDS:
        if name in data:
            setattr(evaluation, name, data[name])
    evaluation.full_clean()
    evaluation.save()
    if parties is not None:
        evaluation.parties.set(parties)
    return evaluation


INDICATOR_FIELDS = (
    "order",
    "name",
    "unit",
    "baseline",
    "target",
    "actual",
    "measured_on",
    "method",
    "source_note",
)


@transaction.atomic
def indicator_save(*, action: Action, data: dict, indicator: Indicator | None = None) -> Indicator:
    """Create an indicator for `action`, or change `indicator`; a target needs a unit."""
    if indicator is None:
        indicator = Indicator(action=action)
        if "order" not in data:
            last = action.indicators.order_by("-order").values_list("order", flat=True).first()
            indicator.order = (last or 0) + 1
    elif indicator.action_id != action.pk:
        raise ValueError("The indicator belongs to another action.")
    for name in INDICATOR_FIELDS:
        if name in data:
            setattr(indicator, name, data[name])
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator) -> None:
    indicator.delete()
