"""Reading an uploaded agenda file into rows of cells, safely.

Supported: XLSX (openpyxl), ODS (odfpy), CSV (the standard library, UTF-8 or Windows-1252, comma
or semicolon) and the tables of a Word document (python-docx). Nothing here parses XLSX or DOCX by
hand; the zip directory is only inspected to refuse zip bombs and files that are not what their
name says, before any library opens them.

`read_file(name, data)` returns a `RawTable`: the rows with their row number in the file and their
cells as the library gave them (text, numbers or None). A cell holding a formula is its formula
text ("=SUM(A1:A3)"), never a computed value. Every problem raises `FileReadError` with a Dutch
message.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 200
EXTENSIONS = ("xlsx", "ods", "csv", "docx")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MEMBER = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml", "ods": "content.xml"}
_KIND_NAME = {"xlsx": "Excel", "docx": "Word", "ods": "OpenDocument", "csv": "CSV"}


class FileReadError(ValueError):
    """The file cannot be read; the message says why, in the user's language."""


@dataclass
class RawTable:
    kind: str
    rows: list[tuple[int, list]] = field(default_factory=list)
    # (row number, column index) of cells that continue a merged cell from the row above
    continued: set[tuple[int, int]] = field(default_factory=set)


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def read_file(name: str, data: bytes) -> RawTable:
    kind = extension(name)
    if kind not in EXTENSIONS:
        raise FileReadError(
            _("The file %(name)s is not an Excel, OpenDocument, CSV or Word (.docx) file.")
            % {"name": name}
        )
    if len(data) > MAX_FILE_BYTES:
        raise FileReadError(
            _("The file is larger than %(limit)s MB.") % {"limit": MAX_FILE_BYTES // 1024 // 1024}
        )
    if not data:
        raise FileReadError(_("The file is empty."))
    if kind == "csv":
        table = _read_csv(data)
    else:
        _check_zip(kind, data)
        reader = {"xlsx": _read_xlsx, "ods": _read_ods, "docx": _read_docx}[kind]
        try:
            table = reader(data)
        except FileReadError:
            raise
        except Exception as exc:  # the libraries raise many kinds of errors on damaged files
            raise FileReadError(
                _("The file cannot be read: it is damaged or not a valid %(kind)s file.")
                % {"kind": _KIND_NAME[kind]}
            ) from exc
    if not any(any(_filled(v) for v in cells) for _n, cells in table.rows):
        raise FileReadError(_("The sheet is empty."))
    return table


def _filled(value) -> bool:
    return value is not None and str(value).strip() != ""


def _too_many_rows():
    return FileReadError(
        _("The file has more than %(limit)s rows; split it into smaller files.")
        % {"limit": f"{MAX_ROWS:,}".replace(",", ".")}
    )


def _password_message(kind: str) -> str:
    return _(
        "The file is protected with a password or saved in an old format (.xls, .doc). "
        "Remove the password or save it as %(ext)s and try again."
    ) % {"ext": "." + kind}


def _check_zip(kind: str, data: bytes) -> None:
    """Refuse what is not a zip of the right kind, and zips that unpack to too much."""
    if data.startswith(_OLE_MAGIC):
        raise FileReadError(_password_message(kind))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise FileReadError(
            _("The file is not in %(kind)s format, although its name ends in .%(ext)s.")
            % {"kind": _KIND_NAME[kind], "ext": kind}
        ) from exc
    with archive:
        infos = archive.infolist()
        unpacked = sum(info.file_size for info in infos)
        if unpacked > MAX_UNPACKED_BYTES or len(infos) > 10_000:
            raise FileReadError(
                _(
                    "The file unpacks to more than %(limit)s MB; it is refused as a possible "
                    "zip bomb."
                )
                % {"limit": MAX_UNPACKED_BYTES // 1024 // 1024}
            )
        names = {info.filename for info in infos}
        if kind == "ods" and "META-INF/manifest.xml" in names:
            if b"encryption-data" in archive.read("META-INF/manifest.xml")[:1_000_000]:
                raise FileReadError(_password_message(kind))
    if _ZIP_MEMBER[kind] not in names:
        actual = next((k for k, member in _ZIP_MEMBER.items() if member in names), None)
        if actual:
            raise FileReadError(
                _("The file is in %(actual)s format, although its name ends in .%(ext)s.")
                % {"actual": _KIND_NAME[actual], "ext": kind}
            )
        raise FileReadError(
            _("The file is not in %(kind)s format, although its name ends in .%(ext)s.")
            % {"kind": _KIND_NAME[kind], "ext": kind}
        )


def _read_xlsx(data: bytes) -> RawTable:
    from openpyxl import load_workbook

    # data_only=False: a formula cell gives its formula text, which is taken as text.
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        sheet = workbook.worksheets[0]
        table = RawTable("xlsx")
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = list(values[:MAX_COLUMNS])
            if any(_filled(v) for v in cells):
                if len(table.rows) >= MAX_ROWS + 1:
                    raise _too_many_rows()
                table.rows.append((number, cells))
        return table
    finally:
        workbook.close()


def _read_ods(data: bytes) -> RawTable:
    from odf import teletype
    from odf.namespaces import TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = load(io.BytesIO(data))
    sheets = document.spreadsheet.getElementsByType(Table)
    if not sheets:
        raise FileReadError(_("The sheet is empty."))
    table = RawTable("ods")
    number = 0
    for row in sheets[0].getElementsByType(TableRow):
        repeat_rows = int(row.getAttrNS(TABLENS, "number-rows-repeated") or 1)
        cells = []
        for cell in row.childNodes:
            if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                continue
            repeat = int(cell.getAttrNS(TABLENS, "number-columns-repeated") or 1)
            value = _ods_value(cell, teletype, P, TableCell, TABLENS)
            cells.extend([value] * min(repeat, MAX_COLUMNS))
            if len(cells) >= MAX_COLUMNS:
                break
        cells = cells[:MAX_COLUMNS]
        if any(_filled(v) for v in cells):
            for _i in range(min(repeat_rows, MAX_ROWS + 2)):
                number += 1
                if len(table.rows) >= MAX_ROWS + 1:
                    raise _too_many_rows()
                table.rows.append((number, list(cells)))
        else:
            number += repeat_rows
    return table


def _ods_value(cell, teletype, paragraph, _cell_type, tablens):
    formula = cell.getAttrNS(tablens, "formula") if cell.qname[1] == "table-cell" else None
    if formula:
        return "=" + formula.split(":", 1)[-1].lstrip("=") if ":" in formula else formula
    lines = [teletype.extractText(p) for p in cell.getElementsByType(paragraph)]
    return "\n".join(lines) if lines else None


def _read_csv(data: bytes) -> RawTable:
    if b"\x00" in data[:4096]:
        raise FileReadError(_("The file is not a CSV file, although its name ends in .csv."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    table = RawTable("csv")
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for cells in reader:
            if any(_filled(v) for v in cells):
                if len(table.rows) >= MAX_ROWS + 1:
                    raise _too_many_rows()
                table.rows.append((reader.line_num, cells[:MAX_COLUMNS]))
    except csv.Error as exc:
        raise FileReadError(
            _("The file cannot be read as CSV: %(error)s") % {"error": exc}
        ) from exc
    return table


def _read_docx(data: bytes) -> RawTable:
    """The rows of the Word tables that look like an agenda, one after the other.

    python-docx repeats a merged cell in every grid position it covers; a cell that continues
    the one above (vertical merge) is recorded in `continued`, so it is read as "the same as
    above" rather than as a repeated value.
    """
    from docx import Document

    document = Document(io.BytesIO(data))
    table = RawTable("docx")
    number = 0
    for word_table in document.tables:
        previous = []
        for row in word_table.rows:
            number += 1
            cells = row.cells[:MAX_COLUMNS]
            values = []
            seen_in_row = set()
            for index, cell in enumerate(cells):
                element = cell._tc  # identity of the merged cell, to tell spans apart
                if index < len(previous) and previous[index] is element:
                    table.continued.add((number, index))
                    values.append(None)
                elif id(element) in seen_in_row:
                    values.append(None)  # the same cell spanning columns: once is enough
                else:
                    values.append("\n".join(p.text for p in cell.paragraphs))
                seen_in_row.add(id(element))
            previous = [cell._tc for cell in cells]
            if any(_filled(v) for v in values):
                if len(table.rows) >= MAX_ROWS + 1:
                    raise _too_many_rows()
                table.rows.append((number, values))
    if not document.tables:
        raise FileReadError(_("The Word document contains no table."))
    return table
