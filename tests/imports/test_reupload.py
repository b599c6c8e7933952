"""A coordinator who uploads a corrected file again finds the names ticked on the earlier
preview ticked again; nothing is created before the import is confirmed, and a tick for a
name the preview does not offer changes nothing."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agenda.models import Action, Agenda, Pillar, Scope, Status, Theme
from financing.models import FundingStream
from governance.models import Organisation
from governance.user_services import user_create
from imports.models import ImportUpload

from .builders import xlsx_bytes
from .conftest import PASSWORD

HEAD = ["Thema's per pijler", "Doelgroep X", "(Sub)regionaal", "Actie", "Status", "Trekker(s)"]
MAPPING = ["theme", "target_group", "scope", "action", "status", "leads"]


def sheet(second_action, second_status):
    return xlsx_bytes(
        [
            HEAD,
            ["Werk"],
            ["1. Thema", "Jongeren", "Regionaal", "Actie een", "bijna", "Stichting Nieuw"],
            ["", "", "Regionaal", second_action, second_status, "Stichting Nieuw"],
        ]
    )


# the second row repeats the first action (a bad row) and has a status "later"
FIRST = sheet("Actie een", "later")
CORRECTED = sheet("Actie twee", "loopt")


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


def upload(client, agenda, data, name="plan.xlsx"):
    response = client.post(
        reverse("imports:upload", args=[agenda.slug]), {"file": SimpleUploadedFile(name, data)}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def form_data(**ticks):
    data = {f"m-col_{i}": key for i, key in enumerate(MAPPING)}
    for name, values in ticks.items():
        data[f"m-{name}"] = values
    return data


def ticked(page, name) -> list[str]:
    """The values of the checked boxes named m-<name>."""
    boxes = re.findall(rf'<input[^>]*name="m-{name}"[^>]*>', page)
    return sorted(re.search(r'value="([^"]*)"', box).group(1) for box in boxes if " checked" in box)


def offered(page, name) -> list[str]:
    boxes = re.findall(rf'<input[^>]*name="m-{name}"[^>]*>', page)
    return sorted(re.search(r'value="([^"]*)"', box).group(1) for box in boxes)


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Action, Pillar, Theme, Status, Scope, Organisation, FundingStream)
    }


def refused_then_ticked(client, agenda):
    """Upload the first file, tick its new names, and have the import refused."""
    preview_url = upload(client, agenda, FIRST)
    page = client.get(preview_url).content.decode()
    assert offered(page, "create_statuses") == ["bijna", "later"]
    assert offered(page, "create_organisations") == ["stichting nieuw"]
    assert ticked(page, "create_statuses") == []
    assert 'id="kept-choices"' not in page
    before = counts()
    response = client.post(
        preview_url,
        {
            **form_data(
                create_statuses=["bijna", "later"], create_organisations=["stichting nieuw"]
            ),
            "confirm": "1",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == preview_url  # refused: the action occurs twice
    assert counts() == before
    stored = ImportUpload.objects.get(pk=preview_url.rstrip("/").split("/")[-1])
    assert stored.applied_at is None
    assert stored.result["create"]["create_statuses"] == ["bijna", "later"]
    assert stored.result["create"]["create_organisations"] == ["stichting nieuw"]
    return before


def test_the_corrected_file_keeps_the_ticks_of_the_refused_one(client_anna, agenda):
    before = refused_then_ticked(client_anna, agenda)

    preview_url = upload(client_anna, agenda, CORRECTED)
    page = client_anna.get(preview_url).content.decode()
    assert 'id="kept-choices"' in page
    # "later" is no longer in the file: it is neither offered nor ticked
    assert offered(page, "create_statuses") == ["bijna"]
    assert ticked(page, "create_statuses") == ["bijna"]
    assert ticked(page, "create_organisations") == ["stichting nieuw"]
    assert "Onbekende status" not in page
    assert counts() == before  # nothing is created before the coordinator confirms

    response = client_anna.post(
        preview_url,
        {
            **form_data(create_statuses=["bijna"], create_organisations=["stichting nieuw"]),
            "confirm": "1",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == agenda.get_absolute_url()
    assert set(Status.objects.values_list("name", flat=True)) == {"loopt", "bijna"}
    organisation = Organisation.objects.get(name="Stichting Nieuw")
    assert list(Action.objects.order_by("order").values_list("text", "status__name")) == [
        ("Actie een", "bijna"),
        ("Actie twee", "loopt"),
    ]
    assert Action.leads.through.objects.filter(organisation=organisation).count() == 2
    assert ImportUpload.objects.get(pk=preview_url.rstrip("/").split("/")[-1]).applied_at


def test_the_line_goes_once_the_coordinator_submits_the_preview(client_anna, agenda):
    refused_then_ticked(client_anna, agenda)
    preview_url = upload(client_anna, agenda, CORRECTED)
    client_anna.post(preview_url, {**form_data(create_statuses=["bijna"]), "preview": "1"})
    page = client_anna.get(preview_url).content.decode()
    assert 'id="kept-choices"' not in page
    assert ticked(page, "create_statuses") == ["bijna"]
    assert ticked(page, "create_organisations") == []


def test_another_user_or_another_agenda_starts_without_ticks(
    client, client_anna, agenda, coordinator, new_region
):
    refused_then_ticked(client_anna, agenda)
    other_agenda = Agenda.objects.create(
        title="Andere agenda", slug="andere", region=new_region, first_year=2024, last_year=2026
    )
    page = client_anna.get(upload(client_anna, other_agenda, CORRECTED)).content.decode()
    assert offered(page, "create_statuses") == ["bijna"]
    assert ticked(page, "create_statuses") == []
    assert ticked(page, "create_organisations") == []
    assert 'id="kept-choices"' not in page

    colleague = user_create(
        username="bas",
        role="coordinator",
        password=PASSWORD,
        region=new_region,
        full_name="Bas Jansen",
    )
    client.force_login(colleague)
    page = client.get(upload(client, agenda, CORRECTED)).content.decode()
    assert offered(page, "create_statuses") == ["bijna"]
    assert ticked(page, "create_statuses") == []
    assert ticked(page, "create_organisations") == []
    assert 'id="kept-choices"' not in page


def test_a_file_with_other_headings_starts_without_ticks(client_anna, agenda):
    refused_then_ticked(client_anna, agenda)
    other = xlsx_bytes(
        [
            [*HEAD, "Financiering"],
            ["Werk"],
            ["1. Thema", "Jongeren", "Regionaal", "Actie een", "bijna", "Stichting Nieuw", ""],
        ]
    )
    page = client_anna.get(upload(client_anna, agenda, other)).content.decode()
    assert ticked(page, "create_statuses") == []
    assert 'id="kept-choices"' not in page


def test_a_forged_tick_changes_nothing(client_anna, agenda):
    preview_url = upload(client_anna, agenda, CORRECTED)
    stored = ImportUpload.objects.get(pk=preview_url.rstrip("/").split("/")[-1])
    before = counts()
    # a name the preview does not offer, with the import button
    response = client_anna.post(
        preview_url, {**form_data(create_statuses=["bijna", "vals"]), "confirm": "1"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "m-create_statuses_error" in page or "create_statuses_error" in page
    assert 'class="utrecht-alert' in page
    # a kind of name the preview offers nothing of
    response = client_anna.post(preview_url, {**form_data(create_streams=["vals"]), "confirm": "1"})
    assert response.status_code == 400
    assert 'id="choice-errors"' in response.content.decode()
    assert counts() == before
    stored.refresh_from_db()
    assert stored.result == {} and stored.applied_at is None
    # forged ticks are not carried to the next upload either
    page = client_anna.get(upload(client_anna, agenda, CORRECTED)).content.decode()
    assert ticked(page, "create_statuses") == []
    assert 'id="kept-choices"' not in page
