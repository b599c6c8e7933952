from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinancingConfig(AppConfig):
    name = "financing"
    verbose_name = _("Financing")

    def ready(self):
        from agenda.sections import ACTION_PAGE, register_section

        from .selectors import action_funding, agenda_funding

        register_section("financing", agenda_funding, "financing/_agenda_section.html", order=10)
        register_section(
            "financing",
            action_funding,
            "financing/_action_section.html",
            order=10,
            page=ACTION_PAGE,
        )
