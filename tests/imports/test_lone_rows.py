"""A row that holds a single text is read as a person would: a pillar, a theme, or a mistake."""

import io

import pytest
from docx import Document

from agenda.models import Agenda, Scope, Status
from imports.reading import read_file
from imports.services import build_plan, find_header

from .builders import xlsx_bytes

HEAD = ["Thema's per pijler", "(Sub)regionaal", "Actie", "Status"]
ACTION = ["", "Regionaal", "Leerwerkbanen", "loopt"]
OTHER_ACTION = ["", "Regionaal", "Jongerenloket", "loopt"]


@pytest.fixture
def agenda(new_region):
    Status.objects.create(slug="loopt", name="loopt")
    Scope.objects.create(region=new_region, name="Regionaal")
    return Agenda.objects.create(
        title="Agenda", slug="agenda", region=new_region, first_year=2024, last_year=2026
    )


def plan_of(agenda, rows, name="plan.xlsx", data=None):
    table = read_file(name, data or xlsx_bytes(rows))
    return build_plan(table, find_header(table), agenda)


def outline(plan) -> list[tuple[str, list[str]]]:
    """The pillars with the names of their themes, in the order of the file."""
    return [
        (name, [t.name for t in plan.themes.values() if t.pillar_key == key])
        for key, (name, _existing) in plan.pillars.items()
    ]


def theme_actions(plan) -> dict[str, list[str]]:
    return {
        theme.name: [a.text for a in plan.actions if a.theme_key == key]
        for key, theme in plan.themes.items()
    }


@pytest.mark.django_db
def test_a_theme_written_alone_above_its_actions_is_a_theme(agenda):
    plan = plan_of(
        agenda,
        [HEAD, ["Van uitkering naar werk"], ["Jongeren aan het werk"], ACTION, OTHER_ACTION],
    )
    assert plan.bad_rows == []
    assert outline(plan) == [("Van uitkering naar werk", ["Jongeren aan het werk"])]
    assert theme_actions(plan) == {"Jongeren aan het werk": ["Leerwerkbanen", "Jongerenloket"]}


@pytest.mark.django_db
def test_a_word_theme_cell_spanning_rows_with_only_its_name_in_the_first_is_a_theme(agenda):
    rows = [
        HEAD,
        ["Pijler 1 Van uitkering naar werk", "", "", ""],
        ["Jongeren aan het werk", "", "", ""],
        ACTION,
        OTHER_ACTION,
    ]
    document = Document()
    table = document.add_table(rows=len(rows), cols=len(HEAD))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(1, 3))  # the pillar across the table
    table.cell(2, 0).merge(table.cell(4, 0))  # the theme down its three rows
    buffer = io.BytesIO()
    document.save(buffer)
    plan = plan_of(agenda, None, name="plan.docx", data=buffer.getvalue())
    assert plan.bad_rows == []
    assert outline(plan) == [("Pijler 1 Van uitkering naar werk", ["Jongeren aan het werk"])]
    assert theme_actions(plan) == {"Jongeren aan het werk": ["Leerwerkbanen", "Jongerenloket"]}


@pytest.mark.django_db
def test_a_numbered_theme_without_actions_is_a_theme(agenda):
    plan = plan_of(
        agenda,
        [
            HEAD,
            ["Van uitkering naar werk"],
            ["1. Jongeren aan het werk", *ACTION[1:]],
            ["2. Statushouders"],
            ["Van werk naar werk"],
            ["3. Omscholing", *OTHER_ACTION[1:]],
        ],
    )
    assert plan.bad_rows == []
    assert outline(plan) == [
        ("Van uitkering naar werk", ["Jongeren aan het werk", "Statushouders"]),
        ("Van werk naar werk", ["Omscholing"]),
    ]
    assert [t.number for t in plan.themes.values()] == [1, 2, 3]


@pytest.mark.django_db
def test_a_pillar_named_so_stays_a_pillar_even_without_a_theme_below(agenda):
    plan = plan_of(agenda, [HEAD, ["Pijler 2: Werk naar werk"], ACTION])
    assert outline(plan) == [("Pijler 2: Werk naar werk", [])]
    assert plan.bad_rows == []
    # the action below it has no theme: a line directly under the pillar
    assert [(a.text, a.theme_key, a.pillar_key) for a in plan.actions] == [
        ("Leerwerkbanen", None, "pijler 2: werk naar werk")
    ]


@pytest.mark.django_db
def test_a_lone_row_followed_by_a_theme_is_a_pillar(agenda):
    plan = plan_of(
        agenda,
        [HEAD, ["Werk naar werk"], ["Omscholing", *ACTION[1:]], ["Extra", *OTHER_ACTION[1:]]],
    )
    assert plan.bad_rows == []
    assert outline(plan) == [("Werk naar werk", ["Omscholing", "Extra"])]


@pytest.mark.django_db
def test_with_a_pillar_column_a_lone_theme_name_is_a_theme(agenda):
    plan = plan_of(
        agenda,
        [
            ["Pijler", *HEAD],
            ["Van uitkering naar werk", "", "", "", ""],
            ["", "Jongeren aan het werk", "", "", ""],
            ["", *ACTION],
        ],
    )
    assert plan.bad_rows == []
    assert outline(plan) == [("Van uitkering naar werk", ["Jongeren aan het werk"])]


@pytest.mark.django_db
def test_a_lone_value_in_another_column_is_refused_with_its_place(agenda):
    plan = plan_of(
        agenda,
        [HEAD, ["Werk naar werk"], ["Omscholing", *ACTION[1:]], ["", "", "", "loopt"]],
    )
    assert outline(plan) == [("Werk naar werk", ["Omscholing"])]
    assert [(bad.row, bad.column) for bad in plan.bad_rows] == [(4, "D (Status)")]
    assert "alleen “loopt” en geen actie" in plan.bad_rows[0].message
