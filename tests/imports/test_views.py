"""The browser import: upload, correct a column, preview with bad rows, confirm."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from agenda.models import Action, Agenda, Pillar, Scope, Status
from imports.models import ImportUpload

from .builders import xlsx_bytes
from .conftest import PASSWORD

HEAD = ["Thema's per pijler", "Doelgroep X", "(Sub)regionaal", "Actie", "Status", "Trekker(s)"]


@pytest.fixture
def agenda(coordinator, new_region):
    Status.objects.create(slug="loopt", name="loopt", order=1)
    Scope.objects.create(region=new_region, name="Regionaal", order=1)
    return Agenda.objects.create(
        title="Agenda", slug="agenda", region=new_region, first_year=2024, last_year=2026
    )


@pytest.fixture
def client_anna(client, coordinator):
    client.force_login(coordinator)
    return client


def upload(client, agenda, name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("imports:upload", args=[agenda.slug]),
        {"file": SimpleUploadedFile(name, data)},
    )


def test_coordinator_uploads_corrects_a_column_and_imports(client_anna, agenda):
    rows = [
        HEAD,
        ["Werk"],
        ["1. Thema", "Jongeren", "Regionaal", "Actie een", "loopt", "PoW"],
        ["", "", "Regionaal", "Actie twee", "bijna", "PoW"],
    ]
    response = upload(client_anna, agenda, "plan.xlsx", xlsx_bytes(rows))
    assert response.status_code == 302
    preview_url = response["Location"]
    page = client_anna.get(preview_url).content.decode()
    assert "Actie een" in page
    assert "Onbekende status “bijna”" in page
    assert Action.objects.count() == 0
    # column B was not recognised: the coordinator says it is the target group
    data = {
        f"m-col_{i}": key
        for i, key in enumerate(["theme", "target_group", "scope", "action", "status", "leads"])
    }
    data["m-create_statuses"] = ["bijna"]
    response = client_anna.post(preview_url, {**data, "preview": "1"})
    assert response.status_code == 302
    page = client_anna.get(preview_url).content.decode()
    assert "Onbekende status" not in page
    response = client_anna.post(preview_url, {**data, "confirm": "1"})
    assert response.status_code == 302
    theme = agenda.themes.get()
    assert theme.target_group == "Jongeren" and theme.number == 1
    assert list(theme.actions.values_list("text", "status__name")) == [
        ("Actie een", "loopt"),
        ("Actie twee", "bijna"),
    ]
    record = theme.actions.first().history.get()
    assert record.history_user.username == "anna"
    assert record.history_change_reason == "Import uit plan.xlsx"
    assert ImportUpload.objects.get().applied_at is not None
    page = client_anna.get(reverse("imports:upload", args=[agenda.slug])).content.decode()
    assert "Eerdere imports" in page and "plan.xlsx" in page and "Anna de Vries" in page


def test_bad_file_in_the_browser_gives_a_dutch_message(client_anna, agenda):
    response = upload(client_anna, agenda, "plan.xlsx", b"geen excel")
    assert response.status_code == 400
    assert "Het bestand is geen Excel-bestand" in response.content.decode()


def test_bad_rows_block_the_import(client_anna, agenda):
    rows = [HEAD, ["Werk"], ["Thema", "", "Overal", "Actie", "loopt", "PoW"]]
    preview_url = upload(client_anna, agenda, "plan.xlsx", xlsx_bytes(rows))["Location"]
    data = {
        f"m-col_{i}": k
        for i, k in enumerate(["theme", "ignore", "scope", "action", "status", "leads"])
    }
    client_anna.post(preview_url, {**data, "confirm": "1"})
    assert Action.objects.count() == 0
    assert Pillar.objects.count() == 0


def test_only_coordinators_of_the_region_import(client, agenda, django_user_model):
    url = reverse("imports:upload", args=[agenda.slug])
    assert client.get(url).status_code == 302  # to the login page
    django_user_model.objects.create_user("bram", password=PASSWORD)
    client.force_login(django_user_model.objects.get(username="bram"))
    assert client.get(url).status_code == 403


def test_the_template_has_headings_and_an_explanation(client_anna, agenda):
    response = client_anna.get(reverse("imports:template", args=[agenda.slug]))
    workbook = load_workbook(io.BytesIO(response.content))
    first, second = workbook.worksheets
    headings = [c.value for c in first[1]]
    assert headings[:7] == [
        "Thema's per pijler",
        "Voor wie",
        "(Sub)regionaal",
        "Actie",
        "Status",
        "Trekker(s)",
        "Financiering",
    ]
    assert headings[-3:] == ["2024", "2025", "2026"]
    explained = {row[0].value: row[2].value for row in second.iter_rows(min_row=2) if row[0].value}
    assert explained["Status"] == "loopt"
    assert explained["(Sub)regionaal"] == "Regionaal"


def test_headings_without_rows_in_the_browser(client_anna, agenda):
    preview_url = upload(client_anna, agenda, "koppen.xlsx", xlsx_bytes([HEAD]))["Location"]
    response = client_anna.get(preview_url)
    assert response.status_code == 200
    assert "Onder de koppen van het werkblad staan geen acties." in response.content.decode()
