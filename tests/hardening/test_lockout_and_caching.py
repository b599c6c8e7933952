"""The lockout can't be turned against users, and private responses are never cached."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from common.client_ip import client_ip
from tests.editing.conftest import PASSWORD, client_for, fast_password_hashing, world  # noqa: F401

LOGIN = "/accounts/login/"


def fail_until_locked(client, username, **extra):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(LOGIN, {"username": username, "password": "fout"}, **extra)
    return response


def test_failures_from_one_address_do_not_lock_the_account_elsewhere(world):  # noqa: F811
    attacker = Client(REMOTE_ADDR="198.51.100.66")
    assert fail_until_locked(attacker, "anna").status_code == 429
    owner = Client(REMOTE_ADDR="203.0.113.7")
    response = owner.post(LOGIN, {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302
    assert owner.session["_auth_user_id"] == str(world.users["coordinator"].pk)


def test_failures_for_one_account_do_not_lock_other_accounts_at_that_address(world):  # noqa: F811
    shared = Client(REMOTE_ADDR="203.0.113.7")
    assert fail_until_locked(shared, "anna").status_code == 429
    response = shared.post(LOGIN, {"username": "piet", "password": PASSWORD})
    assert response.status_code == 302


def test_the_lockout_page_says_what_to_do(world):  # noqa: F811
    page = fail_until_locked(Client(REMOTE_ADDR="198.51.100.66"), "anna").content.decode()
    assert "Inloggen is geblokkeerd" in page
    assert "probeer het" in page.lower()
    assert "beheerder" in page.lower()


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_TLS_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    settings.TRUSTED_PROXY_COUNT = 1


def test_behind_the_proxy_visitors_are_told_apart_and_cannot_lock_each_other(
    world,  # noqa: F811
    behind_proxy,
):
    attacker = Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.66")
    assert fail_until_locked(attacker, "anna").status_code == 429
    owner = Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.7")
    response = owner.post(LOGIN, {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302


class FakeRequest:
    def __init__(self, remote, forwarded=None):
        self.META = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            self.META["HTTP_X_FORWARDED_FOR"] = forwarded


def test_the_client_address_is_the_connection_without_a_proxy(settings):
    settings.BEHIND_TLS_PROXY = False
    assert client_ip(FakeRequest("192.0.2.9", "198.51.100.66")) == "192.0.2.9"


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("10.0.0.5", "203.0.113.7", "203.0.113.7"),  # through the proxy
        ("10.0.0.5", "198.51.100.66, 203.0.113.7", "203.0.113.7"),  # a forged hop is ignored
        ("192.0.2.9", "198.51.100.66", "192.0.2.9"),  # not through the proxy: its own address
        ("10.0.0.5", None, "10.0.0.5"),  # the proxy itself
    ],
)
def test_behind_the_proxy_only_the_trusted_proxy_is_believed(
    behind_proxy, remote, forwarded, expected
):
    assert client_ip(FakeRequest(remote, forwarded)) == expected


def test_two_trusted_proxies(settings):
    settings.BEHIND_TLS_PROXY = True
    settings.TRUSTED_PROXIES = ["10.0.0.4", "10.0.0.5"]
    settings.TRUSTED_PROXY_COUNT = 2
    request = FakeRequest("10.0.0.5", "198.51.100.66, 203.0.113.7, 10.0.0.4")
    assert client_ip(request) == "203.0.113.7"


@pytest.mark.parametrize(
    "url",
    [
        lambda w: reverse("agenda:agenda_detail", args=[w.agenda.slug]),
        lambda w: reverse("agenda:action_detail", args=[w.pow_action.pk]),
        lambda w: reverse("agenda:action_edit", args=[w.pow_action.pk]),
    ],
)
def test_pages_for_a_logged_in_user_are_private_and_not_stored(world, client_for, url):  # noqa: F811
    response = client_for(world.users["coordinator"]).get(url(world))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_public_pages_for_visitors_stay_cacheable(world, client):  # noqa: F811
    response = client.get(reverse("agenda:agenda_detail", args=[world.agenda.slug]))
    assert "no-store" not in response.get("Cache-Control", "")


def test_the_logged_in_bijlage_2_and_a_person_export_are_not_stored(world, client_for):  # noqa: F811
    from bodies.models import Person

    person = Person.objects.create(region=world.region, name="Persoon", is_public=False)
    client = client_for(world.users["coordinator"])
    for url in (
        reverse("bodies:bijlage2_pdf", args=[world.agenda.slug]),
        reverse("bodies:person_export", args=[person.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url
