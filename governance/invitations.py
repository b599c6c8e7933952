"""Invitations: an account is made for someone and they get an e-mail with a link to set
their password. The link is single-use (the token is bound to the account's password, which
setting one changes) and expires after `settings.PASSWORD_RESET_TIMEOUT` seconds."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.access import BEHEERDER, COORDINATOR, PARTNER, can_manage_region, is_beheerder

from .models import Organisation, Region
from .user_services import user_create


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    # The salt keeps the value it had when this module lived in `accounts`: changing it would
    # break the links already sent.
    key_salt = "accounts.invitations.InvitationTokenGenerator"


invitation_tokens = InvitationTokenGenerator()

# The roles each kind of inviter may hand out.
INVITABLE_BY_COORDINATOR = (COORDINATOR, PARTNER)


def invitation_path(user) -> str:
    """The path of the link that sets the password of `user` (absolute once joined with the
    portal's address)."""
    return reverse(
        "invitation_accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": invitation_tokens.make_token(user),
        },
    )


def _check_may_invite(user, role: str, region: Region | None) -> None:
    if role == BEHEERDER:
        if not is_beheerder(user):
            raise PermissionDenied(_("Only an administrator of the portal may do this."))
        return
    if role not in INVITABLE_BY_COORDINATOR or region is None:
        raise ValidationError(_("Choose the role coordinator or partner editor."))
    if not can_manage_region(user, region):
        raise PermissionDenied(_("You may only invite people for your own region."))


@transaction.atomic
def user_invite(
    *,
    user,
    email: str,
    full_name: str,
    role: str,
    region: Region | None,
    organisation: Organisation | None = None,
    base_url: str,
):
    """Make an account for `email` with `role` and send it the link to set a password.

    `user` is the one who invites; `base_url` the portal's address (scheme and host) for the
    link. The account is made only when the mail could be handed to the mail server."""
    _check_may_invite(user, role, region)
    email = email.strip()
    invited = user_create(
        username=email.lower(),
        role=role,
        password=None,
        organisation=organisation if role == PARTNER else None,
        region=region,
        email=email,
        full_name=full_name,
    )
    link = base_url.rstrip("/") + invitation_path(invited)
    context = {
        "invited": invited,
        "inviter": user.get_full_name() or user.get_username(),
        "region": region,
        "organisation": organisation,
        "role": role,
        "link": link,
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    }
    subject = " ".join(render_to_string("governance/invitations/subject.txt", context).split())
    body = render_to_string("governance/invitations/email.txt", context)
    send_mail(subject, body, None, [email], fail_silently=False)
    return invited
