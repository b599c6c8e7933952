"""Forms of the publication acts: publish, adopt, close (see agenda/publication_views.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import StyledFormMixin


class AgendaAdoptForm(StyledFormMixin, forms.Form):
    adopted_on = forms.DateField(
        label=_("Adopted on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Give the date of the adoption."),
            "invalid": _("Give the date as day-month-year, for example 20-10-2020."),
        },
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
    )
    adopted_by = forms.CharField(
        label=_("Adopted by"),
        max_length=200,
        required=False,
        help_text=_("The body that adopted the agenda: 'college van B&W', 'gemeenteraad'."),
    )
