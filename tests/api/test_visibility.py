"""Visitors see through the API exactly what the pages show them; logged-in users see more."""

import html

import pytest

from agenda.models import Action, Agenda
from bodies.models import Body, Person

from .conftest import all_pages

LISTS = [
    "/api/v1/regions/",
    "/api/v1/organisations/",
    "/api/v1/agendas/",
    "/api/v1/funding-streams/",
    "/api/v1/bodies/",
    "/api/v1/decision-steps/",
    "/api/v1/evaluations/",
]
SECRET = "Interne notitie: nog niet delen"


@pytest.fixture
def notes(concept_demo):
    Agenda.objects.update(internal_note=SECRET)
    Action.objects.update(internal_note=SECRET)


def crawl(client) -> str:
    """Every list, every object's detail and every agenda's actions, as one text."""
    texts = []
    for url in LISTS:
        for item in all_pages(client, url):
            texts.append(str(item))
            detail = client.get(item["url"]) if "url" in item else None
            if detail is not None:
                assert detail.status_code == 200, item["url"]
                texts.append(detail.content.decode())
            if "actions_url" in item:
                for action in all_pages(client, item["actions_url"], page_size=500):
                    texts.append(str(action))
                    texts.append(client.get(action["url"]).content.decode())
    return "\n".join(texts)


def test_visitors_see_no_concept_agenda_no_internal_note_and_no_masked_name(notes, api):
    everything = crawl(api)
    concepts = Agenda.objects.filter(state=Agenda.State.CONCEPT)
    assert concepts.exists()
    for concept in concepts:
        assert concept.slug not in everything
        assert concept.title not in everything
        assert api.get(f"/api/v1/agendas/{concept.slug}/").status_code == 404
        assert api.get(f"/api/v1/agendas/{concept.slug}/actions/").status_code == 404
        action = Action.objects.in_agenda(concept).first()
        assert api.get(f"/api/v1/actions/{action.pk}/").status_code == 404
    assert SECRET not in everything
    assert "internal_note" not in everything
    private = Person.objects.filter(is_public=False, memberships__isnull=False).distinct()
    assert private.exists()
    for person in private:
        assert person.name not in everything, person.name
    assert "naam afgeschermd" in everything


def test_logged_in_users_see_concept_agendas_internal_notes_and_every_name(notes, viewer_api):
    everything = crawl(viewer_api)
    for concept in Agenda.objects.filter(state=Agenda.State.CONCEPT):
        assert concept.slug in everything
    assert SECRET in everything
    for person in Person.objects.filter(is_public=False, memberships__isnull=False):
        assert person.name in everything


@pytest.mark.parametrize("logged_in", [False, True], ids=["visitor", "logged in"])
def test_each_seat_reads_as_on_the_body_page(demo, api, viewer, logged_in):
    if logged_in:
        api.force_login(viewer)
    for body in all_pages(api, "/api/v1/bodies/"):
        page = api.get(body["portal_url"]).content.decode()
        for seat in body["memberships"]:
            assert html.escape(seat["display"]) in page, (body["name"], seat["display"])
    assert len(all_pages(api, "/api/v1/bodies/")) == Body.objects.count()


def test_a_body_shows_no_pillar_of_a_concept_agenda_to_visitors(concept_demo, api):
    concept = Agenda.objects.filter(state=Agenda.State.CONCEPT).first()
    for body in all_pages(api, "/api/v1/bodies/"):
        assert concept.slug not in body["agendas"]
        assert all(mark["agenda"] != concept.slug for mark in body["pillars"])


def test_visitors_cannot_name_a_concept_agenda_as_a_filter(concept_demo, api):
    concept = Agenda.objects.filter(state=Agenda.State.CONCEPT).first()
    for url in ["/api/v1/evaluations/", "/api/v1/decision-steps/", "/api/v1/funding-streams/"]:
        response = api.get(url, {"agenda": concept.slug})
        assert response.status_code == 400
        assert "agenda" in response.json()["errors"]
