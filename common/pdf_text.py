"""Break opportunities in long unbroken words, so every annex renders in bounded time.

WeasyPrint breaks a word longer than its column (`overflow-wrap`) by measuring it again for
every line it fills, so the time grows with the square of the word's length: four 20,000-
character words took minutes. A zero-width space every `CHUNK` characters inside runs of at
least `LONG_RUN` characters without a space gives the line breaker ordinary break points: the
text reads the same, and such a run costs what ordinary words of the same length cost.
Only text between tags in the body is touched, never markup, attributes, entities or styles.
"""

import re

LONG_RUN = 60
CHUNK = 30
ZERO_WIDTH_SPACE = "\u200b"

# One character of text: an entity (&amp;, &#39;) counts as one, so none is ever split.
_UNIT = r"(?:&#?\w+;|[^\s<>&\u200b])"
_RUN = re.compile(rf"{_UNIT}{{{LONG_RUN},}}")
_UNITS = re.compile(_UNIT)
_TEXT = re.compile(r">([^<]+)<")


def _break_run(match: re.Match) -> str:
    units = _UNITS.findall(match.group(0))
    return ZERO_WIDTH_SPACE.join("".join(units[i : i + CHUNK]) for i in range(0, len(units), CHUNK))


def _break_text(match: re.Match) -> str:
    return ">" + _RUN.sub(_break_run, match.group(1)) + "<"


def breakable(html: str) -> str:
    """`html` with a break opportunity every CHUNK characters of each very long word in its
    body text."""
    head, marker, body = html.partition("<body")
    if not marker:
        return html
    return head + marker + _TEXT.sub(_break_text, body)
