"""The region the portal serves, for the page header."""

from .models import Region


def portal_region(request) -> dict:
    """`portal_region`: the region when the portal holds exactly one, else None.

    Looked up only when a template asks for it, once per request.
    """

    def region():
        if not hasattr(request, "_portal_region"):
            regions = list(Region.objects.order_by("pk")[:2])
            request._portal_region = regions[0] if len(regions) == 1 else None
        return request._portal_region

    return {"portal_region": region}
