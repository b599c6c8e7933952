"""The action-table export can be edited and imported back; unchanged it changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from agenda.models import Agenda
from governance.user_services import user_create

from .builders import xlsx_bytes
from .conftest import PASSWORD
from .test_bad_input import dump


@pytest.fixture
def demo_coordinator(demo):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    return user_create(username="coor", role="coordinator", password=PASSWORD, region=agenda.region)


def export(client, user):
    client.force_login(user)
    url = reverse("agenda:action_table", args=["zkij-2020-2022"]) + "?_export=xlsx"
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response) if response.streaming else response.content


def test_export_and_reimport_unchanged_changes_nothing(client, demo_coordinator, tmp_path):
    path = tmp_path / "acties.xlsx"
    path.write_bytes(export(client, demo_coordinator))
    before = dump()
    out = io.StringIO()
    call_command("import_agenda", str(path), agenda="zkij-2020-2022", user="coor", stdout=out)
    assert "Niets gewijzigd" in out.getvalue(), out.getvalue()
    assert dump() == before


def test_an_edited_export_imports_the_edit(client, demo_coordinator, tmp_path):
    workbook = load_workbook(io.BytesIO(export(client, demo_coordinator)))
    sheet = workbook.active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    heading = rows[0]
    status = heading.index("Status")
    # The closed demo agenda may already say "afgerond": take another status then.
    new_status = "gestopt" if rows[1][status] == "afgerond" else "afgerond"
    rows[1][status] = new_status
    rows.append(list(rows[1]))
    rows[-1][heading.index("Actie")] = "Een nieuwe actie onder het eerste thema"
    path = tmp_path / "bewerkt.xlsx"
    path.write_bytes(xlsx_bytes([[v if v is not None else "" for v in r] for r in rows]))
    out = io.StringIO()
    call_command("import_agenda", str(path), agenda="zkij-2020-2022", user="coor", stdout=out)
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    first = agenda.themes.get(number=1).actions.get(order=1)
    assert first.status.name == new_status
    assert first.history.first().history_user.username == "coor"
    assert (
        agenda.themes.get(number=1)
        .actions.filter(text="Een nieuwe actie onder het eerste thema")
        .exists()
    )
