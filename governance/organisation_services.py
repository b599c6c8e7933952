"""Writes of a region's organisations by its coordinators (and the portal's beheerders): add,
rename and merge. Merging moves every reference to the kept organisation and keeps the old
name and abbreviation as other spellings."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.access import can_manage_region

from .models import Organisation, Region


def _check(user, organisation: Organisation) -> None:
    if not Organisation.objects.editable_by(user).filter(pk=organisation.pk).exists():
        raise PermissionDenied(_("You may only keep the organisations of your own region."))


def _clean_aliases(organisation: Organisation) -> None:
    seen, lines = {organisation.name.casefold()}, []
    for line in organisation.aliases.splitlines():
        line = " ".join(line.split())
        if line and line.casefold() not in seen:
            seen.add(line.casefold())
            lines.append(line)
    organisation.aliases = "\n".join(lines)


@transaction.atomic
def organisation_create(*, user, region: Region, data: dict) -> Organisation:
    if not can_manage_region(user, region):
        raise PermissionDenied(_("You may only keep the organisations of your own region."))
    organisation = Organisation(region=region, **data)
    _clean_aliases(organisation)
    organisation.full_clean()
    organisation._history_user = user
    organisation.save()
    return organisation


@transaction.atomic
def organisation_update(*, user, organisation: Organisation, data: dict) -> Organisation:
    """Rename or change an organisation (`organisation` carries the version its form was
    opened on; a newer save raises `EditConflict`)."""
    _check(user, Organisation.objects.get(pk=organisation.pk))
    for field, value in data.items():
        setattr(organisation, field, value)
    _clean_aliases(organisation)
    organisation.full_clean()
    organisation._history_user = user
    organisation.save()
    return organisation


def _references(organisation: Organisation):
    """(model, field name) of every table that points at an organisation, histories left out
    (they keep what was written at the time)."""
    for relation in Organisation._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and relation.one_to_many):
            continue
        model = relation.related_model
        if model.__name__.startswith("Historical"):
            continue
        yield model, relation.field.name


def merge_consequences(*, keep: Organisation, drop: Organisation) -> list[tuple[str, int]]:
    """What moves from `drop` to `keep`: (what, how many) for every kind of reference."""
    counts = []
    for model, field in _references(drop):
        count = model._base_manager.filter(**{field: drop}).count()
        if count:
            counts.append((str(model._meta.verbose_name_plural), count))
    return counts


@transaction.atomic
def organisation_merge(*, user, keep: Organisation, drop: Organisation) -> Organisation:
    """Move everything of `drop` to `keep`, keep `drop`'s name and abbreviation as other
    spellings of `keep`, and remove `drop`. A reference `keep` already has (e.g. both lead the
    same action) is kept once."""
    if keep.pk == drop.pk:
        raise ValidationError(_("Choose another organisation to merge with."))
    keep = Organisation.objects.select_for_update().get(pk=keep.pk)
    drop = Organisation.objects.select_for_update().get(pk=drop.pk)
    _check(user, keep)
    _check(user, drop)
    for model, field in _references(drop):
        for row in model._base_manager.filter(**{field: drop}):
            setattr(row, field, keep)
            row._history_user = user
            try:
                with transaction.atomic():
                    row.save()
            except IntegrityError:
                # The kept organisation already has this reference: keep it once.
                row.delete()
    keep.aliases = "\n".join(
        [keep.aliases, drop.name, drop.abbreviation if drop.abbreviation else ""]
    )
    if not keep.abbreviation and drop.abbreviation:
        keep.abbreviation, drop.abbreviation = drop.abbreviation, ""
        drop.save(update_fields=["abbreviation"])
    _clean_aliases(keep)
    drop._history_user = user
    drop.delete()
    keep._history_user = user
    keep.save()
    return keep
