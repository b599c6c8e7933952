"""A crash shows a Dutch page; the organisations index answers "what do we lead?"."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.views.defaults import server_error

from agenda.models import Action, Agenda
from governance.models import Organisation

pytestmark = pytest.mark.django_db


def test_a_crash_shows_a_plain_dutch_page(rf):
    response = server_error(rf.get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="nl">' in page
    assert "Er ging iets mis" in page
    assert "Er is niets gewijzigd" in page


def test_the_organisations_index_counts_the_actions_each_leads_in_visible_agendas(
    client, demo, django_user_model
):
    url = reverse("agenda:organisation_list")
    assert url == "/organisaties/"
    home = client.get("/").content.decode()
    assert f'href="{url}"' in home  # reachable from the menu

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    rows = {o.pk: o.action_count for o in response.context["organisations"]}
    public_states = Agenda.PUBLIC_STATES
    for organisation in Organisation.objects.all():
        public = Action.objects.filter(
            leads=organisation, theme__agenda__state__in=public_states
        ).count()
        assert rows[organisation.pk] == public
        assert organisation.get_absolute_url() in page
    counting = [q for q in queries.captured_queries if "agenda_action" in q["sql"]]
    assert len(counting) == 1

    busiest = max(Organisation.objects.all(), key=lambda o: o.led_actions.count())
    client.force_login(django_user_model.objects.create_user("lid", password="long phrase 12"))
    rows = {o.pk: o.action_count for o in client.get(url).context["organisations"]}
    assert rows[busiest.pk] == busiest.led_actions.count() > 0
