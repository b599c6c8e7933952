from django import forms

from agenda.models import Agenda, Pillar
from common.forms import StyledFormMixin
from common.versioning import VersionedFormMixin
from governance.models import Organisation

from .models import Evaluation, Indicator
from .services import EVALUATION_FIELDS


class EvaluationForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = EVALUATION_FIELDS
        widgets = {
            "evaluated_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "parties": forms.CheckboxSelectMultiple,
            "action_text": forms.Textarea(attrs={"rows": 3}),
            "intended_result": forms.Textarea(attrs={"rows": 4}),
            "achieved_result": forms.Textarea(attrs={"rows": 6}),
            "follow_up": forms.Textarea(attrs={"rows": 4}),
            "parties_text": forms.Textarea(attrs={"rows": 2}),
            "funds_text": forms.Textarea(attrs={"rows": 2}),
            "extra_info": forms.Textarea(attrs={"rows": 3}),
            "outcome_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, agenda: Agenda, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pillar"].queryset = Pillar.objects.filter(agenda=agenda)
        self.fields["pillar"].empty_label = str(agenda.outside_top_levels)
        self.fields["parties"].queryset = Organisation.objects.order_by("name")


class IndicatorForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "target", "actual", "measured_on", "method"]
        widgets = {
            "measured_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "method": forms.Textarea(attrs={"rows": 3}),
        }
