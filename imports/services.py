"""Importing an agenda from a file: headings → mapping → plan (the preview) → one transaction.

    table = read_file(name, data)                    # imports.reading
    header = find_header(table)                      # the heading row and the mapping it suggests
    plan = build_plan(table, header, agenda, ...)    # nothing written: what would change, bad rows
    apply_plan(plan, user=..., file_name=...)        # all or nothing, with history

The plan matches what is already in the agenda (pillars and themes by name, actions by their
text within their theme, allocations by stream, action and year), so importing the same file a
second time finds nothing to change. Writes are bulk operations, a fixed number of queries
whatever the number of rows, and every created or changed row gets a history record under the
importing user with the file name as its change reason.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from agenda.models import Action, Agenda, Pillar, Scope, Status, Theme
from financing.amounts import AmountError, parse_dutch_amount
from financing.models import Allocation, FundingStream
from governance.models import Organisation

from .columns import FIELDS, IGNORE, REQUIRED, column_letter, normalise_heading, recognise
from .reading import FileReadError, RawTable

HEADER_SEARCH_ROWS = 20

# the names the coordinator may tick on the preview, as `build_plan` takes them
CREATIONS = ("create_statuses", "create_scopes", "create_organisations", "create_streams")


class HeaderError(FileReadError):
    """The headings are missing, doubled or not recognised."""


@dataclass
class Header:
    row_number: int
    position: int  # index of the heading row in table.rows
    headings: list[str]
    mapping: list[str]  # per column: a key of FIELDS or "year:YYYY[:financier]"


def clean(value) -> str:
    """A cell as a person reads it: no outer spaces, non-breaking spaces as spaces, the lines of
    a cell (Word line breaks) joined by one space, and no doubled spaces."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\u00a0", " ").replace("\u2007", " ").replace("\u202f", " ")
    text = text.replace("\r", "\n").replace("\x0b", "\n").replace("\u2028", "\n")
    return " ".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def _key(text: str) -> str:
    """Comparison key: case and spacing do not matter, nor a space after a hyphen."""
    return re.sub(r"-\s+", "-", " ".join(text.split())).casefold()


def find_header(table: RawTable) -> Header:
    """The first row (of the first 20) whose cells name at least two known columns."""
    best = None
    for position, (number, cells) in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        mapping = [recognise(cell) or IGNORE for cell in cells]
        found = sum(1 for key in mapping if key != IGNORE)
        if found >= 2 and (best is None or found > best[0]):
            best = (found, position, number, cells, mapping)
            break
    if best is None:
        raise HeaderError(
            _(
                "No heading row found. The first rows must contain headings such as "
                "“Thema's per pijler”, “Actie” and “Status”."
            )
        )
    _found, position, number, cells, mapping = best
    return Header(number, position, [clean(c) for c in cells], mapping)


def check_mapping(header: Header) -> list[str]:
    """Dutch messages for a mapping that cannot be imported: required columns, doubles."""
    problems = []
    columns = defaultdict(list)
    for index, key in enumerate(header.mapping):
        if key != IGNORE:
            columns[key].append(index)
    for key, indexes in columns.items():
        if len(indexes) > 1:
            label = FIELDS[key] if key in FIELDS else key.split(":")[1]
            problems.append(
                _("The column “%(label)s” occurs more than once (columns %(columns)s).")
                % {
                    "label": label,
                    "columns": ", ".join(column_letter(i) for i in indexes),
                }
            )
    for key in REQUIRED:
        if key not in columns:
            problems.append(
                _("The required column “%(label)s” is missing.") % {"label": FIELDS[key]}
            )
    return problems


@dataclass
class BadRow:
    row: int
    column: str  # "D (Status)" or ""
    message: str

    def __str__(self):
        where = _("row %(row)s") % {"row": self.row}
        if self.column:
            where += ", " + _("column %(column)s") % {"column": self.column}
        return f"{where}: {self.message}"


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class PlannedAction:
    row: int
    theme_key: str | None  # None for a line directly under its pillar or under the agenda
    text: str
    fields: dict
    lead_names: list[str]
    existing: Action | None = None
    pillar_key: str | None = None  # the pillar of a line without a theme; None: the agenda
    changes: list[Change] = field(default_factory=list)


@dataclass
class PlannedTheme:
    key: str
    pillar_key: str
    number: int | None
    name: str
    target_group: str
    existing: Theme | None = None
    changes: list[Change] = field(default_factory=list)


@dataclass
class PlannedAmount:
    row: int
    action_row: int
    stream_key: str
    year: int
    amount: Decimal
    existing: Allocation | None = None


@dataclass
class Plan:
    agenda: Agenda
    header: Header
    pillars: dict = field(default_factory=dict)  # key → [name, existing Pillar | None]
    themes: dict = field(default_factory=dict)  # key → PlannedTheme
    actions: list = field(default_factory=list)
    amounts: list = field(default_factory=list)
    bad_rows: list = field(default_factory=list)
    new_statuses: dict = field(default_factory=dict)  # key → name as written
    new_scopes: dict = field(default_factory=dict)
    new_organisations: dict = field(default_factory=dict)
    new_streams: dict = field(default_factory=dict)
    # what the user agreed to create
    create_statuses: set = field(default_factory=set)
    create_scopes: set = field(default_factory=set)
    create_organisations: set = field(default_factory=set)
    create_streams: set = field(default_factory=set)
    statuses: dict = field(default_factory=dict)
    scopes: dict = field(default_factory=dict)
    organisations: dict = field(default_factory=dict)
    streams: dict = field(default_factory=dict)
    unchanged_actions: int = 0
    data_rows: int = 0

    @property
    def new_pillars(self):
        return [name for name, existing in self.pillars.values() if existing is None]

    @property
    def new_themes(self):
        return [t for t in self.themes.values() if t.existing is None]

    @property
    def changed_themes(self):
        return [t for t in self.themes.values() if t.existing is not None and t.changes]

    @property
    def new_actions(self):
        return [a for a in self.actions if a.existing is None]

    @property
    def changed_actions(self):
        return [a for a in self.actions if a.existing is not None and a.changes]

    @property
    def new_amounts(self):
        return [a for a in self.amounts if a.existing is None]

    @property
    def changed_amounts(self):
        return [
            a for a in self.amounts if a.existing is not None and a.existing.budgeted != a.amount
        ]

    @property
    def is_valid(self) -> bool:
        return not self.bad_rows

    @property
    def has_changes(self) -> bool:
        return bool(
            self.new_pillars
            or self.new_themes
            or self.changed_themes
            or self.new_actions
            or self.changed_actions
            or self.new_amounts
            or self.changed_amounts
            or self.create_organisations & set(self.new_organisations)
        )

    def summary_lines(self) -> list[str]:
        lines = [
            _("%(n)s new pillars") % {"n": len(self.new_pillars)},
            _("%(n)s new themes, %(c)s changed")
            % {"n": len(self.new_themes), "c": len(self.changed_themes)},
            _("%(n)s new actions, %(c)s changed, %(u)s unchanged")
            % {
                "n": len(self.new_actions),
                "c": len(self.changed_actions),
                "u": self.unchanged_actions,
            },
        ]
        if self.amounts:
            lines.append(
                _("%(n)s new budget amounts, %(c)s changed")
                % {"n": len(self.new_amounts), "c": len(self.changed_amounts)}
            )
        return lines


def _max_length(model, name) -> int | None:
    return model._meta.get_field(name).max_length


# the model field each imported column is written to, for the length check
_LENGTH_CHECKS = {
    "pillar": (Pillar, "name"),
    "theme": (Theme, "name"),
    "target_group": (Theme, "target_group"),
    "action": (Action, "text"),
    "leads": (Action, "lead_text"),
    "financing": (Action, "financing_text"),
    "status": (Status, "name"),
    "scope": (Scope, "name"),
    "financier": (FundingStream, "name"),
}

_PILLAR_NAME = re.compile(r"^(pijler|pilaar)\b", re.IGNORECASE)
_THEME_NUMBER = re.compile(r"^(\d{1,3})\s*[.)]?\s+(\S.*)$")
_LEAD_SPLIT = re.compile(r"\s*(?:[,;/+&]|\ben\b|\bmet\b)\s*", re.IGNORECASE)


def build_plan(
    table: RawTable,
    header: Header,
    agenda: Agenda,
    *,
    create_statuses=(),
    create_scopes=(),
    create_organisations=(),
    create_streams=(),
) -> Plan:
    """What importing `table` into `agenda` would do, without writing anything."""
    plan = Plan(agenda=agenda, header=header)
    plan.create_statuses = set(create_statuses)
    plan.create_scopes = set(create_scopes)
    plan.create_organisations = set(create_organisations)
    plan.create_streams = set(create_streams)
    region = agenda.owner_region
    plan.statuses = {}
    for status in Status.objects.all():
        plan.statuses[_key(status.name)] = status
        plan.statuses.setdefault(_key(status.slug), status)
    plan.scopes = {_key(s.name): s for s in Scope.objects.filter(region=region)}
    plan.organisations = {}
    for org in Organisation.objects.all():
        plan.organisations[_key(org.name)] = org
        if org.abbreviation:
            plan.organisations.setdefault(_key(org.abbreviation), org)
    plan.streams = {}
    for stream in FundingStream.objects.filter(region=region):
        for name in (stream.name, stream.abbreviation, *stream.also_known_as.split(";")):
            if name.strip():
                plan.streams.setdefault(_key(name), stream)
    existing_pillars = {_key(p.name): p for p in agenda.pillars.all()}
    existing_themes = {_key(t.name): t for t in agenda.themes.select_related("pillar")}
    existing_actions = {}
    actions = Action.objects.filter(agenda=agenda).select_related("scope", "status")
    for action in actions.prefetch_related("leads"):
        existing_actions[_place_key(action.theme_id, action.pillar_id, action.text)] = action
    existing_allocations = {
        (a.stream_id, a.action_id, a.year): a
        for a in Allocation.objects.filter(action__agenda=agenda)
    }

    columns = {key: index for index, key in enumerate(header.mapping) if key != IGNORE}
    year_columns = [
        (index, key) for index, key in enumerate(header.mapping) if key.startswith("year:")
    ]
    headings = header.headings

    def column_name(key_or_index) -> str:
        index = columns[key_or_index] if isinstance(key_or_index, str) else key_or_index
        title = headings[index] if index < len(headings) and headings[index] else ""
        return f"{column_letter(index)} ({title})" if title else column_letter(index)

    pillar_key = None
    theme_key = None
    explicit_pillars = "pillar" in columns
    prefixed_themes = False
    next_number = (agenda.themes.aggregate(n=Max("number"))["n"] or 0) + 1
    used_numbers = set(agenda.themes.values_list("number", flat=True))
    seen_actions = set()
    rows = table.rows[header.position + 1 :]
    outside_key = _key(str(agenda.outside_top_levels))

    def starts_theme(position: int, text: str, index: int) -> bool:
        """Whether a row holding only `text`, in column `index`, starts a theme rather than a
        pillar. A pillar row holds its name in the pillar column, or in the first or the theme
        column where the name reads as a pillar's ("Pijler 1 ...", a pillar already known) or
        nothing says it is a theme. A theme row holds its name in the theme column and is
        numbered, known as a theme, written "Pillar: Theme" as the export does, or carried on
        by the rows below it: its cell spans them, or they have actions but no theme."""
        theme_column = columns.get("theme")
        if index != theme_column:
            return False
        if explicit_pillars:
            return True
        key = _key(text)
        if _PILLAR_NAME.match(text) or key in plan.pillars or key in existing_pillars:
            return False
        if _THEME_NUMBER.match(text) or key in plan.themes or key in existing_themes:
            return True
        if prefixed_themes and ": " in text:
            return True
        later = (rows[i] for i in range(position + 1, len(rows)))
        following = next(((n, c) for n, c in later if any(map(clean, c))), None)
        if following is None:
            return False
        number, cells = following
        if (number, theme_column) in table.continued:
            return True
        action = columns.get("action")
        has_action = action is not None and action < len(cells) and clean(cells[action])
        has_theme = theme_column < len(cells) and clean(cells[theme_column])
        return bool(has_action and not has_theme)

    for position, (row_number, cells) in enumerate(rows):
        values = {key: clean(cells[i]) if i < len(cells) else "" for key, i in columns.items()}
        filled = [clean(c) for c in cells if clean(c)]
        if not filled:
            continue
        plan.data_rows += 1
        if [clean(c) for c in cells][: len(headings)] == headings:
            continue  # the heading row repeated (a page break in Word)
        bad = []
        for key, (model, name) in _LENGTH_CHECKS.items():
            limit = _max_length(model, name)
            if key in values and limit and len(values[key]) > limit:
                bad.append(
                    BadRow(
                        row_number,
                        column_name(key),
                        _("The text is too long: %(n)s characters, at most %(max)s.")
                        % {"n": len(values[key]), "max": limit},
                    )
                )
        if bad:
            plan.bad_rows.extend(bad)
            continue
        action_text = values.get("action", "")
        if not action_text and len(set(filled)) == 1 and not values.get("number"):
            # a row holding only one text: a pillar, a theme, or a stray value
            index = next(i for i, cell in enumerate(cells) if clean(cell))
            if _key(filled[0]) == outside_key:
                pillar_key = theme_key = None  # the lines below sit under no pillar
                continue
            if starts_theme(position, filled[0], index):
                pass  # read on as the first row of a theme without an action in it
            elif index in (0, columns.get("theme"), columns.get("pillar")):
                pillar_key = _set_pillar(plan, existing_pillars, filled[0])
                theme_key = None
                continue
            else:
                plan.bad_rows.append(
                    BadRow(
                        row_number,
                        column_name(index),
                        _(
                            "The row holds only “%(value)s” and no action. A pillar's name goes "
                            "in the first column, a theme's in the theme column."
                        )
                        % {"value": filled[0]},
                    )
                )
                continue
        if explicit_pillars and values.get("pillar"):
            pillar_key = _set_pillar(plan, existing_pillars, values["pillar"])
        theme_text = values.get("theme", "")
        continued = (row_number, columns["theme"]) in table.continued
        if theme_text and not continued and _key(theme_text) == outside_key:
            pillar_key = theme_key = None  # as the export writes a line under no pillar
            theme_text = ""
        elif (
            theme_text
            and not continued
            and not explicit_pillars
            and (prefixed_themes or pillar_key is None)
            and ": " not in theme_text
            and (_key(theme_text) in plan.pillars or _key(theme_text) in existing_pillars)
        ):
            # the export writes the pillar alone for a line directly under it
            pillar_key = _set_pillar(plan, existing_pillars, theme_text)
            theme_key = None
            theme_text = ""
        if theme_text and not continued:
            prefix = _key(theme_text.split(": ", 1)[0])
            if (
                not explicit_pillars
                and ": " in theme_text
                and (
                    pillar_key is None
                    or prefixed_themes
                    or prefix in plan.pillars
                    or prefix in existing_pillars
                )
            ):
                # the action-table export writes "Pillar: Theme" and has no pillar rows
                prefixed_themes = True
                prefix, theme_text = theme_text.split(": ", 1)
                pillar_key = _set_pillar(plan, existing_pillars, prefix)
            number = None
            if values.get("number", "").isdigit():
                number = int(values["number"])
            match = _THEME_NUMBER.match(theme_text)
            if match:
                number = number or int(match.group(1))
                theme_text = match.group(2)
            if _key(theme_text) != theme_key:
                if pillar_key is None:
                    plan.bad_rows.append(
                        BadRow(
                            row_number,
                            column_name("theme"),
                            _("No pillar above this theme; add a row with only the pillar name."),
                        )
                    )
                    continue
                theme_key = _key(theme_text)
                if theme_key not in plan.themes:
                    existing = existing_themes.get(theme_key)
                    if existing is None:
                        if number is None or number in used_numbers:
                            while next_number in used_numbers:
                                next_number += 1
                            number = next_number
                        used_numbers.add(number)
                    planned = PlannedTheme(
                        theme_key,
                        pillar_key,
                        number,
                        theme_text,
                        values.get("target_group", ""),
                        existing=existing,
                    )
                    plan.themes[theme_key] = planned
        if not action_text:
            continue  # a theme without actions (yet)
        # a row without a theme is a line directly under its pillar, or under the agenda
        theme = plan.themes[theme_key] if theme_key is not None else None
        line_pillar = None if theme is not None else pillar_key
        fields = {"text": action_text}
        target = values.get("target_group", "")
        if theme is None:
            theme_target = ""
        elif theme.existing:
            theme_target = theme.existing.target_group
        else:
            theme_target = theme.target_group
        fields["target_group_text"] = target if target and target != theme_target else ""
        fields["lead_text"] = values.get("leads", "")
        fields["financing_text"] = values.get("financing", "")
        for key, vocabulary, offered, agreed, unknown in (
            (
                "status",
                plan.statuses,
                plan.new_statuses,
                plan.create_statuses,
                _("Unknown status “%(value)s”: tick it for creation or correct it."),
            ),
            (
                "scope",
                plan.scopes,
                plan.new_scopes,
                plan.create_scopes,
                _("Unknown scope “%(value)s”: tick it for creation or correct it."),
            ),
        ):
            text = values.get(key, "")
            fields[key] = None
            if not text:
                continue
            found = vocabulary.get(_key(text))
            if found is not None:
                fields[key] = found
            else:
                offered.setdefault(_key(text), text)
                fields[key] = _key(text)  # created on confirmation
                if _key(text) not in agreed:
                    bad.append(
                        BadRow(
                            row_number,
                            column_name(key),
                            unknown % {"value": text},
                        )
                    )
        lead_names = []
        for part in _LEAD_SPLIT.split(fields["lead_text"]):
            part = part.strip(" .")
            if not part:
                continue
            if _key(part) in plan.organisations:
                lead_names.append(_key(part))
            elif len(part) <= _max_length(Organisation, "name"):
                plan.new_organisations.setdefault(_key(part), part)
                lead_names.append(_key(part))
        action_key = (theme_key, line_pillar, _key(action_text))
        if action_key in seen_actions:
            bad.append(
                BadRow(
                    row_number,
                    column_name("action"),
                    _("The same action occurs twice under this theme.")
                    if theme is not None
                    else _("The same action occurs twice in the same place."),
                )
            )
        seen_actions.add(action_key)
        for index, key in year_columns:
            raw = cells[index] if index < len(cells) else None
            if raw is None or clean(raw) == "":
                continue
            _y, year, *rest = key.split(":", 2)
            year = int(year)
            amount = _amount(raw)
            if amount is None:
                bad.append(
                    BadRow(
                        row_number,
                        column_name(index),
                        _(
                            "“%(value)s” is not an amount in Dutch notation, such as 1.000.000 or "
                            "2.500,50."
                        )
                        % {"value": clean(raw)},
                    )
                )
                continue
            if not agenda.first_year <= year <= agenda.last_year:
                bad.append(
                    BadRow(
                        row_number,
                        column_name(index),
                        _("The year %(year)s lies outside the agenda's period %(period)s.")
                        % {"year": year, "period": agenda.period},
                    )
                )
                continue
            financier = rest[0] if rest and rest[0] else values.get("financier", "")
            if not financier:
                bad.append(
                    BadRow(
                        row_number,
                        column_name(index),
                        _("An amount needs a financier: add a column “Financier”."),
                    )
                )
                continue
            stream_key = _key(financier)
            if stream_key not in plan.streams:
                plan.new_streams.setdefault(stream_key, financier)
                if stream_key not in plan.create_streams:
                    bad.append(
                        BadRow(
                            row_number,
                            column_name("financier") if "financier" in columns else "",
                            _("Unknown financier “%(value)s”: tick it for creation or correct it.")
                            % {"value": financier},
                        )
                    )
                    continue
            plan.amounts.append(PlannedAmount(row_number, row_number, stream_key, year, amount))
        if bad:
            plan.bad_rows.extend(bad)
            continue
        if theme is not None:
            found = theme.existing
            place = _place_key(found.pk, None, action_text) if found else None
        elif line_pillar is not None:
            found = plan.pillars[line_pillar][1]
            place = _place_key(None, found.pk, action_text) if found else None
        else:
            place = _place_key(None, None, action_text)
        existing = existing_actions.get(place) if place else None
        planned = PlannedAction(
            row_number, theme_key, action_text, fields, lead_names, existing, line_pillar
        )
        if existing is not None:
            planned.changes = _action_changes(existing, fields)
        plan.actions.append(planned)
    if len(plan.bad_rows) == 0 and not plan.actions and not plan.themes:
        raise FileReadError(_("The sheet holds no actions under the headings."))
    _settle_existing(plan, existing_allocations)
    return plan


def _place_key(theme_id, pillar_id, text) -> tuple:
    """How an existing line is found again: by its text within its theme, or, for a line
    without a theme, within its pillar or the agenda."""
    return (theme_id, None if theme_id else pillar_id, _key(text))


def _amount(raw) -> Decimal | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float | Decimal):
        try:
            value = Decimal(str(raw)).quantize(Decimal("0.01"))
        except InvalidOperation:
            return None
        return value if value >= 0 else None
    try:
        return parse_dutch_amount(clean(raw))
    except AmountError:
        return None


def _set_pillar(plan, existing_pillars, name) -> str:
    key = _key(name)
    if key not in plan.pillars:
        existing = existing_pillars.get(key)
        plan.pillars[key] = [existing.name if existing else name, existing]
    return key


_ACTION_FIELD_LABELS = {
    "target_group_text": "Target group",
    "scope": "(Sub)regional",
    "status": "Status",
    "lead_text": "Lead(s)",
    "financing_text": "Financing",
}


def _action_changes(action: Action, fields: dict) -> list[Change]:
    changes = []
    for name, label in _ACTION_FIELD_LABELS.items():
        before = getattr(action, name)
        after = fields[name]
        if name in ("scope", "status"):
            before_id = before.pk if before else None
            after_id = after.pk if isinstance(after, Status | Scope) else after
            if before_id == after_id:
                continue
            changes.append(Change(_(label), str(before or ""), str(after or "")))
        elif name == "lead_text":
            if _leads_changed(action, after):
                changes.append(Change(_(label), before, after))
        elif (before or "") != (after or ""):
            changes.append(Change(_(label), before, after))
    return changes


def _leads_changed(action: Action, text: str) -> bool:
    """Whether the leads as written differ from the action's; the export writes the linked
    organisations when no text is kept, which is no change."""
    if (action.lead_text or "") == (text or ""):
        return False
    return bool(action.lead_text) or text != _lead_names(action)


def _lead_links(action: Action, lead_names: list[str], organisations: dict) -> list:
    """The links of `action` to the organisations its leads name, each organisation once."""
    found = {organisations[name].pk for name in lead_names if name in organisations}
    through = Action.leads.through
    return [through(action_id=action.pk, organisation_id=pk) for pk in sorted(found)]


def _record_leads(records, links, *, kept: set, agenda: Agenda) -> None:
    """Each new history record of an action lists the action's leads, as a manual edit's
    record does: the links just written, and the links kept by changed actions."""
    by_action = defaultdict(list)
    for link in links:
        by_action[link.action_id].append(link)
    if kept:
        for link in Action.leads.through.objects.filter(action__agenda=agenda):
            if link.action_id in kept:
                by_action[link.action_id].append(link)
    model = Action.history.model.leads.model
    rows = [
        model(
            history_id=record.history_id,
            id=link.pk,
            action_id=link.action_id,
            organisation_id=link.organisation_id,
        )
        for record in records
        for link in by_action[record.id]
    ]
    if rows:
        model.objects.bulk_create(rows)


def _lead_names(action: Action) -> str:
    return ", ".join(o.short_name for o in action.leads.all())


def _settle_existing(plan: Plan, existing_allocations) -> None:
    """Theme changes, unchanged actions, and which amounts exist already."""
    for theme in plan.themes.values():
        if theme.existing is None:
            continue
        pillar_name, pillar = plan.pillars[theme.pillar_key]
        if pillar is None or theme.existing.pillar_id != pillar.pk:
            theme.changes.append(Change(_("Pillar"), str(theme.existing.pillar), pillar_name))
    plan.unchanged_actions = sum(1 for a in plan.actions if a.existing and not a.changes)
    by_row = {a.row: a for a in plan.actions}
    for amount in plan.amounts:
        action = by_row.get(amount.action_row)
        stream = plan.streams.get(amount.stream_key)
        if action and action.existing and stream:
            amount.existing = existing_allocations.get((stream.pk, action.existing.pk, amount.year))


class ImportRefused(Exception):
    """The plan has bad rows; nothing was written."""


def apply_plan(plan: Plan, *, user, file_name: str) -> dict:
    """Write the plan in one transaction, in bulk, with history. Returns counts."""
    if not plan.is_valid:
        raise ImportRefused(plan.bad_rows)
    reason = _("Import from %(file)s") % {"file": file_name}
    agenda = plan.agenda
    region = agenda.owner_region
    history = {"default_user": user, "default_change_reason": reason}
    now = timezone.now()
    counts = defaultdict(int)
    with transaction.atomic():
        # vocabularies the user ticked for creation
        statuses = {k: v for k, v in plan.statuses.items()}
        wanted = [k for k in plan.new_statuses if k in plan.create_statuses]
        if wanted:
            start = (Status.objects.aggregate(n=Max("order"))["n"] or 0) + 1
            taken = set(Status.objects.values_list("slug", flat=True))
            objs = []
            for offset, key in enumerate(wanted):
                slug = _unique_slug(plan.new_statuses[key], taken, 60)
                objs.append(Status(slug=slug, name=plan.new_statuses[key], order=start + offset))
            for obj in Status.objects.bulk_create(objs):
                statuses[_key(obj.name)] = obj
        scopes = dict(plan.scopes)
        wanted = [k for k in plan.new_scopes if k in plan.create_scopes]
        if wanted:
            start = (Scope.objects.filter(region=region).aggregate(n=Max("order"))["n"] or 0) + 1
            objs = [
                Scope(region=region, name=plan.new_scopes[k], order=start + i)
                for i, k in enumerate(wanted)
            ]
            for obj in Scope.objects.bulk_create(objs):
                scopes[_key(obj.name)] = obj
        organisations = dict(plan.organisations)
        wanted = [k for k in plan.new_organisations if k in plan.create_organisations]
        if wanted:
            objs = [Organisation(name=plan.new_organisations[k]) for k in wanted]
            for obj in bulk_create_with_history(objs, Organisation, **history):
                organisations[_key(obj.name)] = obj
            counts["organisations"] = len(objs)
        streams = dict(plan.streams)
        wanted = [k for k in plan.new_streams if k in plan.create_streams]
        if wanted:
            taken = set(FundingStream.objects.filter(region=region).values_list("slug", flat=True))
            objs = [
                FundingStream(
                    region=region,
                    slug=_unique_slug(plan.new_streams[k], taken, 100),
                    name=plan.new_streams[k],
                    financier_text=plan.new_streams[k],
                    level=FundingStream.Level.REGIONAL,
                )
                for k in wanted
            ]
            for obj in bulk_create_with_history(objs, FundingStream, **history):
                streams[_key(obj.name)] = obj

        # pillars
        pillars = {}
        new = []
        next_order = (agenda.pillars.aggregate(n=Max("order"))["n"] or 0) + 1
        for key, (name, existing) in plan.pillars.items():
            if existing is not None:
                pillars[key] = existing
            else:
                obj = Pillar(agenda=agenda, order=next_order, name=name)
                next_order += 1
                new.append((key, obj))
        created = bulk_create_with_history([obj for _k, obj in new], Pillar, **history)
        for (key, _obj), obj in zip(new, created, strict=True):
            pillars[key] = obj
        counts["pillars"] = len(created)

        # themes
        themes = {}
        new, changed = [], []
        for key, planned in plan.themes.items():
            if planned.existing is None:
                obj = Theme(
                    agenda=agenda,
                    pillar=pillars[planned.pillar_key],
                    number=planned.number,
                    name=planned.name,
                    target_group=planned.target_group,
                )
                new.append((key, obj))
            else:
                obj = planned.existing
                themes[key] = obj
                if planned.changes:  # moved to another pillar
                    obj.pillar = pillars[planned.pillar_key]
                    changed.append(obj)
        created = bulk_create_with_history([obj for _k, obj in new], Theme, **history)
        for (key, _obj), obj in zip(new, created, strict=True):
            themes[key] = obj
        if changed:
            bulk_update_with_history(changed, Theme, ["pillar"], **history)
        counts["themes"] = len(created)
        counts["themes_changed"] = len(changed)

        # actions
        orders = defaultdict(int)  # the last place under each theme, pillar or the agenda
        placed = Action.objects.filter(agenda=agenda).values_list("theme_id", "pillar_id")
        for theme_id, pillar_id, top in placed.annotate(top=Max("order")):
            orders[("theme", theme_id) if theme_id else ("pillar", pillar_id)] = top
        new, changed, relinked = [], [], []
        for planned in plan.actions:
            fields = dict(planned.fields)
            fields["status"] = _resolve(fields["status"], statuses)
            fields["scope"] = _resolve(fields["scope"], scopes)
            if planned.existing is None:
                if planned.theme_key is not None:
                    theme = themes[planned.theme_key]
                    place, where = ("theme", theme.pk), {"theme": theme}
                elif planned.pillar_key is not None:
                    pillar = pillars[planned.pillar_key]
                    place, where = ("pillar", pillar.pk), {"pillar": pillar}
                else:
                    place, where = ("pillar", None), {"agenda": agenda}
                orders[place] += 1
                obj = Action(order=orders[place], **where, **fields)
                new.append((planned, obj))
            elif planned.changes:
                obj = planned.existing
                if _leads_changed(obj, fields["lead_text"]):
                    relinked.append((planned, obj))  # its links follow the new text
                for name, value in fields.items():
                    setattr(obj, name, value)
                obj.version += 1
                obj.updated_at = now
                changed.append(obj)
        created = Action.objects.bulk_create([obj for _p, obj in new])
        action_by_row = {p.row: p.existing for p in plan.actions if p.existing is not None}
        links = []
        for (planned, _obj), obj in zip(new, created, strict=True):
            action_by_row[planned.row] = obj
            links += _lead_links(obj, planned.lead_names, organisations)
        for planned, obj in relinked:
            links += _lead_links(obj, planned.lead_names, organisations)
        relinked = {obj.pk for _p, obj in relinked}
        if changed:
            Action.objects.bulk_update(
                changed,
                [
                    "target_group_text",
                    "scope",
                    "status",
                    "lead_text",
                    "financing_text",
                    "version",
                    "updated_at",
                ],
            )
        if relinked:
            Action.leads.through.objects.filter(action_id__in=relinked).delete()
        if links:
            links = Action.leads.through.objects.bulk_create(links)
        history_at = {**history, "default_date": now}
        records = [
            *(Action.history.bulk_history_create(created, **history_at) or ()),
            *(Action.history.bulk_history_create(changed, update=True, **history_at) or ()),
        ]
        _record_leads(
            records,
            links,
            kept={obj.pk for obj in changed} - relinked,
            agenda=agenda,
        )
        counts["actions"] = len(created)
        counts["actions_changed"] = len(changed)

        # budget amounts
        new, changed = [], []
        for planned in plan.amounts:
            stream = streams[planned.stream_key]
            if planned.existing is None:
                new.append(
                    Allocation(
                        stream=stream,
                        action=action_by_row[planned.action_row],
                        year=planned.year,
                        budgeted=planned.amount,
                    )
                )
            elif planned.existing.budgeted != planned.amount:
                planned.existing.budgeted = planned.amount
                planned.existing.updated_at = now
                changed.append(planned.existing)
        if new:
            bulk_create_with_history(new, Allocation, **history)
            links = {(a.stream_id, agenda.pk) for a in new}
            FundingStream.agendas.through.objects.bulk_create(
                [FundingStream.agendas.through(fundingstream_id=s, agenda_id=a) for s, a in links],
                ignore_conflicts=True,
            )
        if changed:
            bulk_update_with_history(changed, Allocation, ["budgeted", "updated_at"], **history)
        counts["amounts"] = len(new)
        counts["amounts_changed"] = len(changed)
        if any(counts.values()):
            Agenda.objects.filter(pk=agenda.pk).update(updated_at=now)
    return dict(counts)


def _resolve(value, vocabulary):
    if value is None or isinstance(value, Status | Scope):
        return value
    return vocabulary[value]


def _unique_slug(name: str, taken: set, limit: int) -> str:
    base = (slugify(name) or "x")[: limit - 4]
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug


def heading_key_label(key: str) -> str:
    if key in FIELDS:
        return str(FIELDS[key])
    parts = key.split(":", 2)
    label = _("Budget %(year)s") % {"year": parts[1]}
    return f"{label} ({parts[2]})" if len(parts) > 2 and parts[2] else label


__all__ = [
    "CREATIONS",
    "BadRow",
    "FileReadError",
    "Header",
    "HeaderError",
    "ImportRefused",
    "Plan",
    "apply_plan",
    "build_plan",
    "check_mapping",
    "clean",
    "find_header",
    "heading_key_label",
    "normalise_heading",
]
