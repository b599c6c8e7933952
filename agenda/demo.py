"""Demo data for the agenda app: vocabularies and the agendas of the seeds."""

from common.demo import fixture_date as _date
from common.demo import read_fixture
from common.upsert import set_m2m, upsert
from governance.demo import REGION_FIXTURE, organisation_by_key
from governance.models import Municipality, Region, SubRegion

from .models import Action, Agenda, Pillar, Scope, Status, Theme

AGENDA_FIXTURES = [
    "agenda_zkij_2020_2022.yaml",
    "agenda_haarlem_addendum.yaml",
    "agenda_werkplan_2023.yaml",
]


def load_vocabularies() -> int:
    data = read_fixture(REGION_FIXTURE)
    region = Region.objects.get(slug=data["region"]["slug"])
    changed = 0
    for order, item in enumerate(data.get("statuses", []), start=1):
        _s, c = upsert(
            Status,
            lookup={"slug": item["slug"]},
            values={"name": item["name"], "order": order},
        )
        changed += c
    for order, item in enumerate(data.get("scopes", []), start=1):
        subregion = None
        if item.get("subregion"):
            subregion = SubRegion.objects.get(region=region, name=item["subregion"])
        _s, c = upsert(
            Scope,
            lookup={"region": region, "name": item["name"]},
            values={"subregion": subregion, "order": order},
        )
        changed += c
    return changed


def _scope_lookup(region) -> dict[str, Scope]:
    """Map every spelling of a scope in the seed to its Scope row."""
    data = read_fixture(REGION_FIXTURE)
    scopes = {s.name: s for s in Scope.objects.filter(region=region)}
    lookup = {}
    for item in data.get("scopes", []):
        for written in [item["name"], *item.get("as_written", [])]:
            lookup[written] = scopes[item["name"]]
    return lookup


def load_agenda_file(name: str) -> int:
    data = read_fixture(name)
    a = data["agenda"]
    region = Region.objects.get(name=a["region"]) if a.get("region") else None
    municipality = (
        Municipality.objects.get(name=a["municipality"]) if a.get("municipality") else None
    )
    owner_region = region or municipality.region
    scopes = _scope_lookup(owner_region)
    statuses = {s.slug: s for s in Status.objects.all()}
    changed = 0
    agenda, c = upsert(
        Agenda,
        lookup={"slug": a["slug"]},
        values={
            "title": a["title"],
            "region": region,
            "municipality": municipality,
            "first_year": a["first_year"],
            "last_year": a["last_year"],
            "state": a.get("state", Agenda.State.CONCEPT),
            "adopted_on": _date(a.get("adopted_on")),
            "adopted_by": a.get("adopted_by") or "",
            "no_actions_note": a.get("no_actions_note") or "",
            "document_date": _date(a.get("document_date")),
            "top_level_label": a.get("top_level_label", "pijler"),
            "source_note": a.get("source", ""),
        },
    )
    changed += c
    for p in data.get("pillars") or []:
        pillar, c = upsert(
            Pillar,
            lookup={"agenda": agenda, "order": p["order"]},
            values={
                "name": p["name"],
                "intro": (p.get("intro") or "").strip(),
                "source_note": p.get("source", ""),
            },
        )
        changed += c
        for t in p.get("themes") or []:
            theme, c = upsert(
                Theme,
                lookup={"agenda": agenda, "number": t["number"]},
                values={
                    "pillar": pillar,
                    "name": t["name"],
                    "target_group": t.get("target_group") or "",
                    "narrative": (t.get("narrative") or "").strip(),
                    "source_note": t.get("source", ""),
                },
            )
            changed += c
            for act in t.get("actions") or []:
                scope_written = act.get("scope")
                # A short title is only set where the agenda gives one; the evaluation names
                # the activities of this agenda (evaluation/demo.py).
                extra = {"short_title": act["short_title"]} if act.get("short_title") else {}
                status = statuses[act["status"]] if act.get("status") else None
                if (
                    agenda.state == Agenda.State.CLOSED
                    and Action.objects.filter(theme=theme, order=act["order"]).exists()
                ):
                    # A closed agenda's final statuses come from its evaluation
                    # (evaluation/demo.py); the fixture holds the status as adopted.
                    status = Action.objects.get(theme=theme, order=act["order"]).status
                action, c = upsert(
                    Action,
                    lookup={"theme": theme, "order": act["order"]},
                    values={
                        **extra,
                        "text": act["text"],
                        "target_group_text": act.get("target_group_text") or "",
                        "scope": scopes[scope_written] if scope_written else None,
                        "status": status,
                        "stage": act.get("stage") or "",
                        "lead_text": act.get("lead_text") or "",
                        "financing_text": act.get("financing_text") or "",
                        "added_later": bool(act.get("added_later", False)),
                        "source_note": act.get("source", ""),
                    },
                )
                changed += c
                leads = [organisation_by_key(key) for key in act.get("leads") or []]
                changed += set_m2m(action.leads, leads)
    return changed


def load_agendas() -> int:
    return sum(load_agenda_file(name) for name in AGENDA_FIXTURES)
