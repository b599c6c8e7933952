"""A region's own record (the region, its municipalities and organisations) is kept by the
portal's beheerders and the region's coordinators; an action's indicators by the coordinators
of its agenda's region, not by the partners who lead it. Pages say 404 for what does not exist
and 403 for what is not the user's."""

import pytest
from django.urls import reverse

from evaluation.models import Indicator
from governance.models import Municipality, Organisation
from governance.user_services import user_create

from .conftest import PASSWORD


@pytest.fixture
def records(world):
    world.municipality = Municipality.objects.create(name="Eendorp", region=world.region)
    world.other_municipality = Municipality.objects.create(
        name="Tweedorp", region=world.other_region
    )
    # Kept through its municipality, as it has no region of its own.
    world.local_org = Organisation.objects.create(
        name="Werkplein Eendorp", municipality=world.municipality
    )
    world.other_org = Organisation.objects.create(name="Werkplein Twee", region=world.other_region)
    world.indicator = Indicator.objects.create(action=world.pow_action, name="Deelnemers")
    world.users["beheerder"] = user_create(
        username="bea", role="beheerder", password=PASSWORD, full_name="Bea Beheer"
    )
    return world


def status(client_for, user, name, *args):
    return client_for(user).get(reverse(name, args=args)).status_code


def test_municipalities_and_organisations_are_kept_by_their_region(records, client_for):
    w, users = records, records.users
    for name, own, foreign in [
        ("governance:municipality_update", w.municipality.pk, w.other_municipality.pk),
        ("governance:organisation_update", w.local_org.pk, w.other_org.pk),
    ]:
        assert status(client_for, users["coordinator"], name, own) == 200
        assert status(client_for, users["coordinator"], name, foreign) == 403
        assert status(client_for, users["coordinator_other_region"], name, own) == 403
        assert status(client_for, users["partner_pow"], name, own) == 403
        assert status(client_for, users["beheerder"], name, foreign) == 200
        assert status(client_for, users["coordinator"], name, 999999) == 404


def test_the_region_record_rules_pick_the_rows_of_the_own_region(records):
    w, users = records, records.users
    own = Organisation.objects.editable_by(users["coordinator"])
    assert set(own) == {w.local_org}
    assert set(Municipality.objects.editable_by(users["coordinator"])) == {w.municipality}
    regions = type(w.region).objects
    assert set(regions.editable_by(users["coordinator"])) == {w.region}
    assert set(regions.editable_by(users["beheerder"])) == {w.region, w.other_region}
    assert not regions.editable_by(users["viewer"]).exists()
    assert not regions.editable_by(users["partner_pow"]).exists()


def test_inhabitants_are_set_by_the_regions_coordinators_only(records, client_for):
    users, slug = records.users, records.region.slug
    assert status(client_for, users["coordinator"], "financing:inhabitants_edit", slug) == 200
    other = users["coordinator_other_region"]
    assert status(client_for, other, "financing:inhabitants_edit", slug) == 403
    assert status(client_for, users["beheerder"], "financing:inhabitants_edit", slug) == 403
    assert status(client_for, users["coordinator"], "financing:inhabitants_edit", "geen") == 404


@pytest.mark.parametrize("name", ["evaluation:indicator_edit", "evaluation:indicator_delete"])
def test_indicators_are_kept_by_the_coordinators_not_the_lead(records, client_for, name):
    users, pk = records.users, records.indicator.pk
    assert status(client_for, users["coordinator"], name, pk) == 200
    assert status(client_for, users["partner_pow"], name, pk) == 403
    assert status(client_for, users["coordinator_other_region"], name, pk) == 403
    assert status(client_for, users["coordinator"], name, 999999) == 404
    assert Indicator.objects.filter(pk=pk).exists()


def test_the_lead_edits_the_action_but_not_its_evaluation(records, client_for):
    users, pk = records.users, records.pow_action.pk
    assert status(client_for, users["partner_pow"], "agenda:action_edit", pk) == 200
    assert status(client_for, users["partner_pow"], "evaluation:evaluation_edit", pk) == 403
    assert status(client_for, users["partner_uwv"], "agenda:action_status", pk) == 403
    assert status(client_for, users["coordinator"], "evaluation:evaluation_edit", pk) == 200
    assert status(client_for, users["coordinator"], "agenda:action_status", 999999) == 404
