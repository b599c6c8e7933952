"""Files for the import tests, built with the same libraries the portal reads them with."""

import io

from docx import Document
from openpyxl import Workbook

BIJLAGE1_HEADINGS = [
    "",
    "THEMA'S PER PIJLER",
    "VOOR WIE",
    "(SUB)REGIONAAL",
    "ACTIE",
    "STATUS",
    "TREKKER(S)",
    "FINANCIERING",
]


def bijlage1_layout(agenda):
    """Bijlage 1 as the council printed it: rows of cells, plus the spans to merge.

    A pillar is a row with only its name; the number, name and target group of a theme are
    written once, in cells that span all the theme's rows.
    """
    rows = [BIJLAGE1_HEADINGS]
    pillar_rows, theme_spans = [], []
    for pillar in agenda.pillars.order_by("order"):
        pillar_rows.append(len(rows))
        rows.append(["", pillar.name, "", "", "", "", "", ""])
        for theme in pillar.themes.order_by("number"):
            first = len(rows)
            actions = list(theme.actions.select_related("scope", "status").order_by("order"))
            for index, action in enumerate(actions or [None]):
                head = (
                    [str(theme.number), theme.name, theme.target_group]
                    if index == 0
                    else [
                        "",
                        "",
                        "",
                    ]
                )
                if action is None:
                    rows.append([*head, "", "", "", "", ""])
                    continue
                if action.target_group_text and index:
                    head[2] = action.target_group_text
                rows.append(
                    [
                        *head,
                        action.scope.name if action.scope else "",
                        action.text,
                        action.status.name if action.status else "",
                        action.lead_text,
                        action.financing_text,
                    ]
                )
            if len(rows) - first > 1:
                theme_spans.append((first, len(rows) - 1))
    return rows, pillar_rows, theme_spans


def xlsx_bytes(rows, pillar_rows=(), theme_spans=(), *, sheet_title="Bijlage 1", extra=None):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
    for index in pillar_rows:
        sheet.merge_cells(start_row=index + 1, start_column=2, end_row=index + 1, end_column=8)
    for first, last in theme_spans:
        for column in (1, 2, 3):
            sheet.merge_cells(
                start_row=first + 1, start_column=column, end_row=last + 1, end_column=column
            )
    if extra:
        extra(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def docx_bytes(rows, pillar_rows=(), theme_spans=(), *, line_breaks=False):
    document = Document()
    document.add_paragraph("BIJLAGE 1: REGIONALE DOE-AGENDA ARBEIDSMARKT")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if not value:
                continue
            cell = table.cell(r, c)
            if line_breaks and " " in value and c == 4:
                # a Word line break inside the cell, as a person types Shift+Enter
                first, rest = value.split(" ", 1)
                run = cell.paragraphs[0].add_run(first)
                run.add_break()
                cell.paragraphs[0].add_run(rest)
            else:
                cell.text = value
    for index in pillar_rows:
        table.cell(index, 1).merge(table.cell(index, 7))
    for first, last in theme_spans:
        for column in (0, 1, 2):
            table.cell(first, column).merge(table.cell(last, column))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, *, delimiter=";", encoding="utf-8"):
    text = "\r\n".join(
        delimiter.join('"' + str(v).replace('"', '""') + '"' for v in row) for row in rows
    )
    return text.encode(encoding)


def ods_bytes(rows):
    """An OpenDocument spreadsheet; a cell with several lines gets a paragraph per line."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Agenda")
    for row in rows:
        table_row = TableRow()
        for value in row:
            if value in ("", None):
                table_row.addElement(TableCell())
                continue
            if isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                for line in str(value).split("\n"):
                    cell.addElement(P(text=line))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()
