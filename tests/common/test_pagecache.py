"""Visitors get kept copies of the public pages; a change, a login or a language shows at once."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import reverse

from agenda.models import Action, Status
from tests.agenda.test_table_queries import build_agenda
from tests.factories import coordinator

pytestmark = pytest.mark.django_db

PAGES = ["agenda:action_detail", "agenda:action_table", "agenda:agenda_detail"]


@pytest.fixture
def agenda():
    return build_agenda("bewaard", 10)


@pytest.fixture
def action(agenda):
    return Action.objects.in_agenda(agenda).order_by("pk")[3]


def url_of(name, agenda, action) -> str:
    if name == "agenda:action_detail":
        return reverse(name, args=[action.pk])
    return reverse(name, args=[agenda.slug])


def get(client, url, **extra):
    """The response and the SQL it ran."""
    seen = []

    def record(execute, sql, *args):
        seen.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(record):
        response = client.get(url, **extra)
    return response, seen


def shown_status(response) -> str:
    return re.search(r"<dt>Status</dt><dd>([^<]*)</dd>", response.content.decode())[1]


@pytest.mark.parametrize("name", PAGES)
def test_a_visitors_repeated_page_is_the_same_and_reads_only_the_data_version(
    client, agenda, action, name
):
    url = url_of(name, agenda, action)
    first, _ = get(client, url)
    again, seen = get(client, url)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert len(seen) == 1, seen  # no BEGIN/COMMIT, no session, no region look-up
    assert not again.cookies  # no form token, no session: nothing to set
    assert again["ETag"] == first["ETag"]
    assert "no-cache" in again["Cache-Control"]
    assert "private" not in again["Cache-Control"]
    vary = {part.strip() for part in again["Vary"].split(",")}
    assert {"Cookie", "Accept-Language"} <= vary


def test_the_same_filters_in_another_order_are_the_same_page(client, agenda, action):
    url = url_of("agenda:action_table", agenda, action)
    first, _ = get(client, f"{url}?status=loopt&per_page=50")
    again, seen = get(client, f"{url}?per_page=50&status=loopt")
    assert again.content == first.content
    assert len(seen) == 1
    other, seen = get(client, f"{url}?status=afgerond&per_page=50")
    assert other.content != first.content
    assert len(seen) > 1


def test_a_visitor_asking_again_with_the_etag_gets_not_modified(client, agenda, action):
    url = url_of("agenda:action_detail", agenda, action)
    first = client.get(url)
    response = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304
    assert response.content == b""


def test_a_status_changed_through_the_form_shows_to_the_next_visitor(client, agenda, action):
    url = url_of("agenda:action_detail", agenda, action)
    before = client.get(url)
    assert shown_status(before) == action.status.name
    assert shown_status(client.get(url)) == action.status.name  # the kept copy
    new_status = Status.objects.exclude(pk=action.status_id).order_by("pk").first()

    editor = Client()
    editor.force_login(coordinator(agenda.region, "coordinator-bewaard"))
    response = editor.post(
        reverse("agenda:action_status", args=[action.pk]),
        {"status": new_status.pk, "version": action.version},
    )
    assert response.status_code == 302

    after = client.get(url)
    assert shown_status(after) == new_status.name
    assert after["ETag"] != before["ETag"]
    # and the table shows it too
    table = client.get(url_of("agenda:action_table", agenda, action)).content.decode()
    assert new_status.name in table


def test_a_logged_in_coordinator_never_gets_a_visitors_copy(client, agenda, action):
    url = url_of("agenda:action_detail", agenda, action)
    edit_link = reverse("agenda:action_edit", args=[action.pk])
    assert edit_link not in client.get(url).content.decode()
    assert edit_link not in client.get(url).content.decode()  # kept now

    client.force_login(coordinator(agenda.region, "coordinator-ingelogd"))
    response = client.get(url)
    assert edit_link in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response

    client.logout()
    assert edit_link not in client.get(url).content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_each_language_gets_its_own_copy(client, agenda, action, name):
    url = url_of(name, agenda, action)
    assert '<html lang="nl">' in client.get(url).content.decode()
    response = client.get(reverse("choose_language"), {"lang": "en", "next": url})
    assert response.status_code == 302
    assert response["Location"] == url
    assert '<html lang="en">' in client.get(url).content.decode()
    client.get(reverse("choose_language"), {"lang": "nl", "next": url})
    assert '<html lang="nl">' in client.get(url).content.decode()


def test_a_page_with_a_message_is_not_kept_and_the_message_is_shown(client, agenda, action):
    url = url_of("agenda:action_detail", agenda, action)
    client.get(url)  # a copy is kept
    # a message waiting for the visitor, in the messages cookie as a redirect would leave it
    storage = CookieStorage(RequestFactory().get(url))
    response = client.get(url)
    storage.add(constants.SUCCESS, "Opgeslagen.")
    storage.update(response)
    client.cookies.update(response.cookies)
    with_message = client.get(url)
    assert "Opgeslagen." in with_message.content.decode()
    assert "ETag" not in with_message
    assert "Opgeslagen." not in client.get(url).content.decode()


def test_nothing_is_kept_when_the_cache_is_switched_off(client, agenda, action, settings):
    settings.VISITOR_PAGE_CACHE_SECONDS = 0
    url = url_of("agenda:action_detail", agenda, action)
    client.get(url)
    response, seen = get(client, url)
    assert "ETag" not in response
    assert len(seen) > 1
