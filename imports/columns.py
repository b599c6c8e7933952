"""Recognising the columns of an agenda file by the Dutch headings councils use."""

import re

from django.utils.translation import gettext_lazy as _

# What a column can hold. Year columns are "year:<YYYY>" (an amount budgeted in that year).
IGNORE = "ignore"
FIELDS = {
    IGNORE: _("(not imported)"),
    "number": _("Theme number"),
    "pillar": _("Pillar"),
    "theme": _("Themes per pillar"),
    "target_group": _("Target group"),
    "scope": _("(Sub)regional"),
    "action": _("Action"),
    "status": _("Status"),
    "leads": _("Lead(s)"),
    "financing": _("Financing"),
    "financier": _("Financier"),
}
REQUIRED = ("theme", "action")

_HEADINGS = {
    "number": ("#", "nr", "nr.", "nummer", "no"),
    "pillar": ("pijler", "actielijn", "spoor", "pillar"),
    "theme": ("thema's per pijler", "thema", "thema's", "themas per pijler", "themes per pillar"),
    "target_group": ("voor wie", "doelgroep", "target group"),
    "scope": ("(sub)regionaal", "subregionaal", "regionaal", "(sub)regional", "schaal"),
    "action": ("actie", "acties", "activiteit", "maatregel", "action", "project"),
    "status": ("status",),
    "leads": ("trekker(s)", "trekker", "trekkers", "lead(s)", "kartrekker"),
    "financing": ("financiering", "financing"),
    "financier": ("financier", "financieringsbron", "financiers", "bron"),
}
_BY_HEADING = {heading: key for key, headings in _HEADINGS.items() for heading in headings}
# "2021", "Begroting 2021", "2021 (Rijk)", "Budget 2021 - PoW"
_YEAR = re.compile(
    r"^(?:begroting|budget|bedrag|bedragen|raming)?\s*(?P<year>(19|20|21)\d\d)"
    r"(?:\s*[-–:(]\s*(?P<financier>[^)]+?)\)?)?$"
)


def normalise_heading(text) -> str:
    text = str(text or "").replace("\u00a0", " ").replace("’", "'").replace("‘", "'")
    return " ".join(text.split()).strip(" :*").lower()


def recognise(heading) -> str | None:
    """The field a heading names, "year:2021" or "year:2021:Financier", or None."""
    text = normalise_heading(heading)
    if not text:
        return None
    if text in _BY_HEADING:
        return _BY_HEADING[text]
    if text.startswith("thema's per ") or text.startswith("themas per "):
        return "theme"  # "Thema's per actielijn"
    match = _YEAR.match(text)
    if match:
        # the financier keeps the spelling of the file, so find it again in the original
        original = " ".join(str(heading).replace("\u00a0", " ").split()).strip(" :*")
        financier = ""
        if match.group("financier"):
            start = match.start("financier")
            financier = original[start : start + len(match.group("financier"))].strip()
        return f"year:{match.group('year')}:{financier}" if financier else f"year:{match['year']}"
    return None


def choices_for(years) -> list[tuple[str, str]]:
    """The options of the mapping form: the fields, then a column per year."""
    options = [(key, str(label)) for key, label in FIELDS.items()]
    options += [(f"year:{year}", str(_("Budget %(year)s")) % {"year": year}) for year in years]
    return options


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
