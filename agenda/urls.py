from django.urls import path

from . import annex_views, views
from .edit_urls import urlpatterns as edit_urlpatterns

app_name = "agenda"

urlpatterns = [
    path("", views.home, name="home"),
    path("agendas/<slug:slug>/", views.agenda_detail, name="agenda_detail"),
    path("agendas/<slug:slug>/acties/", views.action_table, name="action_table"),
    path("acties/<int:pk>/", views.action_detail, name="action_detail"),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/<int:pk>/", views.organisation_detail, name="organisation_detail"),
]

urlpatterns += [
    path("agendas/<slug:slug>/bijlage-1.pdf", annex_views.bijlage1_pdf, name="bijlage1_pdf"),
    path(
        "agendas/<slug:slug>/acties/bijlage-1.pdf",
        annex_views.bijlage1_selection_pdf,
        name="bijlage1_selection_pdf",
    ),
    path("agendas/<slug:slug>/bijlage-1/stand/", annex_views.bijlage1_as_of, name="bijlage1_as_of"),
]

urlpatterns += edit_urlpatterns
