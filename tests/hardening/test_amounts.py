"""Amounts: only the digits 0-9 with Dutch separators, and an amount out of range says so."""

import pytest

from financing.amounts import AmountError, parse_dutch_amount
from financing.forms import DutchAmountField


@pytest.mark.parametrize("text", ["١٢٣", "１２３", "१२३", "1.٠٠٠", "12,٥٠", "²"])
def test_digits_of_other_scripts_are_refused(text):
    with pytest.raises(AmountError):
        parse_dutch_amount(text)


def test_a_forty_digit_amount_is_too_large_not_a_wrong_notation():
    with pytest.raises(AmountError, match="too_large"):
        parse_dutch_amount("1" * 40)
    field = DutchAmountField()
    with pytest.raises(Exception) as caught:
        field.clean("1" * 40)
    assert caught.value.code == "too_large"
    assert "te groot" in str(caught.value.messages[0]).lower() or "too large" in str(
        caught.value.messages[0]
    )


def test_the_largest_amount_the_field_holds_is_accepted():
    assert DutchAmountField().clean("999.999.999.999,99") is not None
    with pytest.raises(Exception) as caught:
        DutchAmountField().clean("1.000.000.000.000")
    assert caught.value.code == "too_large"
