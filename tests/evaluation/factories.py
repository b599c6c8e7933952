import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.access import COORDINATOR, PARTNER
from agenda.models import Action, Agenda, Pillar, Theme
from evaluation.models import Evaluation, Indicator, Outcome
from governance.models import Profile, Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Regio {n}")
    slug = factory.Sequence(lambda n: f"regio-{n}")


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


def make_user(username, *, role=None, region=None, superuser=False):
    user = get_user_model().objects.create_user(username, password="x-Secret-42")
    if superuser:
        user.is_superuser = True
        user.is_staff = True
        user.save()
    if role:
        group, _ = Group.objects.get_or_create(name=role)
        user.groups.add(group)
    if region is not None:
        Profile.objects.update_or_create(user=user, defaults={"region": region})
    return user


def coordinator(region, username="coordinator"):
    return make_user(username, role=COORDINATOR, region=region)


def partner(region, username="partner"):
    return make_user(username, role=PARTNER, region=region)
