"""The evaluation as a visitor and a coordinator use it: from the home page to the 42 evaluated
activities and their annex, and from the 2020-2022 agenda to a concept successor."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from agenda.models import Action, Agenda

from .conftest import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Een-lang-wachtwoord-voor-de-evaluatie-2026"


@pytest.fixture
def demo_site(transactional_db, monkeypatch, settings):
    from common.demo import load_all

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_all()
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("add_user", "anna", role="coordinator", password_env="DEMO_PASSWORD")


def test_visitor_finds_the_evaluated_activities_and_their_annex(
    page, live_server, demo_site, axe_violations
):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Regionale aanpak arbeidsmarkt Zuid-Kennemerland").first.click()
    page.get_by_role("link", name="Evaluatieoverzicht (42 activiteiten)").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Evaluatie van")
    assert page.locator("article.portal-evaluation").count() == 42
    assert page.get_by_text("669 jongeren zijn benaderd").count() == 1
    assert page.get_by_text("81 deelnemers zijn gestart").count() == 1
    pillars = page.locator("main h2[id^=pijler]").all_inner_texts()
    assert pillars[:4] == [
        "1. Werk naar werk",
        "2. Uitkering naar werk",
        "3. Onderwijs naar werk",
        "4. Werkgelegenheid",
    ]
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)

    link = page.get_by_role("link", name="Evaluatiebijlage (PDF").first
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert text.count("Uitkomst:") == 42


def test_coordinator_starts_the_2023_agenda_from_2020_2022(page, live_server, demo_site):
    old = Agenda.objects.get(slug="zkij-2020-2022")
    old_history = Action.history.filter(theme__agenda=old).count()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(live_server.url + old.get_absolute_url())
    page.get_by_role("link", name="Een opvolgende agenda starten vanuit deze agenda").click()
    page.get_by_label("Titel van de nieuwe agenda").fill("Regionale arbeidsmarktagenda 2023-2026")
    page.get_by_label("Eerste jaar").fill("2023")
    page.get_by_label("Laatste jaar").fill("2026")
    page.get_by_label("Woord voor het bovenste niveau").fill("actielijn")
    page.get_by_label("Indeling op het bovenste niveau").fill(
        "Sluitende dienstverlening: Naar werk; Jongeren\n"
        "Werkgevers en werkgelegenheid\n"
        "Innovatie-agenda: Pilots"
    )
    page.get_by_role("button", name="Conceptagenda starten").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Acties overnemen in")
    page.get_by_label('"Aanpak WW Jongeren" overnemen in').select_option(
        label="Sluitende dienstverlening › 2. Jongeren"
    )
    page.get_by_label('"VR-brillen" overnemen in').select_option(
        label="Innovatie-agenda › 4. Pilots"
    )
    page.get_by_role("button", name="Gekozen acties overnemen").click()
    assert "2 acties zijn overgenomen." in page.content()

    new = Agenda.objects.get(title="Regionale arbeidsmarktagenda 2023-2026")
    assert new.state == Agenda.State.CONCEPT and new.predecessor == old
    carried = {a.short_title: a.theme.name for a in Action.objects.in_agenda(new)}
    assert carried == {"Aanpak WW Jongeren": "Jongeren", "VR-brillen": "Pilots"}
    assert Action.history.filter(theme__agenda=old).count() == old_history
