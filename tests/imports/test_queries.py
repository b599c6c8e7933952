"""The import writes in bulk: its queries do not grow with the rows (within one batch)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.models import Action, Agenda, Scope, Status
from financing.models import FundingStream
from governance.models import Organisation
from imports.reading import read_file
from imports.services import apply_plan, build_plan, find_header

from .builders import xlsx_bytes

HEAD = [
    "Thema's per pijler",
    "(Sub)regionaal",
    "Actie",
    "Status",
    "Trekker(s)",
    "Financier",
    "2024",
]


def queries_for(slug, region, user, rows):
    agenda = Agenda.objects.create(
        title=slug, slug=slug, region=region, first_year=2024, last_year=2026
    )
    data = [HEAD, ["Werk"]]
    for n in range(rows):
        theme = f"{n // 5 + 1}. Thema {n // 5}" if n % 5 == 0 else ""
        data.append([theme, "Regionaal", f"Actie {n}", "loopt", "PoW", "Rijk", "1.000"])
    table = read_file("plan.xlsx", xlsx_bytes(data))
    header = find_header(table)
    with CaptureQueriesContext(connection) as preview:
        plan = build_plan(table, header, agenda)
    with CaptureQueriesContext(connection) as write:
        apply_plan(plan, user=user, file_name="plan.xlsx")
    assert agenda.themes.count() == rows // 5
    linked = Action.leads.through.objects.filter(action__theme__agenda=agenda).count()
    recorded = Action.history.model.leads.model.objects.filter(action__theme__agenda=agenda)
    assert linked == recorded.count() == rows
    return len(preview), len(write)


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_rows(coordinator, new_region):
    Status.objects.create(slug="loopt", name="loopt")
    Scope.objects.create(region=new_region, name="Regionaal")
    FundingStream.objects.create(region=new_region, slug="rijk", name="Rijk", level="landelijk")
    Organisation.objects.create(name="PoW")  # linked as every action's lead, with history
    few = queries_for("weinig", new_region, coordinator, 5)
    more = queries_for("meer", new_region, coordinator, 25)
    assert few == more
