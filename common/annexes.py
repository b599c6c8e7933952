"""Annexes kept by content: render a PDF once, serve the stored file until what it prints changes.

How an annex view uses it (Bijlage 1 in `agenda/annex_views.py` is the example):

1. Build what the annex prints (for Bijlage 1 the `AgendaState`), cheaply compared to laying
   it out, and hash it with everything else that shows: ``version = content_version(state,
   as_of, "nl")``. The templates and the PDF code are part of every version, so a deployment
   that changes the layout makes new files too.
2. ``return annex_response(request, kind=..., version=..., filename=..., render=...)``: a
   conditional GET with the same version gets 304; a stored file of that version is served
   from the storage; otherwise ``render()`` makes the bytes, which are stored and served.
   With ``task=`` and more than ``ANNEX_BACKGROUND_THRESHOLD`` rows the annex is made by the
   task worker instead and the visitor is sent to a progress page.

Files go through Django's default storage (``STORAGES["default"]``), so several app servers
share them when that storage is shared (a network folder or an object store). A new version of
a document replaces the files of its older versions.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from .models import StoredPdf

# Code and templates whose change changes every printed annex.
LAYOUT_SOURCES = ("templates/pdf", "static/css/pdf", "common/pdf.py", "agenda/pdf.py")


@lru_cache(maxsize=1)
def layout_fingerprint() -> str:
    """A hash of the PDF templates and layout code, read once per process."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for source in LAYOUT_SOURCES:
        path = base / source
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                digest.update(str(file.relative_to(base)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def content_version(*parts) -> str:
    """A version that changes whenever any of `parts` (their repr) or the layout changes."""
    digest = hashlib.sha256(layout_fingerprint().encode())
    for part in parts:
        digest.update(b"\x00")
        digest.update(repr(part).encode())
    return digest.hexdigest()


def etag(version: str) -> str:
    return f'"{version[:32]}"'


def ready_file(kind: str, version: str) -> StoredPdf | None:
    """The stored annex of this version, if it is ready and its file is still there."""
    record = StoredPdf.objects.filter(
        kind=kind, version=version, state=StoredPdf.State.READY
    ).first()
    if record is not None and record.file and record.file.storage.exists(record.file.name):
        return record
    return None


def safe_filename(filename: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "-", filename)


def serve(request, record: StoredPdf, filename: str) -> HttpResponse:
    """The stored file, with its version as ETag; 304 when the browser has it already."""
    last_modified = record.finished_at or record.created_at
    not_modified = get_conditional_response(
        request, etag=etag(record.version), last_modified=int(last_modified.timestamp())
    )
    if not_modified is not None:
        return not_modified
    response = FileResponse(record.file.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{safe_filename(filename)}"'
    response["Content-Length"] = str(record.size)
    response["X-Content-Type-Options"] = "nosniff"
    add_validators(response, record)
    return response


def add_validators(response, record: StoredPdf) -> None:
    response["ETag"] = etag(record.version)
    response["Last-Modified"] = http_date((record.finished_at or record.created_at).timestamp())
    # Browsers and proxies may keep the file, but ask each time whether it is still current.
    response.setdefault("Cache-Control", "no-cache")


def store(record: StoredPdf, content: bytes, filename: str) -> StoredPdf:
    """Save the bytes as the file of `record`, mark it ready and drop older versions."""
    record.file.save(safe_filename(filename), ContentFile(content), save=False)
    record.size = len(content)
    record.state = StoredPdf.State.READY
    record.progress = 100
    record.error = ""
    record.finished_at = timezone.now()
    record.save()
    older = StoredPdf.objects.filter(kind=record.kind).exclude(pk=record.pk)
    for old in older.exclude(state__in=[StoredPdf.State.QUEUED, StoredPdf.State.RUNNING]):
        if old.file:
            old.file.delete(save=False)
        old.delete()
    return record


def _record(kind: str, version: str, params: dict) -> tuple[StoredPdf, bool]:
    try:
        with transaction.atomic():
            return StoredPdf.objects.get_or_create(
                kind=kind, version=version, defaults={"params": params}
            )
    except IntegrityError:  # made at the same moment by another request
        return StoredPdf.objects.get(kind=kind, version=version), False


def annex_response(
    request,
    *,
    kind: str,
    version: str,
    filename: str,
    render: Callable[[], bytes],
    rows: int = 0,
    task=None,
    params: dict | None = None,
    keep: bool = True,
) -> HttpResponse:
    """Serve the annex of this version: 304, the stored file, a fresh render, or a progress page.

    `task` (a django-tasks task taking the record's id) makes annexes of more than
    `ANNEX_BACKGROUND_THRESHOLD` rows in the background; `params` tells it what to make.
    `keep=False` stores nothing (for documents whose kinds a visitor can vary without end, such
    as selections): only the conditional GET is answered without rendering.
    """
    not_modified = get_conditional_response(request, etag=etag(version))
    if not_modified is not None:
        return not_modified
    record = ready_file(kind, version) if keep else None
    if record is not None:
        return serve(request, record, filename)
    if task is not None and rows > settings.ANNEX_BACKGROUND_THRESHOLD:
        record, created = _record(kind, version, {**(params or {}), "filename": filename})
        if created or record.state in (StoredPdf.State.FAILED, StoredPdf.State.READY):
            record.state = StoredPdf.State.QUEUED
            record.progress = 0
            record.save(update_fields=["state", "progress"])
            task.enqueue(record.pk)
        return redirect(reverse("annex_progress", args=[record.pk]))
    content = render()
    if keep:
        record = store(_record(kind, version, params or {})[0], content, filename)
    else:
        record = StoredPdf(kind=kind, version=version, created_at=timezone.now())
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{safe_filename(filename)}"'
    response["Content-Length"] = str(len(content))
    response["X-Content-Type-Options"] = "nosniff"
    add_validators(response, record)
    return response


def set_progress(record: StoredPdf, progress: int, state: str | None = None) -> None:
    record.progress = progress
    if state:
        record.state = state
    StoredPdf.objects.filter(pk=record.pk).update(progress=record.progress, state=record.state)
