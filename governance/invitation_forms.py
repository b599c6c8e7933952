"""The forms of invitations: inviting someone and setting the password from the link."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from accounts.access import COORDINATOR, PARTNER
from common.forms import StyledFormMixin

from .models import Organisation


class InvitationForm(StyledFormMixin, forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=150)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (COORDINATOR, _("Coordinator of the region")),
            (PARTNER, _("Partner editor of an organisation")),
        ],
        widget=forms.RadioSelect,
        initial=COORDINATOR,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("Only for a partner editor: the organisation whose actions they edit."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        User = get_user_model()
        if (
            User.objects.filter(username__iexact=email).exists()
            or User.objects.filter(email__iexact=email).exists()
        ):
            raise forms.ValidationError(_("There already is an account for this e-mail address."))
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == PARTNER and not cleaned.get("organisation"):
            self.add_error("organisation", _("A partner editor needs an organisation."))
        return cleaned


class InvitationPasswordForm(StyledFormMixin, SetPasswordForm):
    pass
