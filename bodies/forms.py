"""Forms coordinators use to keep the bodies, their seats, people and decision routes current."""

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from accounts.access import COORDINATOR, has_role, user_region
from agenda.models import Agenda
from common.forms import StyledFormMixin
from common.versioning import VersionedFormMixin
from governance.models import Organisation, Region

from .models import (
    Body,
    BodyPillar,
    ConsultationInput,
    DecisionStep,
    Membership,
    Person,
    PersonAlias,
)
from .services import BODY_REMIT_FIELDS


def coordinated_regions(user):
    """The regions the user may edit bodies and people of."""
    if user.is_superuser:
        return Region.objects.all()
    region = user_region(user)
    if region is None or not has_role(user, COORDINATOR):
        return Region.objects.none()
    return Region.objects.filter(pk=region.pk)


def offer_coordinated_regions(field, user):
    """Offer only the user's coordinated regions in `field`, chosen already when there is one."""
    regions = coordinated_regions(user)
    field.queryset = regions
    if regions.count() == 1:
        field.initial = regions.first()
    return regions


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class BodyForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Body
        fields = [
            "region",
            "name",
            "abbreviation",
            "level",
            "order",
            *BODY_REMIT_FIELDS,
            "source_note",
        ]
        widgets = {
            "agendas": forms.CheckboxSelectMultiple,
            "remit": forms.Textarea(attrs={"rows": 3}),
            "source_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        regions = offer_coordinated_regions(self.fields["region"], user)
        self.fields["agendas"].queryset = Agenda.objects.filter(region__in=regions) | (
            Agenda.objects.filter(municipality__region__in=regions)
        )


class BodyPillarsForm(forms.Form):
    """One choice per pillar of the body's agendas: not covered, covered (x), uncertain (?)."""

    CHOICES = [("", _("not covered")), *BodyPillar.Certainty.choices]

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        current = {bp.pillar_id: bp.certainty for bp in body.body_pillars.all()}
        self.pillars = {}
        for agenda in body.agendas.all():
            for pillar in agenda.pillars.all():
                name = f"pillar_{pillar.pk}"
                self.pillars[name] = pillar
                self.fields[name] = forms.ChoiceField(
                    label=f"{agenda.title}: {pillar.order}. {pillar.name}",
                    choices=self.CHOICES,
                    required=False,
                    initial=current.get(pillar.pk, ""),
                    widget=forms.Select(
                        attrs={"class": "utrecht-select utrecht-select--html-select"}
                    ),
                )

    def marks(self):
        return {pillar: self.cleaned_data.get(name) or "" for name, pillar in self.pillars.items()}


class MembershipForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = [
            "side",
            "order",
            "person",
            "alias",
            "seat_label",
            "organisation",
            "role",
            "affiliation",
            "note",
            "since",
            "until",
            "joiner",
            "is_prospective",
            "trailing_text",
            "source_note",
        ]
        widgets = {
            "since": DateInput(),
            "until": DateInput(),
            "source_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.body = body
        self.fields["person"].queryset = Person.objects.filter(region=body.region)
        self.fields["alias"].queryset = PersonAlias.objects.filter(person__region=body.region)
        self.fields["organisation"].queryset = Organisation.objects.all()


class PersonForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    other_spellings = forms.CharField(
        label=_("Other spellings of the name"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line, as sources write the name ('Sjaak Struijf')."),
    )

    class Meta:
        model = Person
        fields = ["region", "name", "organisation", "is_public", "source_note"]
        widgets = {"source_note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_coordinated_regions(self.fields["region"], user)
        if self.instance.pk:
            self.fields["other_spellings"].initial = "\n".join(
                self.instance.aliases.values_list("name", flat=True)
            )

    def clean_other_spellings(self):
        spellings = []
        for line in (self.cleaned_data.get("other_spellings") or "").splitlines():
            line = " ".join(line.split())
            if len(line) > 200:
                raise forms.ValidationError(_("A spelling is at most 200 characters long."))
            if line and line not in spellings:
                spellings.append(line)
        return spellings


class DecisionStepForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = DecisionStep
        fields = [
            "order",
            "date_text",
            "date",
            "date_until",
            "body",
            "body_text",
            "purpose",
            "conclusion",
            "source_note",
        ]
        widgets = {
            "date": DateInput(),
            "date_until": DateInput(),
            "conclusion": forms.Textarea(attrs={"rows": 3}),
            "source_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, agenda: Agenda, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agenda = agenda
        self.fields["body"].queryset = Body.objects.filter(region=agenda.owner_region)
        self.fields["order"].required = False
        self.fields["order"].help_text = _("Leave empty to add the step at the end.")

    def clean_body_text(self):
        return (self.cleaned_data.get("body_text") or "").strip()

    def _post_clean(self):
        # A new step without an order goes at the end; the model requires one.
        if self.instance.pk is None and self.cleaned_data.get("order") is None:
            existing = self.instance.agenda.decision_steps.values_list("order", flat=True)
            self.cleaned_data["order"] = max(existing, default=0) + 1
        elif self.instance.pk and self.cleaned_data.get("order") is None:
            self.cleaned_data["order"] = self.instance.order
        super()._post_clean()


class ConsultationInputForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ConsultationInput
        fields = ["round", "partner", "order", "input_text", "response_text", "source_note"]
        widgets = {
            "input_text": forms.Textarea(attrs={"rows": 4}),
            "response_text": forms.Textarea(attrs={"rows": 4}),
            "source_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, agenda: Agenda, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agenda = agenda
        self.fields["order"].label = _("Point number")
        self.fields["order"].help_text = _("The number replies refer to ('zie punt 3').")
        self.fields["round"].validators.append(
            MinValueValidator(1, _("A round is numbered 1 or higher."))
        )
