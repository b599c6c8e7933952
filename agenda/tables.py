"""The action table of an agenda, on screen and as CSV/XLSX export with the headings of Bijlage 1.

Adding a column: declare it on `ActionTable` with a `verbose_name` (its heading on screen and in
the export), add it to `COLUMNS`, and list any relation it reads in `prefetch` (or
`select`) so the page keeps its fixed number of queries; the page reads its rows as values,
so add the fields the column shows to `page_values` and `page_records` too. An app above the
agenda adds an export-only column with `register_export_column` in its `AppConfig.ready()`.
"""

import html
from collections import defaultdict
from types import SimpleNamespace

from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_tables2 import Column, Table
from django_tables2.export import TableExport
from django_tables2.rows import BoundRow, BoundRows

from agenda import exports
from agenda.models import lead_links, outside_top_levels

# Page sizes offered on the table page; the first one is the default.
PAGE_SIZES = (25, 10, 50, 100)
# The columns in their order on screen and in the export; each has its `value_<name>(record)`.
# The columns other apps add (`register_export_column`) come after them.
COLUMNS = (
    "number",
    "theme",
    "target_group",
    "scope",
    "text",
    "status",
    "leads",
    "financing",
)


class ActionRow(BoundRow):
    """A row whose cells come straight from the table's `cell_<name>(record)` methods.

    django-tables2 resolves every cell through accessors and inspects the signature of its
    render method; for the columns with a `cell_<name>` this skips that (same output).
    """

    def get_cell(self, name):
        direct = self.table.cell_functions.get(name)
        if direct is None:
            return super().get_cell(name)
        value = direct(self.record)
        if value in (None, "") and name not in self.table.always_rendered:
            return self.table.columns[name].default
        return value

    def items(self):
        for column in self.table.visible_columns:
            column.current_value = self.get_cell(column.name)
            column.current_record = self.record
            yield (column, column.current_value)


class ActionRows(BoundRows):
    def __iter__(self):
        for record in self.data:
            yield ActionRow(record, table=self.table)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return ActionRows(data=self.data[key], table=self.table, pinned_data=self.pinned_data)
        return ActionRow(record=self.data[key], table=self.table)


class ActionTable(Table):
    number = Column(
        verbose_name=_("#"),
        accessor="pk",
        order_by=("theme__number", "order"),
        attrs={"td": {"class": "portal-number"}},
    )
    theme = Column(
        verbose_name=_("Themes per pillar"),
        accessor="pk",
        order_by=("pillar__order", "theme__number", "order"),
    )
    target_group = Column(
        verbose_name=_("Target group"),
        accessor="target_group_text",
        order_by=("theme__target_group", "theme__number", "order"),
        empty_values=(),
    )
    scope = Column(
        verbose_name=_("(Sub)regional"),
        accessor="scope__name",
        order_by=("scope__order", "scope__name", "theme__number", "order"),
        default="",
    )
    text = Column(verbose_name=_("Action"), order_by=("text",))
    status = Column(
        verbose_name=_("Status"),
        accessor="status__name",
        order_by=("status__order", "theme__number", "order"),
        default="",
    )
    leads = Column(
        verbose_name=_("Lead(s)"),
        accessor="lead_text",
        order_by=("lead_text", "theme__number", "order"),
        empty_values=(),
    )
    financing = Column(
        verbose_name=_("Financing"),
        accessor="financing_text",
        order_by=("financing_text", "theme__number", "order"),
        default="",
    )

    # Relations read per row: loaded up front, so the query count does not grow with the rows.
    # The page reads only the visible columns (the columns other apps add are in the export only).
    select = ["theme", "pillar", "agenda", "scope", "status"]
    prefetch = ["leads"]
    # What the page's rows read, as `.values()` of the page's actions: the visible columns'
    # fields and the ids telling whether a theme, pillar, scope or status is set.
    page_values = (
        "pk",
        "number",
        "text",
        "target_group_text",
        "lead_text",
        "financing_text",
        "theme_id",
        "theme__number",
        "theme__name",
        "theme__target_group",
        "pillar_id",
        "pillar__name",
        "scope_id",
        "scope__name",
        "status_id",
        "status__name",
    )
    # Columns whose `value_<name>(record)` the export calls directly (see `as_values`).
    direct_values = frozenset(COLUMNS)
    # The export-only columns other apps add (`register_export_column`): name -> text of one action.
    registered_values: dict = {}

    class Meta:
        template_name = "agenda/action_list_table.html"
        sequence = COLUMNS
        order_by = ("number",)
        empty_text = _("No actions match this selection.")
        attrs = {"class": "utrecht-table utrecht-table--html-table portal-action-table"}

    def __init__(self, *args, top_level_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.top_level_label = top_level_label or "pijler"
        # the addresses of the rows' links, each worked out once per table instead of per cell
        self.action_url = pk_url("agenda:action_detail")
        self.organisation_url = pk_url("agenda:organisation_detail")
        self.rows = ActionRows(data=self.data, table=self, pinned_data=self.pinned_data)
        self.cell_functions = {
            "number": self.value_number,
            "theme": self.render_theme,
            "target_group": self.render_target_group,
            "scope": self.value_scope,
            "text": self.render_text,
            "status": self.value_status,
            "leads": self.render_leads,
            "financing": self.value_financing,
        }
        # Columns shown even when empty (as django-tables2 does for `empty_values=()`).
        self.always_rendered = {"target_group", "leads"}
        if top_level_label not in ("", "pijler"):  # "pijler" keeps its translation
            # lazy, so the export can render its headings in Dutch whatever the interface
            self.columns["theme"].column.verbose_name = lazy(
                lambda: str(_("Themes per %(label)s")) % {"label": top_level_label}, str
            )()

    @property
    def visible_columns(self):
        """The shown columns, worked out once per table (not once per row)."""
        if getattr(self, "_visible_columns", None) is None:
            self._visible_columns = list(self.columns)
        return self._visible_columns

    def html_rows(self):
        """Each row of the page as one piece of HTML.

        The cell's opening tag (the column's class and its heading as `data-label`, read by
        the stacked phone layout) is made once per column instead of once per cell by the
        template; every value is escaped unless it is already safe HTML.
        """
        openings = []
        for column in self.visible_columns:
            extra = column.attrs.get("td", {}).get("class")
            openings.append(
                (
                    column.name,
                    format_html(
                        '<td class="utrecht-table__cell portal-col-{}{}" data-label="{}">',
                        column.name,
                        f" {extra}" if extra else "",
                        column.header,
                    ),
                )
            )
        rows = self.page.object_list if getattr(self, "page", None) is not None else self.rows
        cells = [
            (
                opening,
                self.cell_functions.get(name),
                name,
                name in self.always_rendered,
                self.columns[name].default,
            )
            for name, opening in openings
        ]
        for row in rows:
            record = row.record
            parts = ['<tr class="utrecht-table__row">']
            for opening, direct, name, always, default in cells:
                if direct is None:
                    value = row.get_cell(name)
                else:
                    value = direct(record)
                    if not always and value in (None, ""):
                        value = default
                parts += (opening, html_text(value), "</td>")
            parts.append("</tr>")
            yield mark_safe("".join(parts))  # noqa: S308 -- every cell escaped by html_text

    def paginate(self, *args, **kwargs):
        """As django-tables2 paginates, with the page's rows read as values (`page_records`):
        two queries and no model instances for the rows the page shows."""
        super().paginate(*args, **kwargs)
        actions = self.page.object_list.data
        if isinstance(actions, QuerySet):
            self.page.object_list = ActionRows(
                data=page_records(actions), table=self, pinned_data=self.pinned_data
            )
        return self

    @classmethod
    def prepare(cls, queryset):
        """The queryset with everything a row shows loaded in a fixed number of queries."""
        return queryset.select_related(*cls.select).prefetch_related(*cls.prefetch)

    def as_values(self, exclude_columns=None):
        """The rows of the export: headings, then every row in the table's order.

        The columns named in `direct_values` are read through their `value_<name>(record)`
        directly; the generic per-cell path of django-tables2 (used for any other column)
        inspects signatures for every cell, which makes a 10,000-row export take many seconds.
        """
        exclude = set(exclude_columns or ())
        columns = [
            column
            for column in self.columns.iterall()
            if column.name not in exclude and not column.column.exclude_from_export
        ]
        yield [force_str(column.header, strings_only=True) for column in columns]
        direct = {name: getattr(self, f"value_{name}") for name in self.direct_values}
        direct.update(self.registered_values)
        getters = [direct.get(column.name) for column in columns]
        for row in self.rows:
            yield [
                force_str(
                    getter(row.record) if getter else row.get_cell_value(column.name),
                    strings_only=True,
                )
                for column, getter in zip(columns, getters, strict=True)
            ]

    def value_number(self, record):
        return record.theme.number if record.theme_id else record.number

    def value_scope(self, record):
        return record.scope.name if record.scope_id else ""

    def value_status(self, record):
        return record.status.name if record.status_id else ""

    def value_financing(self, record):
        return record.financing_text

    def render_theme(self, record):
        if record.theme_id:
            return mark_safe(  # noqa: S308 -- the names are escaped
                f"{html_text(record.theme.name)}"
                f'<span class="portal-muted"><br>{html_text(record.pillar)}</span>'
            )
        if record.pillar_id:
            return format_html(
                '<span class="portal-muted">{}</span><br>{}', _("no theme"), record.pillar
            )
        return format_html(
            '<span class="portal-muted">{}</span>', outside_top_levels(self.top_level_label)
        )

    def value_theme(self, record):
        if record.theme_id:
            return f"{record.pillar.name}: {record.theme.name}"
        if record.pillar_id:
            return record.pillar.name
        return str(outside_top_levels(self.top_level_label))

    def render_target_group(self, record):
        return self.value_target_group(record)

    def value_target_group(self, record):
        if record.target_group_text or not record.theme_id:
            return record.target_group_text
        return record.theme.target_group

    def render_text(self, record):
        return mark_safe(  # noqa: S308 -- address and text escaped
            f'<a href="{html_text(self.action_url(record.pk))}">{html_text(record.text)}</a>'
        )

    def value_text(self, record):
        return record.text

    def render_leads(self, record):
        return render_leads(record, self.organisation_url)

    def value_leads(self, record):
        return record.lead_text or ", ".join(o.short_name for o in record.leads.all())


class Named(SimpleNamespace):
    """A related row read from `.values()`, shown as its name (as the models show themselves)."""

    def __str__(self):
        return self.name


class Leads(list):
    """The leads of one row read from `.values()`, answering `.all()` as the relation does."""

    def all(self):
        return self


def _sorted_with_empty_last(keys):
    """A table's `order_<column>`: sort on `keys` with the empty values (a line without a theme,
    pillar, scope or status) after the others, and first when reversed: the same on SQLite and
    PostgreSQL, which by themselves put them at opposite ends."""

    def order(table, queryset, is_descending):
        expressions = [
            F(key).desc(nulls_first=True) if is_descending else F(key).asc(nulls_last=True)
            for key in keys
        ]
        return queryset.order_by(*expressions, "-pk" if is_descending else "pk"), True

    return order


for _name, _column in ActionTable.base_columns.items():
    if _column.order_by:
        setattr(ActionTable, f"order_{_name}", _sorted_with_empty_last(list(_column.order_by)))


def page_records(actions: QuerySet) -> list:
    """The actions of a page as light records with the attributes the cells read.

    Two queries: the rows' `page_values`, and the leads (id, name, abbreviation) of these rows,
    in the organisations' order; no model instances are built."""
    rows = list(actions.prefetch_related(None).values(*ActionTable.page_values))
    leads = defaultdict(Leads)
    for action_id, pk, name, abbreviation in lead_links([row["pk"] for row in rows]):
        leads[action_id].append(SimpleNamespace(pk=pk, short_name=abbreviation or name))
    return [
        SimpleNamespace(
            pk=row["pk"],
            number=row["number"],
            text=row["text"],
            target_group_text=row["target_group_text"],
            lead_text=row["lead_text"],
            financing_text=row["financing_text"],
            theme_id=row["theme_id"],
            theme=Named(
                number=row["theme__number"],
                name=row["theme__name"],
                target_group=row["theme__target_group"],
            ),
            pillar_id=row["pillar_id"],
            pillar=Named(name=row["pillar__name"]),
            scope_id=row["scope_id"],
            scope=Named(name=row["scope__name"]),
            status_id=row["status_id"],
            status=Named(name=row["status__name"]),
            leads=leads[row["pk"]] if row["pk"] in leads else Leads(),
        )
        for row in rows
    ]


def register_export_column(name: str, heading, *, text_of, texts_of) -> None:
    """Add a column to the action table's export (after the others), filled by another app in
    its `AppConfig.ready()`: `text_of(action)` the cell of one action, `texts_of(actions)`
    {action id: text} for many at once."""
    ActionTable.base_columns[name] = Column(
        verbose_name=heading, accessor="pk", visible=False, orderable=False, empty_values=()
    )
    ActionTable.registered_values[name] = text_of
    exports.register_export_column(name, texts_of)


def html_text(value) -> str:
    """`value` as HTML: escaped unless it is already safe HTML (as `conditional_escape`, without
    its per-call overhead, for the many cells of a page)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def pk_url(viewname: str):
    """A function giving the address of `viewname` for a primary key, from one `reverse()`."""
    marker = "918273645"
    before, _marker, after = reverse(viewname, args=[marker]).partition(marker)
    return lambda pk: f"{before}{int(pk)}{after}"


def render_leads(action, organisation_url=None):
    """The leads as written, with links to the organisations the portal knows.

    `organisation_url`: a `pk_url` for the organisations' pages (their own `get_absolute_url`
    if not given)."""
    leads = list(action.leads.all())
    address = (
        (lambda o: organisation_url(o.pk)) if organisation_url else (lambda o: o.get_absolute_url())
    )
    links = mark_safe(  # noqa: S308 -- addresses and names escaped
        ", ".join(f'<a href="{html_text(address(o))}">{html_text(o.short_name)}</a>' for o in leads)
    )
    names = ", ".join(o.short_name for o in leads)
    if not leads:
        return action.lead_text
    if not action.lead_text or action.lead_text.strip() == names:
        return links
    return format_html('{}<br><span class="portal-muted">→ {}</span>', action.lead_text, links)


class AnnexExport(TableExport):
    """CSV and XLSX of the table; the CSV starts with a byte order mark so Excel reads UTF-8."""

    FORMATS = {
        TableExport.CSV: "text/csv; charset=utf-8",
        TableExport.XLSX: TableExport.FORMATS[TableExport.XLSX],
    }

    @classmethod
    def is_valid_format(cls, export_format):
        return export_format in cls.FORMATS

    def export(self):
        data = super().export()
        if self.format == self.CSV:
            return "\ufeff" + data
        return data
