"""Small worlds for the financing tests: a region with municipalities, an agenda, accounts."""

from types import SimpleNamespace

from accounts.services import user_create
from agenda.models import Action, Agenda, Pillar, Theme
from financing.models import FundingStream
from governance.models import Municipality, Region

PASSWORD = "Proef-wachtwoord-voor-tests-2026"


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
