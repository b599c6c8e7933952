"""The service functions behind the edit pages check the permission themselves, so a write
that skips the page (a script, a future view) is refused too; what they write carries the
name of the person who wrote it in the change history."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bodies import services as bodies
from bodies.models import Body, ConsultationInput
from financing import services as financing
from financing.models import Allocation, FundingStream


@pytest.fixture
def body(world):
    return Body.objects.create(region=world.region, name="Stuurgroep", level="bestuurlijk")


@pytest.fixture
def stream(world):
    return financing.stream_save(
        user=world.users["coordinator"],
        stream=FundingStream(region=world.region, name="Perspectief op Werk", level="landelijk"),
        agendas=[world.agenda],
    )


def test_a_coordinator_of_another_region_cannot_change_a_body(world, body):
    body.name = "Overgenomen"
    with pytest.raises(PermissionDenied):
        bodies.body_save(user=world.users["coordinator_other_region"], body=body)
    assert Body.objects.get(pk=body.pk).name == "Stuurgroep"


def test_a_coordinator_cannot_move_a_body_to_a_region_they_do_not_coordinate(world, body):
    body.region = world.other_region
    with pytest.raises(PermissionDenied):
        bodies.body_save(user=world.users["coordinator"], body=body)
    assert Body.objects.get(pk=body.pk).region == world.region


@pytest.mark.parametrize("role", ["viewer", "partner_pow", "anonymous"])
def test_others_than_coordinators_cannot_add_a_body(world, role):
    with pytest.raises(PermissionDenied):
        bodies.body_save(
            user=world.users[role],
            body=Body(region=world.region, name="Werkgroep", level="overig"),
        )
    assert not Body.objects.filter(name="Werkgroep").exists()


def test_a_body_saved_by_a_coordinator_carries_their_name_in_the_history(world, body):
    anna = world.users["coordinator"]
    body.name = "Stuurgroep Werk"
    bodies.body_save(user=anna, body=body, agendas=[world.agenda])
    assert body.history.latest().history_user == anna
    assert list(Body.objects.get(pk=body.pk).agendas.all()) == [world.agenda]


def test_the_consultation_input_of_another_regions_agenda_is_not_deleted(world):
    item = ConsultationInput.objects.create(
        agenda=world.agenda, round=1, partner=world.uwv, order=1, input_text="Meer stages"
    )
    with pytest.raises(PermissionDenied):
        bodies.consultation_delete(user=world.users["coordinator_other_region"], item=item)
    assert ConsultationInput.objects.filter(pk=item.pk).exists()


def test_a_deleted_stream_is_recorded_under_the_coordinator(world, stream):
    anna, pk = world.users["coordinator"], stream.pk
    financing.stream_delete(user=anna, stream=stream)
    assert not FundingStream.objects.filter(pk=pk).exists()
    deletion = FundingStream.history.filter(id=pk).latest()
    assert deletion.history_type == "-" and deletion.history_user == anna


def test_a_stream_still_allocated_is_not_deleted_and_the_coordinator_is_told_why(world, stream):
    financing.allocation_save(
        user=world.users["coordinator"],
        allocation=Allocation(
            stream=stream, action=world.pow_action, year=2025, budgeted=Decimal("1000")
        ),
    )
    with pytest.raises(ValidationError) as refused:
        financing.stream_delete(user=world.users["coordinator"], stream=stream)
    assert refused.value.messages == [
        "Deze financieringsbron heeft nog toewijzingen. Verwijder die eerst."
    ]
    assert FundingStream.objects.filter(pk=stream.pk).exists()


def test_a_new_stream_gets_a_code_from_its_name_unique_in_its_region(world, stream):
    again = financing.stream_save(
        user=world.users["coordinator"],
        stream=FundingStream(region=world.region, name="Perspectief op werk!", level="landelijk"),
    )
    assert stream.slug == "perspectief-op-werk"
    assert again.slug == "perspectief-op-werk-2"
