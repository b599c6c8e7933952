"""`Authorization: Bearer doe_…`: a personal API token, checked against its stored hash."""

import re
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from .models import TOKEN_PREFIX, ApiToken, token_hash

KEYWORD = "bearer"
TOKEN_PATTERN = re.compile(rf"^{TOKEN_PREFIX}[A-Za-z0-9_-]{{43}}$")
# `last_used_at` is written at most this often per token, not on every request.
LAST_USED_PRECISION = timedelta(minutes=5)


class MalformedToken(exceptions.APIException):
    status_code = 400
    default_detail = _(
        "The Authorization header is malformed. Send 'Authorization: Bearer <token>' with a "
        "token made on your account's API tokens page."
    )
    default_code = "malformed_token"


class ApiTokenAuthentication(BaseAuthentication):
    """A request with a bearer token acts as the token's user; other requests are left alone."""

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.encode():
            return None
        if len(header) != 2:
            raise MalformedToken
        try:
            token = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise MalformedToken from None
        if not TOKEN_PATTERN.match(token):
            raise MalformedToken
        row = (
            ApiToken.objects.active()
            .select_related("user")
            .filter(key_hash=token_hash(token))
            .first()
        )
        if row is None or not row.user.is_active:
            raise exceptions.AuthenticationFailed(
                _("This API token is unknown or has been revoked.")
            )
        now = timezone.now()
        if row.last_used_at is None or now - row.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        return row.user, row

    def authenticate_header(self, request):
        return 'Bearer realm="api"'
