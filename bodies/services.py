"""Writes of the bodies app: bodies, seats, people, decision routes and consultation.

Every function takes the acting user; a region's coordinators write the rows of their region.
`user=None` is the trusted caller (the demo loader, migrations, the command line).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import is_coordinator_for
from agenda.models import Agenda, Pillar
from common.writes import delete_as, refuse_unless, save_as

from .models import (
    Body,
    BodyPillar,
    ConsultationInput,
    DecisionStep,
    Membership,
    Person,
    PersonAlias,
    members_as_written,
)

# What a body covers and does, and the agendas whose overview lists it: in this order in its
# form and the API.
BODY_REMIT_FIELDS = (
    "reach",
    "remit",
    "is_decision_making",
    "is_advisory",
    "is_exploratory",
    "is_policy_making",
    "agendas",
)
# What the history keeps in place of a removed person's name.
REMOVED_NAME = "verwijderde persoon"


# --- decision route --------------------------------------------------------------------------


def _refused() -> str:
    return _("Only coordinators of this region may change this.")


def _coordinates(user, region) -> bool:
    return user is None or is_coordinator_for(user, region)


def _of_region(user):
    """The rule for rows with a `region`."""
    return lambda row: _coordinates(user, row.region)


def _of_body(user):
    return lambda row: _coordinates(user, row.body.region)


def _of_agenda(user):
    return lambda row: _coordinates(user, row.agenda.owner_region)


# --- bodies and their seats ------------------------------------------------------------------


@transaction.atomic
def body_save(*, user, body: Body, agendas=None) -> Body:
    """Save a new or changed body, and the agendas it works on when given."""
    refuse_unless(user is not None, _refused())
    related = {} if agendas is None else {"agendas": agendas}
    return save_as(body, user=user, may=_of_region(user), refused=_refused(), related=related)


@transaction.atomic
def body_delete(*, user, body: Body) -> None:
    """Delete a body with its seats; refused while a decision route names it."""
    refuse_unless(user is not None, _refused())
    delete_as(
        body,
        user=user,
        may=_of_region(user),
        refused=_refused(),
        blocked=_("This body is part of a decision route. Remove it from those steps first."),
    )


@transaction.atomic
def membership_save(*, user, membership: Membership) -> Membership:
    refuse_unless(user is not None, _refused())
    return save_as(membership, user=user, may=_of_body(user), refused=_refused())


@transaction.atomic
def membership_delete(*, user, membership: Membership) -> None:
    refuse_unless(user is not None, _refused())
    delete_as(membership, user=user, may=_of_body(user), refused=_refused())


# --- consultation ----------------------------------------------------------------------------


@transaction.atomic
def consultation_save(*, user, item: ConsultationInput) -> ConsultationInput:
    refuse_unless(user is not None, _refused())
    return save_as(item, user=user, may=_of_agenda(user), refused=_refused())


@transaction.atomic
def consultation_delete(*, user, item: ConsultationInput) -> None:
    refuse_unless(user is not None, _refused())
    delete_as(item, user=user, may=_of_agenda(user), refused=_refused())


def _next_step_order(agenda: Agenda) -> int:
    highest = agenda.decision_steps.aggregate(m=Max("order"))["m"]
    return (highest or 0) + 1


@transaction.atomic
def decision_step_record(
    *,
    agenda: Agenda,
    user=None,
    purpose: str,
    date: datetime.date | None = None,
    date_text: str = "",
    date_until: datetime.date | None = None,
    body: Body | None = None,
    body_text: str = "",
    conclusion: str = "",
    order: int | None = None,
    source_note: str = "",
) -> DecisionStep:
    """Add a step to an agenda's route. It records a decision and nothing more: the agenda's
    state changes only by its own acts (agenda.services.agenda_adopt)."""
    step = DecisionStep(
        agenda=agenda,
        order=order if order is not None else _next_step_order(agenda),
        date=date,
        date_text=date_text.strip(),
        date_until=date_until,
        body=body,
        body_text=body_text.strip(),
        purpose=purpose,
        conclusion=conclusion,
        source_note=source_note,
    )
    return save_as(step, user=user, may=_of_agenda(user), refused=_refused())


@transaction.atomic
def decision_step_update(*, step: DecisionStep, user=None, **fields: Any) -> DecisionStep:
    """Correct a step; the agenda's state never follows."""
    for name, value in fields.items():
        setattr(step, name, value)
    step.body_text = (step.body_text or "").strip()
    return save_as(step, user=user, may=_of_agenda(user), refused=_refused())


@transaction.atomic
def decision_step_delete(*, user, step: DecisionStep) -> None:
    """Delete a step; the agenda's state does not change."""
    refuse_unless(user is not None, _refused())
    delete_as(step, user=user, may=_of_agenda(user), refused=_refused())


# --- pillars of a body -----------------------------------------------------------------------


@transaction.atomic
def body_pillars_set(*, body: Body, marks: dict[Pillar, str], user=None) -> int:
    """Set the pillars a body covers: certainty per pillar ("" removes it). Returns changes."""
    refuse_unless(_coordinates(user, body.region), _refused())
    changed = 0
    for pillar, certainty in marks.items():
        existing = BodyPillar.objects.filter(body=body, pillar=pillar).first()
        if not certainty:
            if existing is not None:
                existing.delete()
                changed += 1
            continue
        if existing is None:
            existing = BodyPillar(body=body, pillar=pillar, certainty=certainty)
        elif existing.certainty == certainty:
            continue
        existing.certainty = certainty
        existing.full_clean()
        existing.save()
        changed += 1
    return changed


# --- people (AVG) ----------------------------------------------------------------------------


def _history_rows(queryset) -> list[dict[str, Any]]:
    rows = []
    for record in queryset.select_related("history_user").order_by("history_date"):
        row = {
            "date": record.history_date.isoformat(),
            "type": {"+": "created", "~": "changed", "-": "deleted"}.get(
                record.history_type, record.history_type
            ),
            "by": record.history_user.get_username() if record.history_user else None,
        }
        for field in record.instance_type._meta.concrete_fields:
            value = getattr(record, field.attname, None)
            if isinstance(value, (datetime.date, datetime.datetime)):
                value = value.isoformat()
            row[field.attname] = value
        rows.append(row)
    return rows


def person_export(*, person: Person) -> dict[str, Any]:
    """Everything the portal stores about a person, for an AVG request (inzageverzoek)."""
    memberships = person.memberships.select_related("body", "organisation", "alias")
    alias_ids = list(person.aliases.values_list("pk", flat=True))
    membership_ids = [m.pk for m in memberships]
    return {
        "exported_at": timezone.now().isoformat(),
        "person": {
            "id": person.pk,
            "name": person.name,
            "other_spellings": [a.name for a in person.aliases.all()],
            "region": str(person.region),
            "organisation": str(person.organisation) if person.organisation else None,
            "is_public": person.is_public,
            "source": person.source_note,
        },
        "memberships": [
            {
                "id": m.pk,
                "body": m.body.name,
                "side": m.get_side_display(),
                "role": m.get_role_display(),
                "as_printed": m.display(show_private=True),
                "affiliation": m.affiliation,
                "organisation": str(m.organisation) if m.organisation else None,
                "note": m.note,
                "since": m.since.isoformat() if m.since else None,
                "until": m.until.isoformat() if m.until else None,
                "source": m.source_note,
            }
            for m in memberships
        ],
        "history": {
            "person": _history_rows(Person.history.filter(id=person.pk)),
            "other_spellings": _history_rows(PersonAlias.history.filter(id__in=alias_ids)),
            "memberships": _history_rows(Membership.history.filter(id__in=membership_ids)),
        },
    }


@transaction.atomic
def person_remove(*, person: Person, user=None) -> int:
    """Remove a person: their seats stay as "verwijderde persoon", the name leaves the history.

    Returns the number of seats kept.
    """
    refuse_unless(_coordinates(user, person.region), _refused())
    person_id = person.pk
    alias_ids = list(person.aliases.values_list("pk", flat=True))
    memberships = list(person.memberships.all())
    for membership in memberships:
        membership.person = None
        membership.alias = None
        membership.person_removed = True
        membership.full_clean()
        membership._history_user = user
        membership.save()
    for alias in person.aliases.all():
        alias.delete()
    person._history_user = user
    person.delete()
    # django-simple-history keeps a copy of every version (and of the deletion itself): keep
    # the record of who changed what and when, without the name.
    Person.history.filter(id=person_id).update(name=REMOVED_NAME, source_note="")
    PersonAlias.history.filter(id__in=alias_ids).update(name=REMOVED_NAME)
    # The admin's log keeps the text of an object as it was when edited there.
    log_targets = [
        (Person, [person_id]),
        (PersonAlias, alias_ids),
        (Membership, [m.pk for m in memberships]),
    ]
    for model, ids in log_targets:
        if ids:
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=[str(i) for i in ids],
            ).update(object_repr=REMOVED_NAME, change_message="")
    return len(memberships)


# --- the overview of bodies --------------------------------------------------------------------


def bodies_overview(
    *, bodies, pillars, show_private: bool, on: datetime.date | None = None
) -> list[dict[str, Any]]:
    """Bodies grouped by level, each with its pillar marks and both member cells as written.

    Only the seats held on `on` (default: today) count: the overview is the current composition.
    """
    on = on or timezone.localdate()
    bodies = list(
        bodies.select_related("region").prefetch_related(
            "body_pillars",
            "memberships__person__organisation",
            "memberships__alias",
            "memberships__organisation",
        )
    )
    groups: dict[str, dict[str, Any]] = {}
    for body in bodies:
        marks = {bp.pillar_id: bp.mark for bp in body.body_pillars.all()}
        seats = sorted(
            (m for m in body.memberships.all() if m.holds_seat_on(on)),
            key=lambda m: (m.order, m.pk),
        )
        municipalities = [m for m in seats if m.side == Membership.Side.MUNICIPALITIES]
        others = [m for m in seats if m.side == Membership.Side.OTHERS]
        group = groups.setdefault(
            body.level, {"level": body.level, "label": body.get_level_display(), "rows": []}
        )
        group["rows"].append(
            {
                "body": body,
                "marks": [marks.get(p.pk, "") for p in pillars],
                "municipalities": members_as_written(municipalities, show_private=show_private),
                "others": members_as_written(others, show_private=show_private),
                "seats": seats,
            }
        )
    order = [level for level, _label in Body.Level.choices]
    return [groups[level] for level in order if level in groups]


@transaction.atomic
def person_save(*, person: Person, spellings: list[str], user=None) -> Person:
    """Save a person and the other spellings of their name (seats using a dropped one print
    the name itself)."""
    save_as(person, user=user, may=_of_region(user), refused=_refused())
    current = {alias.name: alias for alias in person.aliases.all()}
    for name, alias in current.items():
        if name not in spellings:
            alias.delete()
    for name in spellings:
        if name not in current:
            alias = PersonAlias(person=person, name=name)
            alias.full_clean()
            alias.save()
    return person
