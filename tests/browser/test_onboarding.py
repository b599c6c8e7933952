"""Setting a region up in a real browser: the beheerder creates a region with a municipality
and invites the first coordinator; the coordinator sets a password from the e-mail's link and
imports a sheet into the region's agenda. axe checks every new page at 1280 and 390 pixels."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.services import user_create
from agenda.models import Agenda, Scope, Status

from .test_imports import XLSX, check_page, sheet

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Proef-wachtwoord-voor-tests-2026"
NEW_PASSWORD = "Nieuw-wachtwoord-van-carla-2026"


def log_in(page, base, username, password):
    page.goto(base + reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("main button[type=submit]").click()


def test_a_beheerder_sets_a_region_up_and_its_coordinator_imports_a_plan(
    page, live_server, axe_violations, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    user_create(username="beheer", role="beheerder", password=PASSWORD, full_name="Bea Beheer")
    base = live_server.url
    log_in(page, base, "beheer", PASSWORD)

    page.get_by_role("link", name="Regio's").first.click()
    check_page(page, axe_violations)
    page.get_by_role("link", name="Nieuwe regio").click()
    check_page(page, axe_violations)
    page.fill("input[name=name]", "Regio Noord")
    page.fill("input[name=slug]", "regio-noord")
    page.fill("textarea[name=subregions]", "Noordkust\nBinnenland")
    page.get_by_role("button", name="Opslaan").click()
    assert "De regio is aangemaakt" in page.content()
    check_page(page, axe_violations)

    page.get_by_role("link", name="Nieuwe gemeente").click()
    page.fill("input[name=name]", "Noordstad")
    page.fill("input[name=inhabitants]", "52000")
    page.fill("input[name=inhabitants_year]", "99999")
    page.get_by_role("button", name="Opslaan").click()
    assert "hoogstens 2200" in page.content()
    check_page(page, axe_violations)
    page.fill("input[name=inhabitants_year]", "2024")
    page.fill("input[name=inhabitants_source]", "CBS StatLine")
    page.get_by_role("button", name="Opslaan").click()
    assert "De gemeente is toegevoegd" in page.content()
    table = page.locator("table").first.inner_text()
    assert "Noordstad" in table and "52000" in table and "CBS StatLine" in table

    page.get_by_role("link", name="Iemand uitnodigen").click()
    check_page(page, axe_violations)
    page.fill("input[name=full_name]", "Carla Coördinator")
    page.fill("input[name=email]", "carla@example.nl")
    page.get_by_role("button", name="Opslaan").click()
    assert "Er is een uitnodiging verstuurd naar carla@example.nl" in page.content()
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/welkom/\S+/", mail.outbox[0].body).group(0)
    page.get_by_role("button", name="Uitloggen").click()

    # The coordinator opens the link from the e-mail and chooses a password.
    page.goto(link)
    check_page(page, axe_violations)
    page.fill("input[name=new_password1]", NEW_PASSWORD)
    page.fill("input[name=new_password2]", NEW_PASSWORD)
    page.get_by_role("button", name="Wachtwoord instellen").click()
    assert "Uw wachtwoord is ingesteld" in page.content()
    check_page(page, axe_violations)
    page.goto(link)
    assert "Deze link werkt niet meer" in page.content()

    log_in(page, base, "carla@example.nl", NEW_PASSWORD)
    page.get_by_role("link", name="Mijn regio").first.click()
    assert "Noordstad" in page.content()
    assert page.get_by_role("link", name="Nieuwe regio").count() == 0

    # The coordinator adds two organisations and merges the second into the first.
    region_url = page.url
    for name in ("Werkbedrijf Noord", "Werkbedryf Noord"):
        page.get_by_role("link", name="Nieuwe organisatie").click()
        if name == "Werkbedrijf Noord":
            check_page(page, axe_violations)
        page.fill("input[name=name]", name)
        page.get_by_role("button", name="Opslaan").click()
        assert "De organisatie is toegevoegd" in page.content()
    page.goto(region_url)
    page.get_by_role("link", name="Samenvoegen met Werkbedrijf Noord").click()
    check_page(page, axe_violations)
    page.get_by_label("Organisatie die hierin opgaat").select_option(label="Werkbedryf Noord")
    page.get_by_role("button", name="Opslaan").click()
    check_page(page, axe_violations)
    page.get_by_role("button", name="Samenvoegen").click()
    assert "is samengevoegd met Werkbedrijf Noord" in page.content()

    # Then the coordinator imports a sheet into the region's agenda.
    from governance.models import Region

    region = Region.objects.get(slug="regio-noord")
    Scope.objects.create(region=region, name="Regionaal")
    Status.objects.create(slug="loopt", name="loopt")
    agenda = Agenda.objects.create(
        title="Werkplan Noord",
        slug="werkplan-noord",
        region=region,
        first_year=2025,
        last_year=2027,
    )
    page.goto(base + agenda.get_absolute_url())
    page.get_by_role("link", name="Importeren uit een bestand").click()
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "werkplan.xlsx", "mimeType": XLSX, "buffer": sheet("loopt")}],
    )
    page.get_by_role("button", name="Uploaden en bekijken").click()
    page.get_by_label("B: Doelgroep van het thema").select_option("target_group")
    page.get_by_role("button", name="Opnieuw bekijken").click()
    page.get_by_role("button", name="Importeren", exact=True).click()
    assert "is geïmporteerd" in page.content()
    content = page.content()
    assert "Jongeren aan het werk" in content and "Van uitkering naar werk" in content
