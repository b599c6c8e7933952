"""Editing agendas in the browser: actions, themes, pillars and agendas, and their history.

Who may do what is decided by the `editable_by`/`deletable_by` QuerySet methods and
accounts/access.py; the services in agenda/services.py check it again when saving. Visitors who
are not logged in are sent to the login page, others who may not get 403.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from accounts import access
from accounts.decorators import editable_object, login_first
from common.editing import confirm_delete, edit_page
from common.history import (
    history_entries,
    history_response,
    user_display_name,
)

from . import services
from .forms import ActionForm, AgendaForm, PartnerActionForm, PillarForm, StatusForm, ThemeForm
from .models import Action, Agenda, Pillar, Theme

RECENT_CHANGES = 50


# --- actions ----------------------------------------------------------------------------------


def _visible_action(request, pk) -> Action:
    return get_object_or_404(Action.objects.visible_to(request.user).with_related(), pk=pk)


def _editable_action(request, pk) -> Action:
    return editable_object(request, Action.objects.with_related(), pk=pk)


@login_first
@require_http_methods(["GET", "POST"])
def action_create(request, slug):
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    if not access.coordinates_agenda(request.user, agenda, "agenda.add_action"):
        raise PermissionDenied
    if request.method == "POST":
        form = ActionForm(request.POST, agenda=agenda)
    else:
        initial = {}
        theme_id = request.GET.get("theme", "")
        if theme_id.isdigit() and agenda.themes.filter(pk=theme_id).exists():
            initial["theme"] = int(theme_id)
        pillar_id = request.GET.get("pillar", "")
        if pillar_id.isdigit() and agenda.pillars.filter(pk=pillar_id).exists():
            initial["pillar"] = int(pillar_id)
        form = ActionForm(agenda=agenda, initial=initial)

    def save():
        data = dict(form.cleaned_data)
        return services.action_create(
            user=request.user,
            agenda=agenda,
            theme=data.pop("theme"),
            pillar=data.pop("pillar"),
            text=data.pop("text"),
            order=data.pop("order"),
            leads=list(data.pop("leads")),
            **data,
        )

    return edit_page(
        request,
        form,
        save,
        done_url=lambda action: action.get_absolute_url(),
        done_message=_("The action has been added."),
        template="agenda/action_form.html",
        context={"agenda": agenda, "action": None, "partner_form": False},
    )


@login_first
@require_http_methods(["GET", "POST"])
def action_edit(request, pk):
    """After an edit conflict the form merges this user's input with what was saved in the
    meantime (`ActionMergeMixin` in agenda/forms.py)."""
    action = _editable_action(request, pk)
    fields = services.action_fields_for(request.user, action)
    as_coordinator = "leads" in fields
    form_class = ActionForm if as_coordinator else PartnerActionForm
    form_kwargs = {"agenda": action.agenda, "editing": True}
    if request.method == "POST":
        # The form writes its input into its instance: the page keeps naming the action as it
        # is saved.
        form = form_class(request.POST, instance=Action.objects.get(pk=action.pk), **form_kwargs)
    else:
        form = form_class(instance=action, initial={"version": action.version}, **form_kwargs)

    def save():
        data = {name: form.cleaned_data[name] for name in form._meta.fields}
        if "leads" in data:
            data["leads"] = list(data["leads"])
        return services.action_update(
            action=action,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            data=data,
        )

    return edit_page(
        request,
        form,
        save,
        done_url=lambda saved: saved.get_absolute_url(),
        done_message=_("Your changes have been saved."),
        template="agenda/action_form.html",
        context={"agenda": action.agenda, "action": action, "partner_form": not as_coordinator},
    )


@login_first
@require_http_methods(["GET", "POST"])
def action_status(request, pk):
    """The quick status change; GET shows it on a page of its own."""
    action = _editable_action(request, pk)
    if request.method == "POST":
        form = StatusForm(request.POST)
    else:
        form = StatusForm(initial={"status": action.status_id, "version": action.version})
    return edit_page(
        request,
        form,
        lambda: services.action_status_update(
            action=action,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            status=form.cleaned_data["status"],
        ),
        done_url=action.get_absolute_url(),
        done_message=lambda saved: (
            _("The status is now “%(status)s”.") % {"status": form.cleaned_data["status"]}
        ),
        template="agenda/action_status.html",
        context={"action": action},
    )


@login_first
@require_http_methods(["GET", "POST"])
def action_delete(request, pk):
    action = _visible_action(request, pk)
    if not Action.objects.filter(pk=pk).deletable_by(request.user).exists():
        raise PermissionDenied
    agenda = action.agenda
    return _confirm_delete(
        request,
        obj=action,
        agenda=agenda,
        delete=lambda: services.action_delete(action=action, user=request.user),
        title=_("Delete action?"),
        question=_("You are about to delete the action “%(name)s” from %(agenda)s."),
        success=_("The action has been deleted. Its history is kept under “Changes”."),
        cancel_url=action.get_absolute_url(),
    )


def _object_history(request, model, pk, *, url_for_existing, fallback_back_url=None, back_label=""):
    """History of a row that may have been deleted since (its history stays)."""
    if not access.can_read_history(request.user):
        raise PermissionDenied
    obj = model.objects.filter(pk=pk).first()
    records = model.history.filter(id=pk)
    last = records.order_by("-history_date", "-history_id").first()
    if obj is None and last is None:
        raise Http404
    if obj is not None:
        label, back_url = str(obj), url_for_existing(obj)
    else:
        label, back_url = _last_label(last), fallback_back_url(last) if fallback_back_url else ""
    return history_response(
        request,
        object_label=label,
        records=records,
        back_url=back_url,
        back_label=back_label,
        deleted=obj is None,
    )


def _last_label(record) -> str:
    try:
        return str(record.instance)
    except Exception:  # __str__ needs a related row that is gone as well
        return f"#{record.pk}"


def _agenda_changes_url(agenda_id) -> str:
    agenda = Agenda.objects.filter(pk=agenda_id).first() if agenda_id else None
    return reverse("agenda:agenda_changes", args=[agenda.slug]) if agenda else ""


@login_first
def action_history(request, pk):
    return _object_history(
        request,
        Action,
        pk,
        url_for_existing=lambda a: a.get_absolute_url(),
        fallback_back_url=lambda r: _agenda_changes_url(r.agenda_id),
        back_label=_("Back to the action") if Action.objects.filter(pk=pk).exists() else "",
    )


# --- pillars and themes -----------------------------------------------------------------------


def _coordinated_agenda(request, slug, perm: str) -> Agenda:
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    if not access.coordinates_agenda(request.user, agenda, perm):
        raise PermissionDenied
    return agenda


def _part_form(request, *, form_class, agenda, instance, save, template, success):
    if request.method == "POST":
        form = form_class(request.POST, instance=instance, agenda=agenda)
    else:
        form = form_class(instance=instance, agenda=agenda)
    return edit_page(
        request,
        form,
        lambda: save(dict(form.cleaned_data)),
        done_url=lambda saved: saved.agenda.get_absolute_url(),
        done_message=success,
        template=template,
        context={"agenda": agenda, "object": instance},
    )


@login_first
@require_http_methods(["GET", "POST"])
def pillar_create(request, slug):
    agenda = _coordinated_agenda(request, slug, "agenda.add_pillar")
    return _part_form(
        request,
        form_class=PillarForm,
        agenda=agenda,
        instance=None,
        save=lambda data: services.pillar_create(user=request.user, agenda=agenda, **data),
        template="agenda/pillar_form.html",
        success=(
            pgettext("neuter noun", "The %(level)s has been added.")
            if agenda.top_level_is_neuter
            else _("The %(level)s has been added.")
        )
        % {"level": agenda.top_level_label},
    )


@login_first
@require_http_methods(["GET", "POST"])
def pillar_edit(request, pk):
    pillar = get_object_or_404(Pillar.objects.select_related("agenda"), pk=pk)
    if not Pillar.objects.filter(pk=pk).editable_by(request.user).exists():
        raise PermissionDenied
    return _part_form(
        request,
        form_class=PillarForm,
        agenda=pillar.agenda,
        instance=pillar,
        save=lambda data: services.pillar_update(pillar=pillar, user=request.user, data=data),
        template="agenda/pillar_form.html",
        success=_("Your changes have been saved."),
    )


@login_first
@require_http_methods(["GET", "POST"])
def theme_create(request, slug):
    agenda = _coordinated_agenda(request, slug, "agenda.add_theme")
    if not agenda.pillars.exists():
        messages.error(
            request,
            _("Add a %(level)s first: every theme belongs to one.")
            % {"level": agenda.top_level_label},
        )
        return HttpResponseRedirect(reverse("agenda:pillar_create", args=[agenda.slug]))

    def save(data):
        return services.theme_create(user=request.user, **data)

    return _part_form(
        request,
        form_class=ThemeForm,
        agenda=agenda,
        instance=None,
        save=save,
        template="agenda/theme_form.html",
        success=_("The theme has been added."),
    )


@login_first
@require_http_methods(["GET", "POST"])
def theme_edit(request, pk):
    theme = get_object_or_404(Theme.objects.select_related("agenda"), pk=pk)
    if not Theme.objects.filter(pk=pk).editable_by(request.user).exists():
        raise PermissionDenied
    return _part_form(
        request,
        form_class=ThemeForm,
        agenda=theme.agenda,
        instance=theme,
        save=lambda data: services.theme_update(theme=theme, user=request.user, data=data),
        template="agenda/theme_form.html",
        success=_("Your changes have been saved."),
    )


def _confirm_delete(request, *, obj, agenda, delete, title, question, success, cancel_url=""):
    related, protected = services.related_rows(obj)
    return confirm_delete(
        request,
        delete=delete,
        done_url=agenda.get_absolute_url(),
        done_message=success,
        title=title,
        question=question % {"name": obj, "agenda": agenda.title},
        cancel_url=cancel_url or agenda.get_absolute_url(),
        related=related,
        protected=protected,
        history_kept=True,
    )


@login_first
@require_http_methods(["GET", "POST"])
def pillar_delete(request, pk):
    pillar = get_object_or_404(Pillar.objects.select_related("agenda"), pk=pk)
    if not Pillar.objects.filter(pk=pk).deletable_by(request.user).exists():
        raise PermissionDenied
    return _confirm_delete(
        request,
        obj=pillar,
        agenda=pillar.agenda,
        delete=lambda: services.pillar_delete(pillar=pillar, user=request.user),
        title=capfirst(_("Delete %(level)s?") % {"level": pillar.agenda.top_level_label}),
        question=_("You are about to delete “%(name)s” from %(agenda)s."),
        success=(
            pgettext("neuter noun", "The %(level)s has been deleted.")
            if pillar.agenda.top_level_is_neuter
            else _("The %(level)s has been deleted.")
        )
        % {"level": pillar.agenda.top_level_label},
    )


@login_first
@require_http_methods(["GET", "POST"])
def theme_delete(request, pk):
    theme = get_object_or_404(Theme.objects.select_related("agenda"), pk=pk)
    if not Theme.objects.filter(pk=pk).deletable_by(request.user).exists():
        raise PermissionDenied
    return _confirm_delete(
        request,
        obj=theme,
        agenda=theme.agenda,
        delete=lambda: services.theme_delete(theme=theme, user=request.user),
        title=_("Delete theme?"),
        question=_("You are about to delete the theme “%(name)s” from %(agenda)s."),
        success=_("The theme has been deleted."),
    )


def _agenda_url_of(agenda_id) -> str:
    agenda = Agenda.objects.filter(pk=agenda_id).first()
    return agenda.get_absolute_url() if agenda else ""


@login_first
def pillar_history(request, pk):
    return _object_history(
        request,
        Pillar,
        pk,
        url_for_existing=lambda p: p.agenda.get_absolute_url(),
        fallback_back_url=lambda r: _agenda_url_of(r.agenda_id),
    )


@login_first
def theme_history(request, pk):
    return _object_history(
        request,
        Theme,
        pk,
        url_for_existing=lambda t: t.agenda.get_absolute_url(),
        fallback_back_url=lambda r: _agenda_url_of(r.agenda_id),
    )


# --- agendas ----------------------------------------------------------------------------------


@login_first
@require_http_methods(["GET", "POST"])
def agenda_create(request):
    region = access.user_region(request.user)
    if region is None or not access.can_create_agenda(request.user, region):
        raise PermissionDenied
    if request.method == "POST":
        form = AgendaForm(request.POST, region=region)
    else:
        form = AgendaForm(region=region)
    return edit_page(
        request,
        form,
        lambda: services.agenda_create(user=request.user, region=region, **form.cleaned_data),
        done_url=lambda agenda: agenda.get_absolute_url(),
        done_message=_("The agenda has been created."),
        template="agenda/agenda_form.html",
        context={"agenda": None, "region": region},
    )


@login_first
@require_http_methods(["GET", "POST"])
def agenda_edit(request, slug):
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    if not Agenda.objects.filter(pk=agenda.pk).editable_by(request.user).exists():
        raise PermissionDenied
    region = agenda.owner_region
    if request.method == "POST":
        # The form writes its input into its instance, also when invalid (an empty slug): the
        # page keeps linking to the agenda as it is saved.
        form = AgendaForm(request.POST, instance=Agenda.objects.get(pk=agenda.pk), region=region)
    else:
        form = AgendaForm(instance=agenda, region=region)
    return edit_page(
        request,
        form,
        lambda: services.agenda_update(
            agenda=Agenda.objects.get(pk=agenda.pk),
            user=request.user,
            data=dict(form.cleaned_data),
        ),
        done_url=lambda saved: saved.get_absolute_url(),
        done_message=_("Your changes have been saved."),
        template="agenda/agenda_form.html",
        context={"agenda": agenda, "region": region},
    )


@login_first
def agenda_history(request, slug):
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    return _object_history(
        request, Agenda, agenda.pk, url_for_existing=lambda a: a.get_absolute_url()
    )


def _history_url(record) -> str:
    model = record.instance_type
    pk = record.id
    if model is Agenda:
        return reverse("agenda:agenda_history", args=[record.slug])
    name = {Action: "action_history", Theme: "theme_history", Pillar: "pillar_history"}[model]
    return reverse(f"agenda:{name}", args=[pk])


@login_first
def agenda_changes(request, slug):
    """Recent changes to an agenda and everything in it, and the actions deleted from it."""
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    if not access.can_read_history(request.user):
        raise PermissionDenied
    newest = ("-history_date", "-history_id")
    sources = [
        (agenda.history.order_by(*newest), _("agenda")),
        (Pillar.history.filter(agenda_id=agenda.pk).order_by(*newest), agenda.top_level_label),
        (Theme.history.filter(agenda_id=agenda.pk).order_by(*newest), _("theme")),
        (Action.history.filter(agenda_id=agenda.pk).order_by(*newest), _("action")),
    ]
    rows = []
    for records, kind in sources:
        for entry in history_entries(records[:RECENT_CHANGES]):
            rows.append({"entry": entry, "what": kind, "url": _history_url(entry.record)})
    rows.sort(key=lambda row: (row["entry"].date, row["entry"].record.history_id), reverse=True)
    deleted = (
        Action.history.filter(agenda_id=agenda.pk, history_type="-")
        .exclude(id__in=Action.objects.values("id"))
        .select_related("history_user")
        .order_by(*newest)
    )
    return TemplateResponse(
        request,
        "agenda/agenda_changes.html",
        {
            "agenda": agenda,
            "rows": rows[:RECENT_CHANGES],
            "deleted": [
                {
                    "record": r,
                    "label": _last_label(r),
                    "user_name": user_display_name(r.history_user),
                }
                for r in deleted
            ],
            "limit": RECENT_CHANGES,
        },
    )


@login_first
def agenda_structure(request, slug):
    """The pillars and themes of an agenda, to add, change or delete them."""
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    if not access.coordinates_agenda(request.user, agenda, "agenda.change_theme"):
        raise PermissionDenied
    pillars = agenda.pillars.prefetch_related("themes__actions")
    return TemplateResponse(
        request, "agenda/agenda_structure.html", {"agenda": agenda, "pillars": pillars}
    )
