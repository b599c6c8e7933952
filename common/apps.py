from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = _("Common")

    def ready(self):
        from django.contrib import admin

        from .versioning import version_admin_forms

        version_admin_forms(admin.site)
        from . import lookups

        lookups.register()
