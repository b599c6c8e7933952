"""The shared PDF mechanism: archivable, tagged, same fonts everywhere, nothing from the network."""

import datetime

import pytest
from django.conf import settings
from pypdf.generic import NameObject

from common.pdf import (
    FONT_DIR,
    RefusedURL,
    StaticOnlyFetcher,
    css_string,
    dutch_date,
    pdf_response,
    render_pdf,
)

from .pdftext import read_pdf


def test_fetcher_refuses_the_network_and_files_outside_static_and_fonts(tmp_path):
    fetcher = StaticOnlyFetcher()
    for url in [
        "http://example.com/style.css",
        "https://example.com/logo.png",
        "ftp://example.com/x",
        "data:text/css,body{}",
        "file:///etc/passwd",
        (settings.BASE_DIR / "static" / ".." / "config" / "settings.py").as_uri(),
        "file://example.com/share/x.css",
    ]:
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)


def test_fetcher_serves_our_static_files_and_the_fonts():
    fetcher = StaticOnlyFetcher()
    css = fetcher.fetch((settings.BASE_DIR / "static" / "css" / "portal.css").as_uri())
    assert css.content_type == "text/css"
    assert css.read()
    font = fetcher.fetch((FONT_DIR / "DejaVuSansCondensed.ttf").as_uri())
    assert font.read(4) == b"\x00\x01\x00\x00"  # a TrueType font


def test_css_string_cannot_break_out_of_the_stylesheet():
    text = 'a "quoted" \\ </style><script>x</script>\n€'
    quoted = css_string(text)
    assert quoted.startswith('"') and quoted.endswith('"')
    inner = quoted[1:-1]
    assert '"' not in inner and "<" not in inner and "\n" not in inner


def test_dutch_date_whatever_the_active_language():
    from django.utils import translation

    with translation.override("en"):
        assert dutch_date(datetime.date(2020, 10, 14)) == "14 oktober 2020"


@pytest.fixture(scope="module")
def sample_pdf(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return render_pdf(
            "pdf/base.html",
            {},
            title='Voorbeeld "bijlage" </style>',
            as_of=datetime.date(2021, 3, 1),
        )


def test_pdf_is_pdfa2_tagged_with_title_and_language(sample_pdf):
    pdf = read_pdf(sample_pdf)
    root = pdf.reader.trailer["/Root"]
    assert pdf.reader.metadata.title == 'Voorbeeld "bijlage" </style>'
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert NameObject("/StructTreeRoot") in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="2"' in xmp
    assert "/OutputIntents" in root


def test_pdf_embeds_the_packaged_fonts(sample_pdf):
    pdf = read_pdf(sample_pdf)
    fonts = []
    for page in pdf.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, "font not embedded"
            fonts.append(str(font["/BaseFont"]))
    assert fonts and all("Portal-Sans" in name for name in fonts), fonts


def test_pdf_footer_is_dated_and_numbered_in_dutch(sample_pdf):
    pdf = read_pdf(sample_pdf)
    assert "stand per 1 maart 2021" in pdf.pages[0]
    assert "pagina 1 van 1" in pdf.pages[0]


def test_pdf_response_names_the_file():
    response = pdf_response(b"%PDF-1.7", "bijlage 1/../x")
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('inline; filename="bijlage-1')
    assert disposition.endswith('.pdf"')
    assert "/" not in disposition and ".." not in disposition
