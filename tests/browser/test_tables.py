"""A partner in a real browser: find the agenda, filter it, take the selection away; axe-core."""

import csv
import io

import pytest

from agenda.models import Action, Agenda

from .conftest import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_live(transactional_db):
    from common.demo import load_all

    load_all()


def rows_on_screen(page) -> list[str]:
    """The action texts in the table on screen, in order."""
    return page.locator("table.portal-action-table tbody tr td:nth-child(5)").all_inner_texts()


def read_csv(download) -> list[list[str]]:
    with open(download.path(), "rb") as fh:
        data = fh.read()
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_partner_filters_ijmond_running_actions_and_downloads_exactly_those(
    page, live_server, demo_live
):
    page.goto(live_server.url + "/")
    page.get_by_role(
        "link", name="Regionale aanpak arbeidsmarkt Zuid-Kennemerland en IJmond 2020-2022"
    ).click()
    page.get_by_role("link", name="Acties filteren en downloaden").click()
    assert page.locator("h1").inner_text().startswith("Acties van Regionale aanpak")

    page.get_by_label("(Sub)regionaal").select_option(label="IJmond")
    page.get_by_label("Status").select_option(label="loopt")
    page.get_by_role("button", name="Acties tonen").click()
    page.wait_for_load_state()

    assert "scope=" in page.url and "status=loopt" in page.url
    on_screen = rows_on_screen(page)
    expected = Action.objects.filter(
        theme__agenda__slug="zkij-2020-2022", scope__name="IJmond", status__slug="loopt"
    )
    assert len(on_screen) == expected.count() > 0
    assert f"{len(on_screen)} acties gevonden" in page.locator("#result-count").inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV (opent in Excel)").click()
    rows = read_csv(download_info.value)
    assert rows[0][:8] == [
        "#",
        "Thema's per pijler",
        "Voor wie",
        "(Sub)regionaal",
        "Actie",
        "Status",
        "Trekker(s)",
        "Financiering",
    ]
    assert [row[4] for row in rows[1:]] == on_screen
    assert {row[3] for row in rows[1:]} == {"IJmond"}
    assert {row[5] for row in rows[1:]} == {"loopt"}


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def focus_is_visible(page) -> bool:
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                || style.boxShadow !== 'none';
        }"""
    )


def test_keyboard_only_user_filters_and_exports(page, live_server, demo_live):
    page.goto(live_server.url + "/agendas/zkij-2020-2022/acties/")

    page.keyboard.press("Tab")
    skip = page.locator(".utrecht-skip-link")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#main"
    assert skip.is_visible()

    tab_to(page, "#id_status")
    assert focus_is_visible(page)
    for _ in range(20):
        if page.locator("#id_status").input_value() == "loopt":
            break
        page.keyboard.press("ArrowDown")
    assert page.locator("#id_status").input_value() == "loopt"
    tab_to(page, "button[type=submit].utrecht-button")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**status=loopt**")
    on_screen_count = Action.objects.filter(
        theme__agenda__slug="zkij-2020-2022", status__slug="loopt"
    ).count()
    assert f"{on_screen_count} acties gevonden" in page.locator("#result-count").inner_text()

    tab_to(page, "a[href*='_export=csv']")
    assert focus_is_visible(page)
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    rows = read_csv(download_info.value)
    assert len(rows) - 1 == on_screen_count
    assert {row[5] for row in rows[1:]} == {"loopt"}


def test_axe_finds_no_violations_on_the_public_pages(page, live_server, demo_live, axe_violations):
    agenda = Agenda.objects.get(slug="zkij-2020-2022")
    action = Action.objects.in_agenda(agenda).filter(leads__isnull=False).first()
    organisation = action.leads.first()
    pages = {
        "home": "/",
        "agenda": agenda.get_absolute_url(),
        "table": f"/agendas/{agenda.slug}/acties/?status=loopt&sort=-scope&per_page=10&page=2",
        "table with a form error": f"/agendas/{agenda.slug}/acties/?status=onbekend&q=",
        "action": action.get_absolute_url(),
        "organisation": organisation.get_absolute_url(),
    }
    found = {}
    for name, path in pages.items():
        page.goto(live_server.url + path)
        violations = axe_violations(page)
        if violations:
            found[name] = describe_violations(violations)
    assert found == {}, "\n".join(f"{name}:\n{text}" for name, text in found.items())


def test_language_switch_works_without_javascript(browser, live_server, demo_live):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/agendas/zkij-2020-2022/")
        assert page.locator("html").get_attribute("lang") == "nl"
        page.get_by_role("link", name="English").click()
        page.wait_for_load_state()
        assert page.url.endswith("/agendas/zkij-2020-2022/")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("heading", name="Actions per status").is_visible()
        page.get_by_role("link", name="Filter and download the actions").click()
        page.get_by_label("Status").select_option(label="loopt")
        page.get_by_role("button", name="Show actions").click()
        page.wait_for_load_state()
        assert "status=loopt" in page.url
        assert "actions found" in page.locator("#result-count").inner_text()
    finally:
        context.close()
