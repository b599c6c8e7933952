from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BodiesConfig(AppConfig):
    name = "bodies"
    verbose_name = _("Bodies")

    def ready(self):
        from agenda.sections import AGENDA_TOOLS, ORGANISATION_PAGE, register_section

        from .selectors import agenda_annex_link, agenda_treatment, organisation_seats

        register_section("bodies", agenda_treatment, "bodies/_agenda_section.html", order=20)
        register_section(
            "bijlage2", agenda_annex_link, "bodies/_agenda_tool.html", order=10, page=AGENDA_TOOLS
        )
        register_section(
            "bodies",
            organisation_seats,
            "bodies/_organisation_section.html",
            order=10,
            page=ORGANISATION_PAGE,
        )
