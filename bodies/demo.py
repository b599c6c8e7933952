"""Demo data for the bodies: the bodies of Bijlage 2 with their members, and the decision
routes of the agendas."""

from agenda.models import Agenda, Pillar
from common.demo import fixture_date as _date
from common.demo import read_fixture
from common.upsert import set_m2m, upsert
from governance.demo import organisation_by_key, upsert_organisation
from governance.models import Organisation, Region

from .models import Body, BodyPillar, DecisionStep, Membership, Person, PersonAlias

BODIES_FIXTURE = "bodies_zkij.yaml"

ROLES = {
    "vz": Membership.Role.CHAIR,
    "secr": Membership.Role.SECRETARY,
    None: Membership.Role.MEMBER,
}
JOINERS = {
    None: Membership.Joiner.COMMA,
    "en": Membership.Joiner.AND,
    "punt": Membership.Joiner.SENTENCE,
    "spatie": Membership.Joiner.SPACE,
}
KINDS = {
    "besluitvormend": "is_decision_making",
    "adviserend": "is_advisory",
    "verkennend_en_informerend": "is_exploratory",
    "beleidsmakend": "is_policy_making",
}
SIDES = {"gemeenten": Membership.Side.MUNICIPALITIES, "andere": Membership.Side.OTHERS}


def _seats(data):
    """Every seat of the fixture as (body item, side, position, seat item)."""
    for body in data["bodies"]:
        for side in SIDES:
            for position, seat in enumerate(body.get(side) or [], start=1):
                yield body, side, position, seat


def _load_people(data, region, affiliations) -> tuple[dict[str, Person], int]:
    """People of the seats; public when they sit in a body whose members are public."""
    changed = 0
    public: dict[str, bool] = {}
    organisation: dict[str, Organisation | None] = {}
    bodies_of: dict[str, list[str]] = {}
    for body, _side, _position, seat in _seats(data):
        name = seat.get("person")
        if not name:
            continue
        public[name] = public.get(name, False) or bool(body.get("names_public"))
        if organisation.get(name) is None:
            organisation[name] = affiliations.get(seat.get("affiliation"))
        bodies_of.setdefault(name, [])
        if body["name"] not in bodies_of[name]:
            bodies_of[name].append(body["name"])
    people = {}
    for name in public:
        people[name], c = upsert(
            Person,
            lookup={"region": region, "name": name},
            values={
                "organisation": organisation[name],
                "is_public": public[name],
                "source_note": "000 Bijlage 2 (" + "; ".join(bodies_of[name]) + ")",
            },
        )
        changed += c
        for spelling in (data.get("spellings") or {}).get(name, []):
            _alias, c = upsert(
                PersonAlias, lookup={"person": people[name], "name": spelling}, values={}
            )
            changed += c
    return people, changed


def load_bodies() -> int:
    """The bodies of Bijlage 2 (and those 003 names), their seats and the decision routes."""
    data = read_fixture(BODIES_FIXTURE)
    region = Region.objects.get(name=data["region"])
    changed = 0
    for item in data.get("organisations") or []:
        changed += upsert_organisation(item)
    affiliations = {
        written: organisation_by_key(key) for written, key in (data["affiliations"] or {}).items()
    }
    people, c = _load_people(data, region, affiliations)
    changed += c
    agendas = {a.slug: a for a in Agenda.objects.all()}
    bodies = {}
    for item in data["bodies"]:
        values = {
            "abbreviation": item.get("abbreviation") or "",
            "level": item["level"],
            "order": item.get("order", 0),
            "reach": item.get("reach") or "",
            "remit": item.get("remit") or "",
            "source_note": item.get("source") or "",
        }
        kinds = item.get("kinds") or []
        for kind, field in KINDS.items():
            values[field] = kind in kinds
        body, c = upsert(Body, lookup={"region": region, "name": item["name"]}, values=values)
        changed += c
        bodies[item["name"]] = body
        changed += set_m2m(body.agendas, [agendas[slug] for slug in item.get("agendas") or []])
        for slug, marks in (item.get("pillars") or {}).items():
            pillars = {p.order: p for p in Pillar.objects.filter(agenda=agendas[slug])}
            for order, mark in enumerate(marks, start=1):
                certainty = {"x": BodyPillar.Certainty.CERTAIN, "?": BodyPillar.Certainty.UNCERTAIN}
                if not mark:
                    continue
                _bp, c = upsert(
                    BodyPillar,
                    lookup={"body": body, "pillar": pillars[order]},
                    values={"certainty": certainty[mark], "source_note": item.get("source", "")},
                )
                changed += c
    for item, side, position, seat in _seats(data):
        body = bodies[item["name"]]
        person = people.get(seat.get("person"))
        alias = None
        if seat.get("written"):
            alias = PersonAlias.objects.get(person=person, name=seat["written"])
        organisation = (
            organisation_by_key(seat["organisation"])
            if seat.get("organisation")
            else affiliations.get(seat.get("affiliation"))
        )
        column = "Gemeenten" if side == "gemeenten" else "Andere partijen"
        _m, c = upsert(
            Membership,
            lookup={"body": body, "side": SIDES[side], "order": position},
            values={
                "person": person,
                "alias": alias,
                "person_removed": False,
                "seat_label": seat.get("seat") or "",
                "organisation": organisation,
                "role": ROLES[seat.get("role")],
                "affiliation": seat.get("affiliation") or "",
                "note": seat.get("note") or "",
                "joiner": JOINERS[seat.get("joiner")],
                "is_prospective": bool(seat.get("prospective", False)),
                "trailing_text": seat.get("trailing") or "",
                "source_note": f"{item['source']}; kolom {column}, plaats {position}",
            },
        )
        changed += c
    for slug, steps in (data.get("routes") or {}).items():
        for step_item in steps:
            step, c = upsert(
                DecisionStep,
                lookup={"agenda": agendas[slug], "order": step_item["order"]},
                values={
                    "date": _date(step_item.get("date")),
                    "date_text": step_item.get("date_text") or "",
                    "date_until": _date(step_item.get("date_until")),
                    "body": bodies[step_item["body"]] if step_item.get("body") else None,
                    "body_text": step_item.get("body_text") or "",
                    "purpose": step_item["purpose"],
                    "conclusion": step_item.get("conclusion") or "",
                    "source_note": step_item.get("source") or "",
                },
            )
            changed += c
    return changed
