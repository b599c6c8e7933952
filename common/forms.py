"""Form helpers shared by the apps."""

from django import forms
from django.forms.widgets import Input
from django.utils.formats import number_format
from django.utils.translation import gettext as _

_WIDGET_CLASSES = [
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (Input, "utrecht-textbox utrecht-textbox--html-input"),
]


def state_limit(field: forms.Field) -> None:
    """Add "At most N characters." to the help text of a text field with a maximum length."""
    limit = getattr(field, "max_length", None)
    if not limit or not isinstance(field.widget, (forms.Textarea, forms.TextInput)):
        return
    note = _("At most %(limit)s characters.") % {"limit": number_format(limit, force_grouping=True)}
    field.help_text = f"{field.help_text} {note}" if field.help_text else note


class StyledFormMixin:
    """Gives every widget the NL Design System class for its kind, and states the maximum
    length of every text field in its help text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            state_limit(field)
            for widget_class, css in _WIDGET_CLASSES:
                if isinstance(widget, widget_class):
                    existing = widget.attrs.get("class", "")
                    widget.attrs["class"] = f"{existing} {css}".strip()
                    break
