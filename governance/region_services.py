"""Writes that set a region up: the region with its sub-regions (by the portal's beheerders)
and its municipalities (by beheerders and the region's coordinators)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.access import can_manage_region, is_beheerder

from .models import Municipality, Region, SubRegion


def _names(lines) -> list[str]:
    """Distinct non-empty names, in order, ignoring case for duplicates."""
    seen, names = set(), []
    for line in lines:
        name = " ".join(str(line).replace("\xa0", " ").split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


@transaction.atomic
def region_create(*, user, name: str, slug: str, subregions=()) -> Region:
    """Create a region with its sub-regions. Only the portal's beheerders may."""
    if not is_beheerder(user):
        raise PermissionDenied(_("Only an administrator of the portal may create regions."))
    return region_create_unchecked(user=user, name=name, slug=slug, subregions=subregions)


@transaction.atomic
def region_create_unchecked(*, user, name: str, slug: str, subregions=()) -> Region:
    """`region_create` without the permission check, for the command line (`add_region`),
    where whoever runs it administers the server; `user` may be None."""
    name = " ".join(name.split())
    if Region.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": _("A region with this name already exists.")})
    if Region.objects.filter(slug__iexact=slug).exists():
        raise ValidationError({"slug": _("A region with this web address already exists.")})
    region = Region(name=name, slug=slug)
    region.full_clean()
    region._history_user = user
    region.save()
    for sub in _names(subregions):
        SubRegion.objects.create(region=region, name=sub[:200])
    return region


def _check_municipality(municipality: Municipality) -> None:
    municipality.name = " ".join(municipality.name.split())
    clash = Municipality.objects.filter(
        region=municipality.region_id, name__iexact=municipality.name
    ).exclude(pk=municipality.pk)
    if clash.exists():
        raise ValidationError({"name": _("This region already has a municipality with this name.")})
    if municipality.subregion_id and municipality.subregion.region_id != municipality.region_id:
        raise ValidationError({"subregion": _("Choose a sub-region of this region.")})
    municipality.full_clean()


@transaction.atomic
def municipality_create(*, user, region: Region, data: dict) -> Municipality:
    """Add a municipality to `region`: name, inhabitants, their reference year and source."""
    if not can_manage_region(user, region):
        raise PermissionDenied(_("You may only keep the municipalities of your own region."))
    return municipality_create_unchecked(user=user, region=region, data=data)


@transaction.atomic
def municipality_create_unchecked(*, user, region: Region, data: dict) -> Municipality:
    """`municipality_create` without the permission check, for the command line."""
    municipality = Municipality(region=region, **data)
    _check_municipality(municipality)
    municipality._history_user = user
    municipality.save()
    return municipality


@transaction.atomic
def municipality_update(*, user, municipality: Municipality, data: dict) -> Municipality:
    """Change a municipality; raises `EditConflict` when someone else saved it since the form
    was opened (`municipality` carries the version it was opened on)."""
    region = Region.objects.get(pk=municipality.region_id)
    if not can_manage_region(user, region):
        raise PermissionDenied(_("You may only keep the municipalities of your own region."))
    for field, value in data.items():
        setattr(municipality, field, value)
    _check_municipality(municipality)
    municipality._history_user = user
    municipality.save()
    return municipality
