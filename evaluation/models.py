"""The evaluation of an agenda's actions at the end of its period, and measurable results.

An action gets at most one evaluation (beoogd resultaat, behaald resultaat, vervolg/borging,
betrokken partijen, inzet regionale publieke middelen, extra informatie) and any number of
indicators (name, unit, baseline, target, actual value with its measurement date).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts import access
from agenda.models import Action, ActionQuerySet, Agenda, Pillar
from common import limits
from common.versioning import Versioned
from governance.models import Organisation

AMOUNT_DIGITS = 14
AMOUNT_DECIMALS = 2


class Outcome(models.TextChoices):
    COMPLETED = "afgerond", _("completed")
    CONTINUING = "loopt_door", _("continuing")
    REGULAR = "regulier", _("taken up in regular work")
    DELAYED = "vertraagd", _("delayed")
    STOPPED = "gestopt", _("stopped")
    NOT_STARTED = "niet_gestart", _("not started")


# The outcomes the evaluation reports as "delayed, stopped or not started".
SETBACK_OUTCOMES = (Outcome.DELAYED, Outcome.STOPPED, Outcome.NOT_STARTED)


class EvaluationQuerySet(models.QuerySet):
    def in_agenda(self, agenda: Agenda):
        return self.filter(action__agenda=agenda)

    def visible_to(self, user):
        """Evaluations follow their agenda: public once it is adopted."""
        if user is not None and user.is_authenticated:
            return self
        return self.filter(action__agenda__state__in=Agenda.PUBLIC_STATES)

    def in_evaluation_order(self):
        return self.order_by("number", "pk")

    def outcome_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(Outcome.values, 0)
        for row in self.order_by().values("outcome").annotate(n=models.Count("pk")):
            counts[row["outcome"]] = row["n"]
        return counts


class Evaluation(Versioned):
    """How one action turned out, as the evaluation of its agenda writes it."""

    action = models.OneToOneField(
        Action, on_delete=models.CASCADE, related_name="evaluation", verbose_name=_("action")
    )
    pillar = models.ForeignKey(
        Pillar,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluations",
        verbose_name=_("evaluated under pillar"),
        help_text=_(
            "The pillar under which the evaluation lists this activity; empty: the action's own "
            "pillar, or none for a line of the agenda as a whole."
        ),
    )
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("Position of the activity in the evaluation.")
    )
    title = models.CharField(_("title as evaluated"), max_length=300)
    action_text = limits.LimitedTextField(_("action as evaluated"), max_length=limits.TEXT)
    intended_result = limits.LimitedTextField(
        _("intended result"), blank=True, max_length=limits.LONG_TEXT
    )
    achieved_result = limits.LimitedTextField(
        _("achieved result"), blank=True, max_length=limits.LONG_TEXT
    )
    follow_up = limits.LimitedTextField(
        _("follow-up and safeguarding"), blank=True, max_length=limits.LONG_TEXT
    )
    parties = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="evaluations",
        verbose_name=_("involved organisations"),
    )
    parties_text = limits.LimitedTextField(
        _("involved parties as written"), blank=True, max_length=limits.SHORT_TEXT
    )
    funds_text = limits.LimitedTextField(
        _("regional public funds used, as written"), blank=True, max_length=limits.TEXT
    )
    extra_info = limits.LimitedTextField(
        _("extra information and links"),
        blank=True,
        help_text=_("Web addresses in this text are shown as links."),
        max_length=limits.TEXT,
    )
    evaluated_on = models.DateField(_("evaluation date"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    outcome_note = limits.LimitedTextField(
        _("how the outcome was determined"), blank=True, max_length=limits.TEXT
    )
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[parties])
    objects = EvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["number", "pk"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["pillar", "number"],
                name="evaluation_unique_number",
                violation_error_message=_(
                    "This top level already has an evaluation with this number."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.action.get_absolute_url() + "#evaluatie"

    def clean(self):
        if self.pillar_id and self.action_id and self.pillar.agenda_id != self.action.agenda.pk:
            raise ValidationError(
                {"pillar": _("The pillar belongs to another agenda than the action.")}
            )
        if (
            self.action_id
            and self.number is not None
            and not (self.pillar_id or self.action.pillar_id)
        ):
            # Under no pillar the database's unique number (per pillar) cannot see a clash.
            clash = Evaluation.objects.filter(
                action__agenda_id=self.action.agenda_id,
                pillar__isnull=True,
                action__pillar__isnull=True,
                number=self.number,
            ).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {
                        "number": _(
                            "An evaluation of a line under no pillar already has this number."
                        )
                    }
                )

    @property
    def is_setback(self) -> bool:
        return self.outcome in SETBACK_OUTCOMES

    @property
    def funds_total(self):
        amounts = [fund.amount for fund in self.funds.all()]
        return sum(amounts) if amounts else None


class EvaluationFund(models.Model):
    """An amount of regional public funds an evaluated activity used, read from its text."""

    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="funds", verbose_name=_("evaluation")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    amount = models.DecimalField(
        _("amount"), max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_DECIMALS
    )
    stream_text = models.CharField(_("funding stream as written"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    note = limits.LimitedTextField(_("note"), blank=True, max_length=limits.TEXT)

    history = HistoricalRecords()

    class Meta:
        ordering = ["evaluation", "order"]
        verbose_name = _("amount of funds used")
        verbose_name_plural = _("amounts of funds used")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "order"],
                name="evaluationfund_unique",
                violation_error_message=_("This evaluation already has a fund at this place."),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="evaluationfund_amount_gte_0",
                violation_error_message=_("An amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1900, year__lte=2200),
                name="evaluationfund_year_plausible",
                violation_error_message=_("This is not a possible year."),
            ),
        ]

    def __str__(self):
        return f"{self.amount} {self.stream_text}".strip()


class IndicatorQuerySet(access.AgendaOwnedQuerySet):
    """Indicators follow their action: public once its agenda is adopted; the coordinators of
    the agenda's region change and delete them."""

    agenda_field = "action__agenda"

    def visible_to(self, user):
        if user is not None and user.is_authenticated:
            return self
        return self.filter(action__agenda__state__in=Agenda.PUBLIC_STATES)


class EvaluatedActionQuerySet(access.AgendaOwnedQuerySet, ActionQuerySet):
    """Actions as their evaluation sees them: `editable_by` gives those whose evaluation and
    indicators the user may write, the actions of the agendas of the region they coordinate
    (partners who lead an action do not evaluate it)."""


def evaluated_actions() -> EvaluatedActionQuerySet:
    return EvaluatedActionQuerySet(Action)


class Indicator(Versioned):
    """A measurable result of an action: what is counted, from where to where, and how."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("action")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(
        _("unit"),
        max_length=60,
        blank=True,
        help_text=_("What is counted: deelnemers, trajecten, %, ..."),
    )
    baseline = models.DecimalField(
        _("baseline"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=AMOUNT_DECIMALS,
        null=True,
        blank=True,
    )
    target = models.DecimalField(
        _("target"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=AMOUNT_DECIMALS,
        null=True,
        blank=True,
    )
    actual = models.DecimalField(
        _("actual value"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=AMOUNT_DECIMALS,
        null=True,
        blank=True,
    )
    measured_on = models.DateField(_("measured on"), null=True, blank=True)
    method = limits.LimitedTextField(_("how it is measured"), blank=True, max_length=limits.TEXT)
    source_note = limits.LimitedTextField(_("source"), blank=True, max_length=limits.TEXT)

    history = HistoricalRecords()
    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["action", "order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=Q(target__isnull=True) | ~Q(unit=""),
                name="indicator_target_needs_unit",
                violation_error_message=_("A target needs a unit."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.target is not None and not (self.unit or "").strip():
            errors["unit"] = _("A target needs a unit: say what is counted.")
        if self.actual is not None and self.measured_on is None:
            errors["measured_on"] = _("Give the date on which the actual value was measured.")
        if errors:
            raise ValidationError(errors)

    @property
    def progress_percent(self) -> int | None:
        """How far the actual value is from the baseline towards the target, in percent."""
        if self.target is None or self.actual is None:
            return None
        start = self.baseline or 0
        span = self.target - start
        if span == 0:
            return 100 if self.actual >= self.target else 0
        return int(round((self.actual - start) / span * 100))
