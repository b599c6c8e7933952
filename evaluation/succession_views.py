from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from accounts.access import coordinates_region_of as can_edit_agenda
from accounts.decorators import login_first
from agenda.models import Action, Agenda, Theme
from agenda.succession import agenda_carry_over, agenda_start_successor
from common.editing import edit_page

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

    def start():
        data = form.cleaned_data
        return agenda_start_successor(
            user=request.user,
            source=source,
            title=data["title"],
            first_year=data["first_year"],
            last_year=data["last_year"],
            top_level_label=data["top_level_label"],
            pillars=data["structure"],
        )

    return edit_page(
        request,
        form,
        start,
        done_url=lambda agenda: reverse("evaluation:successor_carry_over", args=[agenda.slug]),
        done_message=lambda agenda: (
            _("The concept agenda %(title)s has been started. Choose the actions it carries over.")
            % {"title": agenda.title}
        ),
        template="agenda/agenda_successor_start.html",
        context={"source": source},
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
    return edit_page(
        request,
        form,
        lambda: agenda_carry_over(user=request.user, agenda=agenda, choices=form.chosen()),
        done_url=agenda.get_absolute_url(),
        done_message=lambda new: (
            ngettext(
                "%(n)s action has been carried over.",
                "%(n)s actions have been carried over.",
                len(new),
            )
            % {"n": len(new)}
        ),
        template="agenda/agenda_successor_carry_over.html",
        context={"agenda": agenda, "source": source, "carried": carried},
    )
