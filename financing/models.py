"""Funding streams, their amounts per year, allocations to actions and splits over municipalities.

Amounts are euros held as `Decimal` with two decimals; they are never floats.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.access import RegionOwnedQuerySet
from agenda.models import Action, Agenda
from common import limits
from common.versioning import Versioned
from governance.models import Municipality, Organisation, Region

FIRST_PLAUSIBLE_YEAR = 1900
LAST_PLAUSIBLE_YEAR = 2200
AMOUNT_DIGITS = 14
AMOUNT_DECIMALS = 2
ZERO = Decimal("0.00")


def _amount_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name, max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_DECIMALS, **kwargs
    )


def _plausible_year(field: str) -> Q:
    return Q(**{f"{field}__gte": FIRST_PLAUSIBLE_YEAR, f"{field}__lte": LAST_PLAUSIBLE_YEAR})


class FundingStreamQuerySet(RegionOwnedQuerySet):
    def in_region(self, region):
        return self.filter(region=region)

    def for_agenda(self, agenda):
        """The streams of an agenda's funding overview (chapter 5 of an action plan)."""
        return self.filter(agendas=agenda)

    def used_in_agenda(self, agenda):
        """Streams listed for the agenda, allocated to its actions or named by them."""
        listed = FundingStream.agendas.through.objects.filter(
            fundingstream_id=OuterRef("pk"), agenda_id=agenda.pk
        )
        allocated = Allocation.objects.filter(stream_id=OuterRef("pk"), action__agenda=agenda)
        named = FundingStream.actions.through.objects.filter(
            fundingstream_id=OuterRef("pk"), action__agenda=agenda
        )
        return self.filter(Q(Exists(listed)) | Q(Exists(allocated)) | Q(Exists(named)))

    def visible_to(self, user):
        """Streams of adopted agendas are public; the others need an account."""
        if user is not None and user.is_authenticated:
            return self
        public = Agenda.PUBLIC_STATES
        return self.filter(
            Q(agendas__state__in=public)
            | Q(allocations__action__agenda__state__in=public)
            | Q(actions__agenda__state__in=public)
        ).distinct()

    def in_overview_order(self):
        return self.order_by("order", "name")


class FundingStream(Versioned):
    """A source of money (financieringsbron): Perspectief op Werk, a decentralisatie-uitkering."""

    class Level(models.TextChoices):
        NATIONAL = "landelijk", _("national")
        REGIONAL = "regionaal", _("regional")
        LOCAL = "lokaal", _("local")
        PRIVATE = "privaat", _("private")

    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="funding_streams",
        verbose_name=_("region"),
        help_text=_("The region whose coordinators keep this stream up to date."),
    )
    slug = models.SlugField(_("code"), max_length=100)
    name = models.CharField(_("name"), max_length=300)
    abbreviation = models.CharField(_("abbreviation"), max_length=40, blank=True)
    also_known_as = models.CharField(
        _("also written as"),
        max_length=500,
        blank=True,
        help_text=_("Other names the documents use, separated by semicolons."),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    group_label = models.CharField(
        _("heading in the overview"),
        max_length=200,
        blank=True,
        help_text=_('As in the funding chapter, e.g. "Regionaal reeds bekend".'),
    )
    to_be_divided = models.BooleanField(
        _("national pot still to be divided"),
        default=False,
        help_text=_(
            "Money the government has yet to divide over the regions: shown, but not counted "
            "as money the region can allocate."
        ),
    )
    financier = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_streams",
        verbose_name=_("financier"),
    )
    financier_text = models.CharField(
        _("financier as written"),
        max_length=300,
        blank=True,
        help_text=_("When the financier is not an organisation of the portal."),
    )
    description = limits.LimitedTextField(_("description"), blank=True, max_length=limits.LONG_TEXT)
    stated_total = _amount_field(_("stated total"), null=True, blank=True)
    stated_total_note = models.CharField(
        _("stated total as written"),
        max_length=300,
        blank=True,
        help_text=_('e.g. "totaal € 346 miljoen t/m 2024".'),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    agendas = models.ManyToManyField(
        Agenda,
        blank=True,
        related_name="funding_streams",
        verbose_name=_("in the funding overview of"),
    )
    actions = models.ManyToManyField(
        Action,
        blank=True,
        related_name="funding_streams",
        verbose_name=_("actions whose financing names it"),
    )
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[agendas, actions])
    objects = FundingStreamQuerySet.as_manager()

    class Meta:
        ordering = ["region", "order", "name"]
        verbose_name = _("funding stream")
        verbose_name_plural = _("funding streams")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "slug"],
                name="fundingstream_unique_slug",
                violation_error_message=_(
                    "This region already has a funding stream with this code."
                ),
            ),
            models.UniqueConstraint(
                fields=["region", "name"],
                name="fundingstream_unique_name",
                violation_error_message=_(
                    "This region already has a funding stream with this name."
                ),
            ),
            models.CheckConstraint(
                condition=Q(stated_total__isnull=True) | Q(stated_total__gte=0),
                name="fundingstream_stated_total_not_negative",
                violation_error_message=_("The stated total cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("financing:stream_detail", args=[self.pk])

    @property
    def financier_name(self) -> str:
        if self.financier_id:
            return self.financier.short_name
        return self.financier_text

    @property
    def short_name(self) -> str:
        return self.abbreviation or self.name

    def names(self) -> list[str]:
        """Every way the documents write this stream, for look-ups by text."""
        extra = [n.strip() for n in self.also_known_as.split(";") if n.strip()]
        return [n for n in [self.slug, self.name, self.abbreviation, *extra] if n]


class YearAmountQuerySet(RegionOwnedQuerySet):
    region_field = "stream__region"


class YearAmount(Versioned):
    """What a stream brings in one year: an amount, spent, not yet known or not applicable."""

    class Kind(models.TextChoices):
        AMOUNT = "bedrag", _("amount")
        SPENT = "besteed", _("spent")
        UNKNOWN = "onbekend", _("not yet known")
        NOT_APPLICABLE = "nvt", _("not applicable")

    stream = models.ForeignKey(
        FundingStream,
        on_delete=models.CASCADE,
        related_name="year_amounts",
        verbose_name=_("funding stream"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.AMOUNT)
    amount = _amount_field(_("amount"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)

    history = HistoricalRecords()
    objects = YearAmountQuerySet.as_manager()

    class Meta:
        ordering = ["stream", "year"]
        verbose_name = _("amount per year")
        verbose_name_plural = _("amounts per year")
        constraints = [
            models.UniqueConstraint(
                fields=["stream", "year"],
                name="yearamount_one_per_year",
                violation_error_message=_(
                    "This funding stream already has an amount for this year."
                ),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="yearamount_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=_plausible_year("year"),
                name="yearamount_year_plausible",
                violation_error_message=_("This is not a possible year."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="bedrag") | Q(amount__isnull=False),
                name="yearamount_amount_kind_has_amount",
                violation_error_message=_("An amount needs a figure."),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["onbekend", "nvt"]) | Q(amount__isnull=True),
                name="yearamount_unknown_has_no_amount",
                violation_error_message=_(
                    "An amount that is not yet known or not applicable has no figure."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.stream} {self.year}"

    def clean(self):
        if self.kind == self.Kind.AMOUNT and self.amount is None:
            raise ValidationError({"amount": _("Enter the amount, or choose another kind.")})
        if self.kind in (self.Kind.UNKNOWN, self.Kind.NOT_APPLICABLE) and self.amount is not None:
            raise ValidationError(
                {"amount": _("An amount that is not yet known or not applicable has no figure.")}
            )

    @property
    def known_amount(self) -> Decimal | None:
        """The figure that counts in totals (spent amounts included), or None."""
        return self.amount


class AllocationQuerySet(RegionOwnedQuerySet):
    region_field = "stream__region"

    def in_agenda(self, agenda):
        return self.filter(action__agenda=agenda)

    def visible_to(self, user):
        if user is not None and user.is_authenticated:
            return self
        return self.filter(action__agenda__state__in=Agenda.PUBLIC_STATES)


class Allocation(Versioned):
    """Money of a stream for one action in one year: budgeted and, where known, realised."""

    stream = models.ForeignKey(
        FundingStream,
        on_delete=models.PROTECT,
        related_name="allocations",
        verbose_name=_("funding stream"),
    )
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="allocations", verbose_name=_("action")
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the documents give no year (the whole period)."),
    )
    budgeted = _amount_field(_("budgeted"), null=True, blank=True)
    realised = _amount_field(_("realised"), null=True, blank=True)
    financier = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="financed_allocations",
        verbose_name=_("financier"),
        help_text=_("Leave empty when the financier of the funding stream pays this line."),
    )
    financier_text = models.CharField(
        _("financier as written"),
        max_length=200,
        blank=True,
        help_text=_("As the plan writes it: 'Regio', 'Gemeenten'. Leave empty for the stream's."),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    realised_note = models.CharField(_("realised as written"), max_length=500, blank=True)
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()
    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["action", "stream", "year"]
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        constraints = [
            models.UniqueConstraint(
                fields=["stream", "action", "year"],
                name="allocation_one_per_year",
                violation_error_message=_(
                    "This action already has an allocation of this stream for this year."
                ),
            ),
            models.UniqueConstraint(
                fields=["stream", "action"],
                condition=Q(year__isnull=True),
                name="allocation_one_without_year",
                violation_error_message=_(
                    "This action already has an allocation of this stream for the whole period."
                ),
            ),
            models.CheckConstraint(
                condition=Q(budgeted__isnull=True) | Q(budgeted__gte=0),
                name="allocation_budgeted_not_negative",
                violation_error_message=_("A budgeted amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(realised__isnull=True) | Q(realised__gte=0),
                name="allocation_realised_not_negative",
                violation_error_message=_("A realised amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | _plausible_year("year"),
                name="allocation_year_plausible",
                violation_error_message=_("This is not a possible year."),
            ),
        ]

    def __str__(self):
        year = self.year or _("whole period")
        return f"{self.stream.short_name} → {self.action} ({year})"

    @property
    def financier_name(self) -> str:
        """Who pays this line: its own financier, or else the stream's."""
        if self.financier_id:
            return self.financier.short_name
        if self.financier_text:
            return self.financier_text
        return self.stream.financier_name or self.stream.short_name

    def clean(self):
        if self.stream_id and self.action_id:
            region = self.action.agenda.owner_region
            if region is not None and self.stream.region_id != region.pk:
                raise ValidationError(
                    {"stream": _("This funding stream belongs to another region.")}
                )


class DistributionQuerySet(RegionOwnedQuerySet):
    pass


class Distribution(Versioned):
    """A split of an amount over municipalities in proportion to their inhabitants.

    The amount is a stream's year amount or an allocation; the parts are stored so the split
    that was agreed stays visible even when inhabitants change later.
    """

    year_amount = models.OneToOneField(
        YearAmount,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="distribution",
        verbose_name=_("amount per year"),
    )
    allocation = models.OneToOneField(
        Allocation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="distribution",
        verbose_name=_("allocation"),
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="distributions", verbose_name=_("region")
    )

    class Rounding(models.TextChoices):
        CENT = "cent", _("to the cent")
        EURO = "euro", _("to whole euros")

    total = _amount_field(_("total"))
    rounding = models.CharField(
        _("rounded"), max_length=10, choices=Rounding.choices, default=Rounding.CENT
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)

    history = HistoricalRecords()
    objects = DistributionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("distribution over municipalities")
        verbose_name_plural = _("distributions over municipalities")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(year_amount__isnull=False, allocation__isnull=True)
                    | Q(year_amount__isnull=True, allocation__isnull=False)
                ),
                name="distribution_of_one_amount",
                violation_error_message=_("A split divides either a year amount or an allocation."),
            ),
            models.CheckConstraint(
                condition=Q(total__gte=0),
                name="distribution_total_not_negative",
                violation_error_message=_("The amount to split cannot be negative."),
            ),
        ]

    def __str__(self):
        return str(_("Distribution of %(amount)s") % {"amount": self.source_label})

    def get_absolute_url(self):
        return reverse("financing:distribution_detail", args=[self.pk])

    @property
    def stream(self) -> FundingStream:
        return self.year_amount.stream if self.year_amount_id else self.allocation.stream

    @property
    def source_label(self) -> str:
        if self.year_amount_id:
            return f"{self.year_amount.stream} {self.year_amount.year}"
        return str(self.allocation)

    @property
    def current_amount(self) -> Decimal | None:
        """The amount as it is now, to tell when the stored split is out of date."""
        if self.year_amount_id:
            return self.year_amount.amount
        return self.allocation.budgeted

    @property
    def is_outdated(self) -> bool:
        return self.current_amount != self.total


class DistributionPart(models.Model):
    """One municipality's share of a distribution."""

    distribution = models.ForeignKey(
        Distribution,
        on_delete=models.CASCADE,
        related_name="parts",
        verbose_name=_("distribution"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="distribution_parts",
        verbose_name=_("municipality"),
    )
    inhabitants = models.PositiveIntegerField(_("inhabitants used"))
    amount = _amount_field(_("amount"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["distribution", "municipality__name"]
        verbose_name = _("share of a municipality")
        verbose_name_plural = _("shares of municipalities")
        constraints = [
            models.UniqueConstraint(
                fields=["distribution", "municipality"],
                name="distributionpart_one_each",
                violation_error_message=_("This municipality already has a share in this split."),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="distributionpart_amount_not_negative",
                violation_error_message=_("A share cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.municipality}: {self.amount}"
