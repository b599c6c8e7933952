"""Forms for keeping an agenda current in the browser.

The forms only clean input; agenda/services.py checks who may change what and saves.
Edit forms of actions carry the `version` they were opened on (optimistic concurrency); after
an edit conflict the action form merges this user's input with what was saved meanwhile.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common.forms import StyledFormMixin
from common.history import user_display_name, values_at_version
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


class ActionVersionMixin(VersionedFormMixin):
    """A form that saves an action behind its version check."""

    def conflict_message(self, current) -> str:
        return gettext(
            "Your changes have NOT been saved: someone else saved this action after you opened "
            "the form. Their changes are listed on this page. Your input is still in the form; "
            "check it against their changes and save again to keep yours."
        )


def _raw(value):
    """A form or model value in the shape `values_at_version` gives."""
    if hasattr(value, "all") and hasattr(value, "model"):  # a queryset or related manager
        return sorted(o.pk for o in value.all())
    if isinstance(value, (list, tuple)):
        return sorted(getattr(o, "pk", o) for o in value)
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()  # as a browser sends back a textarea
    return getattr(value, "pk", value)


class ActionMergeMixin(ActionVersionMixin):
    """After an edit conflict the form carries the version the user has now seen. Fields only
    the other person changed take the saved value; fields both changed keep this user's input
    with a notice, so saving again overwrites nothing by accident."""

    merge_kwargs: dict = {}  # what the form is made with besides its data and instance

    def show_conflict(self, conflict) -> None:
        current = conflict.current
        if current is None:
            super().show_conflict(conflict)
            return
        posted, both_changed = self._merged_input(conflict)
        self.conflict = conflict
        self.data = posted
        # The merged input is checked again on a copy of the action as it is saved now.
        self.instance = Action.objects.get(pk=current.pk)
        self._errors = None
        self._bound_fields_cache.clear()
        self.add_error(None, self.conflict_message(current))
        for name, message in both_changed.items():
            self.add_error(name, message)

    def _merged_input(self, conflict):
        """The input to show again, and a notice per field both people changed."""
        current = conflict.current
        names = [n for n in self.fields if n != "version"]
        opened = values_at_version(current, self.cleaned_data["version"], names)
        current_form = type(self)(instance=current, **self.merge_kwargs)
        posted = self.data.copy()
        posted["version"] = str(current.version)
        if opened is None:
            return posted, {}
        saved_by = {}
        for entry in conflict.changes:  # oldest first: the last one is what is saved now
            for change in entry.changes:
                saved_by[change.name] = (entry.user_name, change.after)
        both_changed = {}
        for name in names:
            mine = _raw(self.cleaned_data.get(name))
            model_field = current._meta.get_field(name)
            now = _raw(getattr(current, name if model_field.many_to_many else model_field.attname))
            before = _raw(opened[name])
            if now == before or mine == now:
                continue
            if mine == before:
                value = current_form[name].value()
                if isinstance(value, (list, tuple)):
                    posted.setlist(name, [str(v) for v in value])
                elif isinstance(value, bool):
                    if value:
                        posted[name] = "on"
                    else:
                        posted.pop(name, None)
                else:
                    posted[name] = "" if value is None else str(value)
            else:
                who, shown = saved_by.get(name, (user_display_name(None), str(now)))
                both_changed[name] = gettext(
                    "%(name)s saved “%(value)s” here in the meantime. Your input is kept: saving "
                    "again replaces their value with yours."
                ) % {"name": who, "value": shown}
        return posted, both_changed


class ActionForm(ActionMergeMixin, StyledFormMixin, forms.ModelForm):
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
        self.merge_kwargs = {"agenda": agenda, "editing": editing}
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


class PartnerActionForm(ActionMergeMixin, StyledFormMixin, forms.ModelForm):
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


class StatusForm(ActionVersionMixin, StyledFormMixin, forms.Form):
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
