"""Personal API tokens: made on the account page, shown once, stored hashed, revocable."""

import re

import pytest
from rest_framework.test import APIClient

from agenda.models import Agenda
from api.models import ApiToken
from api.services import MAX_ACTIVE_TOKENS
from governance.user_services import user_create

from .conftest import PASSWORD

PAGE = "/accounts/api-tokens/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def concept(db):
    from governance.models import Region

    region = Region.objects.create(name="Regio", slug="regio")
    return Agenda.objects.create(
        title="Concept", slug="concept", region=region, first_year=2027, last_year=2028
    )


@pytest.fixture
def browser(client, viewer):
    client.force_login(viewer)
    return client


def make_token(browser, name="dashboard") -> str:
    response = browser.post(PAGE, {"name": name})
    assert response.status_code == 200
    match = re.search(
        r'<code class="api-token" id="new-token">([^<]+)</code>', response.content.decode()
    )
    assert match, "the new token is shown"
    return match.group(1)


def bearer(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def test_the_token_page_asks_visitors_to_log_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_new_token_is_shown_once_and_only_its_hash_is_stored(browser):
    token = make_token(browser)
    row = ApiToken.objects.get()
    assert token not in {row.key_hash, row.shown_start, row.name}
    assert token.startswith(row.shown_start)
    again = browser.get(PAGE).content.decode()
    assert token not in again
    assert row.shown_start in again
    assert "no-store" in browser.get(PAGE)["Cache-Control"]


def test_a_token_works_until_it_is_revoked(browser, concept):
    token = make_token(browser)
    client = bearer(token)
    agendas = client.get("/api/v1/agendas/").json()["results"]
    assert [a["slug"] for a in agendas] == ["concept"]  # the viewer's rights
    row = ApiToken.objects.get()
    assert row.last_used_at is not None

    confirm = browser.get(f"{PAGE}{row.pk}/intrekken/")
    assert confirm.status_code == 200
    assert "Yes, revoke" in confirm.content.decode() or "Ja, intrekken" in confirm.content.decode()
    assert client.get("/api/v1/agendas/").status_code == 200  # asking to confirm changes nothing

    assert browser.post(f"{PAGE}{row.pk}/intrekken/").status_code == 302
    response = client.get("/api/v1/agendas/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_token_of_a_deactivated_account_stops_working(browser, viewer):
    token = make_token(browser)
    viewer.is_active = False
    viewer.save()
    assert bearer(token).get("/api/v1/agendas/").status_code == 401


def test_nobody_revokes_another_users_token(browser, viewer):
    other = user_create(username="ander", role="viewer", password=PASSWORD)
    from api.services import api_token_create

    row, token = api_token_create(user=other, name="van een ander")
    assert browser.post(f"{PAGE}{row.pk}/intrekken/").status_code == 404
    assert bearer(token).get("/api/v1/agendas/").status_code == 200


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer doe_kort",
        "Bearer " + "x" * 47,
        "Bearer doe_" + "é" * 43,
        "Bearer two words",
        "bearer doe_" + "!" * 43,
    ],
)
def test_a_malformed_token_answers_400_in_json(db, header):
    client = APIClient()
    response = client.get("/api/v1/agendas/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_token"


def test_an_unknown_token_answers_401_in_json(db):
    response = bearer("doe_" + "A" * 43).get("/api/v1/agendas/")
    assert response.status_code == 401
    assert response.json()["status"] == 401


def test_a_token_needs_a_name_and_bad_input_makes_nothing(browser):
    response = browser.post(PAGE, {"name": "   "})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_more_than_the_maximum_of_active_tokens_is_refused(browser):
    for i in range(MAX_ACTIVE_TOKENS):
        make_token(browser, f"token {i}")
    response = browser.post(PAGE, {"name": "één te veel"})
    assert response.status_code == 400
    assert ApiToken.objects.count() == MAX_ACTIVE_TOKENS


def test_the_token_name_is_escaped(browser):
    make_token(browser, "<script>alert(1)</script>")
    page = browser.get(PAGE).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
