"""A coordinator sets the final statuses of a closed agenda from its evaluation: the changes
are listed for confirmation first, then made and attributed in the history."""

import re
from html import unescape

import pytest
from django.urls import reverse

from agenda.models import Agenda, Status
from evaluation.models import Outcome
from tests.factories import ActionFactory, EvaluationFactory, coordinator, partner

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def closed():
    loopt, _ = Status.objects.get_or_create(slug="loopt", defaults={"name": "loopt"})
    done, _ = Status.objects.get_or_create(slug="afgerond", defaults={"name": "afgerond"})
    finished = ActionFactory(text="Banenmarkt", status=loopt)
    agenda = finished.agenda
    EvaluationFactory(action=finished, outcome=Outcome.COMPLETED)
    unevaluated = ActionFactory(text="Nog zonder evaluatie", status=loopt, theme=finished.theme)
    agenda.state = Agenda.State.CLOSED
    agenda.save()
    return agenda, finished, unevaluated, done


def test_the_coordinator_confirms_then_the_statuses_follow_the_evaluation(client, closed):
    agenda, finished, unevaluated, done = closed
    user = coordinator(agenda.region)
    client.force_login(user)
    page = _text(client.get(agenda.get_absolute_url()))
    assert "Eindstatus overnemen uit de evaluatie" in page
    url = reverse("evaluation:final_statuses", args=[agenda.slug])
    confirm = _text(client.get(url))
    assert "Banenmarkt loopt afgerond" in confirm
    assert "Nog zonder evaluatie" not in confirm
    finished.refresh_from_db()
    assert finished.status.slug == "loopt"  # nothing changes before the confirmation

    response = client.post(url)
    assert response.status_code == 302
    finished.refresh_from_db()
    unevaluated.refresh_from_db()
    assert finished.status == done
    assert unevaluated.status.slug == "loopt"
    last = finished.history.first()
    assert last.history_user == user
    assert last.history_change_reason == "Eindstatus uit de evaluatie"
    assert "Banenmarkt" not in _text(client.get(url))  # a second time: nothing left to change


def test_only_a_coordinator_of_a_closed_agenda_may(client, closed):
    agenda, finished, _unevaluated, _done = closed
    url = reverse("evaluation:final_statuses", args=[agenda.slug])
    client.force_login(partner(agenda.region))
    assert client.post(url).status_code == 404
    assert "Eindstatus overnemen" not in _text(client.get(agenda.get_absolute_url()))
    finished.refresh_from_db()
    assert finished.status.slug == "loopt"

    agenda.state = Agenda.State.ADOPTED
    agenda.save()
    client.force_login(coordinator(agenda.region))
    assert "Alleen een afgesloten agenda" in _text(client.post(url))
    finished.refresh_from_db()
    assert finished.status.slug == "loopt"
