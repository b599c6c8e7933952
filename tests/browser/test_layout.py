"""The look of the portal in a real browser: narrow phones and one style on every page."""

import pytest

from .conftest import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_live(transactional_db):
    from common.demo import load_all

    load_all()


def test_the_action_table_does_not_widen_a_phone_screen(page, live_server, demo_live):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/agendas/zkij-2020-2022/acties/")
    assert page.locator("table.portal-action-table").count() == 1
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 390


@pytest.mark.parametrize("path", ["/", "/agendas/zkij-2020-2022/acties/", "/accounts/login/"])
def test_every_h1_has_the_theme_colour(page, live_server, demo_live, path):
    page.goto(live_server.url + path)
    colour = page.evaluate("getComputedStyle(document.querySelector('h1')).color")
    assert colour == "rgb(7, 68, 78)"  # --portal-color-primary-dark


def test_the_organisations_index_is_in_the_menu_and_axe_clean(
    page, live_server, demo_live, axe_violations
):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Organisaties").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Organisaties"
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_the_error_page_is_axe_clean(page, live_server, axe_violations):
    from django.template.loader import render_to_string

    page.goto(live_server.url + "/")  # the static files come from the live server
    page.set_content(
        render_to_string("500.html").replace('href="/static', f'href="{live_server.url}/static')
    )
    assert page.locator("h1").inner_text() == "Er ging iets mis"
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
