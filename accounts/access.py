"""Who may do what: the roles of the portal and the checks the apps share.

Roles are Django groups: `coordinator` (everything in the agendas of their region),
`partner` (edits the actions their organisation leads) and `viewer` (reads concept agendas and
internal notes). A user's region and organisation live on `governance.Profile`. Superusers may
do everything.

`accounts` is the lowest domain layer: it stands on Django alone and imports no other app. The
regions and organisations the rules take are `governance` models, passed in (annotated here as
plain `models.Model`) and reached through the user's `profile`; making users (with their
profile) and inviting them is `governance.user_services` and `governance.invitations`.

To add a role: add its name to `ROLES` and its permissions to `ROLE_PERMISSIONS` (a data
migration creates the group), then say in the rules below what it may do.

The domain apps state their rules as QuerySet methods built from the pieces here:
`visible_to(user)`, `editable_by(user)` and `deletable_by(user)`. Views fetch what they change
with `accounts.decorators.editable_object(request, Model.objects.all(), pk=pk)` (or
`deletable_object`): 404 when it does not exist, 403 when it is not the user's; templates get
the answers from their view. A region's own record (the region, its
municipalities and organisations) is kept by the portal's beheerders and the region's
coordinators (`RegionRecordQuerySet`); rows of an agenda by its region's coordinators
(`AgendaOwnedQuerySet`).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

COORDINATOR = "coordinator"
PARTNER = "partner"
VIEWER = "viewer"
# The functional administrator of the portal as a whole: creates regions and their
# municipalities and invites each region's first coordinator. Not a superuser.
BEHEERDER = "beheerder"
ROLES = (COORDINATOR, PARTNER, VIEWER, BEHEERDER)

# The permissions of each role (also created by the agenda migration `0002_roles`).
_VIEW = ["view_agenda", "view_pillar", "view_theme", "view_action", "view_status", "view_scope"]
ROLE_PERMISSIONS = {
    COORDINATOR: [
        *_VIEW,
        "add_agenda",
        "change_agenda",
        *[
            f"{verb}_{model}"
            for model in ("pillar", "theme", "action")
            for verb in ("add", "change", "delete")
        ],
    ],
    PARTNER: [*_VIEW, "change_action"],
    VIEWER: _VIEW,
    BEHEERDER: _VIEW,
}


def has_role(user, role: str) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.groups.filter(name=role).exists()


def is_beheerder(user) -> bool:
    """Whether the user administers the portal: creates regions and invites coordinators
    (superusers may too)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or has_role(user, BEHEERDER)


def can_manage_region(user, region: models.Model | None) -> bool:
    """Whether the user may keep `region`'s municipalities and organisations and invite its
    people: the portal's beheerders for every region, coordinators for their own."""
    return is_beheerder(user) or is_coordinator_for(user, region)


def user_region(user) -> models.Model | None:
    profile = getattr(user, "profile", None)
    return profile.region if profile else None


def user_organisation(user) -> models.Model | None:
    profile = getattr(user, "profile", None)
    return profile.organisation if profile else None


def is_coordinator_for(user, region: models.Model | None) -> bool:
    """Whether the user coordinates `region` (superusers coordinate every region)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if region is None or not has_role(user, COORDINATOR):
        return False
    own = user_region(user)
    return own is not None and own.pk == region.pk


def can_read_internal(user) -> bool:
    """The one rule for what is not public: concept agendas, internal notes, change histories
    and the names of staff are for logged-in users only. Everything else is public."""
    return user is not None and user.is_authenticated and user.is_active


is_active_user = can_read_internal


def coordinated(queryset, user, region_field: str = "region"):
    """The rows of `queryset` whose `region_field` is the region the user coordinates (all rows
    for superusers): the shared rule behind `editable_by` of region-owned models."""
    if not is_active_user(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    region = user_region(user)
    if region is None or not has_role(user, COORDINATOR):
        return queryset.none()
    return queryset.filter(**{region_field: region})


class RegionOwnedQuerySet(models.QuerySet):
    """`editable_by`/`deletable_by` of a model whose rows belong to a region: the region's
    coordinators (and superusers) change and delete them. `region_field` is the lookup that
    reaches the row's region."""

    region_field = "region"

    def editable_by(self, user):
        return coordinated(self, user, self.region_field)

    def deletable_by(self, user):
        return coordinated(self, user, self.region_field)


def kept(queryset, user, region_q):
    """The rows of `queryset` the user keeps as part of a region's own record (the region, its
    municipalities and organisations): every row for the portal's beheerders, for a coordinator
    the rows `region_q(region)` picks in their own region."""
    if is_beheerder(user):
        return queryset
    region = user_region(user)
    if region is None or not is_coordinator_for(user, region):
        return queryset.none()
    return queryset.filter(region_q(region))


class RegionRecordQuerySet(models.QuerySet):
    """`visible_to`/`editable_by`/`deletable_by` of a region's own record: everyone reads it;
    the portal's beheerders keep every region's, coordinators their own region's.
    `region_q(region)` picks the rows of a region."""

    def region_q(self, region: models.Model) -> Q:
        return Q(region=region)

    def visible_to(self, user):
        return self

    def editable_by(self, user):
        return kept(self, user, self.region_q)

    def deletable_by(self, user):
        return kept(self, user, self.region_q)


class AgendaOwnedQuerySet(models.QuerySet):
    """`editable_by`/`deletable_by` of a model whose rows belong to an agenda: the
    coordinators of the agenda's region (addenda of its municipalities included)."""

    agenda_field = "agenda"

    def editable_by(self, user):
        if not is_active_user(user):
            return self.none()
        if user.is_superuser:
            return self
        region = user_region(user)
        if region is None or not has_role(user, COORDINATOR):
            return self.none()
        return self.filter(in_region_q(region, f"{self.agenda_field}__"))

    def deletable_by(self, user):
        return self.editable_by(user)


def in_region_q(region: models.Model, prefix: str = "") -> Q:
    """Rows whose agenda (reached through `prefix`) belongs to `region`, addenda included."""
    return Q(**{f"{prefix}region": region}) | Q(**{f"{prefix}municipality__region": region})


def _coordinated(queryset, user, perm: str, agenda_prefix: str):
    """The rows of `queryset` in agendas of the region the user coordinates, given `perm`."""
    if not is_active_user(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    region = user_region(user)
    if region is None or not has_role(user, COORDINATOR) or not user.has_perm(perm):
        return queryset.none()
    return queryset.filter(in_region_q(region, agenda_prefix))


# QuerySet helpers behind `editable_by(user)` / `deletable_by(user)` on the agenda models.


def editable_agendas(queryset, user):
    return _coordinated(queryset, user, "agenda.change_agenda", "")


def editable_pillars(queryset, user):
    return _coordinated(queryset, user, "agenda.change_pillar", "agenda__")


def deletable_pillars(queryset, user):
    return _coordinated(queryset, user, "agenda.delete_pillar", "agenda__")


def editable_themes(queryset, user):
    return _coordinated(queryset, user, "agenda.change_theme", "agenda__")


def deletable_themes(queryset, user):
    return _coordinated(queryset, user, "agenda.delete_theme", "agenda__")


def editable_actions(queryset, user):
    """Coordinators edit every action of their region; partners the actions their
    organisation leads."""
    if not is_active_user(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    allowed = Q(pk__in=[])
    if user.has_perm("agenda.change_action"):
        region = user_region(user)
        if region is not None and has_role(user, COORDINATOR):
            allowed |= in_region_q(region, "agenda__")
        organisation = user_organisation(user)
        if organisation is not None and has_role(user, PARTNER):
            # A subquery, so that actions with several leads are not listed twice.
            led = queryset.model.leads.through.objects.filter(organisation=organisation)
            allowed |= Q(pk__in=led.values("action_id"))
    return queryset.filter(allowed)


def deletable_actions(queryset, user):
    """Only coordinators delete actions, and only in the agendas of their region."""
    return _coordinated(queryset, user, "agenda.delete_action", "agenda__")


# Questions about one object, for templates and views.


def coordinates_agenda(user, agenda, perm: str = "agenda.change_agenda") -> bool:
    """Whether the user coordinates the region `agenda` belongs to and holds `perm`."""
    if not is_active_user(user):
        return False
    if user.is_superuser:
        return True
    return is_coordinator_for(user, agenda.owner_region) and user.has_perm(perm)


def coordinates_region_of(user, agenda) -> bool:
    """Whether the user coordinates the region `agenda` belongs to (any permission)."""
    # a visitor without an account coordinates nothing: no need to fetch the agenda's region
    return is_active_user(user) and is_coordinator_for(user, agenda.owner_region)


def can_print_past_annex(user, agenda) -> bool:
    """Whether the user may print Bijlage 1 as it stood on an earlier date: staff users and
    the coordinators of the agenda's region."""
    if not is_active_user(user):
        return False
    return user.is_staff or is_coordinator_for(user, agenda.owner_region)


def can_create_agenda(user, region: models.Model | None = None) -> bool:
    """Coordinators create agendas for their own region."""
    if not is_active_user(user):
        return False
    if user.is_superuser:
        return True
    if not has_role(user, COORDINATOR) or not user.has_perm("agenda.add_agenda"):
        return False
    own = user_region(user)
    return own is not None and (region is None or own.pk == region.pk)


def can_edit_action(user, action) -> bool:
    return editable_actions(type(action).objects.filter(pk=action.pk), user).exists()


def can_delete_action(user, action) -> bool:
    return deletable_actions(type(action).objects.filter(pk=action.pk), user).exists()


def edits_as_coordinator(user, action) -> bool:
    """Whether the user may change everything of the action (leads, theme, order), not only
    what a partner editor may change."""
    return coordinates_agenda(user, action.agenda, "agenda.change_action")


def can_read_history(user) -> bool:
    """Change histories name the people who made them: for logged-in users only."""
    return can_read_internal(user)
