"""Lines of a plan that sit directly under a pillar, or under the agenda with no pillar or
theme: entered by a coordinator, shown on every page and export, printed in Bijlage 1."""

import csv
import io
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from agenda import services
from agenda.models import Action, Pillar, Theme
from agenda.pdf import render_bijlage1_pdf
from tests.annexes.pdftext import read_pdf, squeeze
from tests.factories import AgendaFactory, make_user

pytestmark = pytest.mark.django_db

COORDINATION = "Coördinatie en regie van het actieplan door de regio"
DIRECT = "Werkgeversservicepunt als vast aanspreekpunt"


@pytest.fixture
def plan():
    """Pillars numbered 1, 2 and 4 as the plan writes them, a theme under each, one line directly
    under pillar 4 and one coordination line under no pillar."""
    agenda = AgendaFactory(
        title="Actieplan West",
        slug="actieplan-west",
        top_level_label="actielijn",
        state="vastgesteld",
    )
    pillars = {
        n: Pillar.objects.create(agenda=agenda, order=n, name=name)
        for n, name in ((1, "Werk vinden"), (2, "Leren en ontwikkelen"), (4, "Samenwerken"))
    }
    for n, pillar in pillars.items():
        theme = Theme.objects.create(agenda=agenda, pillar=pillar, number=n, name=f"Thema {n}")
        Action.objects.create(theme=theme, order=1, text=f"Actie onder thema {n}")
    Action.objects.create(pillar=pillars[4], order=1, number="4.a", text=DIRECT)
    Action.objects.create(agenda=agenda, order=1, number="C", text=COORDINATION)
    return agenda, pillars


@pytest.fixture
def coordinator(plan):
    agenda, _pillars = plan
    return make_user("coord", role="coordinator", region=agenda.region)


def _text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_lines_take_their_agenda_and_pillar_from_where_they_sit(plan):
    agenda, pillars = plan
    direct = Action.objects.get(text=DIRECT)
    coordination = Action.objects.get(text=COORDINATION)
    assert (direct.agenda, direct.pillar, direct.theme) == (agenda, pillars[4], None)
    assert (coordination.agenda, coordination.pillar, coordination.theme) == (agenda, None, None)
    under_theme = Action.objects.get(text="Actie onder thema 2")
    assert (under_theme.agenda, under_theme.pillar) == (agenda, pillars[2])
    assert Action.objects.in_agenda(agenda).count() == 5
    assert [a.text for a in Action.objects.in_agenda(agenda).in_document_order()] == [
        "Actie onder thema 1",
        "Actie onder thema 2",
        "Actie onder thema 4",
        DIRECT,
        COORDINATION,
    ]


def test_a_theme_of_another_pillar_or_a_pillar_of_another_agenda_is_refused(plan):
    agenda, pillars = plan
    other = Pillar.objects.create(agenda=AgendaFactory(), order=1, name="Elders")
    stray = Action(agenda=agenda, pillar=other, order=9, text="Verdwaald")
    with pytest.raises(ValidationError) as error:
        stray.clean()
    assert "pillar" in error.value.message_dict
    with transaction.atomic(), pytest.raises(IntegrityError):
        Action.objects.filter(text=DIRECT).update(theme=Theme.objects.get(number=1), pillar=None)


def test_two_lines_at_the_same_place_under_the_agenda_are_refused_in_dutch(plan, coordinator):
    agenda, _pillars = plan
    with pytest.raises(ValidationError) as error:
        services.action_create(user=coordinator, agenda=agenda, order=1, text="Nog een regel")
    assert "buiten de hoogste niveaus" in " ".join(error.value.messages)
    assert Action.objects.in_agenda(agenda).count() == 5


def test_a_coordinator_adds_lines_under_a_pillar_only_and_under_no_pillar(
    client, plan, coordinator
):
    agenda, pillars = plan
    client.force_login(coordinator)
    url = reverse("agenda:action_create", args=[agenda.slug])
    form = _text(client.get(url))
    assert "De agenda als geheel (niet onder een actielijn)" in form
    response = client.post(url, {"pillar": pillars[2].pk, "text": "Leerwerkloket"})
    assert response.status_code == 302
    loket = Action.objects.get(text="Leerwerkloket")
    assert (loket.pillar, loket.theme, loket.order) == (pillars[2], None, 1)
    client.post(url, {"text": "Communicatie over het plan"})
    communicatie = Action.objects.get(text="Communicatie over het plan")
    assert (communicatie.agenda, communicatie.pillar, communicatie.theme) == (agenda, None, None)
    assert communicatie.order == 2  # after the coordination line
    assert communicatie.history.first().history_user == coordinator
    # a theme wins over a pillar chosen with it: the line sits under the theme's pillar
    client.post(
        url, {"pillar": pillars[1].pk, "theme": Theme.objects.get(number=4).pk, "text": "X"}
    )
    assert Action.objects.get(text="X").pillar == pillars[4]


def test_a_coordinator_moves_a_line_out_of_its_theme(client, plan, coordinator):
    agenda, pillars = plan
    action = Action.objects.get(text="Actie onder thema 1")
    client.force_login(coordinator)
    response = client.post(
        reverse("agenda:action_edit", args=[action.pk]),
        {"version": action.version, "pillar": "", "theme": "", "order": "", "text": action.text},
    )
    assert response.status_code == 302, _text(response)
    action.refresh_from_db()
    assert (action.agenda, action.pillar, action.theme) == (agenda, None, None)
    assert action.order == 2


def test_pages_and_exports_show_lines_without_theme_or_pillar(client, plan):
    agenda, _pillars = plan
    page = _text(client.get(reverse("agenda:agenda_detail", args=[agenda.slug])))
    annex = page[page.index("Actie onder thema 1") :]  # the table of themes and actions
    outside = "De agenda als geheel (niet onder een actielijn)"
    assert annex.index("Actielijn 4: Samenwerken") < annex.index(DIRECT)
    assert annex.index(DIRECT) < annex.index(outside) < annex.index(COORDINATION)
    table = reverse("agenda:action_table", args=[agenda.slug])
    assert COORDINATION in _text(client.get(table))
    pillar_filtered = _text(client.get(table, {"pillar": 4}))
    assert DIRECT in pillar_filtered and COORDINATION not in pillar_filtered
    outside_filtered = _text(client.get(table, {"pillar": "null"}))
    assert COORDINATION in outside_filtered and DIRECT not in outside_filtered
    detail = _text(client.get(Action.objects.get(text=COORDINATION).get_absolute_url()))
    assert "De agenda als geheel (niet onder een actielijn)" in detail
    assert "geen thema" in detail
    export = client.get(table, {"_export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    by_text = {row[4]: row for row in rows[1:]}
    assert by_text[COORDINATION][:2] == ["C", "De agenda als geheel (niet onder een actielijn)"]
    assert by_text[DIRECT][:2] == ["4.a", "Samenwerken"]


def _csv_texts(response) -> list[str]:
    rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    return [row[4] for row in list(rows)[1:]]


@pytest.mark.parametrize("column", ["number", "theme", "status"])
def test_lines_without_a_theme_sort_after_the_numbered_ones_and_first_when_reversed(
    client, plan, column
):
    """The same order on SQLite and PostgreSQL (which by themselves put empty values at
    opposite ends), on the page, in the export and in the API."""
    agenda, _pillars = plan
    table = reverse("agenda:action_table", args=[agenda.slug])
    numbered = ["Actie onder thema 1", "Actie onder thema 2", "Actie onder thema 4"]
    upward = _csv_texts(client.get(table, {"sort": column, "_export": "csv"}))
    assert upward[:3] == numbered and set(upward[3:]) == {DIRECT, COORDINATION}
    downward = _csv_texts(client.get(table, {"sort": f"-{column}", "_export": "csv"}))
    assert set(downward[:2]) == {DIRECT, COORDINATION} and downward[2:] == numbered[::-1]
    page = _text(client.get(table, {"sort": column}))
    assert page.index("Actie onder thema 4") < page.index(DIRECT)


def test_the_api_lists_lines_without_a_theme_after_the_numbered_ones(client, plan):
    agenda, _pillars = plan
    response = client.get(f"/api/v1/agendas/{agenda.slug}/actions/")
    texts = [row["text"] for row in response.json()["results"]]
    assert texts[-2:] == [COORDINATION, DIRECT] or texts[-2:] == [DIRECT, COORDINATION]
    assert texts[:3] == ["Actie onder thema 1", "Actie onder thema 2", "Actie onder thema 4"]


def test_the_api_gives_no_pillar_and_no_theme_for_the_coordination_line(client, plan):
    agenda, _pillars = plan
    response = client.get(f"/api/v1/agendas/{agenda.slug}/actions/")
    rows = {row["text"]: row for row in response.json()["results"]}
    assert rows[COORDINATION]["pillar"] is None and rows[COORDINATION]["theme"] is None
    assert rows[COORDINATION]["number"] == "C"
    assert rows[DIRECT]["pillar"]["order"] == 4 and rows[DIRECT]["theme"] is None


def test_bijlage1_prints_pillars_1_2_and_4_and_the_line_without_a_theme(plan):
    agenda, _pillars = plan
    pdf = read_pdf(render_bijlage1_pdf(agenda=agenda))
    flat = pdf.flat
    headings = [squeeze(f"ACTIELIJN {n}: ") for n in (1, 2, 4)]
    for heading in headings:
        assert heading in flat.upper()
    assert squeeze("ACTIELIJN 3") not in flat.upper()
    outside = squeeze("De agenda als geheel (niet onder een actielijn)").upper()
    assert outside in flat.upper()
    upper = flat.upper()
    assert upper.index(headings[0]) < upper.index(headings[1]) < upper.index(headings[2])
    assert upper.index(headings[2]) < flat.index(squeeze(DIRECT)) < upper.index(outside)
    assert upper.index(outside) < flat.index(squeeze(COORDINATION))
    assert pdf.contains("C " + COORDINATION)
    assert pdf.contains("4.a " + DIRECT)


def test_the_structure_page_offers_a_line_without_a_theme_under_each_pillar(
    client, plan, coordinator
):
    agenda, pillars = plan
    client.force_login(coordinator)
    structure = client.get(reverse("agenda:agenda_structure", args=[agenda.slug])).content
    link = f"{reverse('agenda:action_create', args=[agenda.slug])}?pillar={pillars[2].pk}"
    assert link.encode() in structure
    form = client.get(link).content.decode()
    assert f'<option value="{pillars[2].pk}" selected>' in form


def test_the_budget_page_bands_the_coordination_line_in_the_agendas_words(client, plan):
    from decimal import Decimal

    from financing.models import Allocation
    from tests.factories import make_stream

    agenda, _pillars = plan
    stream = make_stream(agenda.region, name="Regionale subsidie", level="regionaal")
    stream.agendas.add(agenda)
    coordination = Action.objects.get(text=COORDINATION)
    Allocation.objects.create(
        stream=stream, action=coordination, year=2021, budgeted=Decimal("100001")
    )
    page = _text(client.get(reverse("financing:budget_table", args=[agenda.slug])))
    outside = "De agenda als geheel (niet onder een actielijn)"
    assert page.rindex(outside) < page.index("Coördinatie en regie") < page.index("100.001")


def test_a_pillar_holding_a_line_without_a_theme_is_not_deleted_and_the_reason_names_it(
    plan, coordinator
):
    agenda, pillars = plan
    pillars[4].themes.get().actions.all().delete()
    pillars[4].themes.all().delete()
    with pytest.raises(ValidationError) as refused:
        services.pillar_delete(pillar=pillars[4], user=coordinator)
    message = " ".join(refused.value.messages)
    assert "zolang er nog acties onder staan, direct of in zijn thema's" in message
    assert str(Action.objects.get(text=DIRECT)) in message
    assert Action.objects.filter(text=DIRECT).exists()
