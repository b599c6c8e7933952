from django.urls import path

from . import views

app_name = "agenda"

urlpatterns = [
    path("", views.home, name="home"),
    path("agendas/<slug:slug>/", views.agenda_detail, name="agenda_detail"),
    path("acties/<int:pk>/", views.action_detail, name="action_detail"),
    path("organisaties/<int:pk>/", views.organisation_detail, name="organisation_detail"),
]
