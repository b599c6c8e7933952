from django.urls import path

from . import annex_views

urlpatterns = [
    path("<int:pk>/", annex_views.annex_progress, name="annex_progress"),
    path("<int:pk>/bestand.pdf", annex_views.annex_download, name="annex_download"),
]
