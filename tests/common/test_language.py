"""The portal speaks Dutch to everyone unless the visitor switches to English."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_dutch_even_when_the_browser_prefers_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()
    assert "Inloggen" in response.content.decode()


def test_the_language_switch_chooses_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert 'lang="en"' in page
    assert "Log in" in page
    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    assert 'lang="nl"' in client.get("/").content.decode()


def test_an_unknown_language_cookie_falls_back_to_dutch(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx-evil<script>"
    page = client.get("/").content.decode()
    assert 'lang="nl"' in page


def test_the_switch_link_sets_the_cookie_and_returns_to_the_page(client):
    response = client.get("/taal/", {"lang": "en", "next": "/organisaties/?x=1"})
    assert response.status_code == 302
    assert response["Location"] == "/organisaties/?x=1"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "no-store" in response["Cache-Control"]
    assert "Organisations" in client.get("/organisaties/").content.decode()


def test_an_unknown_language_in_the_switch_changes_nothing(client):
    client.get("/taal/", {"lang": "en", "next": "/"})
    response = client.get("/taal/", {"lang": "xx<script>", "next": "/"})
    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert 'lang="en"' in client.get("/").content.decode()


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "", "javascript:1"]
)
def test_the_switch_never_sends_the_visitor_off_the_site(client, next_url):
    response = client.get("/taal/", {"lang": "en", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"
