"""A visitor in a real browser finds the bodies by level and Bijlage 2; axe-core on the pages."""

import io

import pytest
from pypdf import PdfReader

from .conftest import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_live(transactional_db):
    from common.demo import load_all

    load_all()


def test_visitor_finds_the_bodies_by_level_and_the_bijlage_2_pdf(
    page, live_server, demo_live, axe_violations
):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Overleggen").click()
    assert page.locator("h1").inner_text() == "Overleggen van de regionale werkstructuur"
    headings = page.locator("h2").all_inner_texts()
    assert headings.index("Bestuurlijk") < headings.index("Tactisch en uitvoerend")
    assert page.get_by_text("Floor Roduner (vz)").first.is_visible()
    assert axe_violations(page) == [], describe_violations(axe_violations(page))

    link = page.get_by_role("link", name="Bijlage 2 van Regionale aanpak arbeidsmarkt")
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    text = " ".join(p.extract_text() for p in reader.pages).replace("\n", " ")
    for seat in ("Floor Roduner (vz)", "Annemiek van Outvorst (secr)", "Rob van Hooven (UWV)"):
        assert seat in text


def test_visitor_reads_the_route_on_the_agenda_page(page, live_server, demo_live, axe_violations):
    page.goto(live_server.url + "/")
    page.get_by_role(
        "link", name="Regionale aanpak arbeidsmarkt Zuid-Kennemerland en IJmond 2020-2022"
    ).first.click()
    route = page.locator("section[aria-labelledby=behandeling]")
    text = route.inner_text()
    assert "30 september 2020" in text and "20 oktober 2020" in text and "vaststellen" in text
    page.get_by_role("link", name="Bestuurlijk overleg Arbeidsmarkt (BOA)").click()
    assert page.locator("h1").inner_text() == "Bestuurlijk overleg Arbeidsmarkt (BOA)"
    assert axe_violations(page) == [], describe_violations(axe_violations(page))
