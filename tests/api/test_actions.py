"""The API's actions are the action table's rows: same filters, same meaning, same order."""

import csv
import io

import pytest
from django.db.models import Q

from agenda.filters import ActionFilter
from agenda.models import Action, Agenda, Scope
from financing.models import FundingStream
from governance.models import Organisation

from .conftest import all_pages

SLUG = "zkij-2020-2022"
TABLE = f"/agendas/{SLUG}/acties/"
API = f"/api/v1/agendas/{SLUG}/actions/"


def table_rows(client, params: dict) -> list[dict]:
    """The rows of the table's own CSV export (`?_export=csv`) for these filters."""
    response = client.get(TABLE, {**params, "_export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


COLUMNS = ["#", "Voor wie", "(Sub)regionaal", "Actie", "Status", "Trekker(s)", "Financiering"]


def as_table_row(action: dict) -> dict:
    """An API action in the columns of the table export that it carries the data of."""
    leads = action["lead_text"] or ", ".join(
        lead["abbreviation"] or lead["name"] for lead in action["leads"]
    )
    return {
        "#": str(action["theme"]["number"]),
        "Voor wie": action["target_group"] or action["theme"]["target_group"],
        "(Sub)regionaal": action["scope"]["name"] if action["scope"] else "",
        "Actie": action["text"],
        "Status": action["status"]["name"] if action["status"] else "",
        "Trekker(s)": leads,
        "Financiering": action["financing_text"],
    }


def filter_cases() -> list[tuple[str, dict]]:
    agenda = Agenda.objects.get(slug=SLUG)
    actions = Action.objects.in_agenda(agenda)
    scope = Scope.objects.filter(actions__in=actions).order_by("pk").first()
    lead = Organisation.objects.filter(led_actions__in=actions).order_by("name").first()
    stream = (
        FundingStream.objects.filter(Q(actions__in=actions) | Q(allocations__action__in=actions))
        .order_by("pk")
        .first()
    )
    return [
        ("no filter", {}),
        ("status", {"status": "loopt"}),
        ("pillar", {"pillar": "2"}),
        ("theme", {"theme": "3"}),
        ("scope", {"scope": str(scope.pk)}),
        ("lead", {"lead": str(lead.pk)}),
        ("funding", {"funding": stream.slug}),
        ("outcome", {"outcome": "vertraagd"}),
        ("stage", {"stage": "nader_uit_te_werken"}),
        ("q, two words", {"q": "werk jongeren"}),
        ("q on a lead's name", {"q": lead.name.split()[0]}),
        ("combined", {"status": "loopt", "pillar": "1", "q": "werk"}),
        ("nothing matches", {"q": "zzzgeenenkeleactiezzz"}),
    ]


def test_every_filter_of_the_table_is_tried_here(demo):
    tried = {name for _label, params in filter_cases() for name in params}
    assert set(ActionFilter.base_filters) <= tried


def test_for_the_same_filters_the_api_returns_the_table_rows_row_by_row(demo, client, api):
    for label, params in filter_cases():
        expected = [{key: row[key] for key in COLUMNS} for row in table_rows(client, params)]
        got = all_pages(api, API, page_size=7, **params)  # small pages: the order must hold
        assert [as_table_row(a) for a in got] == expected, label
        assert len({a["id"] for a in got}) == len(got), f"{label}: an action on two pages"
        if label != "nothing matches":
            assert got, f"{label}: the demo agenda has matching actions"


def test_one_filter_asked_with_each_of_its_values_in_turn_gives_the_table_rows_each_time(
    demo, client, api, viewer_api
):
    """The page query is compiled once for a set of filters and run with the values of each
    request: every value still selects its own rows, for visitors and logged-in users."""
    agenda = Agenda.objects.get(slug=SLUG)
    actions = Action.objects.in_agenda(agenda)
    statuses = sorted(set(actions.exclude(status=None).values_list("status__slug", flat=True)))
    scopes = sorted(set(actions.exclude(scope=None).values_list("scope_id", flat=True)))
    assert len(statuses) > 1 and len(scopes) > 1, "the demo agenda has several of each"
    cases = [{"status": status, "scope": str(scope)} for status in statuses for scope in scopes]
    cases += [{"stage": stage, "pillar": "1"} for stage in Action.Stage.values]
    seen = set()
    for params in cases:
        expected = [row["Actie"] for row in table_rows(client, params)]
        for reader in (api, viewer_api):
            got = all_pages(reader, API, page_size=3, **params)
            assert [a["text"] for a in got] == expected, params
        seen.add(tuple(expected))
    assert len(seen) > 3, "the values select different rows"


def test_the_csv_of_the_api_holds_the_same_actions_as_the_table_export(demo, client, api):
    params = {"status": "loopt", "pillar": "1"}
    response = api.get(API, {**params, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    expected = table_rows(client, params)
    assert [row["text"] for row in rows] == [row["Actie"] for row in expected]
    assert [row["status"] for row in rows] == [row["Status"] for row in expected]


def test_logged_in_users_get_the_rows_of_the_table_of_a_concept_agenda(
    concept_demo, viewer, client
):
    from rest_framework.test import APIClient

    concept = Agenda.objects.filter(state=Agenda.State.CONCEPT).first()
    client.force_login(viewer)
    api = APIClient()
    api.force_login(viewer)
    response = client.get(f"/agendas/{concept.slug}/acties/", {"_export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    expected = list(csv.DictReader(io.StringIO(body)))
    got = all_pages(api, f"/api/v1/agendas/{concept.slug}/actions/")
    assert [a["text"] for a in got] == [row["Actie"] for row in expected]
    assert got, "the concept agenda has actions"


def test_an_action_links_to_its_page_and_to_itself(demo, api):
    action = api.get(API).json()["results"][0]
    assert action["portal_url"] == f"http://testserver/acties/{action['id']}/"
    assert api.get(action["url"]).json()["id"] == action["id"]


def test_amounts_are_decimal_strings_and_dates_iso_8601(demo, api):
    streams = api.get("/api/v1/funding-streams/").json()["results"]
    amounts = [ya["amount"] for s in streams for ya in s["year_amounts"] if ya["amount"]]
    assert amounts and all(isinstance(a, str) and a.count(".") == 1 for a in amounts)
    agenda = api.get(f"/api/v1/agendas/{SLUG}/").json()
    assert agenda["adopted_on"] == "2020-10-20"


@pytest.mark.parametrize("page_size", ["1", "50", "500"])
def test_the_action_list_uses_the_same_number_of_queries_for_any_page_size(
    demo, api, page_size, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = api.get(API, {"page_size": page_size})
    assert response.status_code == 200


def test_an_action_has_exactly_the_fields_the_schema_describes(demo, api, viewer_api, client):
    document = client.get("/api/schema/", {"format": "json"}).json()
    listed = set(document["components"]["schemas"]["Action"]["properties"])
    detailed = set(document["components"]["schemas"]["ActionDetail"]["properties"])
    visitor_row = api.get(API).json()["results"][0]
    assert set(visitor_row) == listed - {"internal_note"}
    assert set(viewer_api.get(API).json()["results"][0]) == listed
    assert set(viewer_api.get(visitor_row["url"]).json()) == detailed
    for name, spec in document["components"]["schemas"]["Action"]["properties"].items():
        if name in visitor_row and visitor_row[name] is not None and "type" in spec:
            kind = {"integer": int, "string": str, "boolean": bool, "array": list}
            assert isinstance(visitor_row[name], kind.get(spec["type"], object)), name


def test_rows_read_in_chunks_are_the_rows_read_at_once(demo, rf):
    from api import action_rows

    agenda = Agenda.objects.get(slug=SLUG)
    table = action_rows.values(
        Action.objects.in_agenda(agenda).order_by("theme__number", "order", "pk"),
        with_internal_note=False,
    )
    request = rf.get("/")
    assert action_rows.all_rows(table, request=request, chunk=7) == action_rows.rows(
        table, request=request
    )


def test_each_action_shows_its_leads_streams_and_amounts_as_stored_to_the_cent(demo, api):
    from decimal import Decimal

    from financing.models import Allocation

    agenda = Agenda.objects.get(slug=SLUG)
    action = Action.objects.in_agenda(agenda).order_by("theme__number", "order", "pk").first()
    stream = FundingStream.objects.order_by("pk").first()
    Allocation.objects.filter(action=action).delete()
    Allocation.objects.create(
        stream=stream, action=action, year=2021, budgeted=Decimal("999999999999.99")
    )
    Allocation.objects.create(
        stream=stream, action=action, year=2022, budgeted=Decimal("0.10"), realised=Decimal("3")
    )
    rows = {row["id"]: row for row in all_pages(api, API, page_size="7")}
    assert [(a["year"], a["budgeted"], a["realised"]) for a in rows[action.pk]["allocations"]] == [
        (2021, "999999999999.99", None),
        (2022, "0.10", "3.00"),
    ]
    for pk, row in rows.items():
        stored = Action.objects.get(pk=pk)
        leads = stored.leads.order_by("name", "pk").values_list("pk", flat=True)
        assert [lead["id"] for lead in row["leads"]] == list(leads)
        assert {s["slug"] for s in row["funding_streams"]} == {
            s.slug for s in stored.funding_streams.all()
        }


def test_every_page_tells_the_number_of_actions_and_links_its_neighbours(demo, api):
    """The total comes with the page query: it must be the number over all pages, also on the
    last page, on page=last, on an empty selection and with a filter."""
    params = {"status": "loopt"}
    expected = Action.objects.in_agenda(Agenda.objects.get(slug=SLUG)).filter(status__slug="loopt")
    total = expected.count()
    assert total > 5, "the demo agenda has several running actions"
    size = 2
    last = (total + size - 1) // size
    for page in [1, 2, last, "last"]:
        body = api.get(API, {**params, "page_size": size, "page": page}).json()
        number = last if page == "last" else page
        assert body["count"] == total, page
        assert len(body["results"]) == min(size, total - (number - 1) * size)
        assert (body["previous"] is None) == (number == 1)
        assert (body["next"] is None) == (number == last)
        if body["next"]:
            assert f"page={number + 1}" in body["next"]
    past = api.get(API, {**params, "page_size": size, "page": last + 1})
    assert past.status_code == 404
    assert past.json()["detail"] == "Deze pagina bestaat niet."
    empty = api.get(API, {"q": "zzzgeenenkeleactiezzz"}).json()
    assert empty == {"count": 0, "next": None, "previous": None, "results": []}


def test_a_page_and_its_total_are_read_in_one_query(demo, api, django_assert_num_queries):
    """The list adds no count query to its page: one query fewer than before the total came
    with the page."""
    with django_assert_num_queries(7) as captured:
        response = api.get(API, {"page": 2, "page_size": 5})
    assert response.status_code == 200
    assert not [q for q in captured.captured_queries if q["sql"].startswith("SELECT COUNT(")]
