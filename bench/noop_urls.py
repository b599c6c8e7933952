"""The portal's URLs plus a no-op view, the ceiling of bench/throughput.py."""

from django.http import HttpResponse
from django.urls import include, path


def noop(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/noop/", noop), path("", include("config.urls"))]
