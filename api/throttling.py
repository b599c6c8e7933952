"""Request limits: per address for visitors, per token for token users, per account otherwise.

The rates are settings (`API_RATE_*` in the environment); the counts live in Django's cache, so
with several server processes use a shared cache.
"""

from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


class AnonymousAddressThrottle(SimpleRateThrottle):
    scope = "anonymous"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class ApiTokenThrottle(SimpleRateThrottle):
    scope = "token"

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


class SessionUserThrottle(SimpleRateThrottle):
    """Logged-in users in the browser (the documentation page's "Try it out")."""

    scope = "session"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken) or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
