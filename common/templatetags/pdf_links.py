"""What a PDF link produces and roughly how long it is: "PDF, ± 5 pagina's".

Every link to an annex says the same thing in the same words. The length is estimated from the
number of rows the annex prints; the figures per page were measured on the demo agenda
(Bijlage 1: 56 actions on 5 pages; Bijlage 2: 18 bodies on 3; the evaluation annex: 42
activities on 12; the funding annex, whose length follows the streams of the agenda's funding
overview with their budget rows: 5 streams on 3).
"""

import math

from django import template
from django.utils.translation import ngettext

register = template.Library()

ROWS_PER_PAGE = {
    "bijlage1": 12,
    "bijlage2": 7,
    "evaluation": 3.5,
    "funding": 2,
}


def estimated_pages(rows, annex: str) -> int:
    """Pages an annex of `rows` rows takes, at least one."""
    try:
        rows = max(0, int(rows))
    except (TypeError, ValueError):
        rows = 0
    return max(1, math.ceil(rows / ROWS_PER_PAGE[annex]))


@register.filter
def pdf_size(rows, annex: str) -> str:
    """`{{ count|pdf_size:"bijlage1" }}` -> "PDF, ± 5 pagina's" (one page: "PDF, 1 pagina")."""
    pages = estimated_pages(rows, annex)
    return ngettext("PDF, %(pages)s page", "PDF, ± %(pages)s pages", pages) % {"pages": pages}
