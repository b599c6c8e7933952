"""The role map, the login button, and local passwords for staff roles."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from governance.user_services import user_create
from sso import config

from .conftest import ROLE_MAP

STAFF_PASSWORD = "Een-lang-wachtwoord-voor-tests-2026"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_role_map_reads_roles_regions_and_organisations():
    mapping = config.parse_role_map(
        '{"coord": {"role": "coordinator", "region": "zkij"}, "lezers": "viewer",'
        ' "pow": {"role": "partner", "organisation": "PoW"}}'
    )
    assert mapping["coord"] == config.Assignment("coordinator", region="zkij")
    assert mapping["lezers"] == config.Assignment("viewer")
    assert mapping["pow"].organisation == "PoW"


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        '["coordinator"]',
        '{"x": "baas"}',
        '{"x": {"role": "partner"}}',
        '{"x": {"role": "viewer", "regio": "zkij"}}',
    ],
)
def test_a_malformed_role_map_is_a_configuration_error(raw):
    with pytest.raises(ImproperlyConfigured):
        config.parse_role_map(raw)


def test_manage_py_check_reports_a_malformed_role_map(settings):
    settings.OIDC_ROLE_MAP = '{"x": "baas"}'
    with pytest.raises(SystemCheckError, match="sso.E001"):
        call_command("check")


def test_the_most_powerful_mapped_role_wins_and_nested_claims_are_read(settings):
    settings.OIDC_ROLE_MAP = ROLE_MAP
    settings.OIDC_ROLES_CLAIM = "groups"
    claims = {"groups": ["doeagenda-lezers", "doeagenda-coordinatoren", "onbekend"]}
    assert config.assignment_for(claims).role == "coordinator"
    assert config.assignment_for({"groups": "doeagenda-lezers"}).role == "viewer"
    assert config.assignment_for({"groups": ["onbekend"]}) is None
    assert config.assignment_for({}) is None
    settings.OIDC_ROLES_CLAIM = "realm_access.roles"
    assert config.assignment_for({"realm_access": {"roles": ["portal-beheer"]}}).role == "admin"


def test_the_button_shows_only_when_oidc_is_configured(db, client, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    html = client.get(reverse("login")).content.decode()
    assert "Inloggen met je organisatieaccount" not in html
    settings.OIDC_RP_CLIENT_ID = "doe-agenda"
    settings.OIDC_ISSUER = "https://login.gemeente.example"
    html = client.get(reverse("login") + "?next=/agendas/").content.decode()
    assert "Inloggen met je organisatieaccount" in html
    assert f'href="{reverse("sso:login")}?next=/agendas/"' in html


def test_oidc_pages_are_not_found_when_oidc_is_off(db, client, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    assert client.get(reverse("sso:login")).status_code == 404
    assert client.get(reverse("sso:callback") + "?code=a&state=b").status_code == 404


@pytest.fixture
def staff_and_partner(db):
    from governance.models import Organisation, Region

    region = Region.objects.create(name="Regio Een", slug="regio-een")
    pow_org = Organisation.objects.create(name="Perspectief op Werk", abbreviation="PoW")
    return {
        "coordinator": user_create(
            username="anna", role="coordinator", password=STAFF_PASSWORD, region=region
        ),
        "viewer": user_create(username="vera", role="viewer", password=STAFF_PASSWORD),
        "partner": user_create(
            username="piet", role="partner", password=STAFF_PASSWORD, organisation=pow_org
        ),
    }


def password_login(client, username):
    response = client.post(reverse("login"), {"username": username, "password": STAFF_PASSWORD})
    logged_in = "_auth_user_id" in client.session
    client.logout()
    return response, logged_in


def oidc_on(settings, local_for_staff):
    settings.OIDC_RP_CLIENT_ID = "doe-agenda"
    settings.OIDC_ISSUER = "https://login.gemeente.example"
    settings.LOCAL_LOGIN_FOR_STAFF = local_for_staff


def test_local_passwords_keep_working_by_default(client, settings, staff_and_partner):
    oidc_on(settings, local_for_staff=True)
    for username in ("anna", "vera", "piet"):
        assert password_login(client, username)[1], username


def test_staff_roles_can_be_barred_from_local_passwords(client, settings, staff_and_partner):
    oidc_on(settings, local_for_staff=False)
    response, logged_in = password_login(client, "anna")
    assert not logged_in
    assert "alleen in met hun organisatieaccount" in response.content.decode()
    assert not password_login(client, "vera")[1]
    assert password_login(client, "piet")[1]


def test_administrators_are_barred_from_the_admin_login_too(
    client, settings, staff_and_partner, django_user_model
):
    oidc_on(settings, local_for_staff=False)
    django_user_model.objects.create_superuser("root", password=STAFF_PASSWORD)
    client.post(
        reverse("admin:login"), {"username": "root", "password": STAFF_PASSWORD, "next": "/admin/"}
    )
    assert "_auth_user_id" not in client.session


def test_the_staff_rule_needs_oidc_so_nobody_is_locked_out(client, settings, staff_and_partner):
    settings.OIDC_RP_CLIENT_ID = ""
    settings.LOCAL_LOGIN_FOR_STAFF = False
    assert password_login(client, "anna")[1]


def test_a_staff_session_from_a_password_ends_when_the_rule_is_switched_on(
    client, settings, staff_and_partner
):
    client.post(reverse("login"), {"username": "anna", "password": STAFF_PASSWORD})
    assert client.get("/").wsgi_request.user.is_authenticated
    oidc_on(settings, local_for_staff=False)
    assert not client.get("/").wsgi_request.user.is_authenticated
