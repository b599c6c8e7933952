"""Importing an agenda in the browser: upload, correct the columns, preview, confirm.

Only coordinators of the agenda's region (`Agenda.objects.editable_by`) get here. The uploaded
file is kept with its mapping in `ImportUpload` until it is confirmed; nothing in the agenda
changes before that, and the confirmed import is one transaction.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.decorators import login_first
from agenda.models import Agenda

from . import uploads
from .budget import budget_formset, budget_save
from .forms import CREATE_FIELDS, MappingForm, UploadForm
from .models import ImportUpload
from .reading import FileReadError, read_file
from .services import Header, ImportRefused, apply_plan, build_plan, check_mapping, find_header
from .template import template_xlsx


def _editable_agenda(request, slug) -> Agenda:
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    if not Agenda.objects.filter(pk=agenda.pk).editable_by(request.user).exists():
        raise PermissionDenied
    return agenda


@login_first
@require_http_methods(["GET", "POST"])
def upload(request, slug):
    agenda = _editable_agenda(request, slug)
    error = None
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            file = form.cleaned_data["file"]
            data = file.read()
            try:
                table = read_file(file.name, data)
                header = find_header(table)
            except FileReadError as exc:
                error = str(exc)
            else:
                earlier = _earlier_upload(agenda, request.user, header)
                created = uploads.upload_store(
                    user=request.user,
                    agenda=agenda,
                    file_name=file.name,
                    data=data,
                    mapping=list(earlier.mapping) if earlier else header.mapping,
                    earlier=earlier,
                )
                return HttpResponseRedirect(
                    reverse("imports:preview", args=[agenda.slug, created.pk])
                )
    else:
        form = UploadForm()
    done = (
        ImportUpload.objects.filter(agenda=agenda, applied_at__isnull=False)
        .select_related("user")
        .defer("data")
        .order_by("-applied_at")[:10]
    )
    return TemplateResponse(
        request,
        "imports/upload.html",
        {"agenda": agenda, "form": form, "error": error, "done": done},
        status=400 if error else 200,
    )


def _earlier_upload(agenda, user, header: Header) -> ImportUpload | None:
    """This user's last upload of a file with the same headings into this agenda, if any: its
    corrected mapping and the names ticked on its preview are kept for the new file."""
    for earlier in ImportUpload.objects.filter(agenda=agenda, user=user).only(
        "agenda", "user", "mapping", "data", "file_name", "result", "applied_at"
    )[:5]:
        if len(earlier.mapping) != len(header.mapping):
            continue
        try:
            earlier_header = find_header(read_file(earlier.file_name, bytes(earlier.data)))
        except FileReadError:
            continue
        if earlier_header.headings == header.headings:
            return earlier
    return None


def _load(upload_obj):
    table = read_file(upload_obj.file_name, bytes(upload_obj.data))
    header = find_header(table)
    if len(upload_obj.mapping) == len(header.mapping):
        header.mapping = list(upload_obj.mapping)
    return table, header


def _plan(upload_obj, table, header):
    return build_plan(table, header, upload_obj.agenda, **uploads.creations_of(upload_obj))


def _kept_from_earlier(upload_obj, plan) -> bool:
    """Whether the preview shows names ticked on an earlier upload of the same sheet: ticks
    carried over and not yet submitted again, for a name the new file still offers."""
    if plan is None or not upload_obj.result.get("kept_from"):
        return False
    creations = uploads.creations_of(upload_obj)
    return any(
        set(creations.get(name, ())) & set(getattr(plan, offered))
        for name, offered, _label in CREATE_FIELDS
    )


@login_first
@require_http_methods(["GET", "POST"])
def preview(request, slug, pk):
    agenda = _editable_agenda(request, slug)
    upload_obj = get_object_or_404(ImportUpload, pk=pk, agenda=agenda)
    if upload_obj.applied_at:
        messages.info(request, _("This file has been imported already."))
        return HttpResponseRedirect(agenda.get_absolute_url())
    try:
        table, header = _load(upload_obj)
    except FileReadError as exc:  # pragma: no cover - it was read when uploaded
        return TemplateResponse(
            request,
            "imports/upload.html",
            {"agenda": agenda, "form": UploadForm(), "error": str(exc)},
            status=400,
        )
    problems = check_mapping(header)
    plan = None
    if not problems:
        try:
            plan = _plan(upload_obj, table, header)
        except FileReadError as exc:
            problems = [str(exc)]
    form = MappingForm(
        request.POST or None, header=header, years=agenda.years, plan=plan, prefix="m"
    )
    if request.method == "POST" and form.is_valid():
        uploads.upload_mapping_set(
            user=request.user,
            upload=upload_obj,
            mapping=form.mapping(),
            creations=form.creations(),
        )
        if request.POST.get("confirm") and plan is not None:
            header.mapping = upload_obj.mapping
            try:
                plan = None if check_mapping(header) else _plan(upload_obj, table, header)
            except FileReadError:
                plan = None
            if plan is not None and plan.is_valid:
                try:
                    counts = apply_plan(plan, user=request.user, file_name=upload_obj.file_name)
                except ImportRefused:  # pragma: no cover - checked just above
                    pass
                else:
                    uploads.upload_mark_applied(user=request.user, upload=upload_obj, counts=counts)
                    if any(counts.values()):
                        messages.success(
                            request,
                            _("The file %(file)s has been imported: %(summary)s.")
                            % {
                                "file": upload_obj.file_name,
                                "summary": "; ".join(plan.summary_lines()),
                            },
                        )
                    else:
                        messages.info(
                            request,
                            _("Nothing changed: the agenda already holds the rows of %(file)s.")
                            % {"file": upload_obj.file_name},
                        )
                    return HttpResponseRedirect(agenda.get_absolute_url())
            messages.error(request, _("The import has not been carried out; see the rows below."))
        return HttpResponseRedirect(reverse("imports:preview", args=[agenda.slug, upload_obj.pk]))
    refused = request.method == "POST"
    if refused:
        messages.error(
            request,
            _(
                "Nothing has been saved: the form holds a choice this preview does not offer. "
                "Choose again from what the page shows."
            ),
        )
    create_fields = [form[name] for name, _a, _l in CREATE_FIELDS if name in form.fields]
    return TemplateResponse(
        request,
        "imports/preview.html",
        {
            "agenda": agenda,
            "upload": upload_obj,
            "form": form,
            "columns": list(
                zip(
                    [form[name] for name in form.column_names], _samples(table, header), strict=True
                )
            ),
            "create_fields": create_fields,
            "problems": problems,
            "plan": plan,
            "kept_choices": _kept_from_earlier(upload_obj, plan),
            "upload_form": UploadForm(),
        },
        status=400 if refused else 200,
    )


def _samples(table, header, count=2) -> list[str]:
    """The first values under each heading, to help choose what a column holds."""
    rows = [cells for _n, cells in table.rows[header.position + 1 : header.position + 40]]
    samples = []
    for index in range(len(header.headings)):
        values = []
        for cells in rows:
            if index < len(cells) and cells[index] not in (None, ""):
                values.append(str(cells[index])[:60])
            if len(values) == count:
                break
        samples.append(" · ".join(values))
    return samples


@login_first
def template_download(request, slug):
    agenda = _editable_agenda(request, slug)
    response = HttpResponse(
        template_xlsx(agenda),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="sjabloon-{agenda.slug}.xlsx"'
    return response


@login_first
@require_http_methods(["GET", "POST"])
def budget_grid(request, slug):
    """The agenda's budget as one form: a line per action and financier, a column per year."""
    agenda = _editable_agenda(request, slug)
    formset = budget_formset(agenda, request.POST or None)
    if request.method == "POST" and formset.is_valid():
        counts = budget_save(agenda, formset, user=request.user)
        if counts["created"] or counts["changed"]:
            messages.success(
                request,
                _("The budget has been saved: %(created)s amounts added, %(changed)s changed.")
                % counts,
            )
        else:
            messages.info(request, _("Nothing changed in the budget."))
        return HttpResponseRedirect(reverse("imports:budget_grid", args=[agenda.slug]))
    return TemplateResponse(
        request,
        "imports/budget_grid.html",
        {"agenda": agenda, "formset": formset, "years": agenda.years},
        status=400 if request.method == "POST" else 200,
    )
