"""Inviting people to a region and accepting an invitation."""

from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.core.mail import BadHeaderError
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import can_manage_region
from accounts.decorators import login_first, require
from common.editing import edit_page

from .invitation_forms import InvitationForm, InvitationPasswordForm
from .invitations import invitation_tokens, user_invite
from .models import Region


@login_first
@require_http_methods(["GET", "POST"])
def invitation_create(request, slug):
    region = get_object_or_404(Region, slug=slug)
    require(
        can_manage_region(request.user, region),
        _("You may only invite people for your own region."),
    )
    form = InvitationForm(request.POST or None)
    region_url = reverse("governance:region_detail", args=[region.slug])

    def invite():
        try:
            return user_invite(
                user=request.user,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                role=form.cleaned_data["role"],
                region=region,
                organisation=form.cleaned_data["organisation"],
                base_url=request.build_absolute_uri("/"),
            )
        except (OSError, BadHeaderError) as error:
            raise ValidationError(
                _(
                    "The invitation could not be sent: the mail server did not accept it. "
                    "Nothing has been saved; try again later."
                )
            ) from error

    title = _("Invite someone for %(region)s") % {"region": region.name}
    return edit_page(
        request,
        form,
        invite,
        done_url=region_url,
        done_message=lambda invited: (
            _("An invitation has been sent to %(email)s.") % {"email": invited.email}
        ),
        title=title,
        intro=_(
            "The person gets an e-mail with a link to set a password. The link works once "
            "and expires."
        ),
        cancel_url=region_url,
        crumbs=[
            (_("Regions"), reverse("governance:region_list")),
            (region.name, region_url),
            (title, None),
        ],
    )


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The link in the invitation: choose a password (once, before the link expires)."""

    token_generator = invitation_tokens
    form_class = InvitationPasswordForm
    template_name = "governance/invitations/accept.html"
    success_url = reverse_lazy("invitation_done")
    reset_url_token = "wachtwoord-kiezen"


def invitation_done(request):
    return TemplateResponse(request, "governance/invitations/done.html", {})
