"""Shared fixtures for the browser tests: Debian's Chromium driven by Playwright, and axe-core.

Use them with pytest-django's `live_server`:

    @pytest.mark.browser
    def test_something(page, live_server, axe_violations):
        page.goto(live_server.url + "/")
        assert axe_violations(page) == []
"""

import os

import pytest

# Playwright's sync API runs an event loop; Django's ORM refuses to run inside one without this.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_context(browser):
    """A fresh context (cookies, downloads) per test, in Dutch like a visitor's browser."""
    context = browser.new_context(locale="nl-NL", accept_downloads=True)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    yield page
    page.close()


def run_axe(page, tags=None) -> list[dict]:
    """Run axe-core on the page as it is now; return its violations (empty when none)."""
    from axe_playwright_python.sync_playwright import Axe

    options = {
        "resultTypes": ["violations"],
        "runOnly": {"type": "tag", "values": list(tags or AXE_TAGS)},
    }
    results = Axe().run(page, options=options)
    return results.response["violations"]


def describe_violations(violations: list[dict]) -> str:
    """A readable summary for an assertion message."""
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)


@pytest.fixture
def axe_violations():
    """`axe_violations(page)` -> the WCAG 2.1 A/AA violations axe-core finds on the page."""
    return run_axe
