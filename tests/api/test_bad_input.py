"""Bad input answers 400 or 404 with a JSON error, never 500."""

import pytest

SLUG = "zkij-2020-2022"
ACTIONS = f"/api/v1/agendas/{SLUG}/actions/"
HUGE = "1" * 40


def assert_json_error(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["status"] == status
    assert body["detail"]
    return body


@pytest.mark.parametrize(
    "params",
    [
        {"status": "bestaat-niet"},
        {"pillar": "99"},
        {"pillar": "twee"},
        {"theme": "-1"},
        {"scope": "abc"},
        {"lead": HUGE},
        {"lead": "0"},
        {"funding": "geen-stroom"},
        {"outcome": "misschien"},
        {"stage": "later"},
        {"q": "woord " * 50},
        {"status": "bestaat-niet", "format": "csv"},
    ],
)
def test_an_unknown_filter_value_answers_400_naming_the_filter(demo, api, params):
    body = assert_json_error(api.get(ACTIONS, params), 400)
    name = next(key for key in params if key != "format")
    assert name in body["errors"]


@pytest.mark.parametrize("page", ["-1", "0", "abc", "99999", HUGE])
def test_a_page_that_does_not_exist_answers_404(demo, api, page):
    assert_json_error(api.get(ACTIONS, {"page": page}), 404)


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/actions/{HUGE}/",
        f"/api/v1/organisations/{HUGE}/",
        f"/api/v1/bodies/{HUGE}/",
        f"/api/v1/evaluations/{HUGE}/",
        f"/api/v1/funding-streams/{HUGE}/",
        f"/api/v1/decision-steps/{HUGE}/",
        "/api/v1/actions/999999999/",
        "/api/v1/actions/abc/",
        "/api/v1/agendas/bestaat-niet/",
        "/api/v1/agendas/bestaat-niet/actions/",
        f"/api/v1/agendas/{'a' * 300}/",
        "/api/v1/regions/bestaat-niet/",
        "/api/v1/onzin/",
        "/api/v2/agendas/",
        f"{ACTIONS}?format=xml",
    ],
)
def test_an_unknown_address_or_id_answers_404(demo, api, url):
    assert_json_error(api.get(url), 404)


def test_an_unknown_agenda_as_a_filter_answers_400(demo, api):
    for url in ["/api/v1/evaluations/", "/api/v1/decision-steps/", "/api/v1/funding-streams/"]:
        assert_json_error(api.get(url, {"agenda": "bestaat-niet"}), 400)


def test_writing_is_not_allowed(demo, api):
    response = api.post(ACTIONS, {"text": "nieuw"}, format="json")
    assert_json_error(response, 405)


def test_odd_page_sizes_fall_back_to_the_default_and_huge_ones_to_the_maximum(demo, api):
    for size in ["-1", "abc", "0"]:
        response = api.get(ACTIONS, {"page_size": size})
        assert response.status_code == 200
        assert len(response.json()["results"]) == 50
    response = api.get(ACTIONS, {"page_size": HUGE})
    assert response.status_code == 200
    assert len(response.json()["results"]) == response.json()["count"]  # 56 < 500


def test_a_status_added_after_a_filtered_request_is_a_valid_filter_at_once(demo, api):
    from agenda.models import Status

    assert_json_error(api.get(ACTIONS, {"status": "in-voorbereiding"}), 400)
    Status.objects.create(slug="in-voorbereiding", name="In voorbereiding", order=99)
    response = api.get(ACTIONS, {"status": "in-voorbereiding"})
    assert response.status_code == 200
    assert response.json()["count"] == 0
