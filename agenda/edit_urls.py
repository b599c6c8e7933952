"""Addresses of the editing pages and histories (included by agenda/urls.py)."""

from django.urls import path

from . import edit_views, publication_views

urlpatterns = [
    path("nieuwe-agenda/", edit_views.agenda_create, name="agenda_create"),
    path("agendas/<slug:slug>/bewerken/", edit_views.agenda_edit, name="agenda_edit"),
    path("agendas/<slug:slug>/geschiedenis/", edit_views.agenda_history, name="agenda_history"),
    path(
        "agendas/<slug:slug>/vaststellen/",
        publication_views.agenda_adopt,
        name="agenda_adopt",
    ),
    path(
        "agendas/<slug:slug>/publicatie/<str:state>/",
        publication_views.agenda_publication,
        name="agenda_publication",
    ),
    path("agendas/<slug:slug>/wijzigingen/", edit_views.agenda_changes, name="agenda_changes"),
    path("agendas/<slug:slug>/indeling/", edit_views.agenda_structure, name="agenda_structure"),
    path("agendas/<slug:slug>/nieuwe-actie/", edit_views.action_create, name="action_create"),
    path("agendas/<slug:slug>/nieuw-thema/", edit_views.theme_create, name="theme_create"),
    path("agendas/<slug:slug>/nieuwe-pijler/", edit_views.pillar_create, name="pillar_create"),
    path("acties/<int:pk>/bewerken/", edit_views.action_edit, name="action_edit"),
    path("acties/<int:pk>/status/", edit_views.action_status, name="action_status"),
    path("acties/<int:pk>/verwijderen/", edit_views.action_delete, name="action_delete"),
    path("acties/<int:pk>/geschiedenis/", edit_views.action_history, name="action_history"),
    path("themas/<int:pk>/bewerken/", edit_views.theme_edit, name="theme_edit"),
    path("themas/<int:pk>/verwijderen/", edit_views.theme_delete, name="theme_delete"),
    path("themas/<int:pk>/geschiedenis/", edit_views.theme_history, name="theme_history"),
    path("pijlers/<int:pk>/bewerken/", edit_views.pillar_edit, name="pillar_edit"),
    path("pijlers/<int:pk>/verwijderen/", edit_views.pillar_delete, name="pillar_delete"),
    path("pijlers/<int:pk>/geschiedenis/", edit_views.pillar_history, name="pillar_history"),
]
