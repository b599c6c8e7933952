"""A small world for the editing tests: two regions, a PoW-led and a UWV-led action, and one
account per role."""

from types import SimpleNamespace

import pytest

from agenda.models import Action, Agenda, Pillar, Status, Theme
from governance.models import Organisation, Region
from governance.user_services import user_create

PASSWORD = "Proef-wachtwoord-voor-tests-2026"


def make_action(theme, order, text, leads, status=None):
    action = Action.objects.create(theme=theme, order=order, text=text, status=status)
    action.leads.set(leads)
    return action


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing passwords the production way takes most of a second per account."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    region = Region.objects.create(name="Regio Een", slug="regio-een")
    other_region = Region.objects.create(name="Regio Twee", slug="regio-twee")
    pow_org = Organisation.objects.create(name="Perspectief op Werk", abbreviation="PoW")
    uwv = Organisation.objects.create(name="UWV")
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
    empty_theme = Theme.objects.create(pillar=pillar, number=2, name="Nog leeg")
    pow_action = make_action(theme, 1, "Actie die PoW trekt", [pow_org], loopt)
    uwv_action = make_action(theme, 2, "Actie die alleen UWV trekt", [uwv], loopt)

    concept = Agenda.objects.create(
        title="Concept", slug="concept", region=region, first_year=2027, last_year=2030
    )
    concept_pillar = Pillar.objects.create(agenda=concept, order=1, name="Werk")
    concept_theme = Theme.objects.create(pillar=concept_pillar, number=1, name="Concepthema")
    concept_action = make_action(concept_theme, 1, "Conceptactie", [pow_org])

    other_agenda = Agenda.objects.create(
        title="Agenda Twee",
        slug="agenda-twee",
        region=other_region,
        first_year=2024,
        last_year=2026,
        state=Agenda.State.ADOPTED,
    )
    other_pillar = Pillar.objects.create(agenda=other_agenda, order=1, name="Werk")
    other_theme = Theme.objects.create(pillar=other_pillar, number=1, name="Elders")
    other_region_action = make_action(other_theme, 1, "Actie in regio twee", [pow_org])

    def account(username, role, full_name, **kwargs):
        return user_create(
            username=username, role=role, password=PASSWORD, full_name=full_name, **kwargs
        )

    users = {
        "anonymous": None,
        "viewer": account("vera", "viewer", "Vera Lezer"),
        "partner_pow": account("piet", "partner", "Piet Partner", organisation=pow_org),
        "partner_uwv": account("ursula", "partner", "Ursula Uwv", organisation=uwv),
        "coordinator": account("anna", "coordinator", "Anna Coördinator", region=region),
        "coordinator_other_region": account(
            "olaf", "coordinator", "Olaf Elders", region=other_region
        ),
    }
    return SimpleNamespace(
        region=region,
        other_region=other_region,
        pow=pow_org,
        uwv=uwv,
        loopt=loopt,
        vertraagd=vertraagd,
        agenda=agenda,
        pillar=pillar,
        theme=theme,
        empty_theme=empty_theme,
        pow_action=pow_action,
        uwv_action=uwv_action,
        concept=concept,
        concept_action=concept_action,
        other_agenda=other_agenda,
        other_region_action=other_region_action,
        users=users,
    )


@pytest.fixture
def client_for(client):
    """`client_for(user)`: the test client logged in as `user` (or anonymous for None)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login
