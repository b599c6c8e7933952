from django.urls import path

from . import views

app_name = "financing"

urlpatterns = [
    path("agendas/<slug:slug>/financiering/", views.funding_overview, name="funding_overview"),
    path("agendas/<slug:slug>/financiering/begroting/", views.budget_table, name="budget_table"),
    path(
        "agendas/<slug:slug>/financiering/toewijzing/",
        views.allocation_overview,
        name="allocation_overview",
    ),
    path("agendas/<slug:slug>/financiering/bijlage.pdf", views.funding_pdf, name="funding_pdf"),
    path(
        "agendas/<slug:slug>/financiering/bronnen/nieuw/",
        views.stream_create,
        name="stream_create",
    ),
    path("financiering/bronnen/<int:pk>/", views.stream_detail, name="stream_detail"),
    path("financiering/bronnen/<int:pk>/bewerken/", views.stream_update, name="stream_update"),
    path("financiering/bronnen/<int:pk>/verwijderen/", views.stream_delete, name="stream_delete"),
    path(
        "financiering/bronnen/<int:pk>/jaren/nieuw/",
        views.year_amount_create,
        name="year_amount_create",
    ),
    path(
        "financiering/jaarbedragen/<int:pk>/bewerken/",
        views.year_amount_update,
        name="year_amount_update",
    ),
    path(
        "financiering/jaarbedragen/<int:pk>/verwijderen/",
        views.year_amount_delete,
        name="year_amount_delete",
    ),
    path(
        "financiering/jaarbedragen/<int:pk>/verdelen/",
        views.distribute_year_amount,
        name="distribute_year_amount",
    ),
    path(
        "acties/<int:pk>/financiering/nieuw/",
        views.allocation_create,
        name="allocation_create",
    ),
    path(
        "financiering/toewijzingen/<int:pk>/bewerken/",
        views.allocation_update,
        name="allocation_update",
    ),
    path(
        "financiering/toewijzingen/<int:pk>/verwijderen/",
        views.allocation_delete,
        name="allocation_delete",
    ),
    path(
        "financiering/toewijzingen/<int:pk>/verdelen/",
        views.distribute_allocation,
        name="distribute_allocation",
    ),
    path(
        "financiering/verdelingen/<int:pk>/",
        views.distribution_detail,
        name="distribution_detail",
    ),
    path(
        "financiering/verdelingen/<int:pk>/verwijderen/",
        views.distribution_delete,
        name="distribution_delete",
    ),
    path(
        "regios/<slug:slug>/inwoners/",
        views.inhabitants_edit,
        name="inhabitants_edit",
    ),
]
