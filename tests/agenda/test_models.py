"""Rules the database guards for agendas, themes and actions."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agenda.models import Action, Agenda, Pillar, Theme
from governance.models import Municipality, Organisation, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    return Region.objects.create(name="Testregio", slug="testregio")


@pytest.fixture
def agenda(region):
    return Agenda.objects.create(
        title="Agenda", slug="agenda", region=region, first_year=2024, last_year=2026
    )


@pytest.fixture
def pillar(agenda):
    return Pillar.objects.create(agenda=agenda, order=1, name="Werk naar werk")


def test_theme_numbers_are_unique_within_an_agenda(agenda, pillar):
    Theme.objects.create(pillar=pillar, number=1, name="Een")
    other_pillar = Pillar.objects.create(agenda=agenda, order=2, name="Werkgelegenheid")
    with pytest.raises(IntegrityError), transaction.atomic():
        Theme.objects.create(pillar=other_pillar, number=1, name="Ook een")


def test_the_same_theme_number_may_exist_in_another_agenda(region, pillar):
    Theme.objects.create(pillar=pillar, number=1, name="Een")
    other = Agenda.objects.create(
        title="Volgende", slug="volgende", region=region, first_year=2027, last_year=2030
    )
    other_pillar = Pillar.objects.create(agenda=other, order=1, name="Werk naar werk")
    assert Theme.objects.create(pillar=other_pillar, number=1, name="Een").agenda == other


def test_action_order_is_unique_within_a_theme(pillar):
    theme = Theme.objects.create(pillar=pillar, number=1, name="Een")
    Action.objects.create(theme=theme, order=1, text="Eerste")
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.create(theme=theme, order=1, text="Dubbel")


def test_pillar_order_is_unique_within_an_agenda(agenda, pillar):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pillar.objects.create(agenda=agenda, order=1, name="Andere naam")


def test_agenda_years_must_be_in_order(region):
    with pytest.raises(IntegrityError), transaction.atomic():
        Agenda.objects.create(
            title="Omgekeerd", slug="omgekeerd", region=region, first_year=2026, last_year=2024
        )
    agenda = Agenda(
        title="Omgekeerd", slug="omgekeerd", region=region, first_year=2026, last_year=2024
    )
    with pytest.raises(ValidationError) as excinfo:
        agenda.full_clean()
    assert "last_year" in excinfo.value.message_dict


def test_agenda_belongs_to_a_region_or_one_municipality_not_both(region):
    haarlem = Municipality.objects.create(name="Haarlem", region=region)
    with pytest.raises(IntegrityError), transaction.atomic():
        Agenda.objects.create(
            title="Beide",
            slug="beide",
            region=region,
            municipality=haarlem,
            first_year=2020,
            last_year=2022,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Agenda.objects.create(title="Geen", slug="geen", first_year=2020, last_year=2022)
    local = Agenda.objects.create(
        title="Addendum", slug="addendum", municipality=haarlem, first_year=2020, last_year=2022
    )
    assert local.owner_region == region


def test_theme_pillar_must_belong_to_the_same_agenda(region, agenda, pillar):
    other = Agenda.objects.create(
        title="Ander", slug="ander", region=region, first_year=2020, last_year=2020
    )
    theme = Theme(agenda=other, pillar=pillar, number=1, name="Verkeerd")
    with pytest.raises(ValidationError):
        theme.full_clean()


def test_organisation_abbreviations_are_unique_but_may_be_empty():
    Organisation.objects.create(name="Perspectief op Werk", abbreviation="PoW")
    Organisation.objects.create(name="Zonder afkorting A")
    Organisation.objects.create(name="Zonder afkorting B")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="Iets anders", abbreviation="PoW")


def test_vocabularies_are_data_that_can_be_extended(demo):
    from agenda.models import Scope, Status

    assert set(Status.objects.values_list("name", flat=True)) >= {
        "loopt",
        "nader uit te werken",
        "afgerond",
        "vertraagd",
        "gestopt",
        "niet gestart",
    }
    region = Region.objects.get(name="Zuid-Kennemerland en IJmond")
    Scope.objects.create(region=region, name="Alleen Velsen")
    Status.objects.create(slug="gepauzeerd", name="gepauzeerd")
    assert Scope.objects.filter(region=region).count() == 7
