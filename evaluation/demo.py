"""Demo data for the evaluation app: the evaluation of the 2020-2022 agenda (seed 001)."""

from decimal import Decimal

from agenda.models import Action, Agenda, Pillar, Status, Theme
from common.demo import fixture_date as _date
from common.demo import read_fixture
from common.upsert import set_m2m, upsert
from governance.demo import organisation_by_key

from .models import Evaluation, EvaluationFund, Indicator
from .services import FINAL_STATUS_BY_OUTCOME, agenda_final_statuses_from_evaluation

EVALUATION_FIXTURES = ["evaluation_zkij_2020_2022.yaml"]


def _added_later_action(agenda: Agenda, item: dict) -> tuple[Action, int]:
    """The action the agenda gained during its run, made once and found again by its text."""
    theme = Theme.objects.get(agenda=agenda, number=item["added_later"]["theme"])
    existing = Action.objects.filter(theme=theme, text=item["action_text"]).first()
    status = Status.objects.filter(slug=FINAL_STATUS_BY_OUTCOME[item["outcome"]]).first()
    values = {
        "short_title": item["title"],
        "added_later": True,
        "status": status,
        "lead_text": "",
        "source_note": f"{item['source']}. {item['match']}",
    }
    if existing is None:
        last = theme.actions.order_by("-order").values_list("order", flat=True).first() or 0
        values["order"] = last + 1
        lookup = {"theme": theme, "text": item["action_text"]}
    else:
        lookup = {"pk": existing.pk}
    action, changed = upsert(Action, lookup=lookup, values=values)
    return action, int(changed)


def _bijlage_action(agenda: Agenda, item: dict) -> tuple[Action, int]:
    ref = item["action"]
    action = Action.objects.get(agenda=agenda, theme__number=ref["theme"], order=ref["order"])
    if action.text != ref["text"]:
        raise ValueError(
            f"Bijlage 1 row {ref['theme']}.{ref['order']} reads {action.text!r}, "
            f"the evaluation fixture expects {ref['text']!r}"
        )
    action, changed = upsert(
        Action, lookup={"pk": action.pk}, values={"short_title": item["title"]}
    )
    return action, int(changed)


def load_evaluation_file(name: str) -> int:
    data = read_fixture(name)
    agenda = Agenda.objects.get(slug=data["agenda"])
    changed = 0
    for item in data["evaluations"]:
        if "action" in item:
            action, c = _bijlage_action(agenda, item)
        else:
            action, c = _added_later_action(agenda, item)
        changed += c
        pillar = Pillar.objects.get(agenda=agenda, name=item["pillar"])
        evaluation, c = upsert(
            Evaluation,
            lookup={"action": action},
            values={
                "pillar": pillar,
                "number": item["number"],
                "title": item["title"],
                "action_text": item["action_text"],
                "intended_result": item["intended_result"],
                "achieved_result": item["achieved_result"],
                "follow_up": item["follow_up"],
                "parties_text": item["parties_text"],
                "funds_text": item["funds_text"],
                "extra_info": item["extra_info"],
                "evaluated_on": None,
                "outcome": item["outcome"],
                "outcome_note": item["outcome_note"],
                "source_note": f"{item['source']}. Koppeling: {item['match']}",
            },
        )
        changed += c
        parties = [organisation_by_key(key) for key in item.get("parties") or []]
        changed += set_m2m(evaluation.parties, parties)
        for order, fund in enumerate(item.get("funds") or [], start=1):
            _fund, c = upsert(
                EvaluationFund,
                lookup={"evaluation": evaluation, "order": order},
                values={
                    "amount": Decimal(str(fund["amount"])),
                    "stream_text": fund["stream"],
                    "year": fund.get("year"),
                    "note": fund.get("note") or "",
                },
            )
            changed += c
        for order, ind in enumerate(item.get("indicators") or [], start=1):
            _i, c = upsert(
                Indicator,
                lookup={"action": action, "order": order},
                values={
                    "name": ind["name"],
                    "unit": ind.get("unit") or "",
                    "baseline": _decimal(ind.get("baseline")),
                    "target": _decimal(ind.get("target")),
                    "actual": _decimal(ind.get("actual")),
                    "measured_on": _date(ind.get("measured_on")),
                    "method": ind.get("method") or "",
                    "source_note": ind.get("source") or "",
                },
            )
            changed += c
    return changed


def _decimal(value):
    return None if value in (None, "") else Decimal(str(value))


def load_evaluations() -> int:
    changed = sum(load_evaluation_file(name) for name in EVALUATION_FIXTURES)
    # A closed agenda's actions end with the status their evaluation gives them.
    for agenda in Agenda.objects.filter(state=Agenda.State.CLOSED):
        changed += agenda_final_statuses_from_evaluation(agenda=agenda)
    return changed
