"""The progress page of an annex made in the background, and the download of the result.

The page refreshes itself every few seconds with a meta refresh (no JavaScript) until the file
is ready, then offers it. An annex of a concept agenda is for logged-in users only.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .annexes import ready_file, serve
from .models import StoredPdf

REFRESH_SECONDS = 3


def _record_for(request, pk) -> StoredPdf:
    record = get_object_or_404(StoredPdf, pk=pk)
    if not record.params.get("public") and not request.user.is_authenticated:
        raise Http404
    return record


@require_GET
def annex_progress(request, pk):
    record = _record_for(request, pk)
    busy = record.state in (StoredPdf.State.QUEUED, StoredPdf.State.RUNNING)
    ready = record.state == StoredPdf.State.READY and ready_file(record.kind, record.version)
    title = record.params.get("title") or _("Annex")
    back = record.params.get("back_url") or "/"
    response = TemplateResponse(
        request,
        "common/annex_progress.html",
        {
            "record": record,
            "title": title,
            "busy": busy,
            "ready": bool(ready),
            "refresh_seconds": REFRESH_SECONDS,
            "download_url": reverse("annex_download", args=[record.pk]),
            "back_url": back,
            "crumbs": [(title, None)],
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def annex_download(request, pk):
    record = _record_for(request, pk)
    if not ready_file(record.kind, record.version):
        raise Http404
    return serve(request, record, record.params.get("filename") or "bijlage.pdf")
