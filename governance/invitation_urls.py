"""The invitation pages. They keep their place under `accounts/` and their names without a
namespace (`invitation_create`, `invitation_accept`, `invitation_done`): config/urls.py
includes them there, next to the login pages of `accounts`."""

from django.urls import path

from . import invitation_views

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
]
