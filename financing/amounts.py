"""Euro amounts: Dutch notation in and out, and fair splits to the cent.

Everything here works on `Decimal` and integer cents; floats never enter.
"""

import re
from collections.abc import Hashable, Mapping
from decimal import Decimal, InvalidOperation

CENT = Decimal("0.01")

# "1.000.000", "1.000.000,50", "1000000", "250,5", "170.000,-"
# Only the ASCII digits 0-9 count: other scripts' digits ("١٢٣", "１２３") are refused.
_GROUPED = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+(,([0-9]{1,2}|-))?$")
_PLAIN = re.compile(r"^[0-9]+(,([0-9]{1,2}|-))?$")
# More whole-euro digits than any amount field holds: refused as too large, not as notation.
MAX_WHOLE_DIGITS = 15


class AmountError(ValueError):
    """The text is not an amount in Dutch notation ("notation"), is negative ("negative") or
    has more whole-euro digits than an amount holds ("too_large")."""


def parse_dutch_amount(text: str) -> Decimal:
    """Read an amount written the Dutch way ("€ 1.000.000,50") as a Decimal.

    Dots group thousands, a comma starts the cents, "€" and spaces are ignored and ",-" means
    whole euros. Only the ASCII digits 0-9 count. Negative amounts, English notation
    ("1,000.50") and more than MAX_WHOLE_DIGITS whole-euro digits raise AmountError.
    """
    cleaned = str(text).replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
    if cleaned.startswith("-") or cleaned.startswith("−"):
        raise AmountError("negative")
    if not (_GROUPED.match(cleaned) or _PLAIN.match(cleaned)):
        raise AmountError("notation")
    cleaned = cleaned.removesuffix(",-").replace(".", "").replace(",", ".")
    if len(cleaned.split(".")[0].lstrip("0")) > MAX_WHOLE_DIGITS:
        raise AmountError("too_large")
    try:
        return Decimal(cleaned).quantize(CENT)
    except InvalidOperation as exc:  # pragma: no cover - the patterns above rule this out
        raise AmountError("notation") from exc


def format_dutch_amount(value: Decimal | None) -> str:
    """The amount as typed in a form: "1.000.000" or "1.000.000,50" (no euro sign)."""
    if value is None:
        return ""
    value = Decimal(value).quantize(CENT)
    whole, cents = divmod(abs(value) * 100, 100)
    text = f"{int(whole):,}".replace(",", ".")
    if cents:
        text += f",{int(cents):02d}"
    return f"-{text}" if value < 0 else text


def split_by_weight(
    total: Decimal, weights: Mapping[Hashable, int], *, whole_euros: bool = False
) -> dict[Hashable, Decimal]:
    """Split `total` euros over the keys in proportion to their weights, to the cent (or to
    whole euros with `whole_euros`, when the total is itself a whole number of euros).

    Largest remainder: every part first gets its exact share rounded down to the cent; the
    cents left over go one each to the parts with the largest remainders (ties: larger weight
    first, then the order given). The parts add up to `total` exactly and each differs from
    its exact share by less than one cent.
    """
    if total < 0:
        raise ValueError("total must not be negative")
    if any(w is None or w < 0 for w in weights.values()):
        raise ValueError("weights must be zero or more")
    weight_sum = sum(weights.values())
    if weight_sum <= 0:
        raise ValueError("the weights add up to nothing")
    unit = 1 if whole_euros else 100
    total_cents = int((Decimal(total) * unit).to_integral_value())
    if Decimal(total_cents) != Decimal(total) * unit:
        raise ValueError(
            "total has fractions of a euro" if whole_euros else "total has fractions of a cent"
        )
    floors = {}
    remainders = []
    for position, (key, weight) in enumerate(weights.items()):
        floor, remainder = divmod(total_cents * weight, weight_sum)
        floors[key] = floor
        remainders.append((-remainder, -weight, position, key))
    left_over = total_cents - sum(floors.values())
    for _r, _w, _p, key in sorted(remainders)[:left_over]:
        floors[key] += 1
    return {key: (Decimal(cents) / unit).quantize(CENT) for key, cents in floors.items()}
