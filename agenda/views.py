from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from governance.models import Organisation

from .models import Action, Agenda


def home(request):
    agendas = Agenda.objects.visible_to(request.user).select_related("region", "municipality")
    return TemplateResponse(request, "agenda/agenda_list.html", {"agendas": agendas})


def agenda_detail(request, slug):
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    return TemplateResponse(request, "agenda/agenda_detail.html", {"agenda": agenda})


def action_detail(request, pk):
    action = get_object_or_404(Action.objects.visible_to(request.user).with_related(), pk=pk)
    return TemplateResponse(request, "agenda/action_detail.html", {"action": action})


def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    actions = (
        Action.objects.visible_to(request.user)
        .filter(leads=organisation)
        .with_related()
        .in_document_order()
    )
    return TemplateResponse(
        request,
        "agenda/organisation_detail.html",
        {"organisation": organisation, "actions": actions},
    )
