import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from evaluation.models import Indicator
from tests.factories import ActionFactory

pytestmark = pytest.mark.django_db


def test_a_target_without_a_unit_is_refused():
    indicator = Indicator(action=ActionFactory(), name="Plaatsingen", target=50)
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert "unit" in error.value.message_dict


def test_the_database_refuses_a_target_without_a_unit_too():
    with pytest.raises(IntegrityError):
        Indicator.objects.create(action=ActionFactory(), name="Plaatsingen", target=50)


def test_an_indicator_without_target_needs_no_unit():
    Indicator(action=ActionFactory(), name="Jongeren benaderd", actual=669,
              measured_on="2022-04-01").full_clean()  # fmt: skip


def test_an_actual_value_needs_its_measurement_date():
    indicator = Indicator(action=ActionFactory(), name="x", unit="deelnemers", actual=3)
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert "measured_on" in error.value.message_dict


def test_progress_runs_from_baseline_to_target():
    indicator = Indicator(unit="%", baseline=20, target=40, actual=30)
    assert indicator.progress_percent == 50
