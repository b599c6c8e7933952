"""The leads an import links to an action are in the action's history, as a manual edit's are."""

import pytest

from agenda.models import Action, Agenda, Scope, Status
from agenda.services import action_update
from governance.models import Organisation
from imports.reading import read_file
from imports.services import apply_plan, build_plan, find_header

from .builders import xlsx_bytes

HEAD = ["Thema's per pijler", "(Sub)regionaal", "Actie", "Status", "Trekker(s)"]


def sheet(second_leads):
    return xlsx_bytes(
        [
            HEAD,
            ["Werk"],
            ["1. Omscholing", "Regionaal", "Omscholing naar de zorg", "loopt", "UWV, Gemeente A"],
            ["", "Regionaal", "Tweede actie", "loopt", second_leads],
        ]
    )


def run_import(agenda, user, data, name="plan.xlsx"):
    table = read_file(name, data)
    plan = build_plan(table, find_header(table), agenda)
    return apply_plan(plan, user=user, file_name=name)


def recorded_leads(record) -> list[str]:
    return sorted(row.organisation.name for row in record.leads.all())


@pytest.fixture
def agenda(new_region):
    Status.objects.create(slug="loopt", name="loopt")
    Scope.objects.create(region=new_region, name="Regionaal")
    for name in ("UWV", "Gemeente A", "Gemeente B"):
        Organisation.objects.create(name=name)
    return Agenda.objects.create(
        title="Agenda", slug="agenda", region=new_region, first_year=2024, last_year=2026
    )


def test_imported_leads_are_recorded_with_each_new_action(agenda, coordinator):
    run_import(agenda, coordinator, sheet("Gemeente A"))
    first = Action.objects.get(text="Omscholing naar de zorg")
    assert sorted(o.name for o in first.leads.all()) == ["Gemeente A", "UWV"]
    record = first.history.get()
    assert record.history_user == coordinator
    assert record.history_change_reason == "Import uit plan.xlsx"
    assert recorded_leads(record) == ["Gemeente A", "UWV"]
    second = Action.objects.get(text="Tweede actie")
    assert recorded_leads(second.history.get()) == ["Gemeente A"]


def test_changed_leads_in_the_file_relink_the_action_and_are_recorded(agenda, coordinator):
    run_import(agenda, coordinator, sheet("Gemeente A"))
    counts = run_import(agenda, coordinator, sheet("Gemeente B"), name="plan-2.xlsx")
    assert counts["actions_changed"] == 1
    second = Action.objects.get(text="Tweede actie")
    assert [o.name for o in second.leads.all()] == ["Gemeente B"]
    latest, first = second.history.order_by("-history_id")
    assert latest.history_change_reason == "Import uit plan-2.xlsx"
    assert recorded_leads(latest) == ["Gemeente B"]
    assert recorded_leads(first) == ["Gemeente A"]
    # the history tells what changed in the leads, as it does for a manual edit
    diff = latest.diff_against(first)
    assert "leads" in diff.changed_fields
    # the action left alone keeps its links and its single history record
    untouched = Action.objects.get(text="Omscholing naar de zorg")
    assert untouched.history.count() == 1
    assert sorted(o.name for o in untouched.leads.all()) == ["Gemeente A", "UWV"]


def test_a_change_that_keeps_the_leads_records_them_again(agenda, coordinator):
    run_import(agenda, coordinator, sheet("Gemeente A"))
    table_rows = [
        HEAD,
        ["Werk"],
        ["1. Omscholing", "Regionaal", "Omscholing naar de zorg", "loopt", "UWV, Gemeente A"],
        ["", "", "Tweede actie", "loopt", "Gemeente A"],  # the same leads, no scope
    ]
    run_import(agenda, coordinator, xlsx_bytes(table_rows), name="plan-2.xlsx")
    second = Action.objects.get(text="Tweede actie")
    assert second.scope is None
    latest = second.history.order_by("-history_id").first()
    assert latest.history_change_reason == "Import uit plan-2.xlsx"
    assert recorded_leads(latest) == ["Gemeente A"]


def test_an_import_records_leads_like_a_manual_edit(agenda, coordinator):
    run_import(agenda, coordinator, sheet("Gemeente A"))
    action = Action.objects.get(text="Tweede actie")
    action_update(
        action=action,
        user=coordinator,
        expected_version=action.version,
        data={"financing_text": "Rijk"},
    )
    imported, edited = action.history.order_by("history_id")
    assert recorded_leads(edited) == recorded_leads(imported) == ["Gemeente A"]
    assert [row.id for row in edited.leads.all()] == [row.id for row in imported.leads.all()]
