"""A cheap version of the data, for caching what is made from it.

Every save and delete of a model with a change history adds a history row, so the newest
history id of each such table changes whenever anything recorded changes. Reading those
newest ids is one query of index look-ups, whatever the amount of data: pages and options
made from the data can be cached under it and are never served stale after a recorded change.

On PostgreSQL, planning those thirty-odd look-ups costs ten times running them, so the query is
prepared once per database connection and then only executed.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from django.apps import apps
from django.db import connection


@lru_cache(maxsize=16)
def newest_ids_sql(models: tuple, vendor: str) -> str:
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {quote(model._meta.db_table)})"
        for model in models
    ]
    return "SELECT " + ", ".join(parts)


def newest_ids(models) -> tuple:
    """The highest primary key of each of `models`, in one query."""
    sql = newest_ids_sql(tuple(models), connection.vendor)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"EXECUTE {prepared(cursor, sql)}")
        else:
            cursor.execute(sql)
        return tuple(cursor.fetchone())


def prepared(cursor, sql: str) -> str:
    """The name of `sql` prepared on the current PostgreSQL connection (prepared on first use)."""
    name = "newest_ids_" + hashlib.blake2b(sql.encode(), digest_size=8).hexdigest()
    raw, names = getattr(connection, "_newest_ids_prepared", (None, set()))
    if raw is not connection.connection:  # a new connection knows none of them
        raw, names = connection.connection, set()
        connection._newest_ids_prepared = (raw, names)
    if name not in names:
        cursor.execute(f"PREPARE {name} AS {sql}")
        names.add(name)
    return name


@lru_cache(maxsize=8)
def recorded_models(extra: tuple = ()) -> tuple:
    """Every history table, the admin's log (the admin's changes to tables without history)
    and `extra`: tables without history whose new rows count too."""
    models = [model for model in apps.get_models() if model.__name__.startswith("Historical")]
    models.append(apps.get_model("admin", "LogEntry"))
    return (*models, *extra)


def site_version(*extra) -> str:
    """A short string that changes whenever any recorded data of the portal changes, or a row
    is added to one of the `extra` models."""
    ids = newest_ids(recorded_models(tuple(extra)))
    return hashlib.blake2b(repr(ids).encode(), digest_size=12).hexdigest()
