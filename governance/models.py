from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Region(models.Model):
    """A labour-market region (arbeidsmarktregio)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    source_note = models.TextField(_("source"), blank=True)

    history = HistoricalRecords()

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
            models.UniqueConstraint(fields=["region", "name"], name="subregion_unique_name"),
        ]

    def __str__(self):
        return self.name


class Municipality(models.Model):
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
    inhabitants_source = models.CharField(_("source of inhabitants"), max_length=300, blank=True)
    is_centre = models.BooleanField(_("centre municipality"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["region", "name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="municipality_unique_name"),
        ]

    def __str__(self):
        return self.name


class Organisation(models.Model):
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
    source_note = models.TextField(_("source"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["abbreviation"],
                condition=~models.Q(abbreviation=""),
                name="organisation_unique_abbreviation",
            ),
        ]

    def __str__(self):
        if self.abbreviation and self.abbreviation != self.name:
            return f"{self.name} ({self.abbreviation})"
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("agenda:organisation_detail", args=[self.pk])

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
