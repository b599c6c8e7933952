"""A plan as another region writes it: its numbers, a financier per budget line and a split in
whole euros, on the pages and read back from the annexes."""

from decimal import Decimal

import pytest
from django.urls import reverse

from agenda.models import Action, Pillar, Theme
from financing import services
from financing.amounts import split_by_weight
from financing.models import Allocation, Distribution
from governance.models import Municipality, Organisation
from tests.annexes.pdftext import read_pdf, squeeze
from tests.factories import make_agenda, make_region, make_stream

pytestmark = pytest.mark.django_db

INHABITANTS = (162_000, 60_000, 43_000, 27_000, 19_000, 16_000, 14_000, 5_000)


@pytest.fixture
def plan():
    region = make_region(name="Regio West", slug="regio-west", inhabitants=INHABITANTS)
    agenda, theme = make_agenda(region, slug="actieplan-west", years=(2024, 2026))
    agenda.top_level_label = "actielijn"
    agenda.save()
    second = Pillar.objects.create(agenda=agenda, order=2, name="Actielijn leren")
    fourth = Pillar.objects.create(agenda=agenda, order=4, name="Coördinatie")
    Theme.objects.create(pillar=second, number=2, name="Scholing")
    coordination_theme = Theme.objects.create(pillar=fourth, number=4, name="Regie")
    first = Action.objects.create(theme=theme, order=1, number="1.3", text="Baancoaches")
    second_action = Action.objects.create(
        theme=coordination_theme, order=1, number="4.1", text="Coördinatie van het plan"
    )
    subsidy = make_stream(region, name="Regionale subsidie", level="regionaal")
    subsidy.agendas.add(agenda)
    gemeenten = Organisation.objects.create(name="Gemeenten")
    for year, amount in ((2024, "100000"), (2025, "120000"), (2026, "80000")):
        Allocation.objects.create(
            stream=subsidy,
            action=first,
            year=year,
            budgeted=Decimal(amount),
            financier_text="Regio",
        )
    coordination = Allocation.objects.create(
        stream=subsidy,
        action=second_action,
        year=2024,
        budgeted=Decimal("100001"),
        financier=gemeenten,
    )
    return agenda, coordination


def test_whole_euro_split_sums_exactly_by_largest_remainder():
    weights = dict(enumerate(INHABITANTS))
    shares = split_by_weight(Decimal("100001"), weights, whole_euros=True)
    assert sum(shares.values()) == Decimal("100001")
    assert all(s == s.to_integral_value() for s in shares.values())
    exact = {k: Decimal(100001) * w / sum(INHABITANTS) for k, w in weights.items()}
    assert all(abs(shares[k] - exact[k]) < 1 for k in weights)


def test_a_split_with_cents_cannot_be_made_in_whole_euros(plan):
    _agenda, coordination = plan
    coordination.budgeted = Decimal("100000.50")
    coordination.save()
    with pytest.raises(Exception, match="hele euro|whole euros"):
        services.distribution_split(allocation=coordination, rounding="euro")


def test_budget_lines_print_measure_numbers_and_both_financiers(plan, client):
    agenda, _coordination = plan
    page = client.get(reverse("financing:budget_table", args=[agenda.slug])).content.decode()
    assert "1.3" in page and "4.1" in page
    assert "Regio" in page and "Gemeenten" in page
    pdf = read_pdf(client.get(reverse("financing:funding_pdf", args=[agenda.slug])).content)
    for figure in ("1.3", "4.1", "Regio", "Gemeenten", "€ 100.000", "€ 120.000", "€ 80.000"):
        assert pdf.contains(figure), figure


def test_a_whole_euro_split_over_eight_municipalities_shows_and_prints(plan, client):
    agenda, coordination = plan
    distribution = services.distribution_split(allocation=coordination, rounding="euro")
    parts = list(distribution.parts.all())
    assert len(parts) == 8 and distribution.rounding == Distribution.Rounding.EURO
    assert sum(p.amount for p in parts) == Decimal("100001")
    page = client.get(reverse("financing:funding_overview", args=[agenda.slug])).content.decode()
    assert "Verdelingen over gemeenten" in page
    pdf = read_pdf(client.get(reverse("financing:funding_pdf", args=[agenda.slug])).content)
    assert pdf.contains("Verdelingen over gemeenten")
    for part in parts:
        amount = f"€ {int(part.amount):,}".replace(",", ".")
        assert pdf.contains(amount), amount
        assert pdf.contains(Municipality.objects.get(pk=part.municipality_id).name)
    assert pdf.contains("€ 100.001")


def test_bijlage_1_prints_the_plans_own_numbers_with_gaps(plan, client):
    agenda, _coordination = plan
    pdf = read_pdf(client.get(reverse("agenda:bijlage1_pdf", args=[agenda.slug])).content)
    flat = pdf.flat.lower()  # the pillar bands are printed in capitals

    def printed(text):
        return squeeze(text).lower() in flat

    assert printed("Actielijn 1: Actielijn werk")
    assert printed("Actielijn 2: Actielijn leren")
    assert printed("Actielijn 4: Coördinatie")
    assert not printed("Actielijn 3")
    assert printed("1.3 Baancoaches") and printed("4.1 Coördinatie van het plan")
