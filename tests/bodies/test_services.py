"""Recording a decision step, and removing a person (AVG) without losing the seats."""

import datetime
import json

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType

from agenda.models import Agenda
from bodies import services
from bodies.models import Membership, Person, PersonAlias, members_as_written
from tests.factories import AgendaFactory, BodyFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_a_vaststellen_step_records_a_decision_and_does_not_change_the_agenda_state():
    agenda = AgendaFactory(state=Agenda.State.CONCEPT)
    assert agenda.state == Agenda.State.CONCEPT
    services.decision_step_record(
        agenda=agenda, purpose="bespreken", body_text="commissie", date=datetime.date(2021, 1, 5)
    )
    step = services.decision_step_record(
        agenda=agenda,
        purpose="vaststellen",
        body_text="college",
        date=datetime.date(2021, 2, 9),
        conclusion="Vastgesteld.",
    )
    agenda.refresh_from_db()
    assert (agenda.state, agenda.adopted_on) == (Agenda.State.CONCEPT, None)
    assert step.order == 2
    assert agenda.history.count() == 1


def test_correcting_a_step_never_changes_the_agenda_state():
    agenda = AgendaFactory(state=Agenda.State.PUBLISHED)
    step = services.decision_step_record(
        agenda=agenda, purpose="vaststellen", body_text="raad", date=datetime.date(2021, 2, 9)
    )
    services.decision_step_update(step=step, date=datetime.date(2021, 3, 1))
    agenda.refresh_from_db()
    assert (agenda.state, agenda.adopted_on) == (Agenda.State.PUBLISHED, None)


def test_an_adoption_step_keeps_a_vague_date_as_written():
    agenda = AgendaFactory(state=Agenda.State.CONCEPT)
    step = services.decision_step_record(
        agenda=agenda,
        purpose="vaststellen",
        body_text="gemeenteraad",
        date_text="juli of september",
        date=datetime.date(2019, 7, 1),
        date_until=datetime.date(2019, 9, 30),
    )
    step.refresh_from_db()
    assert step.date_display == "juli of september"
    assert step.date == datetime.date(2019, 7, 1)
    agenda.refresh_from_db()
    assert agenda.state == Agenda.State.CONCEPT


@pytest.fixture
def seated_person():
    body = BodyFactory(name="Keten-MT")
    person = PersonFactory(region=body.region, name="Karen Bruijns")
    alias = PersonAlias.objects.create(person=person, name="Karen Buijns")
    first = MembershipFactory(body=body, person=person, affiliation="Velsen", order=1)
    second = MembershipFactory(
        body=BodyFactory(region=body.region), person=person, alias=alias, order=1
    )
    person.name = "Karen Bruijns"
    person.is_public = True
    person.save()  # a second version in the history
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(person.pk),
        object_repr="Karen Bruijns",
        action_flag=CHANGE,
        change_message="[]",
        user=_admin(),
    )
    return person, first, second


def _admin():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("beheer", "b@example.nl", "x")


def test_the_export_holds_the_person_their_seats_spellings_and_history(seated_person):
    person, first, second = seated_person
    data = services.person_export(person=person)
    text = json.dumps(data)
    assert data["person"]["name"] == "Karen Bruijns"
    assert data["person"]["other_spellings"] == ["Karen Buijns"]
    assert {m["as_printed"] for m in data["memberships"]} == {
        "Karen Bruijns (Velsen)",
        "Karen Buijns",
    }
    assert len(data["history"]["person"]) == 2
    assert len(data["history"]["memberships"]) == 2
    assert "Keten-MT" in text


def test_removing_a_person_keeps_the_seats_and_leaves_no_name_behind(seated_person):
    person, first, second = seated_person
    person_id = person.pk
    kept = services.person_remove(person=person)
    assert kept == 2
    assert not Person.objects.filter(pk=person_id).exists()
    first.refresh_from_db()
    assert first.person_removed and first.person is None
    assert members_as_written([first], show_private=True) == "verwijderde persoon (Velsen)"
    assert Membership.objects.filter(pk=second.pk, person_removed=True).exists()
    for record in Person.history.filter(id=person_id):
        assert "Bruijns" not in record.name
    assert Person.history.filter(id=person_id, history_type="-").exists()
    assert not PersonAlias.history.filter(name__contains="Buijns").exists()
    assert not Person.history.filter(name__contains="Bruijns").exists()
    assert not LogEntry.objects.filter(object_repr__contains="Bruijns").exists()


def test_after_removal_no_history_table_holds_the_name(seated_person):
    from django.apps import apps

    person, _first, _second = seated_person
    services.person_remove(person=person)
    for model in apps.get_models():
        if not model.__name__.startswith("Historical"):
            continue
        text_fields = [
            f.name
            for f in model._meta.fields
            if f.get_internal_type() in ("CharField", "TextField")
        ]
        for row in model.objects.values(*text_fields):
            for value in row.values():
                assert "Bruijns" not in str(value) and "Buijns" not in str(value), model
