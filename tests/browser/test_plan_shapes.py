"""A coordinator enters a small plan of another region as it is written, in a real browser,
then downloads the funding annex and the Behandeling annex and finds every figure in them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from agenda.models import Action, Agenda
from financing.models import Distribution
from governance.models import Organisation
from governance.user_services import user_create
from tests.annexes.pdftext import read_pdf
from tests.factories import PASSWORD, make_region

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OUTSIDE = "De agenda als geheel (niet onder een actielijn)"
COORDINATION = "Coördinatie van het actieplan door de regio"
INHABITANTS = (162_000, 60_000, 43_000, 27_000, 19_000, 16_000, 14_000, 5_000)


def test_a_coordinator_enters_another_regions_plan_and_prints_it(page, live_server):
    region = make_region(name="Regio Oost", slug="regio-oost", inhabitants=INHABITANTS)
    user_create(username="olga", role="coordinator", password=PASSWORD, region=region)
    partner = Organisation.objects.create(name="Werkgeversvereniging Oost", abbreviation="WVO")
    base = live_server.url
    page.goto(base + reverse("login"))
    page.fill("input[name=username]", "olga")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()

    # The plan: three action lines numbered 1, 2 and 4, as the plan numbers them.
    page.goto(base + reverse("agenda:agenda_create"))
    page.fill("#id_title", "Actieplan Oost 2025-2027")
    page.fill("#id_first_year", "2025")
    page.fill("#id_last_year", "2027")
    page.fill("#id_top_level_label", "actielijn")
    page.locator("main form button[type=submit]").click()
    agenda = Agenda.objects.get(title="Actieplan Oost 2025-2027")
    for number, name in (("1", "Werk"), ("2", "Leren"), ("4", "Regie")):
        page.goto(base + reverse("agenda:pillar_create", args=[agenda.slug]))
        page.fill("#id_order", number)
        page.fill("#id_name", name)
        page.locator("main form button[type=submit]").click()
    page.goto(base + reverse("agenda:pillar_create", args=[agenda.slug]))
    page.fill("#id_order", "4")
    page.fill("#id_name", "Nog eens regie")
    page.locator("main form button[type=submit]").click()
    assert "Deze agenda heeft al een actielijn met nummer 4." in page.content()
    themes = (("Werk", "1", "Naar werk"), ("Leren", "2", "Scholing"), ("Regie", "4", "Coördinatie"))
    for pillar, number, name in themes:
        page.goto(base + reverse("agenda:theme_create", args=[agenda.slug]))
        page.locator("#id_pillar").select_option(label=pillar)
        page.fill("#id_number", number)
        page.fill("#id_name", name)
        page.locator("main form button[type=submit]").click()
    for theme, number, text in (
        ("1. Naar werk", "1.3", "Baancoaches voor statushouders"),
        ("2. Scholing", "2.1", "Leerwerkplekken in de zorg"),
        ("4. Coördinatie", "4.1", "Coördinatie en communicatie van het actieplan"),
    ):
        page.goto(base + reverse("agenda:action_create", args=[agenda.slug]))
        page.locator("#id_theme").select_option(label=theme)
        page.fill("#id_number", number)
        page.fill("#id_text", text)
        page.locator("main form button[type=submit]").click()
    # The coordination budget line sits under no action line and no theme, as the plan has it.
    page.goto(base + reverse("agenda:action_create", args=[agenda.slug]))
    assert page.locator("#id_pillar option:checked").inner_text() == OUTSIDE
    assert page.locator("#id_theme").input_value() == ""
    page.fill("#id_number", "C-1")
    page.fill("#id_text", COORDINATION)
    page.locator("main form button[type=submit]").click()
    actions = {a.number: a for a in Action.objects.in_agenda(agenda)}
    assert set(actions) == {"1.3", "2.1", "4.1", "C-1"}
    assert actions["C-1"].pillar is None and actions["C-1"].theme is None
    assert COORDINATION in page.locator("main").inner_text()  # its own page
    page.goto(base + reverse("agenda:agenda_detail", args=[agenda.slug]))
    annex = page.locator("#annex ~ div table").inner_text()
    assert annex.index(OUTSIDE) < annex.index(COORDINATION)
    page.goto(base + reverse("agenda:action_table", args=[agenda.slug]))
    page.locator("#id_pillar").select_option(label=OUTSIDE)
    page.locator("form.portal-filters button[type=submit]").click()
    table = page.locator("table.portal-action-table").inner_text()
    assert COORDINATION in table and "Baancoaches" not in table

    # One subsidy, budgeted over three years, with two financiers.
    page.goto(base + reverse("financing:stream_create", args=[agenda.slug]))
    page.get_by_label("Naam", exact=True).fill("Regionale subsidie Oost")
    page.get_by_label("Niveau").select_option("regionaal")
    page.get_by_label("Financier zoals geschreven").fill("Provincie")
    page.locator("main form button[type=submit]").click()
    lines = [
        (actions["1.3"], "2025", "100.000", "Regio"),
        (actions["1.3"], "2026", "120.000", "Regio"),
        (actions["1.3"], "2027", "80.000", "Regio"),
        (actions["C-1"], "2025", "100.001", "Gemeenten"),
    ]
    for action, year, amount, financier in lines:
        page.goto(base + reverse("financing:allocation_create", args=[action.pk]))
        page.get_by_label("Financieringsbron").select_option(label="Regionale subsidie Oost")
        page.get_by_label("Jaar").fill(year)
        page.locator("#id_budgeted").fill(amount)
        page.locator("#id_financier_text").fill(financier)
        page.locator("main form button[type=submit]").click()

    # The coordination line split over the 8 municipalities in whole euros.
    allocation = actions["C-1"].allocations.get()
    page.goto(base + reverse("financing:distribute_allocation", args=[allocation.pk]))
    page.get_by_label("op hele euro's").check()
    page.locator("main form button[type=submit]").click()
    distribution = Distribution.objects.get(allocation=allocation)
    parts = list(distribution.parts.all())
    assert len(parts) == 8 and sum(p.amount for p in parts) == Decimal("100001")

    # A decision route with a vague date, and three numbered consultation points.
    page.goto(base + reverse("bodies:decision_step_create", args=[agenda.slug]))
    page.fill("#id_date_text", "najaar 2025")
    page.fill("#id_body_text", "Regionaal Werkbedrijf Oost")
    page.locator("#id_purpose").select_option("vaststellen")
    page.locator("main form button[type=submit]").click()
    agenda.refresh_from_db()
    assert agenda.state == Agenda.State.CONCEPT  # a step decides nothing about the agenda
    for number, text in (("1", "Meer stageplaatsen"), ("2", "Minder regels"), ("3", "Zie punt 1")):
        page.goto(base + reverse("bodies:consultation_create", args=[agenda.slug]))
        page.fill("#id_round", "1")
        page.locator("#id_partner").select_option(str(partner.pk))
        page.fill("#id_order", number)
        page.fill("#id_input_text", text)
        page.locator("main form button[type=submit]").click()
    assert agenda.consultation_inputs.count() == 3

    funding = read_pdf(
        page.request.get(base + reverse("financing:funding_pdf", args=[agenda.slug])).body()
    )
    figures = ["1.3", "C-1", "€ 100.000", "€ 120.000", "€ 80.000", "€ 100.001", "Regio"]
    figures += ["Gemeenten", "Verdelingen over gemeenten"]
    figures += [f"€ {int(p.amount):,}".replace(",", ".") for p in parts]
    for figure in figures:
        assert funding.contains(figure), figure
    behandeling = read_pdf(
        page.request.get(base + reverse("bodies:behandeling_pdf", args=[agenda.slug])).body()
    )
    for text in ("najaar 2025", "Regionaal Werkbedrijf Oost", "Meer stageplaatsen", "Zie punt 1"):
        assert behandeling.contains(text), text
    bijlage = read_pdf(
        page.request.get(base + reverse("agenda:bijlage1_pdf", args=[agenda.slug])).body()
    )
    flat = bijlage.flat.lower()
    for text in ("actielijn1:werk", "actielijn2:leren", "actielijn4:regie", "4.1coördinatie"):
        assert text in flat, text
    assert "actielijn3" not in flat
    outside = OUTSIDE.replace(" ", "").lower()
    coordination = ("C-1" + COORDINATION).replace(" ", "").lower()
    assert flat.index("actielijn4:regie") < flat.index(outside) < flat.index(coordination)
