"""Forms of the financing app: Dutch amounts, plausible years and known streams only."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from agenda.models import Action, Agenda
from common.forms import StyledFormMixin
from common.versioning import VersionedFormMixin, VersionField
from governance.models import Municipality

from .amounts import AmountError, format_dutch_amount, parse_dutch_amount
from .models import (
    AMOUNT_DIGITS,
    FIRST_PLAUSIBLE_YEAR,
    LAST_PLAUSIBLE_YEAR,
    Allocation,
    Distribution,
    FundingStream,
    YearAmount,
)
from .services import FUNDING_STREAM_KIND_FIELDS

MAX_AMOUNT_DIGITS = AMOUNT_DIGITS - 2


class DutchAmountInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, str):
            return value
        return format_dutch_amount(value)


class DutchAmountField(forms.Field):
    """An amount in euros typed the Dutch way: "1.000.000" or "1.000.000,50"."""

    widget = DutchAmountInput
    default_error_messages = {
        "invalid": _("Enter an amount in Dutch notation, for example 1.000.000 or 1.000.000,50."),
        "negative": _("An amount cannot be negative."),
        "too_large": _("This amount is too large."),
    }

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        try:
            amount = parse_dutch_amount(value)
        except AmountError as exc:
            code = str(exc) if str(exc) in ("negative", "too_large") else "invalid"
            raise ValidationError(self.error_messages[code], code=code) from exc
        if amount >= 10**MAX_AMOUNT_DIGITS:
            raise ValidationError(self.error_messages["too_large"], code="too_large")
        return amount


class YearField(forms.IntegerField):
    """A calendar year between 1900 and 2200."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"invalid": _("Enter a year, for example 2021.")})
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric"})

    def validate(self, value):
        super().validate(value)
        if value is not None and not FIRST_PLAUSIBLE_YEAR <= value <= LAST_PLAUSIBLE_YEAR:
            raise ValidationError(
                _("%(year)s is not a possible year.") % {"year": value}, code="year"
            )


def shorten(text: str, limit: int = 80) -> str:
    """The text cut at a word boundary before `limit` characters, with "…" when cut."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"


def action_label(action: Action, *, with_agenda: bool = False) -> str:
    """ "Thema 4 · actie 2: Baancoaches voor …", readable in a list of checkboxes."""
    if action.theme_id:
        label = _("Theme %(theme)s · action %(order)s: %(text)s") % {
            "theme": action.theme.number,
            "order": action.order,
            "text": shorten(action.text),
        }
    else:
        label = f"{action.place_number}: {shorten(action.text)}"
    if with_agenda:
        label = f"{label} ({action.agenda.period})"
    return label


class StreamChoiceField(forms.ModelChoiceField):
    default_error_messages = {
        "invalid_choice": _("Unknown funding stream: choose one of the list."),
    }

    def label_from_instance(self, obj):
        return str(obj)


class FundingStreamForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    stated_total = DutchAmountField(label=capfirst(_("stated total")), required=False)

    class Meta:
        model = FundingStream
        fields = [
            *FUNDING_STREAM_KIND_FIELDS,
            "financier_text",
            "description",
            "stated_total",
            "stated_total_note",
            "order",
            "agendas",
            "actions",
            "also_known_as",
            "source_note",
        ]
        widgets = {
            "agendas": forms.CheckboxSelectMultiple,
            "actions": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
            "source_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.instance.region = region
        self.fields["agendas"].queryset = Agenda.objects.filter(
            region=region
        ) | Agenda.objects.filter(municipality__region=region)
        self.fields["actions"].queryset = (
            Action.objects.filter(agenda__in=self.fields["agendas"].queryset)
            .with_related()
            .order_by("agenda", "theme__number", "order")
        )
        several_agendas = self.fields["agendas"].queryset.count() > 1
        self.fields["actions"].label_from_instance = lambda a: action_label(
            a, with_agenda=several_agendas
        )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = FundingStream.objects.filter(region=self.region, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("This region already has a funding stream with this name."))
        return name


class YearAmountForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    year = YearField(label=capfirst(_("year")))
    amount = DutchAmountField(
        label=capfirst(_("amount")),
        required=False,
        help_text=_("In euros, e.g. 1.000.000 or 1.000.000,50. Optional for a spent amount."),
    )

    class Meta:
        model = YearAmount
        fields = ["year", "kind", "amount", "note", "source_note"]
        widgets = {"source_note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, stream, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream
        self.instance.stream = stream

    def _update_errors(self, errors):
        # A refused amount (negative, wrong notation) is reported once: the model's own check
        # would add "enter the amount" for the same field, which contradicts it.
        if "amount" in self._errors and hasattr(errors, "error_dict"):
            errors.error_dict.pop("amount", None)
            if not errors.error_dict:
                return
        super()._update_errors(errors)

    def clean(self):
        cleaned = super().clean()
        year, kind, amount = cleaned.get("year"), cleaned.get("kind"), cleaned.get("amount")
        if year is not None:
            clash = YearAmount.objects.filter(stream=self.stream, year=year)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "year", _("This stream already has an amount for %(year)s.") % {"year": year}
                )
        if kind == YearAmount.Kind.AMOUNT and amount is None and "amount" not in self.errors:
            self.add_error("amount", _("Enter the amount, or choose another kind."))
        if kind in (YearAmount.Kind.UNKNOWN, YearAmount.Kind.NOT_APPLICABLE) and amount is not None:
            self.add_error(
                "amount",
                _("An amount that is not yet known or not applicable has no figure."),
            )
        return cleaned


class AllocationForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    stream = StreamChoiceField(
        label=capfirst(_("funding stream")), queryset=FundingStream.objects.none()
    )
    year = YearField(
        label=capfirst(_("year")),
        required=False,
        help_text=_("Leave empty when the documents give no year (the whole period)."),
    )
    budgeted = DutchAmountField(label=capfirst(_("budgeted")), required=False)
    realised = DutchAmountField(label=capfirst(_("realised")), required=False)

    class Meta:
        model = Allocation
        fields = [
            "stream",
            "year",
            "budgeted",
            "realised",
            "financier",
            "financier_text",
            "note",
            "realised_note",
        ]

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.instance.action = action
        self.agenda = action.agenda
        self.fields["stream"].queryset = FundingStream.objects.filter(
            region=self.agenda.owner_region
        ).order_by("order", "name")

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and year not in self.agenda.years:
            raise ValidationError(
                _("%(year)s falls outside the period of the agenda (%(period)s).")
                % {"year": year, "period": self.agenda.period}
            )
        return year

    def clean(self):
        cleaned = super().clean()
        stream, year = cleaned.get("stream"), cleaned.get("year")
        if stream is not None and "year" not in self.errors:
            clash = Allocation.objects.filter(stream=stream, action=self.action, year=year)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "year", _("This action already has an allocation of this stream for this year.")
                )
        if cleaned.get("budgeted") is None and cleaned.get("realised") is None:
            if not self.errors:
                self.add_error("budgeted", _("Enter a budgeted or a realised amount."))
        return cleaned


def _municipality_label(municipality: Municipality) -> str:
    if municipality.inhabitants:
        count = f"{municipality.inhabitants:,}".replace(",", ".")
        return _("%(name)s (%(count)s inhabitants)") % {"name": municipality.name, "count": count}
    return _("%(name)s (inhabitants unknown)") % {"name": municipality.name}


class DistributionForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    """Split an amount over municipalities; carries the version of the split it replaces."""

    def show_conflict(self, conflict):
        super().show_conflict(conflict)
        if conflict.current is not None:
            self.data["replaces"] = str(conflict.current.pk)

    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities"),
        queryset=Municipality.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one municipality.")},
    )
    rounding = forms.ChoiceField(
        label=_("Round the parts"),
        choices=Distribution.Rounding.choices,
        initial=Distribution.Rounding.CENT,
        widget=forms.RadioSelect,
        required=False,
    )
    note = forms.CharField(label=capfirst(_("note")), required=False, max_length=500)

    def clean_rounding(self):
        # Nothing chosen keeps the default: to the cent.
        return self.cleaned_data.get("rounding") or Distribution.Rounding.CENT

    def __init__(self, *args, region, existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        if existing is not None:
            # The split the form was opened on: a split made since replaces it.
            self.fields["version"] = VersionField(initial=existing.version, required=False)
            self.fields["replaces"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, initial=existing.pk
            )
        queryset = Municipality.objects.filter(region=region).select_related("subregion")
        self.fields["municipalities"].queryset = queryset
        self.fields["municipalities"].initial = list(queryset)
        self.fields["municipalities"].label_from_instance = _municipality_label


TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class InhabitantsForm(VersionedFormMixin, forms.Form):
    """The inhabitants of each municipality of a region, with their source, and the version
    of each municipality the form was opened on."""

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = list(municipalities)
        for m in self.municipalities:
            self.fields[self.version_field_name(m)] = VersionField(
                initial=m.version, required=False
            )
            self.fields[f"inhabitants_{m.pk}"] = forms.IntegerField(
                label=_("Inhabitants of %(name)s") % {"name": m.name},
                required=False,
                min_value=1,
                max_value=100_000_000,
                initial=m.inhabitants,
                widget=forms.NumberInput(attrs={"class": TEXTBOX}),
                error_messages={
                    "invalid": _("Enter a whole number of inhabitants."),
                    "min_value": _("The number of inhabitants must be at least 1."),
                },
            )
            self.fields[f"source_{m.pk}"] = forms.CharField(
                label=_("Source for %(name)s") % {"name": m.name},
                required=False,
                max_length=300,
                initial=m.inhabitants_source,
                widget=forms.TextInput(attrs={"class": TEXTBOX}),
            )

    def rows(self):
        for m in self.municipalities:
            yield m, self[f"inhabitants_{m.pk}"], self[f"source_{m.pk}"]

    def values(self):
        for m in self.municipalities:
            yield (
                m,
                self.cleaned_data.get(f"inhabitants_{m.pk}"),
                self.cleaned_data.get(f"source_{m.pk}") or "",
                self.cleaned_data.get(self.version_field_name(m)),
            )

    def version_field_name(self, obj) -> str:
        return f"version_{obj.pk}"
