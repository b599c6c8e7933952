"""The evaluation annex: per pillar one block per activity, as chapter 3 of the evaluation."""

import datetime

from agenda.models import Agenda
from common.pdf import render_pdf

from .summary import evaluation_groups


def render_evaluation_pdf(*, agenda: Agenda, as_of: datetime.date | None = None) -> bytes:
    groups, counts, total = evaluation_groups(agenda)
    return render_pdf(
        "pdf/evaluation_annex.html",
        {"agenda": agenda, "groups": groups, "counts": counts, "total": total},
        title=f"Evaluatie {agenda.title}",
        as_of=as_of,
    )
