"""Reads for the financing pages and the funding annex: the tables, their totals and warnings.

Every figure is a Decimal; unknown amounts stay out of totals and are flagged instead.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Sum
from django.utils.translation import gettext as _

from accounts.access import is_coordinator_for
from agenda.models import Action, Agenda

from .models import ZERO, Allocation, Distribution, DistributionPart, FundingStream, YearAmount

# Rows of the budget table per page.
BUDGET_ROWS_PER_PAGE = 200

LEVEL_ORDER = [
    FundingStream.Level.REGIONAL,
    FundingStream.Level.NATIONAL,
    FundingStream.Level.LOCAL,
    FundingStream.Level.PRIVATE,
]


@dataclass
class Total:
    """A sum of known amounts, and whether some amounts in it are not yet known."""

    amount: Decimal = ZERO
    has_unknown: bool = False
    has_any: bool = False

    def add(self, year_amount: YearAmount | None) -> None:
        if year_amount is None:
            return
        if year_amount.amount is not None:
            self.amount += year_amount.amount
            self.has_any = True
        elif year_amount.kind == YearAmount.Kind.UNKNOWN:
            self.has_unknown = True


@dataclass
class StreamRow:
    stream: FundingStream
    cells: list  # YearAmount | None per year
    total: Total


@dataclass
class StreamGroup:
    heading: str
    level: str
    rows: list[StreamRow] = field(default_factory=list)
    totals: list[Total] = field(default_factory=list)
    total: Total = field(default_factory=Total)


@dataclass
class StreamsTable:
    years: list[int]
    groups: list[StreamGroup]
    totals: list[Total]
    total: Total


def streams_table(agenda: Agenda) -> StreamsTable:
    """The streams of the agenda's funding overview × its years, grouped as in chapter 5."""
    years = agenda.years
    streams = (
        FundingStream.objects.for_agenda(agenda)
        .select_related("financier")
        .prefetch_related(
            Prefetch("year_amounts", queryset=YearAmount.objects.filter(year__in=years))
        )
        .in_overview_order()
    )
    groups: dict[tuple[str, str], StreamGroup] = {}
    for stream in streams:
        key = (stream.level, stream.group_label)
        if key not in groups:
            groups[key] = StreamGroup(
                heading=stream.group_label or str(stream.get_level_display()).capitalize(),
                level=stream.level,
                totals=[Total() for _ in years],
            )
        by_year = {ya.year: ya for ya in stream.year_amounts.all()}
        cells = [by_year.get(y) for y in years]
        total = Total()
        for cell in cells:
            total.add(cell)
        group = groups[key]
        group.rows.append(StreamRow(stream=stream, cells=cells, total=total))
        for index, cell in enumerate(cells):
            group.totals[index].add(cell)
        _merge(group.total, total)
    totals = [Total() for _ in years]
    grand = Total()
    for group in groups.values():
        for index, t in enumerate(group.totals):
            _merge(totals[index], t)
        _merge(grand, group.total)
    return StreamsTable(years=years, groups=list(groups.values()), totals=totals, total=grand)


def _merge(into: Total, other: Total) -> None:
    into.amount += other.amount
    into.has_unknown = into.has_unknown or other.has_unknown
    into.has_any = into.has_any or other.has_any


@dataclass
class LevelYears:
    level: str
    label: str
    amounts: list[Total]


def funding_per_level(table: StreamsTable) -> list[LevelYears]:
    """Known funding per level and year (for the bar chart and its table)."""
    per_level: dict[str, list[Total]] = {}
    for group in table.groups:
        totals = per_level.setdefault(group.level, [Total() for _ in table.years])
        for index, t in enumerate(group.totals):
            _merge(totals[index], t)
    labels = dict(FundingStream.Level.choices)
    return [
        LevelYears(level=level, label=str(labels[level]).capitalize(), amounts=per_level[level])
        for level in LEVEL_ORDER
        if level in per_level
    ]


@dataclass
class BudgetRow:
    action: Action
    number: str
    amounts: list[Decimal | None]  # per year (and, when used, "no year" last)
    total: Decimal | None
    financiers: list[str]
    realised: Decimal | None
    realised_notes: list[str]
    realised_parts: list[tuple[str, Decimal]]  # (stream, amount) in stream order


@dataclass
class BudgetTable:
    years: list[int]
    has_undated: bool
    rows: list[BudgetRow]
    totals: list[Decimal | None]  # None where nothing is budgeted in that column
    total: Decimal | None
    realised_total: Decimal | None
    unbudgeted_count: int
    page: Page | None = None  # the page shown, when the rows are paged
    page_links: list = field(default_factory=list)  # page numbers to link to, with ellipses


def action_number(action: Action) -> str:
    """The measure's number as the plan writes it, else theme and place ("4.2")."""
    return action.place_number


def budget_table(agenda: Agenda, *, user=None, page=None) -> BudgetTable:
    """One row per action with its budget per year, total and financier, plus totals.

    The totals are summed in the database. With `page` (a page number, as asked) only that
    page of `BUDGET_ROWS_PER_PAGE` rows is made; without it every row (the funding annex).
    """
    years = agenda.years
    in_agenda = Action.objects.in_agenda(agenda)
    allocations = Allocation.objects.filter(action__in=in_agenda)
    per_year = dict(
        allocations.filter(budgeted__isnull=False)
        .values_list("year")
        .annotate(amount=Sum("budgeted"))
        .order_by()
    )
    has_undated = any(year is None or year not in years for year in per_year)
    width = len(years) + (1 if has_undated else 0)
    totals: list[Decimal | None] = [None] * width
    for year, amount in per_year.items():
        index = years.index(year) if year in years else width - 1
        totals[index] = (totals[index] or ZERO) + amount
    has_allocation = Exists(Allocation.objects.filter(action=OuterRef("pk")))
    counts = in_agenda.aggregate(all=Count("pk"), budgeted=Count("pk", filter=has_allocation))
    actions = (
        in_agenda.filter(has_allocation)
        .with_related()
        .in_document_order()
        .prefetch_related(
            Prefetch(
                "allocations",
                queryset=Allocation.objects.select_related(
                    "stream__financier", "financier"
                ).order_by("stream__order", "year"),
            )
        )
    )
    page_obj, page_links = None, []
    if page is not None:
        paginator = Paginator(actions, BUDGET_ROWS_PER_PAGE)
        paginator.count = counts["budgeted"]  # known already: no second count query
        page_obj = paginator.get_page(page)
        actions = page_obj.object_list
        page_links = list(paginator.get_elided_page_range(page_obj.number))
    return BudgetTable(
        years=years,
        has_undated=has_undated,
        rows=[budget_row(action, years, width) for action in actions],
        totals=totals,
        total=sum(known, ZERO) if (known := [t for t in totals if t is not None]) else None,
        realised_total=allocations.aggregate(realised=Sum("realised"))["realised"],
        unbudgeted_count=counts["all"] - counts["budgeted"],
        page=page_obj,
        page_links=page_links,
    )


def budget_row(action: Action, years: list[int], width: int) -> BudgetRow:
    """The budget of one action: its allocations per year column, financiers and realised."""
    amounts: list[Decimal | None] = [None] * width
    financiers: list[str] = []
    realised = None
    notes = []
    parts: dict[str, Decimal] = {}
    for alloc in action.allocations.all():
        name = alloc.financier_name
        if name not in financiers:
            financiers.append(name)
        if alloc.budgeted is not None:
            index = years.index(alloc.year) if alloc.year in years else width - 1
            amounts[index] = (amounts[index] or ZERO) + alloc.budgeted
        if alloc.realised is not None:
            realised = (realised or ZERO) + alloc.realised
            name = alloc.stream.short_name
            parts[name] = parts.get(name, ZERO) + alloc.realised
        if alloc.realised_note and alloc.realised_note not in notes:
            notes.append(alloc.realised_note)
    budgeted = [a for a in amounts if a is not None]
    return BudgetRow(
        action=action,
        number=action_number(action),
        amounts=amounts,
        total=sum(budgeted, ZERO) if budgeted else None,
        financiers=financiers,
        realised=realised,
        realised_notes=notes,
        realised_parts=list(parts.items()),
    )


@dataclass
class UseCell:
    year: int | None
    available: YearAmount | None
    allocated: Decimal
    realised: Decimal | None
    undivided: bool = False  # a national pot still to be divided, not the region's money

    @property
    def spent(self) -> bool:
        """The year's money has already been spent: nothing is left to allocate."""
        return self.available is not None and self.available.kind == YearAmount.Kind.SPENT

    @property
    def remaining(self) -> Decimal | None:
        """What is left for the region to allocate; None when that is not a regional figure."""
        if self.undivided or self.spent:
            return None
        if self.available is None or self.available.amount is None:
            return None
        return self.available.amount - self.allocated

    @property
    def over_allocated(self) -> bool:
        return self.remaining is not None and self.remaining < 0

    @property
    def excess(self) -> Decimal:
        return -self.remaining if self.over_allocated else ZERO

    @property
    def allocated_without_amount(self) -> bool:
        """Money is allocated while no amount is known for that year."""
        if self.undivided or self.spent:
            return False
        return self.allocated > 0 and (self.available is None or self.available.amount is None)


@dataclass
class UseRow:
    stream: FundingStream
    cells: list[UseCell]
    undated: UseCell | None

    @property
    def over_allocated(self) -> bool:
        return any(c.over_allocated for c in self.cells)

    @property
    def is_empty(self) -> bool:
        """Nothing available, allocated or realised in any year."""
        return self.undated is None and not any(
            c.available is not None or c.allocated or c.realised is not None for c in self.cells
        )

    @property
    def span(self) -> int:
        return len(self.cells) + (1 if self.undated else 0)


def stream_use(stream: FundingStream, years: list[int]) -> UseRow:
    """Allocated (budgeted) against available for one stream, per year."""
    by_year = {ya.year: ya for ya in stream.year_amounts.all()}
    allocated: dict[int | None, Decimal] = defaultdict(lambda: ZERO)
    realised: dict[int | None, Decimal] = {}
    for alloc in stream.allocations.all():
        if alloc.budgeted is not None:
            allocated[alloc.year] += alloc.budgeted
        if alloc.realised is not None:
            realised[alloc.year] = realised.get(alloc.year, ZERO) + alloc.realised
    undivided = stream.to_be_divided
    cells = [
        UseCell(
            year=y,
            available=by_year.get(y),
            allocated=allocated[y],
            realised=realised.get(y),
            undivided=undivided,
        )
        for y in years
    ]
    undated = None
    if None in allocated or None in realised:
        undated = UseCell(
            year=None, available=None, allocated=allocated[None], realised=realised.get(None)
        )
    return UseRow(stream=stream, cells=cells, undated=undated)


def allocation_use(agenda: Agenda) -> list[UseRow]:
    """Every stream the agenda uses, with allocated against available per year."""
    streams = (
        FundingStream.objects.used_in_agenda(agenda)
        .select_related("financier")
        .prefetch_related("year_amounts", "allocations")
        .order_by("order", "name")
    )
    rows = [stream_use(stream, agenda.years) for stream in streams]
    return [row for row in rows if not row.is_empty]


def over_allocations(rows: list[UseRow]) -> list[tuple[FundingStream, UseCell]]:
    return [(row.stream, cell) for row in rows for cell in row.cells if cell.over_allocated]


def actions_funded_by(actions, stream: FundingStream):
    """The actions whose financing names `stream` or that have an allocation of it."""
    named = FundingStream.actions.through.objects.filter(
        action_id=OuterRef("pk"), fundingstream_id=stream.pk
    )
    allocated = Allocation.objects.filter(action_id=OuterRef("pk"), stream_id=stream.pk)
    return actions.filter(Q(Exists(named)) | Q(Exists(allocated)))


def funding_summary(action: Action) -> str:
    """One line per action for exports: its streams with budgeted and realised amounts.

    Reads `action.funding_streams` and `action.allocations` (with their stream), so prefetch
    them when summarising many actions.
    """
    from common.templatetags.portal import format_euro

    streams: dict[int, FundingStream] = {s.pk: s for s in action.funding_streams.all()}
    amounts: dict[int, list[str]] = defaultdict(list)
    for alloc in action.allocations.all():
        streams.setdefault(alloc.stream_id, alloc.stream)
        year = str(alloc.year) if alloc.year else _("whole period")
        if alloc.budgeted is not None:
            amounts[alloc.stream_id].append(
                _("budgeted %(amount)s (%(year)s)")
                % {"amount": format_euro(alloc.budgeted), "year": year}
            )
        if alloc.realised is not None:
            amounts[alloc.stream_id].append(
                _("realised %(amount)s (%(year)s)")
                % {"amount": format_euro(alloc.realised), "year": year}
            )
    parts = []
    for stream in sorted(streams.values(), key=lambda s: (s.order, s.name)):
        if amounts[stream.pk]:
            parts.append(f"{stream.name}: {', '.join(amounts[stream.pk])}")
        else:
            parts.append(stream.name)
    return "; ".join(parts)


def funding_summaries(actions) -> dict[int, str]:
    """The line `funding_summary` writes, for many actions at once (the action table's export):
    two queries whatever the number of actions. `actions` is a list of ids or a subquery of them."""
    from common.templatetags.portal import format_euro

    streams: dict[int, dict[int, tuple[int, str]]] = defaultdict(dict)
    named = FundingStream.actions.through.objects.filter(action_id__in=actions)
    for action_id, stream_id, order, name in named.order_by(
        "fundingstream__region", "fundingstream__order", "fundingstream__name"
    ).values_list("action_id", "fundingstream_id", "fundingstream__order", "fundingstream__name"):
        streams[action_id][stream_id] = (order, name)
    amounts: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    allocations = Allocation.objects.filter(action_id__in=actions).values_list(
        "action_id", "stream_id", "stream__order", "stream__name", "year", "budgeted", "realised"
    )
    whole_period = _("whole period")
    budgeted_text = _("budgeted %(amount)s (%(year)s)")
    realised_text = _("realised %(amount)s (%(year)s)")
    for action_id, stream_id, order, name, year, budgeted, realised in allocations:
        streams[action_id].setdefault(stream_id, (order, name))
        year_text = str(year) if year else whole_period
        if budgeted is not None:
            amounts[action_id][stream_id].append(
                budgeted_text % {"amount": format_euro(budgeted), "year": year_text}
            )
        if realised is not None:
            amounts[action_id][stream_id].append(
                realised_text % {"amount": format_euro(realised), "year": year_text}
            )
    lines = {}
    for action_id, by_stream in streams.items():
        parts = []
        for stream_id, (_order, name) in sorted(by_stream.items(), key=lambda item: item[1]):
            written = amounts[action_id][stream_id] if action_id in amounts else []
            parts.append(f"{name}: {', '.join(written)}" if written else name)
        lines[action_id] = "; ".join(parts)
    return lines


def agenda_distributions(agenda: Agenda) -> list[Distribution]:
    """The splits over municipalities of an agenda's money: of its budget lines and of the
    year amounts of the streams in its funding overview, each with its parts."""
    return list(
        Distribution.objects.filter(
            Q(allocation__action__agenda=agenda) | Q(year_amount__stream__agendas=agenda)
        )
        .distinct()
        .select_related("allocation__stream", "allocation__action", "year_amount__stream")
        .prefetch_related(
            Prefetch("parts", queryset=DistributionPart.objects.select_related("municipality"))
        )
        .order_by("pk")
    )


def agenda_funding(agenda: Agenda, user) -> dict:
    """The financing section of the agenda page: how many streams and allocations the agenda
    has and whether the user may add streams."""
    return {
        "stream_count": agenda.funding_streams.count(),
        "allocation_count": Allocation.objects.in_agenda(agenda).count(),
        "can_edit": is_coordinator_for(user, agenda.owner_region),
    }


def action_funding(action: Action, user) -> dict:
    """The financing section of the action page: the action's allocations as the user may see
    them, the funding streams the agenda names for it and whether the user may change them."""
    allocations = (
        Allocation.objects.visible_to(user)
        .filter(action=action)
        .select_related("stream__financier", "distribution")
        .order_by("stream__order", "year")
    )
    return {
        "allocations": list(allocations),
        "streams": list(action.funding_streams.all()),
        # a visitor without an account edits nothing: no need to fetch the region
        "can_edit": bool(user and user.is_authenticated)
        and is_coordinator_for(user, action.agenda.owner_region),
    }
