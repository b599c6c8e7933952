from django.core.paginator import EmptyPage
from django.db.models import Count, F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from accounts import access
from accounts.access import can_read_internal
from common.charts import stacked_bar_chart
from common.pagecache import cached_for_visitors
from governance.models import Organisation

from . import exports, sections
from .filter_chips import filter_chips
from .filters import ActionFilter
from .models import Action, Agenda, Scope, Status, Theme
from .tables import PAGE_SIZES, ActionTable

# Actions shown per theme on the agenda page; the rest are a link to the action table away.
AGENDA_PAGE_ACTIONS_PER_THEME = 20
# Query parameters of the table page that are not filters.
TABLE_PARAMETERS = ("sort", "page", "per_page", "_export")


def home(request):
    agendas = (
        Agenda.objects.visible_to(request.user)
        .select_related("region", "municipality")
        .annotate(action_count=Count("actions"))
    )
    return TemplateResponse(
        request,
        "agenda/agenda_list.html",
        {"agendas": agendas, "may_create_agenda": access.can_create_agenda(request.user)},
    )


@cached_for_visitors(Status, Scope)
def agenda_detail(request, slug):
    agenda = get_object_or_404(
        Agenda.objects.visible_to(request.user).select_related("region", "municipality"),
        slug=slug,
    )
    actions = Action.objects.select_related("scope", "status").prefetch_related("leads")
    themes = Theme.objects.annotate(action_count=Count("actions")).order_by("number")
    pillars = agenda.pillars.order_by("order").prefetch_related(
        Prefetch("themes", queryset=themes),
        # a preview per theme, so the page stays light however many actions there are
        Prefetch(
            "themes__actions",
            queryset=actions.annotate(
                place=Window(RowNumber(), partition_by=F("theme_id"), order_by=F("order").asc())
            )
            .filter(place__lte=AGENDA_PAGE_ACTIONS_PER_THEME)
            .order_by("order"),
        ),
        # the lines directly under the pillar, without a theme
        Prefetch(
            "actions",
            queryset=actions.filter(theme__isnull=True).order_by("order", "pk"),
            to_attr="lines_without_theme",
        ),
    )
    counts = status_counts(agenda)
    return TemplateResponse(
        request,
        "agenda/agenda_detail.html",
        {
            "agenda": agenda,
            "pillars": pillars,
            "lines_without_pillar": actions.filter(agenda=agenda, pillar__isnull=True).order_by(
                "order", "pk"
            ),
            "status_columns": counts["statuses"],
            "status_rows": counts["rows"],
            "status_totals": counts["totals"],
            "status_chart": status_chart(counts),
            "show_internal": can_read_internal(request.user),
            "has_added_later": Action.objects.in_agenda(agenda).filter(added_later=True).exists(),
            "prints_past_annex": access.can_print_past_annex(request.user, agenda),
            "tools": sections.gather(sections.AGENDA_TOOLS, agenda, request.user),
            "editing_links": sections.gather(sections.AGENDA_EDITING, agenda, request.user),
            "editing": {
                "can_edit": access.coordinates_agenda(request.user, agenda),
                "can_read_history": access.can_read_history(request.user),
            },
            "sections": sections.gather(sections.AGENDA_PAGE, agenda, request.user),
            "crumbs": [(agenda.title, None)],
        },
    )


def status_counts(agenda) -> dict:
    """The number of actions per status for each pillar of the agenda, and their totals."""
    rows = (
        Action.objects.in_agenda(agenda)
        .values("pillar", "status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {(row["pillar"], row["status"]): row["count"] for row in rows}
    used = {status_id for _pillar, status_id in counts}
    statuses = [s for s in Status.objects.order_by("order", "name") if s.pk in used]
    columns = [(s.pk, s.name) for s in statuses]
    if None in used:
        columns.append((None, _("no status")))
    table = []
    pillars = list(agenda.pillars.order_by("order"))
    if any(pillar_id is None for pillar_id, _status in counts):
        pillars.append(None)  # the lines under no pillar, last
    for pillar in pillars:
        cells = [
            counts.get((pillar.pk if pillar else None, status_id), 0)
            for status_id, _name in columns
        ]
        table.append(
            {
                "pillar": pillar,
                "label": f"{pillar.order}. {pillar.name}" if pillar else agenda.outside_top_levels,
                "anchor": f"pillar-{pillar.order}" if pillar else "outside-top-levels",
                "cells": list(zip([name for _id, name in columns], cells, strict=True)),
                "total": sum(cells),
            }
        )
    totals = [sum(row["cells"][i][1] for row in table) for i in range(len(columns))]
    return {
        "statuses": [name for _id, name in columns],
        "rows": table,
        "totals": {"cells": totals, "total": sum(totals)},
    }


def status_chart(counts: dict):
    """The figures of `status_counts` as a stacked bar per pillar, one segment per status."""
    rows = [(str(row["label"]), [count for _name, count in row["cells"]]) for row in counts["rows"]]
    return stacked_bar_chart(rows, counts["statuses"])


@cached_for_visitors(Status, Scope)
def action_table(request, slug):
    agenda = get_object_or_404(Agenda.objects.visible_to(request.user), slug=slug)
    actions = Action.objects.in_agenda(agenda).visible_to(request.user)
    action_filter = ActionFilter(request.GET or None, queryset=actions, agenda=agenda)
    if action_filter.is_bound:
        action_filter.form.is_valid()  # invalid values are ignored and shown as form errors
    table = ActionTable(action_filter.qs, top_level_label=agenda.top_level_label)
    RequestConfig(request, paginate=False).configure(table)  # sorting; pages are ours to check
    sorted_as_asked = any(column.is_ordered for column in table.columns)
    if not sorted_as_asked:
        table.order_by = table._meta.order_by  # an unknown sort is ignored

    export_format = request.GET.get("_export")
    if export_format in exports.FORMATS:
        with translation.override("nl"):
            title = str(_("Actions"))
        return exports.export_response(
            table, export_format, f"{agenda.slug}-acties.{export_format}", title=title
        )

    per_page = page_size(request.GET.get("per_page"))
    try:
        table.paginate(page=page_number(request.GET.get("page")), per_page=per_page)
    except EmptyPage:
        table.paginate(page=table.paginator.num_pages, per_page=per_page)

    return TemplateResponse(
        request,
        "agenda/action_list.html",
        {
            "agenda": agenda,
            "filter": action_filter,
            "filter_chips": filter_chips(request, action_filter),
            "table": table,
            "per_page": per_page,
            "page_sizes": PAGE_SIZES,
            "sort": ",".join(table.order_by) if request.GET.get("sort") and sorted_as_asked else "",
            "export_links": export_links(request),
            "crumbs": [(agenda.title, agenda.get_absolute_url()), (_("Action table"), None)],
        },
    )


def page_size(value) -> int:
    """The page size asked for, if it is one the page offers; the default otherwise."""
    try:
        size = int(value)
    except (TypeError, ValueError):
        return PAGE_SIZES[0]
    return size if size in PAGE_SIZES else PAGE_SIZES[0]


def page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def export_links(request) -> list[tuple[str, str]]:
    """(format, link) for each download of the current selection, in its current order."""
    links = []
    for export_format in exports.FORMATS:
        query = QueryDict(mutable=True)
        for key, values in request.GET.lists():
            if key not in ("page", "per_page", "_export"):
                query.setlist(key, values)
        query["_export"] = export_format
        links.append((export_format, f"{request.path}?{query.urlencode()}"))
    return links


@cached_for_visitors(Status, Scope)
def action_detail(request, pk):
    """The action page; a visitor's copy is kept per version of the data (common/pagecache)."""
    return TemplateResponse(request, "agenda/action_detail.html", action_page(request, pk))


def action_page(request, pk) -> dict:
    """The title, breadcrumbs and rendered body of the action page (404 if not visible)."""
    action = get_object_or_404(
        Action.objects.visible_to(request.user).with_related().prefetch_related("leads"),
        pk=pk,
    )
    # The links to the previous and next agenda's action show a title and an agenda title only.
    visible = Action.objects.visible_to(request.user).select_related("agenda")
    predecessor = None
    if action.predecessor_id is not None:
        predecessor = visible.filter(pk=action.predecessor_id).first()
    successors = list(visible.filter(predecessor=action).order_by("pk"))
    agenda = action.agenda
    context = {
        "action": action,
        "agenda": agenda,
        "predecessor": predecessor,
        "successors": successors,
        "show_internal": can_read_internal(request.user),
        "editing": action_editing(request.user, action),
        "sections": sections.gather(sections.ACTION_PAGE, action, request.user),
    }
    return {
        "title": str(action),
        "crumbs": [
            (agenda.title, agenda.get_absolute_url()),
            (_("Action table"), reverse("agenda:action_table", args=[agenda.slug])),
            (str(action), None),
        ],
        "body": render_to_string("agenda/_action_detail_body.html", context, request),
    }


def action_editing(user, action) -> dict | None:
    """What the editing tools of the action page offer the user (none for a visitor)."""
    if not user.is_authenticated:
        return None
    can_edit = access.can_edit_action(user, action)
    return {
        "can_edit": can_edit,
        "can_delete": can_edit and Action.objects.filter(pk=action.pk).deletable_by(user).exists(),
        "can_read_history": access.can_read_history(user),
        "statuses": list(Status.objects.all()) if can_edit else [],
    }


def organisation_list(request):
    """Every organisation with the number of actions it leads in the agendas shown to the user."""
    led = (
        Q()
        if request.user.is_authenticated
        else Q(led_actions__agenda__state__in=Agenda.PUBLIC_STATES)
    )
    organisations = Organisation.objects.annotate(
        action_count=Count("led_actions", filter=led, distinct=True)
    ).order_by("name")
    return TemplateResponse(
        request,
        "agenda/organisation_list.html",
        {"organisations": organisations, "crumbs": [(_("Organisations"), None)]},
    )


def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), pk=pk)
    actions = ActionTable.prepare(
        Action.objects.visible_to(request.user).filter(leads=organisation)
    ).order_by("-agenda__first_year", "agenda__title", "theme__number", "order")
    agendas = []
    for action in actions:
        if not agendas or agendas[-1]["agenda"].pk != action.agenda_id:
            agendas.append({"agenda": action.agenda, "actions": []})
        agendas[-1]["actions"].append(action)
    return TemplateResponse(
        request,
        "agenda/organisation_detail.html",
        {
            "organisation": organisation,
            "agendas": agendas,
            "action_count": sum(len(group["actions"]) for group in agendas),
            "sections": sections.gather(sections.ORGANISATION_PAGE, organisation, request.user),
            "crumbs": [(organisation.name, None)],
        },
    )
