"""Past the limit the API answers 429 in JSON: per address for visitors, per token."""

import pytest
from rest_framework.test import APIClient

from api.services import api_token_create

from .conftest import set_rates

pytestmark = pytest.mark.django_db
URL = "/api/v1/regions/"


def test_visitors_are_limited_per_address(monkeypatch):
    set_rates(monkeypatch, anonymous="3/minute", token="100/minute", session="100/minute")
    client = APIClient()
    for _ in range(3):
        assert client.get(URL, REMOTE_ADDR="10.0.0.1").status_code == 200
    response = client.get(URL, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    body = response.json()
    assert body["status"] == 429
    assert body["code"] == "throttled"
    assert 0 < body["retry_after"] <= 60
    assert body["detail"]
    assert int(response["Retry-After"]) == body["retry_after"]
    assert client.get(URL, REMOTE_ADDR="10.0.0.2").status_code == 200  # another address


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(monkeypatch):
    set_rates(monkeypatch, anonymous="2/minute", token="100/minute", session="100/minute")
    client = APIClient()
    codes = [
        client.get(URL, REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR=f"192.0.2.{i}").status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]


def test_tokens_are_limited_each_on_their_own(monkeypatch, viewer):
    set_rates(monkeypatch, anonymous="100/minute", token="2/minute", session="100/minute")
    _row, first = api_token_create(user=viewer, name="een")
    _row, second = api_token_create(user=viewer, name="twee")
    client = APIClient()
    codes = [client.get(URL, HTTP_AUTHORIZATION=f"Bearer {first}").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert client.get(URL, HTTP_AUTHORIZATION=f"Bearer {second}").status_code == 200
