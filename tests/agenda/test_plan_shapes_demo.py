"""The demo agendas tell what their sources say: a published werkplan, a closed and evaluated
agenda, the Haarlem addendum's local measures and money, chapter 5.2's national package."""

import re
from html import unescape

import pytest
from django.urls import reverse

from agenda.models import Action, Agenda
from evaluation.models import Evaluation
from evaluation.services import FINAL_STATUS_BY_OUTCOME
from tests.annexes.pdftext import read_pdf

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_the_2023_werkplan_is_public_and_marked_not_adopted(demo, client):
    werkplan = Agenda.objects.get(slug="zkij-werkplan-2023")
    assert (werkplan.state, werkplan.adopted_on) == (Agenda.State.PUBLISHED, None)
    page = _text(client.get(werkplan.get_absolute_url()))
    assert "Gepubliceerd, niet vastgesteld" in page
    pdf = read_pdf(client.get(reverse("agenda:bijlage1_pdf", args=[werkplan.slug])).content)
    assert pdf.contains("Gepubliceerd, niet vastgesteld")


def test_the_2020_2022_agenda_is_closed_with_the_statuses_of_its_evaluation(
    demo, client, admin_client
):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    assert agenda.state == Agenda.State.CLOSED
    evaluations = list(Evaluation.objects.in_agenda(agenda).select_related("action__status"))
    assert len(evaluations) == 42
    for evaluation in evaluations:
        assert evaluation.action.status.slug == FINAL_STATUS_BY_OUTCOME[evaluation.outcome]
    setbacks = {"vertraagd", "gestopt", "niet-gestart"}
    assert sum(e.action.status.slug in setbacks for e in evaluations) == 10
    changed = next(e.action for e in evaluations if e.action.status.slug != "loopt")
    history = _text(admin_client.get(reverse("agenda:action_history", args=[changed.pk])))
    assert "Eindstatus uit de evaluatie" in history
    page = _text(client.get(agenda.get_absolute_url()))
    assert "afgesloten, vastgesteld op 20 oktober 2020" in page


def test_the_haarlem_addendum_shows_its_local_measures_money_and_motie(demo, client):
    addendum = Agenda.objects.get(slug="haarlem-addendum-2020-2022")
    assert not Action.objects.in_agenda(addendum).exists()
    page = _text(client.get(addendum.get_absolute_url()))
    assert "Geen acties in het portaal" in page
    assert "Tozo" in page and "schuldhulpverlening (1 tot en met 3)" in page
    assert "werk aan een sociaal plan" in page
    assert "motie aangenomen" in page
    bijlage = read_pdf(client.get(reverse("agenda:bijlage1_pdf", args=[addendum.slug])).content)
    assert bijlage.contains("schuldhulpverlening (1 tot en met 3)")
    funding = _text(client.get(reverse("financing:funding_overview", args=[addendum.slug])))
    assert "circa 0,2 mio" in funding and "0,5 tot 1,0 mio" in funding
    annex = read_pdf(client.get(reverse("financing:funding_pdf", args=[addendum.slug])).content)
    for figure in ("Tozo2", "circa 0,2 mio", "0,5 tot 1,0 mio", "BUIG"):
        assert annex.contains(figure), figure


def test_chapter_5_2_is_in_the_funding_overview_and_annex(demo, client):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    figures = (
        "€270 miljoen",
        "€ 7 miljoen",
        "€ 36 miljoen",
        "€ 146 miljoen",
    )
    page = _text(client.get(reverse("financing:funding_overview", args=[agenda.slug])))
    annex = read_pdf(client.get(reverse("financing:funding_pdf", args=[agenda.slug])).content)
    for figure in figures:
        assert figure in page, figure
        assert annex.contains(figure), figure
