from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import StyledFormMixin

from .models import ApiToken


class ApiTokenForm(StyledFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=ApiToken._meta.get_field("name").max_length,
        help_text=_("What you use it for, e.g. 'dashboard'."),
    )
