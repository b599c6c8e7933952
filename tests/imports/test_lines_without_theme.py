"""A row of a file without a theme becomes a line directly under its pillar, or, with no pillar
above it, a line under the agenda; importing the file again changes nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.models import Action, Agenda, Scope, Status
from imports.reading import read_file
from imports.services import apply_plan, build_plan, find_header

from .builders import docx_bytes, xlsx_bytes

HEAD = ["Thema's per pijler", "(Sub)regionaal", "Actie", "Status"]
COORDINATION = "Coördinatie en regie van het actieplan"
PILLAR = "Pijler 4: Samenwerken"  # named so, it reads as a pillar with no theme below
DIRECT = "Werkgeversservicepunt als vast aanspreekpunt"


@pytest.fixture
def agenda(new_region):
    Status.objects.create(slug="loopt", name="loopt")
    Scope.objects.create(region=new_region, name="Regionaal")
    return Agenda.objects.create(
        title="Agenda", slug="agenda", region=new_region, first_year=2024, last_year=2026
    )


def rows(extra_direct=0):
    """A coordination line before any pillar, a pillar with a line directly under it, and a
    pillar with a theme."""
    data = [
        HEAD,
        ["", "Regionaal", COORDINATION, "loopt"],
        [PILLAR],
        ["", "Regionaal", DIRECT, "loopt"],
    ]
    data += [["", "Regionaal", f"Directe actie {n}", "loopt"] for n in range(extra_direct)]
    data += [["Werk vinden"], ["1. Jongeren", "Regionaal", "Leerwerkbanen", "loopt"]]
    return data


def import_rows(agenda, user, data):
    table = read_file("plan.xlsx", xlsx_bytes(data))
    plan = build_plan(table, find_header(table), agenda)
    assert plan.bad_rows == []
    return plan, apply_plan(plan, user=user, file_name="plan.xlsx")


def placement(agenda):
    return [
        (a.text, a.pillar.name if a.pillar else None, a.theme.name if a.theme else None)
        for a in Action.objects.in_agenda(agenda).in_document_order()
    ]


@pytest.mark.django_db
def test_rows_without_a_theme_become_lines_under_their_pillar_or_the_agenda(agenda, coordinator):
    _plan, counts = import_rows(agenda, coordinator, rows())
    assert counts["actions"] == 3
    assert placement(agenda) == [
        (DIRECT, PILLAR, None),
        ("Leerwerkbanen", "Werk vinden", "Jongeren"),
        (COORDINATION, None, None),
    ]
    coordination = Action.objects.get(text=COORDINATION)
    assert coordination.agenda == agenda
    assert coordination.history.get().history_user == coordinator


@pytest.mark.django_db
def test_the_same_rows_in_a_word_table_are_placed_the_same_way(agenda, coordinator):
    data = [row + [""] * (len(HEAD) - len(row)) for row in rows()]  # Word tables are square
    table = read_file("plan.docx", docx_bytes(data))
    plan = build_plan(table, find_header(table), agenda)
    assert plan.bad_rows == []
    apply_plan(plan, user=coordinator, file_name="plan.docx")
    assert placement(agenda) == [
        (DIRECT, PILLAR, None),
        ("Leerwerkbanen", "Werk vinden", "Jongeren"),
        (COORDINATION, None, None),
    ]


@pytest.mark.django_db
def test_importing_the_same_file_again_changes_nothing(agenda, coordinator):
    import_rows(agenda, coordinator, rows())
    before = placement(agenda)
    plan, counts = import_rows(agenda, coordinator, rows())
    assert not plan.has_changes
    assert plan.unchanged_actions == 3
    assert not any(counts.values())
    assert placement(agenda) == before
    assert Action.history.filter(text=DIRECT).count() == 1


@pytest.mark.django_db
def test_a_changed_status_of_a_line_without_a_theme_updates_that_line(agenda, coordinator):
    Status.objects.create(slug="klaar", name="klaar")
    import_rows(agenda, coordinator, rows())
    data = rows()
    data[1] = ["", "Regionaal", COORDINATION, "klaar"]
    plan, counts = import_rows(agenda, coordinator, data)
    assert [a.text for a in plan.changed_actions] == [COORDINATION]
    assert counts["actions"] == 0
    assert Action.objects.get(text=COORDINATION).status.name == "klaar"


@pytest.mark.django_db
def test_the_same_line_twice_under_one_pillar_is_refused(agenda):
    data = rows()
    data.insert(4, ["", "Regionaal", DIRECT, "loopt"])
    table = read_file("plan.xlsx", xlsx_bytes(data))
    plan = build_plan(table, find_header(table), agenda)
    assert [(bad.row, bad.message) for bad in plan.bad_rows] == [
        (5, "Dezelfde actie staat twee keer op dezelfde plaats.")
    ]


@pytest.mark.django_db
def test_a_row_with_the_agendas_words_for_no_pillar_puts_the_lines_below_under_the_agenda(
    agenda, coordinator
):
    data = [
        HEAD,
        [PILLAR],
        ["", "Regionaal", DIRECT, "loopt"],
        [str(agenda.outside_top_levels)],
        ["", "Regionaal", COORDINATION, "loopt"],
    ]
    import_rows(agenda, coordinator, data)
    assert placement(agenda) == [(DIRECT, PILLAR, None), (COORDINATION, None, None)]


@pytest.mark.django_db
def test_queries_do_not_grow_with_lines_without_a_theme(agenda, coordinator, new_region):
    counts = []
    for slug, extra in (("weinig", 1), ("meer", 12)):
        other = Agenda.objects.create(
            title=slug, slug=slug, region=new_region, first_year=2024, last_year=2026
        )
        table = read_file("plan.xlsx", xlsx_bytes(rows(extra)))
        with CaptureQueriesContext(connection) as preview:
            plan = build_plan(table, find_header(table), other)
        with CaptureQueriesContext(connection) as write:
            apply_plan(plan, user=coordinator, file_name="plan.xlsx")
        assert Action.objects.filter(agenda=other, theme=None).count() == 2 + extra
        counts.append((len(preview), len(write)))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_the_action_table_export_with_such_lines_imports_back_unchanged(client, demo, tmp_path):
    from governance.user_services import user_create

    from .conftest import PASSWORD
    from .test_bad_input import dump
    from .test_round_trip import export

    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    pillar = agenda.pillars.order_by("order").first()
    Action.objects.create(pillar=pillar, order=1, text=DIRECT)
    Action.objects.create(agenda=agenda, order=1, number="C", text=COORDINATION)
    user = user_create(username="coor", role="coordinator", password=PASSWORD, region=agenda.region)
    table = read_file("acties.xlsx", export(client, user))
    before = dump()
    plan = build_plan(table, find_header(table), agenda)
    assert [str(bad) for bad in plan.bad_rows] == []
    assert not plan.has_changes
    assert plan.unchanged_actions == Action.objects.filter(agenda=agenda).count()
    apply_plan(plan, user=user, file_name="acties.xlsx")
    assert dump() == before
