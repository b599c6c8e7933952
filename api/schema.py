"""Hooks of the OpenAPI description (drf-spectacular): only /api/v1/, described in the active
language (Dutch unless the visitor chose English), and the token authentication."""

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension


def only_api_v1(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def describe_in_active_language(result, generator, request, public):
    result["info"]["title"] = _("Doe-agenda portal: open-data API")
    result["info"]["description"] = _(
        "Read-only open data of the regional action agendas: regions and municipalities, "
        "organisations, agendas with their pillars and themes, actions (with the same filters "
        "as the action table), funding streams, bodies, decision steps and evaluations. "
        "Field names are English; these descriptions are Dutch. Dates are ISO 8601, amounts "
        "are decimal strings in euros. Visitors see what the portal's pages show them: adopted "
        "agendas, and names of public office-holders only. Logged-in users, and requests with "
        "a personal API token (`Authorization: Bearer doe_…`, made on your account's API "
        "tokens page), see what their account may see. Requests are limited per address and "
        "per token; past the limit the API answers 429 with `retry_after` in seconds."
    )
    path_parameters = {
        "id": _("Stable id of the object."),
        "slug": _("Stable code (slug) of the object."),
    }
    for operations in result["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and not parameter.get("description"):
                    parameter["description"] = path_parameters.get(parameter["name"], "")
    return result


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": _("A personal API token made on your account's API tokens page."),
        }
