"""The one place where single sign-on touches the portal's roles, regions and organisations.

Everything sso/ needs from the role model goes through `apply_assignment` and `is_staff_role`,
so that a later accounts app only has to be wired in here.
"""

from django.core.exceptions import ValidationError

from accounts.access import BEHEERDER, COORDINATOR, ROLES, VIEWER
from governance.models import Profile
from governance.user_services import find_organisation, find_region, role_group

from .config import ADMIN, Assignment


class UnknownTarget(Exception):
    """The role map names a region or organisation the portal does not have."""


def apply_assignment(user, assignment: Assignment):
    """Give `user` exactly the role, region and organisation of `assignment` (replacing what
    an earlier login gave). Raises UnknownTarget for a region or organisation that is missing."""
    try:
        organisation = (
            find_organisation(assignment.organisation) if assignment.organisation else None
        )
        region = None
        if assignment.role == COORDINATOR or assignment.region:
            region = find_region(assignment.region or None)
    except ValidationError as error:
        raise UnknownTarget(" ".join(error.messages)) from error

    is_admin = assignment.role == ADMIN
    if user.is_staff != is_admin or user.is_superuser != is_admin:
        user.is_staff = user.is_superuser = is_admin
        user.save(update_fields=["is_staff", "is_superuser"])

    wanted = [] if is_admin else [assignment.role]
    current = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    if current != set(wanted):
        user.groups.remove(*user.groups.filter(name__in=ROLES))
        for role in wanted:
            user.groups.add(role_group(role))

    profile, _created = Profile.objects.get_or_create(user=user)
    if (profile.region_id, profile.organisation_id) != (
        region.pk if region else None,
        organisation.pk if organisation else None,
    ):
        profile.region = region
        profile.organisation = organisation
        profile.save()


def is_staff_role(user) -> bool:
    """Coordinators, viewers and administrators: the roles that may be barred from logging in
    with a local password (partners keep it)."""
    if user.is_staff or user.is_superuser:
        return True
    return user.groups.filter(name__in=[BEHEERDER, COORDINATOR, VIEWER]).exists()


def revoke_roles(user):
    """Take every role away: the provider no longer gives this person one."""
    if user.is_staff or user.is_superuser:
        user.is_staff = user.is_superuser = False
        user.save(update_fields=["is_staff", "is_superuser"])
    user.groups.remove(*user.groups.filter(name__in=ROLES))
