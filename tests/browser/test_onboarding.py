"""A new region gets going in a real browser, from nothing to an imported plan.

The beheerder creates a region with a municipality and invites the first coordinator; the
coordinator sets a password from the e-mail's link, adds the region's organisations, creates an
agenda, uploads a sheet, corrects a column, ticks the statuses, scope and organisation the
portal does not know yet, sees the one bad row, fixes the file and imports it with the ticks
kept. The agenda page, the action table, Bijlage 1 (read back from the PDF) and the history
then show the rows, under the coordinator's name. axe checks every new page along the way,
at 1280 and 390 pixels.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse

from agenda.models import Action, Agenda, Scope, Status
from governance.models import Organisation
from governance.user_services import user_create
from tests.annexes.pdftext import read_pdf
from tests.imports.builders import xlsx_bytes

from .conftest import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Proef-wachtwoord-voor-tests-2026"
NEW_PASSWORD = "Nieuw-wachtwoord-van-carla-2026"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEAD = [
    "Thema's per pijler",
    "Doelgroep van het thema",
    "(Sub)regionaal",
    "Actie",
    "Status",
    "Trekker(s)",
]


def sheet(status_of_second):
    """The coordinator's plan: a pillar row, then a theme spanning two actions."""
    return xlsx_bytes(
        [
            HEAD,
            ["Van uitkering naar werk"],
            [
                "1. Jongeren aan het werk",
                "Jongeren tot 27 jaar",
                "Regionaal",
                "Leerwerkbanen bij de gemeenten",
                "loopt",
                "Werkbedrijf Noord, Gemeente Noordstad",
            ],
            [
                "",
                "",
                "Regionaal",
                "Jongerenloket in de bibliotheek",
                status_of_second,
                "Werkbedrijf Noord",
            ],
        ]
    )


def check_page(page, axe_violations):
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        violations = axe_violations(page)
        assert violations == [], f"{page.url} at {width}px: " + describe_violations(violations)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{page.url} is {scroll_width}px wide at {width}px"
    page.set_viewport_size({"width": 1280, "height": 900})


def log_in(page, base, username, password):
    page.goto(base + reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("main button[type=submit]").click()


def upload(page, status_of_second):
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "werkplan.xlsx", "mimeType": XLSX, "buffer": sheet(status_of_second)}],
    )
    page.get_by_role("button", name="Uploaden en bekijken").click()
    assert "Voorbeeld van werkplan.xlsx" in page.content()


def tick_new_names(page):
    """Tick what the preview offers for creation, except the misspelt status."""
    for name in ("loopt", "Regionaal", "Gemeente Noordstad"):
        page.get_by_role("checkbox", name=name, exact=True).check()
    page.get_by_role("button", name="Opnieuw bekijken").click()


def bad_rows(page):
    table = page.locator("table", has_text="Reden")
    if table.count() == 0:
        return []
    return table.locator("tbody tr").all_inner_texts()


def test_a_new_region_is_set_up_and_its_coordinator_imports_the_plan(
    page, live_server, axe_violations, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    user_create(username="beheer", role="beheerder", password=PASSWORD, full_name="Bea Beheer")
    base = live_server.url

    # 1. The beheerder creates the region and a municipality, and invites a coordinator.
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

    # 2. The coordinator opens the link from the e-mail and chooses a password; once only.
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

    # The coordinator adds the region's work company twice, misspelt once, and merges them.
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

    # The coordinator creates the region's agenda.
    page.get_by_role("link", name="Agenda's").first.click()
    page.get_by_role("link", name="Nieuwe agenda").click()
    page.fill("input[name=title]", "Werkplan Noord")
    page.fill("input[name=slug]", "werkplan-noord")
    page.fill("input[name=first_year]", "2025")
    page.fill("input[name=last_year]", "2027")
    page.get_by_role("button", name="Agenda aanmaken").click()
    assert "De agenda is aangemaakt" in page.content()
    agenda = Agenda.objects.get(slug="werkplan-noord")
    assert agenda.owner_region.slug == "regio-noord"

    # 3. The coordinator uploads the sheet; column B is not recognised and gets corrected.
    page.get_by_role("link", name="Importeren uit een bestand").click()
    check_page(page, axe_violations)
    upload(page, "lopt")
    column_b = page.get_by_label("B: Doelgroep van het thema")
    assert column_b.input_value() == "ignore"
    column_b.select_option("target_group")
    page.get_by_role("button", name="Opnieuw bekijken").click()
    assert page.get_by_label("B: Doelgroep van het thema").input_value() == "target_group"
    # Nothing the region has not got yet is created without a tick: every row is refused.
    bad = bad_rows(page)
    assert len(bad) == 4, bad
    assert any("Onbekende schaal “Regionaal”" in row for row in bad)
    check_page(page, axe_violations)

    tick_new_names(page)
    bad = bad_rows(page)
    assert len(bad) == 1, bad
    assert "Onbekende status “lopt”" in bad[0] and "E (Status)" in bad[0]
    assert bad[0].split()[0] == "4"
    assert page.get_by_role("button", name="Importeren", exact=True).count() == 0
    check_page(page, axe_violations)
    assert not Action.objects.exists()
    assert not Status.objects.exists() and not Scope.objects.exists()
    assert not Organisation.objects.filter(name="Gemeente Noordstad").exists()

    # 4. The coordinator fixes the file and uploads it again; the corrected column and the
    # ticks are kept, and nothing is created before the import is confirmed.
    upload(page, "loopt")
    assert page.get_by_label("B: Doelgroep van het thema").input_value() == "target_group"
    assert page.locator("#kept-choices").count() == 1
    for name in ("loopt", "Regionaal", "Gemeente Noordstad"):
        assert page.get_by_role("checkbox", name=name, exact=True).is_checked()
    assert page.get_by_role("checkbox", name="lopt", exact=True).count() == 0
    assert bad_rows(page) == []
    assert not Status.objects.exists() and not Scope.objects.exists()
    check_page(page, axe_violations)
    page.get_by_role("button", name="Importeren", exact=True).click()
    assert "is geïmporteerd" in page.content()

    # 5. The agenda page, the action table and Bijlage 1 show the rows.
    content = page.content()
    assert "Jongeren aan het werk" in content and "Van uitkering naar werk" in content
    page.goto(base + reverse("agenda:action_table", args=[agenda.slug]))
    table = page.locator("table").first.inner_text()
    assert "Leerwerkbanen bij de gemeenten" in table
    assert "Jongerenloket in de bibliotheek" in table
    assert "Jongeren tot 27 jaar" in table
    assert "Gemeente Noordstad" in table
    response = page.request.get(base + reverse("agenda:bijlage1_pdf", args=[agenda.slug]))
    pdf = read_pdf(response.body())
    assert pdf.contains("Leerwerkbanen bij de gemeenten")
    assert pdf.contains("Jongerenloket in de bibliotheek")
    assert pdf.contains("Jongeren aan het werk")
    assert pdf.contains("VAN UITKERING NAAR WERK") or pdf.contains("Van uitkering naar werk")

    # The history shows the import, and the leads it linked, under the coordinator's name.
    page.goto(base + reverse("agenda:agenda_changes", args=[agenda.slug]))
    changes = page.locator("table").first.inner_text()
    assert "Carla Coördinator" in changes
    assert "Leerwerkbanen" in changes
    action = Action.objects.get(text="Leerwerkbanen bij de gemeenten")
    record = action.history.get()
    assert record.history_change_reason == "Import uit werkplan.xlsx"
    assert record.history_user.get_full_name() == "Carla Coördinator"
    assert sorted(o.name for o in action.leads.all()) == ["Gemeente Noordstad", "Werkbedrijf Noord"]
    assert sorted(lead.organisation.name for lead in record.leads.all()) == [
        "Gemeente Noordstad",
        "Werkbedrijf Noord",
    ]

    # The import page lists the import; the budget grid is a new page too.
    page.goto(base + reverse("imports:upload", args=[agenda.slug]))
    assert "werkplan.xlsx" in page.locator("table").inner_text()
    check_page(page, axe_violations)
    page.goto(base + reverse("imports:budget_grid", args=[agenda.slug]))
    check_page(page, axe_violations)
