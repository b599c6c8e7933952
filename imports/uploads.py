"""Writes of an import in progress: the uploaded file kept with its mapping until it is
confirmed, and marked as imported afterwards. Only the agenda's coordinators
(`Agenda.objects.editable_by`) write them."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda.models import Agenda

from .models import ImportUpload
from .services import CREATIONS

# Files nobody confirmed within this time are not kept.
KEPT_UNCONFIRMED = timedelta(days=2)


def _refuse_unless_editable(user, agenda: Agenda) -> None:
    if not Agenda.objects.filter(pk=agenda.pk).editable_by(user).exists():
        raise PermissionDenied(_("You may not import into this agenda."))


def creations_of(upload: ImportUpload) -> dict:
    """The names ticked for creation on the preview of `upload`, as `build_plan` takes them;
    anything else the record might hold is left out."""
    stored = upload.result.get("create") if not upload.applied_at else None
    if not isinstance(stored, dict):
        return {}
    creations = {}
    for name in CREATIONS:
        values = stored.get(name)
        if isinstance(values, list):
            creations[name] = sorted({value for value in values if isinstance(value, str)})
    return creations


@transaction.atomic
def upload_store(
    *, user, agenda: Agenda, file_name: str, data: bytes, mapping, earlier=None
) -> ImportUpload:
    """Keep an uploaded file with the columns it was read with; drop stale unconfirmed ones.

    `earlier` is the same user's upload of a file with the same headings into the same agenda:
    the names ticked on its preview are ticked again on the new one. They only preset the
    preview; nothing is created before the coordinator confirms it.
    """
    _refuse_unless_editable(user, agenda)
    result = {}
    if earlier is not None and earlier.agenda_id == agenda.pk and earlier.user_id == user.pk:
        kept = creations_of(earlier)
        if any(kept.values()):
            result = {"create": kept, "kept_from": earlier.pk}
    ImportUpload.objects.filter(
        applied_at__isnull=True, uploaded_at__lt=timezone.now() - KEPT_UNCONFIRMED
    ).delete()
    return ImportUpload.objects.create(
        agenda=agenda,
        user=user,
        file_name=file_name[:255],
        data=data,
        mapping=mapping,
        result=result,
    )


@transaction.atomic
def upload_mapping_set(*, user, upload: ImportUpload, mapping, creations: dict) -> None:
    """Keep the columns and the rows to create as the user corrected them."""
    _refuse_unless_editable(user, upload.agenda)
    upload.mapping = mapping
    upload.result = {"create": creations}
    upload.save(update_fields=["mapping", "result"])


@transaction.atomic
def upload_mark_applied(*, user, upload: ImportUpload, counts: dict) -> None:
    """Record that the file has been imported, with what it changed; the file is let go."""
    _refuse_unless_editable(user, upload.agenda)
    upload.applied_at = timezone.now()
    upload.result = {"counts": counts}
    upload.data = b""
    upload.save(update_fields=["applied_at", "result", "data"])
