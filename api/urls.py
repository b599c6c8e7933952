"""/api/: the versioned endpoints, the OpenAPI description and its documentation page."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import docs, views
from .exceptions import not_found

router = SimpleRouter()
router.register("regions", views.RegionViewSet, basename="region")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("agendas", views.AgendaViewSet, basename="agenda")
router.register("actions", views.ActionViewSet, basename="action")
router.register("funding-streams", views.FundingStreamViewSet, basename="fundingstream")
router.register("bodies", views.BodyViewSet, basename="body")
router.register("decision-steps", views.DecisionStepViewSet, basename="decisionstep")
router.register("evaluations", views.EvaluationViewSet, basename="evaluation")

v1 = [
    path("", views.ApiRoot.as_view(), name="root"),
    re_path(
        rf"^agendas/(?P<slug>{views.SLUG})/actions/$",
        views.AgendaActionList.as_view(),
        name="agenda-actions",
    ),
    *router.urls,
]

urlpatterns = [
    path("v1/", include((v1, "api"))),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", docs.ApiDocsView.as_view(), name="api-docs"),
    re_path(r"^.*$", not_found),
]
