from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "sso"
    verbose_name = _("Login with an organisation account")

    def ready(self):
        from . import checks  # noqa: F401 (registers the system check)
