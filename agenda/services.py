"""Writes to agendas, pillars, themes and actions, with the access rules checked and every
change attributed to the user who made it.

Actions use optimistic concurrency: a form carries the `version` it was opened on, and a save
based on an older version is refused with `EditConflict`, which lists what changed meanwhile.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts import access
from common.history import changes_since
from common.pdf import dutch_date
from common.versioning import EditConflict, expect_version
from common.writes import delete_attributed
from governance.models import Municipality, Organisation, Region

from .models import Action, Agenda, Pillar, Status, Theme

# What each role may change of an action. Partner editors keep the texts, status and stage of
# the actions their organisation leads current; where an action sits and who leads it is the
# coordinators' call.
PARTNER_ACTION_FIELDS = frozenset(
    {"short_title", "text", "target_group_text", "status", "stage", "internal_note"}
)
COORDINATOR_ACTION_FIELDS = PARTNER_ACTION_FIELDS | {
    "pillar",
    "theme",
    "order",
    "number",
    "scope",
    "leads",
    "lead_text",
    "financing_text",
    "added_later",
}

# The fields a coordinator changes of an agenda, a pillar and a theme, in the order their
# forms show them (agenda/forms.py takes them from here); the API shows an agenda's public
# ones in the same order.
AGENDA_PUBLIC_FIELDS = (
    "municipality",
    "first_year",
    "last_year",
    "state",
    "adopted_on",
    "document_date",
    "top_level_label",
    "predecessor",
)
AGENDA_FIELDS = ("title", "slug", *AGENDA_PUBLIC_FIELDS, "internal_note", "no_actions_note")
PILLAR_FIELDS = ("order", "name", "intro")
THEME_FIELDS = ("pillar", "number", "name", "target_group", "narrative")
# Where an action stands, who leads it and its financing as written: in this order in the
# action form and the API.
ACTION_PROGRESS_FIELDS = ("scope", "status", "stage", "leads", "lead_text", "financing_text")


def action_fields_for(user, action: Action) -> frozenset[str]:
    """The fields of `action` the user may change (empty when they may not edit it)."""
    if not access.can_edit_action(user, action):
        return frozenset()
    if access.edits_as_coordinator(user, action):
        return COORDINATOR_ACTION_FIELDS
    return PARTNER_ACTION_FIELDS


def _refuse_fields(fields: Iterable[str], allowed: Iterable[str]) -> None:
    forbidden = sorted(set(fields) - set(allowed))
    if forbidden:
        raise PermissionDenied(
            _("You may not change these fields: %(fields)s.") % {"fields": ", ".join(forbidden)}
        )


def _save_with_leads(instance: Action, *, user, leads, created: bool) -> None:
    """Save the action and its leads as ONE attributed history record."""
    instance._history_user = user
    if leads is not None:
        if instance.pk is None:
            instance.save_without_historical_record()
        instance.skip_history_when_saving = True
        try:
            instance.leads.set(leads)
        finally:
            del instance.skip_history_when_saving
    if created:
        instance._keep_version = True  # the second save of a new action is still version 1
    instance.save()
    if created:
        instance.history.filter(history_id=instance.history.latest().history_id).update(
            history_type="+"
        )


def _next(queryset, field: str) -> int:
    return (queryset.aggregate(m=Max(field))["m"] or 0) + 1


# --- actions ----------------------------------------------------------------------------------


def _siblings(action: Action):
    """The actions at the same level as `action`: its theme's, else its pillar's lines without
    a theme, else the agenda's lines under no pillar."""
    if action.theme_id:
        siblings = Action.objects.filter(theme_id=action.theme_id)
    elif action.pillar_id:
        siblings = Action.objects.filter(pillar_id=action.pillar_id, theme__isnull=True)
    else:
        siblings = Action.objects.filter(agenda_id=action.agenda_id, pillar__isnull=True)
    return siblings.exclude(pk=action.pk) if action.pk else siblings


@transaction.atomic
def action_create(
    *,
    user,
    text: str,
    theme: Theme | None = None,
    pillar: Pillar | None = None,
    agenda: Agenda | None = None,
    order: int | None = None,
    leads: Iterable[Organisation] = (),
    **fields: Any,
) -> Action:
    """Add an action to a theme, directly under a pillar (no theme), or to the agenda under no
    pillar (coordinators of the agenda's region). With a theme, its pillar is the theme's."""
    if theme is not None:
        pillar = theme.pillar
    if pillar is not None and agenda is not None and pillar.agenda_id != agenda.pk:
        raise ValidationError({"pillar": _("The pillar belongs to another agenda.")})
    agenda = pillar.agenda if pillar is not None else agenda
    if agenda is None:
        raise ValidationError(_("Choose the agenda, top level or theme of the action."))
    if not access.coordinates_agenda(user, agenda, "agenda.add_action"):
        raise PermissionDenied(_("You may not add actions to this agenda."))
    _refuse_fields(fields, COORDINATOR_ACTION_FIELDS - {"theme", "pillar", "order", "leads"})
    action = Action(agenda=agenda, pillar=pillar, theme=theme, order=order, text=text, **fields)
    if order is None:
        action.order = _next(_siblings(action), "order")
    action.full_clean()
    _save_with_leads(action, user=user, leads=list(leads), created=True)
    return action


def _action_values(action: Action, names: Iterable[str]) -> dict[str, Any]:
    values = {}
    for name in names:
        if name == "leads":
            values[name] = set(action.leads.values_list("pk", flat=True)) if action.pk else set()
        else:
            field = Action._meta.get_field(name)
            values[name] = getattr(action, field.attname)
    return values


@transaction.atomic
def action_update(*, action: Action, user, expected_version: int, data: dict[str, Any]) -> Action:
    """Change an action, refusing with `EditConflict` when it was saved after
    `expected_version` and with `PermissionDenied` for fields the user may not change."""
    current = Action.objects.select_for_update().select_related("agenda").get(pk=action.pk)
    allowed = action_fields_for(user, current)
    if not allowed:
        raise PermissionDenied(_("You may not edit this action."))
    _refuse_fields(data, allowed)
    if current.version != expected_version:
        raise EditConflict(current, changes_since(current, expected_version))

    data = dict(data)
    leads = data.pop("leads", None)
    before = _action_values(current, data.keys())
    agenda_before = current.agenda_id
    for name, value in data.items():
        setattr(current, name, value)
    if data.get("theme") is not None:  # a line under a theme sits under its pillar
        current.pillar_id = current.theme.pillar_id
    current.fill_placement()
    if "order" in data and current.order is None:  # left empty: after the last one of its level
        current.order = _next(_siblings(current), "order")
    if current.agenda_id != agenda_before:
        if not access.coordinates_agenda(user, current.agenda, "agenda.add_action"):
            raise PermissionDenied(_("You may not move actions to that agenda."))
    current.full_clean()

    leads_changed = leads is not None and {o.pk for o in leads} != set(
        current.leads.values_list("pk", flat=True)
    )
    if before == _action_values(current, data.keys()) and not leads_changed:
        return current  # nothing changed: no new version, no empty history entry

    # The version check above reads; the conditional write of `Versioned.save` makes it hold
    # under concurrency.
    current._expected_version = expected_version
    _save_with_leads(current, user=user, leads=leads if leads_changed else None, created=False)
    return current


def action_status_update(
    *, action: Action, user, expected_version: int, status: Status | None
) -> Action:
    """The quick status change from the action page."""
    return action_update(
        action=action, user=user, expected_version=expected_version, data={"status": status}
    )


def related_rows(instance) -> tuple[list[tuple[str, int]], list[str]]:
    """What deleting `instance` would also delete (verbose name, count), and what blocks it."""
    from django.contrib.admin.utils import NestedObjects

    collector = NestedObjects(using="default")
    collector.collect([instance])
    counts = [
        (str(model._meta.verbose_name_plural), len(objs))
        for model, objs in collector.model_objs.items()
        if model is not type(instance) and not model._meta.auto_created
    ]
    protected = [str(obj) for obj in collector.protected]
    return sorted(counts), protected


def _delete(instance, user, blocked_message: str) -> None:
    delete_attributed(instance, user=user, blocked=blocked_message)


@transaction.atomic
def action_delete(*, action: Action, user) -> None:
    """Delete an action (coordinators only). Its history is kept."""
    if not Action.objects.filter(pk=action.pk).deletable_by(user).exists():
        raise PermissionDenied(_("You may not delete this action."))
    _delete(
        action,
        user,
        _("The action cannot be deleted because other data still refers to it: %(names)s."),
    )


# --- pillars and themes -----------------------------------------------------------------------


@transaction.atomic
def pillar_create(
    *, user, agenda: Agenda, name: str, order: int | None = None, intro: str = ""
) -> Pillar:
    if not access.coordinates_agenda(user, agenda, "agenda.add_pillar"):
        raise PermissionDenied(_("You may not change this agenda."))
    if order is None:
        order = _next(agenda.pillars.all(), "order")
    pillar = Pillar(agenda=agenda, name=name, order=order, intro=intro)
    pillar.full_clean()
    pillar._history_user = user
    pillar.save()
    return pillar


@transaction.atomic
def pillar_update(*, pillar: Pillar, user, data: dict[str, Any]) -> Pillar:
    if not Pillar.objects.filter(pk=pillar.pk).editable_by(user).exists():
        raise PermissionDenied(_("You may not change this agenda."))
    data = dict(data)
    expect_version(pillar, data)
    _refuse_fields(data, PILLAR_FIELDS)
    for name, value in data.items():
        setattr(pillar, name, value)
    pillar.full_clean()
    pillar._history_user = user
    pillar.save()
    return pillar


@transaction.atomic
def pillar_delete(*, pillar: Pillar, user) -> None:
    """Delete a pillar and its themes; refused while actions sit under it or its themes."""
    if not Pillar.objects.filter(pk=pillar.pk).deletable_by(user).exists():
        raise PermissionDenied(_("You may not change this agenda."))
    _delete(
        pillar,
        user,
        _(
            "The pillar cannot be deleted while actions still sit under it, directly or in its "
            "themes; move or delete these first: %(names)s."
        ),
    )


@transaction.atomic
def theme_create(
    *,
    user,
    pillar: Pillar,
    name: str,
    number: int | None = None,
    target_group: str = "",
    narrative: str = "",
) -> Theme:
    if not access.coordinates_agenda(user, pillar.agenda, "agenda.add_theme"):
        raise PermissionDenied(_("You may not change this agenda."))
    if number is None:
        number = _next(Theme.objects.filter(agenda=pillar.agenda), "number")
    theme = Theme(
        agenda=pillar.agenda,
        pillar=pillar,
        name=name,
        number=number,
        target_group=target_group,
        narrative=narrative,
    )
    theme.full_clean()
    theme._history_user = user
    theme.save()
    return theme


@transaction.atomic
def theme_update(*, theme: Theme, user, data: dict[str, Any]) -> Theme:
    if not Theme.objects.filter(pk=theme.pk).editable_by(user).exists():
        raise PermissionDenied(_("You may not change this agenda."))
    data = dict(data)
    expect_version(theme, data)
    _refuse_fields(data, THEME_FIELDS)
    for name, value in data.items():
        setattr(theme, name, value)
    theme.full_clean()
    theme._history_user = user
    theme.save()
    return theme


@transaction.atomic
def theme_delete(*, theme: Theme, user) -> None:
    """Delete a theme; refused while it still holds actions."""
    if not Theme.objects.filter(pk=theme.pk).deletable_by(user).exists():
        raise PermissionDenied(_("You may not change this agenda."))
    _delete(
        theme,
        user,
        _(
            "The theme cannot be deleted while it still holds actions; move or delete these "
            "first: %(names)s."
        ),
    )


# --- agendas ----------------------------------------------------------------------------------


def unique_agenda_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:90] or "agenda"
    slug, n = base, 1
    taken = Agenda.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def agenda_create(
    *,
    user,
    title: str,
    first_year: int,
    last_year: int,
    region: Region | None = None,
    municipality: Municipality | None = None,
    **fields: Any,
) -> Agenda:
    """A new agenda of the coordinator's region, or a local addendum of one of its
    municipalities."""
    _refuse_fields(fields, AGENDA_FIELDS)
    if region is None:
        region = access.user_region(user)
    if municipality is not None:
        region = municipality.region
    if region is None or not access.can_create_agenda(user, region):
        raise PermissionDenied(_("You may not create an agenda for this region."))
    if not fields.get("slug"):
        fields["slug"] = unique_agenda_slug(title)
    agenda = Agenda(
        title=title,
        first_year=first_year,
        last_year=last_year,
        region=None if municipality else region,
        municipality=municipality,
        **fields,
    )
    agenda.full_clean()
    agenda._history_user = user
    agenda.save()
    return agenda


@transaction.atomic
def agenda_update(*, agenda: Agenda, user, data: dict[str, Any]) -> Agenda:
    if not Agenda.objects.filter(pk=agenda.pk).editable_by(user).exists():
        raise PermissionDenied(_("You may not change this agenda."))
    data = dict(data)
    expect_version(agenda, data)
    _refuse_fields(data, AGENDA_FIELDS)
    if "municipality" in data:
        municipality = data.pop("municipality")
        region = agenda.owner_region
        if municipality is not None and municipality.region_id != region.pk:
            raise PermissionDenied(_("You may not move an agenda to another region."))
        agenda.municipality = municipality
        agenda.region = None if municipality else region
    for name, value in data.items():
        setattr(agenda, name, value)
    if not agenda.slug:
        agenda.slug = unique_agenda_slug(agenda.title, exclude_pk=agenda.pk)
    agenda.full_clean()
    agenda._history_user = user
    agenda.save()
    return agenda


# --- publication and adoption -----------------------------------------------------------------

# Where an agenda may go from each state by `agenda_set_publication`; adopting is `agenda_adopt`.
PUBLICATION_MOVES = {
    Agenda.State.CONCEPT: {Agenda.State.PUBLISHED},
    Agenda.State.PUBLISHED: {Agenda.State.CONCEPT, Agenda.State.CLOSED},
    Agenda.State.ADOPTED: {Agenda.State.CLOSED},
    Agenda.State.CLOSED: set(),
}


def _coordinated(agenda: Agenda, user) -> Agenda:
    current = Agenda.objects.select_for_update().get(pk=agenda.pk)
    if not Agenda.objects.filter(pk=current.pk).editable_by(user).exists():
        raise PermissionDenied(_("You may not change this agenda."))
    return current


@transaction.atomic
def agenda_adopt(*, agenda: Agenda, user, adopted_on, adopted_by: str = "") -> Agenda:
    """Adopt the agenda on `adopted_on` (vastgesteld): a coordinator's own act, recorded in the
    history as "Agenda vastgesteld op <date>". Decision steps never do this."""
    current = _coordinated(agenda, user)
    if current.state not in (Agenda.State.CONCEPT, Agenda.State.PUBLISHED):
        raise ValidationError(
            _("This agenda is %(state)s; only a concept or published agenda can be adopted.")
            % {"state": current.get_state_display()}
        )
    if adopted_on is None:
        raise ValidationError({"adopted_on": _("Give the date of the adoption.")})
    current.state = Agenda.State.ADOPTED
    current.adopted_on = adopted_on
    current.adopted_by = (adopted_by or "").strip()
    current.full_clean()
    current._history_user = user
    current._change_reason = _("Agenda adopted on %(date)s") % {"date": dutch_date(adopted_on)}
    current.save()
    return current


@transaction.atomic
def agenda_set_publication(*, agenda: Agenda, user, state: str) -> Agenda:
    """Publish a concept without adopting it, take it back to concept, or close the agenda."""
    current = _coordinated(agenda, user)
    if state == current.state:
        return current
    if state not in PUBLICATION_MOVES.get(current.state, set()):
        raise ValidationError(
            _("An agenda that is %(old)s cannot become %(new)s here.")
            % {"old": current.get_state_display(), "new": Agenda.State(state).label}
        )
    current.state = state
    current._history_user = user
    current._change_reason = {
        Agenda.State.PUBLISHED: _("Agenda published without adoption"),
        Agenda.State.CONCEPT: _("Agenda taken back to concept"),
        Agenda.State.CLOSED: _("Agenda closed"),
    }[state]
    current.full_clean()
    current.save()
    return current
