"""The one way a service writes a row: the permission asked again, the row validated, one
transaction, and the change history attributed to the acting user.

The rule itself is the domain's: a service passes `may`, a function that says whether the user
may write a given row (usually "the row is in `Model.objects.editable_by(user)`" or "the user
coordinates the row's region"). For a change it is asked of the row as stored and of the row as
it will be saved, so nobody changes a row that is not theirs nor moves one out of their reach.
"""

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError

Rule = Callable[[Any], bool]


def refuse_unless(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def in_queryset(queryset_of_user: Callable[[Any], Any]) -> Rule:
    """A rule from a QuerySet method: `in_queryset(lambda qs: qs.editable_by(user))` allows
    a stored row when that QuerySet holds it."""

    def rule(instance) -> bool:
        manager = type(instance)._default_manager
        return queryset_of_user(manager.filter(pk=instance.pk)).exists()

    return rule


@transaction.atomic
def save_as(
    instance,
    *,
    user,
    may: Rule,
    refused: str,
    related: Mapping[str, Iterable] | None = None,
    may_stored: Rule | None = None,
):
    """Save a new or changed `instance` as `user`, with its many-to-many `related` rows.

    `may_stored` (default `may`) is asked of the stored row before a change; `may` of the row
    as it will be saved. A version conflict (`common.versioning.EditConflict`) propagates.
    """
    if instance.pk is not None and not instance._state.adding:
        stored = type(instance)._base_manager.filter(pk=instance.pk).first()
        if stored is not None:
            refuse_unless((may_stored or may)(stored), refused)
    refuse_unless(may(instance), refused)
    instance.full_clean()
    instance._history_user = user
    instance.save()
    for name, rows in (related or {}).items():
        getattr(instance, name).set(list(rows))
    return instance


@transaction.atomic
def delete_as(instance, *, user, may: Rule, refused: str, blocked: str = "") -> None:
    """Delete `instance` as `user`, when `may(instance)`; see `delete_attributed`."""
    refuse_unless(may(instance), refused)
    delete_attributed(instance, user=user, blocked=blocked)


def delete_attributed(instance, *, user, blocked: str = "") -> None:
    """Delete `instance` with the history naming `user`, for a service that has checked the
    permission. When other rows still protect it, nothing is deleted and
    `ValidationError(blocked)` says why (`%(names)s` in `blocked` names what protects it)."""
    instance._history_user = user
    try:
        with transaction.atomic():
            instance.delete()
    except (ProtectedError, RestrictedError) as error:
        blocking = getattr(error, "protected_objects", None) or error.restricted_objects
        names = ", ".join(sorted({str(o) for o in blocking})[:10])
        raise ValidationError(blocked % {"names": names} if blocked else str(error)) from error
