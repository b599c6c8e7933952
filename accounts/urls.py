"""Login, logout, password change and invitations. Accounts are made by invitation (an e-mail
with a single-use link to set the password), by `manage.py add_user` or in the Django admin."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path

from . import invitation_views
from .forms import LoginForm, StyledPasswordChangeForm

urlpatterns = [
    path(
        "uitnodigen/<slug:slug>/",
        invitation_views.invitation_create,
        name="invitation_create",
    ),
    path(
        "welkom/<uidb64>/<token>/",
        invitation_views.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    path("welkom/klaar/", invitation_views.invitation_done, name="invitation_done"),
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
