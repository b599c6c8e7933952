"""What the page header shows about the user's own place in the portal."""

from .access import is_beheerder, is_coordinator_for, user_region


def region_link(request) -> dict:
    """`region_link`: for the main menu, `{"all_regions": True}` for a beheerder, `{"region":
    region}` for the coordinator of a region, else empty.

    Looked up only when a template asks for it, once per request.
    """

    def link():
        if not hasattr(request, "_region_link"):
            user = getattr(request, "user", None)
            if is_beheerder(user):
                request._region_link = {"all_regions": True}
            else:
                region = user_region(user) if user is not None else None
                coordinates = region is not None and is_coordinator_for(user, region)
                request._region_link = {"region": region} if coordinates else {}
        return request._region_link

    return {"region_link": link}
