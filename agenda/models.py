from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts import access
from common import limits
from common.versioning import Versioned
from governance.models import Municipality, Organisation, Region, SubRegion

# Dutch nouns that take "het" (elk, nieuw); the others take "de" (elke, nieuwe).
NEUTER_WORDS = frozenset({"spoor", "thema", "project", "programma", "domein", "onderdeel"})


def is_neuter(word: str) -> bool:
    """Whether a Dutch noun such as an agenda's word for its top level is neuter."""
    words = word.lower().split()
    return bool(words) and words[-1] in NEUTER_WORDS


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–") + "…"


def outside_top_levels(label: str) -> str:
    """The heading of an agenda's lines that sit under none of its top levels, in the agenda's
    own word for them ("De agenda als geheel (niet onder een actielijn)")."""
    return _("The agenda as a whole (not under a %(label)s)") % {"label": label or "pijler"}


def predecessor_field(help_text=""):
    """The link from an agenda or action to the one of an earlier agenda it carries on."""
    return models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("predecessor"),
        help_text=help_text,
    )


class Status(models.Model):
    """An action's status (loopt, nader uit te werken, ...): a vocabulary kept as data."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("status")
        verbose_name_plural = _("statuses")

    def __str__(self):
        return self.name


class Scope(models.Model):
    """Where an action applies ((sub)regionaal): a vocabulary per region."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="scopes", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=100)
    subregion = models.ForeignKey(
        SubRegion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scopes",
        verbose_name=_("sub-region"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["region", "order", "name"]
        verbose_name = _("scope")
        verbose_name_plural = _("scopes")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"],
                name="scope_unique_name",
                violation_error_message=_("This region already has a scope with this name."),
            ),
        ]

    def __str__(self):
        return self.name


class AgendaQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Published, adopted and closed agendas are public; concept agendas need an account."""
        if user is not None and user.is_authenticated:
            return self
        return self.filter(state__in=Agenda.PUBLIC_STATES)

    def editable_by(self, user):
        """Agendas the user may change: those of the region they coordinate."""
        return access.editable_agendas(self, user)


class Agenda(Versioned):
    """A doe-agenda, werkplan, actieplan or local addendum."""

    class State(models.TextChoices):
        CONCEPT = "concept", _("concept")
        PUBLISHED = "gepubliceerd", _("published, not adopted")
        ADOPTED = "vastgesteld", _("adopted")
        CLOSED = "afgesloten", _("closed")

    # Everyone may read these; a concept is for logged-in users only.
    PUBLIC_STATES = (State.PUBLISHED, State.ADOPTED, State.CLOSED)

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agendas",
        verbose_name=_("region"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agendas",
        verbose_name=_("municipality"),
        help_text=_("Only for a local agenda or addendum of one municipality."),
    )
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.CONCEPT
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.CharField(
        _("adopted by"),
        max_length=200,
        blank=True,
        help_text=_("The body that adopted the agenda: 'college van B&W', 'gemeenteraad'."),
    )
    document_date = models.DateField(_("document date"), null=True, blank=True)
    top_level_label = models.CharField(
        _("word for the top level"),
        max_length=40,
        default="pijler",
        help_text=_("The word this agenda uses for its top level: pijler, actielijn, spoor, ..."),
    )
    predecessor = predecessor_field()
    internal_note = limits.LimitedTextField(
        _("internal note"),
        blank=True,
        help_text=_("Shown to logged-in users only."),
        max_length=limits.LONG_TEXT,
    )
    no_actions_note = limits.LimitedTextField(
        _("why there are no actions"),
        blank=True,
        max_length=limits.LONG_TEXT,
        help_text=_(
            "Shown on the page and in the annexes while the agenda has no actions, instead of "
            "empty tables."
        ),
    )
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()
    objects = AgendaQuerySet.as_manager()

    class Meta:
        ordering = ["-first_year", "title"]
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")
        constraints = [
            models.CheckConstraint(
                condition=Q(first_year__lte=models.F("last_year")),
                name="agenda_years_in_order",
                violation_error_message=_("The last year cannot be before the first year."),
            ),
            models.CheckConstraint(
                condition=Q(first_year__gte=1900, last_year__lte=2200),
                name="agenda_years_plausible",
                violation_error_message=_("The years of an agenda lie between 1900 and 2200."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(region__isnull=False, municipality__isnull=True)
                    | Q(region__isnull=True, municipality__isnull=False)
                ),
                name="agenda_region_xor_municipality",
                violation_error_message=_(
                    "An agenda belongs either to a region or to a single municipality."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agenda:agenda_detail", args=[self.slug])

    def clean(self):
        if self.first_year and self.last_year and self.first_year > self.last_year:
            raise ValidationError(
                {"last_year": _("The last year cannot be before the first year.")}
            )
        if bool(self.region_id) == bool(self.municipality_id):
            raise ValidationError(
                _("An agenda belongs either to a region or to a single municipality.")
            )

    @property
    def owner_region(self):
        """The region this agenda belongs to, also for a municipality's addendum."""
        if self.region_id:
            return self.region
        return self.municipality.region if self.municipality_id else None

    @property
    def owner_name(self) -> str:
        return str(self.region or self.municipality)

    @property
    def outside_top_levels(self) -> str:
        """The heading of the lines under none of its top levels, in the agenda's words."""
        return outside_top_levels(self.top_level_label)

    @property
    def top_level_is_neuter(self) -> bool:
        """Whether the word for the top level is neuter ("elk spoor", "nieuw spoor")."""
        return is_neuter(self.top_level_label)

    @property
    def period(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}-{self.last_year}"

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    @property
    def is_public(self) -> bool:
        return self.state in self.PUBLIC_STATES

    @property
    def is_adopted(self) -> bool:
        """Whether the agenda was adopted (a closed agenda may have been, or not)."""
        return self.adopted_on is not None and self.state in (
            self.State.ADOPTED,
            self.State.CLOSED,
        )


class PillarQuerySet(models.QuerySet):
    def editable_by(self, user):
        return access.editable_pillars(self, user)

    def deletable_by(self, user):
        return access.deletable_pillars(self, user)


class Pillar(Versioned):
    """The top level of an agenda: pijler, actielijn or spoor."""

    agenda = models.ForeignKey(
        Agenda, on_delete=models.CASCADE, related_name="pillars", verbose_name=_("agenda")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("name"), max_length=200)
    intro = limits.LimitedTextField(_("introduction"), blank=True, max_length=limits.NARRATIVE)
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)

    history = HistoricalRecords()
    objects = PillarQuerySet.as_manager()

    class Meta:
        ordering = ["agenda", "order"]
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "order"],
                name="pillar_unique_order",
                violation_error_message=_("This agenda already has a top level with this number."),
            ),
            models.UniqueConstraint(
                fields=["agenda", "name"],
                name="pillar_unique_name",
                violation_error_message=_("This agenda already has a top level with this name."),
            ),
        ]

    def __str__(self):
        return self.name


class ThemeQuerySet(models.QuerySet):
    def editable_by(self, user):
        return access.editable_themes(self, user)

    def deletable_by(self, user):
        return access.deletable_themes(self, user)


class Theme(Versioned):
    """A numbered theme (thema) under a pillar; numbers run across the whole agenda."""

    agenda = models.ForeignKey(
        Agenda, on_delete=models.CASCADE, related_name="themes", verbose_name=_("agenda")
    )
    pillar = models.ForeignKey(
        Pillar, on_delete=models.CASCADE, related_name="themes", verbose_name=_("pillar")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=300)
    target_group = limits.LimitedTextField(
        _("target group"), blank=True, max_length=limits.SHORT_TEXT
    )
    narrative = limits.LimitedTextField(_("text"), blank=True, max_length=limits.NARRATIVE)
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)

    history = HistoricalRecords()
    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["agenda", "number"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "number"],
                name="theme_unique_number",
                violation_error_message=_("This agenda already has a theme with this number."),
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"

    def save(self, *args, **kwargs):
        if self.pillar_id and not self.agenda_id:
            self.agenda_id = self.pillar.agenda_id
        super().save(*args, **kwargs)

    def clean(self):
        if self.pillar_id and self.agenda_id and self.pillar.agenda_id != self.agenda_id:
            raise ValidationError({"pillar": _("The pillar belongs to another agenda.")})


class ActionQuerySet(models.QuerySet):
    def in_agenda(self, agenda):
        return self.filter(agenda=agenda)

    def visible_to(self, user):
        """Actions of adopted agendas are public; those of concept agendas need an account."""
        if user is not None and user.is_authenticated:
            return self
        return self.filter(agenda__state__in=Agenda.PUBLIC_STATES)

    def editable_by(self, user):
        """Coordinators: every action of their region; partners: what their organisation leads."""
        return access.editable_actions(self, user)

    def deletable_by(self, user):
        """Only coordinators delete, in the agendas of their region."""
        return access.deletable_actions(self, user)

    def with_related(self):
        return self.select_related("theme", "pillar", "agenda", "scope", "status")

    def in_document_order(self):
        """As the plan prints them: per pillar, per theme; lines without one after those with."""
        return self.order_by(*DOCUMENT_ORDER)

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            obj.fill_placement()
        return super().bulk_create(objs, *args, **kwargs)


# Pillar, then theme, then place; an action without a pillar (or without a theme) comes after
# the ones with, on SQLite and PostgreSQL alike.
DOCUMENT_ORDER = (
    models.F("pillar__order").asc(nulls_last=True),
    models.F("theme__number").asc(nulls_last=True),
    "order",
    "pk",
)


class Action(Versioned):
    """One row of the agenda (actie, activiteit, maatregel, project)."""

    class Stage(models.TextChoices):
        UNDER_WAY = "reeds_in_gang_gezet", _("already under way")
        TO_ELABORATE = "nader_uit_te_werken", _("to be elaborated")
        LOCAL = "lokaal_aanvullend", _("local supplement")

    agenda = models.ForeignKey(
        Agenda, on_delete=models.PROTECT, related_name="actions", verbose_name=_("agenda")
    )
    pillar = models.ForeignKey(
        Pillar,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("pillar"),
        help_text=_("Empty for a line of the agenda as a whole, such as its coordination."),
    )
    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("theme"),
        help_text=_("Empty for a line directly under its pillar or under the agenda."),
    )
    order = models.PositiveSmallIntegerField(_("order"))
    number = models.CharField(
        _("number as written"),
        max_length=20,
        blank=True,
        help_text=_("The measure's number as the plan writes it: '1.1', '4.2', 'M3'."),
    )
    short_title = models.CharField(_("short title"), max_length=200, blank=True)
    text = limits.LimitedTextField(_("action"), max_length=limits.TEXT)
    target_group_text = limits.LimitedTextField(
        _("target group of the action"), blank=True, max_length=limits.SHORT_TEXT
    )
    scope = models.ForeignKey(
        Scope,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("scope"),
    )
    status = models.ForeignKey(
        Status,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("status"),
    )
    stage = models.CharField(_("stage"), max_length=30, choices=Stage.choices, blank=True)
    leads = models.ManyToManyField(
        Organisation, blank=True, related_name="led_actions", verbose_name=_("lead organisations")
    )
    lead_text = limits.LimitedTextField(
        _("lead(s) as written"), blank=True, max_length=limits.SHORT_TEXT
    )
    financing_text = limits.LimitedTextField(
        _("financing as written"), blank=True, max_length=limits.SHORT_TEXT
    )
    internal_note = limits.LimitedTextField(
        _("internal note"),
        blank=True,
        help_text=_("Shown to logged-in users only."),
        max_length=limits.LONG_TEXT,
    )
    added_later = models.BooleanField(
        _("added later"),
        default=False,
        help_text=_("Added to the agenda during its run, not part of the adopted annex."),
    )
    predecessor = predecessor_field(_("The action of an earlier agenda this one carries over."))
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[leads])
    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["agenda", *DOCUMENT_ORDER]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "order"],
                name="action_unique_order",
                violation_error_message=_("This theme already has an action at this place."),
            ),
            models.UniqueConstraint(
                fields=["pillar", "order"],
                condition=Q(theme__isnull=True),
                name="action_unique_order_under_pillar",
                violation_error_message=_(
                    "This top level already has an action without a theme at this place."
                ),
            ),
            models.UniqueConstraint(
                fields=["agenda", "order"],
                condition=Q(pillar__isnull=True),
                name="action_unique_order_under_agenda",
                violation_error_message=_(
                    "This agenda already has an action outside its top levels at this place."
                ),
            ),
            models.CheckConstraint(
                condition=Q(theme__isnull=True) | Q(pillar__isnull=False),
                name="action_theme_has_pillar",
                violation_error_message=_("An action under a theme also sits under its pillar."),
            ),
        ]

    def __str__(self):
        return self.short_title or shorten(self.text, 80)

    def get_absolute_url(self):
        return reverse("agenda:action_detail", args=[self.pk])

    def fill_placement(self):
        """Take the pillar and agenda from the theme, and the agenda from the pillar, so the
        three always agree (the form and services choose the deepest level given)."""
        if self.theme_id:
            self.pillar_id = self.theme.pillar_id
            self.agenda_id = self.theme.agenda_id
        elif self.pillar_id:
            self.agenda_id = self.pillar.agenda_id

    def full_clean(self, *args, **kwargs):
        self.fill_placement()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.fill_placement()
        fields = kwargs.get("update_fields")
        if fields is not None and {"theme", "pillar"} & set(fields):
            kwargs["update_fields"] = {*fields, "theme", "pillar", "agenda"}
        super().save(*args, **kwargs)

    def clean(self):
        if self.theme_id and self.agenda_id and self.theme.agenda_id != self.agenda_id:
            raise ValidationError({"theme": _("The theme belongs to another agenda.")})
        if self.pillar_id and self.agenda_id and self.pillar.agenda_id != self.agenda_id:
            raise ValidationError({"pillar": _("The pillar belongs to another agenda.")})
        if self.theme_id and self.pillar_id and self.theme.pillar_id != self.pillar_id:
            raise ValidationError({"theme": _("The theme belongs to another top level.")})

    @property
    def theme_display(self) -> str:
        """ "3. Name" of its theme, or that it has none."""
        if self.theme_id:
            return f"{self.theme.number}. {self.theme.name}"
        return str(_("no theme"))

    @property
    def pillar_display(self) -> str:
        """ "2. Name" of its pillar, or the agenda's words for a line under none."""
        if self.pillar_id:
            return f"{self.pillar.order}. {self.pillar.name}"
        return str(self.agenda.outside_top_levels)

    @property
    def place_number(self) -> str:
        """The line's number as the plan writes it, else theme and place ("4.2"), else the
        place alone."""
        if self.number:
            return self.number
        if self.theme_id:
            return f"{self.theme.number}.{self.order}"
        return str(self.order)


def lead_links(action_ids):
    """(action id, organisation id, name, abbreviation) of the leads of `action_ids`, in the
    organisations' order: the lead links the action table and the API show for a page."""
    return (
        Action.leads.through.objects.filter(action_id__in=action_ids)
        .order_by("organisation__name", "organisation_id")
        .values_list(
            "action_id", "organisation_id", "organisation__name", "organisation__abbreviation"
        )
    )
