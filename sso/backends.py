"""Authentication backends: the OpenID Connect login, and local passwords with the staff rule.

The OIDC backend refuses a login by raising `LoginRefused`; the callback view turns that into
the Dutch refusal page. Refusals do not reach django-axes' failure count (the provider guards
its own passwords), but a client address that axes has locked out stays locked out.
"""

import logging

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from . import config
from .models import OIDCIdentity
from .roles import UnknownTarget, apply_assignment, is_staff_role, revoke_roles

logger = logging.getLogger(__name__)

# Leeway for the clocks of portal and provider when checking exp, iat and nbf.
CLOCK_LEEWAY_SECONDS = 60


class LoginRefused(Exception):
    """A login through the provider that the portal refuses. `reason` picks the text of the
    refusal page; `detail` is for the log only and never holds a secret or a token."""

    def __init__(self, reason: str, detail: str = "", account: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.account = account


class OIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's code flow, with accounts found by issuer and `sub`, the issuer
    and audience of every ID token checked, and the role taken from the role map."""

    def __init__(self, *args, **kwargs):
        # The base class reads the provider's endpoints here. Backends are made for every
        # login and every request of a logged-in user, so resolve them only when used.
        self.UserModel = get_user_model()

    get_settings = staticmethod(config.setting)

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self):  # noqa: N802 (the base class's attribute names)
        return config.endpoint("OIDC_OP_TOKEN_ENDPOINT")

    @property
    def OIDC_OP_USER_ENDPOINT(self):  # noqa: N802
        return config.endpoint("OIDC_OP_USER_ENDPOINT")

    @property
    def OIDC_OP_JWKS_ENDPOINT(self):  # noqa: N802
        return config.endpoint("OIDC_OP_JWKS_ENDPOINT")

    @property
    def OIDC_RP_CLIENT_ID(self):  # noqa: N802
        return settings.OIDC_RP_CLIENT_ID

    @property
    def OIDC_RP_CLIENT_SECRET(self):  # noqa: N802
        return settings.OIDC_RP_CLIENT_SECRET

    @property
    def OIDC_RP_SIGN_ALGO(self):  # noqa: N802
        return getattr(settings, "OIDC_RP_SIGN_ALGO", "RS256")

    @property
    def OIDC_RP_IDP_SIGN_KEY(self):  # noqa: N802
        return getattr(settings, "OIDC_RP_IDP_SIGN_KEY", None)

    def authenticate(self, request, **kwargs):
        # Only the callback view passes a nonce; password logins pass a username.
        if request is None or "nonce" not in kwargs or not config.enabled():
            return None
        try:
            return super().authenticate(request, **kwargs)
        except requests.HTTPError as error:
            response = error.response
            code = ""
            if response is not None:
                try:
                    body = response.json()
                except ValueError:
                    body = {}
                code = str(body.get("error", ""))[:50] if isinstance(body, dict) else ""
            status = response.status_code if response is not None else "?"
            raise LoginRefused("provider", f"provider answered {status} {code}".strip()) from None
        except (requests.RequestException, config.ProviderUnavailable) as error:
            detail = f"provider unreachable ({type(error).__name__})"
            raise LoginRefused("provider", detail) from None

    def _verify_jws(self, payload, key):
        """Check signature, algorithm, expiry, issuer and audience of an ID token."""
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            alg = str(header.get("alg"))[:20]
            raise LoginRefused("token", f"unexpected signing algorithm {alg!r}")
        claims = jwt.decode(
            payload,
            key,
            algorithms=[self.OIDC_RP_SIGN_ALGO],
            audience=self.OIDC_RP_CLIENT_ID,
            issuer=config.issuer(),
            leeway=CLOCK_LEEWAY_SECONDS,
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise jwt.InvalidAudienceError("azp is not this client")
        return claims

    def verify_token(self, token, **kwargs):
        """The claims of a verified token; LoginRefused("token") with the reason otherwise."""
        if not token:
            raise LoginRefused("token", "no ID token in the token response")
        try:
            return super().verify_token(token, **kwargs)
        except jwt.ExpiredSignatureError:
            raise LoginRefused("token", "ID token expired") from None
        except jwt.InvalidIssuerError:
            raise LoginRefused("token", "ID token from another issuer") from None
        except jwt.InvalidAudienceError:
            raise LoginRefused("token", "ID token for another audience") from None
        except jwt.InvalidTokenError as error:
            raise LoginRefused("token", f"ID token invalid ({type(error).__name__})") from None
        except SuspiciousOperation as error:
            # Key or nonce checks of the base class; its messages hold no secrets.
            raise LoginRefused("token", str(error)) from None
        except (requests.RequestException, config.ProviderUnavailable) as error:
            raise LoginRefused("provider", f"keys unreachable ({type(error).__name__})") from None

    def get_userinfo(self, access_token, id_token, payload):
        if not self.OIDC_OP_USER_ENDPOINT:
            return {}
        userinfo = super().get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") and userinfo["sub"] != payload.get("sub"):
            raise LoginRefused("token", "userinfo is about another subject")
        return userinfo

    def get_or_create_user(self, access_token, id_token, payload):
        claims = {**self.get_userinfo(access_token, id_token, payload), **payload}
        issuer, sub = claims["iss"], str(claims["sub"])
        account = claims.get("email") or claims.get("preferred_username") or ""
        try:
            assignment = config.assignment_for(claims)
        except Exception as error:  # a malformed OIDC_ROLE_MAP
            logger.error("OIDC login refused: the role map is not usable: %s", error)
            raise LoginRefused("config", "role map", account) from None
        if assignment is None:
            logger.warning("OIDC login refused: no role for sub %s of %s", sub, issuer)
            known = OIDCIdentity.objects.filter(issuer=issuer, sub=sub).first()
            if known is not None:
                revoke_roles(known.user)
            raise LoginRefused("unmapped", f"sub {sub}", account)

        with transaction.atomic():
            identity = (
                OIDCIdentity.objects.select_related("user")
                .select_for_update()
                .filter(issuer=issuer, sub=sub)
                .first()
            )
            if identity is None:
                user = self.create_user(claims)
                identity = OIDCIdentity(user=user, issuer=issuer, sub=sub)
            else:
                user = identity.user
                self.update_user(user, claims)
            if not user.is_active:
                logger.warning("OIDC login refused: account %s is inactive", user.pk)
                raise LoginRefused("inactive", f"user {user.pk}", account)
            try:
                apply_assignment(user, assignment)
            except UnknownTarget as error:
                logger.error("OIDC login refused: the role map names %s", error)
                raise LoginRefused("config", str(error), account) from None
            identity.last_login = timezone.now()
            identity.save()
        return user

    def get_user(self, user_id):
        """The user of a session; a switched-off account ends its sessions at once."""
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    # Accounts: never looked up by e-mail; names and address follow the provider.

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.none()

    def create_user(self, claims):
        user = self.UserModel(username=self._free_username(claims))
        user.set_unusable_password()
        self._copy_claims(user, claims)
        user.save()
        return user

    def update_user(self, user, claims):
        if self._copy_claims(user, claims):
            user.save(update_fields=["first_name", "last_name", "email"])
        return user

    @staticmethod
    def _copy_claims(user, claims) -> bool:
        first = claims.get("given_name") or ""
        last = claims.get("family_name") or ""
        if not (first or last) and claims.get("name"):
            first, _sep, last = str(claims["name"]).partition(" ")
        values = {
            "first_name": str(first)[:150],
            "last_name": str(last)[:150],
            "email": str(claims.get("email") or "")[:254],
        }
        changed = any(getattr(user, field) != value for field, value in values.items())
        for field, value in values.items():
            setattr(user, field, value)
        return changed

    def _free_username(self, claims) -> str:
        """A readable username that no account has yet (it never decides which account is
        whose: that is the `sub`)."""
        base = str(
            claims.get("preferred_username") or claims.get("email") or f"oidc-{claims['sub']}"
        )[:140]
        username, number = base, 1
        while self.UserModel.objects.filter(username__iexact=username).exists():
            number += 1
            username = f"{base}-{number}"
        return username


class LocalPasswordBackend(ModelBackend):
    """Django's username and password login, barred for staff roles (coordinators, viewers,
    administrators) when `LOCAL_LOGIN_FOR_STAFF` is off and OIDC login is configured."""

    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        if getattr(settings, "LOCAL_LOGIN_FOR_STAFF", True) or not config.enabled():
            return True
        return not is_staff_role(user)
