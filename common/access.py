"""Who may do what: the roles of the portal and the checks the apps share.

Roles are Django groups: `coordinator` (everything in the agendas of their region),
`partner` (edits the actions their organisation leads) and `viewer` (reads concept agendas and
internal notes). A user's region and organisation live on `governance.Profile`. Superusers may
do everything.
"""

from governance.models import Organisation, Region

COORDINATOR = "coordinator"
PARTNER = "partner"
VIEWER = "viewer"
ROLES = (COORDINATOR, PARTNER, VIEWER)


def has_role(user, role: str) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.groups.filter(name=role).exists()


def user_region(user) -> Region | None:
    profile = getattr(user, "profile", None)
    return profile.region if profile else None


def user_organisation(user) -> Organisation | None:
    profile = getattr(user, "profile", None)
    return profile.organisation if profile else None


def is_coordinator_for(user, region: Region | None) -> bool:
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
    """Concept agendas and internal notes are for logged-in users only."""
    return user is not None and user.is_authenticated and user.is_active
