"""Pages of the financing app: public overviews and the coordinators' edit forms."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import is_coordinator_for
from accounts.decorators import deletable_object, editable_object, login_first
from agenda.models import Action, Agenda
from common.editing import confirm_delete, edit_page
from common.history import changes_since
from common.pdf import pdf_filename, pdf_response
from common.templatetags.portal import format_euro
from common.versioning import EditConflict, claim_version
from governance.models import Municipality, Region

from . import selectors, services
from .forms import (
    AllocationForm,
    DistributionForm,
    FundingStreamForm,
    InhabitantsForm,
    YearAmountForm,
)
from .models import Allocation, Distribution, FundingStream, YearAmount
from .pdf import render_funding_pdf


def _agenda(request, slug) -> Agenda:
    return get_object_or_404(
        Agenda.objects.visible_to(request.user).select_related("region", "municipality"),
        slug=slug,
    )


def _require_coordinator(request, region) -> None:
    if not is_coordinator_for(request.user, region):
        raise PermissionDenied(_("Only coordinators of this region may change its funding."))


def _agenda_context(request, agenda):
    return {
        "agenda": agenda,
        "can_edit": is_coordinator_for(request.user, agenda.owner_region),
    }


# --- public pages -------------------------------------------------------------------------


def funding_overview(request, slug):
    agenda = _agenda(request, slug)
    table = selectors.streams_table(agenda)
    levels = selectors.funding_per_level(table)
    context = _agenda_context(request, agenda) | {
        "table": table,
        "levels": levels,
        "chart": _chart(table.years, levels),
        "other_streams": FundingStream.objects.used_in_agenda(agenda)
        .exclude(agendas=agenda)
        .order_by("order", "name"),
        "distributions": selectors.agenda_distributions(agenda),
    }
    return TemplateResponse(request, "financing/agenda_funding.html", context)


def budget_table(request, slug):
    agenda = _agenda(request, slug)
    context = _agenda_context(request, agenda) | {
        "budget": selectors.budget_table(agenda, page=request.GET.get("page") or 1),
    }
    return TemplateResponse(request, "financing/agenda_budget.html", context)


def allocation_overview(request, slug):
    agenda = _agenda(request, slug)
    rows = selectors.allocation_use(agenda)
    context = _agenda_context(request, agenda) | {
        "rows": rows,
        "years": agenda.years,
        "has_undated": any(row.undated for row in rows),
        "over": selectors.over_allocations(rows),
    }
    return TemplateResponse(request, "financing/agenda_allocations.html", context)


def funding_pdf(request, slug):
    agenda = _agenda(request, slug)
    filename = pdf_filename(_("Funding annex %(title)s") % {"title": agenda.title})
    return pdf_response(render_funding_pdf(agenda=agenda), filename=filename)


def stream_detail(request, pk):
    stream = get_object_or_404(
        FundingStream.objects.visible_to(request.user).select_related("region", "financier"),
        pk=pk,
    )
    allocations = (
        Allocation.objects.visible_to(request.user)
        .filter(stream=stream)
        .select_related("action__agenda")
        .order_by("year", "action__theme__number", "action__order")
    )
    year_amounts = stream.year_amounts.select_related("distribution").order_by("year")
    years = [ya.year for ya in year_amounts]
    use = selectors.stream_use(stream, years) if years else None
    context = {
        "stream": stream,
        "year_amounts": year_amounts,
        "allocations": allocations,
        "use": use,
        "actions": stream.actions.visible_to(request.user).with_related().in_document_order(),
        "can_edit": is_coordinator_for(request.user, stream.region),
    }
    return TemplateResponse(request, "financing/fundingstream_detail.html", context)


def distribution_detail(request, pk):
    distribution = get_object_or_404(
        Distribution.objects.select_related(
            "region", "year_amount__stream", "allocation__stream", "allocation__action"
        ),
        pk=pk,
    )
    stream = distribution.stream
    if not FundingStream.objects.visible_to(request.user).filter(pk=stream.pk).exists():
        raise PermissionDenied
    context = {
        "distribution": distribution,
        "stream": stream,
        "parts": distribution.parts.select_related("municipality__subregion"),
        "can_edit": is_coordinator_for(request.user, distribution.region),
    }
    return TemplateResponse(request, "financing/distribution_detail.html", context)


# --- editing: streams and their amounts per year ------------------------------------------


@login_first
def stream_create(request, slug):
    agenda = _agenda(request, slug)
    region = agenda.owner_region
    _require_coordinator(request, region)
    form = FundingStreamForm(
        request.POST or None, region=region, initial={"agendas": [agenda], "level": ""}
    )
    return edit_page(
        request,
        form,
        lambda: _stream_save(request, form),
        done_url=lambda stream: stream.get_absolute_url(),
        done_message=_("The funding stream has been added."),
        template="financing/fundingstream_form.html",
        context={"agenda": agenda, "region": region},
    )


def _stream_save(request, form):
    return services.stream_save(
        user=request.user,
        stream=form.instance,
        agendas=form.cleaned_data["agendas"],
        actions=form.cleaned_data["actions"],
    )


@login_first
def stream_update(request, pk):
    stream = editable_object(request, FundingStream.objects.all(), pk=pk)
    form = FundingStreamForm(request.POST or None, instance=stream, region=stream.region)
    return edit_page(
        request,
        form,
        lambda: _stream_save(request, form),
        done_url=stream.get_absolute_url(),
        done_message=_("The funding stream has been saved."),
        template="financing/fundingstream_form.html",
        context={"stream": stream, "region": stream.region},
    )


@login_first
def stream_delete(request, pk):
    stream = deletable_object(request, FundingStream.objects.all(), pk=pk)
    agenda = stream.agendas.first()
    return confirm_delete(
        request,
        delete=lambda: services.stream_delete(user=request.user, stream=stream),
        done_url=(
            reverse("financing:funding_overview", args=[agenda.slug])
            if agenda is not None
            else reverse("agenda:home")
        ),
        done_message=_("The funding stream has been deleted."),
        question=_("Delete the funding stream %(name)s with its amounts per year?")
        % {"name": stream.name},
        cancel_url=stream.get_absolute_url(),
    )


@login_first
def year_amount_create(request, pk):
    stream = editable_object(request, FundingStream.objects.all(), pk=pk)
    return _year_amount_form(request, stream, YearAmount(stream=stream))


@login_first
def year_amount_update(request, pk):
    year_amount = editable_object(request, YearAmount.objects.select_related("stream"), pk=pk)
    return _year_amount_form(request, year_amount.stream, year_amount)


def _year_amount_form(request, stream, year_amount):
    _require_coordinator(request, stream.region)
    form = YearAmountForm(request.POST or None, instance=year_amount, stream=stream)
    return edit_page(
        request,
        form,
        lambda: services.year_amount_save(
            user=request.user,
            year_amount=year_amount,
            data=form.cleaned_data,
            expected_version=form.cleaned_data.get("version"),
        ),
        done_url=stream.get_absolute_url(),
        done_message=lambda _saved: (
            _("The amount for %(year)s has been saved.") % form.cleaned_data
        ),
        template="financing/yearamount_form.html",
        context={"stream": stream, "year_amount": year_amount},
    )


@login_first
def year_amount_delete(request, pk):
    year_amount = deletable_object(request, YearAmount.objects.select_related("stream"), pk=pk)
    stream = year_amount.stream
    return confirm_delete(
        request,
        delete=lambda: services.year_amount_delete(user=request.user, year_amount=year_amount),
        done_url=stream.get_absolute_url(),
        done_message=_("The amount has been deleted."),
        question=_("Delete the amount of %(stream)s for %(year)s?")
        % {"stream": stream.name, "year": year_amount.year},
        cancel_url=stream.get_absolute_url(),
    )


# --- editing: allocations to actions ------------------------------------------------------


@login_first
def allocation_create(request, pk):
    action = get_object_or_404(Action.objects.with_related(), pk=pk)
    return _allocation_form(request, action, Allocation(action=action))


@login_first
def allocation_update(request, pk):
    allocation = editable_object(request, Allocation.objects.select_related("stream"), pk=pk)
    return _allocation_form(request, allocation.action, allocation)


def _allocation_form(request, action, allocation):
    agenda = action.agenda
    _require_coordinator(request, agenda.owner_region)
    form = AllocationForm(request.POST or None, instance=allocation, action=action)
    return edit_page(
        request,
        form,
        lambda: services.allocation_save(user=request.user, allocation=form.instance),
        done_url=action.get_absolute_url(),
        done_message=_("The allocation has been saved."),
        warnings=lambda saved: _over_allocated(saved, agenda),
        template="financing/allocation_form.html",
        context={"action": action, "allocation": allocation, "agenda": agenda},
    )


def _over_allocated(allocation, agenda) -> list[str]:
    """A warning for each year of the agenda in which the allocation's stream now hands out
    more than it has."""
    use = selectors.stream_use(allocation.stream, agenda.years)
    return [
        _(
            "%(stream)s is over-allocated in %(year)s: %(allocated)s allocated, "
            "%(available)s available."
        )
        % {
            "stream": allocation.stream.name,
            "year": cell.year,
            "allocated": format_euro(cell.allocated),
            "available": format_euro(cell.available.amount),
        }
        for cell in use.cells
        if cell.over_allocated
    ]


@login_first
def allocation_delete(request, pk):
    allocation = deletable_object(request, Allocation.objects.select_related("stream"), pk=pk)
    action = allocation.action
    _require_coordinator(request, action.agenda.owner_region)
    return confirm_delete(
        request,
        delete=lambda: services.allocation_delete(user=request.user, allocation=allocation),
        done_url=action.get_absolute_url(),
        done_message=_("The allocation has been deleted."),
        question=_("Delete the allocation %(allocation)s?") % {"allocation": allocation},
        cancel_url=action.get_absolute_url(),
    )


# --- editing: distributions over municipalities and inhabitants ---------------------------


@login_first
def distribute_year_amount(request, pk):
    year_amount = editable_object(
        request, YearAmount.objects.select_related("stream__region"), pk=pk
    )
    return _distribution_form(request, year_amount=year_amount)


@login_first
def distribute_allocation(request, pk):
    allocation = editable_object(
        request, Allocation.objects.select_related("stream__region"), pk=pk
    )
    return _distribution_form(request, allocation=allocation)


def _distribution_form(request, *, year_amount=None, allocation=None):
    source = year_amount or allocation
    region = source.stream.region
    _require_coordinator(request, region)
    existing = Distribution.objects.filter(year_amount=year_amount, allocation=allocation).first()
    form = DistributionForm(request.POST or None, region=region, existing=existing)
    total = year_amount.amount if year_amount else allocation.budgeted

    def split():
        opened = form.cleaned_data.get("replaces")
        if opened is not None and (existing is None or existing.pk != opened):
            raise EditConflict(existing, changes_since(existing, 0) if existing else [])
        claim_version(existing, form.cleaned_data.get("version"))
        try:
            return services.distribution_split(
                user=request.user,
                year_amount=year_amount,
                allocation=allocation,
                municipalities=form.cleaned_data["municipalities"],
                note=form.cleaned_data["note"],
                rounding=form.cleaned_data["rounding"],
            )
        except ValidationError as error:
            # Every refusal of the split is about the split as a whole: above the form.
            raise ValidationError(error.messages) from error

    return edit_page(
        request,
        form,
        split,
        done_url=lambda distribution: distribution.get_absolute_url(),
        done_message=_("The amount has been split over the municipalities."),
        template="financing/distribution_form.html",
        context={
            "source": source,
            "total": total,
            "region": region,
            "missing": Municipality.objects.filter(region=region, inhabitants__isnull=True),
        },
    )


@login_first
def distribution_delete(request, pk):
    distribution = deletable_object(request, Distribution.objects.all(), pk=pk)
    return confirm_delete(
        request,
        delete=lambda: services.distribution_delete(user=request.user, distribution=distribution),
        done_url=distribution.stream.get_absolute_url(),
        done_message=_("The distribution has been deleted."),
        question=_("Delete this distribution over the municipalities?"),
        cancel_url=distribution.get_absolute_url(),
    )


@login_first
def inhabitants_edit(request, slug):
    region = editable_object(request, Region.objects.all(), slug=slug)
    # The inhabitants divide the region's funding: its coordinators set them, not the beheerder.
    _require_coordinator(request, region)
    municipalities = Municipality.objects.editable_by(request.user).filter(region=region)
    municipalities = municipalities.order_by("name")
    form = InhabitantsForm(request.POST or None, municipalities=municipalities)
    return edit_page(
        request,
        form,
        lambda: sum(
            services.municipality_inhabitants_set(
                user=request.user,
                municipality=m,
                inhabitants=inhabitants,
                source=source,
                expected_version=version,
            )
            for m, inhabitants, source, version in form.values()
        ),
        done_url=reverse("financing:inhabitants_edit", args=[region.slug]),
        done_message=lambda changed: (
            _("The inhabitants have been saved (%(count)s municipalities changed).")
            % {"count": changed}
        ),
        template="financing/region_inhabitants.html",
        context={"region": region},
    )


# --- the bar chart ------------------------------------------------------------------------

CHART_WIDTH = 640
LABEL_WIDTH = 70
BAR_HEIGHT = 22
BAR_GAP = 6
PANEL_GAP = 36
BAR_SPACE = 380


def _chart(years, levels) -> dict:
    """Geometry of a horizontal bar chart: one panel per level, one bar per year.

    Each level has its own scale (national amounts are hundreds of times the regional ones);
    every bar carries its amount as text, and the same figures are in the table below it.
    """
    panels = []
    y = 0
    for level in levels:
        top = max((t.amount for t in level.amounts), default=0) or 1
        bars = []
        y += 24
        for year, total in zip(years, level.amounts, strict=True):
            width = int(BAR_SPACE * total.amount / top) if total.amount else 0
            bars.append(
                {
                    "year": year,
                    "y": y,
                    "text_y": y + BAR_HEIGHT - 6,
                    "width": max(width, 1 if total.amount else 0),
                    "label_x": LABEL_WIDTH + max(width, 0) + 8,
                    "total": total,
                }
            )
            y += BAR_HEIGHT + BAR_GAP
        panels.append(
            {"level": level, "title_y": y - (BAR_HEIGHT + BAR_GAP) * len(years) - 8, "bars": bars}
        )
        y += PANEL_GAP - BAR_GAP
    return {
        "width": CHART_WIDTH,
        "height": max(y, 40),
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "panels": panels,
    }
