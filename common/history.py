"""Readable change history for every model with `history = HistoricalRecords()`.

`history_entries(records)` turns django-simple-history records into entries that say who changed
what, when, with each field's value before and after (many-to-many fields such as an action's
lead organisations included). Related rows that were deleted since are named from their own
history where they have one. Show the entries with `templates/includes/history_table.html`:

    entries = history_entries(obj.history.all())
    {% include "includes/history_table.html" with entries=entries %}
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import get_m2m_reverse_field_name

# Bookkeeping fields nobody edits: never listed as a change.
HIDDEN_FIELDS = frozenset({"id", "version", "created_at", "updated_at"})

CREATED, CHANGED, DELETED = "created", "changed", "deleted"
KIND_LABELS = {
    CREATED: gettext_lazy("created"),
    CHANGED: gettext_lazy("changed"),
    DELETED: gettext_lazy("deleted"),
}
_KIND_BY_TYPE = {"+": CREATED, "~": CHANGED, "-": DELETED}


@dataclass
class FieldChange:
    name: str
    label: str
    before: str
    after: str


@dataclass
class HistoryEntry:
    """One saved change of one object."""

    record: models.Model
    object_id: object
    object_label: str
    date: datetime
    user_name: str
    kind: str
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])

    @property
    def version(self):
        return getattr(self.record, "version", None)

    @property
    def reason(self) -> str:
        """What the change was, when the act that made it says so ("Agenda vastgesteld op …")."""
        return getattr(self.record, "history_change_reason", None) or ""


def user_display_name(user) -> str:
    if user is None:
        return _("unknown (system)")
    return user.get_full_name() or user.get_username()


def history_entries(
    records: Iterable[models.Model],
    *,
    exclude: Iterable[str] = (),
    newest_first: bool = True,
    keep_unchanged: bool = False,
) -> list[HistoryEntry]:
    """Entries for the given history records, each compared with the record before it.

    Records of several objects may be mixed. A record whose predecessor is not among `records`
    is compared with the predecessor from the database. Saves that changed no listed field are
    left out unless `keep_unchanged`.
    """
    records = sorted(records, key=lambda r: (r.history_date, r.history_id))
    if not records:
        return []
    history_model = type(records[0])
    model = history_model.instance_type
    pk_name = model._meta.pk.attname
    hidden = HIDDEN_FIELDS | set(exclude)
    fields = [
        f
        for f in history_model._meta.concrete_fields
        if f.name in {mf.name for mf in model._meta.concrete_fields}
        and f.name not in hidden
        and _is_shown(model, f.name)
    ]
    m2m_fields = [
        f for f in getattr(history_model, "_history_m2m_fields", []) if f.name not in hidden
    ]

    # The record before each one, per object; those before the given records in one query.
    first_of: dict[object, models.Model] = {}
    for record in records:
        first_of.setdefault(getattr(record, pk_name), record)
    earlier = _records_before(history_model, pk_name, first_of)
    previous: dict[int, models.Model | None] = {}
    last_seen: dict[object, models.Model] = {}
    for record in records:
        key = getattr(record, pk_name)
        if key in last_seen:
            previous[record.history_id] = last_seen[key]
        elif record.history_type == "+":
            previous[record.history_id] = None
        else:
            previous[record.history_id] = earlier.get(key)
        last_seen[key] = record

    all_records = {r.history_id: r for r in records}
    for prev in previous.values():
        if prev is not None:
            all_records.setdefault(prev.history_id, prev)

    resolver = _Resolver(fields, m2m_fields, list(all_records.values()))
    users = _users(all_records.values())

    entries = []
    for record in records:
        before = previous[record.history_id]
        kind = _KIND_BY_TYPE.get(record.history_type, CHANGED)
        if kind == CHANGED and before is None:
            kind = CREATED
        changes = []
        if kind != DELETED:
            for f in fields:
                old = resolver.value(before, f) if before is not None else ""
                new = resolver.value(record, f)
                if before is None and getattr(record, f.attname) is False:
                    continue  # an unticked box is no news when something is created
                if old != new:
                    changes.append(FieldChange(f.name, _label(model, f.name), old, new))
            for f in m2m_fields:
                old = resolver.m2m_value(before, f) if before is not None else ""
                new = resolver.m2m_value(record, f)
                if old != new:
                    changes.append(FieldChange(f.name, _label(model, f.name), old, new))
        if kind == CHANGED and not changes and not keep_unchanged:
            continue
        entries.append(
            HistoryEntry(
                record=record,
                object_id=getattr(record, pk_name),
                object_label=_object_label(record),
                date=timezone.localtime(record.history_date),
                user_name=users.get(record.history_user_id) or user_display_name(None),
                kind=kind,
                changes=changes,
            )
        )
    if newest_first:
        entries.reverse()
    return entries


def _records_before(history_model, pk_name: str, first_of: dict) -> dict:
    """For each object, its latest record before the first one given (absent when none)."""
    wanted = {key: r for key, r in first_of.items() if r.history_type != "+"}
    if not wanted:
        return {}
    latest_first = max(r.history_date for r in wanted.values())
    candidates = history_model.objects.filter(
        **{f"{pk_name}__in": list(wanted)}, history_date__lte=latest_first
    ).order_by("history_date", "history_id")
    found: dict = {}
    for record in candidates:
        key = getattr(record, pk_name)
        first = wanted[key]
        if (record.history_date, record.history_id) < (first.history_date, first.history_id):
            found[key] = record
    return found


def _is_shown(model, name: str) -> bool:
    try:
        model_field = model._meta.get_field(name)
    except Exception:  # a field only the history model has
        return False
    return model_field.editable


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


def _object_label(record) -> str:
    try:
        return str(record.instance)
    except Exception:  # __str__ that needs a related row which is gone
        return f"#{record.pk}"


def _users(records) -> dict[int, str]:
    from django.contrib.auth import get_user_model

    ids = {r.history_user_id for r in records if r.history_user_id}
    users = get_user_model()._base_manager.in_bulk(ids)
    return {pk: user_display_name(u) for pk, u in users.items()}


class _Resolver:
    """Shows field values as text, looking up related rows in bulk."""

    def __init__(self, fields: Sequence, m2m_fields: Sequence, records: Sequence):
        self.model_fields = {f.name: f for f in fields}
        self.related_names: dict[type, dict[object, str]] = {}
        wanted: dict[type, set] = defaultdict(set)
        for f in fields:
            if f.is_relation and f.many_to_one:
                for r in records:
                    value = getattr(r, f.attname)
                    if value is not None:
                        wanted[f.related_model].add(value)
        # Many-to-many values per record: {field name: {history_id: [target ids]}}
        self.m2m_ids: dict[str, dict[int, list]] = {}
        ids = [r.history_id for r in records]
        for f in m2m_fields:
            history_model = type(records[0])
            m2m_model = getattr(history_model, f.name).model
            target = get_m2m_reverse_field_name(f)
            per_record: dict[int, list] = defaultdict(list)
            rows = m2m_model.objects.filter(history_id__in=ids).values_list(
                "history_id", f"{target}_id"
            )
            for history_id, target_id in rows:
                per_record[history_id].append(target_id)
                wanted[f.related_model].add(target_id)
            self.m2m_ids[f.name] = per_record
        for related_model, pks in wanted.items():
            self.related_names[related_model] = _names(related_model, pks)

    def _name(self, related_model, pk) -> str:
        return self.related_names.get(related_model, {}).get(pk) or _("#%(id)s (deleted)") % {
            "id": pk
        }

    def value(self, record, f) -> str:
        if f.is_relation and f.many_to_one:
            pk = getattr(record, f.attname)
            return "" if pk is None else self._name(f.related_model, pk)
        return _display(f, getattr(record, f.attname))

    def m2m_value(self, record, f) -> str:
        pks = self.m2m_ids[f.name].get(record.history_id, [])
        return ", ".join(sorted(self._name(f.related_model, pk) for pk in pks))


def _names(related_model, pks: set) -> dict:
    rows = related_model._base_manager.in_bulk(pks)
    names = {pk: str(obj) for pk, obj in rows.items()}
    missing = set(pks) - set(names)
    manager_name = getattr(related_model._meta, "simple_history_manager_attribute", None)
    if missing and manager_name:
        # A related row that was deleted since: name it as it last was.
        history = getattr(related_model, manager_name)
        pk_name = related_model._meta.pk.attname
        for record in history.filter(**{f"{pk_name}__in": missing}).order_by("history_date"):
            try:
                names[getattr(record, pk_name)] = _("%(name)s (deleted)") % {
                    "name": record.instance
                }
            except Exception:  # __str__ needs a related row that is gone as well
                continue
    return names


def _display(f, value) -> str:
    if value is None or value == "":
        return ""
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def changes_since(instance, version: int, *, exclude: Iterable[str] = ()) -> list[HistoryEntry]:
    """The saved changes of `instance` after the given `version` (oldest first).

    For models with a `version` field raised on every save, as used for optimistic concurrency.
    """
    records = instance.history.filter(version__gt=version)
    return history_entries(records, exclude=exclude, newest_first=False)


def history_response(
    request,
    *,
    object_label: str,
    records: Iterable[models.Model],
    back_url: str = "",
    back_label: str = "",
    deleted: bool = False,
    exclude: Iterable[str] = (),
):
    """A page listing the history of one object (the caller checks who may see it)."""
    from django.template.response import TemplateResponse

    return TemplateResponse(
        request,
        "common/object_history.html",
        {
            "object_label": object_label,
            "entries": history_entries(records, exclude=exclude),
            "back_url": back_url,
            "back_label": back_label,
            "deleted": deleted,
        },
    )


def values_at_version(instance, version: int, names: Iterable[str]) -> dict | None:
    """The raw values of the named fields of `instance` as they were at `version` (foreign keys
    as their id, many-to-many fields as a sorted list of ids), or None when history lacks it."""
    record = (
        instance.history.filter(version=version).order_by("-history_date", "-history_id").first()
    )
    if record is None:
        return None
    m2m_names = {f.name: f for f in getattr(type(record), "_history_m2m_fields", [])}
    values = {}
    for name in names:
        if name in m2m_names:
            target = get_m2m_reverse_field_name(m2m_names[name])
            ids = getattr(record, name).values_list(f"{target}_id", flat=True)
            values[name] = sorted(ids)
        else:
            values[name] = getattr(record, instance._meta.get_field(name).attname)
    return values
