"""Every list and detail page runs the same number of SQL queries whatever the number of actions."""

import pytest
from django.db import connection
from django.urls import reverse

from agenda.models import Action

from .test_table_queries import build_agenda

pytestmark = pytest.mark.django_db

PAGES = [
    ("agenda:agenda_detail", "slug"),
    ("agenda:action_table", "slug"),
    ("agenda:action_detail", "action"),
    ("evaluation:overview", "slug"),
    ("financing:funding_overview", "slug"),
    ("financing:budget_table", "slug"),
    ("financing:allocation_overview", "slug"),
    ("agenda:organisation_list", None),
    ("agenda:home", None),
]


def queries(client, url) -> int:
    seen = []

    def record(execute, sql, *args):
        seen.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(record):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(seen)


def url_for(name, kind, agenda):
    if kind == "slug":
        return reverse(name, args=[agenda.slug])
    if kind == "action":
        return reverse(name, args=[Action.objects.in_agenda(agenda).order_by("pk")[3].pk])
    return reverse(name)


@pytest.mark.parametrize(("name", "kind"), PAGES)
def test_page_runs_the_same_queries_for_10_and_300_actions(client, name, kind):
    small = build_agenda("klein", 10)
    small_count = queries(client, url_for(name, kind, small))
    large = build_agenda("groot", 300)
    large_count = queries(client, url_for(name, kind, large))
    assert small_count == large_count, (name, small_count, large_count)


def test_action_detail_for_a_visitor_runs_seven_queries_outside_a_transaction(client):
    """The action, its leads, its successors, funding streams, allocations, evaluation and
    indicators; no region look-up for edit links a visitor never sees, no BEGIN/COMMIT."""
    agenda = build_agenda("detail", 10)
    seen = []

    def record(execute, sql, *args):
        seen.append(sql)
        return execute(sql, *args)

    url = url_for("agenda:action_detail", "action", agenda)
    with connection.execute_wrapper(record):
        response = client.get(url)
    assert response.status_code == 200
    # Seven, plus at most the header's look-up of the portal's region (never one per edit link).
    regions = [sql for sql in seen if sql.startswith('SELECT "governance_region"')]
    assert len(seen) - len(regions) == 7, "\n".join(sql[:90] for sql in seen)
    assert len(regions) <= 1, regions
