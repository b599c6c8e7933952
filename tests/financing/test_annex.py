"""The funding annex PDF, read back: chapter 5's figures, the evaluated funds, the date."""

import datetime

import pytest
from django.urls import reverse

from agenda.models import Agenda
from financing.pdf import render_funding_pdf
from tests.annexes.pdftext import dutch, read_pdf

pytestmark = pytest.mark.django_db

AGENDA = "zkij-2020-2022"


def test_the_funding_annex_is_linked_from_the_agenda_page_and_opens_as_a_pdf(client, demo_data):
    agenda_page = client.get(reverse("agenda:agenda_detail", args=[AGENDA])).content.decode()
    url = reverse("financing:funding_pdf", args=[AGENDA])
    assert url in agenda_page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert read_pdf(response.content).contains("Regionaal reeds bekend")


def test_the_funding_annex_shows_chapter_five_and_the_evaluated_funds(demo_data):
    agenda = Agenda.objects.get(slug=AGENDA)
    as_of = datetime.date(2022, 12, 1)
    pdf = read_pdf(render_funding_pdf(agenda=agenda, as_of=as_of))
    for needle in [
        "Regionaal reeds bekend",
        "Landelijk nog te verdelen",
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
        "€ 193.000",
        "€ 320.000",
        f"stand per {dutch(as_of)}",
    ]:
        assert pdf.contains(needle), needle


def test_a_concept_agenda_has_no_public_funding_annex(client, demo_data):
    Agenda.objects.filter(slug="zkij-werkplan-2023").update(state=Agenda.State.CONCEPT)
    concept = Agenda.objects.filter(state=Agenda.State.CONCEPT).first()
    assert client.get(reverse("financing:funding_pdf", args=[concept.slug])).status_code == 404
