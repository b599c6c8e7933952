"""The publication acts of an agenda, each confirmed first and recorded in its history.

Publishing makes a concept readable for everyone without adopting it (a living werkplan);
adopting ("Agenda vaststellen op <datum>") is its own act; closing ends the agenda's run.
A step of the decision route records a decision and never changes any of this.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.decorators import login_first
from common.pdf import dutch_date

from . import services
from .models import Agenda
from .publication_forms import AgendaAdoptForm


def _coordinated_agenda(request, slug) -> Agenda:
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    if not Agenda.objects.filter(pk=agenda.pk).editable_by(request.user).exists():
        raise PermissionDenied
    return agenda


@login_first
@require_http_methods(["GET", "POST"])
def agenda_adopt(request, slug):
    """Ask for the date, then for confirmation, then adopt."""
    agenda = _coordinated_agenda(request, slug)
    can_adopt = agenda.state in (Agenda.State.CONCEPT, Agenda.State.PUBLISHED)
    form = AgendaAdoptForm(request.POST or None)
    confirming = False
    if request.method == "POST" and can_adopt and form.is_valid():
        if request.POST.get("confirm") == "yes":
            try:
                services.agenda_adopt(agenda=agenda, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                transaction.set_rollback(True)
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("The agenda has been adopted on %(date)s.")
                    % {"date": dutch_date(form.cleaned_data["adopted_on"])},
                )
                return HttpResponseRedirect(agenda.get_absolute_url())
        else:
            confirming = True
    adopted_on = form.cleaned_data.get("adopted_on") if confirming else None
    return TemplateResponse(
        request,
        "agenda/agenda_adopt.html",
        {
            "agenda": agenda,
            "form": form,
            "can_adopt": can_adopt,
            "confirming": confirming,
            "adopted_on_text": dutch_date(adopted_on) if adopted_on else "",
        },
    )


PUBLICATION_QUESTIONS = {
    Agenda.State.PUBLISHED: (
        gettext_lazy("Publish this agenda without adopting it?"),
        gettext_lazy("Everyone can read it without logging in. It is marked as not adopted."),
    ),
    Agenda.State.CONCEPT: (
        gettext_lazy("Take this agenda back to concept?"),
        gettext_lazy("Only logged-in users can read it again."),
    ),
    Agenda.State.CLOSED: (
        gettext_lazy("Close this agenda?"),
        gettext_lazy(
            "Its run is over; it stays public. Set the final status of its actions from their "
            "evaluation."
        ),
    ),
}


@login_first
@require_http_methods(["GET", "POST"])
def agenda_publication(request, slug, state):
    """Publish, take back to concept or close: a confirmation page, then the change."""
    agenda = _coordinated_agenda(request, slug)
    if state not in PUBLICATION_QUESTIONS:
        raise PermissionDenied
    allowed = state in services.PUBLICATION_MOVES.get(agenda.state, set())
    errors = []
    if request.method == "POST" and allowed:
        try:
            services.agenda_set_publication(agenda=agenda, user=request.user, state=state)
        except ValidationError as error:
            transaction.set_rollback(True)
            errors = error.messages
        else:
            messages.success(
                request, _("The agenda is now %(state)s.") % {"state": Agenda.State(state).label}
            )
            return HttpResponseRedirect(agenda.get_absolute_url())
    question, consequence = PUBLICATION_QUESTIONS[state]
    return TemplateResponse(
        request,
        "agenda/agenda_publication.html",
        {
            "agenda": agenda,
            "allowed": allowed,
            "question": question,
            "consequence": consequence,
            "errors": errors,
            "target_label": Agenda.State(state).label,
        },
    )
