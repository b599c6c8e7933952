"""The portal on a phone (390 × 844) and on a desktop (1280 × 800): axe finds nothing, nothing
scrolls sideways, the action table shows its first action at once, and the keyboard reaches every
filter, result and PDF link."""

import pytest
from django.urls import reverse

from .conftest import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SLUG = "zkij-2020-2022"
PASSWORD = "Een-lang-wachtwoord-voor-de-demo-2026"


@pytest.fixture
def demo_site(transactional_db, settings):
    from common.demo import load_all
    from governance.models import Region
    from governance.user_services import user_create

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_all()
    user_create(
        username="anna",
        role="coordinator",
        password=PASSWORD,
        full_name="Anna de Vries",
        region=Region.objects.get(),
    )


def pages() -> dict[str, str]:
    from agenda.models import Action
    from bodies.models import Body

    action = Action.objects.filter(theme__agenda__slug=SLUG).order_by("theme__number", "order")[0]
    return {
        "home": "/",
        "agenda": reverse("agenda:agenda_detail", args=[SLUG]),
        "action table": reverse("agenda:action_table", args=[SLUG]) + "?status=loopt&pillar=1",
        "action": action.get_absolute_url(),
        "bodies": reverse("bodies:body_list"),
        "body": Body.objects.order_by("pk")[0].get_absolute_url(),
        "evaluation": reverse("evaluation:overview", args=[SLUG]),
        "funding": reverse("financing:funding_overview", args=[SLUG]),
        "edit": reverse("agenda:action_edit", args=[action.pk]),
    }


def log_in(page, base_url):
    page.goto(base_url + reverse("login"))
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_is_axe_clean_and_never_scrolls_sideways(
    page, live_server, demo_site, axe_violations, viewport
):
    page.set_viewport_size(viewport)
    problems = []
    for name, path in pages().items():
        if name == "edit":
            log_in(page, live_server.url)  # visitors see the other pages; editors this one
        response = page.goto(live_server.url + path)
        assert response.status == 200, name
        width, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        if width > inner:
            problems.append(f"{name}: {width} px wide in a {inner} px window")
        violations = axe_violations(page)
        if violations:
            problems.append(f"{name}: {describe_violations(violations)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("query", ["", "?status=loopt&pillar=1"])
def test_the_first_action_shows_within_the_first_screen_with_the_filters_collapsed(
    page, live_server, demo_site, query
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("agenda:action_table", args=[SLUG]) + query)
    disclosure = page.locator("details.portal-filters-disclosure")
    assert disclosure.get_attribute("open") is None
    assert not page.get_by_label("Zoeken").is_visible()  # the filters are folded away
    header_bottom = page.evaluate("document.querySelector('header').getBoundingClientRect().bottom")
    first = page.locator(".portal-action-table tbody tr").first.locator("td.portal-col-text a")
    box = first.bounding_box()
    assert first.is_visible()
    assert box["y"] + box["height"] <= header_bottom + PHONE["height"]
    # its text comes first in its card, then status, lead(s) and theme as labelled lines
    card = page.locator(".portal-action-table tbody tr").first
    lines = card.locator("td").evaluate_all(
        "cells => cells.map(c => [c.className, c.getBoundingClientRect().top])"
        ".sort((a, b) => a[1] - b[1]).map(c => c[0].match(/portal-col-(\\w+)/)[1])"
    )
    assert lines[:4] == ["text", "status", "leads", "theme"]
    label = card.locator("td.portal-col-status").evaluate(
        "c => getComputedStyle(c, '::before').content"
    )
    assert label == '"Status: "'


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_keyboard_reaches_every_filter_result_and_pdf_link(
    page, live_server, demo_site, viewport
):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + reverse("agenda:action_table", args=[SLUG]))
    targets = page.evaluate(
        """() => {
        const marked = [
          ...document.querySelectorAll(
            '.portal-filters :is(select, input:not([type=hidden]), button)'),
          ...document.querySelectorAll('.portal-action-table td.portal-col-text a'),
          ...document.querySelectorAll('a[type="application/pdf"]'),
        ];
        marked.forEach((el, i) => { el.dataset.target = i; });
        return marked.length;
      }"""
    )
    assert targets > 25  # ten filters, a page of results, the PDF link
    reached = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const el = document.activeElement;
              return [el.tagName, el.dataset.target ?? null,
                      el.tagName === 'SUMMARY' && !el.parentElement.open]; }"""
        )
        tag, target, closed_disclosure = focused
        if closed_disclosure:
            page.keyboard.press("Enter")  # open the filters, as a keyboard user would
        if target is not None:
            reached.add(int(target))
        if len(reached) == targets:
            break
    assert len(reached) == targets, f"reached {len(reached)} of {targets}"


def test_a_chip_removes_its_filter(page, live_server, demo_site):
    page.set_viewport_size(PHONE)
    page.goto(
        live_server.url + reverse("agenda:action_table", args=[SLUG]) + "?status=loopt&pillar=1"
    )
    assert page.locator("summary").first.inner_text() == "Filters (2 actief)"
    count = page.get_by_role("status").inner_text()
    page.locator("a.portal-chip", has_text="Status").click()
    page.wait_for_load_state()
    assert page.locator("summary").first.inner_text() == "Filters (1 actief)"
    assert page.get_by_role("status").inner_text() != count


def test_the_error_summary_has_the_focus_after_a_refused_save(page, live_server, demo_site):
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url)
    page.goto(live_server.url + pages()["edit"])
    page.get_by_label("Actie", exact=True).fill("")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    page.wait_for_load_state()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    link = page.locator("#error-summary a").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("'#' + document.activeElement.id") == target
