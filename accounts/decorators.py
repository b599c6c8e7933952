"""The decorators and checks every view uses to ask who the user is.

`login_first` sends visitors who are not logged in to the login page before anything is looked
up; `require(allowed)` turns a refused rule into 403. Whether a user may change an object is a
QuerySet question (`Model.objects.editable_by(user)`), asked by `get_object_or_404`.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


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
