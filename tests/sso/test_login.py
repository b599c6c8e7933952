"""Logging in with an organisation account against a real OpenID Connect provider."""

import logging
from urllib.parse import parse_qs, urlencode, urlparse

from axes.models import AccessAttempt
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.access import has_role, user_organisation, user_region
from sso.models import OIDCIdentity

from .conftest import PASSWORD, SUPPORT_CONTACT
from .flow import PORTAL, ProviderBrowser, oidc_login, start_login

User = get_user_model()


def logged_in_user(client):
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def refusal_page(client, response):
    """Follow the redirect to the refusal page and return it."""
    assert response.status_code == 302
    assert response["Location"] == reverse("sso:refused")
    page = client.get(response["Location"])
    assert page.status_code == 403
    return page


def test_a_first_login_creates_the_account_with_the_mapped_role_and_region(
    oidc, world, person, client, browser_at_provider
):
    person("anna", ["doeagenda-coordinatoren", "iets-anders"])
    response = oidc_login(client, browser_at_provider, "anna", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/"
    user = logged_in_user(client)
    assert user is not None
    assert has_role(user, "coordinator")
    assert user_region(user) == world.region
    assert not user.has_usable_password()
    assert user.email == "anna@gemeente.example"
    assert user.get_full_name() == "Anna Ambtenaar"
    identity = OIDCIdentity.objects.get(user=user)
    assert (identity.issuer, identity.sub) == (oidc.provider.issuer, "anna")
    home = client.get("/")
    assert "Ingelogd als Anna Ambtenaar" in home.content.decode()


def test_the_login_returns_to_the_page_the_user_came_from(
    oidc, world, person, client, browser_at_provider
):
    person("anna", ["doeagenda-lezers"])
    target = reverse("agenda:agenda_detail", args=[world.agenda.slug])
    callback = browser_at_provider.follow(start_login(client, target), "anna", PASSWORD)
    response = client.get(callback)
    assert response["Location"] == target


def test_a_changed_claim_changes_the_role_at_the_next_login(
    oidc, world, person, client, browser_at_provider
):
    person("bert", ["doeagenda-coordinatoren"])
    oidc_login(client, browser_at_provider, "bert", PASSWORD)
    user = logged_in_user(client)
    assert has_role(user, "coordinator")

    client.post(reverse("sso:logout"))
    person("bert", ["pow-redactie"], given_name="Bert", family_name="Verhuisd")
    oidc_login(client, ProviderBrowser(), "bert", PASSWORD)
    again = logged_in_user(client)
    assert again == user
    assert has_role(again, "partner") and not has_role(again, "coordinator")
    assert user_organisation(again) == world.pow
    assert user_region(again) is None
    assert again.get_full_name() == "Bert Verhuisd"

    client.post(reverse("sso:logout"))
    person("bert", ["portal-beheer", "doeagenda-lezers"])
    oidc_login(client, ProviderBrowser(), "bert", PASSWORD)
    admin = logged_in_user(client)
    assert admin.is_staff and admin.is_superuser
    assert not has_role(admin, "partner")
    assert User.objects.count() == 1


def test_an_unmapped_user_is_refused_with_a_page_that_says_whom_to_ask(
    oidc, world, person, client, browser_at_provider
):
    person("carla", ["kantine-commissie"])
    response = oidc_login(client, browser_at_provider, "carla", PASSWORD)
    page = refusal_page(client, response)
    html = page.content.decode()
    assert "Inloggen is niet gelukt" in html
    assert "geen rol in dit portaal" in html
    assert f"Vraag {SUPPORT_CONTACT}" in html
    assert "carla@gemeente.example" in html
    assert logged_in_user(client) is None
    assert not User.objects.exists()


def test_a_user_whose_group_is_taken_away_is_refused_and_loses_the_role(
    oidc, world, person, client, browser_at_provider
):
    person("dirk", ["doeagenda-coordinatoren"])
    oidc_login(client, browser_at_provider, "dirk", PASSWORD)
    user = logged_in_user(client)
    client.post(reverse("sso:logout"))
    person("dirk", [])
    refusal_page(client, oidc_login(client, ProviderBrowser(), "dirk", PASSWORD))
    assert logged_in_user(client) is None
    assert not has_role(user, "coordinator")


def test_accounts_are_matched_on_sub_never_on_email(
    oidc, world, person, client, browser_at_provider
):
    local = User.objects.create_user("eva-lokaal", email="eva@gemeente.example")
    person("eva", ["doeagenda-lezers"], email="eva@gemeente.example")
    person("eva-tweede", ["doeagenda-lezers"], email="eva@gemeente.example")
    oidc_login(client, browser_at_provider, "eva", PASSWORD)
    first = logged_in_user(client)
    client.post(reverse("sso:logout"))
    oidc_login(client, ProviderBrowser(), "eva-tweede", PASSWORD)
    second = logged_in_user(client)
    assert local not in (first, second)
    assert first != second
    assert {first.email, second.email} == {"eva@gemeente.example"}


def test_logout_ends_the_portal_session_and_the_providers(
    oidc, world, person, client, browser_at_provider
):
    person("frank", ["doeagenda-lezers"])
    oidc_login(client, browser_at_provider, "frank", PASSWORD)
    assert logged_in_user(client) is not None
    # While the provider's session lasts, a new login needs no password.
    assert isinstance(browser_at_provider.follow(start_login(client)), str)

    response = client.post(reverse("sso:logout"))
    assert logged_in_user(client) is None
    end_session = response["Location"]
    assert end_session.startswith(oidc.provider.issuer)
    assert parse_qs(urlparse(end_session).query)["id_token_hint"]
    back = browser_at_provider.confirm_logout(end_session)
    assert back == f"{PORTAL}{reverse('sso:logged_out')}"
    assert "U bent uitgelogd" in client.get(back).content.decode()

    # The provider asks for the password again: its session has ended too.
    page = browser_at_provider.follow(start_login(client))
    assert not isinstance(page, str)
    assert 'name="password"' in page.text


def test_logout_of_a_local_account_stays_in_the_portal(world, client, django_user_model):
    user = django_user_model.objects.create_user("lokaal", password="x")
    client.force_login(user)
    response = client.post(reverse("sso:logout"))
    assert response["Location"] == "/"  # LOGOUT_REDIRECT_URL, as before
    assert logged_in_user(client) is None


def test_a_wrong_client_secret_is_refused(
    oidc, world, person, client, browser_at_provider, settings, caplog
):
    settings.OIDC_RP_CLIENT_SECRET = "niet-het-goede-geheim"
    person("gerda", ["doeagenda-lezers"])
    page = refusal_page(client, oidc_login(client, browser_at_provider, "gerda", PASSWORD))
    assert "kon het inloggen bij de inlogdienst van uw organisatie niet afronden" in (
        page.content.decode()
    )
    assert logged_in_user(client) is None
    assert not User.objects.exists()
    assert "provider answered 401 invalid_client" in caplog.text


def tampered(url: str, **changes) -> str:
    parts = urlparse(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    query.update(changes)
    return parts._replace(query=urlencode(query)).geturl()


def test_a_tampered_state_is_refused(oidc, world, person, client, browser_at_provider):
    person("hans", ["doeagenda-lezers"])
    callback = browser_at_provider.follow(start_login(client), "hans", PASSWORD)
    response = client.get(tampered(callback, state="aangepast-door-een-aanvaller"))
    page = refusal_page(client, response)
    assert "niet in deze browser begonnen" in page.content.decode()
    assert logged_in_user(client) is None
    # The real state was not used up by the forged one.
    assert client.get(callback)["Location"] == "/"


def test_a_replayed_callback_is_refused(oidc, world, person, client, browser_at_provider):
    person("ilse", ["doeagenda-lezers"])
    callback = browser_at_provider.follow(start_login(client), "ilse", PASSWORD)
    assert client.get(callback)["Location"] == "/"
    client.post(reverse("sso:logout"))
    refusal_page(client, client.get(callback))


def test_a_wrong_pkce_verifier_is_refused(oidc, world, person, client, browser_at_provider, caplog):
    person("jan", ["doeagenda-lezers"])
    callback = browser_at_provider.follow(start_login(client), "jan", PASSWORD)
    session = client.session
    [state] = session["oidc_states"]
    session["oidc_states"][state]["code_verifier"] = "x" * 64
    session.save()
    refusal_page(client, client.get(callback))
    assert logged_in_user(client) is None
    assert "provider answered 400 invalid_grant" in caplog.text  # the provider checked PKCE


def test_a_wrong_nonce_is_refused(oidc, world, person, client, browser_at_provider):
    person("karin", ["doeagenda-lezers"])
    callback = browser_at_provider.follow(start_login(client), "karin", PASSWORD)
    session = client.session
    [state] = session["oidc_states"]
    session["oidc_states"][state]["nonce"] = "een-andere-nonce"
    session.save()
    page = refusal_page(client, client.get(callback))
    assert "kon niet worden gecontroleerd" in page.content.decode()
    assert logged_in_user(client) is None


def test_an_id_token_from_another_issuer_is_refused(
    oidc, world, person, client, browser_at_provider, settings
):
    # The endpoints of the real provider, but the portal expects another issuer.
    issuer = oidc.provider.issuer
    settings.OIDC_ISSUER = "https://login.example.org/andere-tenant"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{issuer}/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{issuer}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{issuer}/me"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{issuer}/jwks"
    person("lies", ["doeagenda-lezers"])
    page = refusal_page(client, oidc_login(client, browser_at_provider, "lies", PASSWORD))
    assert "kon niet worden gecontroleerd" in page.content.decode()
    assert not User.objects.exists()


def test_cancelling_at_the_provider_is_a_calm_refusal(oidc, world, client):
    login = start_login(client)
    state = parse_qs(urlparse(login).query)["state"][0]
    response = client.get(
        reverse("sso:callback") + "?" + urlencode({"error": "access_denied", "state": state})
    )
    page = refusal_page(client, response)
    assert "geannuleerd" in page.content.decode()


def test_an_unreachable_provider_gives_a_dutch_page_not_a_crash(world, client, settings):
    settings.OIDC_RP_CLIENT_ID = "portal"
    settings.OIDC_ISSUER = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.OIDC_TIMEOUT = 2
    from sso import config

    config.clear_discovery_cache()
    page = refusal_page(client, client.get(reverse("sso:login")))
    assert "Probeer het later nog eens" in page.content.decode()


def test_secrets_and_tokens_never_reach_the_log(
    oidc, world, person, client, browser_at_provider, settings, caplog
):
    caplog.set_level(logging.DEBUG)
    person("mark", ["doeagenda-lezers"])
    oidc_login(client, browser_at_provider, "mark", PASSWORD)
    id_token = client.session["oidc_id_token"]
    client.post(reverse("sso:logout"))
    settings.OIDC_RP_CLIENT_SECRET = "fout-geheim-dat-niet-gelogd-mag-worden"
    person("nina", ["kantine"])
    oidc_login(client, ProviderBrowser(), "nina", PASSWORD)
    logged = caplog.text
    assert logged  # the refusals are logged ...
    for secret in (oidc.client_secret, "fout-geheim-dat-niet-gelogd-mag-worden", id_token):
        assert secret not in logged  # ... without secrets or tokens
    assert "code=" not in logged


def test_refusals_do_not_count_as_failed_logins_for_the_lockout(
    oidc, world, person, client, settings
):
    person("olga", ["kantine"])
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        refusal_page(client, oidc_login(client, ProviderBrowser(), "olga", PASSWORD))
    assert not AccessAttempt.objects.exists()
    person("olga", ["doeagenda-lezers"])
    assert oidc_login(client, ProviderBrowser(), "olga", PASSWORD)["Location"] == "/"


def test_changes_by_an_oidc_user_are_attributed_to_them(
    oidc, world, person, client, browser_at_provider
):
    person("piet", ["doeagenda-coordinatoren"], given_name="Piet", family_name="Coördinator")
    oidc_login(client, browser_at_provider, "piet", PASSWORD)
    user = logged_in_user(client)
    client.post(
        reverse("agenda:action_status", args=[world.action.pk]),
        {"status": world.vertraagd.pk, "version": 1},
    )
    world.action.refresh_from_db()
    assert world.action.status == world.vertraagd
    assert world.action.history.latest().history_user == user
    page = client.get(reverse("agenda:action_history", args=[world.action.pk]))
    assert "door Piet Coördinator" in page.content.decode()


def test_admin_changes_by_an_oidc_administrator_are_in_the_admin_log(
    oidc, world, person, client, browser_at_provider
):
    person("quinten", ["portal-beheer"])
    oidc_login(client, browser_at_provider, "quinten", PASSWORD)
    user = logged_in_user(client)
    url = reverse("admin:governance_organisation_change", args=[world.pow.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"name": "Perspectief op Werk (hernoemd)", "abbreviation": "PoW", "type": "overig"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = LogEntry.objects.get()
    assert entry.user == user
    assert world.pow.history.latest().history_user == user


def test_a_session_from_the_provider_lasts_the_configured_hours(
    oidc, world, person, client, browser_at_provider, settings
):
    settings.OIDC_SESSION_HOURS = 8
    person("rob", ["doeagenda-lezers"])
    oidc_login(client, browser_at_provider, "rob", PASSWORD)
    assert client.session.get_expiry_age() == 8 * 3600


def test_the_login_never_sends_the_browser_to_another_site(
    oidc, world, person, client, browser_at_provider
):
    person("sanne", ["doeagenda-lezers"])
    login = browser_at_provider.follow(
        start_login(client, "https://kwaadwillend.example/"), "sanne", PASSWORD
    )
    assert client.get(login)["Location"] == "/"


def test_a_switched_off_account_is_refused(oidc, world, person, client, browser_at_provider):
    person("tom", ["doeagenda-lezers"])
    oidc_login(client, browser_at_provider, "tom", PASSWORD)
    user = logged_in_user(client)
    user.is_active = False
    user.save()
    assert not client.get("/").wsgi_request.user.is_authenticated  # the session ends at once
    page = refusal_page(client, oidc_login(client, ProviderBrowser(), "tom", PASSWORD))
    assert "uitgeschakeld" in page.content.decode()
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_a_role_map_naming_an_unknown_region_is_refused_not_a_crash(
    oidc, world, person, client, browser_at_provider, settings
):
    settings.OIDC_ROLE_MAP = {"coordinatoren": {"role": "coordinator", "region": "bestaat-niet"}}
    person("ursula", ["coordinatoren"])
    page = refusal_page(client, oidc_login(client, browser_at_provider, "ursula", PASSWORD))
    assert "regio of organisatie die niet bestaat" in page.content.decode()
    assert not User.objects.exists()


def test_wrong_passwords_for_another_name_do_not_block_an_organisation_login(
    oidc, world, person, client, browser_at_provider, settings
):
    # The lockout holds the combination of name and address, so nobody can lock out a
    # colleague behind the same address by typing wrong passwords under another name.
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "iemand", "password": "fout"})
    person("vince", ["doeagenda-lezers"])
    response = oidc_login(client, browser_at_provider, "vince", PASSWORD)
    assert response.status_code == 302
    assert logged_in_user(client) is not None
