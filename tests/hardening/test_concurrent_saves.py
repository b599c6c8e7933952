"""Simultaneous conflicting saves: one wins, the other gets the conflict page; nothing is lost
and nothing ends in a server error.

Runs with real threads and real transactions, so it needs a database server: it runs in the
PostgreSQL pass of the suite (`DATABASE_URL=postgres://...`) and is skipped on SQLite, whose
in-memory test database cannot be shared by threads that write. (On SQLite the portal's own
database is a file; settings give it a busy timeout and immediate transactions, checked below.)
"""

import threading

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from agenda.models import Action
from tests.editing.conftest import fast_password_hashing, world  # noqa: F401
from tests.editing.test_editing import edit_data

PAIRS = 100


def save(client, url, form, barrier, results, i, errors):
    """One person's save, started at the same moment as the other's."""
    try:
        barrier.wait()
        results[i] = client.post(url, form).status_code
    except Exception as exc:  # a server error raised through the test client
        errors.append(repr(exc))
    finally:
        connection.close()


def test_sqlite_waits_for_a_concurrent_save_instead_of_failing():
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("not SQLite")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database["OPTIONS"]["timeout"] >= 5


@pytest.mark.django_db(transaction=True)
def test_a_hundred_pairs_of_simultaneous_saves_lose_nothing(world):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (runs in the PostgreSQL pass of the suite)")
    coordinator = world.users["coordinator"]
    action = world.pow_action
    url = reverse("agenda:action_edit", args=[action.pk])
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(coordinator)

    statuses, errors = [], []
    for pair in range(PAIRS):
        action.refresh_from_db()
        forms = [edit_data(action, text=f"Ronde {pair} door {who}") for who in ("A", "B")]
        barrier = threading.Barrier(2)
        results = [None, None]
        threads = [
            threading.Thread(
                target=save, args=(clients[i], url, forms[i], barrier, results, i, errors)
            )
            for i in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        statuses.append(tuple(sorted(results, key=str)))
        action.refresh_from_db()
        winner = forms[results.index(302)]["text"] if 302 in results else None
        assert action.text == winner, (pair, results)  # the saved text is the winner's
        assert action.version == pair + 2

    assert errors == []
    assert all(status == (302, 409) for status in statuses), statuses
    # Every save that was confirmed is in the history: no update was lost.
    assert Action.history.filter(id=action.pk, version__gt=1).count() == PAIRS
