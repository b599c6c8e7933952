from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from . import config


@checks.register(checks.Tags.security)
def check_oidc_settings(app_configs, **kwargs):
    """A malformed OIDC_ROLE_MAP, or OIDC settings that are half there, at startup."""
    from django.conf import settings

    errors = []
    try:
        mapping = config.role_map()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="sso.E001")]
    if config.enabled():
        if not settings.OIDC_RP_CLIENT_SECRET:
            errors.append(checks.Error("OIDC_RP_CLIENT_SECRET is not set.", id="sso.E002"))
        if not mapping:
            errors.append(
                checks.Warning(
                    "OIDC_ROLE_MAP is empty: every login through the provider is refused.",
                    id="sso.W001",
                )
            )
    return errors
