"""Every error of the API is JSON: `{"status": …, "code": …, "detail": …}`, plus `errors` per
query parameter for a refused filter and `retry_after` (seconds) when the limit is reached."""

import math

from django.http import JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler


def _code(exc) -> str:
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else getattr(exc, "default_code", "invalid")


def json_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    body = {"status": response.status_code}
    if isinstance(exc, exceptions.Throttled):
        wait = math.ceil(exc.wait) if exc.wait is not None else None
        body["code"] = "throttled"
        body["detail"] = _("Too many requests. Try again in %(seconds)s seconds.") % {
            "seconds": wait if wait is not None else 60
        }
        body["retry_after"] = wait
    elif isinstance(exc, exceptions.ValidationError):
        body["code"] = "invalid"
        body["detail"] = _("Some query parameters have a value the API does not accept.")
        body["errors"] = response.data
    elif isinstance(exc, exceptions.APIException):
        body["code"] = _code(exc)
        body["detail"] = str(exc.detail)
    else:  # Http404 and PermissionDenied of Django, turned into API exceptions by DRF
        body["code"] = "not_found" if response.status_code == 404 else "permission_denied"
        body["detail"] = response.data.get("detail", "") if isinstance(response.data, dict) else ""
    response.data = body
    return response


def not_found(request, *args, **kwargs):
    """Any address under /api/ that is not an endpoint."""
    return JsonResponse(
        {
            "status": 404,
            "code": "not_found",
            "detail": _("There is no API endpoint or object at this address."),
        },
        status=404,
    )
