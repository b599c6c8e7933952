"""Setting a region up in the browser: the portal's beheerders create regions; beheerders and
the region's coordinators keep its municipalities and invite its people."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import can_manage_region, is_beheerder, user_region
from accounts.decorators import editable_object, login_first, require
from common.editing import edit_page

from . import organisation_services, region_services
from .models import Municipality, Organisation, Region
from .region_forms import (
    MunicipalityForm,
    OrganisationForm,
    OrganisationMergeForm,
    RegionCreateForm,
)


def _regions_crumb():
    return (_("Regions"), reverse("governance:region_list"))


def _region_crumb(region):
    return (region.name, reverse("governance:region_detail", args=[region.slug]))


@login_first
def region_list(request):
    """Beheerders see every region; a coordinator the own one."""
    if is_beheerder(request.user):
        regions = Region.objects.all()
    else:
        own = user_region(request.user)
        require(own is not None and can_manage_region(request.user, own))
        regions = Region.objects.filter(pk=own.pk)
    return TemplateResponse(
        request,
        "governance/regions/region_list.html",
        {
            "regions": regions.prefetch_related("municipalities", "subregions"),
            "can_create": is_beheerder(request.user),
            "crumbs": [(_("Regions"), None)],
        },
    )


@login_first
@require_http_methods(["GET", "POST"])
def region_create(request):
    require(is_beheerder(request.user), _("Only an administrator of the portal may do this."))
    form = RegionCreateForm(request.POST or None)
    return edit_page(
        request,
        form,
        lambda: region_services.region_create(
            user=request.user,
            name=form.cleaned_data["name"],
            slug=form.cleaned_data["slug"],
            subregions=form.subregion_names(),
        ),
        done_url=lambda region: reverse("governance:region_detail", args=[region.slug]),
        done_message=_("The region has been created. Now add its municipalities."),
        title=_("New region"),
        cancel_url=reverse("governance:region_list"),
        crumbs=[_regions_crumb(), (_("New region"), None)],
    )


def _managed_region(request, slug) -> Region:
    return editable_object(request, Region.objects.all(), slug=slug)


@login_first
def region_detail(request, slug):
    region = _managed_region(request, slug)
    people = (
        get_user_model()
        .objects.filter(profile__region=region)
        .select_related("profile__organisation")
        .prefetch_related("groups")
        .order_by("last_name", "first_name", "username")
    )
    return TemplateResponse(
        request,
        "governance/regions/region_detail.html",
        {
            "region": region,
            "subregions": region.subregions.all(),
            "municipalities": region.municipalities.select_related("subregion"),
            "people": people,
            "organisations": Organisation.objects.editable_by(request.user).filter(
                Q(region=region) | Q(region__isnull=True, municipality__region=region)
            ),
            "crumbs": [_regions_crumb(), (region.name, None)],
        },
    )


@login_first
@require_http_methods(["GET", "POST"])
def municipality_create(request, slug):
    region = _managed_region(request, slug)
    form = MunicipalityForm(request.POST or None, region=region)
    another = "another" in request.POST
    return _region_form(
        request,
        form,
        region,
        lambda: region_services.municipality_create(
            user=request.user, region=region, data=form.service_data()
        ),
        title=_("New municipality"),
        done_message=_("The municipality has been added."),
        done_url=reverse("governance:municipality_create", args=[region.slug]) if another else "",
    )


def _region_form(request, form, region, save, *, title, done_message, done_url=""):
    """The form of a row of `region` (a municipality, an organisation), back to the region."""
    back = reverse("governance:region_detail", args=[region.slug])
    return edit_page(
        request,
        form,
        save,
        done_url=done_url or back,
        done_message=done_message,
        title=title,
        cancel_url=back,
        crumbs=[_regions_crumb(), _region_crumb(region), (title, None)],
    )


@login_first
@require_http_methods(["GET", "POST"])
def municipality_update(request, pk):
    municipality = editable_object(request, Municipality.objects.select_related("region"), pk=pk)
    region = municipality.region
    form = MunicipalityForm(request.POST or None, instance=municipality, region=region)
    return _region_form(
        request,
        form,
        region,
        lambda: region_services.municipality_update(
            user=request.user, municipality=form.instance, data=form.service_data()
        ),
        title=_("Edit %(name)s") % {"name": municipality.name},
        done_message=_("The municipality has been saved."),
    )


def _organisation_for(request, pk) -> Organisation:
    return editable_object(request, Organisation.objects.all(), pk=pk)


def _organisation_region(request, organisation) -> Region:
    region = organisation.region or (
        organisation.municipality.region if organisation.municipality else None
    )
    return region or user_region(request.user) or Region.objects.first()


@login_first
@require_http_methods(["GET", "POST"])
def organisation_create(request, slug):
    region = _managed_region(request, slug)
    form = OrganisationForm(request.POST or None, region=region)
    return _region_form(
        request,
        form,
        region,
        lambda: organisation_services.organisation_create(
            user=request.user, region=region, data=form.service_data()
        ),
        title=_("New organisation"),
        done_message=_("The organisation has been added."),
    )


@login_first
@require_http_methods(["GET", "POST"])
def organisation_update(request, pk):
    organisation = _organisation_for(request, pk)
    region = _organisation_region(request, organisation)
    form = OrganisationForm(request.POST or None, instance=organisation, region=region)
    return _region_form(
        request,
        form,
        region,
        lambda: organisation_services.organisation_update(
            user=request.user, organisation=form.instance, data=form.service_data()
        ),
        title=_("Edit %(name)s") % {"name": organisation.name},
        done_message=_("The organisation has been saved."),
    )


@login_first
@require_http_methods(["GET", "POST"])
def organisation_merge(request, pk):
    """Choose the organisation to merge into this one, confirm on a second page, merge."""
    keep = _organisation_for(request, pk)
    region = _organisation_region(request, keep)
    back = reverse("governance:region_detail", args=[region.slug])
    choices = Organisation.objects.editable_by(request.user).exclude(pk=keep.pk)
    form = OrganisationMergeForm(request.POST or None, choices=choices)
    title = _("Merge into %(name)s") % {"name": keep.name}
    crumbs = [_regions_crumb(), _region_crumb(region), (title, None)]
    if request.method == "POST" and request.POST.get("confirm") != "yes" and form.is_valid():
        drop = form.cleaned_data["drop"]
        return TemplateResponse(
            request,
            "governance/regions/organisation_merge_confirm.html",
            {
                "keep": keep,
                "drop": drop,
                "consequences": organisation_services.merge_consequences(keep=keep, drop=drop),
                "title": title,
                "cancel_url": back,
                "crumbs": crumbs,
            },
        )
    return edit_page(
        request,
        form,
        lambda: organisation_services.organisation_merge(
            user=request.user, keep=keep, drop=form.cleaned_data["drop"]
        ),
        done_url=back,
        done_message=lambda result: (
            _("%(drop)s has been merged into %(keep)s.")
            % {"drop": form.cleaned_data["drop"].name, "keep": keep.name}
        ),
        title=title,
        cancel_url=back,
        crumbs=crumbs,
    )
