"""Every URL pattern whose view writes goes through the shared access layer: it is wrapped
in `accounts.decorators.login_first`, so visitors who are not logged in are sent to the login
page before anything is looked up, and only then does the view ask the QuerySet rules."""

import inspect
import re
import sys

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

WRITE_VIEW = re.compile(
    r"(create|update|edit|delete|remove|status|distribute|pillars|inhabitants|successor|"
    r"carry_over|adopt|publication|merge|revoke|upload|preview|budget_grid|api_tokens:list)"
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


# --- the edit and delete views fetch what they change through the QuerySet rules -------------

FETCH = re.compile(r"(editable_object|deletable_object|\.editable_by\(|\.deletable_by\()")
HELPER = re.compile(r"\b(_\w+)\(")
# Views that change an object named in the URL but still ask another rule, each with why.
OTHER_RULE: dict[str, str] = {}
EDITS_AN_OBJECT = re.compile(
    r"(update|edit|delete|remove|pillars|distribute|status|adopt|publication|merge|revoke)"
)


def fetching_source(view) -> str:
    """The source of a view and of the module's own `_helpers` it calls, followed down."""
    while hasattr(view, "__wrapped__"):
        view = view.__wrapped__
    module = sys.modules[view.__module__]
    seen, todo, parts = set(), [view], []
    while todo:
        function = todo.pop()
        if function in seen:
            continue
        seen.add(function)
        source = inspect.getsource(function)
        parts.append(source)
        for name in HELPER.findall(source):
            helper = getattr(module, name, None)
            if inspect.isfunction(helper):
                todo.append(helper)
    return "\n".join(parts)


OBJECT_VIEWS = [
    (name, pattern)
    for name, pattern in WRITE_VIEWS
    if EDITS_AN_OBJECT.search(name.split(":")[-1]) and pattern.pattern.converters
]


def test_the_views_that_change_an_object_are_found():
    assert len(OBJECT_VIEWS) >= 25
    assert set(OTHER_RULE) <= {name for name, _p in OBJECT_VIEWS}


@pytest.mark.parametrize("name,pattern", OBJECT_VIEWS, ids=[n for n, _ in OBJECT_VIEWS])
def test_a_view_fetches_what_it_changes_through_editable_by(name, pattern):
    fetches = bool(FETCH.search(fetching_source(pattern.callback)))
    if name in OTHER_RULE:
        assert not fetches, f"{name} now asks editable_by: remove it from OTHER_RULE"
    else:
        assert fetches, f"{name} does not fetch through editable_by/deletable_by"
