"""The consultative bodies (overleggen) of a region, their members and the decision routes of
the agendas (Behandeling).

The tables keep the names they had when these models lived in the governance app.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from simple_history.models import HistoricalRecords

from accounts import access
from common import limits
from common.pdf import dutch_date
from common.versioning import Versioned
from governance.models import Organisation, Region


class _HistoricalRecords(HistoricalRecords):
    """History that keeps its tables' old names, the histories of many-to-many fields too."""

    def get_meta_options_m2m(self, through_model):
        options = super().get_meta_options_m2m(through_model)
        options["db_table"] = "governance_historical" + through_model._meta.db_table.removeprefix(
            "governance_"
        )
        return options


# --- Consultative bodies (overleggen), their members and the decision route ---------------
#
# Privacy (AVG): the names of public office-holders and representatives are public, as in the
# council's own annex; everybody else's name is shown to logged-in users only. The rule the
# portal follows, per level of the regional structure:
#
# * bestuurlijk: everyone who sits in the body (wethouders, bestuurders, directors who represent
#   their organisation, and the body's secretary as its official contact point) is public;
# * tactisch en uitvoerend: civil servants and staff, not public;
# * overige overleggen: public for the administrative ones (a "Bestuurlijk Overleg" or a
#   "Stuurgroep" of directors), not public for directors' meetings and working groups of staff.
#
# The rule is applied when a person is entered (`Person.is_public`); a member's name is never
# copied into the membership, so removing a person removes the name everywhere.


class BodyQuerySet(models.QuerySet):
    def in_region(self, region):
        return self.filter(region=region)

    def in_print_order(self):
        return self.order_by("region", "level_order", "order", "name")

    def editable_by(self, user):
        return access.coordinated(self, user)

    def deletable_by(self, user):
        return self.editable_by(user)


class Body(Versioned):
    """A consultative body (overleg, gremium) of a region's working structure (Bijlage 2)."""

    class Level(models.TextChoices):
        ADMINISTRATIVE = "bestuurlijk", _("administrative (bestuurlijk)")
        TACTICAL = "tactisch_en_uitvoerend", _("tactical and operational")
        OTHER = "overig", _("other bodies")

    LEVEL_ORDER = {Level.ADMINISTRATIVE: 1, Level.TACTICAL: 2, Level.OTHER: 3}

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="bodies", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=300)
    abbreviation = models.CharField(_("abbreviation"), max_length=40, blank=True)
    level = models.CharField(_("level"), max_length=30, choices=Level.choices)
    level_order = models.PositiveSmallIntegerField(_("level order"), default=1, editable=False)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position within its level in the overview.")
    )
    reach = models.CharField(
        _("reach"), max_length=300, blank=True, help_text=_("The area it covers, as written.")
    )
    remit = limits.LimitedTextField(
        _("themes"), blank=True, help_text=_("Its remit, as written."), max_length=limits.TEXT
    )
    is_decision_making = models.BooleanField(_("decision-making"), default=False)
    is_advisory = models.BooleanField(_("advisory"), default=False)
    is_exploratory = models.BooleanField(_("exploratory and informing"), default=False)
    is_policy_making = models.BooleanField(_("policy-making"), default=False)
    agendas = models.ManyToManyField(
        "agenda.Agenda",
        blank=True,
        related_name="bodies",
        verbose_name=_("agendas"),
        help_text=_("The agendas whose overview of bodies (Bijlage 2) lists this body."),
    )
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)

    history = _HistoricalRecords(table_name="governance_historicalbody", m2m_fields=[agendas])
    objects = BodyQuerySet.as_manager()

    class Meta:
        db_table = "governance_body"
        ordering = ["region", "level_order", "order", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"],
                name="body_unique_name",
                violation_error_message=_("This region already has a body with this name."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.level_order = self.LEVEL_ORDER.get(self.level, 9)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("bodies:body_detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        """The name as the overview prints it: "Regionaal Werkbedrijf (RWB)"."""
        if self.abbreviation and f"({self.abbreviation})" not in self.name:
            return f"{self.name} ({self.abbreviation})"
        return self.name

    @property
    def kinds(self) -> list[str]:
        """The kinds of body it is, in words (besluitvormend, adviserend, ...)."""
        pairs = [
            (self.is_decision_making, "is_decision_making"),
            (self.is_advisory, "is_advisory"),
            (self.is_exploratory, "is_exploratory"),
            (self.is_policy_making, "is_policy_making"),
        ]
        return [str(self._meta.get_field(name).verbose_name) for on, name in pairs if on]


class BodyPillar(models.Model):
    """A pillar a body covers: certainly (x) or perhaps (?)."""

    class Certainty(models.TextChoices):
        CERTAIN = "certain", _("covered (x)")
        UNCERTAIN = "uncertain", _("uncertain (?)")

    MARKS = {Certainty.CERTAIN: "x", Certainty.UNCERTAIN: "?"}

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="body_pillars", verbose_name=_("body")
    )
    pillar = models.ForeignKey(
        "agenda.Pillar",
        on_delete=models.CASCADE,
        related_name="body_pillars",
        verbose_name=_("pillar"),
    )
    certainty = models.CharField(
        _("certainty"), max_length=20, choices=Certainty.choices, default=Certainty.CERTAIN
    )
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)

    history = _HistoricalRecords(table_name="governance_historicalbodypillar")

    class Meta:
        db_table = "governance_bodypillar"
        ordering = ["body", "pillar__agenda", "pillar__order"]
        verbose_name = _("pillar of a body")
        verbose_name_plural = _("pillars of bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "pillar"],
                name="bodypillar_unique",
                violation_error_message=_("This body already has a mark for this top level."),
            ),
        ]

    def __str__(self):
        return f"{self.body}: {self.pillar} ({self.mark})"

    @property
    def mark(self) -> str:
        return self.MARKS.get(self.certainty, "")


class PersonQuerySet(access.RegionOwnedQuerySet):
    """The people of a region: its coordinators keep them, also before it has a body."""


class Person(Versioned):
    """Someone who sits in a body. Personal data: see the privacy rule above."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="people", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    is_public = models.BooleanField(
        _("public office-holder or representative"),
        default=False,
        help_text=_(
            "Tick for members of administrative bodies (wethouders, bestuurders, directors "
            "representing their organisation, the body's secretary): their name is public. "
            "Civil servants and staff in tactical bodies are shown to logged-in users only."
        ),
    )
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)

    history = _HistoricalRecords(table_name="governance_historicalperson")
    objects = PersonQuerySet.as_manager()

    class Meta:
        db_table = "governance_person"
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("bodies:person_detail", args=[self.pk])


class PersonAlias(models.Model):
    """Another spelling of a person's name, as a source writes it ("Sjaak Struijf")."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("person")
    )
    name = models.CharField(_("spelling"), max_length=200)

    history = _HistoricalRecords(table_name="governance_historicalpersonalias")

    class Meta:
        db_table = "governance_personalias"
        ordering = ["person", "name"]
        verbose_name = _("other spelling of a name")
        verbose_name_plural = _("other spellings of names")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "name"],
                name="personalias_unique",
                violation_error_message=_("This person already has this spelling."),
            ),
        ]

    def __str__(self):
        return self.name


class MembershipQuerySet(access.RegionOwnedQuerySet):
    region_field = "body__region"


class Membership(Versioned):
    """A seat in a body: a person, an organisation's seat ("naam volgt"), or a removed person.

    The overview prints every seat as the source writes it, from these fields only:
    the name (or the seat), then in parentheses the role (vz, secr), the affiliation as written
    and the note ("?"); seats are joined by `joiner`, consecutive prospective seats share one
    pair of parentheses, and `trailing_text` keeps stray punctuation of the source.
    """

    class Side(models.TextChoices):
        MUNICIPALITIES = "gemeenten", _("municipalities")
        OTHERS = "andere", _("other parties")

    class Role(models.TextChoices):
        CHAIR = "voorzitter", _("chair")
        SECRETARY = "secretaris", _("secretary")
        MEMBER = "lid", _("member")

    class Joiner(models.TextChoices):
        COMMA = "comma", _("comma (, )")
        AND = "and", _("'en'")
        SENTENCE = "sentence", _("full stop (. )")
        SPACE = "space", _("space only")

    JOINER_TEXT = {Joiner.COMMA: ", ", Joiner.AND: " en ", Joiner.SENTENCE: ". ", Joiner.SPACE: " "}

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("person"),
    )
    alias = models.ForeignKey(
        PersonAlias,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("spelling used"),
        help_text=_("Leave empty to print the person's name."),
    )
    person_removed = models.BooleanField(_("person removed"), default=False, editable=False)
    seat_label = models.CharField(
        _("organisation seat"),
        max_length=500,
        blank=True,
        help_text=_("For a seat without a person: 'naam volgt', 'Team Economie en Toerisme'."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation represented"),
    )
    side = models.CharField(_("side"), max_length=20, choices=Side.choices)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    affiliation = models.CharField(
        _("affiliation as written"),
        max_length=200,
        blank=True,
        help_text=_("Printed in parentheses: 'UWV', 'Heemstede', 'Projectleider Arbeidsmarkt'."),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("Printed in parentheses, e.g. '?'.")
    )
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    joiner = models.CharField(
        _("joined to the previous seat by"),
        max_length=20,
        choices=Joiner.choices,
        default=Joiner.COMMA,
    )
    is_prospective = models.BooleanField(
        _("prospective"),
        default=False,
        help_text=_("Joins when the body is extended; printed in parentheses."),
    )
    trailing_text = models.CharField(
        _("punctuation after the seat"),
        max_length=5,
        blank=True,
        help_text=_("Stray punctuation kept from the source, such as ')'."),
    )
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)

    history = _HistoricalRecords(table_name="governance_historicalmembership")
    objects = MembershipQuerySet.as_manager()

    class Meta:
        db_table = "governance_membership"
        ordering = ["body", "side", "order", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(person__isnull=False, person_removed=False, seat_label="")
                    | Q(person__isnull=True, person_removed=True, seat_label="")
                    | (Q(person__isnull=True, person_removed=False) & ~Q(seat_label=""))
                ),
                name="membership_person_or_seat",
                violation_error_message=_("Give a person or an organisation seat."),
            ),
            models.CheckConstraint(
                condition=Q(since__isnull=True) | Q(until__isnull=True) | Q(until__gte=F("since")),
                name="membership_until_after_since",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(alias__isnull=True) | Q(person__isnull=False),
                name="membership_alias_needs_person",
                violation_error_message=_("A spelling belongs to a person: choose the person too."),
            ),
            models.UniqueConstraint(
                fields=["body"],
                condition=Q(role="voorzitter", until__isnull=True),
                name="membership_one_current_chair",
                violation_error_message=_("This body already has a current chair."),
            ),
            models.UniqueConstraint(
                fields=["body", "side", "order"],
                name="membership_unique_order",
                violation_error_message=_(
                    "This body already has a seat at this place on this side."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.body}: {self.display(show_private=False)}"

    def clean(self):
        errors = {}
        if self.person_id and self.seat_label:
            errors["seat_label"] = _("Give either a person or an organisation seat, not both.")
        if not self.person_id and not self.seat_label and not self.person_removed:
            errors["person"] = _("Give a person or an organisation seat.")
        if self.alias_id and self.alias.person_id != self.person_id:
            errors["alias"] = _("This spelling belongs to another person.")
        if self.since and self.until and self.until < self.since:
            errors["until"] = _("The end date cannot be before the start date.")
        if self.trailing_text and any(ch.isalnum() for ch in self.trailing_text):
            errors["trailing_text"] = _("Only punctuation and spaces are allowed here.")
        if self.person_id and self.body_id and self.person.region_id != self.body.region_id:
            errors["person"] = _("This person belongs to another region.")
        if errors:
            raise ValidationError(errors)

    @property
    def role_abbreviation(self) -> str:
        if self.role == self.Role.CHAIR:
            return pgettext("abbreviation of chair", "ch.")
        if self.role == self.Role.SECRETARY:
            return pgettext("abbreviation of secretary", "sec.")
        return ""

    def name_shown(self, *, show_private: bool) -> str:
        """The name as the viewer may see it."""
        if self.person_removed:
            return str(_("deleted person"))
        if self.person_id is None:
            return self.seat_label
        if self.person.is_public or show_private:
            return self.alias.name if self.alias_id else self.person.name
        return str(_("name withheld"))

    def display(self, *, show_private: bool) -> str:
        """The seat as printed: "Floor Roduner (vz)", "Rob van Hooven (UWV)"."""
        name = self.name_shown(show_private=show_private)
        extras = [self.role_abbreviation, self.affiliation, self.note]
        hidden = self.person_id and not (self.person.is_public or show_private)
        if hidden and not self.affiliation:
            organisation = self.organisation or self.person.organisation
            if organisation is not None:
                extras.insert(1, organisation.short_name)
        extras = [e for e in extras if e]
        text = f"{name} ({', '.join(extras)})" if extras else name
        return text + self.trailing_text

    def holds_seat_on(self, day) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or self.until >= day
        )


def members_as_written(memberships, *, show_private: bool) -> str:
    """The seats of one cell of the overview, joined as the source writes them."""
    seats = list(memberships)
    text = ""
    for index, seat in enumerate(seats):
        if index:
            text += Membership.JOINER_TEXT.get(seat.joiner, ", ")
        previous = seats[index - 1] if index else None
        following = seats[index + 1] if index + 1 < len(seats) else None
        if seat.is_prospective and not (previous and previous.is_prospective):
            text += "("
        text += seat.display(show_private=show_private)
        if seat.is_prospective and not (following and following.is_prospective):
            text += ")"
    return text


class DecisionStepQuerySet(access.AgendaOwnedQuerySet):
    pass


class DecisionStep(Versioned):
    """One step of an agenda's decision route (Behandeling)."""

    class Purpose(models.TextChoices):
        ADVISE = "adviseren", _("advise")
        DISCUSS = "bespreken", _("discuss")
        ADOPT = "vaststellen", _("adopt")
        NOTE = "kennisnemen", _("take note")
        MOTION = "motie", _("motion adopted")

    agenda = models.ForeignKey(
        "agenda.Agenda",
        on_delete=models.CASCADE,
        related_name="decision_steps",
        verbose_name=_("agenda"),
    )
    order = models.PositiveSmallIntegerField(_("order"))
    date_text = models.CharField(
        _("date as written"),
        max_length=100,
        blank=True,
        help_text=_("As the source writes it: 'najaar 2019', 'juli of september', '12 juli'."),
    )
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("The exact date, or the first day of a period; used for sorting."),
    )
    date_until = models.DateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("For a period ('najaar 2019'): its last day."),
    )
    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision_steps",
        verbose_name=_("body"),
    )
    body_text = models.CharField(
        _("other body"),
        max_length=200,
        blank=True,
        help_text=_("When it is not a body of the overview: 'college', 'commissie Samenleving'."),
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    conclusion = limits.LimitedTextField(_("conclusion"), blank=True, max_length=limits.TEXT)
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)

    history = _HistoricalRecords(table_name="governance_historicaldecisionstep")
    objects = DecisionStepQuerySet.as_manager()

    class Meta:
        db_table = "governance_decisionstep"
        ordering = ["agenda", "order"]
        verbose_name = _("decision step")
        verbose_name_plural = _("decision steps")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "order"],
                name="decisionstep_unique_order",
                violation_error_message=_("The route already has a step with this number."),
            ),
            models.CheckConstraint(
                condition=(
                    (Q(body__isnull=False) & Q(body_text=""))
                    | (Q(body__isnull=True) & ~Q(body_text=""))
                ),
                name="decisionstep_body_xor_text",
                violation_error_message=_("Choose a body or type one, not both."),
            ),
            models.CheckConstraint(
                condition=Q(date_until__isnull=True)
                | (Q(date__isnull=False) & Q(date_until__gte=F("date"))),
                name="decisionstep_period_in_order",
                violation_error_message=_("The end of the period cannot be before its start."),
            ),
        ]

    def __str__(self):
        return f"{self.agenda}: {self.body_name} ({self.get_purpose_display()})"

    def clean(self):
        errors = {}
        if self.body_id and self.body_text:
            errors["body_text"] = _("Choose a body or type one, not both.")
        if not self.body_id and not self.body_text.strip():
            errors["body"] = _("Choose a body or type one.")
        if self.date_until and not self.date:
            errors["date"] = _("Give the first day of the period as well.")
        elif self.date_until and self.date and self.date_until < self.date:
            errors["date_until"] = _("The end of the period cannot be before its start.")
        if errors:
            raise ValidationError(errors)

    @property
    def body_name(self) -> str:
        return self.body.name if self.body_id else self.body_text

    @property
    def date_display(self) -> str:
        """The date as the source writes it, else the exact date or period in Dutch."""
        if self.date_text:
            return self.date_text
        if self.date is None:
            return ""
        if self.date_until and self.date_until != self.date:
            return f"{dutch_date(self.date)} – {dutch_date(self.date_until)}"
        return dutch_date(self.date)


class ConsultationInputQuerySet(access.AgendaOwnedQuerySet):
    pass


class ConsultationInput(Versioned):
    """A partner's written input on an agenda and how it was handled (the matrix)."""

    agenda = models.ForeignKey(
        "agenda.Agenda",
        on_delete=models.CASCADE,
        related_name="consultation_inputs",
        verbose_name=_("agenda"),
    )
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    partner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="consultation_inputs",
        verbose_name=_("partner"),
    )
    input_text = limits.LimitedTextField(_("input"), max_length=limits.LONG_TEXT)
    response_text = limits.LimitedTextField(_("response"), blank=True, max_length=limits.LONG_TEXT)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)

    history = _HistoricalRecords(table_name="governance_historicalconsultationinput")
    objects = ConsultationInputQuerySet.as_manager()

    class Meta:
        db_table = "governance_consultationinput"
        ordering = ["agenda", "round", "order", "pk"]
        verbose_name = _("consultation input")
        verbose_name_plural = _("consultation inputs")
        constraints = [
            models.CheckConstraint(
                condition=Q(round__gte=1),
                name="consultation_round_positive",
                violation_error_message=_("A round is numbered 1 or higher."),
            ),
        ]

    def __str__(self):
        return f"{self.partner} ({self.round})"
