"""Whole pages kept for visitors, per version of the data.

A public page looks the same to every visitor who is not logged in: it depends only on the
address (path and query string), the language and the data. `cached_for_visitors` keeps the
finished response of such a page in Django's cache under those three, the data read as
`common.dataversion.site_version`, so a repeated visit costs that one query and no rendering,
and any recorded change (a status edited, an agenda published) gives a new version: the next
visitor gets a page made anew at once.

Never kept: pages for a logged-in user, pages shown with messages, pages that set a cookie or
carry a form token (the CSRF cookie would not be set for the next visitor), answers other
than 200, streamed answers and very large ones.
"""

from __future__ import annotations

import hashlib
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from .dataversion import site_version

# Pages larger than this are made on every visit rather than kept in memory.
MAX_BYTES = 2_000_000
KEY_PREFIX = "visitor-page:"


def cache_seconds() -> int:
    """How long a page is kept per version of the data; 0 turns the cache off."""
    return getattr(settings, "VISITOR_PAGE_CACHE_SECONDS", 3600)


def visitor_request(request) -> bool:
    """A GET or HEAD of someone not logged in, with no messages waiting to be shown."""
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and not len(messages.get_messages(request))
    )


def page_key(request, version: str) -> str:
    """The address (query parameters in a fixed order), the language and the data version."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    text = f"{address}\n{translation.get_language()}\n{version}"
    return KEY_PREFIX + hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def keepable(request, response) -> bool:
    """Whether the finished `response` is the same for every visitor asking the same."""
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a form token
        and not (session is not None and session.modified)
        and not len(messages.get_messages(request))  # messages added while making the page
        and "private" not in response.get("Cache-Control", "")
        and len(response.content) <= MAX_BYTES
    )


def etag(key: str) -> str:
    return f'"{key.removeprefix(KEY_PREFIX)}"'


def mark_public(response, key: str):
    """Browsers and proxies may keep the page but must ask again (cheaply, by its ETag)."""
    response["ETag"] = etag(key)
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


def cached_for_visitors(*extra_models):
    """Decorate a read-only view whose page is the same for every visitor.

    `extra_models`: tables without a change history whose new rows change the page (see
    `site_version`). The view runs outside a request transaction: it only reads.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            seconds = cache_seconds()
            if seconds <= 0 or not visitor_request(request):
                return view(request, *args, **kwargs)
            key = page_key(request, site_version(*extra_models))
            not_modified = get_conditional_response(request, etag=etag(key))
            if not_modified is not None:
                return mark_public(not_modified, key)
            kept = cache.get(key)
            if kept is not None:
                content, headers = kept
                return mark_public(HttpResponse(content, headers=headers), key)
            response = view(request, *args, **kwargs)

            def keep(finished):
                if keepable(request, finished):
                    cache.set(key, (finished.content, dict(finished.headers)), seconds)
                    mark_public(finished, key)

            if getattr(response, "is_rendered", True):
                keep(response)
            else:
                response.add_post_render_callback(keep)
            return response

        return transaction.non_atomic_requests(wrapper)

    return decorator
