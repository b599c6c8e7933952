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

from .models import Body
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
