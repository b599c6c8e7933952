"""Keeping the agenda current in a real browser, with accounts made by `add_user`: status changes
in the history under the editor's name, partner rights, conflicts instead of lost updates, and
the lockout after wrong passwords."""

import pytest
from django.core.management import call_command

from agenda.models import Action

from .conftest import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Een-lang-wachtwoord-voor-de-demo-2026"


@pytest.fixture
def demo_site(transactional_db, monkeypatch, settings):
    """A fresh demo site with its accounts made the documented way."""
    from common.demo import load_all

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_all()
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command(
        "add_user", "anna", role="coordinator", name="Anna de Vries", password_env="DEMO_PASSWORD"
    )
    call_command(
        "add_user", "bert", role="coordinator", name="Bert Bakker", password_env="DEMO_PASSWORD"
    )
    call_command(
        "add_user",
        "piet",
        role="partner",
        organisation="PoW",
        name="Piet Partner",
        password_env="DEMO_PASSWORD",
    )


def pow_action():
    return Action.objects.filter(leads__abbreviation="PoW", status__name="loopt").first()


def uwv_only_action():
    return Action.objects.filter(leads__name="UWV").exclude(leads__abbreviation="PoW").first()


def log_in(page, base_url, username, password=PASSWORD):
    page.goto(base_url + "/")
    page.get_by_role("link", name="Inloggen").click()
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def test_a_coordinator_changes_a_status_and_finds_it_in_the_history(
    page, live_server, demo_site, axe_violations
):
    action = pow_action()
    page.goto(live_server.url + action.get_absolute_url())
    assert page.get_by_role("link", name="Bewerken", exact=True).count() == 0  # anonymous

    log_in(page, live_server.url, "anna")
    assert page.get_by_text("Ingelogd als Anna de Vries").is_visible()
    page.goto(live_server.url + action.get_absolute_url())
    assert page.get_by_role("link", name="Bewerken", exact=True).is_visible()
    page.get_by_label("Status", exact=True).select_option(label="vertraagd")
    page.get_by_role("button", name="Status opslaan").click()
    assert page.get_by_text("De status is nu “vertraagd”.").is_visible()

    page.get_by_role("link", name="Geschiedenis").click()
    assert page.locator("h1").inner_text().startswith("Geschiedenis van")
    latest = page.locator(".portal-history__entry").first
    assert "door Anna de Vries" in latest.inner_text()
    row = latest.get_by_role("row", name="Status")
    assert row.locator("td").all_inner_texts() == ["loopt", "vertraagd"]
    assert axe_violations(page) == [], describe_violations(axe_violations(page))

    page.goto(live_server.url + f"/acties/{action.pk}/bewerken/")
    assert axe_violations(page) == [], describe_violations(axe_violations(page))


def test_a_partner_editor_of_pow_edits_what_pow_leads_but_not_what_only_uwv_leads(
    page, live_server, demo_site
):
    own, other = pow_action(), uwv_only_action()
    log_in(page, live_server.url, "piet")

    page.goto(live_server.url + own.get_absolute_url())
    page.get_by_role("link", name="Bewerken", exact=True).click()
    assert page.get_by_label("Trekkers").count() == 0  # leads are not theirs to change
    page.get_by_label("Actie", exact=True).fill("Bijgewerkt door PoW")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    assert page.get_by_text("Uw wijzigingen zijn opgeslagen.").is_visible()
    assert page.get_by_text("Bijgewerkt door PoW").first.is_visible()

    page.goto(live_server.url + other.get_absolute_url())
    assert page.get_by_role("link", name="Bewerken", exact=True).count() == 0
    response = page.goto(live_server.url + f"/acties/{other.pk}/bewerken/")
    assert response.status == 403
    assert page.locator("h1").inner_text() == "Geen toegang"


def test_the_second_of_two_coordinators_gets_a_conflict(browser, live_server, demo_site):
    action = pow_action()
    edit_url = live_server.url + f"/acties/{action.pk}/bewerken/"
    contexts = [browser.new_context(locale="nl-NL") for _ in range(2)]
    try:
        anna, bert = (context.new_page() for context in contexts)
        log_in(anna, live_server.url, "anna")
        log_in(bert, live_server.url, "bert")
        anna.goto(edit_url)
        bert.goto(edit_url)  # both opened the same version

        anna.get_by_label("Actie", exact=True).fill("Tekst van Anna")
        anna.get_by_role("button", name="Wijzigingen opslaan").click()
        assert anna.get_by_text("Uw wijzigingen zijn opgeslagen.").is_visible()

        bert.get_by_label("Actie", exact=True).fill("Tekst van Bert")
        bert.get_by_role("button", name="Wijzigingen opslaan").click()
        assert bert.get_by_role(
            "heading", name="Intussen door iemand anders opgeslagen"
        ).is_visible()
        assert bert.get_by_text("Uw wijzigingen zijn NIET opgeslagen").is_visible()
        assert "door Anna de Vries" in bert.locator(".portal-conflict").inner_text()
        assert bert.get_by_label("Actie", exact=True).input_value() == "Tekst van Bert"
        action.refresh_from_db()
        assert action.text == "Tekst van Anna"
    finally:
        for context in contexts:
            context.close()


def test_a_dozen_wrong_passwords_lock_the_login(page, live_server, demo_site):
    for _attempt in range(12):
        page.goto(live_server.url + "/accounts/login/")
        page.get_by_label("Gebruikersnaam").fill("anna")
        page.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
        page.get_by_role("button", name="Inloggen").click()
        if page.locator("h1").inner_text() == "Inloggen is geblokkeerd":
            break
    assert page.locator("h1").inner_text() == "Inloggen is geblokkeerd"
    # The right password does not help now.
    log_in(page, live_server.url, "anna")
    assert page.locator("h1").inner_text() == "Inloggen is geblokkeerd"
