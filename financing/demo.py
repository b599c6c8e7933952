"""Demo data for financing: the funding chapter of the 2020-2022 agenda and the streams it names."""

import re
from decimal import Decimal

from agenda.models import Action, Agenda, Theme
from common.demo import read_fixture
from common.upsert import set_m2m, upsert
from governance.demo import organisation_by_key
from governance.models import Region

from .models import FundingStream, YearAmount
from .services import allocation_set_realised

FINANCING_FIXTURES = ["financing_zkij.yaml", "financing_haarlem_addendum.yaml"]
# The evaluation of the 2020-2022 agenda (seed 001) names the funds each activity used; they
# are booked as the realised amounts of their streams. The evaluation's own loader runs first
# and makes the actions the agenda gained during its run.
REALISED_FIXTURES = ["evaluation_zkij_2020_2022.yaml"]


def _names(phrase: str) -> re.Pattern:
    """A phrase as a whole word or words, in any case."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)


def _amount(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value)).quantize(Decimal("0.01"))


def load_financing_file(name: str) -> int:
    data = read_fixture(name)
    region = Region.objects.get(slug=data["region"])
    agenda = Agenda.objects.get(slug=data["agenda"])
    actions = list(Action.objects.in_agenda(agenda).exclude(financing_text=""))
    changed = 0
    for order, item in enumerate(data["streams"], start=1):
        financier = organisation_by_key(item["financier"]) if item.get("financier") else None
        stream, c = upsert(
            FundingStream,
            lookup={"region": region, "slug": item["slug"]},
            values={
                "name": item["name"],
                "abbreviation": item.get("abbreviation") or "",
                "also_known_as": item.get("also_known_as") or "",
                "level": item["level"],
                "group_label": item.get("group_label") or "",
                "to_be_divided": bool(item.get("to_be_divided")),
                "financier": financier,
                "financier_text": item.get("financier_text") or "",
                "description": item.get("description") or "",
                "stated_total": _amount(item.get("stated_total")),
                "stated_total_note": item.get("stated_total_note") or "",
                "order": order,
                "source_note": item["source"],
            },
        )
        changed += c
        changed += set_m2m(stream.agendas, [agenda] if item.get("in_overview") else [])
        patterns = [_names(p) for p in item.get("named_in_financing_text") or []]
        named = [a for a in actions if any(p.search(a.financing_text) for p in patterns)]
        changed += set_m2m(stream.actions, named)
        for row in item.get("years") or []:
            _y, c = upsert(
                YearAmount,
                lookup={"stream": stream, "year": row["year"]},
                values={
                    "kind": row["kind"],
                    "amount": _amount(row.get("amount")),
                    "note": row.get("as_written") or "",
                    "source_note": item["source"].split(";")[0],
                },
            )
            changed += c
    return changed


def load_financing() -> int:
    return sum(load_financing_file(name) for name in FINANCING_FIXTURES)


def _evaluated_action(agenda: Agenda, item: dict) -> Action:
    """The action an item of the evaluation fixture is about: a row of Bijlage 1 by theme and
    order, or an action added later by its theme and text."""
    if "action" in item:
        ref = item["action"]
        return Action.objects.get(agenda=agenda, theme__number=ref["theme"], order=ref["order"])
    theme = Theme.objects.get(agenda=agenda, number=item["added_later"]["theme"])
    return Action.objects.filter(theme=theme, text=item["action_text"]).first()


def load_realised_file(name: str) -> int:
    data = read_fixture(name)
    agenda = Agenda.objects.get(slug=data["agenda"])
    changed = 0
    for item in data["evaluations"]:
        funds = item.get("funds") or []
        if not funds:
            continue
        action = _evaluated_action(agenda, item)
        written = item["funds_text"]
        for fund in funds:
            year = fund.get("year") or agenda.last_year
            if fund.get("year"):
                when = f"jaar {fund['year']} uit de tekst van de evaluatie"
            else:
                when = (
                    f"de evaluatie noemt geen jaar: geboekt op {year}, "
                    "het laatste jaar van de agenda"
                )
            note = f"Evaluatie 2020-2022 (001 hoofdstuk 3), zoals geschreven: '{written}'; {when}."
            _allocation, c = allocation_set_realised(
                stream=fund["stream"],
                action=action,
                year=year,
                amount=Decimal(str(fund["amount"])),
                note=note,
            )
            changed += int(c)
    return changed


def load_realised_from_evaluation() -> int:
    return sum(load_realised_file(name) for name in REALISED_FIXTURES)
