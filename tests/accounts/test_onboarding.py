"""Onboarding a region: the beheerder creates regions and municipalities and invites the first
coordinator; invitations set a password once, before they expire."""

import datetime
import re
import socket
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from accounts.access import BEHEERDER, COORDINATOR, PARTNER, has_role, is_beheerder
from governance.invitations import invitation_tokens
from governance.models import Municipality, Region
from tests.factories import OrganisationFactory, RegionFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder():
    return make_user("beheer", role=BEHEERDER)


@pytest.fixture
def region():
    return RegionFactory(name="Zuid-Kennemerland en IJmond", slug="zkijm")


@pytest.fixture
def coordinator(region):
    return make_user("coord", role=COORDINATOR, region=region)


def _create_region(client, **overrides):
    data = {"name": "Midden-Utrecht", "slug": "midden-utrecht", "subregions": "Noord\nZuid\n"}
    data.update(overrides)
    return client.post(reverse("governance:region_create"), data)


def test_the_beheerder_role_is_known_to_the_access_layer(beheerder, coordinator):
    assert has_role(beheerder, BEHEERDER) and is_beheerder(beheerder)
    assert not is_beheerder(coordinator)


def test_beheerder_creates_a_region_with_sub_regions(client, beheerder):
    client.force_login(beheerder)
    response = _create_region(client)
    region = Region.objects.get(slug="midden-utrecht")
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:region_detail", args=["midden-utrecht"])
    assert sorted(region.subregions.values_list("name", flat=True)) == ["Noord", "Zuid"]
    assert region.history.first().history_user == beheerder


@pytest.mark.parametrize("role", [COORDINATOR, PARTNER, None])
def test_only_a_beheerder_creates_regions(client, region, role):
    user = make_user("someone", role=role, region=region)
    client.force_login(user)
    assert client.get(reverse("governance:region_create")).status_code == 403
    assert _create_region(client).status_code == 403
    assert not Region.objects.filter(slug="midden-utrecht").exists()


def test_anonymous_visitors_go_to_the_login_page(client):
    response = _create_region(client)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert not Region.objects.filter(slug="midden-utrecht").exists()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"slug": "Geen slug!"}, "bestaande uit letters"),
        ({"name": ""}, "Dit veld is vereist."),
        ({"slug": "zkijm"}, "Er is al een regio met dit webadres."),
        ({"name": "zuid-kennemerland EN ijmond"}, "Er is al een regio met deze naam."),
    ],
)
def test_bad_region_input_gets_a_dutch_message_and_changes_nothing(
    client, beheerder, region, overrides, message
):
    client.force_login(beheerder)
    response = _create_region(client, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Region.objects.count() == 1


def _municipality(**overrides):
    data = {
        "name": "Haarlem",
        "inhabitants": "162000",
        "inhabitants_year": "2024",
        "inhabitants_source": "CBS StatLine",
    }
    data.update(overrides)
    return data


def test_beheerder_adds_municipalities_with_inhabitants_year_and_source(client, beheerder, region):
    client.force_login(beheerder)
    url = reverse("governance:municipality_create", args=[region.slug])
    response = client.post(url, _municipality())
    assert response.status_code == 302
    municipality = Municipality.objects.get(region=region)
    assert (municipality.inhabitants, municipality.inhabitants_year) == (162000, 2024)
    assert municipality.inhabitants_source == "CBS StatLine"
    assert municipality.history.first().history_user == beheerder
    page = client.get(reverse("governance:region_detail", args=[region.slug])).content.decode()
    assert "Haarlem" in page and "CBS StatLine" in page


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"inhabitants": "veel"}, "Voer een geheel getal in."),
        ({"inhabitants": "-5"}, "minstens 0"),
        ({"inhabitants_year": "99999"}, "hoogstens 2200"),
        ({"name": " haarlem "}, "Deze regio heeft al een gemeente met deze naam."),
    ],
)
def test_bad_municipality_input_gets_a_dutch_message_and_changes_nothing(
    client, coordinator, region, overrides, message
):
    Municipality.objects.create(region=region, name="Haarlem")
    client.force_login(coordinator)
    url = reverse("governance:municipality_create", args=[region.slug])
    response = client.post(url, _municipality(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Municipality.objects.count() == 1


def test_coordinator_keeps_the_municipalities_of_the_own_region_only(client, coordinator, region):
    own = Municipality.objects.create(region=region, name="Velsen", inhabitants=1)
    other_region = RegionFactory()
    other = Municipality.objects.create(region=other_region, name="Utrecht", inhabitants=1)
    client.force_login(coordinator)
    response = client.post(
        reverse("governance:municipality_update", args=[own.pk]),
        _municipality(name="Velsen", inhabitants="68000", version=own.version),
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.inhabitants == 68000
    response = client.post(
        reverse("governance:municipality_update", args=[other.pk]),
        _municipality(name="Utrecht", inhabitants="5"),
    )
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.inhabitants == 1
    for name in ("municipality_create", "region_detail"):
        url = reverse(f"governance:{name}", args=[other_region.slug])
        assert client.get(url).status_code == 403
    assert client.get(reverse("governance:region_create")).status_code == 403


def test_a_second_conflicting_municipality_edit_gets_409_and_keeps_the_first(
    client, coordinator, region
):
    municipality = Municipality.objects.create(region=region, name="Velsen", inhabitants=1)
    url = reverse("governance:municipality_update", args=[municipality.pk])
    opened = municipality.version
    client.force_login(coordinator)
    first = client.post(url, _municipality(name="Velsen", inhabitants="2", version=opened))
    second = client.post(url, _municipality(name="Velsen", inhabitants="3", version=opened))
    assert first.status_code == 302 and second.status_code == 409
    municipality.refresh_from_db()
    assert municipality.inhabitants == 2


# --- invitations ----------------------------------------------------------------------------


def _invite(client, region, **overrides):
    data = {"full_name": "Carla Coördinator", "email": "Carla@Example.nl", "role": COORDINATOR}
    data.update(overrides)
    return client.post(reverse("invitation_create", args=[region.slug]), data)


def _link(message) -> str:
    return re.search(r"https?://\S+/welkom/\S+/", message.body).group(0)


def test_an_invitation_creates_the_account_and_mails_a_link(client, beheerder, region):
    client.force_login(beheerder)
    response = _invite(client, region)
    assert response.status_code == 302
    invited = get_user_model().objects.get(username="carla@example.nl")
    assert not invited.has_usable_password()
    assert has_role(invited, COORDINATOR) and invited.profile.region == region
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Carla@Example.nl"]
    assert "Kies uw wachtwoord" in message.body and region.name in message.subject
    assert _link(message).startswith("http://testserver/accounts/welkom/")


def _accept(client, link, password="een lang wachtwoord 42"):
    response = client.get(link)
    assert response.status_code == 302  # to the same page without the token in the address
    form_url = response["Location"]
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_the_link_sets_the_password_once(client, beheerder, region):
    client.force_login(beheerder)
    _invite(client, region)
    link = _link(mail.outbox[0])
    client.logout()
    response = _accept(client, link)
    assert response.status_code == 302 and response["Location"] == reverse("invitation_done")
    login = client.post(
        reverse("login"), {"username": "carla@example.nl", "password": "een lang wachtwoord 42"}
    )
    assert login.status_code == 302
    client.logout()
    again = client.get(link, follow=True)
    assert "Deze link werkt niet meer" in again.content.decode()
    assert "new_password1" not in again.content.decode()


def test_an_expired_link_no_longer_works(client, beheerder, region, monkeypatch, settings):
    client.force_login(beheerder)
    _invite(client, region)
    link = _link(mail.outbox[0])
    client.logout()
    later = datetime.datetime.now() + datetime.timedelta(
        seconds=settings.PASSWORD_RESET_TIMEOUT + 60
    )
    monkeypatch.setattr(invitation_tokens, "_now", lambda: later)
    response = client.get(link, follow=True)
    assert "Deze link werkt niet meer" in response.content.decode()
    invited = get_user_model().objects.get(username="carla@example.nl")
    assert not invited.has_usable_password()


def test_a_password_reset_token_is_no_invitation(client, beheerder, region):
    from django.contrib.auth.tokens import default_token_generator

    client.force_login(beheerder)
    _invite(client, region)
    invited = get_user_model().objects.get(username="carla@example.nl")
    link = _link(mail.outbox[0])
    forged = link.rsplit("/", 2)[0] + "/" + default_token_generator.make_token(invited) + "/"
    client.logout()
    assert "Deze link werkt niet meer" in client.get(forged, follow=True).content.decode()


def test_coordinator_invites_a_partner_editor_for_an_organisation(client, coordinator, region):
    organisation = OrganisationFactory(abbreviation="UWV")
    client.force_login(coordinator)
    response = _invite(
        client, region, email="piet@example.nl", role=PARTNER, organisation=organisation.pk
    )
    assert response.status_code == 302
    invited = get_user_model().objects.get(username="piet@example.nl")
    assert has_role(invited, PARTNER) and invited.profile.organisation == organisation


def test_a_partner_editor_needs_an_organisation(client, coordinator, region):
    client.force_login(coordinator)
    response = _invite(client, region, role=PARTNER)
    assert response.status_code == 200
    assert "Een partner-redacteur heeft een organisatie nodig." in response.content.decode()
    assert not get_user_model().objects.filter(username="carla@example.nl").exists()
    assert mail.outbox == []


def test_coordinator_invites_only_for_the_own_region(client, coordinator):
    other = RegionFactory()
    partner = make_user("partner", role=PARTNER)
    client.force_login(coordinator)
    assert _invite(client, other).status_code == 403
    client.force_login(partner)
    assert _invite(client, other).status_code == 403
    assert not get_user_model().objects.filter(username="carla@example.nl").exists()
    assert mail.outbox == []


def test_inviting_an_existing_address_gets_a_dutch_message(client, beheerder, region):
    client.force_login(beheerder)
    _invite(client, region)
    response = _invite(client, region, email="carla@example.NL")
    assert response.status_code == 200
    assert "Er is al een account voor dit e-mailadres." in response.content.decode()
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("email", ["geen-adres", "a@b@c", "x" * 200 + "@example.nl"])
def test_a_bad_address_gets_a_dutch_message(client, beheerder, region, email):
    client.force_login(beheerder)
    response = _invite(client, region, email=email)
    assert response.status_code == 200
    assert get_user_model().objects.count() == 1 and mail.outbox == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


def test_an_invitation_goes_through_a_real_smtp_server(client, beheerder, region, settings):
    from aiosmtpd.controller import Controller

    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = controller.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.DEFAULT_FROM_EMAIL = "portaal@example.nl"
        client.force_login(beheerder)
        assert _invite(client, region).status_code == 302
        deadline = time.monotonic() + 30  # a wait for delivery, not a measure of speed
        while not inbox.messages and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    envelope = inbox.messages[0]
    assert envelope.mail_from == "portaal@example.nl"
    assert envelope.rcpt_tos == ["Carla@Example.nl"]
    from email import message_from_bytes

    body = message_from_bytes(envelope.original_content).get_payload(decode=True).decode()
    link = re.search(r"http://testserver/accounts/welkom/\S+/", body).group(0)
    client.logout()
    assert _accept(client, link).status_code == 302


def test_when_the_mail_server_is_down_nothing_is_saved(client, beheerder, region, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _free_port()  # nobody listens
    settings.EMAIL_TIMEOUT = 2
    client.force_login(beheerder)
    response = _invite(client, region)
    assert response.status_code == 200
    assert "De uitnodiging kon niet worden verstuurd" in response.content.decode()
    assert not get_user_model().objects.filter(username="carla@example.nl").exists()


# --- command line and the first body -----------------------------------------------------------


def test_add_region_creates_the_region_with_municipalities(capsys):
    call_command(
        "add_region",
        "Midden-Utrecht",
        "--slug",
        "midden-utrecht",
        "--subregion",
        "Noord",
        "--municipality",
        "Utrecht;361.924;2024;CBS",
        "--municipality",
        "Zeist",
    )
    region = Region.objects.get(slug="midden-utrecht")
    utrecht = region.municipalities.get(name="Utrecht")
    assert (utrecht.inhabitants, utrecht.inhabitants_year, utrecht.inhabitants_source) == (
        361924,
        2024,
        "CBS",
    )
    assert region.municipalities.count() == 2 and region.subregions.count() == 1


def test_add_region_with_a_bad_municipality_changes_nothing():
    with pytest.raises(CommandError, match="geen geheel getal"):
        call_command("add_region", "X", "--slug", "x", "--municipality", "Utrecht;veel;2024;CBS")
    with pytest.raises(CommandError):
        call_command("add_region", "X", "--slug", "x", "--municipality", "A", "--municipality", "a")
    assert not Region.objects.exists() and not Municipality.objects.exists()


def test_add_user_makes_a_beheerder(monkeypatch):
    monkeypatch.setenv("PW", "een lang wachtwoord 42")
    call_command("add_user", "beheer2", "--role", "beheerder", "--password-env", "PW")
    assert is_beheerder(get_user_model().objects.get(username="beheer2"))


def test_new_body_shows_for_a_coordinator_whose_region_has_no_body(client, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("bodies:body_list")).content.decode()
    assert reverse("bodies:body_create") in page


def test_the_header_links_the_beheerder_to_the_regions(client, beheerder, coordinator, region):
    client.force_login(beheerder)
    assert reverse("governance:region_list") in client.get("/").content.decode()
    client.force_login(coordinator)
    page = client.get("/").content.decode()
    assert reverse("governance:region_detail", args=[region.slug]) in page
