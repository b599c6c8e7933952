"""Bijlage 2: the current composition of the regional structure of bodies (overlegstructuur).

The public PDF shows what the public may see: names of office-holders and representatives, and
"naam afgeschermd" with the organisation for everyone else. Logged-in users get every name (and
the PDF says it is not for publication).
"""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import override

from agenda.models import Agenda
from common.pdf import render_pdf

from .models import Body, ConsultationInput, DecisionStep
from .services import bodies_overview


def render_bijlage2_pdf(
    *, agenda: Agenda, show_private: bool, as_of: datetime.date | None = None
) -> bytes:
    """The bodies listed for `agenda`, by level, with a column per pillar of the agenda."""
    pillars = list(agenda.pillars.order_by("order"))
    bodies = Body.objects.filter(agendas=agenda)
    with override("nl"):
        groups = bodies_overview(
            bodies=bodies, pillars=pillars, show_private=show_private, on=as_of
        )
        title = _("Annex 2: current composition of the regional structure of bodies")
        return render_pdf(
            "pdf/bijlage2.html",
            {
                "agenda": agenda,
                "pillars": pillars,
                "groups": groups,
                "show_private": show_private,
            },
            title=title,
            as_of=as_of,
        )


def render_behandeling_pdf(*, agenda: Agenda, as_of: datetime.date | None = None) -> bytes:
    """ "Behandeling en inbreng": the decision route of `agenda` (dates as the source writes
    them) and the consultation matrix, the partners' numbered points with their responses."""
    steps = list(DecisionStep.objects.filter(agenda=agenda).select_related("body"))
    inputs = list(ConsultationInput.objects.filter(agenda=agenda).select_related("partner"))
    with override("nl"):
        title = _("Treatment and input: %(title)s") % {"title": agenda.title}
        return render_pdf(
            "pdf/behandeling.html",
            {"agenda": agenda, "steps": steps, "inputs": inputs},
            title=title,
            as_of=as_of,
        )
