"""Who may edit evaluations and indicators: the coordinators of the agenda's region."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from common.access import is_coordinator_for


def can_edit_agenda(user, agenda) -> bool:
    return is_coordinator_for(user, agenda.owner_region)


def check_coordinator(request, agenda):
    """Send anonymous visitors to the login page; refuse everyone else but the coordinators."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_edit_agenda(request.user, agenda):
        raise PermissionDenied
    return None


def login_first(view):
    """Anonymous visitors go to the login page before anything is looked up."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper
