from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("agendas/<slug:slug>/importeren/", views.upload, name="upload"),
    path("agendas/<slug:slug>/importeren/<int:pk>/", views.preview, name="preview"),
    path("agendas/<slug:slug>/importeren/sjabloon.xlsx", views.template_download, name="template"),
    path("agendas/<slug:slug>/begroting-invoeren/", views.budget_grid, name="budget_grid"),
]
