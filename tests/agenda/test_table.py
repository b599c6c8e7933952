"""The action table: filters, sorting, pagination and the CSV/XLSX downloads partners take away."""

import csv
import io
import re

import openpyxl
import pytest
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from agenda.models import Action, Agenda, Status

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """The demo data, loaded once for this module and rolled back after it."""
    from common.demo import load_all

    with django_db_blocker.unblock(), transaction.atomic():
        load_all()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_once, db):
    """Each test runs in a savepoint on top of the module's demo data."""


SLUG = "zkij-2020-2022"
URL = f"/agendas/{SLUG}/acties/"
BIJLAGE_1_HEADINGS = [
    "#",
    "Thema's per pijler",
    "Voor wie",
    "(Sub)regionaal",
    "Actie",
    "Status",
    "Trekker(s)",
    "Financiering",
]
# The export adds the funding streams with their amounts after the columns of Bijlage 1.
EXPORT_HEADINGS = [*BIJLAGE_1_HEADINGS, "Financieringsbronnen en bedragen"]


def response_body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response) -> list[list[str]]:
    body = response_body(response)
    assert body.startswith("\ufeff".encode()), "the CSV must start with a UTF-8 byte order mark"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list[str]]:
    sheet = openpyxl.load_workbook(io.BytesIO(response_body(response))).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def exported_actions(rows) -> list[str]:
    """The action texts of an export, in order."""
    column = rows[0].index("Actie")
    return [row[column] for row in rows[1:]]


def shown_actions(response) -> list[str]:
    """The action texts in the table on screen, in order."""
    return [row.record.text for row in response.context["table"].paginated_rows]


@pytest.fixture
def agenda(demo):
    return Agenda.objects.get(slug=SLUG)


def option_value(html: str, select_name: str, label: str) -> str:
    """The value of the option a user picks by its visible label."""
    select = re.search(rf'<select name="{select_name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no control {select_name}"
    match = re.search(rf'<option value="([^"]*)"[^>]*>{re.escape(label)}</option>', select[1])
    assert match, f"no option {label!r} in {select_name}"
    return match[1]


def test_csv_export_holds_every_action_with_the_headings_of_bijlage_1(client, agenda):
    response = client.get(URL, {"_export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == EXPORT_HEADINGS
    expected = Action.objects.in_agenda(agenda).in_document_order()
    assert exported_actions(rows) == [a.text for a in expected]


def test_export_headings_stay_dutch_in_the_english_interface(client, agenda):
    client.get(reverse("choose_language"), {"lang": "en", "next": URL})
    rows = csv_rows(client.get(URL, {"_export": "csv"}))
    assert rows[0] == EXPORT_HEADINGS


def test_filter_choices_carry_their_dutch_names(client, agenda):
    html = client.get(URL).content.decode()
    option_value(html, "status", "loopt")
    option_value(html, "status", "nader uit te werken")
    option_value(html, "scope", "IJmond")
    option_value(html, "stage", "reeds in gang gezet")
    option_value(html, "pillar", "Uitkering naar werk")
    option_value(html, "theme", "1. Daling werkloosheid")
    for name in ("q", "pillar", "theme", "scope", "status", "stage", "lead", "per_page"):
        assert f'<label class="utrecht-form-label" for="id_{name}">' in html


def test_status_and_scope_filters_export_exactly_the_matching_rows(client, agenda):
    html = client.get(URL).content.decode()
    query = {
        "status": option_value(html, "status", "loopt"),
        "scope": option_value(html, "scope", "IJmond"),
    }
    expected = (
        Action.objects.in_agenda(agenda)
        .filter(status__slug="loopt", scope__name="IJmond")
        .in_document_order()
    )
    assert expected.exists()
    page = client.get(URL, query)
    assert page.context["table"].paginator.count == expected.count()
    assert shown_actions(page) == [a.text for a in expected]

    rows = csv_rows(client.get(URL, {**query, "_export": "csv"}))
    assert exported_actions(rows) == [a.text for a in expected]
    statuses = {row[BIJLAGE_1_HEADINGS.index("Status")] for row in rows[1:]}
    scopes = {row[BIJLAGE_1_HEADINGS.index("(Sub)regionaal")] for row in rows[1:]}
    assert statuses == {"loopt"} and scopes == {"IJmond"}


def test_free_text_search_exports_exactly_the_matching_rows(client, agenda):
    fields = ["text", "short_title", "target_group_text", "lead_text", "financing_text"]
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": "jongeren"})
    condition |= Q(leads__name__icontains="jongeren")
    expected = Action.objects.in_agenda(agenda).filter(condition).distinct().in_document_order()
    assert expected.count() >= 2
    rows = csv_rows(client.get(URL, {"q": "jongeren", "_export": "csv"}))
    assert exported_actions(rows) == [a.text for a in expected]
    assert all("jongeren" in " ".join(row).lower() for row in rows[1:])


def test_search_words_all_have_to_match(client, agenda):
    both = Action.objects.in_agenda(agenda).filter(
        text__icontains="jongeren", financing_text__icontains="PoW"
    )
    response = client.get(URL, {"q": "jongeren PoW", "per_page": 100})
    shown = shown_actions(response)
    assert set(shown) >= {a.text for a in both}
    for text in shown:
        action = Action.objects.in_agenda(agenda).get(text=text)
        haystack = " ".join(
            [action.text, action.lead_text, action.financing_text, action.target_group_text]
            + [o.name for o in action.leads.all()]
            + [o.abbreviation for o in action.leads.all()]
        ).lower()
        assert "jongeren" in haystack and "pow" in haystack


def test_lead_filter_shows_the_actions_an_organisation_leads(client, agenda):
    uwv = agenda.themes.first().actions.first().leads.model.objects.get(name="UWV")
    expected = Action.objects.in_agenda(agenda).filter(leads=uwv).in_document_order()
    response = client.get(URL, {"lead": uwv.pk, "per_page": 100})
    assert shown_actions(response) == [a.text for a in expected]


def test_pillar_theme_and_stage_filters(client, agenda):
    pillar = agenda.pillars.get(order=2)
    response = client.get(URL, {"pillar": 2, "per_page": 100})
    assert shown_actions(response) == [
        a.text for a in Action.objects.filter(theme__pillar=pillar).in_document_order()
    ]
    response = client.get(URL, {"theme": 3, "per_page": 100})
    assert shown_actions(response) == [
        a.text for a in Action.objects.in_agenda(agenda).filter(theme__number=3).in_document_order()
    ]
    response = client.get(URL, {"stage": "nader_uit_te_werken", "per_page": 100})
    assert shown_actions(response) == [
        a.text
        for a in Action.objects.in_agenda(agenda)
        .filter(stage="nader_uit_te_werken")
        .in_document_order()
    ]


def test_xlsx_holds_the_same_rows_as_the_csv(client, agenda):
    for query in ({}, {"status": "loopt"}, {"q": "jongeren", "sort": "-status"}):
        csv_export = csv_rows(client.get(URL, {**query, "_export": "csv"}))
        xlsx_response = client.get(URL, {**query, "_export": "xlsx"})
        assert xlsx_response["Content-Type"].startswith(
            "application/vnd.openxmlformats-officedocument.spreadsheetml"
        )
        assert xlsx_rows(xlsx_response) == csv_export


def test_export_follows_the_sort_order_and_holds_all_pages(client, agenda):
    query = {"sort": "-text", "per_page": 10, "page": 2}
    page = client.get(URL, query)
    assert len(shown_actions(page)) == 10
    rows = csv_rows(client.get(URL, {**query, "_export": "csv"}))
    texts = exported_actions(rows)
    assert len(texts) == Action.objects.in_agenda(agenda).count()
    assert texts == sorted(texts, reverse=True)
    assert shown_actions(page) == texts[10:20]


def test_sorting_by_a_column_orders_the_rows(client, agenda):
    response = client.get(URL, {"sort": "status", "per_page": 100})
    order_of = {status_id: order for status_id, order in Status.objects.values_list("pk", "order")}
    orders = [
        order_of.get(row.record.status_id, -1) for row in response.context["table"].paginated_rows
    ]
    assert orders == sorted(orders)
    html = response.content.decode()
    assert 'aria-sort="ascending"' in html


def test_result_count_and_page_size_choice(client, agenda):
    total = Action.objects.in_agenda(agenda).count()
    response = client.get(URL, {"per_page": 10})
    html = response.content.decode()
    assert f"{total} acties gevonden" in html
    assert len(shown_actions(response)) == 10
    assert '<option value="10" selected>' in html
    last = client.get(URL, {"per_page": 10, "page": (total + 9) // 10})
    assert len(shown_actions(last)) == total - 10 * ((total - 1) // 10)


def test_the_whole_state_lives_in_the_url(client, agenda):
    query = {"status": "loopt", "q": "werk", "sort": "-scope", "per_page": 10}
    html = client.get(URL, query).content.decode()
    # The form repeats the selection, so submitting it again keeps it.
    assert 'name="q" value="werk"' in html
    assert re.search(r'<option value="loopt" selected>loopt</option>', html)
    assert '<input type="hidden" name="sort" value="-scope">' in html
    # Page links and download links carry the filters and the order.
    downloads = re.findall(r'href="([^"]*_export=csv[^"]*)"', html)
    assert downloads and all(
        "status=loopt" in link and "q=werk" in link and "sort=-scope" in link for link in downloads
    )
    pages = re.findall(r'href="(\?[^"]*page=2[^"]*)"', html)
    assert pages and all("status=loopt" in link and "sort=-scope" in link for link in pages)


def test_invalid_filter_values_are_ignored_with_a_message(client, agenda):
    total = Action.objects.in_agenda(agenda).count()
    response = client.get(URL, {"status": "bestaat-niet", "per_page": 100})
    assert response.status_code == 200
    assert len(shown_actions(response)) == total
    html = response.content.decode()
    assert "Deze waarde wordt genegeerd." in html
    assert "Selectie:" not in html


JUNK_QUERIES = [
    "status=onbekend",
    "scope=999999",
    "scope=abc",
    "pillar=0",
    "pillar=-1",
    "theme=9999",
    "theme=drie",
    "stage=bestaat_niet",
    "lead=0",
    "lead=1e9",
    "page=abc",
    "page=99999",
    "page=0",
    "page=-5",
    "page=1.5",
    "page=" + "9" * 5000,
    "sort=nonsense",
    "sort=-",
    "sort=,,,",
    "sort=text,-nonsense,__class__",
    "sort=" + "x" * 5000,
    "per_page=-1",
    "per_page=0",
    "per_page=abc",
    "per_page=1000000",
    "per_page=" + "9" * 5000,
    "q=" + "a" * 10000,
    "q=" + "woord " * 500,
    "q=%F0%9F%98%80%E2%82%AC%C3%A9%E4%B8%AD",
    "q=%27%20OR%201%3D1%20--",
    "q=%22%3B%20DROP%20TABLE%20agenda_action%3B%20--",
    "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "q=%00",
    "q=%25%25%25_",
    "_export=pdf",
    "_export=%3Cscript%3E",
    "status=loopt&status=afgerond&scope=&lead=&lead=x",
    "q[]=1&status[]=loopt",
    "%FF%FE=%FF",
    "sort=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&q=%3Cb%3Evet%3C%2Fb%3E",
]


def test_forty_junk_queries_give_a_normal_page(client, agenda):
    assert len(JUNK_QUERIES) == 40
    for query in JUNK_QUERIES:
        response = client.get(f"{URL}?{query}")
        assert response.status_code == 200, query
        html = response.content.decode()
        assert "<script>alert" not in html, query
        assert "<img src=x" not in html, query
        assert "<b>vet</b>" not in html, query


def test_a_long_search_is_refused_with_a_form_error(client, agenda):
    response = client.get(URL, {"q": "a" * 300})
    assert response.status_code == 200
    assert "utrecht-form-field--invalid" in response.content.decode()
