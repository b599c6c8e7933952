"""The rules the database and the models hold for bodies, seats and decision steps."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bodies.models import DecisionStep, Membership, PersonAlias, members_as_written
from tests.factories import (
    AgendaFactory,
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def test_a_seat_is_a_person_or_an_organisation_seat_not_both():
    body = BodyFactory()
    person = PersonFactory(region=body.region)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(body=body, person=person, seat_label="naam volgt", side="andere")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(body=body, side="andere")
    seat = Membership(body=body, person=person, seat_label="naam volgt", side="andere", order=1)
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert "seat_label" in error.value.message_dict


def test_a_body_has_one_current_chair_but_a_past_chair_may_stay():
    body = BodyFactory()
    MembershipFactory(body=body, role=Membership.Role.CHAIR)
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(body=body, role=Membership.Role.CHAIR)
    MembershipFactory(body=body, role=Membership.Role.CHAIR, until=datetime.date(2021, 1, 1))


def test_a_seat_cannot_end_before_it_starts():
    seat = MembershipFactory.build(
        body=BodyFactory(), since=datetime.date(2021, 5, 1), until=datetime.date(2021, 1, 1)
    )
    seat.person = PersonFactory(region=seat.body.region)
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert "until" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        seat.save()


def test_two_seats_cannot_share_a_place_on_the_same_side():
    body = BodyFactory()
    MembershipFactory(body=body, order=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(body=body, order=1)


def test_punctuation_after_a_seat_cannot_hide_a_name():
    seat = MembershipFactory(trailing_text=")")
    seat.full_clean()
    seat.trailing_text = "Jan"
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert "trailing_text" in error.value.message_dict


def test_a_spelling_must_belong_to_the_seated_person():
    seat = MembershipFactory()
    other = PersonFactory(region=seat.body.region)
    seat.alias = PersonAlias.objects.create(person=other, name="Ander")
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert "alias" in error.value.message_dict


def test_a_person_of_another_region_cannot_take_a_seat():
    seat = MembershipFactory()
    seat.person = PersonFactory()
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert "person" in error.value.message_dict


def test_a_decision_step_names_a_body_and_an_adoption_may_have_a_date_as_written():
    agenda = AgendaFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionStep.objects.create(agenda=agenda, order=1, purpose="bespreken")
    step = DecisionStep(
        agenda=agenda, order=1, purpose="vaststellen", body_text="raad", date_text="najaar 2019"
    )
    step.full_clean()
    assert step.date_display == "najaar 2019"
    period = DecisionStep(
        agenda=agenda,
        order=1,
        purpose="bespreken",
        body_text="raad",
        date=datetime.date(2019, 9, 1),
        date_until=datetime.date(2019, 8, 1),
    )
    with pytest.raises(ValidationError) as error:
        period.full_clean()
    assert "date_until" in error.value.message_dict
    DecisionStep.objects.create(agenda=agenda, order=1, purpose="bespreken", body_text="raad")
    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionStep.objects.create(agenda=agenda, order=1, purpose="bespreken", body_text="x")


def test_a_seat_prints_role_affiliation_and_note_in_parentheses():
    body = BodyFactory()
    person = PersonFactory(region=body.region, name="Jan Welmers", is_public=True)
    seat = MembershipFactory(body=body, person=person, role="voorzitter", affiliation="Heliomare")
    assert seat.display(show_private=False) == "Jan Welmers (vz, Heliomare)"
    seat.note = "?"
    assert seat.display(show_private=False) == "Jan Welmers (vz, Heliomare, ?)"


def test_a_hidden_name_shows_the_organisation_instead():
    body = BodyFactory()
    org = OrganisationFactory(name="Gemeente Velsen")
    person = PersonFactory(region=body.region, name="Karen Bruijns", organisation=org)
    seat = MembershipFactory(body=body, person=person)
    assert seat.display(show_private=False) == "naam afgeschermd (Gemeente Velsen)"
    assert seat.display(show_private=True) == "Karen Bruijns"
    seat.affiliation = "Velsen"
    assert seat.display(show_private=False) == "naam afgeschermd (Velsen)"


def test_prospective_seats_share_one_pair_of_parentheses_and_joiners_are_kept():
    body = BodyFactory()
    names = ["A", "B", "C", "D"]
    seats = [
        MembershipFactory(
            body=body, person=PersonFactory(region=body.region, name=n, is_public=True)
        )
        for n in names
    ]
    seats[1].is_prospective = seats[2].is_prospective = True
    seats[3].joiner = Membership.Joiner.AND
    assert members_as_written(seats, show_private=False) == "A, (B, C) en D"


def test_the_overview_shows_only_the_seats_held_today():
    from django.utils import timezone

    from bodies.services import bodies_overview

    body = BodyFactory()
    today = timezone.localdate()
    for name, since, until in [
        ("Vertrokken", None, today - datetime.timedelta(days=1)),
        ("Zittend", None, None),
        ("Nog niet begonnen", today + datetime.timedelta(days=3), None),
    ]:
        person = PersonFactory(region=body.region, name=name, is_public=True)
        MembershipFactory(body=body, person=person, since=since, until=until)
    groups = bodies_overview(bodies=type(body).objects.all(), pillars=[], show_private=False)
    assert groups[0]["rows"][0]["municipalities"] == "Zittend"
