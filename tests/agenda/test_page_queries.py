"""Every list and detail page runs the same number of SQL queries whatever the number of actions."""

import pytest
from django.db import connection
from django.urls import reverse

from agenda.models import Action, Status
from agenda.services import action_status_update
from tests.factories import coordinator

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


def recorded(client, url) -> tuple[object, list[str]]:
    seen = []

    def record(execute, sql, *args):
        seen.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(record):
        response = client.get(url)
    return response, seen


def test_action_detail_for_a_visitor_runs_eight_queries_outside_a_transaction(client):
    """The version of the data, then the action, its leads, its successors, funding streams,
    allocations, evaluation and indicators; no region look-up for edit links a visitor never
    sees, no BEGIN/COMMIT."""
    agenda = build_agenda("detail", 10)
    response, seen = recorded(client, url_for("agenda:action_detail", "action", agenda))
    assert response.status_code == 200
    # Eight, plus at most the header's look-up of the portal's region (never one per edit link).
    regions = [sql for sql in seen if sql.startswith('SELECT "governance_region"')]
    assert len(seen) - len(regions) == 8, "\n".join(sql[:90] for sql in seen)
    assert len(regions) <= 1, regions


def test_a_visitors_repeated_action_page_reads_only_the_data_version(client):
    agenda = build_agenda("herhaald", 10)
    url = url_for("agenda:action_detail", "action", agenda)
    first, _ = recorded(client, url)
    again, seen = recorded(client, url)
    assert again.content == first.content
    regions = [sql for sql in seen if sql.startswith('SELECT "governance_region"')]
    assert len(seen) - len(regions) == 1, seen


def test_a_changed_status_shows_on_the_next_visit(client):
    agenda = build_agenda("gewijzigd", 10)
    action = Action.objects.in_agenda(agenda).order_by("pk")[3]
    url = url_for("agenda:action_detail", "action", agenda)
    before = client.get(url).content.decode()
    new_status = Status.objects.create(slug="stilgelegd", name="Stilgelegd", order=9)
    assert "Stilgelegd" not in before
    action_status_update(
        action=action,
        user=coordinator(agenda.region, "coordinator-gewijzigd"),
        expected_version=action.version,
        status=new_status,
    )
    assert "Stilgelegd" in client.get(url).content.decode()


def test_a_logged_in_user_gets_the_page_made_for_them(client):
    """Logged-in users see their tools and the internal note: never a visitor's cached copy."""
    agenda = build_agenda("ingelogd", 10)
    url = url_for("agenda:action_detail", "action", agenda)
    client.get(url)
    client.force_login(coordinator(agenda.region, "coordinator-ingelogd"))
    assert 'id="internal-note-heading"' in client.get(url).content.decode()
