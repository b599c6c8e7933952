"""OIDC settings pointing at the test provider, and a small world with a region, an
organisation and an action."""

from types import SimpleNamespace

import pytest

from agenda.models import Action, Agenda, Pillar, Status, Theme
from governance.models import Organisation, Region
from sso import config

from .flow import PORTAL, ProviderBrowser

PASSWORD = "wachtwoord-bij-de-provider"
ROLE_MAP = {
    "doeagenda-coordinatoren": {"role": "coordinator", "region": "regio-een"},
    "pow-redactie": {"role": "partner", "organisation": "PoW"},
    "doeagenda-lezers": "viewer",
    "portal-beheer": "admin",
}
SUPPORT_CONTACT = "het functioneel beheer van de regio (beheer@regio-een.example)"


@pytest.fixture
def oidc(oidc_provider, settings):
    """OIDC configured with a fresh client at the test provider, for the test client's host."""
    client_id, client_secret = oidc_provider.register_client(PORTAL)
    settings.OIDC_ISSUER = oidc_provider.issuer
    settings.OIDC_DISCOVERY_URL = ""
    settings.OIDC_RP_CLIENT_ID = client_id
    settings.OIDC_RP_CLIENT_SECRET = client_secret
    settings.OIDC_RP_SCOPES = "openid email profile groups"
    settings.OIDC_ROLES_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = ROLE_MAP
    settings.OIDC_SUPPORT_CONTACT = SUPPORT_CONTACT
    config.clear_discovery_cache()
    yield SimpleNamespace(provider=oidc_provider, client_id=client_id, client_secret=client_secret)
    config.clear_discovery_cache()


@pytest.fixture
def browser_at_provider():
    return ProviderBrowser()


@pytest.fixture
def person(oidc_provider):
    """`person(sub, groups, **claims)`: someone with an account at the provider."""

    def make(sub, groups, **claims):
        claims.setdefault("email", f"{sub}@gemeente.example")
        claims.setdefault("given_name", sub.capitalize())
        claims.setdefault("family_name", "Ambtenaar")
        oidc_provider.set_account(sub, PASSWORD, groups=groups, **claims)
        return sub

    return make


@pytest.fixture
def world(db):
    region = Region.objects.create(name="Regio Een", slug="regio-een")
    pow_org = Organisation.objects.create(name="Perspectief op Werk", abbreviation="PoW")
    loopt = Status.objects.create(slug="loopt", name="loopt", order=1)
    vertraagd = Status.objects.create(slug="vertraagd", name="vertraagd", order=2)
    agenda = Agenda.objects.create(
        title="Agenda Een",
        slug="agenda-een",
        region=region,
        first_year=2024,
        last_year=2026,
        state=Agenda.State.ADOPTED,
    )
    pillar = Pillar.objects.create(agenda=agenda, order=1, name="Werk naar werk")
    theme = Theme.objects.create(pillar=pillar, number=1, name="Van werk naar werk")
    action = Action.objects.create(theme=theme, order=1, text="Actie van PoW", status=loopt)
    action.leads.set([pow_org])
    return SimpleNamespace(
        region=region,
        pow=pow_org,
        loopt=loopt,
        vertraagd=vertraagd,
        agenda=agenda,
        action=action,
    )
