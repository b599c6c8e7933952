"""Coordinators keep their region's organisations: add, rename with other spellings, and merge,
where every reference moves to the kept organisation."""

import pytest
from django.urls import reverse

from accounts.access import BEHEERDER, COORDINATOR
from governance.models import Organisation, Profile
from governance.organisation_services import _references
from tests.factories import OrganisationFactory, RegionFactory, make_user


def _pointing_at(organisation):
    return {
        (model.__name__, row_pk)
        for model, field in _references(organisation)
        for row_pk in model._base_manager.filter(**{field: organisation}).values_list(
            "pk", flat=True
        )
    }


@pytest.mark.django_db
def test_merging_keeps_every_reference(client, demo):
    counts = sorted(Organisation.objects.all(), key=lambda o: len(_pointing_at(o)), reverse=True)
    keep, drop = counts[0], counts[1]
    before_keep, before_drop = _pointing_at(keep), _pointing_at(drop)
    assert before_drop
    led_before = set(keep.led_actions.values_list("pk", flat=True)) | set(
        drop.led_actions.values_list("pk", flat=True)
    )
    beheerder = make_user("beheer", role=BEHEERDER)
    Profile.objects.create(user=make_user("p"), organisation=drop)
    client.force_login(beheerder)
    url = reverse("governance:organisation_merge", args=[keep.pk])
    confirm = client.post(url, {"drop": drop.pk})
    assert confirm.status_code == 200 and "Samenvoegen" in confirm.content.decode()
    assert Organisation.objects.filter(pk=drop.pk).exists()  # nothing before confirming
    done = client.post(url, {"drop": drop.pk, "confirm": "yes"})
    assert done.status_code == 302
    assert not Organisation.objects.filter(pk=drop.pk).exists()
    keep.refresh_from_db()
    assert set(keep.led_actions.values_list("pk", flat=True)) == led_before
    assert Profile.objects.get(user__username="p").organisation == keep
    assert drop.name in keep.aliases.splitlines()
    after = _pointing_at(keep)
    # Every row that pointed at either organisation still exists and points at the kept one
    # (a link both had, such as leading the same action, is kept once).
    moved = {(model, pk) for model, pk in before_drop if not model.endswith("_leads")}
    moved = {(m, pk) for m, pk in moved if not m.endswith("_parties")}
    assert before_keep <= after and moved <= after


@pytest.mark.django_db
def test_coordinator_keeps_only_the_organisations_of_the_own_region(client):
    region, other = RegionFactory(), RegionFactory()
    coordinator = make_user("c", role=COORDINATOR, region=region)
    own = OrganisationFactory(region=region, name="Werkbedrijf Noord")
    twin = OrganisationFactory(region=region, name="Werkbedrijf  Noord BV")
    foreign = OrganisationFactory(region=other, name="Werkbedrijf Zuid")
    client.force_login(coordinator)
    response = client.post(
        reverse("governance:organisation_update", args=[own.pk]),
        {
            "name": "Werkbedrijf Noord",
            "abbreviation": "WBN",
            "type": "overig",
            "aliases": "WB Noord\nwerkbedrijf noord\n",
            "version": own.version,
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.abbreviation == "WBN" and own.aliases == "WB Noord"
    assert (
        client.get(reverse("governance:organisation_update", args=[foreign.pk])).status_code == 403
    )
    response = client.post(
        reverse("governance:organisation_merge", args=[own.pk]),
        {"drop": foreign.pk, "confirm": "yes"},
    )
    assert response.status_code == 200  # not a choice: a Dutch field error
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert Organisation.objects.filter(pk=foreign.pk).exists()
    response = client.post(
        reverse("governance:organisation_merge", args=[own.pk]),
        {"drop": twin.pk, "confirm": "yes"},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert "Werkbedrijf  Noord BV" in own.aliases or "Werkbedrijf Noord BV" in own.aliases
    response = client.post(
        reverse("governance:organisation_create", args=[region.slug]),
        {"name": "Leerwerkloket", "type": "onderwijs"},
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Leerwerkloket").region == region
    response = client.post(
        reverse("governance:organisation_create", args=[other.slug]),
        {"name": "Elders", "type": "overig"},
    )
    assert response.status_code == 403
