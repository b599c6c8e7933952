"""The writes of the financing app and the rules the database holds."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from financing.models import Allocation, YearAmount
from financing.selectors import allocation_use, budget_table, over_allocations, streams_table
from financing.services import (
    allocation_save,
    allocation_set_realised,
    distribution_split,
    year_amount_set,
)
from tests.factories import make_action, make_stream, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(db):
    return world()


def test_the_database_holds_one_amount_per_stream_and_year(w):
    YearAmount.objects.create(stream=w.stream, year=2024, amount=Decimal("1"))
    with pytest.raises(IntegrityError), transaction.atomic():
        YearAmount.objects.create(stream=w.stream, year=2024, amount=Decimal("2"))


@pytest.mark.parametrize(
    "values",
    [
        {"year": 2024, "amount": Decimal("-1")},
        {"year": 1850, "amount": Decimal("1")},
        {"year": 2024, "kind": "bedrag", "amount": None},
        {"year": 2024, "kind": "onbekend", "amount": Decimal("1")},
    ],
)
def test_the_database_refuses_impossible_year_amounts(w, values):
    with pytest.raises(IntegrityError), transaction.atomic():
        YearAmount.objects.create(stream=w.stream, **values)


def test_a_realised_amount_is_recorded_once_and_by_any_name_of_the_stream(w):
    w.stream.abbreviation = "GB"
    w.stream.also_known_as = "budget van de gemeenten; lokaal budget"
    w.stream.save()
    allocation, changed = allocation_set_realised(
        stream="Lokaal budget", action=w.action, year=None, amount="€ 193.000", note="zo"
    )
    assert changed and allocation.realised == Decimal("193000")
    history = allocation.history.count()
    again, changed = allocation_set_realised(
        stream="GB", action=w.action, year=None, amount=Decimal("193000"), note="zo"
    )
    assert (again.pk, changed) == (allocation.pk, False)
    assert allocation.history.count() == history
    with pytest.raises(ValidationError):
        allocation_set_realised(stream="Onbekend fonds", action=w.action, year=None, amount=1)


def test_a_realised_amount_keeps_the_budgeted_amount(w):
    allocation_save(
        allocation=Allocation(stream=w.stream, action=w.action, year=2024, budgeted=Decimal("50"))
    )
    allocation, changed = allocation_set_realised(
        stream=w.stream, action=w.action, year=2024, amount=40
    )
    assert changed
    assert (allocation.budgeted, allocation.realised) == (Decimal("50"), Decimal("40"))
    assert Allocation.objects.count() == 1


def test_a_split_is_refused_while_a_municipality_lacks_inhabitants(w):
    ya, _ = year_amount_set(stream=w.stream, year=2024, amount=Decimal("999.99"))
    with pytest.raises(ValidationError, match="gemeente 3"):
        distribution_split(year_amount=ya)
    with_inhabitants = list(w.region.municipalities.filter(inhabitants__isnull=False))
    distribution = distribution_split(year_amount=ya, municipalities=with_inhabitants)
    assert sum(p.amount for p in distribution.parts.all()) == Decimal("999.99")
    assert sorted(p.amount for p in distribution.parts.all()) == [
        Decimal("333.33"),
        Decimal("666.66"),
    ]
    # Splitting again replaces the stored split.
    again = distribution_split(year_amount=ya, municipalities=with_inhabitants[:1])
    assert ya.__class__.objects.get(pk=ya.pk).distribution == again
    assert again.parts.get().amount == Decimal("999.99")


def test_a_split_is_refused_without_an_amount(w):
    ya, _ = year_amount_set(stream=w.stream, year=2024, kind="onbekend")
    with pytest.raises(ValidationError):
        distribution_split(year_amount=ya)


def test_budget_table_totals_per_year_per_action_and_overall(w):
    second = make_action(w.theme, 2, "Taalcursussen")
    rijk = make_stream(w.region, name="Rijksbijdrage", level="landelijk", financier_text="Rijk")
    for stream, action, year, amount in [
        (w.stream, w.action, 2024, "100000"),
        (w.stream, w.action, 2025, "50000.50"),
        (rijk, w.action, 2025, "25000"),
        (rijk, second, 2024, "10000"),
    ]:
        allocation_save(
            allocation=Allocation(stream=stream, action=action, year=year, budgeted=Decimal(amount))
        )
    table = budget_table(w.agenda)
    assert [row.number for row in table.rows] == ["1.1", "1.2"]
    first = table.rows[0]
    assert first.amounts == [Decimal("100000"), Decimal("75000.50")]
    assert first.total == Decimal("175000.50")
    assert first.financiers == ["Gemeentelijk budget", "Rijk"]
    assert table.totals == [Decimal("110000"), Decimal("75000.50")]
    assert table.total == Decimal("185000.50")


def test_over_allocation_is_found_per_stream_and_year(w):
    year_amount_set(stream=w.stream, year=2024, amount=Decimal("100"))
    year_amount_set(stream=w.stream, year=2025, amount=Decimal("100"))
    allocation_save(
        allocation=Allocation(stream=w.stream, action=w.action, year=2024, budgeted=Decimal("60"))
    )
    other = make_action(w.theme, 2, "Tweede")
    allocation_save(
        allocation=Allocation(stream=w.stream, action=other, year=2024, budgeted=Decimal("60.01"))
    )
    allocation_save(
        allocation=Allocation(stream=w.stream, action=other, year=2025, budgeted=Decimal("100"))
    )
    over = over_allocations(allocation_use(w.agenda))
    assert [(stream, cell.year, cell.excess) for stream, cell in over] == [
        (w.stream, 2024, Decimal("20.01"))
    ]


def test_streams_table_groups_by_heading_and_totals_known_amounts(w):
    w.stream.group_label = "Lokaal"
    w.stream.save()
    year_amount_set(stream=w.stream, year=2024, kind="besteed", amount=Decimal("10"))
    year_amount_set(stream=w.stream, year=2025, kind="onbekend")
    rijk = make_stream(w.region, name="Rijk", level="landelijk", group_label="Landelijk")
    rijk.agendas.add(w.agenda)
    year_amount_set(stream=rijk, year=2025, amount=Decimal("5"))
    table = streams_table(w.agenda)
    assert [g.heading for g in table.groups] == ["Lokaal", "Landelijk"]
    assert [t.amount for t in table.totals] == [Decimal("10"), Decimal("5")]
    assert table.totals[1].has_unknown
    assert table.total.amount == Decimal("15")


def test_budget_totals_stay_empty_for_years_without_a_budget(w, client):
    from django.urls import reverse

    allocation_save(
        allocation=Allocation(stream=w.stream, action=w.action, year=2024, budgeted=Decimal("500"))
    )
    table = budget_table(w.agenda)
    assert table.totals == [Decimal("500"), None]
    html = client.get(reverse("financing:budget_table", args=[w.agenda.slug])).content.decode()
    footer = html[html.index("<tfoot>") : html.index("</tfoot>")]
    assert "€ 0" not in footer
    assert "–" in footer
    assert "€ 500" in footer


def test_only_national_pots_still_to_be_divided_escape_the_over_allocation_warning(w):
    grant = make_stream(w.region, name="Rijksbijdrage", level="landelijk")
    pot = make_stream(w.region, name="Landelijke pot", level="landelijk", to_be_divided=True)
    for stream in (grant, pot):
        stream.agendas.add(w.agenda)
        year_amount_set(stream=stream, year=2024, amount=Decimal("100"))
        allocation_save(
            allocation=Allocation(
                stream=stream, action=w.action, year=2024, budgeted=Decimal("150")
            )
        )
    over = over_allocations(allocation_use(w.agenda))
    assert [(stream, cell.excess) for stream, cell in over] == [(grant, Decimal("50"))]
