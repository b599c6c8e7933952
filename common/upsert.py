"""Idempotent writes for loaders: a second run with the same data changes nothing."""

from typing import Any

from django.db import models


def upsert(model: type[models.Model], *, lookup: dict[str, Any], values: dict[str, Any]):
    """Create the row matching `lookup`, or update it only where `values` differ.

    Returns `(obj, changed)`. Rows whose values are already equal are not saved, so no
    history record or timestamp changes on a repeated load.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        return obj, True
    changed = False
    for field, value in values.items():
        if getattr(obj, field) != value:
            setattr(obj, field, value)
            changed = True
    if changed:
        obj.full_clean()
        obj.save()
    return obj, changed


def set_m2m(manager, objects) -> bool:
    """Set a many-to-many relation only when its members differ. Returns whether it changed."""
    wanted = {o.pk for o in objects}
    current = set(manager.values_list("pk", flat=True))
    if wanted == current:
        return False
    manager.set(objects)
    return True
