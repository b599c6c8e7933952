"""Every accepted format reads the same rows; unknown organisations are offered, not created."""

import pytest
from django.core.management import call_command

from agenda.models import Agenda, Scope, Status
from financing.models import Allocation
from governance.models import Organisation

from .builders import csv_bytes, docx_bytes, ods_bytes, xlsx_bytes

ROWS = [
    [
        "Thema's per pijler",
        "Voor wie",
        "(Sub)regionaal",
        "Actie",
        "Status",
        "Trekker(s)",
        "Financiering",
        "2024 (Rijk)",
        "2025 (Rijk)",
    ],
    ["  Werk\u00a0naar werk "],
    [
        "1. Omscholing",
        "Werkzoekenden",
        "Regionaal",
        "Omscholing naar\nde zorg",
        "loopt",
        "Nieuwe Stichting",
        "Rijk",
        "1.000.000",
        "2.500,50",
    ],
    ["", "", "Regionaal", "Tweede actie", "loopt", "Nieuwe Stichting", "", "", ""],
]


@pytest.fixture
def agenda(coordinator, new_region):
    Status.objects.create(slug="loopt", name="loopt", order=1)
    Scope.objects.create(region=new_region, name="Regionaal", order=1)
    return Agenda.objects.create(
        title="Agenda", slug="agenda", region=new_region, first_year=2024, last_year=2026
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("plan.xlsx", xlsx_bytes(ROWS)),
        ("plan.ods", ods_bytes(ROWS)),
        ("plan.docx", docx_bytes(ROWS)),
        ("plan.csv", csv_bytes(ROWS, delimiter=";")),
        ("plan-komma.csv", csv_bytes(ROWS, delimiter=",", encoding="cp1252")),
    ],
)
def test_each_format_gives_the_same_agenda(agenda, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    call_command("import_agenda", str(path), agenda="agenda", user="anna", create_missing=True)
    pillar = agenda.pillars.get()
    assert pillar.name == "Werk naar werk"
    theme = pillar.themes.get()
    assert (theme.number, theme.name, theme.target_group) == (1, "Omscholing", "Werkzoekenden")
    assert list(theme.actions.values_list("text", flat=True)) == [
        "Omscholing naar de zorg",
        "Tweede actie",
    ]
    amounts = sorted((a.year, str(a.budgeted), a.stream.name) for a in Allocation.objects.all())
    assert amounts == [(2024, "1000000.00", "Rijk"), (2025, "2500.50", "Rijk")]


def test_unknown_organisations_are_offered_and_only_created_when_asked(agenda, tmp_path):
    path = tmp_path / "plan.xlsx"
    rows = [[c for c in row[:7]] for row in ROWS]
    path.write_bytes(xlsx_bytes(rows))
    from io import StringIO

    out = StringIO()
    call_command("import_agenda", str(path), agenda="agenda", user="anna", stdout=out)
    assert "? nieuwe organisatie: Nieuwe Stichting" in out.getvalue()
    assert not Organisation.objects.exists()
    action = agenda.themes.get().actions.get(text="Tweede actie")
    assert action.lead_text == "Nieuwe Stichting" and not action.leads.exists()
