"""Factories for the governance tests, called explicitly."""

import factory
from django.contrib.auth.models import Group

from agenda.models import Agenda, Pillar
from governance.models import Body, Membership, Organisation, Person, Profile, Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

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


class PillarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pillar

    agenda = factory.SubFactory(AgendaFactory)
    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Pijler {n}")


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


def make_user(django_user_model, username, *, role=None, region=None, superuser=False):
    if superuser:
        return django_user_model.objects.create_superuser(username, f"{username}@example.nl", "x")
    user = django_user_model.objects.create_user(username, f"{username}@example.nl", "x")
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if region:
        Profile.objects.create(user=user, region=region)
    return user
