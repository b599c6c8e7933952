"""Setting a region up in the browser: the portal's beheerders create regions; beheerders and
the region's coordinators keep its municipalities and invite its people."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import can_manage_region, is_beheerder, user_region
from accounts.decorators import login_first, require
from common.versioning import form_status, save_or_conflict

from . import organisation_services, region_services
from .models import Municipality, Organisation, Region
from .organisation_services import organisations_kept_by
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


def _form_page(request, form, *, title, cancel_url, crumbs, intro=""):
    return TemplateResponse(
        request,
        "governance/object_form.html",
        {"form": form, "title": title, "cancel_url": cancel_url, "crumbs": crumbs, "intro": intro},
        status=form_status(form),
    )


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


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
    if request.method == "POST" and form.is_valid():
        try:
            region = region_services.region_create(
                user=request.user,
                name=form.cleaned_data["name"],
                slug=form.cleaned_data["slug"],
                subregions=form.subregion_names(),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The region has been created. Now add its municipalities."))
            return HttpResponseRedirect(reverse("governance:region_detail", args=[region.slug]))
    return _form_page(
        request,
        form,
        title=_("New region"),
        cancel_url=reverse("governance:region_list"),
        crumbs=[_regions_crumb(), (_("New region"), None)],
    )


def _managed_region(request, slug) -> Region:
    region = get_object_or_404(Region, slug=slug)
    require(
        can_manage_region(request.user, region),
        _("You may only set up your own region."),
    )
    return region


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
            "organisations": organisations_kept_by(request.user).filter(
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
    if request.method == "POST" and form.is_valid():
        try:
            region_services.municipality_create(
                user=request.user, region=region, data=form.service_data()
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The municipality has been added."))
            if "another" in request.POST:
                return HttpResponseRedirect(
                    reverse("governance:municipality_create", args=[region.slug])
                )
            return HttpResponseRedirect(reverse("governance:region_detail", args=[region.slug]))
    title = _("New municipality")
    return _form_page(
        request,
        form,
        title=title,
        cancel_url=reverse("governance:region_detail", args=[region.slug]),
        crumbs=[_regions_crumb(), _region_crumb(region), (title, None)],
    )


@login_first
@require_http_methods(["GET", "POST"])
def municipality_update(request, pk):
    municipality = get_object_or_404(Municipality.objects.select_related("region"), pk=pk)
    region = municipality.region
    if not can_manage_region(request.user, region):
        raise PermissionDenied(_("You may only keep the municipalities of your own region."))
    form = MunicipalityForm(request.POST or None, instance=municipality, region=region)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            try:
                saved = save_or_conflict(
                    form,
                    lambda: region_services.municipality_update(
                        user=request.user, municipality=form.instance, data=form.service_data()
                    ),
                )
            except ValidationError as error:
                transaction.set_rollback(True)
                _apply_errors(form, error)
                saved = None
        if saved is not None:
            messages.success(request, _("The municipality has been saved."))
            return HttpResponseRedirect(reverse("governance:region_detail", args=[region.slug]))
    title = _("Edit %(name)s") % {"name": municipality.name}
    return _form_page(
        request,
        form,
        title=title,
        cancel_url=reverse("governance:region_detail", args=[region.slug]),
        crumbs=[_regions_crumb(), _region_crumb(region), (title, None)],
    )


def _organisation_for(request, pk) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=pk)
    if not organisations_kept_by(request.user).filter(pk=pk).exists():
        raise PermissionDenied(_("You may only keep the organisations of your own region."))
    return organisation


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
    if request.method == "POST" and form.is_valid():
        try:
            organisation_services.organisation_create(
                user=request.user, region=region, data=form.service_data()
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The organisation has been added."))
            return HttpResponseRedirect(reverse("governance:region_detail", args=[region.slug]))
    title = _("New organisation")
    return _form_page(
        request,
        form,
        title=title,
        cancel_url=reverse("governance:region_detail", args=[region.slug]),
        crumbs=[_regions_crumb(), _region_crumb(region), (title, None)],
    )


@login_first
@require_http_methods(["GET", "POST"])
def organisation_update(request, pk):
    organisation = _organisation_for(request, pk)
    region = _organisation_region(request, organisation)
    form = OrganisationForm(request.POST or None, instance=organisation, region=region)
    back = reverse("governance:region_detail", args=[region.slug])
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            try:
                saved = save_or_conflict(
                    form,
                    lambda: organisation_services.organisation_update(
                        user=request.user, organisation=form.instance, data=form.service_data()
                    ),
                )
            except ValidationError as error:
                transaction.set_rollback(True)
                _apply_errors(form, error)
                saved = None
        if saved is not None:
            messages.success(request, _("The organisation has been saved."))
            return HttpResponseRedirect(back)
    title = _("Edit %(name)s") % {"name": organisation.name}
    return _form_page(
        request,
        form,
        title=title,
        cancel_url=back,
        crumbs=[_regions_crumb(), _region_crumb(region), (title, None)],
    )


@login_first
@require_http_methods(["GET", "POST"])
def organisation_merge(request, pk):
    """Choose the organisation to merge into this one, confirm on a second page, merge."""
    keep = _organisation_for(request, pk)
    region = _organisation_region(request, keep)
    back = reverse("governance:region_detail", args=[region.slug])
    choices = organisations_kept_by(request.user).exclude(pk=keep.pk)
    form = OrganisationMergeForm(request.POST or None, choices=choices)
    title = _("Merge into %(name)s") % {"name": keep.name}
    crumbs = [_regions_crumb(), _region_crumb(region), (title, None)]
    if request.method == "POST" and form.is_valid():
        drop = form.cleaned_data["drop"]
        if request.POST.get("confirm") == "yes":
            try:
                organisation_services.organisation_merge(user=request.user, keep=keep, drop=drop)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(drop)s has been merged into %(keep)s.")
                    % {"drop": drop.name, "keep": keep.name},
                )
                return HttpResponseRedirect(back)
        else:
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
    return _form_page(request, form, title=title, cancel_url=back, crumbs=crumbs)
