"""The login and password forms."""

from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from common.forms import StyledFormMixin


class LoginForm(StyledFormMixin, AuthenticationForm):
    pass


class StyledPasswordChangeForm(StyledFormMixin, PasswordChangeForm):
    pass
