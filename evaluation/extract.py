"""Reading an evaluation document (text extracted from its PDF) into evaluation rows.

Chapter 3 of the 2020-2022 evaluation holds one tab-separated row of eight columns per activity
(TITEL, ACTIE, BEOOGD RESULTAAT, BEHAALD RESULTAAT, VERVOLG/BORGING, BETROKKEN PARTIJEN, INZET
REGIONALE PUBLIEKE MIDDELEN, EXTRA INFORMATIE) under a heading per pillar ("3.1 Van werk naar
werk"). The PDF repeats the header row after every page break; a row the page break cut in two
continues on the next line with fewer columns. This module only reads text: it writes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .models import Outcome

COLUMNS = 8
SECTION_RE = re.compile(r"^3\.(\d)\s+(.+?)\s*$")
CHAPTER_END_RE = re.compile(r"^4\.\s")


@dataclass
class SeedRow:
    section_number: int
    section_title: str
    line: int
    cells: list[str]
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.cells[0]


def _clean_cell(text: str, notes: list[str], column: str) -> str:
    text = text.strip()
    # A cell that held line breaks is quoted the CSV way in the extracted text.
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
        notes.append(f"{column}: aanhalingstekens van de tekstextractie rond de cel verwijderd")
    # The extraction kept paragraph markup in a few cells; keep the paragraphs, drop the tags.
    if "<p>" in text:
        parts = [p.strip() for p in re.split(r"</?p>", text) if p.strip()]
        text = "\n\n".join(parts)
        notes.append(f"{column}: alinea-opmaak <p> van de tekstextractie omgezet in alinea's")
    return text


def read_rows(text: str) -> list[SeedRow]:
    """The activity rows of chapter 3, in document order, with their pillar section."""
    rows: list[SeedRow] = []
    section: tuple[int, str] | None = None
    in_chapter = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if line.startswith("3. Evaluatie per activiteit"):
            in_chapter = True
            continue
        if not in_chapter:
            continue
        if CHAPTER_END_RE.match(line) and rows:
            break
        heading = SECTION_RE.match(line)
        if heading and "\t" not in line:
            section = (int(heading.group(1)), heading.group(2))
            continue
        if "\t" not in line or line.startswith("TITEL\t"):
            continue
        cells = line.split("\t")
        if section is None:
            raise ValueError(f"line {number}: a row before the first pillar heading")
        if rows and (len(cells) < COLUMNS or not cells[0].strip()):
            # The rest of a row cut by a page break: glue it to the row before.
            previous = rows[-1]
            previous.cells[-1] = previous.cells[-1] + " " + cells[0].strip()
            previous.cells.extend(c.strip() for c in cells[1:])
            previous.notes.append(f"rij liep door na een paginagrens (regel {number})")
            continue
        rows.append(SeedRow(section[0], section[1], number, cells))
    for row in rows:
        if len(row.cells) > COLUMNS:
            extra = row.cells[COLUMNS:]
            row.cells = row.cells[:COLUMNS]
            row.cells[-1] = " ".join([row.cells[-1], *extra]).strip()
        while len(row.cells) < COLUMNS:
            row.cells.append("")
        names = [
            "TITEL", "ACTIE", "BEOOGD RESULTAAT", "BEHAALD RESULTAAT", "VERVOLG/BORGING",
            "BETROKKEN PARTIJEN", "INZET REGIONALE PUBLIEKE MIDDELEN", "EXTRA INFORMATIE",
        ]  # fmt: skip
        row.cells = [_clean_cell(c, row.notes, names[i]) for i, c in enumerate(row.cells)]
    return rows


# Phrases in the achieved result or the follow-up that say how an activity turned out. Checked in
# this order; the first that occurs decides. Setbacks first, so "niet gestart" wins over "gestart".
OUTCOME_PHRASES: list[tuple[str, str]] = [
    ("niet gestart", Outcome.NOT_STARTED),
    ("nog niet ten uitvoer gebracht", Outcome.NOT_STARTED),
    ("Dit is er (nog) niet", Outcome.NOT_STARTED),
    ("vertraging opgelopen", Outcome.DELAYED),
    ("vertraagd", Outcome.DELAYED),
    ("nog niet tot de verwachte aantallen geleid", Outcome.DELAYED),
    ("gestagneerd", Outcome.STOPPED),
    ("niet de oplossing", Outcome.STOPPED),
    ("niet doorgegaan", Outcome.STOPPED),
    ("loopt nog door", Outcome.CONTINUING),
    ("loopt tot", Outcome.CONTINUING),
    ("verduurzaamd", Outcome.CONTINUING),
    ("nog in traject", Outcome.CONTINUING),
    ("in ontwikkeling", Outcome.CONTINUING),
    ("Wordt uitgerold", Outcome.CONTINUING),
    ("op jaarbasis", Outcome.CONTINUING),
    ("2020-2024", Outcome.CONTINUING),
    ("blijven voortzetten", Outcome.CONTINUING),
    ("In 2023 en verder", Outcome.CONTINUING),
    ("nemen we mee in de aanpak", Outcome.CONTINUING),
    ("Uitvoering van afspraken", Outcome.CONTINUING),
    ("meerjaren traject", Outcome.CONTINUING),
    ("voor 2 jaar", Outcome.CONTINUING),
    ("reguliere werk", Outcome.REGULAR),
    ("reguliere dienstverlening", Outcome.REGULAR),
    ("reguliere activiteit", Outcome.REGULAR),
    ("ondergebracht bij", Outcome.REGULAR),
    ("onderdeel van werkwijzen", Outcome.REGULAR),
    ("worden nu in samenhang", Outcome.REGULAR),
    ("worden ingezet voor", Outcome.REGULAR),
]


def derive_outcome(achieved: str, follow_up: str) -> tuple[str, str]:
    """The outcome an evaluation's text states, and a note saying where it was read."""
    for where, text in (("behaald resultaat", achieved), ("vervolg/borging", follow_up)):
        lowered = text.lower()
        for phrase, outcome in OUTCOME_PHRASES:
            if phrase.lower() in lowered:
                return outcome, (
                    f"Afgeleid uit de tekst van het {where}: '{phrase}' "
                    f"(de evaluatie noemt geen uitkomst per activiteit)."
                )
    return Outcome.COMPLETED, (
        "Afgeleid: het behaald resultaat beschrijft een uitgevoerde activiteit zonder "
        "vervolgtraject of vertraging; daarom afgerond (de evaluatie noemt geen uitkomst per "
        "activiteit)."
    )


AMOUNT_RE = re.compile(r"(?:€\s?)?(?<![\d.])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-))?(?=[\s,)\-]|$)")
EURO_AMOUNT_RE = re.compile(r"€\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-))?")


def parse_amount(text: str) -> Decimal:
    """'€ 1.234.000' or '170.000,-' as a Decimal of euros."""
    match = EURO_AMOUNT_RE.search(text) or AMOUNT_RE.search(text)
    if not match:
        raise ValueError(f"no amount in {text!r}")
    whole = match.group(1).replace(".", "")
    cents = match.group(2) if match.group(2) and match.group(2) != "-" else "00"
    return Decimal(f"{whole}.{cents}")


FUND_RE = re.compile(
    r"(?:€\s?)(?P<amount>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?:\d{2}|-))?\s*"
    r"(?:\([^)]*\)\s*)?(?P<stream>[A-Z][A-Za-z ]+?)(?=\s*(?:\+|\(|$|\.|,|:))"
)


def parse_funds(text: str) -> list[dict]:
    """The amounts a funds cell names with the stream after each: '€ 160.000 Perspectief op Werk'.

    Cells written differently (amounts per year, amounts of another project) are left to the
    caller: this returns only the plain "amount stream" pairs.
    """
    funds = []
    text = text.strip()
    if text[:1].isdigit():
        text = "€ " + text  # "30.000 Perspectief op Werk": the euro sign is implied
    for match in FUND_RE.finditer(text.replace("€", "€ ").replace("€  ", "€ ")):
        stream = match.group("stream").strip()
        funds.append({"amount": parse_amount("€ " + match.group("amount")), "stream": stream})
    return funds
