"""The action table runs the same number of SQL queries whatever the number of actions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agenda.models import Action, Agenda, Pillar, Scope, Status, Theme
from governance.models import Organisation, Region

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_made_anew(settings):
    """These tests count the queries of making the table: a visitor's kept copy
    (common/pagecache.py) would answer with the data version alone."""
    settings.VISITOR_PAGE_CACHE_SECONDS = 0


def build_agenda(slug: str, actions: int) -> Agenda:
    """An adopted agenda with `actions` actions over 2 pillars and 4 themes, each with 2 leads."""
    region, _ = Region.objects.get_or_create(slug="proefregio", defaults={"name": "Proefregio"})
    statuses = [
        Status.objects.get_or_create(slug=s, defaults={"name": s.replace("-", " "), "order": i})[0]
        for i, s in enumerate(["loopt", "nader-uit-te-werken", "afgerond"])
    ]
    scopes = [
        Scope.objects.get_or_create(region=region, name=n, defaults={"order": i})[0]
        for i, n in enumerate(["Regionaal", "IJmond"])
    ]
    organisations = [
        Organisation.objects.get_or_create(name=f"Partner {i}")[0] for i in range(1, 6)
    ]
    agenda = Agenda.objects.create(
        title=f"Agenda {slug}",
        slug=slug,
        region=region,
        first_year=2024,
        last_year=2026,
        state=Agenda.State.ADOPTED,
    )
    themes = []
    for p in (1, 2):
        pillar = Pillar.objects.create(agenda=agenda, order=p, name=f"Pijler {p}")
        for t in (1, 2):
            number = (p - 1) * 2 + t
            themes.append(
                Theme.objects.create(agenda=agenda, pillar=pillar, number=number, name=f"T{number}")
            )
    created = Action.objects.bulk_create(
        Action(
            theme=themes[i % len(themes)],
            order=i // len(themes) + 1,
            text=f"Actie {i} voor werkzoekenden",
            scope=scopes[i % 2],
            status=statuses[i % 3],
            lead_text="Partners",
            financing_text="PoW",
        )
        for i in range(actions)
    )
    links = [
        Action.leads.through(action_id=a.pk, organisation_id=organisations[(i + k) % 5].pk)
        for i, a in enumerate(created)
        for k in (0, 1)
    ]
    Action.leads.through.objects.bulk_create(links)
    return agenda


def count_table_queries(client, agenda: Agenda, **params) -> int:
    url = reverse("agenda:action_table", args=[agenda.slug])
    client.get(url, params)  # once before counting: first-use work and the options cache settle
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
        if response.streaming:  # a streamed export reads its rows while it is sent
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "params",
    [
        {"per_page": 100},
        {"per_page": 25, "page": 2, "sort": "-leads"},
        {"q": "werkzoekenden", "status": "loopt", "per_page": 50},
    ],
)
def test_table_page_runs_the_same_queries_for_10_and_1000_actions(client, params):
    small = build_agenda("klein", 10)
    large = build_agenda("groot", 1000)
    small_count = count_table_queries(client, small, **params)
    large_count = count_table_queries(client, large, **params)
    assert small_count == large_count
    assert small_count < 20


def test_export_runs_the_same_queries_for_10_and_1000_actions(client):
    small = build_agenda("klein", 10)
    large = build_agenda("groot", 1000)
    assert count_table_queries(client, small, _export="csv") == count_table_queries(
        client, large, _export="csv"
    )
