"""Every URL pattern whose view writes goes through the shared access layer: it is wrapped
in `accounts.decorators.login_first`, so visitors who are not logged in are sent to the login
page before anything is looked up, and only then does the view ask the QuerySet rules."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

WRITE_VIEW = re.compile(
    r"(create|update|edit|delete|remove|status|distribute|pillars|inhabitants|successor|"
    r"carry_over)"
)
# Django's own views: the admin and the account pages guard themselves.
OWN_GUARD = ("admin:", "login", "logout", "password_change", "set_language")


def url_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


WRITE_VIEWS = sorted(
    (name, pattern)
    for name, pattern in url_patterns()
    if WRITE_VIEW.search(name) and not name.startswith(OWN_GUARD)
)


def sample_args(pattern):
    return {
        key: "een-agenda" if "slug" in str(converter.__class__).lower() else 1
        for key, converter in pattern.pattern.converters.items()
    }


def test_the_write_views_are_found():
    assert len(WRITE_VIEWS) >= 30


@pytest.mark.parametrize("name,pattern", WRITE_VIEWS, ids=[n for n, _ in WRITE_VIEWS])
def test_a_write_view_goes_through_the_access_layer(name, pattern, client, db):
    assert getattr(pattern.callback, "login_first", False), f"{name} is not behind login_first"
    response = client.post(reverse(name, kwargs=sample_args(pattern)), {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
