"""The pages of the bodies: what visitors see, and what coordinators may change."""

import json
import re
from html import unescape

import pytest
from django.urls import reverse

from agenda.models import Agenda
from bodies.models import Body, DecisionStep, Membership, Person
from governance.models import Organisation
from tests.factories import (
    AgendaFactory,
    BodyFactory,
    MembershipFactory,
    PersonFactory,
    make_user,
)

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    """The page as a reader sees it: inline markup dropped, other tags as spaces."""
    html = re.sub(r"</?(a|strong|span|em)\b[^>]*>", "", response.content.decode())
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture
def viewer():
    return make_user("lezer", role="viewer")


# --- what visitors see ---------------------------------------------------------------------


def test_anonymous_visitor_finds_the_bodies_by_level_from_the_home_page(demo, client):
    home = client.get("/")
    assert reverse("bodies:body_list") in home.content.decode()
    page = text_of(client.get(reverse("bodies:body_list")))
    assert "Bestuurlijk" in page and "Tactisch en uitvoerend" in page
    assert page.index("Bestuurlijk") < page.index("Tactisch en uitvoerend")
    assert "Floor Roduner (vz)" in page
    assert "Annemiek van Outvorst (secr)" in page
    assert "Rob van Hooven (UWV)" in page
    assert "Bijlage 2 van Regionale aanpak arbeidsmarkt" in page and "(PDF, ± 3 pagina's)" in page


def test_anonymous_visitor_sees_civil_servants_names_withheld(demo, client):
    page = text_of(client.get(reverse("bodies:body_list")))
    assert "Marc van der Zalm" not in page
    assert "naam afgeschermd (Heemstede)" in page
    assert "Jorien Kaper" not in page
    keten = Body.objects.get(name="Keten-MT")
    detail = text_of(client.get(keten.get_absolute_url()))
    assert "Marc van der Zalm" not in detail
    assert "Karin Meulenbelt" not in detail
    assert "naam afgeschermd (vz)" in detail
    assert "Rob van Hooven (UWV)" in detail


def test_logged_in_users_see_every_name(demo, client, viewer):
    client.force_login(viewer)
    page = text_of(client.get(reverse("bodies:body_list")))
    assert "Marc van der Zalm (Heemstede)" in page
    assert "Karin Meulenbelt (vz)" in page
    assert "naam afgeschermd" not in page


def test_the_body_page_shows_its_pillars_and_their_themes(demo, client):
    rwb = Body.objects.get(name="Regionaal Werkbedrijf")
    page = text_of(client.get(rwb.get_absolute_url()))
    assert "1. Uitkering naar werk gedekt (x)" in page
    assert "4. Werkgelegenheid onzeker (?)" in page
    assert "Daling werkloosheid" in page  # theme 1, under a covered pillar
    assert "Publiek-private thema's met betrekking tot arbeidsmarkt" in page


def test_the_agenda_page_shows_its_decision_route(demo, client):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    page = text_of(client.get(agenda.get_absolute_url()))
    route = page[page.index("Behandeling") :]
    assert "30 september 2020" in route
    assert "20 oktober 2020" in route
    assert "vaststellen" in route
    assert "commissie Samenleving" in route
    assert "Bijlage 2 (" in page  # the link beside Bijlage 1, with the size of the annex
    assert (
        reverse("bodies:bijlage2_pdf", args=[agenda.slug])
        in client.get(agenda.get_absolute_url()).content.decode()
    )


def test_the_organisation_page_lists_its_seats_in_bodies(demo, client):
    uwv = Organisation.objects.get(name="UWV")
    page = text_of(client.get(uwv.get_absolute_url()))
    assert "Zetels in overleggen" in page
    assert "Bestuurlijk overleg Arbeidsmarkt (BOA): Rob van Hooven (UWV)" in page
    assert "Arbeidsmarkt Regionaal Overleg (AMRO): naam afgeschermd (UWV)" in page


def test_a_concept_agendas_pillars_are_not_shown_to_anonymous_visitors(concept_demo, client):
    keten = Body.objects.get(name="Keten-MT")
    page = text_of(client.get(keten.get_absolute_url()))
    assert "Naar een sluitende infrastructuur" not in page


# --- who may edit --------------------------------------------------------------------------


@pytest.fixture
def world():
    body = BodyFactory()
    agenda = AgendaFactory(region=body.region, state=Agenda.State.CONCEPT)
    body.agendas.add(agenda)
    seat = MembershipFactory(body=body)
    step = DecisionStep.objects.create(agenda=agenda, order=1, purpose="bespreken", body=body)
    users = {
        "coordinator": make_user("coord", role="coordinator", region=body.region),
        "other_coordinator": make_user("ander", role="coordinator", region=BodyFactory().region),
        "partner": make_user("partner", role="partner", region=body.region),
    }
    return {"body": body, "agenda": agenda, "seat": seat, "step": step, "users": users}


def edit_urls(world):
    body, seat, step, agenda = world["body"], world["seat"], world["step"], world["agenda"]
    person = seat.person
    return [
        reverse("bodies:body_update", args=[body.pk]),
        reverse("bodies:body_pillars", args=[body.pk]),
        reverse("bodies:body_delete", args=[body.pk]),
        reverse("bodies:membership_create", args=[body.pk]),
        reverse("bodies:membership_update", args=[seat.pk]),
        reverse("bodies:membership_delete", args=[seat.pk]),
        reverse("bodies:person_detail", args=[person.pk]),
        reverse("bodies:person_update", args=[person.pk]),
        reverse("bodies:person_export", args=[person.pk]),
        reverse("bodies:person_remove", args=[person.pk]),
        reverse("bodies:decision_step_create", args=[agenda.slug]),
        reverse("bodies:decision_step_update", args=[step.pk]),
        reverse("bodies:decision_step_delete", args=[step.pk]),
        reverse("bodies:consultation_create", args=[agenda.slug]),
    ]


REGION_URLS = ["bodies:body_create", "bodies:person_list", "bodies:person_create"]


def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    for url in edit_urls(world) + [reverse(name) for name in REGION_URLS]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


@pytest.mark.parametrize("role", ["partner", "other_coordinator"])
def test_others_than_the_regions_coordinator_get_403(client, world, role):
    client.force_login(world["users"][role])
    for url in edit_urls(world):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code == 403, url
    assert Body.objects.filter(pk=world["body"].pk).exists()
    assert Person.objects.filter(pk=world["seat"].person_id).exists()


def test_a_partner_cannot_add_bodies_or_see_the_people(client, world):
    client.force_login(world["users"]["partner"])
    for name in REGION_URLS:
        assert client.get(reverse(name)).status_code == 403, name


def test_a_coordinator_sees_only_the_people_of_their_own_region(client, world):
    client.force_login(world["users"]["other_coordinator"])
    page = client.get(reverse("bodies:person_list")).content.decode()
    assert world["seat"].person.name not in page


def test_the_coordinator_opens_every_edit_page(client, world):
    client.force_login(world["users"]["coordinator"])
    for url in edit_urls(world) + [reverse(name) for name in REGION_URLS]:
        assert client.get(url).status_code == 200, url


def test_the_coordinator_adds_a_seat_for_an_organisation(client, world):
    client.force_login(world["users"]["coordinator"])
    body = world["body"]
    response = client.post(
        reverse("bodies:membership_create", args=[body.pk]),
        {
            "side": "andere",
            "order": "5",
            "seat_label": "naam volgt",
            "affiliation": "Velsen",
            "role": "lid",
            "joiner": "comma",
        },
    )
    assert response.status_code == 302
    seat = body.memberships.get(seat_label="naam volgt")
    assert seat.display(show_private=False) == "naam volgt (Velsen)"
    assert seat.history.first().history_user == world["users"]["coordinator"]


def test_a_seat_with_both_a_person_and_a_seat_label_is_refused(client, world):
    client.force_login(world["users"]["coordinator"])
    body = world["body"]
    before = body.memberships.count()
    response = client.post(
        reverse("bodies:membership_create", args=[body.pk]),
        {
            "side": "andere",
            "order": "9",
            "person": str(world["seat"].person_id),
            "seat_label": "naam volgt",
            "role": "lid",
            "joiner": "comma",
            "since": "niet-een-datum",
        },
    )
    assert response.status_code == 200
    assert "Het formulier is niet opgeslagen." in response.content.decode()
    assert body.memberships.count() == before


def test_deleting_a_seat_asks_for_confirmation_first(client, world):
    client.force_login(world["users"]["coordinator"])
    seat = world["seat"]
    url = reverse("bodies:membership_delete", args=[seat.pk])
    assert "Ja, verwijderen" in client.get(url).content.decode()
    assert Membership.objects.filter(pk=seat.pk).exists()
    client.post(url)
    assert not Membership.objects.filter(pk=seat.pk).exists()


def test_a_body_in_a_decision_route_is_not_deleted(client, world):
    client.force_login(world["users"]["coordinator"])
    body = world["body"]
    response = client.post(reverse("bodies:body_delete", args=[body.pk]))
    assert response.status_code == 200
    assert "behandeling" in response.content.decode()
    assert Body.objects.filter(pk=body.pk).exists()


def test_a_vaststellen_step_entered_in_the_browser_leaves_the_agenda_concept(client, world):
    client.force_login(world["users"]["coordinator"])
    agenda = world["agenda"]
    response = client.post(
        reverse("bodies:decision_step_create", args=[agenda.slug]),
        {"date": "2021-03-02", "body_text": "college", "purpose": "vaststellen", "conclusion": ""},
    )
    assert response.status_code == 302
    agenda.refresh_from_db()
    assert (agenda.state, agenda.adopted_on) == ("concept", None)
    assert agenda.decision_steps.get(purpose="vaststellen").order == 2


def test_a_step_with_a_vague_date_shows_it_as_written(client, world):
    client.force_login(world["users"]["coordinator"])
    agenda = world["agenda"]
    response = client.post(
        reverse("bodies:decision_step_create", args=[agenda.slug]),
        {"date_text": "najaar 2019", "body_text": "gemeenteraad", "purpose": "vaststellen"},
    )
    assert response.status_code == 302
    assert "najaar 2019" in text_of(client.get(agenda.get_absolute_url()))
    agenda.refresh_from_db()
    assert agenda.state == "concept"


def test_the_coordinator_sets_the_pillars_of_a_body(client, world):
    client.force_login(world["users"]["coordinator"])
    body, agenda = world["body"], world["agenda"]
    from tests.factories import PillarFactory

    first = PillarFactory(agenda=agenda, order=1)
    second = PillarFactory(agenda=agenda, order=2)
    client.post(
        reverse("bodies:body_pillars", args=[body.pk]),
        {f"pillar_{first.pk}": "certain", f"pillar_{second.pk}": "uncertain"},
    )
    assert {bp.pillar_id: bp.mark for bp in body.body_pillars.all()} == {
        first.pk: "x",
        second.pk: "?",
    }


def test_the_coordinator_exports_and_then_removes_a_person(client, world):
    client.force_login(world["users"]["coordinator"])
    seat = world["seat"]
    person = seat.person
    export = client.get(reverse("bodies:person_export", args=[person.pk]))
    assert export["Content-Type"] == "application/json"
    assert "attachment" in export["Content-Disposition"]
    assert json.loads(export.content)["person"]["name"] == person.name
    confirm = client.get(reverse("bodies:person_remove", args=[person.pk]))
    assert "verwijderde persoon" in confirm.content.decode()
    client.post(reverse("bodies:person_remove", args=[person.pk]))
    seat.refresh_from_db()
    assert seat.person_removed
    page = client.get(world["body"].get_absolute_url()).content.decode()
    assert "verwijderde persoon" in page


def test_user_text_is_escaped_on_the_pages(client, world):
    seat = world["seat"]
    seat.person.name = "<script>alert(1)</script>"
    seat.person.is_public = True
    seat.person.save()
    page = client.get(world["body"].get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_the_person_pages_are_not_for_a_viewer(client, viewer):
    PersonFactory()
    client.force_login(viewer)
    assert client.get(reverse("bodies:person_list")).status_code == 403


def test_the_bodies_page_needs_few_queries_however_many_seats(demo, client, viewer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(viewer)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("bodies:body_list"))
    seats = Membership.objects.count()
    assert seats > 100
    assert len(queries) < 25


def test_the_coordinator_keeps_the_other_spellings_of_a_name(client, world):
    client.force_login(world["users"]["coordinator"])
    person = world["seat"].person
    response = client.post(
        reverse("bodies:person_update", args=[person.pk]),
        {
            "region": str(person.region_id),
            "name": "Sjaak Struif",
            "other_spellings": "Sjaak Struijf\n  Sjaak   Struijf \n",
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_public and person.name == "Sjaak Struif"
    assert list(person.aliases.values_list("name", flat=True)) == ["Sjaak Struijf"]


def test_the_coordinator_records_a_partners_input_and_it_shows_in_the_matrix(client, world):
    from tests.factories import OrganisationFactory

    client.force_login(world["users"]["coordinator"])
    agenda = world["agenda"]
    partner = OrganisationFactory(name="FNV")
    response = client.post(
        reverse("bodies:consultation_create", args=[agenda.slug]),
        {
            "round": "1",
            "partner": str(partner.pk),
            "order": "1",
            "input_text": "Meer aandacht voor <b>flexwerkers</b>.",
            "response_text": "Overgenomen in thema 6.",
        },
    )
    assert response.status_code == 302
    page = client.get(agenda.get_absolute_url()).content.decode()
    matrix = page[page.index('id="inbreng"') :]
    assert "Meer aandacht voor &lt;b&gt;flexwerkers&lt;/b&gt;." in matrix
    assert "Overgenomen in thema 6." in matrix
    item = agenda.consultation_inputs.get()
    assert client.get(reverse("bodies:consultation_delete", args=[item.pk])).status_code == 200
    client.post(reverse("bodies:consultation_delete", args=[item.pk]))
    assert not agenda.consultation_inputs.exists()
