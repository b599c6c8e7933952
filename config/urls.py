from django.contrib import admin
from django.urls import include, path

from common.health import health
from common.language import choose_language

urlpatterns = [
    path("health/", health, name="health"),
    path("bijlagen/", include("common.annex_urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("taal/", choose_language, name="choose_language"),
    path("accounts/api-tokens/", include("api.account_urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("governance.invitation_urls")),
    path("sso/", include("sso.urls")),
    path("api/", include("api.urls")),
    path("", include("evaluation.urls")),
    path("", include("financing.urls")),
    path("", include("governance.urls")),
    path("", include("bodies.urls")),
    path("", include("imports.urls")),
    path("", include("agenda.urls")),
]
