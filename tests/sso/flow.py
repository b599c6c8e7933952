"""Walking through a login at the test provider: its pages over HTTP, the portal through
Django's test client."""

from html.parser import HTMLParser
from urllib.parse import urljoin

import requests
from django.urls import reverse

PORTAL = "http://testserver"


class _Forms(HTMLParser):
    """The forms of a page: their action and the values of their inputs."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {"id": attrs.get("id"), "action": attrs.get("action", ""), "fields": {}}
            )
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""


def forms_of(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


class ProviderBrowser:
    """One browser's cookies at the provider (its session there)."""

    def __init__(self):
        self.http = requests.Session()

    def follow(self, url: str, username: str | None = None, password: str | None = None):
        """Follow the provider's redirects from `url`, signing in on its login form when asked,
        until it sends the browser back to the portal. Returns that portal URL, or the last
        provider response when it stops at a page."""
        response = None
        for _step in range(10):
            if url.startswith(PORTAL):
                return url
            response = self.http.get(url, allow_redirects=False, timeout=10)
            while response.is_redirect or response.status_code in (302, 303):
                url = urljoin(url, response.headers["Location"])
                if url.startswith(PORTAL):
                    return url
                response = self.http.get(url, allow_redirects=False, timeout=10)
            login_forms = [f for f in forms_of(response.text) if "login" in f["action"]]
            if not login_forms or username is None:
                return response
            response = self.http.post(
                urljoin(url, login_forms[0]["action"]),
                data={"login": username, "password": password},
                allow_redirects=False,
                timeout=10,
            )
            if not response.is_redirect:
                return response
            url = urljoin(url, response.headers["Location"])
        raise AssertionError("too many steps at the provider")

    def confirm_logout(self, url: str) -> str:
        """Open the provider's end-session page and say yes; returns where it sends us."""
        page = self.http.get(url, allow_redirects=True, timeout=10)
        [form] = [f for f in forms_of(page.text) if f["id"] == "op.logoutForm"]
        response = self.http.post(
            urljoin(page.url, form["action"]),
            data={**form["fields"], "logout": "yes"},
            allow_redirects=False,
            timeout=10,
        )
        assert response.is_redirect, response.text
        return urljoin(page.url, response.headers["Location"])


def start_login(client, next_url: str = "") -> str:
    """Press the portal's button; returns the provider URL the portal sends the browser to."""
    url = reverse("sso:login") + (f"?next={next_url}" if next_url else "")
    response = client.get(url)
    assert response.status_code == 302, response
    return response["Location"]


def oidc_login(client, browser: ProviderBrowser, username: str, password: str):
    """A whole login; returns the portal's answer to the provider's redirect back."""
    callback = browser.follow(start_login(client), username, password)
    assert isinstance(callback, str), getattr(callback, "text", callback)
    return client.get(callback)
