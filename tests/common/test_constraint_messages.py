"""Every database rule answers in Dutch: no raw constraint message can reach a page."""

import re
from html import unescape

import pytest
from django.apps import apps
from django.db.models import BaseConstraint
from django.urls import reverse
from django.utils import translation

from agenda.models import Pillar
from tests.factories import (
    AgendaFactory,
    BodyFactory,
    OrganisationFactory,
    make_user,
)

PROJECT_APPS = ("agenda", "financing", "governance", "evaluation", "bodies")
RAW = re.compile(r"Beperking|is geschonden|Constraint|is violated|met deze .* bestaat al")


def _constraints():
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            for constraint in model._meta.constraints:
                yield model, constraint


def test_every_constraint_has_its_own_message_translated_to_dutch():
    found = list(_constraints())
    assert len(found) >= 45
    for model, constraint in found:
        message = constraint.violation_error_message
        assert message != BaseConstraint.default_violation_error_message, constraint.name
        with translation.override("nl"):
            dutch = str(constraint.get_violation_error_message())
        with translation.override("en"):
            english = str(constraint.get_violation_error_message())
        assert dutch != english, f"{model.__name__}.{constraint.name} has no Dutch message"
        assert not RAW.search(dutch), constraint.name


def _text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def coordinator_of():
    def make(region):
        return make_user("coord", role="coordinator", region=region)

    return make


@pytest.mark.django_db
def test_a_duplicate_top_level_number_is_refused_in_the_agendas_own_word(client, coordinator_of):
    agenda = AgendaFactory(top_level_label="actielijn")
    Pillar.objects.create(agenda=agenda, order=1, name="Werk")
    client.force_login(coordinator_of(agenda.region))
    page = _text(
        client.post(
            reverse("agenda:pillar_create", args=[agenda.slug]), {"order": 1, "name": "Werk"}
        )
    )
    assert "Deze agenda heeft al een actielijn met nummer 1." in page
    assert "Deze agenda heeft al een actielijn met deze naam." in page
    assert not RAW.search(page)
    assert agenda.pillars.count() == 1


@pytest.mark.django_db
def test_a_consultation_round_below_one_gets_a_dutch_message(client, coordinator_of):
    body = BodyFactory()
    agenda = AgendaFactory(region=body.region)
    partner = OrganisationFactory()
    client.force_login(coordinator_of(agenda.region))
    page = _text(
        client.post(
            reverse("bodies:consultation_create", args=[agenda.slug]),
            {"round": 0, "partner": partner.pk, "order": 3, "input_text": "Zie punt 3"},
        )
    )
    assert "Een ronde heeft nummer 1 of hoger." in page
    assert not RAW.search(page)
    assert not agenda.consultation_inputs.exists()
