from django.urls import path

from . import views

app_name = "evaluation"

urlpatterns = [
    path("agendas/<slug:slug>/evaluatie/", views.evaluation_overview, name="overview"),
    path("agendas/<slug:slug>/evaluatie/bijlage.pdf", views.evaluation_pdf, name="annex_pdf"),
    path("agendas/<slug:slug>/eindstatus/", views.final_statuses, name="final_statuses"),
    path("acties/<int:pk>/evaluatie/bewerken/", views.evaluation_edit, name="evaluation_edit"),
    path("acties/<int:pk>/indicatoren/nieuw/", views.indicator_create, name="indicator_create"),
    path("indicatoren/<int:pk>/bewerken/", views.indicator_edit, name="indicator_edit"),
    path("indicatoren/<int:pk>/verwijderen/", views.indicator_delete, name="indicator_delete"),
    path("agendas/<slug:slug>/opvolger/", views.successor_start, name="successor_start"),
    path(
        "agendas/<slug:slug>/overnemen/",
        views.successor_carry_over,
        name="successor_carry_over",
    ),
]
