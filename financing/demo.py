"""Demo data for financing: the funding chapter of the 2020-2022 agenda and the streams it names."""

import re
from decimal import Decimal

from agenda.models import Action, Agenda
from common.demo import read_fixture
from common.upsert import set_m2m, upsert
from governance.demo import organisation_by_key
from governance.models import Region

from .models import FundingStream, YearAmount

FINANCING_FIXTURES = ["financing_zkij.yaml", "financing_haarlem_addendum.yaml"]


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
