"""The public financing pages show the funding chapter's figures."""

import re

import pytest
from django.urls import reverse

from agenda.models import Action, Agenda

pytestmark = pytest.mark.django_db

AGENDA = "zkij-2020-2022"


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&nbsp;", " ")


def test_a_visitor_finds_the_funding_streams_from_the_home_page(client, demo_data):
    home = client.get("/")
    agenda_url = reverse("agenda:agenda_detail", args=[AGENDA])
    assert agenda_url in home.content.decode()
    agenda_page = client.get(agenda_url)
    funding_url = reverse("financing:funding_overview", args=[AGENDA])
    assert funding_url in agenda_page.content.decode()
    assert reverse("financing:funding_pdf", args=[AGENDA]) in agenda_page.content.decode()
    page = text_of(client.get(funding_url))
    for figure in [
        "€ 76.921",
        "€ 384.607",
        "€ 398.593",
        "€ 1.000.000 (besteed)",
        "nog onbekend",
        "€ 109.000.000",
        "€ 181.000.000",
        "totaal € 346 miljoen t/m 2024",
        "totaal € 195 miljoen",
        "totaal € 199 miljoen",
        "Regionaal reeds bekend",
        "Landelijk nog te verdelen",
    ]:
        assert figure in page, figure


def test_group_totals_count_known_amounts_and_say_what_is_unknown(client, demo_data):
    page = text_of(client.get(reverse("financing:funding_overview", args=[AGENDA])))
    # Regionaal 2020: 76.921 + 1.000.000 (spent); 2022: 398.593 + not yet known.
    assert "€ 1.076.921" in page
    assert "€ 398.593 + nog onbekend" in page
    # Landelijk 2021: 109 + 104 + 181 million.
    assert "€ 394.000.000" in page


def test_the_chart_is_an_accessible_svg_with_its_figures_as_a_table(client, demo_data):
    html = client.get(reverse("financing:funding_overview", args=[AGENDA])).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg
    assert "<title" in svg and "<desc" in svg
    assert "style=" not in html
    assert "<style" not in html
    # Chapter 5.2 adds a national raise in 2021 without an amount: "+ nog onbekend".
    assert "Landelijk: 2020 € 24.000.000; 2021 € 394.000.000" in svg
    assert "2022 € 193.000.000" in svg
    assert "Funding per year per level (the figures of the chart)" in html or (
        "Financiering per jaar per niveau" in html
    )


def test_concept_agendas_have_no_public_financing_page(client, demo_data):
    Agenda.objects.filter(slug="zkij-werkplan-2023").update(state=Agenda.State.CONCEPT)
    concept = Agenda.objects.filter(state=Agenda.State.CONCEPT).first()
    response = client.get(reverse("financing:funding_overview", args=[concept.slug]))
    assert response.status_code == 404


def test_evaluated_funds_show_on_the_action_page_and_in_the_budget_table(client, demo_data):
    action = Action.objects.get(theme__agenda__slug=AGENDA, theme__number=2, order=1)
    action_page = text_of(client.get(action.get_absolute_url()))
    assert "€ 193.000 Perspectief op Werk" in action_page
    budget = text_of(client.get(reverse("financing:budget_table", args=[AGENDA])))
    assert "€ 193.000 PoW" in budget
    # Aanpak WW Jongeren: € 320.000 Perspectief op Werk + € 37.500 Aanpak Jeugdwerkloosheid.
    assert "€ 357.500 € 320.000 PoW € 37.500 AJW" in budget
    use = text_of(client.get(reverse("financing:allocation_overview", args=[AGENDA])))
    assert "Perspectief op Werk" in use


def test_spent_money_and_national_pots_are_not_shown_as_money_left(client, demo_data):
    html = client.get(reverse("financing:allocation_overview", args=[AGENDA])).content.decode()
    pow_block = html[html.index("Perspectief op Werk</a>") :]
    pow_block = pow_block[: pow_block.index("</tbody>")]
    first_year = text_of_html(pow_block.split("</tr>")[0])
    # PoW 2020: € 1.000.000 already spent, so nothing is left to allocate.
    assert "€ 1.000.000 (besteed)" in first_year
    assert "besteed, niets meer over" in first_year
    assert "Over" not in first_year
    for name in ["Regionale mobiliteitsteams", "Aanpak jeugdwerkloosheid"]:
        block = html[html.index(f"{name}</a>") :]
        block = text_of_html(block[: block.index("</tbody>")])
        assert "nog landelijk te verdelen" in block
        assert "overschreden" not in block


def test_over_allocation_of_a_regional_amount_is_still_warned(client, demo_data):
    from decimal import Decimal

    from financing.models import Allocation, FundingStream
    from financing.services import allocation_save

    stream = FundingStream.objects.get(name="Perspectief op Werk")
    action = Action.objects.filter(theme__agenda__slug=AGENDA).first()
    allocation_save(
        allocation=Allocation(stream=stream, action=action, year=2021, budgeted=Decimal("5000000"))
    )
    page = text_of(client.get(reverse("financing:allocation_overview", args=[AGENDA])))
    assert "Perspectief op Werk in 2021" in page


def text_of_html(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&nbsp;", " ")


def test_the_overview_does_not_add_national_pots_to_the_regions_money(client, demo_data):
    page = text_of(client.get(reverse("financing:funding_overview", args=[AGENDA])))
    assert "Totaal van alle bronnen" not in page
    assert "€ 613.860.121" not in page
    # The totals per group remain: regional known and national still to be divided.
    assert "Totaal Regionaal reeds bekend" in page
    assert "Totaal Landelijk nog te verdelen" in page
