"""The OpenAPI description: valid OpenAPI 3, every endpoint and filter, described in Dutch."""

import pytest
from drf_spectacular.validation import validate_schema

from agenda.filters import ActionFilter

pytestmark = pytest.mark.django_db

ACTIONS = "/api/v1/agendas/{slug}/actions/"
ENDPOINTS = {
    "/api/v1/regions/",
    "/api/v1/regions/{slug}/",
    "/api/v1/organisations/",
    "/api/v1/organisations/{id}/",
    "/api/v1/agendas/",
    "/api/v1/agendas/{slug}/",
    ACTIONS,
    "/api/v1/actions/{id}/",
    "/api/v1/funding-streams/",
    "/api/v1/funding-streams/{id}/",
    "/api/v1/bodies/",
    "/api/v1/bodies/{id}/",
    "/api/v1/decision-steps/",
    "/api/v1/decision-steps/{id}/",
    "/api/v1/evaluations/",
    "/api/v1/evaluations/{id}/",
}


def schema(client, lang=None) -> dict:
    params = {"format": "json"}
    if lang:
        params["lang"] = lang
    response = client.get("/api/schema/", params)
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def dutch(client):
    return schema(client)


def descriptions(document: dict) -> dict[str, str]:
    """Every field and parameter description, keyed by where it stands."""
    found = {}
    for name, component in document["components"]["schemas"].items():
        for field, spec in component.get("properties", {}).items():
            found[f"{name}.{field}"] = spec.get("description", "")
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                found[f"{method} {path} ?{parameter['name']}"] = parameter.get("description", "")
    return found


def test_the_schema_is_valid_openapi_3(dutch):
    assert dutch["openapi"].startswith("3.")
    validate_schema(dutch)


def test_the_schema_lists_every_endpoint(dutch):
    assert set(dutch["paths"]) == ENDPOINTS


def test_every_api_route_is_in_the_schema(dutch):
    """A new endpoint cannot be added without it being described."""
    from api.urls import router

    for prefix, _viewset, _basename in router.registry:
        assert any(path.startswith(f"/api/v1/{prefix}/") for path in dutch["paths"]), prefix


def test_the_action_list_documents_every_filter_of_the_table(dutch):
    parameters = {p["name"]: p for p in dutch["paths"][ACTIONS]["get"]["parameters"]}
    for name in ActionFilter.base_filters:
        assert name in parameters, name
        assert parameters[name]["description"], name
    assert {"page", "page_size", "format"} <= set(parameters)
    assert parameters["outcome"]["schema"]["enum"]
    assert "text/csv" in dutch["paths"][ACTIONS]["get"]["responses"]["200"]["content"]


def test_every_field_and_parameter_has_a_dutch_description(client, dutch):
    english = descriptions(schema(client, "en"))
    found = descriptions(dutch)
    assert found.keys() == english.keys()
    missing = [where for where, text in found.items() if not text]
    assert not missing
    untranslated = [
        where for where, text in found.items() if text == english[where] and where != "?format"
    ]
    assert not untranslated, untranslated
    assert dutch["info"]["title"] == "Doe-agendaportaal: open-data-API"


def test_a_strange_language_parameter_does_not_break_the_schema(client):
    response = client.get("/api/schema/", {"format": "json", "lang": "xx-../../\x00"})
    assert response.status_code in (200, 400)
