"""Importing a plan in a real browser: a coordinator uploads a sheet, corrects a column, sees
the bad row, fixes the file and imports it; the agenda, the table, Bijlage 1 and the history
show it. axe checks every new page at 1280 and 390 pixels."""

import pytest
from django.urls import reverse

from accounts.services import user_create
from agenda.models import Action, Agenda, Scope, Status
from governance.models import Region
from tests.annexes.pdftext import read_pdf
from tests.imports.builders import xlsx_bytes

from .conftest import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Proef-wachtwoord-voor-tests-2026"
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
                "Gemeente Noord",
            ],
            [
                "",
                "",
                "Regionaal",
                "Jongerenloket in de bibliotheek",
                status_of_second,
                "Gemeente Noord",
            ],
        ]
    )


def check_page(page, axe_violations):
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        violations = axe_violations(page)
        assert violations == [], f"{width}px: " + describe_violations(violations)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{page.url} is {scroll_width}px wide at {width}px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_coordinator_imports_a_sheet_after_correcting_a_column_and_a_row(
    page, live_server, axe_violations, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    region = Region.objects.create(name="Regio Noord", slug="regio-noord")
    Scope.objects.create(region=region, name="Regionaal")
    Status.objects.create(slug="loopt", name="loopt")
    user_create(
        username="anna",
        role="coordinator",
        password=PASSWORD,
        region=region,
        full_name="Anna de Vries",
    )
    agenda = Agenda.objects.create(
        title="Werkplan Noord",
        slug="werkplan-noord",
        region=region,
        first_year=2025,
        last_year=2027,
    )
    base = live_server.url
    page.goto(base + reverse("login"))
    page.fill("input[name=username]", "anna")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()

    page.goto(base + agenda.get_absolute_url())
    page.get_by_role("link", name="Importeren uit een bestand").click()
    check_page(page, axe_violations)
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "werkplan.xlsx", "mimeType": XLSX, "buffer": sheet("lopt")}],
    )
    page.get_by_role("button", name="Uploaden en bekijken").click()

    # The preview: column B was not recognised; the coordinator says it is the target group.
    assert "Voorbeeld van werkplan.xlsx" in page.content()
    page.get_by_label("B: Doelgroep van het thema").select_option("target_group")
    page.get_by_role("button", name="Opnieuw bekijken").click()
    assert page.get_by_label("B: Doelgroep van het thema").input_value() == "target_group"
    bad = page.locator("table", has_text="Reden").inner_text()
    assert "Onbekende status “lopt”" in bad and "E (Status)" in bad and "4" in bad
    assert page.get_by_role("button", name="Importeren", exact=True).count() == 0
    check_page(page, axe_violations)
    assert not Action.objects.exists()

    # The coordinator fixes the file and uploads it again; the corrected column is kept.
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "werkplan.xlsx", "mimeType": XLSX, "buffer": sheet("loopt")}],
    )
    page.get_by_role("button", name="Uploaden en bekijken").click()
    assert page.get_by_label("B: Doelgroep van het thema").input_value() == "target_group"
    assert "kan niet worden overgenomen" not in page.content()
    check_page(page, axe_violations)
    page.get_by_role("button", name="Importeren", exact=True).click()
    assert "is geïmporteerd" in page.content()

    # The agenda page, the action table and Bijlage 1 show the rows.
    content = page.content()
    assert "Jongeren aan het werk" in content and "Van uitkering naar werk" in content
    page.goto(base + reverse("agenda:action_table", args=[agenda.slug]))
    table = page.locator("table").first.inner_text()
    assert "Leerwerkbanen bij de gemeenten" in table
    assert "Jongerenloket in de bibliotheek" in table
    assert "Jongeren tot 27 jaar" in table
    response = page.request.get(base + reverse("agenda:bijlage1_pdf", args=[agenda.slug]))
    pdf = read_pdf(response.body())
    assert pdf.contains("Jongerenloket in de bibliotheek")
    assert pdf.contains("Jongeren aan het werk")
    assert pdf.contains("VAN UITKERING NAAR WERK") or pdf.contains("Van uitkering naar werk")

    # The history shows the import under the coordinator's name.
    page.goto(base + reverse("agenda:agenda_changes", args=[agenda.slug]))
    changes = page.locator("table").first.inner_text()
    assert "Anna de Vries" in changes
    assert "Leerwerkbanen" in changes
    action = Action.objects.get(text="Leerwerkbanen bij de gemeenten")
    assert action.history.get().history_change_reason == "Import uit werkplan.xlsx"

    # The import page now lists the import.
    page.goto(base + reverse("imports:upload", args=[agenda.slug]))
    assert "werkplan.xlsx" in page.locator("table").inner_text()
    check_page(page, axe_violations)

    # The budget grid is a new page too.
    page.goto(base + reverse("imports:budget_grid", args=[agenda.slug]))
    check_page(page, axe_violations)
