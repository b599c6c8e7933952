from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Agendas")

    def ready(self):
        # The governance app stands below the agenda, so the agenda adds its section itself;
        # the apps above the agenda add theirs in their own ready().
        from governance.selectors import agenda_treatment

        from .sections import register_section

        register_section(
            "governance", agenda_treatment, "governance/_agenda_section.html", order=20
        )
