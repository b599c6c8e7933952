"""The account page where a user makes, sees and revokes their personal API tokens."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.decorators import login_first

from . import services
from .forms import ApiTokenForm
from .models import ApiToken


def _list_page(request, form, new_token=None, status=200):
    tokens = ApiToken.objects.of_user(request.user)
    return TemplateResponse(
        request,
        "api/token_list.html",
        {
            "form": form,
            "tokens": tokens,
            "new_token": new_token,
            "max_tokens": services.MAX_ACTIVE_TOKENS,
            "docs_url": reverse("api-docs"),
            "crumbs": [(_("API tokens"), None)],
        },
        status=status,
    )


@never_cache
@login_first
@require_http_methods(["GET", "POST"])
def token_list(request):
    """GET: the user's tokens and a form; POST: a new token, shown on this page once."""
    if request.method == "GET":
        return _list_page(request, ApiTokenForm())
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        try:
            row, token = services.api_token_create(
                user=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _list_page(request, ApiTokenForm(), new_token={"row": row, "token": token})
    return _list_page(request, form, status=400)


@never_cache
@login_first
@require_http_methods(["GET", "POST"])
def token_revoke(request, pk):
    """GET: asks to confirm; POST: revokes the token at once."""
    token = get_object_or_404(ApiToken.objects.active().editable_by(request.user), pk=pk)
    if request.method == "POST":
        services.api_token_revoke(user=request.user, token=token)
        messages.success(
            request, _("The token “%(name)s” has been revoked.") % {"name": token.name}
        )
        return redirect("api_tokens:list")
    return TemplateResponse(
        request,
        "api/token_confirm_revoke.html",
        {
            "token": token,
            "cancel_url": reverse("api_tokens:list"),
            "crumbs": [(_("API tokens"), reverse("api_tokens:list")), (_("Revoke"), None)],
        },
    )
