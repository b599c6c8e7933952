"""Bijlage 1, the regional doe-agenda, as an archivable PDF.

`render_bijlage1_pdf` prints the whole agenda, a selection of its actions (the rows of a
filtered action table) or the agenda as it stood at the end of a past day (from the change
history). The layout follows the council annex: A4 landscape; columns #, Thema's per pijler,
Voor wie, (Sub)regionaal, Actie, Status, Trekker(s), Financiering; a full-width band per pillar;
a theme's number, name and target group spanning its rows.

WeasyPrint does not repeat a row-spanning cell on the next page. So the table is laid out once
with each theme spanning all its rows and every row carrying a label of its theme, positioned
over the theme columns outside the flow (it moves nothing). Once the pages are known, the label
stays only on a row that continues its theme at the top of a page, as "(vervolg)", in the fullest
form that fits there. Only if even the one-line form does not fit (a row without any text) is the
table laid out again with the theme's span split at the page breaks.

Every row stays whole on one page, and a pillar's band stays with the row after it. That row alone
may break across pages when it is taller than a page holds below the band, which a small layout
of those rows measures first: a row that may break neither before nor inside and fits on no page
cannot be placed at all.

One layout of a large agenda takes a lot of memory (some 2.8 GB at 10,000 actions). An agenda of
more than `ANNEX_CHUNK_ACTIONS` actions is therefore laid out in parts (`split_in_parts`: cut
where a pillar or theme ends when possible, otherwise between two rows), each part written to
PDF and its layout released, and the parts merged with pypdf (`common.pdf.merge_parts`), which
numbers the pages over the whole document. Each part starts on a new page; a theme continued
from the part before is marked "(vervolg)" as on any page it continues on, and a continued
pillar gets no new band. The merged file is PDF/A-2 level B and not tagged; a single layout is
PDF/A-2 level A (tagged).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration

from common.pdf import dutch_date, layout_pdf, merge_parts, render_pdf_html, write_document
from governance.models import Organisation

from .models import Action, Agenda, Pillar, Scope, Status, Theme, outside_top_levels

TEMPLATE = "pdf/bijlage1.html"
MAX_PASSES = 4
LABEL_CLASS = "theme-continued"
ADOPTED_STATES = (Agenda.State.ADOPTED, Agenda.State.CLOSED)


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
    added_later: bool = False
    number: str = ""


@dataclass
class Segment:
    """The rows of a theme on one page; `continued` when the theme began on an earlier page."""

    rows: list[Row]
    continued: bool = False
    index: int = 0


@dataclass
class ThemePart:
    """A theme and its rows; or, with `number` None, the lines of a pillar (or of the agenda)
    that have no theme. `key` tells the parts apart in the laid-out table."""

    number: int | None
    name: str
    target_group: str
    rows: list[Row]
    segments: list[Segment] = field(default_factory=list)
    key: int = 0
    # The theme began in an earlier part of a document laid out in parts (`layout_in_parts`).
    continues: bool = False

    def __post_init__(self):
        if not self.key and self.number is not None:
            self.key = self.number

    # Whether the first row may break across pages when the theme opens a pillar: only when it
    # is too tall to stand whole below the heading (`keep_rows_whole_that_fit` measures it).
    first_row_may_break: bool = True

    def split_at(self, starts: Iterable[int]) -> None:
        """Cut the theme's rows into segments beginning at the given row indices."""
        cuts = sorted({i for i in starts if 0 < i < len(self.rows)})
        bounds = [0, *cuts, len(self.rows)]
        self.segments = [
            Segment(rows=self.rows[a:b], continued=n > 0 or self.continues, index=a)
            for n, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False))
        ]
        if not self.rows:
            self.segments = [Segment(rows=[], continued=self.continues, index=0)]


@dataclass
class PillarPart:
    """A pillar and its themes; with `order` None, the lines under no pillar."""

    order: int | None
    name: str
    themes: list[ThemePart]
    # The pillar began in an earlier part of a document laid out in parts: no heading band,
    # as on a page that continues a pillar.
    continues: bool = False


# Keys of the parts without a theme (themes are keyed by their positive number).
OUTSIDE_PILLARS_KEY = -40000


def _themeless_key(pillar_order: int | None) -> int:
    return OUTSIDE_PILLARS_KEY if pillar_order is None else -1 - pillar_order


def _place(theme_id, pillar_id) -> tuple:
    """Where a row goes: its theme, else its pillar's lines without a theme, else the agenda's
    lines under no pillar."""
    return ("theme", theme_id) if theme_id else ("pillar", pillar_id)


@dataclass
class AgendaState:
    """What Bijlage 1 prints: the agenda's heading and its pillars, themes and rows."""

    title: str
    owner: str
    owner_is_region: bool
    period: str
    top_level_label: str
    pillars: list[PillarPart]
    is_concept: bool = False
    adopted_on: datetime.date | None = None
    is_published_not_adopted: bool = False
    no_actions_note: str = ""

    @property
    def action_count(self) -> int:
        return sum(len(t.rows) for p in self.pillars for t in p.themes)

    @property
    def has_added_later(self) -> bool:
        return any(r.added_later for p in self.pillars for t in p.themes for r in t.rows)


def _leads_text(lead_text: str, organisations: Iterable[Organisation]) -> str:
    if lead_text:
        return lead_text
    return ", ".join(o.abbreviation or o.name for o in organisations)


def _without_theme(rows: list[Row], pillar_order: int | None) -> list[ThemePart]:
    if not rows:
        return []
    with override("nl"):
        name = _("no theme")
    part = ThemePart(
        number=None,
        name=name,
        target_group="",
        rows=rows,
        key=_themeless_key(pillar_order),
    )
    part.split_at([])
    return [part]


def _assemble(agenda_like, pillars, themes, rows_by_place, *, keep_empty_themes) -> AgendaState:
    """The pillars in order, each with its themes and then its lines without a theme; the
    lines under no pillar last, headed in the agenda's own words."""
    themes_by_pillar: dict[int, list[ThemePart]] = {}
    for theme in sorted(themes, key=lambda t: t.number):
        rows = rows_by_place.get(("theme", theme.pk), [])
        if not rows and not keep_empty_themes:
            continue
        part = ThemePart(
            number=theme.number, name=theme.name, target_group=theme.target_group, rows=rows
        )
        part.split_at([])
        themes_by_pillar.setdefault(theme.pillar_id, []).append(part)
    pillar_parts = []
    for p in sorted(pillars, key=lambda p: p.order):
        parts = themes_by_pillar.get(p.pk, []) + _without_theme(
            rows_by_place.get(("pillar", p.pk), []), p.order
        )
        if parts:
            pillar_parts.append(PillarPart(order=p.order, name=p.name, themes=parts))
    outside = _without_theme(rows_by_place.get(("pillar", None), []), None)
    if outside:
        with override("nl"):
            name = str(outside_top_levels(agenda_like.top_level_label))
        pillar_parts.append(PillarPart(order=None, name=name, themes=outside))
    return AgendaState(
        title=agenda_like.title,
        owner=agenda_like.owner_name,
        owner_is_region=bool(agenda_like.region_id),
        period=agenda_like.period,
        top_level_label=agenda_like.top_level_label,
        pillars=pillar_parts,
        is_concept=agenda_like.state == Agenda.State.CONCEPT,
        adopted_on=agenda_like.adopted_on if agenda_like.state in ADOPTED_STATES else None,
        no_actions_note=getattr(agenda_like, "no_actions_note", ""),
        is_published_not_adopted=(
            agenda_like.state != Agenda.State.CONCEPT
            and not (agenda_like.adopted_on and agenda_like.state in ADOPTED_STATES)
        ),
    )


def current_state(agenda: Agenda, actions=None) -> AgendaState:
    """The agenda as it is now; only `actions` (a queryset of its actions) when given."""
    selected = actions is not None
    if selected:
        # By primary key, so that a selection joined over several leads lists each action once.
        actions = Action.objects.filter(pk__in=actions.values("pk"))
    else:
        actions = Action.objects.all()
    actions = (
        actions.filter(agenda=agenda)
        .select_related("scope", "status")
        .prefetch_related("leads")
        .order_by("theme__number", "order", "pk")
    )
    rows_by_place: dict[tuple, list[Row]] = {}
    for action in actions:
        rows_by_place.setdefault(_place(action.theme_id, action.pillar_id), []).append(
            Row(
                pk=action.pk,
                text=action.text,
                scope=action.scope.name if action.scope else "",
                status=action.status.name if action.status else "",
                leads=_leads_text(action.lead_text, action.leads.all()),
                financing=action.financing_text,
                added_later=action.added_later,
                number=action.number,
            )
        )
    return _assemble(
        agenda,
        agenda.pillars.all(),
        Theme.objects.filter(agenda=agenda),
        rows_by_place,
        keep_empty_themes=not selected,
    )


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last moment of `day` in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def _lead_history_model():
    """The model of the recorded lead organisations of each saved version of an action."""
    for relation in Action.history.model._meta.related_objects:
        fields = {f.name for f in relation.related_model._meta.get_fields()}
        if {"history", "organisation"} <= fields:
            return relation.related_model
    raise LookupError("the history of actions does not record their leads")


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
        if r.history_type != "-"
        and (r.theme_id in theme_ids or (r.theme_id is None and r.agenda_id == agenda.pk))
    ]
    pillar_ids = {p.pk for p in pillars}
    if action_ids is not None:
        wanted = set(action_ids)
        records = [r for r in records if r.id in wanted]
    # Vocabularies and organisations carry no dates of their own: print their current names.
    statuses = {s.pk: s.name for s in Status.objects.all()}
    scopes = {s.pk: s.name for s in Scope.objects.all()}
    organisations = {o.pk: o for o in Organisation.objects.all()}
    lead_model = _lead_history_model()
    leads_by_record: dict[int, list[Organisation]] = {}
    for link in lead_model.objects.filter(history__in=[r.history_id for r in records]):
        org = organisations.get(link.organisation_id)
        if org is not None:
            leads_by_record.setdefault(link.history_id, []).append(org)
    rows_by_place: dict[tuple, list[Row]] = {}
    for record in sorted(records, key=lambda r: (r.order, r.id)):
        pillar_id = record.pillar_id if record.pillar_id in pillar_ids else None
        place = _place(record.theme_id, pillar_id)
        rows_by_place.setdefault(place, []).append(
            Row(
                pk=record.id,
                text=record.text,
                scope=scopes.get(record.scope_id, ""),
                status=statuses.get(record.status_id, ""),
                leads=_leads_text(record.lead_text, leads_by_record.get(record.history_id, [])),
                financing=record.financing_text,
                added_later=getattr(record, "added_later", False),
                number=getattr(record, "number", ""),
            )
        )
    return _assemble(
        old_agenda, pillars, themes, rows_by_place, keep_empty_themes=action_ids is None
    )


@dataclass
class RowFragment:
    """An action row (theme number, row index) as laid out on a page."""

    theme: int
    index: int
    page: int
    box: boxes.TableRowBox

    @property
    def bottom(self) -> float:
        return self.box.position_y + self.box.margin_height()


LABEL_PART_CLASSES = frozenset({LABEL_CLASS, "tc-nr", "tc-name", "tc-who", "tc-line"})


def _row_fragments(document) -> tuple[list[RowFragment], list[tuple]]:
    """Every laid-out action row, in page order (a row split over two pages appears twice),
    and (parent, box) of each piece of a label that WeasyPrint carried over to the next page
    because its row sat at the bottom of a page."""
    fragments = []
    strays = []
    for page_number, page in enumerate(document.pages):
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            if isinstance(box, boxes.TableRowBox):
                element = box.element
                if element is not None and element.get("data-theme") is not None:
                    theme, index = int(element.get("data-theme")), int(element.get("data-row"))
                    fragments.append(RowFragment(theme, index, page_number, box))
                continue
            if isinstance(box, boxes.ParentBox):
                for child in box.children:
                    element = getattr(child, "element", None)
                    classes = (
                        set((element.get("class") or "").split()) if element is not None else ()
                    )
                    if LABEL_PART_CLASSES.intersection(classes):
                        strays.append((box, child))
                stack.extend(reversed(box.children))
    return fragments, strays


def _page_starts(fragments: list[RowFragment]) -> dict[int, list[int]]:
    """Per theme, the indices of the rows that begin a new page within the theme."""
    first_page: dict[tuple[int, int], int] = {}
    for fragment in fragments:
        first_page.setdefault((fragment.theme, fragment.index), fragment.page)
    starts: dict[int, list[int]] = {}
    previous: dict[int, int] = {}
    for (theme, index), page in sorted(first_page.items()):
        if theme in previous and previous[theme] != page:
            starts.setdefault(theme, []).append(index)
        previous[theme] = page
    return starts


def _with_class(box, class_name: str):
    """(parent, child) for each box inside `box` made from an element of that class."""
    found = []
    stack = [box]
    while stack:
        parent = stack.pop()
        for child in getattr(parent, "children", ()):
            element = getattr(child, "element", None)
            if element is not None and class_name in (element.get("class") or "").split():
                found.append((parent, child))
            elif isinstance(child, boxes.ParentBox):
                stack.append(child)
    return found


def _remove(parent, child) -> None:
    parent.children = [c for c in parent.children if c is not child]


# The parts of a continuation label, from the fullest to the most compact: the theme's number,
# name and target group; its number and name; its number and the name on one line.
LABEL_VARIANTS = (("tc-nr", "tc-name", "tc-who"), ("tc-nr", "tc-name"), ("tc-nr", "tc-line"))


def _fit_label(label, room: float) -> bool:
    """Keep the fullest variant of the label that fits in `room` points; False if none does."""
    parts = {}
    for name in ("tc-nr", "tc-name", "tc-who", "tc-line"):
        found = _with_class(label, name)
        if found:
            parts[name] = found[0]
    for variant in LABEL_VARIANTS:
        if not all(name in parts for name in variant):
            continue
        height = max(parts[name][1].margin_height() for name in variant)
        if height <= room:
            for name, (parent, child) in parts.items():
                if name not in variant:
                    _remove(parent, child)
            return True
    return False


def _keep_labels(fragments: list[RowFragment], starts: dict[int, list[int]]) -> bool:
    """Keep the continuation label of each row that continues a theme at the top of a page,
    drop every other label. False when a label does not fit, even compactly, in the part of
    its theme on that page."""
    wanted = {(theme, index) for theme, indices in starts.items() for index in indices}
    bottoms: dict[tuple[int, int], float] = {}
    for fragment in fragments:
        key = (fragment.theme, fragment.page)
        bottoms[key] = max(bottoms.get(key, 0), fragment.bottom)
    seen: set[tuple[int, int]] = set()
    fits = True
    for fragment in fragments:
        key = (fragment.theme, fragment.index)
        keep = key in wanted and key not in seen
        seen.add(key)
        for parent, label in _with_class(fragment.box, LABEL_CLASS):
            if keep:
                room = bottoms[(fragment.theme, fragment.page)] - label.position_y + 0.5
                fits = _fit_label(label, room) and fits
            else:
                _remove(parent, label)
    return fits


OPENING_CLASS = "opens-pillar"
PILLAR_CLASS = "pillar"


def _classes(box) -> set[str]:
    element = getattr(box, "element", None)
    return set((element.get("class") or "").split()) if element is not None else set()


def _cell_needs(row_boxes: list) -> float:
    """The height a row needs to stand whole on one page: its tallest cell's content, summed
    over the pages the row is on, with the cell's padding and borders (cells spanning several
    rows included, since they start in this row)."""
    content: dict = {}
    decoration: dict = {}
    for row in row_boxes:
        for cell in row.children:
            key = id(cell.element)
            content[key] = content.get(key, 0) + cell.height
            decoration.setdefault(key, 2 * (cell.padding_top + cell.border_top_width))
    return max((content[key] + decoration[key] for key in content), default=0)


def _rows_too_tall_to_stay_whole(document) -> set[int]:
    """The themes opening a pillar whose first row, laid out free to break, is taller than a
    page holds below the table header and a pillar heading."""
    rows: dict[int, list] = {}
    first_row: dict[int, int] = {}
    page_height = header = heading = 0.0
    for page in document.pages:
        page_height = max(page_height, page._page_box.height)
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            if not isinstance(box, boxes.TableRowGroupBox):
                if isinstance(box, boxes.ParentBox):
                    stack.extend(box.children)
                continue
            classes = _classes(box)
            if box.is_header:
                header = max(header, box.height)
            elif PILLAR_CLASS in classes:
                heading = max(heading, box.height)
            elif OPENING_CLASS in classes and box.children:
                theme = int(box.element.get("data-theme"))
                first = first_row.setdefault(theme, id(box.children[0].element))
                rows.setdefault(theme, []).extend(
                    row for row in box.children if id(row.element) == first
                )
    room = page_height - header - heading
    return {theme for theme, row_boxes in rows.items() if _cell_needs(row_boxes) >= room}


def _opening_rows(state: AgendaState) -> AgendaState:
    """`state` with only the first row of the first theme of each pillar, each free to break."""
    pillars = []
    for pillar in state.pillars:
        if not pillar.themes:
            continue
        first = pillar.themes[0]
        theme = ThemePart(
            key=first.key,
            number=first.number,
            name=first.name,
            target_group=first.target_group,
            rows=first.rows[:1],
            first_row_may_break=True,
        )
        theme.split_at([])
        pillars.append(PillarPart(order=pillar.order, name=pillar.name, themes=[theme]))
    return replace(state, pillars=pillars)


def document_title(state: AgendaState, selection_description: str | None = None) -> str:
    """ "Bijlage 1: regionale doe-agenda – <agenda> (selectie: <filter>)" in the active language."""
    title = f"{_('Annex 1: regional action agenda')} – {state.title}"
    if state.is_concept:
        title = f"{_('DRAFT')} – {title}"
    if selection_description:
        title += " (" + _("selection: %(filter)s") % {"filter": selection_description} + ")"
    return title


def render_bijlage1_html(
    state: AgendaState,
    *,
    as_of: datetime.date | None = None,
    selection_description: str | None = None,
    historical: bool = False,
    continuation_labels: bool = False,
    part: Part | None = None,
) -> str:
    """The HTML of Bijlage 1 of `state`; of one part of it when `part` is given (the heading on
    the first part only, no page numbers: `merge_parts` adds them)."""
    whole = part.whole if part else state
    with override("nl"):
        title = document_title(whole, selection_description)
        return render_pdf_html(
            TEMPLATE,
            {
                "state": state,
                "whole": whole,
                "heading": part is None or part.first,
                "selection_description": selection_description,
                "historical": historical,
                "continuation_labels": continuation_labels,
                "adopted_on": dutch_date(whole.adopted_on) if whole.adopted_on else "",
            },
            title=title,
            as_of=as_of,
            page_numbers=part is None,
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
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """Lay the state out until the themes' page breaks settle, then write the PDF.

    An agenda of more than `ANNEX_CHUNK_ACTIONS` actions is laid out in parts
    (`layout_in_parts`), which keeps the memory a layout takes bounded. `progress(done, total)`
    is told after each part.
    """
    options = {
        "as_of": as_of,
        "selection_description": selection_description,
        "historical": historical,
    }
    if state.action_count > settings.ANNEX_CHUNK_ACTIONS:
        return layout_in_parts(state, settings.ANNEX_CHUNK_ACTIONS, options, progress=progress)
    document, _html, _passes = settle_layout(state, **options)
    return write_document(document)


@dataclass
class Part:
    """One part of Bijlage 1 laid out in parts: `whole` is the state of the complete annex."""

    whole: AgendaState
    first: bool


def split_in_parts(state: AgendaState, size: int) -> list[AgendaState]:
    """`state` cut into parts of at most `size` rows (a theme without rows counts as one).

    A part ends where a pillar or a theme ends when it is at least half full; otherwise a theme
    is cut between two rows and the next part continues it, marked as continued like a theme
    continuing on a new page. A pillar continued in the next part gets no new heading band.
    """
    size = max(size, 1)
    parts: list[list[PillarPart]] = []
    current: list[PillarPart] = []
    count = 0
    seen_pillars: set[int] = set()

    def close():
        nonlocal current, count
        if current:
            parts.append(current)
        current, count = [], 0

    def place(index: int, pillar: PillarPart, theme: ThemePart, start: int, end: int):
        if not current or current[-1].order != pillar.order or index not in seen_pillars:
            current.append(
                PillarPart(
                    order=pillar.order,
                    name=pillar.name,
                    themes=[],
                    continues=index in seen_pillars,
                )
            )
            seen_pillars.add(index)
        piece = ThemePart(
            number=theme.number,
            name=theme.name,
            target_group=theme.target_group,
            rows=theme.rows[start:end],
            key=theme.key,
            continues=start > 0,
        )
        piece.split_at([])
        current[-1].themes.append(piece)

    for index, pillar in enumerate(state.pillars):
        pillar_rows = sum(max(1, len(t.rows)) for t in pillar.themes)
        if count >= size / 2 and count + pillar_rows > size:
            close()
        for theme in pillar.themes:
            start = 0
            while True:
                need = max(1, len(theme.rows) - start)
                if count + need <= size:
                    place(index, pillar, theme, start, len(theme.rows))
                    count += need
                    break
                if count >= size / 2:
                    close()
                    continue
                end = start + size - count
                place(index, pillar, theme, start, end)
                close()
                start = end
    close()
    return [replace(state, pillars=pillars) for pillars in parts]


def layout_in_parts(
    state: AgendaState,
    size: int,
    options: dict,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """Bijlage 1 laid out part by part (`split_in_parts`) and merged (`common.pdf.merge_parts`).

    `options`: the keyword arguments of `settle_layout` (date, selection, history).

    Only one part's layout is held at a time: each is written to PDF bytes and released. Every
    part starts on a new page; the first carries the heading, every page the title, "stand per"
    and "pagina X van Y" over the whole document. The result is PDF/A-2 level B, not tagged.
    """
    pieces = split_in_parts(state, size)
    written = []
    for number, piece in enumerate(pieces):
        document, _html, _passes = settle_layout(
            piece, part=Part(whole=state, first=number == 0), **options
        )
        written.append(write_document(document, tagged=False))
        del document
        if progress is not None:
            progress(number + 1, len(pieces))
    return merge_parts(written)


def keep_rows_whole_that_fit(
    state: AgendaState, *, font_config: FontConfiguration, as_of: datetime.date | None = None
) -> None:
    """Let the first row after a pillar heading break across pages only when it must.

    That row stays with the heading and, like every row, whole on one page. But a row that may
    break neither before nor inside and is taller than a page holds below the heading cannot be
    placed at all (WeasyPrint gives up). Those rows are measured in a small layout of their own,
    where they are free to break; the ones that fit stay whole.
    """
    if not state.pillars:
        return
    html = render_bijlage1_html(_opening_rows(state), as_of=as_of)
    too_tall = _rows_too_tall_to_stay_whole(layout_pdf(html, font_config=font_config))
    for pillar in state.pillars:
        for theme in pillar.themes:
            theme.first_row_may_break = theme.key in too_tall


def settle_layout(
    state: AgendaState,
    *,
    as_of: datetime.date | None = None,
    selection_description: str | None = None,
    historical: bool = False,
    part: Part | None = None,
):
    """(laid-out document, its HTML, number of layout passes) with every continued theme marked.

    `part`: `state` is one part of a document laid out in parts (see `render_bijlage1_html`).

    The first pass lays the table out with each theme spanning all its rows, and gives every row
    a continuation label positioned over the theme columns, outside the flow (it moves nothing).
    Labels are then dropped except on the rows that continue a theme at the top of a page. Only
    when such a part is too short for its label is the table laid out again with the theme's
    span split at the page breaks (the label then becomes a real, row-spanning cell).

    Before that, `keep_rows_whole_that_fit` decides which rows after a pillar heading must stay
    whole (see there).
    """
    font_config = FontConfiguration()
    passes = 0

    def lay_out(starts, labels):
        for pillar in state.pillars:
            for theme in pillar.themes:
                theme.split_at(starts.get(theme.key, []))
        html = render_bijlage1_html(
            state,
            as_of=as_of,
            selection_description=selection_description,
            historical=historical,
            continuation_labels=labels,
            part=part,
        )
        return html, layout_pdf(html, font_config=font_config, tagged=part is None)

    keep_rows_whole_that_fit(state, font_config=font_config, as_of=as_of)
    html, document = lay_out({}, labels=True)
    passes += 1
    fragments, strays = _row_fragments(document)
    for parent, stray in strays:
        _remove(parent, stray)
    starts = _page_starts(fragments)
    if _keep_labels(fragments, starts):
        return document, html, passes
    while passes < MAX_PASSES:
        html, document = lay_out(starts, labels=False)
        passes += 1
        found = _page_starts(_row_fragments(document)[0])
        if found == starts:
            break
        starts = found
    return document, html, passes
