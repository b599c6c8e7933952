from django.urls import path

from . import views

app_name = "bodies"

urlpatterns = [
    path("overleggen/", views.body_list, name="body_list"),
    path("overleggen/nieuw/", views.body_create, name="body_create"),
    path("overleggen/<int:pk>/", views.body_detail, name="body_detail"),
    path("overleggen/<int:pk>/bewerken/", views.body_update, name="body_update"),
    path("overleggen/<int:pk>/pijlers/", views.body_pillars, name="body_pillars"),
    path("overleggen/<int:pk>/verwijderen/", views.body_delete, name="body_delete"),
    path("overleggen/<int:pk>/zetels/nieuw/", views.membership_create, name="membership_create"),
    path("zetels/<int:pk>/bewerken/", views.membership_update, name="membership_update"),
    path("zetels/<int:pk>/verwijderen/", views.membership_delete, name="membership_delete"),
    path("personen/", views.person_list, name="person_list"),
    path("personen/nieuw/", views.person_create, name="person_create"),
    path("personen/<int:pk>/", views.person_detail, name="person_detail"),
    path("personen/<int:pk>/bewerken/", views.person_update, name="person_update"),
    path("personen/<int:pk>/export/", views.person_export, name="person_export"),
    path("personen/<int:pk>/verwijderen/", views.person_remove, name="person_remove"),
    path(
        "agendas/<slug:slug>/behandeling/nieuw/",
        views.decision_step_create,
        name="decision_step_create",
    ),
    path("behandeling/<int:pk>/bewerken/", views.decision_step_update, name="decision_step_update"),
    path(
        "behandeling/<int:pk>/verwijderen/", views.decision_step_delete, name="decision_step_delete"
    ),
    path(
        "agendas/<slug:slug>/inbreng/nieuw/", views.consultation_create, name="consultation_create"
    ),
    path("inbreng/<int:pk>/bewerken/", views.consultation_update, name="consultation_update"),
    path("inbreng/<int:pk>/verwijderen/", views.consultation_delete, name="consultation_delete"),
    path("agendas/<slug:slug>/bijlage-2.pdf", views.bijlage2_pdf, name="bijlage2_pdf"),
    path(
        "agendas/<slug:slug>/behandeling-en-inbreng.pdf",
        views.behandeling_pdf,
        name="behandeling_pdf",
    ),
]
