from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        import django_filters

        from agenda.filters import register_filter
        from agenda.sections import ACTION_PAGE, register_section

        from .models import Outcome
        from .selectors import action_evaluation, agenda_evaluation

        register_filter(
            "outcome",
            django_filters.ChoiceFilter(
                label=_("Evaluation outcome"),
                field_name="evaluation__outcome",
                choices=Outcome.choices,
                empty_label=_("All"),
            ),
            after="stage",
        )

        register_section(
            "evaluation", agenda_evaluation, "evaluation/_agenda_section.html", order=30
        )
        register_section(
            "evaluation",
            action_evaluation,
            "evaluation/_action_section.html",
            order=20,
            page=ACTION_PAGE,
        )
