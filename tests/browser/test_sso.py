"""Logging in with an organisation account in a real browser, through the test provider's own
login form, on a phone and a desktop screen."""

import copy

import pytest

from governance.models import Organisation, Region
from sso import config

from .conftest import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "wachtwoord-bij-de-provider"
WIDTHS = [390, 1280]


@pytest.fixture
def oidc_live(oidc_provider, live_server, settings, transactional_db):
    Region.objects.create(name="Regio Een", slug="regio-een")
    Organisation.objects.create(name="Perspectief op Werk", abbreviation="PoW")
    client_id, client_secret = oidc_provider.register_client(live_server.url)
    settings.OIDC_ISSUER = oidc_provider.issuer
    settings.OIDC_RP_CLIENT_ID = client_id
    settings.OIDC_RP_CLIENT_SECRET = client_secret
    settings.OIDC_RP_SCOPES = "openid email profile groups"
    settings.OIDC_ROLE_MAP = {"doeagenda-coordinatoren": "coordinator"}
    settings.OIDC_SUPPORT_CONTACT = "het functioneel beheer van de regio"
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["form-action"].append(oidc_provider.issuer)
    settings.CONTENT_SECURITY_POLICY = policy
    config.clear_discovery_cache()
    yield oidc_provider
    config.clear_discovery_cache()


def fits(page, width):
    return page.evaluate("document.documentElement.scrollWidth") <= width


def assert_axe_clean(page, axe_violations):
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("width", WIDTHS)
def test_staff_log_in_and_out_through_the_providers_own_form(
    page, live_server, oidc_live, axe_violations, width
):
    oidc_live.set_account(
        "anna",
        PASSWORD,
        email="anna@gemeente.example",
        given_name="Anna",
        family_name="Ambtenaar",
        groups=["doeagenda-coordinatoren"],
    )
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/accounts/login/")
    assert fits(page, width)
    assert_axe_clean(page, axe_violations)

    page.get_by_role("link", name="Inloggen met je organisatieaccount").click()
    page.wait_for_url(f"{oidc_live.issuer}/**")
    page.get_by_label("Username").fill("anna")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    assert "Ingelogd als Anna Ambtenaar" in page.locator("header").inner_text()
    assert page.get_by_role("link", name="Wachtwoord wijzigen").count() == 0

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"{oidc_live.issuer}/**")
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(f"{live_server.url}/sso/uitgelogd/")
    assert page.locator("h1").inner_text() == "Uitgelogd"
    assert "Ingelogd als" not in page.locator("header").inner_text()
    assert_axe_clean(page, axe_violations)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_refusal_page_is_clear_on_every_screen(
    page, live_server, oidc_live, axe_violations, width
):
    oidc_live.set_account("carla", PASSWORD, email="carla@gemeente.example", groups=["kantine"])
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("link", name="Inloggen met je organisatieaccount").click()
    page.get_by_label("Username").fill("carla")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/sso/geweigerd/")
    assert page.locator("h1").inner_text() == "Inloggen is niet gelukt"
    text = page.locator("main").inner_text()
    assert "Vraag het functioneel beheer van de regio om u toegang te geven." in text
    assert "carla@gemeente.example" in text
    assert fits(page, width)
    assert_axe_clean(page, axe_violations)
