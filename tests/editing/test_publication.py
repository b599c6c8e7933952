"""Publishing, adopting and closing an agenda: each its own confirmed act, in the history."""

import re
from html import unescape

import pytest
from django.urls import reverse

from agenda.models import Agenda


def _text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_adopting_asks_for_confirmation_first_and_is_recorded_in_the_history(world, client_for):
    client = client_for(world.users["coordinator"])
    url = reverse("agenda:agenda_adopt", args=[world.concept.slug])
    first = client.post(url, {"adopted_on": "2027-02-09", "adopted_by": "gemeenteraad"})
    assert first.status_code == 200
    assert "Agenda vaststellen op 9 februari 2027?" in _text(first)
    world.concept.refresh_from_db()
    assert (world.concept.state, world.concept.adopted_on) == ("concept", None)

    done = client.post(
        url, {"adopted_on": "2027-02-09", "adopted_by": "gemeenteraad", "confirm": "yes"}
    )
    assert done.status_code == 302
    world.concept.refresh_from_db()
    assert world.concept.state == Agenda.State.ADOPTED
    assert world.concept.adopted_by == "gemeenteraad"
    history = _text(client.get(reverse("agenda:agenda_history", args=[world.concept.slug])))
    assert "Agenda vastgesteld op 9 februari 2027" in history
    assert "Anna Coördinator" in history


def test_adopting_without_a_date_says_so_in_dutch_and_changes_nothing(world, client_for):
    client = client_for(world.users["coordinator"])
    url = reverse("agenda:agenda_adopt", args=[world.concept.slug])
    page = _text(client.post(url, {"adopted_on": "", "confirm": "yes"}))
    assert "Geef de datum van de vaststelling." in page
    world.concept.refresh_from_db()
    assert world.concept.state == "concept"


@pytest.mark.parametrize("user", ["partner_pow", "viewer", "coordinator_other_region"])
def test_only_the_regions_coordinator_adopts(world, client_for, user):
    client = client_for(world.users[user])
    url = reverse("agenda:agenda_adopt", args=[world.concept.slug])
    response = client.post(url, {"adopted_on": "2027-02-09", "confirm": "yes"})
    assert response.status_code in (403, 404)
    world.concept.refresh_from_db()
    assert world.concept.state == "concept"


def test_a_published_werkplan_is_public_and_marked_not_adopted(world, client_for):
    client = client_for(world.users["coordinator"])
    url = reverse("agenda:agenda_publication", args=[world.concept.slug, "gepubliceerd"])
    assert "Deze agenda publiceren zonder vast te stellen?" in _text(client.get(url))
    assert client.post(url).status_code == 302
    world.concept.refresh_from_db()
    assert world.concept.state == Agenda.State.PUBLISHED

    anonymous = client_for(None)
    page = _text(anonymous.get(world.concept.get_absolute_url()))
    assert "Gepubliceerd, niet vastgesteld" in page
    pdf = anonymous.get(reverse("agenda:bijlage1_pdf", args=[world.concept.slug]))
    assert pdf.status_code == 200


def test_an_adopted_agenda_cannot_be_taken_back_to_concept(world, client_for):
    client = client_for(world.users["coordinator"])
    url = reverse("agenda:agenda_publication", args=[world.agenda.slug, "concept"])
    client.post(url)
    world.agenda.refresh_from_db()
    assert world.agenda.state == Agenda.State.ADOPTED


def test_the_agenda_form_no_longer_sets_the_state(world, client_for):
    client = client_for(world.users["coordinator"])
    page = client.get(reverse("agenda:agenda_edit", args=[world.concept.slug])).content.decode()
    assert 'name="state"' not in page
    assert 'name="adopted_on"' not in page
