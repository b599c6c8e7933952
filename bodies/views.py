"""Pages of the consultative bodies (overleggen), people, decision routes and Bijlage 2.

Reading is public, except names of people who are not office-holders or representatives: those
are shown to logged-in users only (see bodies/models.py). Coordinators of a region
(accounts.access.is_coordinator_for) edit; visitors who are not logged in go to the login page,
other users get 403.
"""

import json

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import can_read_internal, is_coordinator_for
from accounts.decorators import deletable_object, editable_object, login_first, require
from agenda.models import Agenda
from common.editing import confirm_delete, edit_page
from common.pdf import pdf_filename, pdf_response

from . import services
from .forms import (
    BodyForm,
    BodyPillarsForm,
    ConsultationInputForm,
    DecisionStepForm,
    MembershipForm,
    PersonForm,
    coordinated_regions,
)
from .models import Body, ConsultationInput, DecisionStep, Membership, Person
from .pdf import render_behandeling_pdf, render_bijlage2_pdf


def _check_coordinator(request, region) -> None:
    require(is_coordinator_for(request.user, region))


def _bodies_crumb():
    return (_("Bodies"), reverse("bodies:body_list"))


# --- bodies ----------------------------------------------------------------------------------


def body_list(request):
    show_private = can_read_internal(request.user)
    regions = []
    # A coordinator's own region is listed even before it has a body, for "New body".
    for region in _regions_with_bodies(request.user):
        groups = services.bodies_overview(
            bodies=Body.objects.in_region(region), pillars=[], show_private=show_private
        )
        regions.append(
            {
                "region": region,
                "groups": groups,
                "can_edit": is_coordinator_for(request.user, region),
            }
        )
    agendas = Agenda.objects.visible_to(request.user).filter(bodies__isnull=False).distinct()
    return TemplateResponse(
        request,
        "bodies/body_list.html",
        {
            "regions": regions,
            "agendas": agendas,
            "show_private": show_private,
            "crumbs": [(_("Bodies"), None)],
        },
    )


def _regions_with_bodies(user=None):
    from django.db.models import Q

    from governance.models import Region

    listed = Q(bodies__isnull=False)
    if user is not None:
        listed |= Q(pk__in=coordinated_regions(user).values("pk"))
    return Region.objects.filter(listed).distinct()


def body_detail(request, pk):
    body = get_object_or_404(Body.objects.select_related("region"), pk=pk)
    show_private = can_read_internal(request.user)
    marks = {bp.pillar_id: bp for bp in body.body_pillars.select_related("pillar")}
    coverage = []
    for agenda in body.agendas.all() & Agenda.objects.visible_to(request.user):
        rows = [
            {"pillar": pillar, "mark": marks[pillar.pk] if pillar.pk in marks else None}
            for pillar in agenda.pillars.prefetch_related("themes")
        ]
        coverage.append({"agenda": agenda, "rows": rows})
    seats = sorted(
        body.memberships.select_related("person__organisation", "alias", "organisation"),
        key=lambda m: (m.side != Membership.Side.MUNICIPALITIES, m.order, m.pk),
    )
    steps = (
        DecisionStep.objects.filter(body=body, agenda__in=Agenda.objects.visible_to(request.user))
        .select_related("agenda")
        .order_by("date", "agenda", "order")
    )
    return TemplateResponse(
        request,
        "bodies/body_detail.html",
        {
            "body": body,
            "coverage": coverage,
            "seats": [(seat, seat.display(show_private=show_private)) for seat in seats],
            "steps": steps,
            "show_private": show_private,
            "can_edit": is_coordinator_for(request.user, body.region),
            "crumbs": [_bodies_crumb(), (body.full_name, None)],
        },
    )


@login_first
@require_http_methods(["GET", "POST"])
def body_create(request):
    require(coordinated_regions(request.user).exists())
    form = BodyForm(request.POST or None, user=request.user)
    title = _("New body")
    return edit_page(
        request,
        form,
        lambda: _save_body(request, form),
        done_url=lambda body: body.get_absolute_url(),
        done_message=_("The body has been added."),
        title=title,
        cancel_url=reverse("bodies:body_list"),
        crumbs=[_bodies_crumb(), (title, None)],
    )


def _save_body(request, form):
    return services.body_save(
        user=request.user, body=form.instance, agendas=form.cleaned_data["agendas"]
    )


def _body_crumbs(body, title):
    return [_bodies_crumb(), (body.full_name, body.get_absolute_url()), (title, None)]


@login_first
@require_http_methods(["GET", "POST"])
def body_update(request, pk):
    body = editable_object(request, Body.objects.all(), pk=pk)
    form = BodyForm(request.POST or None, instance=body, user=request.user)
    title = _("Edit %(name)s") % {"name": body.name}
    return edit_page(
        request,
        form,
        lambda: _save_body(request, form),
        done_url=body.get_absolute_url(),
        done_message=_("The body has been saved."),
        title=title,
        cancel_url=body.get_absolute_url(),
        crumbs=_body_crumbs(body, title),
    )


@login_first
@require_http_methods(["GET", "POST"])
def body_pillars(request, pk):
    body = editable_object(request, Body.objects.all(), pk=pk)
    form = BodyPillarsForm(request.POST or None, body=body)
    title = _("Pillars covered by %(name)s") % {"name": body.name}
    return edit_page(
        request,
        form,
        lambda: services.body_pillars_set(user=request.user, body=body, marks=form.marks()),
        done_url=body.get_absolute_url(),
        done_message=_("The pillars of this body have been saved."),
        title=title,
        intro=""
        if form.fields
        else _("Link the body to an agenda first; then its pillars appear."),
        cancel_url=body.get_absolute_url(),
        crumbs=_body_crumbs(body, title),
    )


@login_first
@require_http_methods(["GET", "POST"])
def body_delete(request, pk):
    body = deletable_object(request, Body.objects.all(), pk=pk)
    title = _("Delete %(name)s") % {"name": body.name}
    count = body.memberships.count()
    return confirm_delete(
        request,
        delete=lambda: services.body_delete(user=request.user, body=body),
        done_url=reverse("bodies:body_list"),
        done_message=_("The body has been deleted."),
        title=title,
        question=_("Do you want to delete this body?"),
        consequences=[_("%(count)s seats in this body are deleted with it.") % {"count": count}],
        cancel_url=body.get_absolute_url(),
        crumbs=_body_crumbs(body, title),
    )


# --- seats -----------------------------------------------------------------------------------


@login_first
@require_http_methods(["GET", "POST"])
def membership_create(request, pk):
    body = editable_object(request, Body.objects.all(), pk=pk)
    initial = {"order": (max(body.memberships.values_list("order", flat=True), default=0) + 1)}
    form = MembershipForm(request.POST or None, body=body, initial=initial)
    return _membership_page(
        request, form, body, _("New seat in %(name)s"), _("The seat has been added.")
    )


def _membership_page(request, form, body, title, done_message):
    title = title % {"name": body.name}
    return edit_page(
        request,
        form,
        lambda: services.membership_save(user=request.user, membership=form.instance),
        done_url=body.get_absolute_url(),
        done_message=done_message,
        title=title,
        cancel_url=body.get_absolute_url(),
        crumbs=_body_crumbs(body, title),
    )


@login_first
@require_http_methods(["GET", "POST"])
def membership_update(request, pk):
    seat = editable_object(request, Membership.objects.select_related("body"), pk=pk)
    form = MembershipForm(request.POST or None, instance=seat, body=seat.body)
    return _membership_page(
        request, form, seat.body, _("Edit a seat in %(name)s"), _("The seat has been saved.")
    )


@login_first
@require_http_methods(["GET", "POST"])
def membership_delete(request, pk):
    seat = deletable_object(request, Membership.objects.select_related("body"), pk=pk)
    body = seat.body
    title = _("Delete a seat in %(name)s") % {"name": body.name}
    return confirm_delete(
        request,
        delete=lambda: services.membership_delete(user=request.user, membership=seat),
        done_url=body.get_absolute_url(),
        done_message=_("The seat has been deleted."),
        title=title,
        question=_("Do you want to delete the seat “%(seat)s”?")
        % {"seat": seat.display(show_private=True)},
        cancel_url=body.get_absolute_url(),
        crumbs=_body_crumbs(body, title),
    )


# --- people ----------------------------------------------------------------------------------


def _people_crumb():
    return (_("People in bodies"), reverse("bodies:person_list"))


def _person_for_coordinator(request, pk) -> Person:
    return editable_object(request, Person.objects.select_related("region", "organisation"), pk=pk)


@login_first
def person_list(request):
    regions = coordinated_regions(request.user)
    if not regions.exists():
        raise PermissionDenied
    people = (
        Person.objects.filter(region__in=regions)
        .select_related("organisation")
        .prefetch_related("memberships__body")
    )
    return TemplateResponse(
        request,
        "bodies/person_list.html",
        {"people": people, "crumbs": [_bodies_crumb(), (_("People in bodies"), None)]},
    )


@login_first
def person_detail(request, pk):
    person = _person_for_coordinator(request, pk)
    seats = person.memberships.select_related("body").order_by("body__level_order", "body__order")
    return TemplateResponse(
        request,
        "bodies/person_detail.html",
        {
            "person": person,
            "seats": [(seat, seat.display(show_private=True)) for seat in seats],
            "crumbs": [_bodies_crumb(), _people_crumb(), (person.name, None)],
        },
    )


@login_first
@require_http_methods(["GET", "POST"])
def person_create(request):
    require(coordinated_regions(request.user).exists())
    form = PersonForm(request.POST or None, user=request.user)
    title = _("New person")
    return edit_page(
        request,
        form,
        lambda: _save_person(request, form),
        done_url=lambda person: person.get_absolute_url(),
        done_message=_("The person has been added."),
        title=title,
        cancel_url=reverse("bodies:person_list"),
        crumbs=[_bodies_crumb(), _people_crumb(), (title, None)],
    )


def _save_person(request, form):
    return services.person_save(
        user=request.user, person=form.instance, spellings=form.cleaned_data["other_spellings"]
    )


def _person_crumbs(person, title):
    return [
        _bodies_crumb(),
        _people_crumb(),
        (person.name, person.get_absolute_url()),
        (title, None),
    ]


@login_first
@require_http_methods(["GET", "POST"])
def person_update(request, pk):
    person = _person_for_coordinator(request, pk)
    form = PersonForm(request.POST or None, instance=person, user=request.user)
    title = _("Edit %(name)s") % {"name": person.name}
    return edit_page(
        request,
        form,
        lambda: _save_person(request, form),
        done_url=person.get_absolute_url(),
        done_message=_("The person has been saved."),
        title=title,
        cancel_url=person.get_absolute_url(),
        crumbs=_person_crumbs(person, title),
    )


@login_first
def person_export(request, pk):
    person = _person_for_coordinator(request, pk)
    data = services.person_export(person=person)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="persoon-{person.pk}.json"'
    return response


@login_first
@require_http_methods(["GET", "POST"])
def person_remove(request, pk):
    person = _person_for_coordinator(request, pk)
    title = _("Remove %(name)s") % {"name": person.name}
    count = person.memberships.count()
    return confirm_delete(
        request,
        delete=lambda: services.person_remove(user=request.user, person=person),
        done_url=reverse("bodies:person_list"),
        done_message=lambda kept: (
            _("The person has been removed. %(count)s seats remain as “deleted person”.")
            % {"count": kept}
        ),
        title=title,
        question=_("Do you want to remove this person and their name from the portal?"),
        consequences=[
            _("Their %(count)s seats remain, shown as “deleted person”.") % {"count": count},
            _("The name is also removed from the change history. This cannot be undone."),
            _("Download the export first if the person asked for their data."),
        ],
        cancel_url=person.get_absolute_url(),
        crumbs=_person_crumbs(person, title),
    )


# --- decision route and consultation of an agenda --------------------------------------------


def _agenda_for_coordinator(request, slug) -> Agenda:
    agenda = get_object_or_404(Agenda.objects.select_related("region", "municipality"), slug=slug)
    _check_coordinator(request, agenda.owner_region)
    return agenda


def _agenda_crumbs(agenda, title):
    return [(agenda.title, agenda.get_absolute_url()), (title, None)]


def _route_url(agenda):
    return agenda.get_absolute_url() + "#behandeling"


@login_first
@require_http_methods(["GET", "POST"])
def decision_step_create(request, slug):
    agenda = _agenda_for_coordinator(request, slug)
    form = DecisionStepForm(request.POST or None, agenda=agenda)
    return _decision_step_page(
        request,
        form,
        agenda,
        lambda fields: services.decision_step_record(user=request.user, agenda=agenda, **fields),
        title=_("New step in the decision route"),
        done_message=_("The step has been added to the decision route."),
    )


def _decision_step_page(request, form, agenda, save, *, title, done_message):
    return edit_page(
        request,
        form,
        lambda: save({name: form.cleaned_data[name] for name in form.Meta.fields}),
        done_url=_route_url(agenda),
        done_message=done_message,
        title=title,
        intro=_(
            "A step records a decision and nothing more: adopting the agenda is its own act "
            "on the agenda page."
        ),
        cancel_url=_route_url(agenda),
        crumbs=_agenda_crumbs(agenda, title),
    )


@login_first
@require_http_methods(["GET", "POST"])
def decision_step_update(request, pk):
    step = editable_object(request, DecisionStep.objects.select_related("agenda"), pk=pk)
    form = DecisionStepForm(request.POST or None, instance=step, agenda=step.agenda)
    return _decision_step_page(
        request,
        form,
        step.agenda,
        lambda fields: services.decision_step_update(user=request.user, step=step, **fields),
        title=_("Edit a step of the decision route"),
        done_message=_("The step has been saved."),
    )


@login_first
@require_http_methods(["GET", "POST"])
def decision_step_delete(request, pk):
    step = deletable_object(request, DecisionStep.objects.select_related("agenda", "body"), pk=pk)
    agenda = step.agenda
    title = _("Delete a step of the decision route")
    return confirm_delete(
        request,
        delete=lambda: services.decision_step_delete(user=request.user, step=step),
        done_url=_route_url(agenda),
        done_message=_("The step has been deleted."),
        title=title,
        question=_("Do you want to delete the step “%(step)s”?") % {"step": step.body_name},
        consequences=[_("The agenda's state does not change.")],
        cancel_url=_route_url(agenda),
        crumbs=_agenda_crumbs(agenda, title),
    )


def _consultation_url(agenda):
    return agenda.get_absolute_url() + "#inbreng"


@login_first
@require_http_methods(["GET", "POST"])
def consultation_create(request, slug):
    agenda = _agenda_for_coordinator(request, slug)
    form = ConsultationInputForm(request.POST or None, agenda=agenda)
    return _consultation_page(
        request,
        form,
        agenda,
        title=_("New consultation input"),
        done_message=_("The input has been added."),
    )


def _consultation_page(request, form, agenda, *, title, done_message):
    return edit_page(
        request,
        form,
        lambda: services.consultation_save(user=request.user, item=form.instance),
        done_url=_consultation_url(agenda),
        done_message=done_message,
        title=title,
        cancel_url=_consultation_url(agenda),
        crumbs=_agenda_crumbs(agenda, title),
    )


@login_first
@require_http_methods(["GET", "POST"])
def consultation_update(request, pk):
    item = editable_object(request, ConsultationInput.objects.select_related("agenda"), pk=pk)
    form = ConsultationInputForm(request.POST or None, instance=item, agenda=item.agenda)
    return _consultation_page(
        request,
        form,
        item.agenda,
        title=_("Edit consultation input"),
        done_message=_("The input has been saved."),
    )


@login_first
@require_http_methods(["GET", "POST"])
def consultation_delete(request, pk):
    item = deletable_object(
        request, ConsultationInput.objects.select_related("agenda", "partner"), pk=pk
    )
    agenda = item.agenda
    title = _("Delete consultation input")
    return confirm_delete(
        request,
        delete=lambda: services.consultation_delete(user=request.user, item=item),
        done_url=_consultation_url(agenda),
        done_message=_("The input has been deleted."),
        title=title,
        question=_("Do you want to delete the input of %(partner)s?") % {"partner": item.partner},
        cancel_url=_consultation_url(agenda),
        crumbs=_agenda_crumbs(agenda, title),
    )


# --- Bijlage 2 ---------------------------------------------------------------------------------


def bijlage2_pdf(request, slug):
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    content = render_bijlage2_pdf(agenda=agenda, show_private=can_read_internal(request.user))
    return pdf_response(content, pdf_filename(f"Bijlage 2 {agenda.title}"))


def behandeling_pdf(request, slug):
    """The "Behandeling en inbreng" annex: the decision route and the consultation matrix."""
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    content = render_behandeling_pdf(agenda=agenda)
    return pdf_response(content, pdf_filename(f"Behandeling en inbreng {agenda.title}"))
