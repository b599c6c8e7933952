"""Login through the organisation's identity provider, the refusal page, and logout that also
ends the provider's session (RP-initiated logout)."""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.module_loading import import_string
from django.views.generic import TemplateView, View
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from . import config
from .backends import LoginRefused

logger = logging.getLogger(__name__)

REFUSAL_SESSION_KEY = "sso_refusal"
REASONS = ("unmapped", "inactive", "state", "token", "provider", "cancelled", "config")


def refuse(request, reason: str, account: str = ""):
    """Send the browser to the refusal page, which says why and whom to ask."""
    request.session[REFUSAL_SESSION_KEY] = {"reason": reason, "account": account}
    return HttpResponseRedirect(reverse("sso:refused"))


class LoginView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider, with state, nonce and a PKCE code challenge."""

    def __init__(self, *args, **kwargs):
        View.__init__(self, *args, **kwargs)

    get_settings = staticmethod(config.setting)

    def get(self, request):
        if not config.enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = config.endpoint("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except config.ProviderUnavailable:
            return refuse(request, "provider")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


class CallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back: checks state, exchanges the code (with the
    PKCE verifier), checks the ID token and logs in, or shows why not."""

    get_settings = staticmethod(config.setting)

    def get(self, request):
        if not config.enabled():
            raise Http404
        self.user = None
        try:
            return super().get(request)
        except LoginRefused as refusal:
            logger.warning("OIDC login refused (%s): %s", refusal.reason, refusal.detail)
            return refuse(request, refusal.reason, refusal.account)
        except SuspiciousOperation:
            # A state that this browser did not start (tampered, replayed or from another
            # session).
            logger.warning("OIDC login refused (state): unknown state")
            return refuse(request, "state")

    def login_failure(self):
        error = self.request.GET.get("error")
        if error:
            logger.info("OIDC provider returned an error: %s", error[:100])
            return refuse(self.request, "cancelled" if error == "access_denied" else "provider")
        if getattr(self.request, "axes_locked_out", False):
            return HttpResponseRedirect(reverse("login"))  # replaced by axes' lockout page
        if self.user is not None and not self.user.is_active:
            return refuse(self.request, "inactive")
        return refuse(self.request, "state")

    def login_success(self):
        response = super().login_success()
        hours = getattr(settings, "OIDC_SESSION_HOURS", 0)
        if hours:
            self.request.session.set_expiry(int(hours * 3600))
        return response


class RefusedView(TemplateView):
    template_name = "sso/refused.html"

    def get(self, request, *args, **kwargs):
        refusal = request.session.pop(REFUSAL_SESSION_KEY, None) or {}
        reason = refusal.get("reason")
        context = self.get_context_data(
            reason=reason if reason in REASONS else "state",
            account=refusal.get("account", ""),
            contact=getattr(settings, "OIDC_SUPPORT_CONTACT", ""),
        )
        return self.render_to_response(context, status=403)


def provider_logout_url(request) -> str:
    """The provider's end-session URL for the current session (RP-initiated logout), or
    LOGOUT_REDIRECT_URL when the session did not come from the provider.

    Also `OIDC_OP_LOGOUT_URL_METHOD` for mozilla-django-oidc's logout view."""
    local = resolve_url(settings.LOGOUT_REDIRECT_URL or "sso:logged_out")
    id_token = request.session.get("oidc_id_token")
    if not id_token or not config.enabled():
        return local
    try:
        end_session = config.endpoint("OIDC_OP_LOGOUT_ENDPOINT")
    except config.ProviderUnavailable:
        end_session = ""
    if not end_session:
        return local
    params = {
        "id_token_hint": id_token,
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("sso:logged_out")),
    }
    separator = "&" if "?" in end_session else "?"
    return f"{end_session}{separator}{urlencode(params)}"


class LogoutView(View):
    """Ends the portal session, and the provider's when the login came from there."""

    def get(self, request):
        if not request.user.is_authenticated:
            return redirect("sso:logged_out")
        return render(request, "sso/logout.html")

    def post(self, request):
        build = import_string(
            getattr(settings, "OIDC_OP_LOGOUT_URL_METHOD", "sso.views.provider_logout_url")
        )
        target = build(request) if request.user.is_authenticated else reverse("sso:logged_out")
        auth.logout(request)
        return HttpResponseRedirect(target)


class LoggedOutView(TemplateView):
    template_name = "registration/logged_out.html"
