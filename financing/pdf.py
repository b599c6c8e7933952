"""The funding annex: chapter 5 of an agenda (its streams per year), its budget and use."""

import datetime

from django.utils.translation import gettext as _

from agenda.models import Agenda
from common.pdf import render_pdf

from . import selectors


def render_funding_pdf(*, agenda: Agenda, as_of: datetime.date | None = None) -> bytes:
    """The funding annex of `agenda` as PDF/A bytes, in the layout of chapter 5."""
    table = selectors.streams_table(agenda)
    context = {
        "agenda": agenda,
        "table": table,
        "budget": selectors.budget_table(agenda),
        "use_rows": selectors.allocation_use(agenda),
        "distributions": selectors.agenda_distributions(agenda),
    }
    title = _("Funding annex %(title)s") % {"title": agenda.title}
    return render_pdf("pdf/funding_annex.html", context, title=title, as_of=as_of)
