"""The XLSX template: the headings on the first sheet, what each column holds on the second.

The headings are the Dutch ones of Bijlage 1, which the import recognises whatever the language
of the interface.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from agenda.models import Scope, Status


def template_xlsx(agenda) -> bytes:
    label = agenda.top_level_label or "pijler"
    statuses = ", ".join(Status.objects.values_list("name", flat=True))
    scopes = ", ".join(
        Scope.objects.filter(region=agenda.owner_region).values_list("name", flat=True)
    )
    columns = [
        (
            f"Thema's per {label}",
            f"Verplicht. Een rij met alleen een naam is een {label}. Een thema staat op de eerste "
            "rij van zijn acties; lege cellen eronder (of een samengevoegde cel) horen bij "
            'hetzelfde thema. Een nummer vooraan ("3. Werkgevers") wordt het themanummer.',
            "",
        ),
        (
            "Voor wie",
            "De doelgroep van het thema; wijkt een actie af, dan geldt die voor de actie.",
            "",
        ),
        (
            "(Sub)regionaal",
            "Waar de actie geldt.",
            scopes or "vrije tekst; nieuwe waarden worden in de preview aangeboden",
        ),
        ("Actie", "Verplicht. De tekst van de actie.", ""),
        (
            "Status",
            "De stand van de actie.",
            statuses or "vrije tekst; nieuwe waarden worden in de preview aangeboden",
        ),
        ("Trekker(s)", "Zoals geschreven; bekende organisaties worden gekoppeld.", ""),
        ("Financiering", "Zoals geschreven.", ""),
        (
            "Financier",
            "De financieringsbron van de bedragen in de jaarkolommen van deze rij.",
            "",
        ),
    ]
    for year in agenda.years:
        columns.append(
            (
                str(year),
                f"Begroot bedrag in {year}, in Nederlandse notatie (1.000.000 of 2.500,50). "
                'Een financier per kolom kan ook in de kop: "2021 (Rijk)".',
                f"jaren {agenda.period}",
            )
        )
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Agenda"
    sheet.append([heading for heading, _text, _values in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index in range(len(columns)):
        sheet.column_dimensions[sheet.cell(1, index + 1).column_letter].width = 24
    sheet.freeze_panes = "A2"
    help_sheet = workbook.create_sheet("Toelichting")
    help_sheet.append(["Kolom", "Wat erin staat", "Toegestane waarden"])
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    for row in columns:
        help_sheet.append(list(row))
    help_sheet.append([])
    help_sheet.append(
        [
            "Let op",
            "Een cel die met = begint wordt als tekst gelezen, nooit als formule. "
            "Hetzelfde bestand twee keer importeren verandert niets.",
            "",
        ]
    )
    for letter, width in (("A", 20), ("B", 80), ("C", 50)):
        help_sheet.column_dimensions[letter].width = width
    for row in help_sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
