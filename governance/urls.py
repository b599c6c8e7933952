from django.urls import path

from . import region_views

app_name = "governance"

urlpatterns = [
    path("regios/", region_views.region_list, name="region_list"),
    path("regios/nieuw/", region_views.region_create, name="region_create"),
    path("regios/<slug:slug>/", region_views.region_detail, name="region_detail"),
    path(
        "regios/<slug:slug>/gemeenten/nieuw/",
        region_views.municipality_create,
        name="municipality_create",
    ),
    path(
        "regios/<slug:slug>/organisaties/nieuw/",
        region_views.organisation_create,
        name="organisation_create",
    ),
    path(
        "organisaties/<int:pk>/bewerken/",
        region_views.organisation_update,
        name="organisation_update",
    ),
    path(
        "organisaties/<int:pk>/samenvoegen/",
        region_views.organisation_merge,
        name="organisation_merge",
    ),
    path(
        "gemeenten/<int:pk>/bewerken/",
        region_views.municipality_update,
        name="municipality_update",
    ),
]
