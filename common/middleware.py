"""Dutch by default: the language is Dutch unless the visitor chose another with the switch."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Like Django's LocaleMiddleware, but ignores the browser's Accept-Language header.

    A government portal in Dutch shows Dutch to everyone; English is available through the
    language switch, which stores the choice in the language cookie.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class PrivateResponseMiddleware:
    """`Cache-Control: private, no-store` on every response to a logged-in user.

    What a logged-in user sees (names withheld from visitors, internal notes, exports of a
    person) must not be kept by a shared cache or the browser's disk cache. Responses that
    vary with the session already say so; this makes sure no cache keeps them at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response
