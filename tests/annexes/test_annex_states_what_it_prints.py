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


def test_adopted_agenda_states_its_adoption(demo, client):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    pdf = read_pdf(client.get(reverse("agenda:bijlage1_pdf", args=[agenda.slug])).content)
    assert pdf.contains("Vastgesteld op 20 oktober 2020")
    assert "CONCEPT" not in pdf.text


def test_concept_agenda_is_marked_concept_on_every_page(concept_demo, admin_client):
    agenda = Agenda.objects.get(slug="zkij-werkplan-2023")
    assert agenda.state == Agenda.State.CONCEPT
    pdf = read_pdf(admin_client.get(reverse("agenda:bijlage1_pdf", args=[agenda.slug])).content)
    assert not pdf.contains("Vastgesteld op")
    assert all("CONCEPT" in page for page in pdf.pages)
    assert pdf.contains("Concept, niet vastgesteld")


def test_agenda_without_actions_says_so_rather_than_blaming_a_selection(demo, client):
    agenda = Agenda.objects.get(slug="haarlem-addendum-2020-2022")
    assert not Action.objects.in_agenda(agenda).exists()
    pdf = read_pdf(client.get(reverse("agenda:bijlage1_pdf", args=[agenda.slug])).content)
    assert pdf.contains("Deze agenda heeft nog geen acties.")
    assert not pdf.contains("Geen acties voldoen")


def test_past_date_form_names_the_earliest_date_and_its_example_works(demo, coordinator, client):
    import datetime
    import re

    from agenda.annex_views import earliest_date

    from .pdftext import dutch

    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    earliest = earliest_date(agenda)
    client.force_login(coordinator)
    url = reverse("agenda:bijlage1_as_of", args=[agenda.slug])
    page = client.get(url).content.decode()
    assert f"De vroegste beschikbare datum is {dutch(earliest)}" in page
    too_early = client.get(url, {"date": (earliest - datetime.timedelta(days=1)).isoformat()})
    assert too_early.status_code == 400
    assert f"De vroegste beschikbare datum is {dutch(earliest)}" in too_early.content.decode()
    invalid = client.get(url, {"date": "gisteren"}).content.decode()
    example = re.search(r"bijvoorbeeld (\d\d-\d\d-\d{4})", invalid).group(1)
    pdf = read_pdf(client.get(url, {"date": example}).content)
    assert pdf.contains(f"stand per {dutch(earliest)}")


def test_status_words_and_continuation_labels_stay_inside_their_columns(demo):
    from agenda.models import Status
    from agenda.pdf import current_state, settle_layout, write_document

    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    regular = Status.objects.get(slug="opgenomen-in-reguliere-werkzaamheden")
    Action.objects.in_agenda(agenda).filter(pk__in=Action.objects.in_agenda(agenda)[:20]).update(
        status=regular
    )
    document, _html, _passes = settle_layout(current_state(agenda))
    text = read_pdf(write_document(document)).text
    assert "werkzaamheden" in text
    assert "werkzaamhe\n" not in text
    theme_column = 34 * 96 / 25.4  # the theme column, in CSS pixels
    labels = []
    for page in document.pages:
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            element = getattr(box, "element", None)
            if element is not None and "tc-line" in (element.get("class") or "").split():
                labels.append(box)  # its overflow is clipped: its own width counts
                continue
            stack.extend(getattr(box, "children", ()))
    for label in labels:
        assert label.margin_width() <= theme_column + 0.5


def test_funding_annex_says_when_the_agenda_was_adopted_once(demo, client):
    pdf = read_pdf(client.get(reverse("financing:funding_pdf", args=["zkij-2020-2022"])).content)
    assert pdf.contains("Vastgesteld op 20 oktober 2020")
    assert not pdf.contains("vastgesteld (vastgesteld")
