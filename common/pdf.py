"""PDF annexes (bijlagen): one mechanism for every app.

An app that prints an annex adds three things:

1. A template in ``templates/pdf/<annex>.html`` that extends ``pdf/base.html`` and fills the
   blocks ``heading`` (the title block on the first page), ``content`` (the body) and, when
   needed, ``pdf_styles`` (extra CSS, appended after the base styles). The base template sets
   an A4 landscape page with the document title at the top, and "stand per <date>" and
   "pagina X van Y" at the bottom of every page, using the embedded DejaVu fonts. Write user
   text with ``{{ value }}`` (escaped); never ``|safe`` or ``mark_safe`` it.

2. ``<app>/pdf.py`` with ``render_<annex>_pdf(...) -> bytes``::

       from common.pdf import render_pdf

       def render_bijlage2_pdf(*, agenda, as_of=None) -> bytes:
           return render_pdf(
               "pdf/bijlage2.html",
               {"agenda": agenda, "bodies": ...},
               title=f"Bijlage 2 {agenda.title}",
               as_of=as_of,
           )

   ``as_of`` is the date the annex shows the data as of (default: today); the footer says
   "stand per <that date>" in Dutch ("stand per 23 november 2026"). The template also gets
   ``pdf_title``, ``pdf_lang`` and ``stand_per`` (the formatted date).

3. A view that only wraps the bytes::

       from common.pdf import pdf_response

       def bijlage2_pdf(request, slug):
           agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
           return pdf_response(render_bijlage2_pdf(agenda=agenda), filename="bijlage-2.pdf")

What every annex gets from here:

- WeasyPrint fetches nothing from the network: ``StaticOnlyFetcher`` serves only files from our
  static folders and the font folder, and refuses every other URL (http, https, data, other
  files).
- The fonts (DejaVu Sans, from Debian's fonts-dejavu-core, which ``make setup`` installs) are
  loaded with ``@font-face`` and embedded, so the PDF looks the same on every machine.
- The output is PDF/A-2 level A (archivable, tagged for screen readers), with the document title
  and its language (nl) in the metadata.

For a layout that needs WeasyPrint's page boxes (as Bijlage 1 does to mark themes that continue
on a new page), use ``render_pdf_html`` to get the HTML, ``layout_pdf`` to lay it out and
``write_document`` to write the result. A document too large to lay out at once can be laid out
in parts, each from HTML rendered with ``page_numbers=False`` and laid out and written with
``tagged=False``, and joined with ``merge_parts``, which numbers the pages over the whole (the
result is PDF/A-2 level B, not tagged).
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from common.pdf_text import breakable

# Debian's fonts-dejavu-core; overridable for machines that keep the fonts elsewhere.
FONT_DIR = Path(getattr(settings, "PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
PDF_VARIANT = "pdf/a-2a"  # PDF/A-2, level A: archivable and tagged (structure, language).
# The parts of a document laid out in pieces and merged (see `merge_parts`): pypdf cannot join
# the structure trees of several files, so these are untagged, PDF/A-2 level B.
PDF_PART_VARIANT = "pdf/a-2b"

CONTENT_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}


class RefusedURL(ValueError):
    """A PDF asked for something outside our static files and fonts."""


def _static_dirs() -> list[Path]:
    dirs = []
    for entry in getattr(settings, "STATICFILES_DIRS", []):
        path = entry[1] if isinstance(entry, (tuple, list)) else entry
        dirs.append(Path(path))
    if getattr(settings, "STATIC_ROOT", None):
        dirs.append(Path(settings.STATIC_ROOT))
    return dirs


def static_base_url() -> str:
    """The base URL of PDF templates: the project's own static folder."""
    return (Path(settings.BASE_DIR) / "static").resolve().as_uri() + "/"


class StaticOnlyFetcher(URLFetcher):
    """Serve our static files and the font files; refuse everything else (no network)."""

    def __init__(self, roots: list[Path] | None = None):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        base = roots if roots is not None else [*_static_dirs(), FONT_DIR]
        self.roots = [root.resolve() for root in base]

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"PDF resources come from our static files only, not {url!r}")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise RefusedURL(f"PDF resources come from our static files only, not {url!r}")
        content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
        return URLFetcherResponse(
            path.as_uri(), path.read_bytes(), headers={"Content-Type": content_type}
        )


def dutch_date(value: datetime.date) -> str:
    """ "23 november 2026", whatever the language of the request."""
    with translation.override("nl"):
        return date_format(value, "j F Y")


def css_string(text: str) -> str:
    """`text` as a quoted CSS string, every character outside [A-Za-z0-9] escaped.

    Safe inside a <style> element whatever the text holds (quotes, backslashes, `</style>`).
    """
    escaped = re.sub(r"[^A-Za-z0-9]", lambda m: f"\\{ord(m.group()):06x}", str(text))
    # Only letters, digits, backslashes and the quotes remain: safe in HTML as is.
    return mark_safe(f'"{escaped}"')


def page_counter_content() -> str:
    """The CSS `content` value for "pagina X van Y" in the active language."""
    # Translators: the footer of every PDF page; keep both placeholders.
    label = _("page %(page)s of %(pages)s")
    pieces = re.split(r"(%\((?:page|pages)\)s)", label)
    out = []
    for piece in pieces:
        if piece == "%(page)s":
            out.append("counter(page)")
        elif piece == "%(pages)s":
            out.append("counter(pages)")
        elif piece:
            out.append(css_string(piece))
    return mark_safe(" ".join(out))


def _as_of_date(as_of) -> datetime.date:
    if as_of is None:
        return timezone.localdate()
    if isinstance(as_of, datetime.datetime):
        if timezone.is_aware(as_of):
            return timezone.localtime(as_of).date()
        return as_of.date()
    return as_of


def render_pdf_html(
    template_name: str,
    context: dict,
    *,
    title: str,
    lang: str = "nl",
    as_of: datetime.date | datetime.datetime | None = None,
    page_numbers: bool = True,
) -> str:
    """The annex as HTML, ready for WeasyPrint (in `lang`, dated `as_of`).

    `page_numbers=False` leaves "pagina X van Y" out of the footer, for a part of a document
    that `merge_parts` numbers once all parts are known."""
    stand_date = _as_of_date(as_of)
    with translation.override(lang):
        full_context = {
            **context,
            "pdf_title": title,
            "pdf_lang": lang,
            "stand_per": dutch_date(stand_date) if lang == "nl" else date_format(stand_date),
            "stand_per_date": stand_date,
            "font_base": FONT_DIR.resolve().as_uri() + "/",
            "css_page_counter": page_counter_content() if page_numbers else "none",
        }
        full_context["css_stand_per"] = css_string(
            _("as of %(date)s") % {"date": full_context["stand_per"]}
        )
        full_context["css_title"] = css_string(title)
        return render_to_string(template_name, full_context)


def layout_pdf(html: str, *, font_config: FontConfiguration | None = None, tagged: bool = True):
    """Lay out the HTML with WeasyPrint: a `weasyprint.Document` of pages (untagged, for a part
    of a merged document, with `tagged=False`)."""
    fetcher = StaticOnlyFetcher()
    html = breakable(html)  # long unbroken words would make the layout time explode
    document = HTML(string=html, base_url=static_base_url(), url_fetcher=fetcher)
    return document.render(
        font_config=font_config or FontConfiguration(),
        pdf_variant=PDF_VARIANT if tagged else PDF_PART_VARIANT,
        pdf_tags=tagged,
    )


def write_document(document, *, tagged: bool = True) -> bytes:
    """Write a laid-out document as PDF/A-2 (tagged, with title and language); with
    `tagged=False` as an untagged part for `merge_parts`."""
    if tagged:
        return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    return document.write_pdf(pdf_variant=PDF_PART_VARIANT, pdf_tags=False)


PAGE_NUMBERS_TEMPLATE = "pdf/page_numbers.html"


def page_numbers_pdf(pages: int, *, lang: str = "nl") -> bytes:
    """`pages` empty pages that carry only the footer "pagina X van Y" of pdf/base.html."""
    html = render_pdf_html(PAGE_NUMBERS_TEMPLATE, {"page_range": range(pages)}, title="", lang=lang)
    return write_document(layout_pdf(html, tagged=False), tagged=False)


def merge_parts(parts: Iterable[bytes], *, lang: str = "nl") -> bytes:
    """One PDF of the parts in order, each page numbered "pagina X van Y" over the whole.

    Each part is a PDF of `layout_pdf(..., tagged=False)` laid out from HTML rendered with
    `page_numbers=False`: its footer says "stand per" but no page number, since the number of
    pages is only known once every part is laid out. The page numbers are then laid out by
    WeasyPrint on otherwise empty pages (`page_numbers_pdf`, the same footer style) and drawn
    over the pages with pypdf. The document keeps the first part's catalog: its title and other
    document information, XMP metadata (PDF/A-2 level B), output intent and language. It is not
    tagged: pypdf cannot join the structure trees of several files.
    """
    readers = [PdfReader(io.BytesIO(part)) for part in parts]
    if not readers:
        raise ValueError("nothing to merge")
    total = sum(len(reader.pages) for reader in readers)
    numbers = PdfReader(io.BytesIO(page_numbers_pdf(total, lang=lang)))
    writer = PdfWriter(clone_from=readers[0])
    for reader in readers[1:]:
        for page in reader.pages:
            writer.add_page(page)
    for page, number_page in zip(writer.pages, numbers.pages, strict=True):
        page.merge_page(number_page)
        page.compress_content_streams()  # merging leaves the page's content uncompressed
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    # pypdf names itself as producer; the document information must match the XMP metadata.
    writer.add_metadata(dict(readers[0].metadata or {}))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def html_to_pdf(html: str) -> bytes:
    """WeasyPrint alone: HTML from `render_pdf_html` to PDF bytes."""
    return write_document(layout_pdf(html))


def render_pdf(
    template_name: str,
    context: dict,
    *,
    title: str,
    lang: str = "nl",
    as_of: datetime.date | datetime.datetime | None = None,
) -> bytes:
    """Render a PDF template (extending pdf/base.html) to PDF/A bytes."""
    return html_to_pdf(render_pdf_html(template_name, context, title=title, lang=lang, as_of=as_of))


def pdf_filename(text: str) -> str:
    """A safe ASCII file name: "Bijlage 1 2020-2022" -> "bijlage-1-2020-2022.pdf"."""
    stem = slugify(text)[:120] or "bijlage"
    return f"{stem}.pdf"


def pdf_response(content: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    """Wrap PDF bytes in a response that opens in the browser (or downloads when not inline)."""
    if not filename.lower().endswith(".pdf"):
        filename = pdf_filename(filename)
    safe_name = re.sub(r"[^A-Za-z0-9._-]", "-", filename)
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{safe_name}"'
    response["Content-Length"] = str(len(content))
    response["X-Content-Type-Options"] = "nosniff"
    return response
