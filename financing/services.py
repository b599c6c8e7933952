"""Writes of the financing app: every change goes through these functions.

They validate (`full_clean`) before saving and either complete or change nothing.
"""

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agenda.models import Action
from common.versioning import expect_version
from governance.models import Municipality, Region

from .amounts import AmountError, parse_dutch_amount, split_by_weight
from .models import Allocation, Distribution, DistributionPart, FundingStream, YearAmount


def stream_find(*, region: Region, key: str) -> FundingStream | None:
    """The region's stream that `key` names: its code, name, abbreviation or another spelling.

    Case does not matter. Returns None when no stream of the region is called that.
    """
    wanted = key.strip().casefold()
    for stream in FundingStream.objects.filter(region=region):
        if wanted in {name.casefold() for name in stream.names()}:
            return stream
    return None


def _as_amount(value) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return parse_dutch_amount(value)
        except AmountError as exc:
            raise ValidationError(_("%(value)s is not an amount.") % {"value": value}) from exc
    return Decimal(value).quantize(Decimal("0.01"))


@transaction.atomic
def stream_save(
    *,
    stream: FundingStream,
    agendas: Iterable | None = None,
    actions: Iterable | None = None,
) -> FundingStream:
    """Save a new or changed stream, and set its agendas and named actions when given."""
    stream.full_clean()
    stream.save()
    if agendas is not None:
        stream.agendas.set(list(agendas))
    if actions is not None:
        stream.actions.set(list(actions))
    return stream


@transaction.atomic
def year_amount_set(
    *,
    stream: FundingStream,
    year: int,
    kind: str = YearAmount.Kind.AMOUNT,
    amount: Decimal | None = None,
    note: str = "",
    source_note: str | None = None,
) -> tuple[YearAmount, bool]:
    """Record what `stream` brings in `year`; returns `(year_amount, changed)`.

    A second call with the same values changes nothing.
    """
    amount = _as_amount(amount)
    row = YearAmount.objects.filter(stream=stream, year=year).first()
    values = {"kind": kind, "amount": amount, "note": note}
    if source_note is not None:
        values["source_note"] = source_note
    if row is None:
        row = YearAmount(stream=stream, year=year, **values)
    elif all(getattr(row, f) == v for f, v in values.items()):
        return row, False
    else:
        for field, value in values.items():
            setattr(row, field, value)
    row.full_clean()
    row.save()
    return row, True


@transaction.atomic
def allocation_save(*, allocation: Allocation) -> Allocation:
    """Save a new or changed allocation after validation."""
    allocation.full_clean()
    allocation.save()
    return allocation


@transaction.atomic
def allocation_set_realised(
    *,
    stream: FundingStream | str,
    action: Action,
    year: int | None,
    amount: Decimal | int | str | None,
    note: str = "",
) -> tuple[Allocation, bool]:
    """Record what an action actually received from a funding stream (for the evaluation).

    - `stream`: a FundingStream, or the text that names one of the action's region: its code
      ("perspectief-op-werk"), name ("Perspectief op Werk"), abbreviation ("PoW") or another
      spelling listed on the stream ("Crisisdienstverlening"). An unknown name raises
      ValidationError.
    - `action`: the action that received the money.
    - `year`: the year it was spent, or None when the documents give no year (the whole
      period of the agenda).
    - `amount`: the realised amount in euros: a Decimal, an int, or Dutch text ("193.000",
      "€ 37.500"). None records that the stream was used for an unknown amount.
    - `note`: the text as written in the evaluation (e.g. "€ 193.000 Perspectief op Werk").

    Creates the allocation (stream, action, year) when there is none, otherwise sets its
    realised amount and note; a budgeted amount already there is kept. Idempotent: when the
    amount and note are already equal nothing is saved and no history is written. Returns
    `(allocation, changed)`.
    """
    if not isinstance(stream, FundingStream):
        found = stream_find(region=action.agenda.owner_region, key=str(stream))
        if found is None:
            raise ValidationError(
                _("There is no funding stream called %(name)s.") % {"name": stream}
            )
        stream = found
    realised = _as_amount(amount)
    allocation = Allocation.objects.filter(stream=stream, action=action, year=year).first()
    if allocation is None:
        allocation = Allocation(stream=stream, action=action, year=year)
    elif allocation.realised == realised and allocation.realised_note == note:
        return allocation, False
    allocation.realised = realised
    allocation.realised_note = note
    allocation.full_clean()
    allocation.save()
    return allocation, True


def _missing_inhabitants_message(missing: list[Municipality]) -> str:
    names = ", ".join(m.name for m in missing)
    return _(
        "The amount cannot be split by inhabitants: no number of inhabitants is known for "
        "%(names)s. Enter the inhabitants of the region's municipalities first."
    ) % {"names": names}


@transaction.atomic
def distribution_split(
    *,
    year_amount: YearAmount | None = None,
    allocation: Allocation | None = None,
    municipalities: Iterable[Municipality] | None = None,
    note: str = "",
    rounding: str = Distribution.Rounding.CENT,
) -> Distribution:
    """Split a stream's year amount or an allocation over municipalities by inhabitants.

    Uses the given municipalities, or every municipality of the stream's region. The parts are
    rounded to the cent, or to whole euros with `rounding="euro"`, and add up exactly to the
    amount (largest remainder). A split made
    earlier for the same amount is replaced. Refused with the reason (ValidationError) when a
    municipality has no inhabitants, when there is no amount to split, or when a
    municipality belongs to another region.
    """
    if (year_amount is None) == (allocation is None):
        raise ValueError("Give either a year amount or an allocation.")
    source = year_amount or allocation
    stream = source.stream
    region = stream.region
    total = year_amount.amount if year_amount is not None else allocation.budgeted
    if total is None:
        raise ValidationError(_("There is no amount to split: enter the amount first."))
    chosen = (
        list(municipalities)
        if municipalities is not None
        else list(Municipality.objects.filter(region=region))
    )
    if not chosen:
        raise ValidationError(_("Choose at least one municipality."))
    if any(m.region_id != region.pk for m in chosen):
        raise ValidationError(_("Every municipality must belong to the region of the stream."))
    missing = [m for m in chosen if not m.inhabitants]
    if missing:
        raise ValidationError(_missing_inhabitants_message(missing))
    whole_euros = rounding == Distribution.Rounding.EURO
    if whole_euros and total != total.to_integral_value():
        raise ValidationError(
            _("An amount with cents cannot be split in whole euros; choose cents.")
        )
    shares = split_by_weight(total, {m.pk: m.inhabitants for m in chosen}, whole_euros=whole_euros)
    Distribution.objects.filter(year_amount=year_amount, allocation=allocation).delete()
    distribution = Distribution(
        year_amount=year_amount,
        allocation=allocation,
        region=region,
        total=total,
        rounding=rounding,
        note=note,
    )
    distribution.full_clean()
    distribution.save()
    for municipality in chosen:
        part = DistributionPart(
            distribution=distribution,
            municipality=municipality,
            inhabitants=municipality.inhabitants,
            amount=shares[municipality.pk],
        )
        part.full_clean()
        part.save()
    return distribution


@transaction.atomic
def municipality_inhabitants_set(
    *,
    municipality: Municipality,
    inhabitants: int | None,
    source: str = "",
    expected_version: int | None = None,
) -> bool:
    """Set a municipality's number of inhabitants and where it comes from. Returns changed.
    With `expected_version`, refused with `EditConflict` when it was saved since."""
    if municipality.inhabitants == inhabitants and municipality.inhabitants_source == source:
        return False
    expect_version(municipality, version=expected_version)
    municipality.inhabitants = inhabitants
    municipality.inhabitants_source = source
    municipality.full_clean()
    municipality.save()
    return True
