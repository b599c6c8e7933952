"""Bijlage 1, the regional doe-agenda, as an archivable PDF.

`render_bijlage1_pdf` prints the whole agenda, a selection of its actions (the rows of a
filtered action table) or the agenda as it stood at the end of a past day (from the change
history). The layout follows the council annex: A4 landscape; columns #, Thema's per pijler,
Voor wie, (Sub)regionaal, Actie, Status, Trekker(s), Financiering; a full-width band per pillar;
a theme's number, name and target group spanning its rows.

WeasyPrint does not repeat a row-spanning cell on the next page, so the layout is settled in
passes: the first lays the table out with each theme spanning all its rows; every later pass
splits a theme's span at the page breaks the previous one found, and the part on a new page
repeats the theme marked "(vervolg)". It stops when the page breaks no longer move (usually
after the second pass).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration

from common.pdf import layout_pdf, render_pdf_html, write_document
from governance.models import Organisation

from .models import Action, Agenda, Pillar, Scope, Status, Theme

TEMPLATE = "pdf/bijlage1.html"
MAX_PASSES = 4


class AgendaNotYetThere(ValueError):
    """The agenda had not been created yet on the requested date."""


@dataclass
class Row:
    pk: int
    text: str
    scope: str
    status: str
    leads: str
    financing: str


@dataclass
class Segment:
    """The rows of a theme on one page; `continued` when the theme began on an earlier page."""

    rows: list[Row]
    continued: bool = False
    index: int = 0


@dataclass
class ThemePart:
    number: int
    name: str
    target_group: str
    rows: list[Row]
    segments: list[Segment] = field(default_factory=list)

    def split_at(self, starts: Iterable[int]) -> None:
        """Cut the theme's rows into segments beginning at the given row indices."""
        cuts = sorted({i for i in starts if 0 < i < len(self.rows)})
        bounds = [0, *cuts, len(self.rows)]
        self.segments = [
            Segment(rows=self.rows[a:b], continued=n > 0, index=a)
            for n, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False))
        ]
        if not self.rows:
            self.segments = [Segment(rows=[], continued=False, index=0)]


@dataclass
class PillarPart:
    order: int
    name: str
    themes: list[ThemePart]


@dataclass
class AgendaState:
    """What Bijlage 1 prints: the agenda's heading and its pillars, themes and rows."""

    title: str
    owner: str
    owner_is_region: bool
    period: str
    top_level_label: str
    pillars: list[PillarPart]

    @property
    def action_count(self) -> int:
        return sum(len(t.rows) for p in self.pillars for t in p.themes)


def _leads_text(lead_text: str, organisations: Iterable[Organisation]) -> str:
    if lead_text:
        return lead_text
    return ", ".join(o.abbreviation or o.name for o in organisations)


def _assemble(agenda_like, pillars, themes, rows_by_theme, *, keep_empty_themes) -> AgendaState:
    themes_by_pillar: dict[int, list[ThemePart]] = {}
    for theme in sorted(themes, key=lambda t: t.number):
        rows = rows_by_theme.get(theme.pk, [])
        if not rows and not keep_empty_themes:
            continue
        part = ThemePart(
            number=theme.number, name=theme.name, target_group=theme.target_group, rows=rows
        )
        part.split_at([])
        themes_by_pillar.setdefault(theme.pillar_id, []).append(part)
    pillar_parts = [
        PillarPart(order=p.order, name=p.name, themes=themes_by_pillar[p.pk])
        for p in sorted(pillars, key=lambda p: p.order)
        if themes_by_pillar.get(p.pk)
    ]
    return AgendaState(
        title=agenda_like.title,
        owner=agenda_like.owner_name,
        owner_is_region=bool(agenda_like.region_id),
        period=agenda_like.period,
        top_level_label=agenda_like.top_level_label,
        pillars=pillar_parts,
    )


def current_state(agenda: Agenda, actions=None) -> AgendaState:
    """The agenda as it is now; only `actions` (a queryset of its actions) when given."""
    selected = actions is not None
    if actions is None:
        actions = Action.objects.in_agenda(agenda)
    actions = (
        actions.filter(theme__agenda=agenda)
        .select_related("scope", "status")
        .prefetch_related("leads")
        .order_by("theme__number", "order", "pk")
    )
    rows_by_theme: dict[int, list[Row]] = {}
    for action in actions:
        rows_by_theme.setdefault(action.theme_id, []).append(
            Row(
                pk=action.pk,
                text=action.text,
                scope=action.scope.name if action.scope else "",
                status=action.status.name if action.status else "",
                leads=_leads_text(action.lead_text, action.leads.all()),
                financing=action.financing_text,
            )
        )
    return _assemble(
        agenda,
        agenda.pillars.all(),
        Theme.objects.filter(agenda=agenda),
        rows_by_theme,
        keep_empty_themes=not selected,
    )


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last moment of `day` in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def state_as_of(agenda: Agenda, moment: datetime.datetime, action_ids=None) -> AgendaState:
    """The agenda as it stood at `moment`, rebuilt from the change history."""
    try:
        old_agenda = agenda.history.as_of(moment)
    except Agenda.DoesNotExist as exc:
        raise AgendaNotYetThere(str(exc)) from exc
    pillars = [p for p in Pillar.history.as_of(moment) if p.agenda_id == agenda.pk]
    themes = [t for t in Theme.history.as_of(moment) if t.agenda_id == agenda.pk]
    theme_ids = {t.pk for t in themes}
    records = [
        r
        for r in Action.history.filter(history_date__lte=moment).latest_of_each()
        if r.history_type != "-" and r.theme_id in theme_ids
    ]
    if action_ids is not None:
        wanted = set(action_ids)
        records = [r for r in records if r.id in wanted]
    # Vocabularies and organisations carry no dates of their own: print their current names.
    statuses = {s.pk: s.name for s in Status.objects.all()}
    scopes = {s.pk: s.name for s in Scope.objects.all()}
    organisations = {o.pk: o for o in Organisation.objects.all()}
    lead_model = Action.history.model.leads.rel.related_model
    leads_by_record: dict[int, list[Organisation]] = {}
    for link in lead_model.objects.filter(history__in=[r.history_id for r in records]):
        org = organisations.get(link.organisation_id)
        if org is not None:
            leads_by_record.setdefault(link.history_id, []).append(org)
    rows_by_theme: dict[int, list[Row]] = {}
    for record in sorted(records, key=lambda r: (r.order, r.id)):
        rows_by_theme.setdefault(record.theme_id, []).append(
            Row(
                pk=record.id,
                text=record.text,
                scope=scopes.get(record.scope_id, ""),
                status=statuses.get(record.status_id, ""),
                leads=_leads_text(record.lead_text, leads_by_record.get(record.history_id, [])),
                financing=record.financing_text,
            )
        )
    return _assemble(
        old_agenda, pillars, themes, rows_by_theme, keep_empty_themes=action_ids is None
    )


def _row_pages(document) -> dict[tuple[int, int], int]:
    """The page on which each action row (theme number, row index) begins."""
    pages: dict[tuple[int, int], int] = {}
    for page_number, page in enumerate(document.pages):
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            if isinstance(box, boxes.TableRowBox):
                element = box.element
                if element is not None and element.get("data-theme") is not None:
                    key = (int(element.get("data-theme")), int(element.get("data-row")))
                    pages.setdefault(key, page_number)
                continue
            if isinstance(box, boxes.ParentBox):
                stack.extend(reversed(box.children))
    return pages


def _page_starts(state: AgendaState, document) -> dict[int, list[int]]:
    """Per theme, the indices of the rows that begin a new page within the theme."""
    pages = _row_pages(document)
    starts: dict[int, list[int]] = {}
    for pillar in state.pillars:
        for theme in pillar.themes:
            previous = None
            for index in range(len(theme.rows)):
                page = pages.get((theme.number, index))
                if previous is not None and page is not None and page != previous:
                    starts.setdefault(theme.number, []).append(index)
                if page is not None:
                    previous = page
    return starts


def document_title(state: AgendaState, selection_description: str | None = None) -> str:
    """ "Bijlage 1: regionale doe-agenda – <agenda> (selectie: <filter>)" in the active language."""
    title = f"{_('Annex 1: regional action agenda')} – {state.title}"
    if selection_description:
        title += " (" + _("selection: %(filter)s") % {"filter": selection_description} + ")"
    return title


def render_bijlage1_html(
    state: AgendaState,
    *,
    as_of: datetime.date | None = None,
    selection_description: str | None = None,
    historical: bool = False,
) -> str:
    with override("nl"):
        title = document_title(state, selection_description)
        return render_pdf_html(
            TEMPLATE,
            {
                "state": state,
                "selection_description": selection_description,
                "historical": historical,
            },
            title=title,
            as_of=as_of,
        )


def render_bijlage1_pdf(
    *,
    agenda: Agenda,
    actions=None,
    as_of: datetime.date | None = None,
    selection_description: str | None = None,
) -> bytes:
    """Bijlage 1 of `agenda` as PDF/A bytes.

    `actions`: only these actions (a queryset of the agenda's actions, e.g. a filtered table),
    described in the title by `selection_description`. `as_of`: a past date; the agenda is
    rebuilt from its history as it stood at the end of that day and the footer says "stand per"
    that date. Raises `AgendaNotYetThere` when the agenda did not exist on that date.
    """
    today = timezone.localdate()
    historical = as_of is not None and as_of < today
    if historical:
        action_ids = None
        if actions is not None:
            action_ids = list(actions.values_list("pk", flat=True))
        state = state_as_of(agenda, end_of_day(as_of), action_ids=action_ids)
    else:
        as_of = today
        state = current_state(agenda, actions)
    return layout_bijlage1(
        state, as_of=as_of, selection_description=selection_description, historical=historical
    )


def layout_bijlage1(
    state: AgendaState,
    *,
    as_of: datetime.date | None = None,
    selection_description: str | None = None,
    historical: bool = False,
) -> bytes:
    """Lay the state out until the themes' page breaks settle, then write the PDF."""
    document, _html, _passes = settle_layout(
        state, as_of=as_of, selection_description=selection_description, historical=historical
    )
    return write_document(document)


def settle_layout(
    state: AgendaState,
    *,
    as_of: datetime.date | None = None,
    selection_description: str | None = None,
    historical: bool = False,
):
    """(laid-out document, its HTML, number of layout passes) once the page breaks settle."""
    font_config = FontConfiguration()
    starts: dict[int, list[int]] = {}
    passes = 0
    while True:
        passes += 1
        for pillar in state.pillars:
            for theme in pillar.themes:
                theme.split_at(starts.get(theme.number, []))
        html = render_bijlage1_html(
            state,
            as_of=as_of,
            selection_description=selection_description,
            historical=historical,
        )
        document = layout_pdf(html, font_config=font_config)
        found = _page_starts(state, document)
        if found == starts or passes == MAX_PASSES:
            return document, html, passes
        starts = found
