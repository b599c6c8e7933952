"""Bijlage 1 of a large agenda, laid out in parts and merged, read back from the PDF: the same
actions in the same order as one layout, every page numbered over the whole document."""

import re

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from agenda.models import Action, Agenda
from agenda.pdf import current_state, render_bijlage1_pdf, split_in_parts
from common.demo import load_all

from .pdftext import dutch, read_pdf, squeeze
from .test_bijlage1 import HEADINGS, SLUG, make_agenda

pytestmark = pytest.mark.django_db

PART_SIZE = 15


def rows_in_order(state):
    return [row for pillar in state.pillars for theme in pillar.themes for row in theme.rows]


@pytest.fixture(scope="module")
def both(django_db_setup, django_db_blocker):
    """The demo agenda's Bijlage 1 laid out once and laid out in parts of 15 actions."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_all()
        agenda = Agenda.objects.get(slug=SLUG)
        state = current_state(agenda)
        single = read_pdf(render_bijlage1_pdf(agenda=agenda))
        with override_settings(ANNEX_CHUNK_ACTIONS=PART_SIZE):
            parts = read_pdf(render_bijlage1_pdf(agenda=agenda))
        transaction.set_rollback(True)
    assert state.action_count > 3 * PART_SIZE
    return {"state": state, "single": single, "parts": parts}


def positions(pdf, rows) -> list[int]:
    """Where each row's number and text begin in the document's text, searched in order."""
    found = []
    at = 0
    for row in rows:
        needle = squeeze(f"{row.number} {row.text}" if row.number else row.text)
        at = pdf.flat.find(needle, at)
        assert at >= 0, row.text
        found.append(at)
        at += len(needle)
    return found


def test_every_action_is_printed_in_the_same_order_as_in_one_layout(both):
    rows = rows_in_order(both["state"])
    positions(both["single"], rows)
    positions(both["parts"], rows)
    for row in rows:
        for field in (row.leads, row.financing, row.status):
            assert squeeze(field) in both["parts"].flat, field


def test_every_page_is_numbered_over_the_whole_document_and_dated(both):
    pdf = both["parts"]
    total = len(pdf.pages)
    assert total > len(both["single"].pages) / 2
    today = dutch(timezone.localdate())
    for number, text in enumerate(pdf.pages, start=1):
        assert re.findall(r"pagina \d+ van \d+", text) == [f"pagina {number} van {total}"]
        assert f"stand per {today}" in text


def test_every_page_repeats_the_title_and_the_table_header(both):
    pdf = both["parts"]
    title = squeeze(pdf.reader.metadata.title)
    assert title.startswith("Bijlage1:regionaledoe-agenda–")
    for number, text in enumerate(pdf.pages, start=1):
        flat = squeeze(text)
        assert title in flat, number
        for heading in HEADINGS:
            assert squeeze(heading) in flat, (number, heading)


def test_the_heading_is_printed_once_on_the_first_page(both):
    pages = both["parts"].pages
    assert "Regio: Zuid-Kennemerland en IJmond" in pages[0]
    assert not any("Regio: Zuid-Kennemerland en IJmond" in text for text in pages[1:])


def test_each_pillar_heading_is_printed_once(both):
    for pillar in both["state"].pillars:
        band = squeeze(f"PIJLER {pillar.order}: {pillar.name}".upper())
        assert both["parts"].flat.count(band) == both["single"].flat.count(band) == 1


def test_the_merged_file_keeps_title_language_and_pdfa_metadata_but_is_not_tagged(both):
    single, parts = both["single"].reader, both["parts"].reader
    assert parts.metadata.title == single.metadata.title
    root = parts.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert "/OutputIntents" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert "/StructTreeRoot" not in root
    # A small annex stays one tagged PDF/A-2a layout.
    single_root = single.trailer["/Root"]
    assert "/StructTreeRoot" in single_root
    assert 'pdfaid:conformance="A"' in single_root["/Metadata"].get_object().get_data().decode()


def test_a_theme_cut_between_parts_is_marked_continued_on_the_next_part(db):
    agenda = make_agenda(70)
    parts = split_in_parts(current_state(agenda), 30)
    assert [len(rows_in_order(part)) for part in parts] == [30, 30, 11]
    assert [part.pillars[0].themes[0].continues for part in parts] == [False, True, True]
    with override_settings(ANNEX_CHUNK_ACTIONS=30):
        pdf = read_pdf(render_bijlage1_pdf(agenda=agenda))
    assert "(vervolg)" not in pdf.pages[0]
    for number, text in enumerate(pdf.pages[1:], start=2):
        flat = squeeze(text)
        assert "Langthema(vervolg)" in flat or "(vervolg)Langthema" in flat, number
    # The part that continues the theme starts on a page of its own, with the theme named again.
    first_of_part_2 = next(
        n for n, text in enumerate(pdf.pages) if "Actienummer31met" in squeeze(text)
    )
    assert "Langthema(vervolg)" in squeeze(pdf.pages[first_of_part_2])
    assert "Actienummer30met" not in squeeze(pdf.pages[first_of_part_2])
    assert "Kortthema(vervolg)" not in pdf.flat and "(vervolg)Kortthema" not in pdf.flat
    assert pdf.flat.count("PIJLER1:UITKERINGNAARWERK") == 1


def test_parts_end_at_theme_boundaries_when_half_full_and_keep_every_row(both):
    state = both["state"]
    parts = split_in_parts(state, PART_SIZE)
    assert [r.pk for part in parts for r in rows_in_order(part)] == [
        r.pk for r in rows_in_order(state)
    ]
    for part in parts:
        assert len(rows_in_order(part)) <= PART_SIZE
    cuts = 0
    for before, after in zip(parts, parts[1:], strict=False):
        if after.pillars[0].themes[0].continues:
            # A theme is cut only where the part was less than half full without it.
            cuts += 1
            last = before.pillars[-1].themes[-1]
            assert last.key == after.pillars[0].themes[0].key
            assert len(rows_in_order(before)) == PART_SIZE
            assert len(rows_in_order(before)) - len(last.rows) < PART_SIZE / 2
    assert cuts < len(parts) - 1, "some parts end where a theme ends"


def test_a_selection_in_parts_counts_all_its_actions_in_the_heading(db):
    agenda = make_agenda(40)
    with override_settings(ANNEX_CHUNK_ACTIONS=10):
        pdf = read_pdf(
            render_bijlage1_pdf(
                agenda=agenda,
                actions=Action.objects.in_agenda(agenda),
                selection_description="Zoeken: actie",
            )
        )
    assert "Selectie: Zoeken: actie (aantal acties: 41)" in pdf.pages[0]
    assert pdf.text.count("Selectie:") == 1
    for order in range(1, 41):
        assert f"Actienummer{order}met" in pdf.flat
