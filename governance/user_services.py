"""The making of users: creating an account with a role, and giving an account a role, region
and organisation (used by invitations, `manage.py add_user` and single sign-on). The roles
and what each may do are `accounts.access`; the account's region and organisation are its
`Profile`."""

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.access import COORDINATOR, PARTNER, ROLE_PERMISSIONS, ROLES

from .models import Organisation, Profile, Region


def find_organisation(key: str) -> Organisation:
    """An organisation by its abbreviation or name, ignoring case."""
    matches = list(Organisation.objects.filter(Q(abbreviation__iexact=key) | Q(name__iexact=key)))
    if len(matches) != 1:
        raise ValidationError(
            _("Unknown organisation “%(key)s”. Use an abbreviation or name such as: %(known)s.")
            % {"key": key, "known": ", ".join(o.short_name for o in Organisation.objects.all())}
        )
    return matches[0]


def find_region(slug: str | None) -> Region:
    """The region by slug; without one, the only region if there is exactly one."""
    if slug:
        region = Region.objects.filter(slug=slug).first()
        if region is None:
            raise ValidationError(
                _("Unknown region “%(slug)s”. Known regions: %(known)s.")
                % {
                    "slug": slug,
                    "known": ", ".join(Region.objects.values_list("slug", flat=True)) or "–",
                }
            )
        return region
    regions = list(Region.objects.all()[:2])
    if len(regions) == 1:
        return regions[0]
    if not regions:
        raise ValidationError(_("There is no region yet; load the data first."))
    raise ValidationError(_("There are several regions: say which one with --region."))


def role_group(role: str) -> Group:
    """The group of a role, made again with its permissions if it was removed (e.g. by a
    database flush)."""
    group, created = Group.objects.get_or_create(name=role)
    if created:
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label="agenda", codename__in=ROLE_PERMISSIONS[role]
            )
        )
    return group


@transaction.atomic
def user_create(
    *,
    username: str,
    role: str,
    password: str | None,
    organisation: Organisation | None = None,
    region: Region | None = None,
    email: str = "",
    full_name: str = "",
):
    """Create an account with one of the roles. Coordinators need a region, partner editors
    an organisation. The password must pass the password rules; without one (an invitation)
    the account has no usable password until its owner sets one."""
    User = get_user_model()
    _check_role(role)
    if not username:
        raise ValidationError(_("A username is required."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            _("An account “%(username)s” already exists.") % {"username": username}
        )
    if role == COORDINATOR and region is None:
        raise ValidationError(_("A coordinator needs a region."))
    if role == PARTNER and organisation is None:
        raise ValidationError(_("A partner editor needs an organisation."))
    first_name, _sep, last_name = full_name.strip().partition(" ")
    user = User(username=username, email=email, first_name=first_name, last_name=last_name)
    if password is None:
        user.set_unusable_password()
    else:
        password_validation.validate_password(password, user)
        user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.add(role_group(role))
    Profile.objects.create(user=user, region=region, organisation=organisation)
    return user


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError(
            _("Unknown role “%(role)s”. Choose one of: %(roles)s.")
            % {"role": role, "roles": ", ".join(ROLES)}
        )


@transaction.atomic
def user_assign_role(
    *,
    user,
    role: str,
    region: Region | None = None,
    organisation: Organisation | None = None,
):
    """Give an existing account one role (replacing its other roles), with the region and
    organisation of its profile. Coordinators need a region, partner editors an organisation."""
    _check_role(role)
    if role == COORDINATOR and region is None:
        raise ValidationError(_("A coordinator needs a region."))
    if role == PARTNER and organisation is None:
        raise ValidationError(_("A partner editor needs an organisation."))
    user.groups.remove(*user.groups.filter(name__in=ROLES))
    user.groups.add(role_group(role))
    Profile.objects.update_or_create(
        user=user, defaults={"region": region, "organisation": organisation}
    )
    return user
