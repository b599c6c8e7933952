"""Bijlage 1 as PDF: the whole agenda, a selection of the action table, or a past date.

The views only check access and wrap the bytes of `agenda.pdf.render_bijlage1_pdf`. The whole
agenda and a selection are public wherever the agenda is (adopted agendas); the agenda as it stood
on a past date is for staff: coordinators of the agenda's region and staff users.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from accounts.access import can_print_past_annex
from accounts.decorators import login_first
from common.annexes import annex_response, content_version
from common.pdf import dutch_date, pdf_filename, pdf_response

from .filters import ActionFilter
from .models import Action, Agenda
from .pdf import AgendaNotYetThere, current_state, layout_bijlage1, render_bijlage1_pdf
from .tasks import make_bijlage1


def selection_description(action_filter: ActionFilter) -> str:
    """The filters in use, as the PDF's title says them ("Status: loopt; Thema: ...")."""
    return "; ".join(f"{label}: {value}" for label, value in action_filter.active_filters)


class PastDateForm(forms.Form):
    date = forms.DateField(
        label=gettext_lazy("Date"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        help_text=gettext_lazy("The annex shows the agenda as it stood at the end of this day."),
        error_messages={
            "required": gettext_lazy("Enter a date."),
            "invalid": gettext_lazy("Enter a valid date, for example 14-10-2020."),
        },
        widget=forms.DateInput(
            attrs={"type": "date", "class": "utrecht-textbox utrecht-textbox--html-input"},
            format="%Y-%m-%d",
        ),
    )

    def __init__(self, *args, earliest: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.earliest = earliest
        field = self.fields["date"]
        example = (earliest or timezone.localdate()).strftime("%d-%m-%Y")
        field.error_messages["invalid"] = _("Enter a valid date, for example %(example)s.") % {
            "example": example
        }
        if earliest is not None:
            field.help_text = _(
                "The annex shows the agenda as it stood at the end of this day. "
                "The earliest date available is %(date)s."
            ) % {"date": dutch_date(earliest)}

    def not_yet_there_message(self) -> str:
        message = _("On that date the agenda was not yet in the portal.")
        if self.earliest is not None:
            message += " " + _("The earliest date available is %(date)s.") % {
                "date": dutch_date(self.earliest)
            }
        return message

    def clean_date(self):
        day = self.cleaned_data["date"]
        today = timezone.localdate()
        if day > today:
            raise forms.ValidationError(_("The date cannot be in the future."))
        if self.earliest is not None and day < self.earliest:
            raise forms.ValidationError(self.not_yet_there_message())
        return day


def earliest_date(agenda: Agenda) -> datetime.date | None:
    """The first day on which the agenda was in the portal (its first recorded version)."""
    first = agenda.history.order_by("history_date").values_list("history_date", flat=True).first()
    return timezone.localdate(first) if first is not None else None


@require_GET
def bijlage1_pdf(request, slug):
    """The whole agenda: stored by content, made in the background when it is large."""
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    today = timezone.localdate()
    state = current_state(agenda)
    return annex_response(
        request,
        kind=f"bijlage1:{agenda.pk}",
        # The part size shapes the pages of a large annex (it is laid out in parts).
        version=content_version(state, today, "nl", settings.ANNEX_CHUNK_ACTIONS),
        filename=pdf_filename(f"bijlage-1-{agenda.slug}"),
        render=lambda: layout_bijlage1(state, as_of=today),
        rows=state.action_count,
        task=make_bijlage1,
        params={
            "agenda": agenda.pk,
            "as_of": today.isoformat(),
            "public": agenda.state == Agenda.State.ADOPTED,
            "title": _("Annex 1: %(agenda)s") % {"agenda": agenda.title},
            "back_url": agenda.get_absolute_url(),
        },
    )


@require_GET
def bijlage1_selection_pdf(request, slug):
    """Exactly the rows the action table shows for the same query string."""
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    actions = Action.objects.in_agenda(agenda).visible_to(request.user)
    action_filter = ActionFilter(request.GET or None, queryset=actions, agenda=agenda)
    if action_filter.is_bound:
        action_filter.form.is_valid()  # invalid values are ignored, as in the table
    description = selection_description(action_filter) or _("all actions")
    today = timezone.localdate()
    state = current_state(agenda, action_filter.qs)
    return annex_response(
        request,
        kind=f"bijlage1-selection:{agenda.pk}",
        version=content_version(state, today, description, "nl", settings.ANNEX_CHUNK_ACTIONS),
        filename=pdf_filename(f"bijlage-1-{agenda.slug}-selectie"),
        render=lambda: layout_bijlage1(state, as_of=today, selection_description=description),
        keep=False,  # any query makes a selection: answer conditional GETs, store nothing
    )


@login_first
@require_GET
def bijlage1_as_of(request, slug):
    """A form for the date; with a valid date, the PDF of the agenda as it stood then."""
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    if not can_print_past_annex(request.user, agenda):
        raise PermissionDenied
    form = PastDateForm(
        request.GET if "date" in request.GET else None, earliest=earliest_date(agenda)
    )
    if form.is_valid():
        day: datetime.date = form.cleaned_data["date"]
        try:
            content = render_bijlage1_pdf(agenda=agenda, as_of=day)
        except AgendaNotYetThere:
            form.add_error("date", form.not_yet_there_message())
        else:
            return pdf_response(
                content, pdf_filename(f"bijlage-1-{agenda.slug}-stand-{day.isoformat()}")
            )
    return TemplateResponse(
        request,
        "agenda/agenda_annex_as_of.html",
        {
            "agenda": agenda,
            "form": form,
            "crumbs": [
                (agenda.title, agenda.get_absolute_url()),
                (_("Annex 1 as of a date"), None),
            ],
        },
        status=400 if form.is_bound and form.errors else 200,
    )
