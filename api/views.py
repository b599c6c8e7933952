"""The read-only endpoints under /api/v1/.

Every queryset starts from the model's own `visible_to(user)` (the rule the pages use), every
list has an explicit order ending in the primary key, and every relation a row shows is loaded
up front, so the number of queries does not grow with the page size.
"""

from django.db import router
from django.db.models import F, Model, Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, viewsets
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from agenda.models import Action, Agenda
from bodies.models import Body, DecisionStep
from evaluation.models import Evaluation, Indicator
from financing.models import Allocation, FundingStream
from governance.models import Organisation, Region

from . import action_rows, rules, serializers
from .filters import AgendaActionFilterBackend
from .pagination import ActionPagination
from .renderers import CSVRenderer

INT_ID = "[0-9]{1,18}"  # longer ids cannot exist: they answer 404 instead of overflowing
SLUG = "[-a-zA-Z0-9_]{1,100}"

AGENDA_PARAMETER = OpenApiParameter(
    "agenda",
    OpenApiTypes.STR,
    description=_("Only those of the agenda with this code (slug)."),
)


class PortalContextMixin:
    """The serializer context every endpoint shares: the user and what they may see."""

    def get_serializer_context(self):
        context = super().get_serializer_context()
        user = self.request.user if self.request is not None else None
        context["user"] = user
        return context

    def visible_agenda_ids(self) -> set[int]:
        return set(Agenda.objects.visible_to(self.request.user).values_list("pk", flat=True))

    def agenda_from_query(self) -> Agenda | None:
        """The agenda named by `?agenda=slug`, among those the user may see; 400 otherwise."""
        slug = self.request.query_params.get("agenda")
        if slug is None:
            return None
        agenda = Agenda.objects.visible_to(self.request.user).filter(slug=slug[:100]).first()
        if agenda is None:
            raise exceptions.ValidationError({"agenda": [_("There is no agenda with this code.")]})
        return agenda


@extend_schema(exclude=True)
class ApiRoot(APIView):
    def get(self, request, format=None):
        names = [
            ("regions", "api:region-list"),
            ("organisations", "api:organisation-list"),
            ("agendas", "api:agenda-list"),
            ("funding_streams", "api:fundingstream-list"),
            ("bodies", "api:body-list"),
            ("decision_steps", "api:decisionstep-list"),
            ("evaluations", "api:evaluation-list"),
        ]
        links = {name: reverse(view, request=request) for name, view in names}
        links["schema"] = reverse("api-schema", request=request)
        links["docs"] = reverse("api-docs", request=request)
        return Response(links)


@extend_schema_view(
    list=extend_schema(summary=_("Labour-market regions with their municipalities")),
    retrieve=extend_schema(summary=_("One region with its municipalities")),
)
class RegionViewSet(PortalContextMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.RegionSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG
    queryset = Region.objects.prefetch_related("subregions", "municipalities__subregion").order_by(
        "name", "pk"
    )


@extend_schema_view(
    list=extend_schema(summary=_("Organisations (partners, leads, financiers)")),
    retrieve=extend_schema(summary=_("One organisation")),
)
class OrganisationViewSet(PortalContextMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.OrganisationSerializer
    lookup_value_regex = INT_ID
    queryset = Organisation.objects.order_by("name", "pk")


@extend_schema_view(
    list=extend_schema(
        summary=_("Agendas"),
        description=_("Adopted agendas for everyone; concept agendas for logged-in users."),
    ),
    retrieve=extend_schema(summary=_("One agenda with its pillars and themes")),
)
class AgendaViewSet(PortalContextMixin, viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self):
        agendas = (
            Agenda.objects.visible_to(self.request.user)
            .select_related("region", "predecessor")
            .order_by("-first_year", "title", "pk")
        )
        if self.action == "retrieve":
            agendas = agendas.prefetch_related(
                "pillars", Prefetch("themes", queryset=self._themes())
            )
        return agendas

    @staticmethod
    def _themes():
        from agenda.models import Theme

        return Theme.objects.select_related("pillar").order_by("number")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.AgendaDetailSerializer
        return serializers.AgendaSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["visible_agenda_ids"] = self.visible_agenda_ids()
        return context


class JsonErrorsMixin:
    """Errors are JSON even when CSV was asked for."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and getattr(response, "accepted_renderer", None):
            if response.accepted_renderer.format != "json":
                response.accepted_renderer = JSONRenderer()
                response.accepted_media_type = JSONRenderer.media_type
        return response


# The fields of the agenda the action list reads.
AGENDA_FIELDS = ["id", "slug", "top_level_label"]


def _visible_agendas(slugs: list[str], user):
    return Agenda.objects.visible_to(user).filter(slug=slugs[0]).values_list(*AGENDA_FIELDS)


# Compiled once per database and kind of user: `Agenda.objects.visible_to` tells visitors from
# logged-in users and reads nothing else of the user.
_agendas = action_rows.Prepared(Agenda, _visible_agendas)


def _visible_agenda(slug: str, user) -> Agenda:
    """The agenda with this slug if the user may see it, with only `AGENDA_FIELDS` read (the
    others load when used); 404 otherwise."""
    logged_in = bool(user is not None and user.is_authenticated)
    rows = _agendas([slug], shape=logged_in, context=user)
    if not rows:
        raise Http404
    return Agenda.from_db(router.db_for_read(Agenda), AGENDA_FIELDS, rows[0])


@extend_schema(
    summary=_("The actions of an agenda, with the action table's filters"),
    description=_(
        "The rows of the agenda's action table, in the table's order (theme, then position), "
        "with the same filters and the same meaning. An unknown filter value answers 400. "
        "Add `format=csv` for all rows as CSV (not paged)."
    ),
    parameters=[
        OpenApiParameter(
            "slug", OpenApiTypes.STR, OpenApiParameter.PATH, description=_("Code of the agenda.")
        ),
        OpenApiParameter(
            "format",
            OpenApiTypes.STR,
            enum=["json", "csv"],
            description=_("json (default) or csv: every matching action, not paged."),
        ),
    ],
)
class AgendaActionList(JsonErrorsMixin, PortalContextMixin, generics.ListAPIView):
    serializer_class = serializers.ActionSerializer
    filter_backends = [AgendaActionFilterBackend]
    renderer_classes = [JSONRenderer, CSVRenderer]
    pagination_class = ActionPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.agenda = _visible_agenda(kwargs["slug"], request.user)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Action.objects.none()
        return _agenda_actions(self.agenda, self.request.user)

    def list(self, request, *args, **kwargs):
        AgendaActionFilterBackend().filterset(request, self)  # a wrong value answers 400 first
        with_note = rules.reads_internal_notes(request.user)

        def actions():
            return self.filter_queryset(self.get_queryset())

        def table():
            return action_rows.values(actions(), with_internal_note=with_note)

        if request.accepted_renderer.format == "csv":
            return Response(action_rows.all_rows(table(), request=request))
        prepared = _prepared_page(self.agenda, request.user, with_note, self.applied_filters)
        page = self.paginate_queryset(action_rows.CountedRows(actions, table, prepared=prepared))
        return self.get_paginated_response(action_rows.rows(page, request=request))


def _agenda_actions(agenda, user):
    actions = Action.objects.in_agenda(agenda).visible_to(user)
    # the table's order: lines without a theme after the numbered ones, on every database
    return actions.order_by(F("theme__number").asc(nulls_last=True), "order", "pk")


def _counted_page(values: list, context):
    """The action list's page query (rows and total) for the agenda id and filter values in
    `values`; `context`: (user, with_note, [(filter, kind, model)])."""
    user, with_note, applied = context
    actions = _agenda_actions(Agenda(pk=values[0]), user)
    given = iter(values[1:])
    for filter_, kind, model in applied:
        if kind == "row":
            value = model(pk=next(given))
        elif kind == "text":
            value = next(given)
        else:
            value = filter_.null_value if kind == "null" else None
        actions = filter_.filter(actions, value)
    table = action_rows.values(actions, with_internal_note=with_note)
    return action_rows.CountedRows.counted(table, actions)


_pages = action_rows.Prepared(Action, _counted_page)


def _prepared_page(agenda, user, with_note: bool, applied: list):
    """(statement, values, shape, context) of the page query for `CountedRows`, or None when
    a filter's statement depends on more than its value (a search, a method)."""
    values = [agenda.pk]
    kinds, filters = [], []
    for name, filter_, value in applied:
        if filter_.method is not None:
            return None
        if value in EMPTY_VALUES:
            kind, model = "empty", None
        elif value == getattr(filter_, "null_value", None):
            kind, model = "null", None
        elif isinstance(value, Model) and value.pk is not None:
            kind, model = "row", type(value)
            values.append(value.pk)
        elif isinstance(value, str):
            kind, model = "text", None
            values.append(value)
        else:
            return None
        kinds.append((name, kind, model))
        filters.append((filter_, kind, model))
    logged_in = bool(user is not None and user.is_authenticated)
    shape = (with_note, logged_in, tuple(kinds))
    return _pages, values, shape, (user, with_note, filters)


@extend_schema_view(retrieve=extend_schema(summary=_("One action")))
class ActionViewSet(PortalContextMixin, viewsets.GenericViewSet):
    serializer_class = serializers.ActionDetailSerializer
    lookup_value_regex = INT_ID

    def get_queryset(self):
        return Action.objects.visible_to(self.request.user)

    def retrieve(self, request, *args, **kwargs):
        action = self.get_object()
        with_note = rules.reads_internal_notes(request.user)
        table = action_rows.values(
            self.get_queryset().filter(pk=action.pk), with_internal_note=with_note
        )
        data = action_rows.rows(table, request=request)[0]
        data["predecessor"] = (
            Action.objects.visible_to(request.user)
            .filter(pk=action.predecessor_id)
            .values_list("pk", flat=True)
            .first()
            if action.predecessor_id
            else None
        )
        return Response(data)


@extend_schema_view(
    list=extend_schema(
        summary=_("Funding streams with their amounts per year and splits"),
        parameters=[AGENDA_PARAMETER],
    ),
    retrieve=extend_schema(
        summary=_("One funding stream with its allocations to actions and their splits")
    ),
)
class FundingStreamViewSet(PortalContextMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = INT_ID

    def get_queryset(self):
        streams = FundingStream.objects.visible_to(self.request.user)
        agenda = self.agenda_from_query() if self.action == "list" else None
        if agenda is not None:
            streams = streams.filter(pk__in=FundingStream.objects.used_in_agenda(agenda))
        return (
            streams.select_related("region", "financier")
            .prefetch_related(
                "year_amounts__distribution__parts__municipality",
            )
            .order_by("region__name", "order", "name", "pk")
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.FundingStreamDetailSerializer
        return serializers.FundingStreamSerializer

    def retrieve(self, request, *args, **kwargs):
        stream = self.get_object()
        context = self.get_serializer_context()
        context["allocations"] = (
            Allocation.objects.visible_to(request.user)
            .filter(stream=stream)
            .select_related("distribution")
            .prefetch_related("distribution__parts__municipality")
            .order_by("year", "action__theme__number", "action__order", "pk")
        )
        return Response(self.get_serializer_class()(stream, context=context).data)


@extend_schema_view(
    list=extend_schema(
        summary=_("Bodies (overleggen) with their seats"),
        description=_(
            "Names of people who are not office-holders or representatives are masked for "
            "visitors, exactly as on the bodies' pages and in Bijlage 2."
        ),
    ),
    retrieve=extend_schema(summary=_("One body with its seats")),
)
class BodyViewSet(PortalContextMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.BodySerializer
    lookup_value_regex = INT_ID

    def get_queryset(self):
        return (
            Body.objects.select_related("region")
            .prefetch_related(
                "agendas",
                "body_pillars__pillar",
                "memberships__person__organisation",
                "memberships__alias",
                "memberships__organisation",
            )
            .order_by("region__name", "level_order", "order", "name", "pk")
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["visible_agenda_ids"] = self.visible_agenda_ids()
        context["show_private"] = rules.sees_private_names(self.request.user)
        return context


@extend_schema_view(
    list=extend_schema(
        summary=_("Decision steps of the agendas (behandeling)"), parameters=[AGENDA_PARAMETER]
    ),
    retrieve=extend_schema(summary=_("One decision step")),
)
class DecisionStepViewSet(PortalContextMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.DecisionStepSerializer
    lookup_value_regex = INT_ID

    def get_queryset(self):
        steps = DecisionStep.objects.filter(agenda__in=Agenda.objects.visible_to(self.request.user))
        agenda = self.agenda_from_query() if self.action == "list" else None
        if agenda is not None:
            steps = steps.filter(agenda=agenda)
        return steps.select_related("agenda", "body").order_by("agenda__slug", "order", "pk")


@extend_schema_view(
    list=extend_schema(
        summary=_("Evaluations of actions, with their indicators"), parameters=[AGENDA_PARAMETER]
    ),
    retrieve=extend_schema(summary=_("One evaluation with its indicators")),
)
class EvaluationViewSet(PortalContextMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.EvaluationSerializer
    lookup_value_regex = INT_ID

    def get_queryset(self):
        evaluations = Evaluation.objects.visible_to(self.request.user)
        agenda = self.agenda_from_query() if self.action == "list" else None
        if agenda is not None:
            evaluations = evaluations.in_agenda(agenda)
        indicators = Indicator.objects.visible_to(self.request.user).order_by("order", "pk")
        return (
            evaluations.select_related("action__agenda", "pillar")
            .prefetch_related("parties", Prefetch("action__indicators", queryset=indicators))
            .order_by("action__agenda__slug", "pillar__order", "number", "pk")
        )
