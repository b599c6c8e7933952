"""Creating and revoking personal API tokens."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SHOWN_LENGTH, TOKEN_PREFIX, ApiToken, token_hash

# More active tokens than this per user are refused: revoke one first.
MAX_ACTIVE_TOKENS = 10


@transaction.atomic
def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; returns the stored row and the token itself (shown once)."""
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    name = " ".join(name.split())
    if ApiToken.objects.of_user(user).active().count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(
            _("You already have %(count)s active tokens. Revoke one you no longer use first.")
            % {"count": MAX_ACTIVE_TOKENS}
        )
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        user=user, name=name, key_hash=token_hash(token), shown_start=token[:SHOWN_LENGTH]
    )
    row.full_clean()
    row.save()
    return row, token


@transaction.atomic
def api_token_revoke(*, user, token: ApiToken) -> ApiToken:
    """Revoke one of the user's own tokens; it stops working at once."""
    if token.user_id != getattr(user, "pk", None):
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
