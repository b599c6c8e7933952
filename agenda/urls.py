from django.urls import path

from . import views
from .edit_urls import urlpatterns as edit_urlpatterns

app_name = "agenda"

urlpatterns = [
    path("", views.home, name="home"),
    path("agendas/<slug:slug>/", views.agenda_detail, name="agenda_detail"),
    path("agendas/<slug:slug>/acties/", views.action_table, name="action_table"),
    path("acties/<int:pk>/", views.action_detail, name="action_detail"),
    path("organisaties/<int:pk>/", views.organisation_detail, name="organisation_detail"),
]

urlpatterns += edit_urlpatterns
