from django.contrib import admin
from django.urls import include, path

from common.health import health

urlpatterns = [
    path("health/", health, name="health"),
    path("bijlagen/", include("common.annex_urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("common.account_urls")),
    path("", include("evaluation.urls")),
    path("", include("financing.urls")),
    path("", include("governance.urls")),
    path("", include("agenda.urls")),
]
