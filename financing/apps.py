from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinancingConfig(AppConfig):
    name = "financing"
    verbose_name = _("Financing")

    def ready(self):
        from agenda.filters import AgendaChoiceFilter, register_filter
        from agenda.sections import ACTION_PAGE, register_section
        from agenda.tables import register_export_column

        from .models import Allocation, FundingStream
        from .selectors import (
            action_funding,
            actions_funded_by,
            agenda_funding,
            funding_summaries,
            funding_summary,
        )

        register_filter(
            "funding",
            AgendaChoiceFilter(
                label=_("Funding stream"),
                method=lambda actions, _name, stream: actions_funded_by(actions, stream),
                to_field_name="slug",
                choices_for=lambda agenda: FundingStream.objects.used_in_agenda(agenda).order_by(
                    "order", "name"
                ),
            ),
            versioned=[Allocation.history.model, FundingStream.history.model],
        )
        # In the export only: the funding streams with their budgeted and realised amounts.
        register_export_column(
            "funding",
            _("Funding streams and amounts"),
            text_of=funding_summary,
            texts_of=funding_summaries,
        )

        register_section("financing", agenda_funding, "financing/_agenda_section.html", order=10)
        register_section(
            "financing",
            action_funding,
            "financing/_action_section.html",
            order=10,
            page=ACTION_PAGE,
        )
