"""Bijlage 1 read back from the PDF: complete, verbatim, paginated like the council annex."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from agenda.models import Action, Agenda, Pillar, Scope, Status, Theme
from agenda.pdf import current_state, layout_bijlage1, render_bijlage1_pdf
from common.demo import load_all
from governance.models import Region

from .pdftext import dutch, read_pdf, squeeze

pytestmark = pytest.mark.django_db

SLUG = "zkij-2020-2022"
HEADINGS = [
    "#",
    "THEMA'S PER PIJLER",
    "VOOR WIE",
    "(SUB)REGIONAAL",
    "ACTIE",
    "STATUS",
    "TREKKER(S)",
    "FINANCIERING",
]
A4_LANDSCAPE = (841.89, 595.28)


@pytest.fixture
def agenda(demo):
    return Agenda.objects.get(slug=SLUG)


@pytest.fixture(scope="module")
def demo_annex(django_db_setup, django_db_blocker):
    """Bijlage 1 of the demo agenda, rendered once for the read-only tests of this module.

    The demo data is loaded in a transaction that is rolled back, so nothing leaks out.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        load_all()
        agenda = Agenda.objects.get(slug=SLUG)
        annex = {
            "title": agenda.title,
            "actions": list(
                Action.objects.in_agenda(agenda).values("text", "lead_text", "financing_text")
            ),
            "themes": list(Theme.objects.filter(agenda=agenda).values("name", "target_group")),
            "pillars": list(agenda.pillars.values_list("name", flat=True)),
            "state": current_state(agenda),
            "pdf": read_pdf(render_bijlage1_pdf(agenda=agenda)),
        }
        transaction.set_rollback(True)
    return annex


@pytest.fixture
def whole(demo_annex):
    return demo_annex["pdf"]


def test_every_demo_action_is_printed_verbatim(demo_annex, whole):
    assert len(demo_annex["actions"]) > 40
    for action in demo_annex["actions"]:
        assert whole.contains(action["text"]), action["text"]
        assert whole.contains(action["lead_text"]), action["lead_text"]
        assert whole.contains(action["financing_text"]), action["financing_text"]


def test_every_theme_and_pillar_is_printed(demo_annex, whole):
    for theme in demo_annex["themes"]:
        assert whole.contains(theme["name"])
        assert whole.contains(theme["target_group"])
    for name in demo_annex["pillars"]:
        assert whole.contains(name.upper())


def test_pages_are_a4_landscape(whole):
    assert len(whole.pages) >= 3
    for page in whole.reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 2), round(height, 2)) == A4_LANDSCAPE


def test_header_row_is_repeated_on_every_page(whole):
    for number, text in enumerate(whole.pages, start=1):
        flat = squeeze(text)
        for heading in HEADINGS:
            assert squeeze(heading) in flat, (number, heading)


def test_footer_numbers_the_pages_and_dates_the_annex(whole):
    total = len(whole.pages)
    today = dutch(timezone.localdate())
    for number, text in enumerate(whole.pages, start=1):
        assert f"pagina {number} van {total}" in text
        assert f"stand per {today}" in text


def test_title_names_the_agenda_region_and_period(demo_annex, whole):
    first = whole.pages[0]
    assert "Bijlage 1: regionale doe-agenda" in first
    assert squeeze(demo_annex["title"]) in squeeze(first)
    assert "Regio: Zuid-Kennemerland en IJmond" in first
    assert "Periode: 2020-2022" in first
    assert whole.reader.metadata.title.startswith("Bijlage 1: regionale doe-agenda – ")


def test_a_theme_continuing_on_a_new_page_is_repeated_as_vervolg(demo_annex, whole):
    state = demo_annex["state"]
    continued = [p for p in whole.pages[1:] if "(vervolg)" in p]
    assert continued, "the demo agenda has themes that run over a page break"
    assert "(vervolg)" not in whole.pages[0]
    names = [squeeze(t.name) for pillar in state.pillars for t in pillar.themes]
    for text in continued:
        assert any(name in squeeze(text) for name in names)


def make_agenda(long_theme_rows: int) -> Agenda:
    """An agenda with a long first theme and a second theme of one action."""
    region = Region.objects.create(name="Testregio", slug="testregio")
    agenda = Agenda.objects.create(
        title="Testagenda", slug="testagenda", region=region, first_year=2024, last_year=2025
    )
    pillar = Pillar.objects.create(agenda=agenda, order=1, name="Uitkering naar werk")
    long = Theme.objects.create(
        pillar=pillar, number=1, name="Lang thema", target_group="Iedereen die lang zoekt"
    )
    short = Theme.objects.create(pillar=pillar, number=2, name="Kort thema", target_group="Wie")
    status = Status.objects.create(slug="loopt-test", name="loopt")
    scope = Scope.objects.create(region=region, name="REGIONAAL")
    for order in range(1, long_theme_rows + 1):
        Action.objects.create(
            theme=long,
            order=order,
            text=f"Actie nummer {order} met een tekst die over twee regels loopt in de kolom",
            status=status,
            scope=scope,
            lead_text="PoW",
            financing_text="PoW",
        )
    Action.objects.create(theme=short, order=1, text="Enige actie van het korte thema")
    return agenda


@pytest.fixture
def long_theme_agenda(db):
    """An agenda whose first theme needs several pages and whose second fits on one."""
    return make_agenda(70)


@pytest.fixture
def small_agenda(db):
    return make_agenda(2)


def test_vervolg_marks_exactly_the_pages_a_theme_continues_on(long_theme_agenda):
    pdf = read_pdf(render_bijlage1_pdf(agenda=long_theme_agenda))
    assert len(pdf.pages) >= 3
    for number, text in enumerate(pdf.pages, start=1):
        flat = squeeze(text)
        if number == 1:
            assert "(vervolg)" not in text
        if "Actienummer" in flat and "Actienummer1met" not in flat:
            # A page that continues the long theme names it again, marked (vervolg).
            assert "Langthema(vervolg)" in flat or "(vervolg)Langthema" in flat, number
            assert flat.count("(vervolg)") == 1
    for order in range(1, 71):
        assert f"Actienummer{order}met" in pdf.flat
    # The short theme starts afresh: it is never marked as continued.
    assert "Kortthema(vervolg)" not in pdf.flat and "(vervolg)Kortthema" not in pdf.flat


def test_html_and_css_typed_in_a_field_print_as_text(small_agenda):
    agenda = small_agenda
    action = Action.objects.in_agenda(agenda).first()
    action.text = (
        '<b>vet</b> <style>body{display:none}</style> <img src="http://example.com/x.png">'
    )
    action.lead_text = "</td></tr><tr><td>nep-rij"
    action.save()
    theme = action.theme
    theme.name = "Thema <i>schuin</i> & co"
    theme.save()
    pdf = read_pdf(render_bijlage1_pdf(agenda=agenda))
    assert pdf.contains(action.text)
    assert pdf.contains(action.lead_text)
    assert pdf.contains("Thema <i>schuin</i> & co")


def test_an_empty_selection_says_so(small_agenda):
    pdf = read_pdf(
        render_bijlage1_pdf(
            agenda=small_agenda,
            actions=Action.objects.none(),
            selection_description="Zoeken: niets",
        )
    )
    assert "Geen acties" in pdf.text
    assert "THEMA'S PER PIJLER" not in pdf.text
    assert "Selectie: Zoeken: niets" in pdf.text


def test_demo_agenda_is_laid_out_in_one_pass(demo_annex, monkeypatch):
    """Themes continued on a new page are marked without laying the table out again; besides
    the table, only the row after each pillar heading is laid out, once, to measure it."""
    import agenda.pdf as annex

    passes = []
    original = annex.layout_pdf

    def counting(html, **kwargs):
        passes.append(html)
        return original(html, **kwargs)

    monkeypatch.setattr(annex, "layout_pdf", counting)
    state = demo_annex["state"]
    layout_bijlage1(state, as_of=datetime.date(2021, 1, 1))
    rows_laid_out = sorted(html.count("<tr data-theme=") for html in passes)
    assert rows_laid_out == [len(state.pillars), state.action_count]


def test_when_no_label_fits_the_theme_is_split_into_row_spanning_parts(
    long_theme_agenda, monkeypatch
):
    import agenda.pdf as annex

    monkeypatch.setattr(annex, "_fit_label", lambda label, room: False)
    document, html, passes = annex.settle_layout(current_state(long_theme_agenda))
    assert passes >= 2
    assert 'class="theme-continued"' not in html
    pdf = read_pdf(annex.write_document(document))
    for text in pdf.pages[1:]:
        if "Actienummer" in squeeze(text):
            assert "Langthema(vervolg)" in squeeze(text)
    assert "(vervolg)" not in pdf.pages[0]
