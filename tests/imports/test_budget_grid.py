"""An agenda's budget entered as one grid: actions × years, a financier per line."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from agenda.models import Action, Agenda, Pillar, Theme
from financing.models import Allocation, FundingStream
from governance.user_services import user_create
from imports.budget import budget_formset, budget_save


@pytest.fixture
def agenda(coordinator, new_region):
    agenda = Agenda.objects.create(
        title="Agenda", slug="agenda", region=new_region, first_year=2024, last_year=2026
    )
    pillar = Pillar.objects.create(agenda=agenda, order=1, name="Werk")
    theme = Theme.objects.create(agenda=agenda, pillar=pillar, number=1, name="Thema")
    for order in (1, 2):
        Action.objects.create(theme=theme, order=order, text=f"Maatregel {order}")
    for name in ("Rijk", "Gemeente"):
        FundingStream.objects.create(
            region=new_region, slug=name.lower(), name=name, level="regionaal"
        )
    return agenda


def grid(lines, years=(2024, 2025, 2026), extra=0):
    data = {"b-TOTAL_FORMS": str(len(lines)), "b-INITIAL_FORMS": "0"}
    for i, (action, stream, amounts) in enumerate(lines):
        data[f"b-{i}-action"] = str(action.pk) if action else ""
        data[f"b-{i}-stream"] = str(stream.pk) if stream else ""
        for year, amount in zip(years, amounts, strict=True):
            data[f"b-{i}-y{year}"] = amount
    return data


def test_a_budget_grid_writes_allocations_in_one_form(client, coordinator, agenda):
    client.force_login(coordinator)
    url = reverse("imports:budget_grid", args=[agenda.slug])
    one, two = Action.objects.order_by("order")
    rijk, gemeente = (
        FundingStream.objects.get(name="Rijk"),
        FundingStream.objects.get(name="Gemeente"),
    )
    response = client.post(
        url,
        grid(
            [
                (one, rijk, ["1.000.000", "250.000,50", ""]),
                (one, gemeente, ["", "", "75.000"]),
                (two, rijk, ["10.000", "10.000", "10.000"]),
            ]
        ),
    )
    assert response.status_code == 302
    assert Allocation.objects.count() == 6
    assert str(Allocation.objects.get(action=one, stream=rijk, year=2025).budgeted) == "250000.50"
    record = Allocation.objects.get(action=one, stream=gemeente).history.get()
    assert record.history_user == coordinator
    page = client.get(url).content.decode()
    assert 'value="1.000.000"' in page


def test_wrong_notation_in_the_grid_saves_nothing(client, coordinator, agenda):
    client.force_login(coordinator)
    url = reverse("imports:budget_grid", args=[agenda.slug])
    one = Action.objects.get(order=1)
    rijk = FundingStream.objects.get(name="Rijk")
    response = client.post(
        url, grid([(one, rijk, ["1.000", "", ""]), (one, None, ["1,000.50", "5", ""])])
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul een bedrag in Nederlandse notatie in" in page
    assert "Kies wie deze bedragen financiert." in page
    assert Allocation.objects.count() == 0


def test_only_the_agendas_coordinators_may_write_its_budget_grid(agenda):
    viewer = user_create(
        username="vera", role="viewer", password="Proef-wachtwoord-2026", full_name="Vera"
    )
    one = Action.objects.order_by("order").first()
    formset = budget_formset(
        agenda, grid([(one, FundingStream.objects.get(name="Rijk"), ["1.000", "", ""])])
    )
    assert formset.is_valid()
    with pytest.raises(PermissionDenied):
        budget_save(agenda, formset, user=viewer)
    assert not Allocation.objects.exists()
