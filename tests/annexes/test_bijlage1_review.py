"""Bijlage 1 says what it prints: later additions marked, adoption or concept stated."""

import pytest
from django.urls import reverse

from agenda.models import Action, Agenda

from .pdftext import read_pdf

pytestmark = pytest.mark.django_db


def test_actions_added_later_are_marked_in_pdf_and_on_screen(demo, client):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    later = list(Action.objects.in_agenda(agenda).filter(added_later=True))
    assert len(later) == 10
    pdf = read_pdf(client.get(reverse("agenda:bijlage1_pdf", args=[agenda.slug])).content)
    assert pdf.flat.count("(latertoegevoegd)") == 10 + 1  # each row and the legend
    assert pdf.contains("niet in de vastgestelde bijlage")
    html = client.get(agenda.get_absolute_url()).content.decode()
    assert html.count("(later toegevoegd)") == 10 + 1
