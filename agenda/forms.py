"""Forms for keeping an agenda current in the browser.

The forms only clean input; agenda/services.py checks who may change what and saves.
Edit forms of actions carry the `version` they were opened on (optimistic concurrency).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import StyledFormMixin
from common.versioning import VersionedFormMixin, VersionField
from governance.models import Municipality, Organisation

from .models import Action, Agenda, Pillar, Scope, Status, Theme
from .services import (
    ACTION_PROGRESS_FIELDS,
    AGENDA_FIELDS,
    PARTNER_ACTION_FIELDS,
    PILLAR_FIELDS,
    THEME_FIELDS,
)


def _order_help(level: str) -> str:
    return _("Leave empty to place it after the last %(level)s.") % {"level": level}


class ActionForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    """Every field of an action, for coordinators of the agenda's region."""

    version = VersionField(required=False)

    class Meta:
        model = Action
        fields = [
            "pillar",
            "theme",
            "order",
            "number",
            "short_title",
            "text",
            "target_group_text",
            *ACTION_PROGRESS_FIELDS,
            "internal_note",
            "added_later",
        ]
        widgets = {
            "leads": forms.CheckboxSelectMultiple,
            "text": forms.Textarea(attrs={"rows": 4}),
            "target_group_text": forms.Textarea(attrs={"rows": 2}),
            "lead_text": forms.Textarea(attrs={"rows": 2}),
            "financing_text": forms.Textarea(attrs={"rows": 2}),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, agenda: Agenda, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(agenda=agenda).select_related("pillar")
        self.fields["theme"].help_text = _(
            "Empty for a line without a theme, directly under its %(label)s or under the agenda."
        ) % {"label": agenda.top_level_label}
        self.fields["pillar"].queryset = agenda.pillars.order_by("order")
        self.fields["pillar"].label = agenda.top_level_label.capitalize()
        self.fields["pillar"].label_from_instance = lambda p: f"{p.order}. {p.name}"
        self.fields["pillar"].empty_label = str(agenda.outside_top_levels)
        self.fields["pillar"].help_text = _(
            "Only for a line without a theme; a line under a theme sits under the theme's "
            "%(label)s."
        ) % {"label": agenda.top_level_label}
        self.fields["scope"].queryset = Scope.objects.filter(region=agenda.owner_region)
        self.fields["status"].queryset = Status.objects.all()
        self.fields["leads"].queryset = Organisation.objects.all()
        self.fields["order"].required = False
        self.fields["order"].help_text = _order_help(_("action at the same level"))
        self.fields["version"].required = editing
        if not editing:
            del self.fields["version"]


class PartnerActionForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    """What a partner editor may change of an action their organisation leads: no leads, no
    place in the agenda."""

    version = VersionField()

    class Meta:
        model = Action
        fields = sorted(PARTNER_ACTION_FIELDS, key=ActionForm.Meta.fields.index)
        widgets = ActionForm.Meta.widgets

    def __init__(self, *args, **kwargs):
        kwargs.pop("agenda", None)
        kwargs.pop("editing", None)
        super().__init__(*args, **kwargs)
        self.fields["status"].queryset = Status.objects.all()


class StatusForm(StyledFormMixin, forms.Form):
    """The quick status change on the action page."""

    status = forms.ModelChoiceField(
        label=_("New status"),
        queryset=Status.objects.all(),
        error_messages={
            "required": _("Choose a status."),
            "invalid_choice": _("Choose one of the statuses in the list."),
        },
    )
    version = VersionField()


class PillarForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Pillar
        fields = list(PILLAR_FIELDS)
        widgets = {"intro": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, agenda: Agenda, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agenda = agenda
        self.fields["order"].required = False
        self.fields["order"].help_text = _order_help(agenda.top_level_label)
        self.agenda = agenda

    def clean(self):
        """Say a clash in the agenda's own word (actielijn, spoor) before the database would."""
        cleaned = super().clean()
        others = Pillar.objects.filter(agenda=self.agenda).exclude(pk=self.instance.pk)
        label = self.agenda.top_level_label
        order, name = cleaned.get("order"), cleaned.get("name")
        if order is not None and others.filter(order=order).exists():
            self.add_error(
                "order",
                _("This agenda already has a %(label)s with number %(number)s.")
                % {"label": label, "number": order},
            )
        if name and others.filter(name=name).exists():
            self.add_error(
                "name",
                _("This agenda already has a %(label)s with this name.") % {"label": label},
            )
        return cleaned


class ThemeForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Theme
        fields = list(THEME_FIELDS)
        widgets = {
            "target_group": forms.Textarea(attrs={"rows": 2}),
            "narrative": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, agenda: Agenda, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agenda = agenda
        self.fields["pillar"].queryset = agenda.pillars.all()
        self.fields["pillar"].label = agenda.top_level_label.capitalize()
        self.fields["number"].required = False
        self.fields["number"].help_text = _(
            "Theme numbers run across the whole agenda. Leave empty for the next free number."
        )


class AgendaForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    """A coordinator's agenda: for their region, or a local addendum of one municipality."""

    class Meta:
        model = Agenda
        fields = list(AGENDA_FIELDS)
        widgets = {
            "adopted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "document_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        # Publishing, adopting and closing are acts of their own, each confirmed first.
        for name in ("state", "adopted_on"):
            self.fields.pop(name, None)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _(
            "The last part of the agenda's web address. Leave empty to make it from the title."
        )
        self.fields["municipality"].queryset = Municipality.objects.filter(region=region)
        self.fields["municipality"].help_text = _(
            "Only for a local agenda or addendum of one municipality; leave empty for an "
            "agenda of the whole region."
        )
        predecessors = Agenda.objects.filter(region=region) | Agenda.objects.filter(
            municipality__region=region
        )
        if self.instance.pk:
            predecessors = predecessors.exclude(pk=self.instance.pk)
        self.fields["predecessor"].queryset = predecessors
        # The region is set by the service; the form only checks the rest.
        if not self.instance.pk:
            self.instance.region = region

    def _post_clean(self):
        municipality = self.cleaned_data.get("municipality")
        self.instance.region = None if municipality else self.region
        super()._post_clean()

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug and Agenda.objects.exclude(pk=self.instance.pk).filter(slug=slug).exists():
            raise forms.ValidationError(_("Another agenda already uses this web address."))
        return slug
