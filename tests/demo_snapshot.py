"""A snapshot of the demo data, taken once per test run and restored per test in bulk.

Loading the demo data through its loaders validates and saves every row one by one, with
its history; doing that for every test would dominate the suite's run time. The snapshot
holds the rows of the portal's own tables (history and many-to-many tables included) exactly
as the loaders left them, and restores them with one bulk insert per table.
"""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

PORTAL_APPS = ("governance", "agenda", "financing", "evaluation", "bodies")


def _portal_models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in PORTAL_APPS
    ]


def take() -> list[tuple[type, list[dict]]]:
    """Load the demo data in a transaction that is rolled back, and return its rows."""
    from common.demo import load_all

    with transaction.atomic():
        load_all()
        rows = []
        for model in _portal_models():
            fields = [f.attname for f in model._meta.concrete_fields]
            values = list(model._base_manager.values(*fields))
            if values:
                rows.append((model, values))
        transaction.set_rollback(True)
    return rows


def restore(rows: list[tuple[type, list[dict]]]) -> None:
    """Insert the snapshot's rows; foreign keys are checked at commit, so order is free."""
    models = []
    for model, values in rows:
        model._base_manager.bulk_create([model(**row) for row in values], batch_size=500)
        models.append(model)
    # Explicit ids leave PostgreSQL's sequences behind; move them past the restored rows.
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
