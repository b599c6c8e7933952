"""CSV and XLSX downloads of the action table: streamed, flat in memory, formula-safe.

The rows are read with `.values()` in chunks of `CHUNK_SIZE` actions; the leads and the
columns other apps fill (the funding streams) of each chunk come in a few more queries, so no
row becomes a model object. The CSV is written row by row into a `StreamingHttpResponse`; the
XLSX through openpyxl's write-only workbook into a temporary file. The columns and their
headings are those of `ActionTable` (the headings of Bijlage 1, in Dutch whatever the
interface).

Formula safety (OWASP, "CSV injection"): a text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows the text
instead of running it. In the XLSX every text cell is written as a string, never a formula.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.http import FileResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.encoding import force_str

from agenda.models import outside_top_levels

# Actions per read: one query for the rows, and one each for their leads and the other apps'
# columns.
CHUNK_SIZE = 1000
# First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}

# What each export column reads from `.values()`.
VALUE_FIELDS = [
    "pk",
    "number",
    "theme_id",
    "pillar_id",
    "agenda__top_level_label",
    "theme__number",
    "theme__name",
    "pillar__name",
    "theme__target_group",
    "target_group_text",
    "scope__name",
    "text",
    "status__name",
    "lead_text",
    "financing_text",
]


def neutralise(value):
    """A text that would start a formula, with a leading apostrophe; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_columns(table) -> list[tuple[str, str]]:
    """(name, heading) of the exported columns, in the table's sequence."""
    return [
        (column.name, force_str(column.header))
        for column in table.columns.iterall()
        if not column.column.exclude_from_export
    ]


def _leads(action_ids: list[int]) -> dict[int, str]:
    from .models import Action

    through = Action.leads.through.objects.filter(action_id__in=action_ids)
    names: dict[int, list[str]] = defaultdict(list)
    for action_id, abbreviation, name in through.order_by("organisation__name").values_list(
        "action_id", "organisation__abbreviation", "organisation__name"
    ):
        names[action_id].append(abbreviation or name)
    return {action_id: ", ".join(parts) for action_id, parts in names.items()}


def _place(row) -> str:
    """ "Pillar: theme", the pillar alone for a line without a theme, or the agenda's words for
    a line under no pillar."""
    if row["theme_id"]:
        return f"{row['pillar__name']}: {row['theme__name']}"
    if row["pillar_id"]:
        return row["pillar__name"]
    return str(outside_top_levels(row["agenda__top_level_label"]))


CELLS = {
    "number": lambda row, extra: row["theme__number"] if row["theme_id"] else row["number"],
    "theme": lambda row, extra: _place(row),
    "target_group": lambda row, extra: (
        row["target_group_text"] or (row["theme__target_group"] if row["theme_id"] else "")
    ),
    "scope": lambda row, extra: row["scope__name"] or "",
    "text": lambda row, extra: row["text"],
    "status": lambda row, extra: row["status__name"] or "",
    "leads": lambda row, extra: row["lead_text"] or extra["leads"].get(row["pk"], ""),
    "financing": lambda row, extra: row["financing_text"],
}
# Columns other apps fill (see `register_export_column`): name -> the texts of many actions.
COLUMN_TEXTS: dict = {}


def register_export_column(name: str, texts_of) -> None:
    """Fill the export column `name` with `texts_of(action_ids)`: {action id: text}, one query
    per chunk of actions."""
    COLUMN_TEXTS[name] = texts_of
    CELLS[name] = lambda row, extra: extra[name].get(row["pk"], "")


def _chunks(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def export_rows(queryset, names: list[str]) -> Iterator[list]:
    """The cells of every action in `queryset` (in its order), for the columns `names`.

    Values are as the old export wrote them: texts, and the theme number as a number. They
    are not yet neutralised.
    """
    rows = queryset.select_related(None).prefetch_related(None).values(*VALUE_FIELDS)
    getters = [CELLS[name] for name in names]
    for chunk in _chunks(rows.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        need_leads = [row["pk"] for row in chunk if not row["lead_text"]]
        extra = {"leads": _leads(need_leads) if need_leads and "leads" in names else {}}
        for name, texts_of in COLUMN_TEXTS.items():
            if name in names:
                extra[name] = texts_of([row["pk"] for row in chunk])
        for row in chunk:
            yield [getter(row, extra) for getter in getters]


def export_table(table) -> tuple[list[str], Iterator[list]]:
    """(headings, rows) of the table's data in its current order, every cell formula-safe."""
    columns = export_columns(table)
    names = [name for name, _heading in columns]
    queryset = table.data.data  # the filtered queryset, ordered as the table is sorted

    def rows():
        with translation.override("nl"):
            for cells in export_rows(queryset, names):
                yield [neutralise(cell) for cell in cells]

    return [neutralise(heading) for _name, heading in columns], rows()


# Rows written per piece of the streamed CSV.
CSV_ROWS_PER_PIECE = 500


def csv_response(table, filename: str) -> StreamingHttpResponse:
    """The table as a streamed CSV with a byte order mark (so Excel reads UTF-8)."""
    with translation.override("nl"):
        headings, rows = export_table(table)

    def lines():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write("\ufeff")
        writer.writerow(headings)
        for number, cells in enumerate(rows, start=1):
            writer.writerow(cells)
            if number % CSV_ROWS_PER_PIECE == 0:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    response = StreamingHttpResponse(lines(), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(table, filename: str, *, title: str) -> FileResponse:
    """The table as an XLSX workbook, written with openpyxl's write-only mode."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE as ILLEGAL

    with translation.override("nl"):
        headings, rows = export_table(table)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])

    def cell(value):
        if not isinstance(value, str):
            return value
        value = ILLEGAL.sub("", value)
        if value in ERROR_CODES or value.startswith("="):
            text = WriteOnlyCell(sheet, value=value)
            text.data_type = "s"  # a text, never a formula or an error value
            return text
        return value

    sheet.append([cell(h) for h in headings])
    for cells in rows:
        sheet.append([cell(value) for value in cells])
    spool = tempfile.TemporaryFile()
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
    )


def export_response(table, export_format: str, filename: str, *, title: str):
    if export_format == "csv":
        return csv_response(table, filename)
    return xlsx_response(table, filename, title=title)
