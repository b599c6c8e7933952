"""The API's pages in a real browser: the documentation works offline under the strict CSP, and
the token page passes axe on a desk and on a phone."""

import re

import pytest

from .conftest import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Een-lang-wachtwoord-voor-de-api-2026"


def block_everything_but(page, base_url) -> list[str]:
    """Abort every request that does not go to the live server; returns what was blocked."""
    blocked = []

    def handle(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    return blocked


def test_the_api_documentation_shows_the_endpoints_without_any_network(page, live_server):
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    blocked = block_everything_but(page, live_server.url)

    page.goto(live_server.url + "/api/docs/")
    page.locator(".opblock-summary-path").first.wait_for()
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    for expected in [
        "/api/v1/agendas/",
        "/api/v1/agendas/{slug}/actions/",
        "/api/v1/bodies/",
        "/api/v1/evaluations/",
        "/api/v1/funding-streams/",
    ]:
        assert any(expected == re.sub(r"\s", "", p) for p in paths), (expected, paths)
    assert "open-data-API" in page.locator(".info .title").inner_text()
    assert not blocked, blocked
    assert not [p for p in problems if "Content Security Policy" in p], problems


@pytest.fixture
def logged_in(page, live_server, settings):
    from governance.user_services import user_create

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user_create(username="anna", role="viewer", password=PASSWORD, full_name="Anna de Vries")
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    return page


@pytest.mark.parametrize("width", [1280, 390])
def test_the_token_page_is_axe_clean_on_a_desk_and_on_a_phone(
    logged_in,
    live_server,
    axe_violations,
    width,
):
    page = logged_in
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="API-sleutels").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "API-sleutels"
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)

    page.get_by_label("Naam").fill("dashboard")
    page.get_by_role("button", name="Sleutel maken").click()
    page.wait_for_load_state()
    token = page.locator("#new-token").inner_text()
    assert token.startswith("doe_")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.get_by_role("link", name=re.compile("Intrekken")).first.click()
    page.wait_for_load_state()
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    page.get_by_role("button", name="Ja, intrekken").click()
    page.wait_for_load_state()
    assert "ingetrokken" in page.locator("main").inner_text()
