"""Financing in a real browser: a coordinator budgets a new region's plan, splits it and prints
it; a visitor reads the funding of the 2020-2022 agenda."""

import pytest
from django.urls import reverse

from financing.models import Allocation, Distribution
from tests.annexes.pdftext import read_pdf
from tests.factories import PASSWORD, make_action, world

from .conftest import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(tab, base, username):
    tab.goto(base + reverse("login"))
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", PASSWORD)
    tab.locator("main button[type=submit]").click()


def test_a_coordinator_budgets_splits_and_prints_a_new_regions_plan(
    page,
    live_server,
    axe_violations,
):
    w = world()
    second = make_action(w.theme, 2, "Werkervaringsplaatsen bij gemeenten")
    base = live_server.url
    log_in(page, base, "anna")

    # From the agenda page to the financing pages: a stream with a financier and its years.
    page.goto(base + w.agenda.get_absolute_url())
    page.get_by_role("link", name="Financieringsbron toevoegen").first.click()
    page.get_by_label("Naam", exact=True).fill("Rijksbijdrage banenplan")
    page.get_by_label("Niveau").select_option("landelijk")
    page.get_by_label("Financier zoals geschreven").fill("Ministerie van SZW")
    page.get_by_role("button", name="Financieringsbron toevoegen").click()
    page.get_by_role("link", name="Bedrag voor een jaar toevoegen").click()
    page.get_by_label("Jaar").fill("2024")
    page.locator("#id_amount").fill("250.000")
    page.get_by_role("button", name="Opslaan").click()
    assert "€ 250.000" in page.content()

    # A budget per year on each measure.
    for action, year, amount in [
        (w.action, "2024", "150.000"),
        (w.action, "2025", "80.000,50"),
        (second, "2024", "-5"),
    ]:
        page.goto(base + action.get_absolute_url())
        page.get_by_role("link", name="Toewijzing toevoegen").click()
        page.get_by_label("Financieringsbron").select_option(label="Rijksbijdrage banenplan")
        page.get_by_label("Jaar").fill(year)
        page.locator("#id_budgeted").fill(amount)
        page.get_by_role("button", name="Opslaan").click()
    assert "Een bedrag kan niet negatief zijn." in page.content()
    page.locator("#id_budgeted").fill("120.000")
    page.get_by_role("button", name="Opslaan").click()
    assert Allocation.objects.count() == 3

    # Over-allocation is flagged: 150.000 + 120.000 > 250.000 in 2024.
    page.goto(base + reverse("financing:allocation_overview", args=[w.agenda.slug]))
    alert = page.get_by_role("alert")
    assert "€ 20.000 te veel" in alert.inner_text()

    # The budget table: Nr · Maatregel · 2024 · 2025 · Totaal · Financier, with totals.
    page.goto(base + reverse("financing:budget_table", args=[w.agenda.slug]))
    table = page.locator("table.financing-budget").inner_text()
    assert "€ 230.000,50" in table  # first measure: 150.000 + 80.000,50
    assert "€ 350.000,50" in table  # all measures
    assert "Ministerie van SZW" in table

    # A split needs inhabitants; the reason is given, then the coordinator enters them.
    page.goto(base + w.action.get_absolute_url())
    page.get_by_role("link", name="Verdelen").first.click()
    page.get_by_role("button", name="Verdelen").click()
    assert "geen inwonertal bekend voor Regio Noord gemeente 3" in page.content()
    assert not Distribution.objects.exists()
    page.get_by_role("link", name="Inwonertallen invullen").click()
    page.get_by_label("Inwoners van Regio Noord gemeente 3").fill("30000")
    page.get_by_role("button", name="Opslaan").click()
    page.goto(base + w.action.get_absolute_url())
    page.get_by_role("link", name="Verdelen").first.click()
    page.get_by_role("button", name="Verdelen").click()
    parts = page.locator("table").inner_text()
    assert "€ 25.000,00" in parts and "€ 50.000,00" in parts and "€ 75.000,00" in parts
    assert axe_violations(page) == []

    # The funding annex prints the plan.
    page.goto(base + reverse("financing:funding_overview", args=[w.agenda.slug]))
    assert axe_violations(page) == []
    response = page.request.get(base + reverse("financing:funding_pdf", args=[w.agenda.slug]))
    pdf = read_pdf(response.body())
    assert pdf.contains("Werkervaringsplaatsen bij gemeenten")
    assert pdf.contains("€ 350.000,50")


@pytest.fixture
def demo_site(transactional_db):
    from common.demo import load_all

    load_all()


def test_the_financing_pages_of_the_demo_agenda_pass_axe(
    page,
    live_server,
    axe_violations,
    demo_site,
):
    base = live_server.url
    page.goto(base + "/")
    page.get_by_role("link", name="Regionale aanpak arbeidsmarkt Zuid-Kennemerland").first.click()
    page.get_by_role("link", name="Financieringsbronnen per jaar").first.click()
    assert "€ 76.921" in page.content()
    for name in ["Financieringsbronnen per jaar", "Begroting per actie"]:
        page.get_by_role("link", name=name).first.click()
        violations = axe_violations(page)
        assert violations == [], describe_violations(violations)
    page.get_by_role("link", name="Toegewezen tegenover beschikbaar").first.click()
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    page.get_by_role("link", name="Perspectief op Werk").first.click()
    assert "€ 193.000" in page.content()
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
