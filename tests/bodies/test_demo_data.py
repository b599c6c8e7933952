"""The demo data holds every body and member of Bijlage 2 exactly as the seed writes them."""

import datetime

import pytest

from agenda.models import Agenda
from bodies.models import Body, DecisionStep, Membership, Person, members_as_written
from common.demo import load_all

from .seed_bijlage2 import BIJLAGE_2_ROWS

pytestmark = pytest.mark.django_db


def _cells(body, *, show_private=True):
    seats = list(body.memberships.order_by("order"))
    municipalities = [s for s in seats if s.side == Membership.Side.MUNICIPALITIES]
    others = [s for s in seats if s.side == Membership.Side.OTHERS]
    return (
        members_as_written(municipalities, show_private=show_private),
        members_as_written(others, show_private=show_private),
    )


def test_the_copy_of_bijlage_2_in_the_tests_is_verbatim(seed_text):
    text = seed_text("000")
    for name, reach, remit, _marks, municipalities, others in BIJLAGE_2_ROWS:
        for cell in (name, reach, remit, municipalities, others):
            assert cell in text


def test_every_body_of_bijlage_2_is_there_with_reach_themes_and_pillar_marks(demo):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    pillars = list(agenda.pillars.order_by("order"))
    for name, reach, remit, marks, _m, _o in BIJLAGE_2_ROWS:
        body = next(b for b in Body.objects.filter(agendas=agenda) if b.full_name == name)
        assert (body.reach, body.remit) == (reach, remit)
        found = {bp.pillar_id: bp.mark for bp in body.body_pillars.all()}
        assert tuple(found.get(p.pk, "") for p in pillars) == marks, name
    assert Body.objects.filter(agendas=agenda).count() == len(BIJLAGE_2_ROWS)


def test_every_member_is_reproduced_exactly_as_written(demo):
    bodies = {b.full_name: b for b in Body.objects.all()}
    for name, _reach, _remit, _marks, municipalities, others in BIJLAGE_2_ROWS:
        assert _cells(bodies[name]) == (municipalities, others), name


def test_names_are_kept_as_people_not_as_copies_in_the_seats(demo):
    people_seats = Membership.objects.filter(person__isnull=False)
    assert people_seats.count() > 100
    # One person for every spelling of the same name.
    marieke = Person.objects.get(name="Marieke van Dijk")
    assert list(marieke.aliases.values_list("name", flat=True)) == ["Marieke Van Dijk"]
    assert marieke.memberships.count() == 5
    assert not Person.objects.filter(name="Sjaak Struijf").exists()


def test_office_holders_are_public_and_civil_servants_in_tactical_bodies_are_not(demo):
    assert Person.objects.get(name="Floor Roduner").is_public
    assert Person.objects.get(name="Annemiek van Outvorst").is_public  # secretary of the BOA
    assert Person.objects.get(name="Jan Welmers").is_public  # director in a stuurgroep
    assert not Person.objects.get(name="Marc van der Zalm").is_public  # Keten-MT
    assert not Person.objects.get(name="Jorien Kaper").is_public  # MRA Directieoverleg


def test_the_governance_bodies_of_the_werkplan_are_listed_for_it(demo):
    werkplan = Agenda.objects.get(slug="zkij-werkplan-2023")
    names = set(Body.objects.filter(agendas=werkplan).values_list("name", flat=True))
    assert names == {"Stuurgroep RMT", "Keten-MT", "Regionaal Beraad Arbeidsmarkt"}


def test_the_route_of_the_2020_2022_agenda_ends_in_its_adoption(demo):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    steps = list(agenda.decision_steps.order_by("order"))
    assert [(s.date, s.body_name, s.purpose) for s in steps] == [
        (datetime.date(2020, 9, 30), "Bestuurlijk overleg Arbeidsmarkt", "bespreken"),
        (datetime.date(2020, 9, 30), "Regionaal Werkbedrijf", "bespreken"),
        (
            datetime.date(2020, 10, 20),
            "College van burgemeester en wethouders Haarlem",
            DecisionStep.Purpose.ADOPT,
        ),
        (None, "commissie Samenleving", "bespreken"),
    ]
    assert (agenda.state, agenda.adopted_on) == ("afgesloten", datetime.date(2020, 10, 20))
    assert all(s.source_note for s in steps)


def test_every_row_records_its_source(demo):
    assert not Body.objects.filter(source_note="").exists()
    assert not Membership.objects.filter(source_note="").exists()
    assert not Person.objects.filter(source_note="").exists()


def test_loading_the_bodies_twice_changes_nothing(demo):
    from bodies.demo import load_bodies

    assert load_bodies() == 0
    history = Membership.history.count()
    load_all()
    assert Membership.history.count() == history
