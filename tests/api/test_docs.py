"""The documentation page runs under the portal's strict CSP from the project's own files."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_docs_page_keeps_the_strict_content_security_policy(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_the_docs_page_loads_nothing_from_elsewhere_and_no_inline_script(client):
    page = client.get("/api/docs/").content.decode()
    addresses = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert addresses
    assert all(address.startswith("/") for address in addresses), addresses
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert not re.search(r"<style[\s>]|\sstyle\s*=", page)


def test_the_start_up_script_is_served_separately_and_points_at_the_schema(client):
    page = client.get("/api/docs/").content.decode()
    script = re.search(r'<script src="(/api/docs/\?[^"]+)"', page).group(1).replace("&amp;", "&")
    response = client.get(script)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.content.decode()
