from django.urls import path

from . import views

app_name = "sso"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("callback/", views.CallbackView.as_view(), name="callback"),
    path("geweigerd/", views.RefusedView.as_view(), name="refused"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("uitgelogd/", views.LoggedOutView.as_view(), name="logged_out"),
]
