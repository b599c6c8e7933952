from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts import access
from common import limits
from common.versioning import Versioned


class RegionQuerySet(access.RegionRecordQuerySet):
    def region_q(self, region):
        return Q(pk=region.pk)


class Region(models.Model):
    """A labour-market region (arbeidsmarktregio)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)
    # A path among the portal's static files, never an address elsewhere or outside them.
    logo_path = models.CharField(
        _("logo"),
        max_length=200,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.(svg|png)$",
                _("Give a path among the static files, such as img/logo.svg (SVG or PNG)."),
            )
        ],
        help_text=_(
            "Optional: the region's logo in the page header, as a path among the static files "
            "(e.g. img/logo.svg). The region's name is shown beside it."
        ),
    )

    history = HistoricalRecords()
    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("labour-market region")
        verbose_name_plural = _("labour-market regions")

    def __str__(self):
        return self.name


class SubRegion(models.Model):
    """A part of a region (e.g. IJmond, Zuid-Kennemerland): data, not code."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="subregions", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["region", "name"]
        verbose_name = _("sub-region")
        verbose_name_plural = _("sub-regions")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"],
                name="subregion_unique_name",
                violation_error_message=_("This region already has a sub-region with this name."),
            ),
        ]

    def __str__(self):
        return self.name


class Municipality(Versioned):
    """A municipality (gemeente) of a region."""

    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )
    subregion = models.ForeignKey(
        SubRegion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="municipalities",
        verbose_name=_("sub-region"),
    )
    inhabitants = models.PositiveIntegerField(_("inhabitants"), null=True, blank=True)
    inhabitants_year = models.PositiveSmallIntegerField(
        _("reference year of inhabitants"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2200)],
    )
    inhabitants_source = models.CharField(_("source of inhabitants"), max_length=300, blank=True)
    is_centre = models.BooleanField(_("centre municipality"), default=False)

    history = HistoricalRecords()
    objects = access.RegionRecordQuerySet.as_manager()

    class Meta:
        ordering = ["region", "name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"],
                name="municipality_unique_name",
                violation_error_message=_("This region already has a municipality with this name."),
            ),
        ]

    def __str__(self):
        return self.name


class OrganisationQuerySet(access.RegionRecordQuerySet):
    def region_q(self, region):
        """An organisation belongs to its region, or else to its municipality's."""
        return Q(region=region) | Q(region__isnull=True, municipality__region=region)


class Organisation(Versioned):
    """A partner (partij): municipality, UWV, employers' organisation, school, ..."""

    class Type(models.TextChoices):
        MUNICIPALITY = "gemeente", _("municipality")
        UWV = "uwv", _("UWV")
        EMPLOYERS = "werkgeversorganisatie", _("employers' organisation")
        EMPLOYEES = "werknemersorganisatie", _("employees' organisation")
        EDUCATION = "onderwijs", _("education")
        REINTEGRATION = "re-integratie", _("re-integration / participation company")
        CARE = "zorg", _("care")
        OTHER = "overig", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=40, blank=True)
    type = models.CharField(_("type"), max_length=30, choices=Type.choices, default=Type.OTHER)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)
    region = models.ForeignKey(
        Region,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("region"),
        help_text=_("The region whose coordinators keep this organisation."),
    )
    aliases = limits.LimitedTextField(
        _("other spellings"),
        blank=True,
        max_length=limits.TEXT,
        help_text=_("Other names and spellings of this organisation, one per line."),
    )

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["abbreviation"],
                condition=~models.Q(abbreviation=""),
                name="organisation_unique_abbreviation",
                violation_error_message=_("Another organisation already uses this abbreviation."),
            ),
        ]

    def __str__(self):
        if self.abbreviation and self.abbreviation != self.name:
            return f"{self.name} ({self.abbreviation})"
        return self.name

    @property
    def short_name(self) -> str:
        return self.abbreviation or self.name


class Profile(models.Model):
    """Links an account to the region it coordinates or the organisation it edits for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("region"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("organisation"),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return str(self.user)
