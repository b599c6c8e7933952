"""The API's documentation page: Swagger UI from the project's own static files.

drf-spectacular-sidecar ships Swagger UI, so nothing comes from a CDN. The split view serves
the start-up script as a separate request, so the page runs under the portal's strict
Content-Security-Policy (`script-src 'self'`) without inline scripts or a relaxed policy.
"""

from drf_spectacular.views import SpectacularSwaggerSplitView


class ApiDocsView(SpectacularSwaggerSplitView):
    url_name = "api-schema"
    template_name = "api/swagger_ui.html"
    title = "Doe-agenda portal API"
