"""Every form and filter, driven with generated input: never a server error, and input that is
refused changes nothing.

The forms are found, not listed: every page of the portal (with the world's rows filled into
its address) is opened as a coordinator, and each `<form>` on it is sent back with generated
values for its fields: empty, absurdly long, 40-digit ids, other scripts' digits, markup,
NUL-free control characters, and the values the page itself offers.
"""

import re

import pytest
from django.apps import apps
from django.db import transaction
from django.urls import get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodies.models import Body, Membership, Person
from financing.models import FundingStream
from tests.editing.conftest import client_for, fast_password_hashing, world  # noqa: F401

APPS = {"agenda", "financing", "governance", "evaluation", "bodies"}
SKIP = re.compile(r"verwijderen|logout|uitloggen|taal|i18n|admin|\.pdf$|export|/stand/$")

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
FIELD = re.compile(r"<(input|select|textarea)\b([^>]*)>", re.I)
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
OPTION = re.compile(r'<option[^>]*value="([^"]*)"', re.I)

NASTY = st.one_of(
    st.just(""),
    st.just("1" * 40),
    st.just("-1"),
    st.just("0"),
    st.just("١٢٣"),
    st.just("１２３,50"),
    st.just("<script>alert(1)</script>"),
    st.just('=HYPERLINK("http://example.org")'),
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["x", "é", "W"]).map(lambda c: c * 10_001),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60).map(
        lambda t: t.replace("\x00", "")
    ),
)


def fingerprint():
    """Every row of the portal's own tables, history included."""
    state = {}
    for model in apps.get_models():
        if model._meta.app_label in APPS:
            state[model._meta.label] = sorted(map(repr, model.objects.values_list()))
    return state


def pages(world):  # noqa: F811
    """Addresses of every page with a parameter filled from the world's rows."""
    body = Body.objects.create(region=world.region, name="Overleg", level=Body.Level.ADMINISTRATIVE)
    person = Person.objects.create(region=world.region, name="Persoon", is_public=False)
    Membership.objects.create(
        body=body, person=person, side=Membership.Side.MUNICIPALITIES, order=1
    )
    stream = FundingStream.objects.create(
        region=world.region, slug="budget", name="Budget", level="lokaal"
    )
    by_prefix = {
        "acties": world.pow_action.pk,
        "themas": world.theme.pk,
        "pijlers": world.pillar.pk,
        "overleggen": body.pk,
        "personen": person.pk,
        "zetels": Membership.objects.get(body=body).pk,
        "financiering/bronnen": stream.pk,
    }
    urls = set()
    for pattern, _name in _patterns(get_resolver().url_patterns, ""):
        route = pattern
        if SKIP.search(route):
            continue
        if "<slug:slug>" in route:
            route = route.replace("<slug:slug>", world.agenda.slug)
        if "<int:pk>" in route:
            prefix = next((p for p in by_prefix if route.startswith(p + "/")), None)
            if prefix is None:
                continue
            route = route.replace("<int:pk>", str(by_prefix[prefix]))
        if "<" in route or "^" in route:
            continue
        urls.add("/" + route)
    return sorted(urls)


def _patterns(patterns, prefix):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if hasattr(entry, "url_patterns"):
            yield from _patterns(entry.url_patterns, route)
        else:
            yield route, entry.name


def forms_on(html):
    """(method, action, {field name: offered values}) of every form on the page."""
    found = []
    for attrs, body in FORM.findall(html):
        form_attrs = dict(ATTR.findall(attrs))
        fields = {}
        for _kind, field_attrs in FIELD.findall(body):
            attributes = dict(ATTR.findall(field_attrs))
            name = attributes.get("name")
            if not name or name == "csrfmiddlewaretoken":
                continue
            offered = fields.setdefault(name, [])
            if "value" in attributes:
                offered.append(attributes["value"])
        for name, values in re.findall(
            r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', body, re.S | re.I
        ):
            fields.setdefault(name, []).extend(OPTION.findall(values))
        found.append((form_attrs.get("method", "get").lower(), form_attrs.get("action"), fields))
    return found


@pytest.mark.django_db
@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_form_and_filter_survives_generated_input(world, client_for, data):  # noqa: F811
    # Each example starts from the same rows: what an accepted input saved is undone after it.
    with transaction.atomic():
        drive_every_form(client_for(world.users["coordinator"]), world, data)
        transaction.set_rollback(True)


def drive_every_form(client, world, data):  # noqa: F811
    client.raise_request_exception = True
    urls = pages(world)
    assert len(urls) > 20
    sent = 0
    for url in urls:
        page = client.get(url)
        if page.status_code != 200 or "text/html" not in page.get("Content-Type", ""):
            continue
        for method, action, fields in forms_on(page.content.decode()):
            if not fields:
                continue
            target = action or url
            if SKIP.search(target):
                continue
            values = {
                name: data.draw(
                    st.one_of(NASTY, st.sampled_from(offered)) if offered else NASTY, label=name
                )
                for name, offered in fields.items()
            }
            before = fingerprint()
            if method == "post":
                response = client.post(target, values)
            else:
                response = client.get(target, values)
            sent += 1
            assert response.status_code < 500, (target, values)
            if method == "post" and response.status_code != 302:
                assert fingerprint() == before, (target, response.status_code)
    assert sent > 10
