"""Actions as API rows, read with `.values()`: one query for the page and one per relation.

The action list is the API's busiest endpoint and must stay close to a bare `.values()` view at
any size (see bench/api.py), so it does not build model instances and nested serializers per
row. `ActionSerializer` (api/serializers.py) still declares every field with its description for
the OpenAPI document; `rows()` returns exactly those fields (a test holds the two together).
"""

import functools
from collections import defaultdict

from django.conf import settings
from django.db import connections, router
from django.db.models import Func, IntegerField, Subquery
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from rest_framework import ISO_8601, serializers
from rest_framework.settings import api_settings

from agenda.models import Action, lead_links
from financing.models import Allocation, FundingStream

# The columns of one action, with the names of the related rows it shows.
COLUMNS = [
    "id",
    "order",
    "number",
    "theme_id",
    "pillar_id",
    "short_title",
    "text",
    "target_group_text",
    "stage",
    "lead_text",
    "financing_text",
    "added_later",
    "updated_at",
    "theme__number",
    "theme__name",
    "theme__target_group",
    "pillar__order",
    "pillar__name",
    "agenda__slug",
    "scope_id",
    "scope__name",
    "status__slug",
    "status__name",
    "evaluation__outcome",
]

_datetime = serializers.DateTimeField()
_amount = serializers.DecimalField(max_digits=14, decimal_places=2)


def values(queryset, *, with_internal_note: bool):
    """The queryset as `.values()` rows carrying every column `rows()` needs."""
    columns = [*COLUMNS, "internal_note"] if with_internal_note else COLUMNS
    return queryset.values(*columns)


class CountedRows:
    """`.values()` rows for a paginator. A page is read with the number of all rows in the same
    query, as a subquery counting the plain queryset: a count over the joins the rows need
    (scope, status, evaluation) costs many times more than the page itself, and a window count
    (`COUNT(*) OVER ()`) would make the database read every row before the page."""

    TOTAL = "rows_in_all_pages"

    ordered = True  # `rows` are always ordered

    def __init__(self, queryset, rows, *, prepared=None):
        """`queryset` and `rows`: functions that make them, called only when needed.
        `prepared`: (a `Prepared` whose QuerySet is `counted(rows, queryset)`, its values,
        shape and context), to read the page with a statement compiled once."""
        self.make_queryset = queryset
        self.make_rows = rows
        self.prepared = prepared

    @functools.cached_property
    def queryset(self):
        return self.make_queryset()

    @functools.cached_property
    def rows(self):
        return self.make_rows()

    @classmethod
    def counted(cls, rows, queryset):
        """`rows` with the number of all rows of `queryset` in every row."""
        counted = queryset.order_by().annotate(n=Func("pk", function="COUNT")).values("n")
        return rows.annotate(**{cls.TOTAL: Subquery(counted, output_field=IntegerField())})

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        return self.rows[key]

    def counted_slice(self, bottom: int, top: int) -> tuple[list[dict], int | None]:
        """The rows `bottom:top` and the number of rows over all pages; None for that number
        when the slice is empty."""
        page = None
        if self.prepared is not None:
            statement, values, shape, context = self.prepared
            page = statement.slice(values, bottom, top, shape, context)
        if page is None:
            page = list(self.counted(self.rows, self.queryset)[bottom:top])
        if not page:
            return [], None
        number = page[0][self.TOTAL]
        for row in page:
            del row[self.TOTAL]
        return page, number


def _prefix(request, name: str, *args) -> str:
    """The absolute address of `name` for id 0, cut before the id: ids are appended per row."""
    prefix = _path_prefix(name, tuple(args), get_script_prefix(), get_urlconf())
    return request.build_absolute_uri(prefix) if request is not None else prefix


@functools.lru_cache(maxsize=64)
def _path_prefix(name: str, args: tuple, _script_prefix: str, _urlconf) -> str:
    path = reverse(name, args=[*args, 0])
    return path[: path.rindex("/0/") + 1]


# Marks the stand-in values a statement is compiled with; no stored value starts with it.
STAND_IN = "\x00stand-in"


def stand_ins(values: list) -> list:
    """Values of the same types as `values` that no statement holds as a constant."""
    return [
        f"{STAND_IN} {i}" if isinstance(value, str) else -(10**15) - i
        for i, value in enumerate(values)
    ]


class Compiled:
    """A QuerySet compiled with stand-in values: its SQL, and per parameter either a constant
    or the position of the value that takes its place. `usable` is False when a stand-in does
    not come back as a parameter of its own (the ORM changed or dropped it)."""

    def __init__(self, queryset, alias: str, sample: list):
        compiler = queryset.query.get_compiler(using=alias)
        self.sql, params = compiler.as_sql()
        position = {value: i for i, value in enumerate(sample)}
        self.parameters: list[tuple[int | None, object]] = []
        self.usable = True
        for param in params:
            i = position.get(param) if type(param) in (int, str) else None
            if i is None and isinstance(param, str) and STAND_IN in param:
                self.usable = False  # a stand-in inside a longer text
            self.parameters.append((i, param))
        found = {i for i, _param in self.parameters if i is not None}
        self.usable = self.usable and found == set(range(len(sample)))
        query = queryset.query
        self.names = [*query.extra_select, *query.values_select, *query.annotation_select]
        self.fields = [column[0] for column in compiler.select[: compiler.col_count]]

    def params(self, values: list) -> list:
        return [param if i is None else values[i] for i, param in self.parameters]


class Prepared:
    """A QuerySet compiled once per database and shape, then run with new values.

    Compiling an ORM query costs several times more than running it for a page of ids or one
    slug, and the statement differs from one request to the next only in its values. So the ORM
    compiles `build(values, context)` once per database, number of values and `shape` (all that
    changes the statement besides the values, given the `context` it reads) with stand-in
    values, and later values are passed as its parameters. When the stand-ins do not come back
    as parameters of their own, the QuerySet runs as usual.
    """

    def __init__(self, model, build):
        self.model = model
        self.build = build  # (values, context) -> a `values()` or `values_list()` QuerySet
        self.statements: dict[tuple, Compiled | None] = {}

    def statement(self, alias: str, values: list, shape, context) -> Compiled | None:
        key = (alias, len(values), shape)
        if key not in self.statements:
            compiled = Compiled(self.build(stand_ins(values), context), alias, stand_ins(values))
            self.statements[key] = compiled if compiled.usable else None
        return self.statements[key]

    def __call__(self, values: list, shape=(), context=None) -> list[tuple]:
        """The rows as tuples, values as the database driver returns them (amounts: see
        `_money`)."""
        alias = router.db_for_read(self.model)
        compiled = self.statement(alias, values, shape, context)
        if compiled is None:
            return list(self.build(values, context).using(alias))
        with connections[alias].cursor() as cursor:
            cursor.execute(compiled.sql, compiled.params(values))
            return cursor.fetchall()

    def slice(self, values: list, bottom: int, top: int, shape, context) -> list[dict] | None:
        """Rows `bottom:top` of a `values()` QuerySet as the ORM returns them (dicts, with the
        fields' conversions); None when it cannot be prepared."""
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        if connection.vendor not in ("sqlite", "postgresql"):
            return None  # the limit below is written as these two read it
        compiled = self.statement(alias, values, shape, context)
        if compiled is None or " LIMIT " in compiled.sql:
            return None
        with connection.cursor() as cursor:
            params = [*compiled.params(values), top - bottom, bottom]
            cursor.execute(f"{compiled.sql} LIMIT %s OFFSET %s", params)
            rows = cursor.fetchall()
        converters = []
        for i, expression in enumerate(compiled.fields):
            functions = connection.ops.get_db_converters(expression)
            functions += expression.get_db_converters(connection)
            if functions:
                converters.append((i, functions, expression))
        names = compiled.names
        result = []
        for row in rows:
            if converters:
                row = list(row)
                for i, functions, expression in converters:
                    for function in functions:
                        row[i] = function(row[i], expression, connection)
            result.append(dict(zip(names, row, strict=True)))
        return result


def by_action(model, build) -> Prepared:
    """Rows related to a page of actions (`build(ids)`: `action_id__in=ids`), as tuples."""
    return Prepared(model, lambda ids, _context: build(ids))


_leads = by_action(Action.leads.through, lead_links)
_streams = by_action(
    FundingStream.actions.through,
    lambda ids: (
        FundingStream.actions.through.objects.filter(action_id__in=ids)
        .order_by("fundingstream__order", "fundingstream__name", "fundingstream_id")
        .values_list("action_id", "fundingstream_id", "fundingstream__slug", "fundingstream__name")
    ),
)
_allocations = by_action(
    Allocation,
    lambda ids: (
        Allocation.objects.filter(action_id__in=ids)
        .order_by("stream__order", "stream_id", "year", "pk")
        .values_list("action_id", "stream_id", "year", "budgeted", "realised", "note")
    ),
)


def _money(value) -> str | None:
    """An amount as a decimal string. SQLite hands amounts over as numbers of at most 15
    digits (AMOUNT_DIGITS), which the decimal string of the number renders exactly."""
    return None if value is None else _amount.to_representation(value)


def _related(ids: list[int]) -> tuple[dict, dict, dict]:
    leads = defaultdict(list)
    for action, pk, name, abbreviation in _leads(ids):
        leads[action].append({"id": pk, "name": name, "abbreviation": abbreviation})
    streams = defaultdict(list)
    for action, pk, slug, name in _streams(ids):
        streams[action].append({"id": pk, "slug": slug, "name": name})
    allocations = defaultdict(list)
    for action, stream, year, budgeted, realised, note in _allocations(ids):
        allocations[action].append(
            {
                "stream": stream,
                "year": year,
                "budgeted": _money(budgeted),
                "realised": _money(realised),
                "note": note,
            }
        )
    return leads, streams, allocations


def _datetime_text():
    """`DateTimeField.to_representation` (ISO 8601 in the current time zone, `Z` for UTC) with
    the time zone looked up once per page instead of once per row."""
    zone = timezone.get_current_timezone()

    def text(value):
        if not value or timezone.is_naive(value):
            return _datetime.to_representation(value)
        iso = value.astimezone(zone).isoformat()
        return iso[:-6] + "Z" if iso.endswith("+00:00") else iso

    if settings.USE_TZ and str(api_settings.DATETIME_FORMAT).lower() == ISO_8601:
        return text
    return _datetime.to_representation


def rows(page, *, request) -> list[dict]:
    """The API representation of `.values()` rows from `values()`, in their order."""
    page = list(page)
    datetime_text = _datetime_text()
    ids = [row["id"] for row in page]
    leads, streams, allocations = _related(ids) if ids else ({}, {}, {})
    api = _prefix(request, "api:action-detail")
    portal = _prefix(request, "agenda:action_detail")
    result = []
    for row in page:
        pk = row["id"]
        item = {
            "id": pk,
            "url": f"{api}{pk}/",
            "portal_url": f"{portal}{pk}/",
            "agenda": row["agenda__slug"],
            "pillar": {"order": row["pillar__order"], "name": row["pillar__name"]}
            if row["pillar_id"]
            else None,
            "theme": {
                "number": row["theme__number"],
                "name": row["theme__name"],
                "target_group": row["theme__target_group"],
            }
            if row["theme_id"]
            else None,
            "number": row["number"],
            "order": row["order"],
            "short_title": row["short_title"],
            "text": row["text"],
            "target_group": row["target_group_text"],
            "scope": {"id": row["scope_id"], "name": row["scope__name"]}
            if row["scope_id"]
            else None,
            "status": {"slug": row["status__slug"], "name": row["status__name"]}
            if row["status__slug"]
            else None,
            "stage": row["stage"],
            "leads": leads.get(pk, []),
            "lead_text": row["lead_text"],
            "financing_text": row["financing_text"],
            "funding_streams": streams.get(pk, []),
            "allocations": allocations.get(pk, []),
            "outcome": row["evaluation__outcome"],
            "added_later": row["added_later"],
            "updated_at": datetime_text(row["updated_at"]),
        }
        if "internal_note" in row:
            item["internal_note"] = row["internal_note"]
        result.append(item)
    return result


def all_rows(table, *, request, chunk: int = 1000) -> list[dict]:
    """Every row of `table`, their relations read per chunk (the database limits the number of
    values in one IN list)."""
    result: list[dict] = []
    batch: list[dict] = []
    for row in table.iterator(chunk_size=chunk):
        batch.append(row)
        if len(batch) == chunk:
            result += rows(batch, request=request)
            batch = []
    if batch:
        result += rows(batch, request=request)
    return result
