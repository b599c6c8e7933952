"""Writes of the evaluation app: evaluations and indicators, validated before they are saved."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.access import coordinates_region_of
from agenda.models import Action, Agenda, Status
from common.versioning import expect_version
from common.writes import delete_as, refuse_unless, save_as

from .models import Evaluation, Indicator

# The fields of an evaluation a coordinator fills in, in the order the form shows them;
# `parties` is a many-to-many field, set after the evaluation is saved.
EVALUATION_FIELDS = (
    "pillar",
    "number",
    "title",
    "action_text",
    "intended_result",
    "achieved_result",
    "follow_up",
    "parties",
    "parties_text",
    "funds_text",
    "extra_info",
    "evaluated_on",
    "outcome",
    "outcome_note",
)


def _refused() -> str:
    return _("Only coordinators of this agenda's region may change its evaluation.")


def _of_action(user):
    """The rule for rows of an action: `user=None` is the trusted caller (the demo loader)."""
    return lambda row: user is None or coordinates_region_of(user, row.action.agenda)


@transaction.atomic
def evaluation_save(
    *,
    action: Action,
    data: dict,
    user=None,
    parties=None,
    expected_version: int | None = None,
) -> Evaluation:
    """Create or change the evaluation of `action`; `data` holds the fields to set. With
    `expected_version`, refused with `EditConflict` when it was saved since."""
    evaluation = Evaluation.objects.filter(action=action).first() or Evaluation(action=action)
    expect_version(evaluation, version=expected_version)
    for name in EVALUATION_FIELDS:
        if name in data and name != "parties":
            setattr(evaluation, name, data[name])
    if evaluation.pillar_id is None:
        evaluation.pillar_id = action.pillar_id  # follows the action; none for an agenda line
    parties = data.get("parties", parties)
    related = {} if parties is None else {"parties": parties}
    return save_as(evaluation, user=user, may=_of_action(user), refused=_refused(), related=related)


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
def indicator_save(
    *, action: Action, data: dict, indicator: Indicator | None = None, user=None
) -> Indicator:
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
    return save_as(indicator, user=user, may=_of_action(user), refused=_refused())


@transaction.atomic
def indicator_delete(*, indicator: Indicator, user) -> None:
    refuse_unless(user is not None, _refused())
    delete_as(indicator, user=user, may=_of_action(user), refused=_refused())


# The status a closed agenda gives an action, from the outcome of its evaluation.
FINAL_STATUS_BY_OUTCOME = {
    "afgerond": "afgerond",
    "loopt_door": "loopt",
    "regulier": "opgenomen-in-reguliere-werkzaamheden",
    "vertraagd": "vertraagd",
    "gestopt": "gestopt",
    "niet_gestart": "niet-gestart",
}


def final_status_changes(agenda: Agenda) -> list[tuple[Action, Status]]:
    """(action, final status) for each evaluated action of `agenda` whose status its
    evaluation's outcome changes, in the agenda's order."""
    statuses = {s.slug: s for s in Status.objects.all()}
    changes = []
    evaluations = (
        Evaluation.objects.in_agenda(agenda)
        .select_related("action__status", "action__theme", "action__pillar")
        .order_by(*(f"action__{part}" for part in ("pillar__order", "theme__number", "order")))
    )
    for evaluation in evaluations:
        status = statuses.get(FINAL_STATUS_BY_OUTCOME.get(evaluation.outcome, ""))
        if status is not None and evaluation.action.status_id != status.pk:
            changes.append((evaluation.action, status))
    return changes


@transaction.atomic
def agenda_final_statuses_from_evaluation(*, agenda: Agenda, user=None) -> int:
    """Give each evaluated action of a closed agenda the status its evaluation's outcome
    says, attributed to `user` in the history (a coordinator of the agenda; None only for
    loading the demo data). Actions without an evaluation keep the status a coordinator gives
    them. Returns how many actions changed; a second run changes none."""
    if user is not None and not Agenda.objects.filter(pk=agenda.pk).editable_by(user).exists():
        raise PermissionDenied(_("You may not change this agenda."))
    agenda = Agenda.objects.select_for_update().get(pk=agenda.pk)
    if agenda.state != Agenda.State.CLOSED:
        raise ValidationError(
            _("Only a closed agenda takes its final statuses from its evaluation.")
        )
    changed = 0
    for action, status in final_status_changes(agenda):
        action.status = status
        action.version += 1
        action._history_user = user
        action._change_reason = _("Final status from the evaluation")
        action.full_clean()
        action.save()
        changed += 1
    return changed
