"""The decorators and checks every view uses to ask who the user is.

`login_first` sends visitors who are not logged in to the login page before anything is looked
up; `require(allowed)` turns a refused rule into 403. Whether a user may change an object is a
QuerySet question (`Model.objects.editable_by(user)`), asked by `get_object_or_404`.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404


def login_first(view):
    """Anonymous visitors go to the login page; the view checks the rest."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapper.login_first = True
    return wrapper


def require(allowed: bool, message: str = "") -> None:
    """Refuse with 403 unless `allowed`."""
    if not allowed:
        raise PermissionDenied(message)


def _object_for(request, queryset, rule: str, lookup: dict):
    found = get_object_or_404(queryset, **lookup)
    allowed = getattr(queryset.filter(pk=found.pk), rule)(request.user)
    require(allowed.exists())
    return found


def editable_object(request, queryset, **lookup):
    """The object of `queryset` that `lookup` names, when the user may change it
    (`editable_by`): 404 when there is no such object, 403 when it is not the user's to edit."""
    return _object_for(request, queryset, "editable_by", lookup)


def deletable_object(request, queryset, **lookup):
    """As `editable_object`, asking `deletable_by`."""
    return _object_for(request, queryset, "deletable_by", lookup)
