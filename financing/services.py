"""Writes of the financing app: every change goes through these functions.

They validate (`full_clean`) before saving and either complete or change nothing.
"""

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.access import is_coordinator_for
from agenda.models import Action
from common.versioning import claim_version, expect_version
from common.writes import delete_as, refuse_unless, save_as
from governance.models import Municipality, Region

from .amounts import AmountError, parse_dutch_amount, split_by_weight
from .models import Allocation, Distribution, DistributionPart, FundingStream, YearAmount

# What a funding stream is and who pays it: in this order in its form and the API.
FUNDING_STREAM_KIND_FIELDS = (
    "name",
    "abbreviation",
    "level",
    "group_label",
    "to_be_divided",
    "financier",
)


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


def _refused() -> str:
    return _("Only coordinators of this region may change its funding.")


def _free_stream_slug(region: Region, name: str) -> str:
    base = slugify(name)[:90] or "bron"
    slug, n = base, 1
    while FundingStream.objects.filter(region=region, slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _coordinates(user, region) -> bool:
    """Who may write a row of `region`; `user=None` is the trusted caller (the demo loader,
    the command line)."""
    return user is None or is_coordinator_for(user, region)


def _action_region(action: Action):
    return action.agenda.owner_region


@transaction.atomic
def stream_save(
    *,
    user,
    stream: FundingStream,
    agendas: Iterable | None = None,
    actions: Iterable | None = None,
) -> FundingStream:
    """Save a new or changed stream, and set its agendas and named actions when given. A new
    stream without a code gets one made from its name, unique in its region."""
    refuse_unless(user is not None, _refused())
    if not stream.slug:
        stream.slug = _free_stream_slug(stream.region, stream.name)
    related = {"agendas": agendas, "actions": actions}
    return save_as(
        stream,
        user=user,
        may=lambda row: _coordinates(user, row.region),
        refused=_refused(),
        related={name: rows for name, rows in related.items() if rows is not None},
    )


@transaction.atomic
def stream_delete(*, user, stream: FundingStream) -> None:
    """Delete a stream with its amounts per year; refused while allocations use it."""
    refuse_unless(user is not None, _refused())
    delete_as(
        stream,
        user=user,
        may=lambda row: _coordinates(user, row.region),
        refused=_refused(),
        blocked=_("This funding stream still has allocations. Delete those first."),
    )


@transaction.atomic
def year_amount_set(
    *,
    stream: FundingStream,
    user=None,
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
    refuse_unless(_coordinates(user, stream.region), _refused())
    row.full_clean()
    row._history_user = user
    row.save()
    return row, True


@transaction.atomic
def year_amount_save(
    *, user, year_amount: YearAmount, data: dict, expected_version: int | None = None
) -> tuple[YearAmount, bool]:
    """Save the amount of a stream for a year from the form's `data`; when an existing amount
    moves to another year the old row goes. Refused with `EditConflict` when the amount was
    saved since `expected_version`."""
    refuse_unless(user is not None, _refused())
    stream = year_amount.stream
    refuse_unless(_coordinates(user, stream.region), _refused())
    if year_amount.pk:
        claim_version(year_amount, expected_version)
        if year_amount.year != data["year"]:
            year_amount_delete(user=user, year_amount=year_amount)
    return year_amount_set(
        user=user,
        stream=stream,
        year=data["year"],
        kind=data["kind"],
        amount=data["amount"],
        note=data["note"],
        source_note=data["source_note"],
    )


@transaction.atomic
def year_amount_delete(*, user, year_amount: YearAmount) -> None:
    refuse_unless(user is not None, _refused())
    delete_as(
        year_amount,
        user=user,
        may=lambda row: _coordinates(user, row.stream.region),
        refused=_refused(),
    )


@transaction.atomic
def allocation_save(*, allocation: Allocation, user=None) -> Allocation:
    """Save a new or changed allocation after validation."""
    return save_as(
        allocation,
        user=user,
        may=lambda row: _coordinates(user, _action_region(row.action)),
        refused=_refused(),
    )


@transaction.atomic
def allocation_delete(*, user, allocation: Allocation) -> None:
    refuse_unless(user is not None, _refused())
    delete_as(
        allocation,
        user=user,
        may=lambda row: _coordinates(user, _action_region(row.action)),
        refused=_refused(),
    )


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
    user=None,
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
    refuse_unless(_coordinates(user, region), _refused())
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
    distribution._history_user = user
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
def distribution_delete(*, user, distribution: Distribution) -> None:
    refuse_unless(user is not None, _refused())
    delete_as(
        distribution,
        user=user,
        may=lambda row: _coordinates(user, row.region),
        refused=_refused(),
    )


@transaction.atomic
def municipality_inhabitants_set(
    *,
    municipality: Municipality,
    user=None,
    inhabitants: int | None,
    source: str = "",
    expected_version: int | None = None,
) -> bool:
    """Set a municipality's number of inhabitants and where it comes from. Returns changed.
    With `expected_version`, refused with `EditConflict` when it was saved since."""
    if municipality.inhabitants == inhabitants and municipality.inhabitants_source == source:
        return False
    refuse_unless(_coordinates(user, municipality.region), _refused())
    expect_version(municipality, version=expected_version)
    municipality.inhabitants = inhabitants
    municipality.inhabitants_source = source
    municipality.full_clean()
    municipality._history_user = user
    municipality.save()
    return True
