"""Template tags only format what their view gives them: none reads the database.

The pages are rendered with every query's call stack looked at: a query run from a module under
`*/templatetags/` fails the test. And no template tag module names a manager or a QuerySet
method, so a new tag cannot start reading on a page the first test does not render.
"""

import ast
import traceback
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from agenda.models import Agenda
from evaluation.models import Evaluation
from financing.models import Allocation
from governance.models import Organisation
from tests.factories import coordinator

ROOT = Path(__file__).resolve().parent.parent
TAG_MODULES = sorted(
    path
    for path in ROOT.glob("*/templatetags/*.py")
    if path.name != "__init__.py" and ".venv" not in path.parts
)
QUERYSET_METHODS = {
    "objects",
    "_default_manager",
    "filter",
    "exclude",
    "exists",
    "count",
    "first",
    "last",
    "values",
    "values_list",
    "aggregate",
    "annotate",
    "select_related",
    "prefetch_related",
    "raw",
}


def queries_from_template_tags(client, url) -> tuple[str, list[str]]:
    """The page's HTML and the queries it ran from a template tag module, with where."""
    found = []

    def record(execute, sql, *args):
        places = [
            f"{frame.filename}:{frame.lineno}"
            for frame in traceback.extract_stack()
            if "/templatetags/" in frame.filename and "/site-packages/" not in frame.filename
        ]
        if places:
            found.append(f"{sql[:80]} ({places[-1]})")
        return execute(sql, *args)

    with connection.execute_wrapper(record):
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), found


@pytest.fixture
def pages(demo):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    evaluated = Evaluation.objects.in_agenda(agenda).values_list("action", flat=True)
    funded = Allocation.objects.in_agenda(agenda).filter(action__in=evaluated).first().action
    organisation = Organisation.objects.get(name="UWV")
    return {
        "agenda": (
            agenda.get_absolute_url(),
            ['id="financing-heading"', 'id="behandeling"', 'id="evaluatie"'],
        ),
        "action": (
            funded.get_absolute_url(),
            ['id="action-financing-heading"', "Uitkomst: <strong>"],
        ),
        "organisation": (
            reverse("agenda:organisation_detail", args=[organisation.pk]),
            ["Zetels in overleggen"],
        ),
        "home": (reverse("agenda:home"), [agenda.title]),
    }, agenda


@pytest.mark.parametrize("who", ["visitor", "coordinator"])
def test_no_page_reads_the_database_from_a_template_tag(client, pages, who):
    urls, agenda = pages
    if who == "coordinator":
        client.force_login(coordinator(agenda.region, "coordinator-tags"))
    for name, (url, headings) in urls.items():
        html, found = queries_from_template_tags(client, url)
        assert not found, f"the {name} page queries from template tags:\n" + "\n".join(found)
        for heading in headings:
            assert heading in html, (name, heading)


def test_the_coordinator_sees_the_sections_edit_links(client, pages):
    urls, agenda = pages
    client.force_login(coordinator(agenda.region, "coordinator-links"))
    agenda_page = client.get(urls["agenda"][0]).content.decode()
    assert reverse("financing:stream_create", args=[agenda.slug]) in agenda_page
    assert reverse("bodies:decision_step_create", args=[agenda.slug]) in agenda_page
    assert reverse("evaluation:successor_start", args=[agenda.slug]) in agenda_page
    assert reverse("agenda:agenda_edit", args=[agenda.slug]) in agenda_page
    assert reverse("governance:region_detail", args=[agenda.region.slug]) in agenda_page
    for url in (
        reverse("financing:stream_create", args=[agenda.slug]),
        reverse("agenda:agenda_edit", args=[agenda.slug]),
    ):
        assert url not in Client().get(urls["agenda"][0]).content.decode()


@pytest.mark.parametrize("path", TAG_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_tag_module_names_a_manager_or_a_queryset_method(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used = [
        f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in QUERYSET_METHODS
        # `@register.filter` declares a filter
        and not (isinstance(node.value, ast.Name) and node.value.id == "register")
    ]
    assert not used, "template tags format what they are given:\n" + "\n".join(used)


def test_the_tag_modules_are_found():
    assert any(path.name == "financing.py" for path in TAG_MODULES)
