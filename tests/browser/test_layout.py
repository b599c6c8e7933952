"""The look of the portal in a real browser: narrow phones and one style on every page."""

import pytest

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
