"""The "Behandeling en inbreng" annex: the route with dates as written, the numbered points."""

import datetime

import pytest
from django.urls import reverse

from bodies import services
from bodies.models import ConsultationInput
from tests.annexes.pdftext import read_pdf
from tests.factories import AgendaFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_annex_prints_vague_dates_as_written_and_the_numbered_points(client):
    agenda = AgendaFactory(state="gepubliceerd")
    services.decision_step_record(
        agenda=agenda, purpose="adviseren", body_text="Stuurgroep", date_text="najaar 2019"
    )
    services.decision_step_record(
        agenda=agenda,
        purpose="vaststellen",
        body_text="Gemeenteraad",
        date_text="juli of september",
        date=datetime.date(2020, 7, 1),
        date_until=datetime.date(2020, 9, 30),
    )
    partner = OrganisationFactory(name="Werkgeversvereniging Noord")
    for number, text in ((1, "Meer stages"), (2, "Minder regels"), (3, "Zie punt 1")):
        ConsultationInput.objects.create(
            agenda=agenda,
            round=1,
            partner=partner,
            order=number,
            input_text=text,
            response_text=f"Antwoord op punt {number}",
        )
    agenda.refresh_from_db()
    assert agenda.state == "gepubliceerd"
    response = client.get(reverse("bodies:behandeling_pdf", args=[agenda.slug]))
    pdf = read_pdf(response.content)
    for text in (
        "Behandeling en inbreng",
        "najaar 2019",
        "juli of september",
        "Gemeenteraad",
        "vaststellen",
        "Meer stages",
        "Zie punt 1",
        "Antwoord op punt 3",
    ):
        assert pdf.contains(text), text
    page = client.get(agenda.get_absolute_url()).content.decode()
    assert "najaar 2019" in page and "Antwoord op punt 2" in page
