"""What the API shows of each object. Field names are English; every field has a description
(translated: Dutch in the OpenAPI description served by default).

Nothing here decides who sees what: the views hand in querysets from the models' own
`visible_to(user)`, and the two per-field rules come from the pages' own functions (see
`api/rules.py`).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from agenda.models import Action, Agenda
from agenda.services import ACTION_PROGRESS_FIELDS, AGENDA_PUBLIC_FIELDS
from bodies.models import Body, DecisionStep, Membership
from bodies.services import BODY_REMIT_FIELDS
from evaluation.models import Evaluation, Indicator, Outcome
from evaluation.services import EVALUATION_FIELDS
from financing.models import (
    Allocation,
    Distribution,
    DistributionPart,
    FundingStream,
    YearAmount,
)
from financing.services import FUNDING_STREAM_KIND_FIELDS
from governance.models import Municipality, Organisation, Region, SubRegion

from . import rules

PORTAL_URL = _("Address of this object's page in the portal.")
API_URL = _("Address of this object in the API.")


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


def _hides_internal_notes(context) -> bool:
    """Internal notes are left out for users who may not read them; the OpenAPI document
    (made with a stand-in view) describes them as an optional field."""
    if getattr(context.get("view"), "swagger_fake_view", False):
        return False
    return not rules.reads_internal_notes(context.get("user"))


class PortalUrlField(serializers.Field):
    """The absolute address of the object's page in the portal (`get_absolute_url`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", PORTAL_URL)
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return absolute(self.context.get("request"), value.get_absolute_url())


# drf-spectacular: a portal address is a string with the uri format.
from drf_spectacular.extensions import OpenApiSerializerFieldExtension  # noqa: E402
from drf_spectacular.plumbing import build_basic_type  # noqa: E402
from drf_spectacular.types import OpenApiTypes  # noqa: E402


class PortalUrlFieldExtension(OpenApiSerializerFieldExtension):
    target_class = PortalUrlField

    def map_serializer_field(self, auto_schema, direction):
        return build_basic_type(OpenApiTypes.URI)


# --- regions, municipalities, organisations ----------------------------------------------------


class SubRegionSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("Id of the sub-region."))
    name = serializers.CharField(help_text=_("Name of the sub-region."))

    class Meta:
        model = SubRegion
        fields = ["id", "name"]


class MunicipalitySerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("Id of the municipality."))
    name = serializers.CharField(help_text=_("Name of the municipality."))
    subregion = serializers.CharField(
        source="subregion.name",
        default=None,
        allow_null=True,
        help_text=_("Name of the sub-region it belongs to, if any."),
    )
    inhabitants = serializers.IntegerField(
        allow_null=True, help_text=_("Number of inhabitants used to split budgets.")
    )
    inhabitants_source = serializers.CharField(
        help_text=_("Where the number of inhabitants comes from.")
    )
    is_centre = serializers.BooleanField(help_text=_("Whether it is the centre municipality."))

    class Meta:
        model = Municipality
        fields = ["id", "name", "subregion", "inhabitants", "inhabitants_source", "is_centre"]


class RegionSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(help_text=_("Stable code of the region."))
    name = serializers.CharField(help_text=_("Name of the labour-market region."))
    url = serializers.HyperlinkedIdentityField(
        view_name="api:region-detail", lookup_field="slug", help_text=API_URL
    )
    subregions = SubRegionSerializer(many=True, help_text=_("The sub-regions of the region."))
    municipalities = MunicipalitySerializer(
        many=True, help_text=_("The municipalities of the region.")
    )

    class Meta:
        model = Region
        fields = ["slug", "name", "url", "subregions", "municipalities"]


class OrganisationSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("Stable id of the organisation."))
    url = serializers.HyperlinkedIdentityField(
        view_name="api:organisation-detail", help_text=API_URL
    )
    portal_url = PortalUrlField()
    name = serializers.CharField(help_text=_("Full name of the organisation."))
    abbreviation = serializers.CharField(help_text=_("Abbreviation, e.g. UWV, WSP; may be empty."))
    type = serializers.ChoiceField(
        choices=Organisation.Type.choices, help_text=_("Kind of organisation.")
    )
    municipality = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text=_("Id of the municipality it is, or belongs to, if any.")
    )

    class Meta:
        model = Organisation
        fields = ["id", "url", "portal_url", "name", "abbreviation", "type", "municipality"]


class OrganisationRefSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("Id of the organisation."))
    name = serializers.CharField(help_text=_("Full name of the organisation."))
    abbreviation = serializers.CharField(help_text=_("Abbreviation; may be empty."))

    class Meta:
        model = Organisation
        fields = ["id", "name", "abbreviation"]


# --- agendas -------------------------------------------------------------------------------------


class ThemeSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text=_("Number of the theme, across the agenda."))
    name = serializers.CharField(help_text=_("Name of the theme."))
    pillar = serializers.IntegerField(
        source="pillar.order", help_text=_("Number of the pillar the theme belongs to.")
    )
    target_group = serializers.CharField(help_text=_("Who the theme is for (voor wie)."))
    narrative = serializers.CharField(help_text=_("The theme's text in the agenda."))


class PillarSerializer(serializers.Serializer):
    order = serializers.IntegerField(help_text=_("Number of the pillar within the agenda."))
    name = serializers.CharField(help_text=_("Name of the pillar (or action line, track)."))
    intro = serializers.CharField(help_text=_("Introduction of the pillar."))


class AgendaSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(help_text=_("Stable code of the agenda."))
    url = serializers.HyperlinkedIdentityField(
        view_name="api:agenda-detail", lookup_field="slug", help_text=API_URL
    )
    portal_url = PortalUrlField()
    actions_url = serializers.SerializerMethodField(
        help_text=_("Address of the agenda's actions in the API, with the table's filters.")
    )
    title = serializers.CharField(help_text=_("Title of the agenda."))
    region = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        help_text=_("Code of the region the agenda belongs to (empty for a local agenda)."),
    )
    municipality = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text=_("Id of the municipality of a local agenda or addendum.")
    )
    first_year = serializers.IntegerField(help_text=_("First year of the period."))
    last_year = serializers.IntegerField(help_text=_("Last year of the period."))
    state = serializers.ChoiceField(
        choices=Agenda.State.choices,
        help_text=_("Publication state: a concept is shown to logged-in users only."),
    )
    adopted_on = serializers.DateField(
        allow_null=True, help_text=_("Date of adoption (ISO 8601), if adopted.")
    )
    document_date = serializers.DateField(
        allow_null=True, help_text=_("Date of the document (ISO 8601), if known.")
    )
    top_level_label = serializers.CharField(
        help_text=_("The agenda's own word for its top level: pijler, actielijn, spoor, ...")
    )
    predecessor = serializers.SerializerMethodField(
        help_text=_("Code of the agenda this one succeeds, if shown to you.")
    )
    updated_at = serializers.DateTimeField(help_text=_("Last change (ISO 8601)."))

    class Meta:
        model = Agenda
        fields = [
            "slug",
            "url",
            "portal_url",
            "actions_url",
            "title",
            "region",
            *AGENDA_PUBLIC_FIELDS,
            "updated_at",
        ]

    def get_actions_url(self, agenda) -> str:
        from django.urls import reverse

        return absolute(
            self.context.get("request"), reverse("api:agenda-actions", args=[agenda.slug])
        )

    def get_predecessor(self, agenda) -> str | None:
        visible = self.context.get("visible_agenda_ids")
        if agenda.predecessor_id and visible is not None and agenda.predecessor_id in visible:
            return agenda.predecessor.slug
        return None


class AgendaDetailSerializer(AgendaSerializer):
    pillars = PillarSerializer(many=True, help_text=_("The pillars of the agenda, in order."))
    themes = ThemeSerializer(many=True, help_text=_("The themes of the agenda, in order."))
    internal_note = serializers.CharField(
        required=False,
        help_text=_("Internal note: only for logged-in users, absent otherwise."),
    )

    class Meta(AgendaSerializer.Meta):
        fields = [*AgendaSerializer.Meta.fields, "pillars", "themes", "internal_note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if _hides_internal_notes(self.context):
            self.fields.pop("internal_note")


# --- actions -------------------------------------------------------------------------------------


class ScopeRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("Id of the scope (filter `scope`)."))
    name = serializers.CharField(help_text=_("The scope as written, e.g. REGIONAAL."))


class StatusRefSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text=_("Code of the status (filter `status`)."))
    name = serializers.CharField(help_text=_("The status as written, e.g. loopt."))


class ThemeRefSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text=_("Number of the theme (filter `theme`)."))
    name = serializers.CharField(help_text=_("Name of the theme."))
    target_group = serializers.CharField(help_text=_("Who the theme is for (voor wie)."))


class PillarRefSerializer(serializers.Serializer):
    order = serializers.IntegerField(help_text=_("Number of the pillar (filter `pillar`)."))
    name = serializers.CharField(help_text=_("Name of the pillar."))


class StreamRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("Id of the funding stream."))
    slug = serializers.CharField(help_text=_("Code of the funding stream (filter `funding`)."))
    name = serializers.CharField(help_text=_("Name of the funding stream."))


class ActionAllocationSerializer(serializers.Serializer):
    stream = serializers.IntegerField(source="stream_id", help_text=_("Id of the funding stream."))
    year = serializers.IntegerField(
        allow_null=True, help_text=_("Year; empty when the documents give none (whole period).")
    )
    budgeted = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        help_text=_("Budgeted amount in euros, as a decimal string."),
    )
    realised = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        help_text=_("Realised amount in euros, as a decimal string, where known."),
    )
    note = serializers.CharField(help_text=_("Note on the allocation."))


class ActionSerializer(serializers.ModelSerializer):
    """One row of the action table. Declares the fields for the OpenAPI document; the rows
    themselves are built by `api.action_rows.rows` from `.values()`, for speed."""

    id = serializers.IntegerField(help_text=_("Stable id of the action."))
    url = serializers.HyperlinkedIdentityField(view_name="api:action-detail", help_text=API_URL)
    portal_url = PortalUrlField()
    agenda = serializers.CharField(
        source="agenda.slug", help_text=_("Code of the agenda the action belongs to.")
    )
    pillar = PillarRefSerializer(
        allow_null=True,
        help_text=_("The action's pillar; null for a line of the agenda under no pillar."),
    )
    theme = ThemeRefSerializer(
        allow_null=True,
        help_text=_("The action's theme; null for a line without a theme."),
    )
    number = serializers.CharField(
        help_text=_("The measure's number as the plan writes it; may be empty.")
    )
    order = serializers.IntegerField(
        help_text=_("Position of the action within its theme (or its level, without a theme).")
    )
    short_title = serializers.CharField(help_text=_("Short title; may be empty."))
    text = serializers.CharField(help_text=_("The action as written in the agenda."))
    target_group = serializers.CharField(
        source="target_group_text",
        help_text=_("Who the action is for, when it differs from its theme's target group."),
    )
    scope = ScopeRefSerializer(allow_null=True, help_text=_("Where the action applies."))
    status = StatusRefSerializer(allow_null=True, help_text=_("The action's status."))
    stage = serializers.ChoiceField(
        choices=[("", "—"), *Action.Stage.choices],
        help_text=_("The list of the agenda the action stands in; empty if none (filter `stage`)."),
    )
    leads = OrganisationRefSerializer(many=True, help_text=_("The lead organisations (trekkers)."))
    lead_text = serializers.CharField(help_text=_("The lead(s) as written in the agenda."))
    financing_text = serializers.CharField(help_text=_("The financing as written in the agenda."))
    funding_streams = StreamRefSerializer(
        many=True, help_text=_("Funding streams the financing names.")
    )
    allocations = ActionAllocationSerializer(
        many=True, help_text=_("Money of funding streams for this action, per year.")
    )
    outcome = serializers.ChoiceField(
        source="evaluation.outcome",
        choices=Outcome.choices,
        default=None,
        allow_null=True,
        help_text=_("Outcome of the action's evaluation, if evaluated (filter `outcome`)."),
    )
    added_later = serializers.BooleanField(
        help_text=_("Added during the agenda's run, not part of the adopted annex.")
    )
    updated_at = serializers.DateTimeField(help_text=_("Last change (ISO 8601)."))
    internal_note = serializers.CharField(
        required=False, help_text=_("Internal note: only for logged-in users, absent otherwise.")
    )

    class Meta:
        model = Action
        fields = [
            "id",
            "url",
            "portal_url",
            "agenda",
            "pillar",
            "theme",
            "number",
            "order",
            "short_title",
            "text",
            "target_group",
            *ACTION_PROGRESS_FIELDS,
            "funding_streams",
            "allocations",
            "outcome",
            "added_later",
            "updated_at",
            "internal_note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if _hides_internal_notes(self.context):
            self.fields.pop("internal_note")


class ActionDetailSerializer(ActionSerializer):
    predecessor = serializers.SerializerMethodField(
        help_text=_("Id of the action of an earlier agenda this one carries over, if shown.")
    )

    class Meta(ActionSerializer.Meta):
        fields = [*ActionSerializer.Meta.fields, "predecessor"]

    def get_predecessor(self, action) -> int | None:
        return self.context.get("predecessor_id")


# --- funding -----------------------------------------------------------------------------------


class DistributionPartSerializer(serializers.ModelSerializer):
    municipality = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text=_("Id of the municipality.")
    )
    municipality_name = serializers.CharField(
        source="municipality.name", help_text=_("Name of the municipality.")
    )
    inhabitants = serializers.IntegerField(help_text=_("Inhabitants used for the split."))
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, help_text=_("The municipality's share in euros.")
    )

    class Meta:
        model = DistributionPart
        fields = ["municipality", "municipality_name", "inhabitants", "amount"]


class DistributionSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("Id of the split."))
    portal_url = PortalUrlField()
    total = serializers.DecimalField(
        max_digits=14, decimal_places=2, help_text=_("The amount that was split, in euros.")
    )
    note = serializers.CharField(help_text=_("Note on the split."))
    created_at = serializers.DateTimeField(help_text=_("When the split was made (ISO 8601)."))
    parts = DistributionPartSerializer(
        many=True, help_text=_("Each municipality's share; they add up to the total.")
    )

    class Meta:
        model = Distribution
        fields = ["id", "portal_url", "total", "note", "created_at", "parts"]


class YearAmountSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(help_text=_("The year."))
    kind = serializers.ChoiceField(
        choices=YearAmount.Kind.choices,
        help_text=_("An amount, spent, not yet known, or not applicable."),
    )
    amount = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        help_text=_("Amount in euros as a decimal string; empty when not known."),
    )
    note = serializers.CharField(help_text=_("Note on the amount."))
    distribution = DistributionSerializer(
        allow_null=True,
        default=None,
        help_text=_("Split of this amount over the municipalities, if made."),
    )

    class Meta:
        model = YearAmount
        fields = ["year", "kind", "amount", "note", "distribution"]


class AllocationSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("Id of the allocation."))
    action = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text=_("Id of the action the money is for.")
    )
    year = serializers.IntegerField(
        allow_null=True, help_text=_("Year; empty when the documents give none (whole period).")
    )
    budgeted = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, help_text=_("Budgeted amount in euros.")
    )
    realised = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        help_text=_("Realised amount in euros, where known."),
    )
    note = serializers.CharField(help_text=_("Note on the allocation."))
    realised_note = serializers.CharField(help_text=_("The realised amount as written."))
    distribution = DistributionSerializer(
        allow_null=True,
        default=None,
        help_text=_("Split of this allocation over the municipalities, if made."),
    )

    class Meta:
        model = Allocation
        fields = [
            "id",
            "action",
            "year",
            "budgeted",
            "realised",
            "note",
            "realised_note",
            "distribution",
        ]


class FundingStreamSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("Stable id of the funding stream."))
    url = serializers.HyperlinkedIdentityField(
        view_name="api:fundingstream-detail", help_text=API_URL
    )
    portal_url = PortalUrlField()
    region = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text=_("Code of the region that keeps it.")
    )
    slug = serializers.SlugField(help_text=_("Code of the stream within its region."))
    name = serializers.CharField(help_text=_("Name of the funding stream."))
    abbreviation = serializers.CharField(help_text=_("Abbreviation; may be empty."))
    level = serializers.ChoiceField(
        choices=FundingStream.Level.choices, help_text=_("National, regional, local or private.")
    )
    group_label = serializers.CharField(help_text=_("Heading it stands under in the overview."))
    to_be_divided = serializers.BooleanField(
        help_text=_("A national pot still to be divided over the regions.")
    )
    financier = serializers.CharField(
        source="financier_name", help_text=_("Who provides the money.")
    )
    description = serializers.CharField(help_text=_("Description of the stream."))
    stated_total = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        help_text=_("A total the documents state, possibly covering other years, in euros."),
    )
    stated_total_note = serializers.CharField(help_text=_("The stated total as written."))
    year_amounts = YearAmountSerializer(
        many=True, help_text=_("What the stream brings in per year.")
    )
    updated_at = serializers.DateTimeField(help_text=_("Last change (ISO 8601)."))

    class Meta:
        model = FundingStream
        fields = [
            "id",
            "url",
            "portal_url",
            "region",
            "slug",
            *FUNDING_STREAM_KIND_FIELDS,
            "description",
            "stated_total",
            "stated_total_note",
            "year_amounts",
            "updated_at",
        ]


class FundingStreamDetailSerializer(FundingStreamSerializer):
    allocations = serializers.SerializerMethodField(
        help_text=_("Money of this stream for actions, per year (actions shown to you).")
    )

    class Meta(FundingStreamSerializer.Meta):
        fields = [*FundingStreamSerializer.Meta.fields, "allocations"]

    def get_allocations(self, stream) -> list[dict]:
        return AllocationSerializer(
            self.context["allocations"], many=True, context=self.context
        ).data


from drf_spectacular.utils import extend_schema_field  # noqa: E402

extend_schema_field(AllocationSerializer(many=True))(FundingStreamDetailSerializer.get_allocations)


# --- bodies and decision steps -------------------------------------------------------------------


class MembershipSerializer(serializers.ModelSerializer):
    """A seat, with the name only where the viewer may see it (AVG), as on the body's page."""

    name = serializers.SerializerMethodField(
        help_text=_(
            "The name as you may see it: names of people who are not office-holders or "
            "representatives read 'naam afgeschermd' unless you are logged in."
        )
    )
    display = serializers.SerializerMethodField(
        help_text=_("The seat as the overview prints it, e.g. 'name (ch., UWV)'.")
    )
    organisation = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text=_("Id of the organisation represented, if recorded.")
    )
    side = serializers.ChoiceField(
        choices=Membership.Side.choices, help_text=_("Municipalities or other parties.")
    )
    role = serializers.ChoiceField(
        choices=Membership.Role.choices, help_text=_("Chair, secretary or member.")
    )
    affiliation = serializers.CharField(help_text=_("Affiliation as written."))
    is_prospective = serializers.BooleanField(help_text=_("Joins when the body is extended."))
    since = serializers.DateField(allow_null=True, help_text=_("Start of the seat (ISO 8601)."))
    until = serializers.DateField(allow_null=True, help_text=_("End of the seat (ISO 8601)."))

    class Meta:
        model = Membership
        fields = [
            "name",
            "display",
            "organisation",
            "side",
            "role",
            "affiliation",
            "is_prospective",
            "since",
            "until",
        ]

    def get_name(self, seat) -> str:
        return seat.name_shown(show_private=self.context["show_private"])

    def get_display(self, seat) -> str:
        return seat.display(show_private=self.context["show_private"])


class BodyPillarSerializer(serializers.Serializer):
    agenda = serializers.CharField(
        source="pillar.agenda.slug", help_text=_("Code of the agenda of the pillar.")
    )
    pillar = serializers.IntegerField(source="pillar.order", help_text=_("Number of the pillar."))
    certainty = serializers.ChoiceField(
        choices=[("certain", "x"), ("uncertain", "?")],
        help_text=_("Covered (x) or uncertain (?)."),
    )


class BodySerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("Stable id of the body."))
    url = serializers.HyperlinkedIdentityField(view_name="api:body-detail", help_text=API_URL)
    portal_url = PortalUrlField()
    region = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text=_("Code of the region.")
    )
    name = serializers.CharField(help_text=_("Name of the body."))
    abbreviation = serializers.CharField(help_text=_("Abbreviation; may be empty."))
    level = serializers.ChoiceField(
        choices=Body.Level.choices, help_text=_("Level in the region's working structure.")
    )
    reach = serializers.CharField(help_text=_("The area it covers, as written."))
    remit = serializers.CharField(help_text=_("Its remit (themes), as written."))
    is_decision_making = serializers.BooleanField(help_text=_("Whether it takes decisions."))
    is_advisory = serializers.BooleanField(help_text=_("Whether it advises."))
    is_exploratory = serializers.BooleanField(help_text=_("Whether it explores and informs."))
    is_policy_making = serializers.BooleanField(help_text=_("Whether it makes policy."))
    agendas = serializers.SerializerMethodField(
        help_text=_("Codes of the agendas whose overview lists it (agendas shown to you).")
    )
    pillars = serializers.SerializerMethodField(
        help_text=_("Pillars it covers, of the agendas shown to you.")
    )
    memberships = serializers.SerializerMethodField(
        help_text=_("Its seats, with names masked where the AVG asks it.")
    )

    class Meta:
        model = Body
        fields = [
            "id",
            "url",
            "portal_url",
            "region",
            "name",
            "abbreviation",
            "level",
            *BODY_REMIT_FIELDS,
            "pillars",
            "memberships",
        ]

    def _visible(self) -> set[int]:
        return self.context["visible_agenda_ids"]

    def get_agendas(self, body) -> list[str]:
        return [a.slug for a in body.agendas.all() if a.pk in self._visible()]

    def get_pillars(self, body) -> list[dict]:
        marks = [bp for bp in body.body_pillars.all() if bp.pillar.agenda_id in self._visible()]
        return BodyPillarSerializer(marks, many=True).data

    def get_memberships(self, body) -> list[dict]:
        seats = sorted(
            body.memberships.all(),
            key=lambda m: (m.side != Membership.Side.MUNICIPALITIES, m.order, m.pk),
        )
        return MembershipSerializer(seats, many=True, context=self.context).data


extend_schema_field(BodyPillarSerializer(many=True))(BodySerializer.get_pillars)
extend_schema_field(MembershipSerializer(many=True))(BodySerializer.get_memberships)


class DecisionStepSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("Id of the step."))
    agenda = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text=_("Code of the agenda.")
    )
    portal_url = serializers.SerializerMethodField(
        help_text=_("Address of the decision route on the agenda's page.")
    )
    order = serializers.IntegerField(help_text=_("Position in the agenda's route."))
    date = serializers.DateField(allow_null=True, help_text=_("Date (ISO 8601), if known."))
    body = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text=_("Id of the body, when it is a body of the overview.")
    )
    body_name = serializers.CharField(help_text=_("Name of the body or other forum."))
    purpose = serializers.ChoiceField(
        choices=DecisionStep.Purpose.choices, help_text=_("Advise, discuss, adopt or take note.")
    )
    conclusion = serializers.CharField(help_text=_("What was concluded."))

    class Meta:
        model = DecisionStep
        fields = [
            "id",
            "agenda",
            "portal_url",
            "order",
            "date",
            "body",
            "body_name",
            "purpose",
            "conclusion",
        ]

    def get_portal_url(self, step) -> str:
        return absolute(
            self.context.get("request"), step.agenda.get_absolute_url() + "#behandeling"
        )


# --- evaluations -------------------------------------------------------------------------------


class IndicatorSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("Id of the indicator."))
    name = serializers.CharField(help_text=_("What is measured."))
    unit = serializers.CharField(help_text=_("What is counted: participants, %, ..."))
    baseline = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, help_text=_("Starting value.")
    )
    target = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, help_text=_("Target value.")
    )
    actual = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, help_text=_("Measured value.")
    )
    measured_on = serializers.DateField(
        allow_null=True, help_text=_("Date of the measurement (ISO 8601).")
    )
    method = serializers.CharField(help_text=_("How it is measured."))

    class Meta:
        model = Indicator
        fields = ["id", "name", "unit", "baseline", "target", "actual", "measured_on", "method"]


class EvaluationSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text=_("Stable id of the evaluation."))
    url = serializers.HyperlinkedIdentityField(view_name="api:evaluation-detail", help_text=API_URL)
    portal_url = PortalUrlField()
    action = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text=_("Id of the evaluated action.")
    )
    agenda = serializers.CharField(source="action.agenda.slug", help_text=_("Code of the agenda."))
    pillar = serializers.IntegerField(
        source="pillar.order", help_text=_("Number of the pillar it is evaluated under.")
    )
    number = serializers.IntegerField(help_text=_("Position in the evaluation."))
    title = serializers.CharField(help_text=_("Title as evaluated."))
    action_text = serializers.CharField(help_text=_("The action as evaluated."))
    intended_result = serializers.CharField(help_text=_("Intended result."))
    achieved_result = serializers.CharField(help_text=_("Achieved result."))
    follow_up = serializers.CharField(help_text=_("Follow-up and safeguarding."))
    parties = OrganisationRefSerializer(many=True, help_text=_("Involved organisations."))
    parties_text = serializers.CharField(help_text=_("Involved parties as written."))
    funds_text = serializers.CharField(help_text=_("Regional public funds used, as written."))
    extra_info = serializers.CharField(help_text=_("Extra information and links."))
    evaluated_on = serializers.DateField(
        allow_null=True, help_text=_("Date of the evaluation (ISO 8601).")
    )
    outcome = serializers.ChoiceField(choices=Outcome.choices, help_text=_("The outcome."))
    outcome_note = serializers.CharField(help_text=_("How the outcome was determined."))
    indicators = IndicatorSerializer(
        source="action.indicators", many=True, help_text=_("Measurable results of the action.")
    )

    class Meta:
        model = Evaluation
        # What an evaluation holds is what a coordinator fills in (evaluation.services).
        fields = ["id", "url", "portal_url", "action", "agenda", *EVALUATION_FIELDS, "indicators"]
