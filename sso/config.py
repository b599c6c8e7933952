"""The OpenID Connect configuration: settings, the provider's discovery document and the role map.

Everything is read from `django.conf.settings` when it is needed (not at import), so that a
portal without OIDC settings never contacts a provider, and tests can change the settings.
"""

import json
import logging
import threading
import time
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

# Roles a claim value can map to: the portal's roles, and `admin` for the Django admin.
ADMIN = "admin"
ROLE_PRECEDENCE = (ADMIN, "beheerder", "coordinator", "partner", "viewer")

# mozilla-django-oidc setting name -> key in the discovery document.
ENDPOINT_KEYS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}
DISCOVERY_TTL_SECONDS = 3600
WELL_KNOWN = "/.well-known/openid-configuration"


class ProviderUnavailable(Exception):
    """The provider's discovery document could not be read or is not usable."""


def _setting(name, default=None):
    return getattr(settings, name, default)


def enabled() -> bool:
    """OIDC login is on when a client id and a way to find the provider are configured."""
    return bool(
        _setting("OIDC_RP_CLIENT_ID")
        and (
            _setting("OIDC_DISCOVERY_URL")
            or _setting("OIDC_ISSUER")
            or _setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        )
    )


def discovery_url() -> str:
    url = _setting("OIDC_DISCOVERY_URL") or ""
    if not url and _setting("OIDC_ISSUER"):
        url = _setting("OIDC_ISSUER").rstrip("/") + WELL_KNOWN
    return url


_cache: dict[str, tuple[float, dict]] = {}
_lock = threading.Lock()


def discovery() -> dict:
    """The provider's /.well-known/openid-configuration, read once an hour at most."""
    url = discovery_url()
    if not url:
        return {}
    with _lock:
        cached = _cache.get(url)
        if cached and time.monotonic() - cached[0] < DISCOVERY_TTL_SECONDS:
            return cached[1]
    try:
        response = requests.get(
            url,
            timeout=_setting("OIDC_TIMEOUT", 10),
            verify=_setting("OIDC_VERIFY_SSL", True),
        )
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        logger.error("OIDC discovery document %s could not be read: %s", url, type(error).__name__)
        raise ProviderUnavailable(url) from error
    missing = [
        key
        for key in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
        if not document.get(key)
    ]
    configured_issuer = _setting("OIDC_ISSUER")
    if missing or (configured_issuer and document["issuer"] != configured_issuer):
        logger.error(
            "OIDC discovery document %s is not usable: missing %s, issuer %r (expected %r)",
            url,
            missing,
            document.get("issuer"),
            configured_issuer,
        )
        raise ProviderUnavailable(url)
    with _lock:
        _cache[url] = (time.monotonic(), document)
    return document


def clear_discovery_cache():
    with _lock:
        _cache.clear()


def endpoint(name: str) -> str:
    """An endpoint of the provider: the explicit setting, else the discovery document's."""
    explicit = _setting(name)
    if explicit:
        return explicit
    return discovery().get(ENDPOINT_KEYS[name]) or ""


def issuer() -> str:
    """The issuer every ID token must name."""
    return _setting("OIDC_ISSUER") or discovery().get("issuer", "")


def setting(name, *default):
    """`get_settings` for mozilla-django-oidc: endpoints come from discovery when not set."""
    if name in ENDPOINT_KEYS:
        return endpoint(name)
    if default:
        return getattr(settings, name, default[0])
    try:
        return getattr(settings, name)
    except AttributeError as error:
        raise ImproperlyConfigured(f"Setting {name} not found") from error


# --- the role map ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Assignment:
    """What a claim value gives in the portal: a role, and a region or organisation."""

    role: str
    region: str = ""  # region slug (coordinators; default the only region)
    organisation: str = ""  # abbreviation or name (partner editors)


def parse_role_map(raw) -> dict[str, Assignment]:
    """`OIDC_ROLE_MAP`: a JSON object from claim value to a role, or to an object with `role`
    and optionally `region` and `organisation`. Raises ImproperlyConfigured when malformed."""
    if not raw:
        return {}
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError as error:
            raise ImproperlyConfigured(f"OIDC_ROLE_MAP is not valid JSON: {error}") from error
    if not isinstance(raw, dict):
        raise ImproperlyConfigured("OIDC_ROLE_MAP must be a JSON object {claim value: role}.")
    result = {}
    for value, target in raw.items():
        if isinstance(target, str):
            target = {"role": target}
        if not isinstance(target, dict) or set(target) - {"role", "region", "organisation"}:
            raise ImproperlyConfigured(
                f"OIDC_ROLE_MAP[{value!r}] must be a role or an object with role, region and "
                "organisation."
            )
        role = target.get("role")
        if role not in ROLE_PRECEDENCE:
            raise ImproperlyConfigured(
                f"OIDC_ROLE_MAP[{value!r}] has unknown role {role!r}; "
                f"use one of {', '.join(ROLE_PRECEDENCE)}."
            )
        if role == "partner" and not target.get("organisation"):
            raise ImproperlyConfigured(
                f"OIDC_ROLE_MAP[{value!r}]: a partner needs an organisation."
            )
        result[str(value)] = Assignment(
            role=role,
            region=str(target.get("region") or ""),
            organisation=str(target.get("organisation") or ""),
        )
    return result


def role_map() -> dict[str, Assignment]:
    return parse_role_map(_setting("OIDC_ROLE_MAP", ""))


def claim_values(claims: dict, path: str) -> list[str]:
    """The values of a claim, as strings; `path` may name a nested claim with dots
    (Keycloak's `realm_access.roles`)."""
    value = claims
    for part in (path or "").split("."):
        if not isinstance(value, dict):
            return []
        value = value.get(part)
    if value is None:
        return []
    if isinstance(value, str | int):
        return [str(value)]
    if isinstance(value, list | tuple):
        return [str(item) for item in value if isinstance(item, str | int)]
    return []


def assignment_for(claims: dict) -> Assignment | None:
    """The assignment of the claim values, the most powerful role first; None when no value
    of the configured claim is in the role map."""
    mapping = role_map()
    found = [
        mapping[v]
        for v in claim_values(claims, _setting("OIDC_ROLES_CLAIM", "groups"))
        if v in mapping
    ]
    if not found:
        return None
    return min(found, key=lambda a: ROLE_PRECEDENCE.index(a.role))
