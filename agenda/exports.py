"""CSV and XLSX downloads of the action table: streamed, flat in memory, formula-safe.

The rows are read with `.values()` in chunks of `CHUNK_SIZE` actions; the leads and the columns
other apps add (the funding streams) are read once for all of them, so no row becomes a model
object. The CSV is
written row by row into a `StreamingHttpResponse`; the XLSX through openpyxl's write-only
workbook into a temporary file. The columns and their headings are those of `ActionTable`
(the headings of Bijlage 1, in Dutch whatever the interface).

Formula safety (OWASP, "CSV injection"): a text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows the text
instead of running it. In the XLSX every text cell is written as a string, never a formula.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.http import FileResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.encoding import force_str

from agenda.models import outside_top_levels

# Actions per read of the rows.
CHUNK_SIZE = 1000
# First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A text an XLSX cell may not take as it is: a formula start, a possible error value ("#N/A")
# or a character XLSX cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE). Other texts are written
# unchanged without further checks.
XLSX_CHECK = re.compile(r"^[=+\-@\t\r#]|[\x00-\x08\x0b\x0c\x0e-\x1f]")
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


def _leads(actions) -> dict[int, str]:
    """The lead organisations (abbreviation or name) of `actions`, by action id."""
    from .models import Action

    through = Action.leads.through.objects.filter(action__in=actions)
    names: dict[int, list[str]] = defaultdict(list)
    for action_id, abbreviation, name in through.order_by("organisation__name").values_list(
        "action_id", "organisation__abbreviation", "organisation__name"
    ):
        names[action_id].append(abbreviation or name)
    return {action_id: ", ".join(parts) for action_id, parts in names.items()}


# Columns other apps fill (see `register_export_column`): name -> `texts_of(actions)`, which
# answers {action id: text} for the actions of a subquery, in a fixed number of queries.
COLUMN_TEXTS: dict = {}


def register_export_column(name: str, texts_of) -> None:
    """Fill the export column `name` with `texts_of(actions)`: {action id: text}, read once for
    the whole export with the actions as a subquery."""
    COLUMN_TEXTS[name] = texts_of


# The agenda's own exported columns, in the sequence `_cells` writes them; the registered
# columns follow.
OWN_COLUMNS = ["number", "theme", "target_group", "scope", "text", "status", "leads"]
OWN_COLUMNS += ["financing"]


def all_columns() -> list[str]:
    return OWN_COLUMNS + list(COLUMN_TEXTS)


def _cells(rows: Iterable[dict], leads: dict, extras: list[dict]) -> Iterator[tuple]:
    """The cells of every row in the sequence of `all_columns()`."""
    outside = {}  # the heading of lines under no pillar, per word for a pillar
    for row in rows:
        if row["theme_id"]:
            number = row["theme__number"]
            place = f"{row['pillar__name']}: {row['theme__name']}"
            target_group = row["target_group_text"] or row["theme__target_group"]
        else:
            number = row["number"]
            if row["pillar_id"]:
                place = row["pillar__name"]
            else:
                label = row["agenda__top_level_label"]
                if label not in outside:
                    outside[label] = str(outside_top_levels(label))
                place = outside[label]
            target_group = row["target_group_text"] or ""
        pk = row["pk"]
        yield (
            number,
            place,
            target_group,
            row["scope__name"] or "",
            row["text"],
            row["status__name"] or "",
            row["lead_text"] or leads.get(pk, ""),
            row["financing_text"],
            *[texts.get(pk, "") for texts in extras],
        )


def export_rows(queryset, names: list[str]) -> Iterator[tuple]:
    """The cells of every action in `queryset` (in its order), for the columns `names`.

    Values are as the old export wrote them: texts, and the theme number as a number. They
    are not yet neutralised. The leads and the other apps' columns of all the actions are read
    first, each in a fixed number of queries, with the actions as a subquery.
    """
    plain = queryset.select_related(None).prefetch_related(None)
    actions = plain.order_by().values("pk")
    leads = _leads(actions.filter(lead_text="")) if "leads" in names else {}
    extras = [texts_of(actions) if name in names else {} for name, texts_of in COLUMN_TEXTS.items()]
    rows = plain.values(*VALUE_FIELDS).iterator(chunk_size=CHUNK_SIZE)
    cells = _cells(rows, leads, extras)
    columns = all_columns()
    if names == columns:
        return cells
    pick = [columns.index(name) for name in names]
    return (tuple(row[i] for i in pick) for row in cells)


def export_table(table) -> tuple[list[str], Iterator[tuple]]:
    """(headings, rows) of the table's data in its current order; the headings are
    formula-safe, the cells not yet (`csv_response` and `xlsx_response` make them so)."""
    columns = export_columns(table)
    names = [name for name, _heading in columns]
    queryset = table.data.data  # the filtered queryset, ordered as the table is sorted

    def rows():
        with translation.override("nl"):
            yield from export_rows(queryset, names)

    return [neutralise(heading) for _name, heading in columns], rows()


def _safe_texts(rows: Iterable[tuple], safe) -> Iterator[list]:
    """The rows with `safe(text)` in place of every text."""
    for row in rows:
        yield [safe(value) if value.__class__ is str else value for value in row]


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
        for number, cells in enumerate(_safe_texts(rows, neutralise), start=1):
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
    error_codes = frozenset(ERROR_CODES)

    def cell(value):
        """A text cell free of characters XLSX cannot hold, and written as a string."""
        if not isinstance(value, str) or not XLSX_CHECK.search(value):
            return value  # most texts: nothing to change
        value = ILLEGAL.sub("", value)
        if value in error_codes or value.startswith("="):
            text = WriteOnlyCell(sheet, value=value)
            text.data_type = "s"  # a text, never a formula or an error value
            return text
        return value

    def safe(value: str):
        return cell(neutralise(value)) if XLSX_CHECK.search(value) else value

    sheet.append([cell(h) for h in headings])
    for cells in _safe_texts(rows, safe):
        sheet.append(cells)
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
