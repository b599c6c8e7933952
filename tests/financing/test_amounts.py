"""Dutch amount notation and fair splits to the cent."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from financing.amounts import AmountError, format_dutch_amount, parse_dutch_amount, split_by_weight


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1.000.000", Decimal("1000000.00")),
        ("1.000.000,50", Decimal("1000000.50")),
        ("€ 1.000.000", Decimal("1000000.00")),
        ("€\u00a076.921", Decimal("76921.00")),
        ("384607", Decimal("384607.00")),
        ("250,5", Decimal("250.50")),
        ("170.000,-", Decimal("170000.00")),
        ("0", Decimal("0.00")),
    ],
)
def test_dutch_notation_is_read_as_the_amount_a_dutch_reader_means(text, expected):
    assert parse_dutch_amount(text) == expected


@pytest.mark.parametrize(
    "text", ["-5", "-1.000", "1,000,000.50", "1.5", "12,345", "abc", "", "1.0000", "1e6", "NaN"]
)
def test_negative_english_or_garbled_amounts_are_refused(text):
    with pytest.raises(AmountError):
        parse_dutch_amount(text)


def test_amounts_are_written_back_the_dutch_way():
    assert format_dutch_amount(Decimal("1000000")) == "1.000.000"
    assert format_dutch_amount(Decimal("1000000.5")) == "1.000.000,50"
    assert parse_dutch_amount(format_dutch_amount(Decimal("76921.07"))) == Decimal("76921.07")


def test_a_split_gives_the_left_over_cents_to_the_largest_remainders():
    parts = split_by_weight(Decimal("100.00"), {"a": 1, "b": 1, "c": 1})
    assert sorted(parts.values()) == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    assert sum(parts.values()) == Decimal("100.00")


def test_a_split_over_nothing_is_refused():
    with pytest.raises(ValueError):
        split_by_weight(Decimal("10"), {"a": 0})


@given(
    total_cents=st.integers(min_value=0, max_value=10**13),
    weights=st.lists(st.integers(min_value=0, max_value=5_000_000), min_size=1, max_size=40).filter(
        lambda ws: sum(ws) > 0
    ),
)
def test_parts_always_add_up_to_the_total_and_stay_within_a_cent_of_the_exact_share(
    total_cents, weights
):
    total = Decimal(total_cents) / 100
    parts = split_by_weight(total, dict(enumerate(weights)))
    assert sum(parts.values()) == total
    weight_sum = sum(weights)
    for key, weight in enumerate(weights):
        # Compare in exact cents: |part*100*W - total_cents*w| < W  <=>  |part - exact| < 1 cent.
        difference = abs(int(parts[key] * 100) * weight_sum - total_cents * weight)
        assert difference < weight_sum
        assert parts[key] >= 0
        assert parts[key] == parts[key].quantize(Decimal("0.01"))
