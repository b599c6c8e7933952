from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from accounts.access import coordinates_region_of as can_edit_agenda
from accounts.decorators import login_first
from agenda.models import Action, Agenda, Theme
from agenda.succession import agenda_carry_over, agenda_start_successor

from .succession_forms import CarryOverForm, SuccessorForm


def _initial_structure(source: Agenda) -> str:
    lines = [p.name for p in source.pillars.all()]
    return "\n".join([*lines, "Innovatie-agenda"])


@login_first
@require_http_methods(["GET", "POST"])
def successor_start(request, slug):
    source = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    if not can_edit_agenda(request.user, source):
        raise PermissionDenied
    initial = {
        "first_year": source.last_year + 1,
        "last_year": source.last_year + 1 + (source.last_year - source.first_year),
        "top_level_label": "actielijn",
        "structure": _initial_structure(source),
    }
    form = SuccessorForm(request.POST or None, initial=initial, source=source)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agenda = agenda_start_successor(
                user=request.user,
                source=source,
                title=data["title"],
                first_year=data["first_year"],
                last_year=data["last_year"],
                top_level_label=data["top_level_label"],
                pillars=data["structure"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "The concept agenda %(title)s has been started. "
                    "Choose the actions it carries over."
                )
                % {"title": agenda.title},
            )
            return redirect("evaluation:successor_carry_over", slug=agenda.slug)
    return TemplateResponse(
        request, "agenda/agenda_successor_start.html", {"source": source, "form": form}
    )


@login_first
@require_http_methods(["GET", "POST"])
def successor_carry_over(request, slug):
    agenda = get_object_or_404(
        Agenda.objects.visible_to(request.user).select_related("predecessor"), slug=slug
    )
    if not can_edit_agenda(request.user, agenda):
        raise PermissionDenied
    source = agenda.predecessor
    if source is None:
        messages.error(request, _("This agenda has no predecessor to carry actions over from."))
        return redirect(agenda.get_absolute_url())
    actions = list(Action.objects.in_agenda(source).with_related().in_document_order())
    themes = list(Theme.objects.filter(agenda=agenda).select_related("pillar"))
    carried = dict(
        Action.objects.in_agenda(agenda)
        .filter(predecessor__isnull=False)
        .values_list("predecessor_id", "pk")
    )
    form = CarryOverForm(
        request.POST or None, actions=actions, themes=themes, carried_ids=set(carried)
    )
    if request.method == "POST" and form.is_valid():
        try:
            new = agenda_carry_over(user=request.user, agenda=agenda, choices=form.chosen())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s action has been carried over.",
                    "%(n)s actions have been carried over.",
                    len(new),
                )
                % {"n": len(new)},
            )
            return redirect(agenda.get_absolute_url())
    return TemplateResponse(
        request,
        "agenda/agenda_successor_carry_over.html",
        {"agenda": agenda, "source": source, "form": form, "carried": carried},
    )
