from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "imports"
    verbose_name = _("Imports")

    def ready(self):
        from agenda.sections import AGENDA_EDITING, register_section

        register_section(
            "imports",
            lambda agenda, user: {"agenda": agenda},
            "imports/_agenda_editing_links.html",
            order=10,
            page=AGENDA_EDITING,
        )
