"""Background work of the agenda app: Bijlage 1 of a large agenda, made by the task worker.

Run the worker with `manage.py db_worker` (`make run` and `make serve` start it). The task gets
the id of a `common.models.StoredPdf` whose `params` say which agenda and date to print.
"""

import datetime
import logging

from django_tasks import task

from common.annexes import set_progress, store
from common.models import StoredPdf

logger = logging.getLogger(__name__)


@task()
def make_bijlage1(record_id: int) -> None:
    from .models import Agenda
    from .pdf import current_state, layout_bijlage1

    record = StoredPdf.objects.get(pk=record_id)
    set_progress(record, 5, StoredPdf.State.RUNNING)
    try:
        agenda = Agenda.objects.get(pk=record.params["agenda"])
        state = current_state(agenda)
        set_progress(record, 20)
        as_of = datetime.date.fromisoformat(record.params["as_of"])
        content = layout_bijlage1(
            state,
            as_of=as_of,
            # A large agenda is laid out in parts: the bar moves on after each.
            progress=lambda done, total: set_progress(record, 20 + 75 * done // total),
        )
        set_progress(record, 95)
        store(record, content, record.params.get("filename") or "bijlage-1.pdf")
    except Exception as exc:
        logger.exception("Bijlage 1 could not be made (stored annex %s)", record_id)
        record.error = repr(exc)[:2000]
        record.state = StoredPdf.State.FAILED
        record.save(update_fields=["error", "state"])
        raise
