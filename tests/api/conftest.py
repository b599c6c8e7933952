import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from governance.user_services import user_create

PASSWORD = "Proef-wachtwoord-voor-api-2026"


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Request counts live in the cache: every test starts below the limits."""
    cache.clear()
    yield
    cache.clear()


def set_rates(monkeypatch, **rates):
    """Request limits for a test: the throttles read their rates when they are defined."""
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)


@pytest.fixture(autouse=True)
def generous_limits(monkeypatch):
    """Tests that read many pages stay below the limits; the throttling tests set their own."""
    set_rates(monkeypatch, anonymous="100000/hour", token="100000/hour", session="100000/hour")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def viewer(db):
    return user_create(username="lezer", role="viewer", password=PASSWORD)


@pytest.fixture
def viewer_api(viewer):
    client = APIClient()
    client.force_login(viewer)
    return client


def all_pages(client, url, **params) -> list[dict]:
    """Every result of a paged list, following `next`."""
    results = []
    response = client.get(url, params)
    while True:
        assert response.status_code == 200, response.content[:500]
        body = response.json()
        results += body["results"]
        if not body["next"]:
            return results
        response = client.get(body["next"])
