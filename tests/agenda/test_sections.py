"""The sections, filters and export column the apps above the agenda add appear where they did
when the agenda declared them itself."""

import pytest
from django.urls import reverse

from agenda.filters import ActionFilter
from agenda.models import Agenda
from agenda.tables import ActionTable
from api.filters import ApiActionFilter
from evaluation.models import Evaluation
from financing.models import Allocation

pytestmark = pytest.mark.django_db


def positions(html: str, markers: list[str]) -> list[int]:
    return [html.index(marker) for marker in markers]


def test_the_agenda_page_shows_financing_then_the_decision_route_then_the_evaluation(client, demo):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    html = client.get(agenda.get_absolute_url()).content.decode()
    found = positions(html, ['id="financing-heading"', 'id="behandeling"', 'id="evaluatie"'])
    assert found == sorted(found)


def test_the_action_page_shows_its_funding_then_its_evaluation(client, demo):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    evaluated = Evaluation.objects.in_agenda(agenda).values_list("action", flat=True)
    action = Allocation.objects.in_agenda(agenda).filter(action__in=evaluated).first().action
    html = client.get(action.get_absolute_url()).content.decode()
    found = positions(html, ['id="action-financing-heading"', 'id="evaluatie"'])
    assert found == sorted(found)


def test_the_table_filters_keep_their_order_in_the_page_and_the_api():
    order = ["q", "pillar", "theme", "scope", "status", "stage", "outcome", "lead", "funding"]
    assert list(ActionFilter.base_filters) == order
    assert list(ApiActionFilter.base_filters) == order


def test_the_funding_column_is_the_last_of_the_export(client, demo):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    assert list(ActionTable.base_columns)[-1] == "funding"
    response = client.get(reverse("agenda:action_table", args=[agenda.slug]), {"_export": "csv"})
    header = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert header.endswith("Financieringsbronnen en bedragen")
