"""Factories of the portal's objects for every test, called explicitly, and small worlds of a
region with municipalities, an agenda, a funding stream and accounts.

An agenda is adopted unless a test says otherwise; an account gets the address
`<username>@example.nl`, its role as a group, its region in its profile and `PASSWORD`.
"""

from types import SimpleNamespace

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.access import COORDINATOR, PARTNER
from agenda.models import Action, Agenda, Pillar, Theme
from bodies.models import Body, Membership, Person
from evaluation.models import Evaluation, Indicator, Outcome
from financing.models import FundingStream
from governance.models import Municipality, Organisation, Profile, Region
from governance.user_services import user_create

PASSWORD = "Proef-wachtwoord-voor-tests-2026"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Regio {n}")
    slug = factory.Sequence(lambda n: f"regio-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")


class AgendaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agenda

    title = factory.Sequence(lambda n: f"Doe-agenda {n}")
    slug = factory.Sequence(lambda n: f"doe-agenda-{n}")
    region = factory.SubFactory(RegionFactory)
    first_year = 2020
    last_year = 2022
    state = Agenda.State.ADOPTED


class PillarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pillar

    agenda = factory.SubFactory(AgendaFactory)
    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Pijler {n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    pillar = factory.SubFactory(PillarFactory)
    agenda = factory.SelfAttribute("pillar.agenda")
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Thema {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    theme = factory.SubFactory(ThemeFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Actie {n}")


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evaluation

    action = factory.SubFactory(ActionFactory)
    pillar = factory.SelfAttribute("action.theme.pillar")
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    action_text = "Actie zoals geëvalueerd"
    achieved_result = "Behaald"
    outcome = Outcome.COMPLETED


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    action = factory.SubFactory(ActionFactory)
    name = "Deelnemers gestart"
    unit = "deelnemers"
    target = 60


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Overleg {n}")
    level = Body.Level.ADMINISTRATIVE


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Persoon {n}")
    is_public = False


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    body = factory.SubFactory(BodyFactory)
    person = factory.SubFactory(PersonFactory, region=factory.SelfAttribute("..body.region"))
    side = Membership.Side.MUNICIPALITIES
    order = factory.Sequence(lambda n: n + 1)


def make_user(username, *, role=None, region=None, superuser=False):
    """An account with `role` (a group name) in `region`, or a superuser."""
    users = get_user_model().objects
    create = users.create_superuser if superuser else users.create_user
    user = create(username, f"{username}@example.nl", PASSWORD)
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if region is not None:
        Profile.objects.update_or_create(user=user, defaults={"region": region})
    return user


def coordinator(region, username="coordinator"):
    return make_user(username, role=COORDINATOR, region=region)


def partner(region, username="partner"):
    return make_user(username, role=PARTNER, region=region)


def make_region(name="Regio Noord", slug="regio-noord", inhabitants=(None, None, None)):
    region = Region.objects.create(name=name, slug=slug)
    for index, count in enumerate(inhabitants, start=1):
        Municipality.objects.create(
            region=region, name=f"{name} gemeente {index}", inhabitants=count
        )
    return region


def make_agenda(region, slug="plan-noord", state=Agenda.State.ADOPTED, years=(2024, 2025)):
    agenda = Agenda.objects.create(
        title=f"Actieplan {region.name}",
        slug=slug,
        region=region,
        first_year=years[0],
        last_year=years[1],
        state=state,
    )
    pillar = Pillar.objects.create(agenda=agenda, order=1, name="Actielijn werk")
    theme = Theme.objects.create(pillar=pillar, number=1, name="Werk")
    return agenda, theme


def make_action(theme, order, text):
    return Action.objects.create(theme=theme, order=order, text=text)


def make_stream(region, name="Gemeentelijk budget", level="lokaal", **kwargs):
    return FundingStream.objects.create(
        region=region, slug=name.lower().replace(" ", "-"), name=name, level=level, **kwargs
    )


def world():
    region = make_region(inhabitants=(10_000, 20_000, None))
    other = make_region(name="Regio Zuid", slug="regio-zuid")
    agenda, theme = make_agenda(region)
    action = make_action(theme, 1, "Baancoaches voor jongeren")
    stream = make_stream(region)
    stream.agendas.add(agenda)
    users = {
        "coordinator": user_create(
            username="anna", role="coordinator", password=PASSWORD, region=region
        ),
        "other_coordinator": user_create(
            username="olaf", role="coordinator", password=PASSWORD, region=other
        ),
        "viewer": user_create(username="vera", role="viewer", password=PASSWORD),
    }
    return SimpleNamespace(
        region=region,
        other=other,
        agenda=agenda,
        theme=theme,
        action=action,
        stream=stream,
        users=users,
    )
