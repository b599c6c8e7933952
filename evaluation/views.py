from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from accounts.access import coordinates_region_of as can_edit_agenda
from accounts.decorators import deletable_object, editable_object, login_first
from agenda.models import Action, Agenda
from common.charts import stacked_bar_chart
from common.editing import confirm_delete, edit_page
from common.pdf import pdf_response

from . import services
from .forms import EvaluationForm, IndicatorForm
from .models import Evaluation, Indicator, evaluated_actions
from .pdf import render_evaluation_pdf
from .succession_views import successor_carry_over, successor_start  # noqa: F401
from .summary import OUTCOME_TONES, evaluation_groups, outcomes_per_pillar


def evaluation_overview(request, slug):
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    groups, counts, total = evaluation_groups(agenda)
    per_pillar = outcomes_per_pillar(groups)
    return TemplateResponse(
        request,
        "evaluation/evaluation_overview.html",
        {
            "agenda": agenda,
            "groups": groups,
            "counts": counts,
            "total": total,
            "per_pillar": per_pillar,
            "outcome_chart": outcome_chart(per_pillar),
            "setbacks": sum(c["count"] for c in counts if c["setback"]),
            "can_edit": can_edit_agenda(request.user, agenda),
            "crumbs": [(agenda.title, agenda.get_absolute_url()), (_("Evaluation"), None)],
        },
    )


def outcome_chart(per_pillar: dict):
    """The figures of `outcomes_per_pillar` as a stacked bar per pillar, one segment per outcome."""
    rows = [
        (
            f"{row['group']['position']}. {row['group']['label']}",
            [count for _label, count in row["cells"]],
        )
        for row in per_pillar["rows"]
    ]
    columns = per_pillar["columns"]
    return stacked_bar_chart(
        rows,
        [label for _value, label in columns],
        tones=[OUTCOME_TONES[value] for value, _label in columns],
    )


def evaluation_pdf(request, slug):
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    return pdf_response(
        render_evaluation_pdf(agenda=agenda), filename=f"evaluatie-{agenda.slug}.pdf"
    )


@login_first
@require_http_methods(["GET", "POST"])
def final_statuses(request, slug):
    """A coordinator gives the actions of a closed agenda the final status their evaluation
    says: the changes are listed for confirmation first."""
    agenda = get_object_or_404(Agenda.objects.editable_by(request.user), slug=slug)
    closed = agenda.state == Agenda.State.CLOSED
    changes = services.final_status_changes(agenda) if closed else []
    if request.method == "POST" and closed:
        changed = services.agenda_final_statuses_from_evaluation(agenda=agenda, user=request.user)
        messages.success(
            request,
            ngettext(
                "%(count)s action got its final status from the evaluation.",
                "%(count)s actions got their final status from the evaluation.",
                changed,
            )
            % {"count": changed},
        )
        return redirect(agenda.get_absolute_url())
    return TemplateResponse(
        request,
        "evaluation/final_statuses.html",
        {
            "agenda": agenda,
            "closed": closed,
            "changes": changes,
            "crumbs": [(agenda.title, agenda.get_absolute_url()), (_("Final statuses"), None)],
        },
    )


def _editable_action(request, pk) -> Action:
    return editable_object(request, evaluated_actions().with_related(), pk=pk)


@login_first
@require_http_methods(["GET", "POST"])
def evaluation_edit(request, pk):
    action = _editable_action(request, pk)
    evaluation = Evaluation.objects.filter(action=action).first()
    if evaluation is None:
        evaluation = Evaluation(
            action=action,
            pillar=action.pillar,
            title=action.short_title or "",
            action_text=action.text,
            number=(
                max(
                    Evaluation.objects.in_agenda(action.agenda).values_list("number", flat=True),
                    default=0,
                )
                + 1
            ),
        )
    form = EvaluationForm(request.POST or None, instance=evaluation, agenda=action.agenda)
    return edit_page(
        request,
        form,
        lambda: services.evaluation_save(
            user=request.user,
            action=action,
            data={name: form.cleaned_data[name] for name in services.EVALUATION_FIELDS},
            parties=form.cleaned_data["parties"],
            expected_version=form.cleaned_data.get("version"),
        ),
        done_url=action.get_absolute_url() + "#evaluatie",
        done_message=_("The evaluation has been saved."),
        template="evaluation/evaluation_form.html",
        context={"action": action, "is_new": evaluation.pk is None},
    )


@login_first
@require_http_methods(["GET", "POST"])
def indicator_create(request, pk):
    action = _editable_action(request, pk)
    form = IndicatorForm(request.POST or None, instance=Indicator(action=action))
    return edit_page(
        request,
        form,
        lambda: services.indicator_save(user=request.user, action=action, data=form.cleaned_data),
        done_url=action.get_absolute_url() + "#indicatoren",
        done_message=_("The indicator has been added."),
        template="evaluation/indicator_form.html",
        context={"action": action},
    )


@login_first
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk):
    indicator = editable_object(request, Indicator.objects.select_related("action"), pk=pk)
    action = indicator.action
    form = IndicatorForm(request.POST or None, instance=indicator)
    return edit_page(
        request,
        form,
        lambda: services.indicator_save(
            user=request.user, action=action, indicator=indicator, data=form.cleaned_data
        ),
        done_url=action.get_absolute_url() + "#indicatoren",
        done_message=_("The indicator has been saved."),
        template="evaluation/indicator_form.html",
        context={"action": action, "indicator": indicator},
    )


@login_first
@require_http_methods(["GET", "POST"])
def indicator_delete(request, pk):
    indicator = deletable_object(request, Indicator.objects.select_related("action"), pk=pk)
    action = indicator.action
    back = action.get_absolute_url() + "#indicatoren"
    return confirm_delete(
        request,
        delete=lambda: services.indicator_delete(user=request.user, indicator=indicator),
        done_url=back,
        done_message=_("The indicator has been deleted."),
        title=_("Delete the indicator"),
        question=_(
            'Do you want to delete the indicator "%(name)s" of the action "%(action)s"? '
            "Its history is kept."
        )
        % {"name": indicator.name, "action": action},
        cancel_url=back,
    )
