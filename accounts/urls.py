"""Login, logout and password change. Accounts are made in `governance` (by invitation: an
e-mail with a single-use link to set the password, see governance/invitation_urls.py; by
`manage.py add_user`; or by single sign-on) or in the Django admin."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path

from .forms import LoginForm, StyledPasswordChangeForm

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
            extra_context={"failure_limit": settings.AXES_FAILURE_LIMIT},
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "wachtwoord/",
        auth_views.PasswordChangeView.as_view(form_class=StyledPasswordChangeForm),
        name="password_change",
    ),
    path(
        "wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]
