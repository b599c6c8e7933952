"""The action table's own filters (agenda/filters.py: `ActionFilter`) as an API filter backend.

The API does not restate a single filter: it hands the query parameters to the table's
FilterSet and returns what that selects. Where the table page ignores a wrong value and shows a
form error, the API answers 400 with the same error, so a typo never looks like "no results".
Adding a filter to the table adds it here and to the OpenAPI description; give it a
description below (otherwise its label is used).
"""

import functools

import django_filters
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.filters import BaseFilterBackend

from agenda.filters import ActionFilter, AgendaChoiceFilter, data_version

# The meaning of each filter's value, for the API description.
DESCRIPTIONS = {
    "q": _(
        "Words to search for (at most 200 characters): every word must occur in the action's "
        "text, short title, target group, leads or financing, or in the name or abbreviation "
        "of a lead organisation."
    ),
    "pillar": _(
        "Number (order) of the pillar (or action line, track) within the agenda, as in the "
        "agenda's `pillars`."
    ),
    "theme": _("Number of the theme within the agenda, as in the agenda's `themes`."),
    "scope": _("Id of the (sub)regional scope, as in the actions' `scope.id`."),
    "status": _("Code of the status, as in the actions' `status.slug` (e.g. `loopt`)."),
    "stage": _("Stage of the action in the agenda's lists."),
    "outcome": _("Outcome of the action's evaluation."),
    "lead": _("Id of a lead organisation, as in `/api/v1/organisations/`."),
    "funding": _(
        "Code (slug) of a funding stream: actions whose financing names it or that have an "
        "allocation of it."
    ),
}


def _value_schema(filter_) -> dict:
    if isinstance(filter_, django_filters.ModelChoiceFilter):
        to_field = filter_.extra.get("to_field_name")
        if to_field in (None, "pk", "id", "order", "number"):
            return {"type": "integer"}
        return {"type": "string"}
    if isinstance(filter_, django_filters.ChoiceFilter):
        return {"type": "string", "enum": [value for value, _label in filter_.extra["choices"]]}
    if isinstance(filter_, django_filters.CharFilter) and filter_.extra.get("max_length"):
        return {"type": "string", "maxLength": filter_.extra["max_length"]}
    return {"type": "string"}


# The accepted values of the agenda-dependent filters are kept this long (seconds) per data version.
KEYS_CACHE_SECONDS = 300


class ApiActionFilter(ActionFilter):
    """The table's filters, validated without rendering their form (no options to read).

    A value of an agenda-dependent filter (status, scope, pillar, ...) is checked against the
    accepted values of the agenda, cached per version of the data (`data_version()`), instead
    of with a query per value: the filter then needs only the row's id."""

    styled = False
    # The model of each agenda-dependent filter's choices, by its `choices_for` function.
    choice_models: dict = {}

    def choices(self, filter_):
        """An empty queryset of the choices' model: the values are checked against the cached
        accepted values (`choice_keys`), so the agenda's choices are not built per request."""
        model = self.choice_models.get(filter_.choices_for)
        if model is None:
            model = filter_.choices_for(self.agenda).model
            self.choice_models[filter_.choices_for] = model
        return model._default_manager.none()

    @property
    def form(self):
        form = super().form
        if not getattr(form, "keys_known", False):
            fields = {
                name: field
                for name, field in form.fields.items()
                if isinstance(self.filters[name], AgendaChoiceFilter)
            }
            if fields:
                keys = self.choice_keys()
                for name, field in fields.items():
                    field.to_python = functools.partial(_known_choice, field, keys[name])
            form.keys_known = True
        return form

    def choice_keys(self) -> dict[str, dict]:
        """Per agenda-dependent filter: {accepted value: id of the row it names}."""
        key = f"api-action-filter-keys:{self.agenda.pk}:{hash(data_version())}"
        keys = cache.get(key)
        if keys is None:
            keys = {}
            for name, filter_ in ActionFilter.base_filters.items():
                if isinstance(filter_, AgendaChoiceFilter):
                    to_field = filter_.extra.get("to_field_name") or "pk"
                    rows = filter_.choices_for(self.agenda).values_list(to_field, "pk")
                    keys[name] = (to_field, dict(rows))
            cache.set(key, keys, KEYS_CACHE_SECONDS)
        return keys


def _known_choice(field, keys: tuple[str, dict], value):
    """`field.to_python` against the cached accepted values: a row with only its id, the
    "null" choice, or the field's own error for a value it does not accept."""
    if value in field.empty_values:
        return None
    if field.null_label is not None and value == field.null_value:
        return value
    to_field, ids = keys
    model = field.queryset.model
    try:
        model_field = model._meta.pk if to_field == "pk" else model._meta.get_field(to_field)
        pk = ids.get(model_field.to_python(value))
    except (ValueError, TypeError, ValidationError):
        pk = None
    if pk is None:
        raise ValidationError(
            field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )
    return model(pk=pk)


class AgendaActionFilterBackend(BaseFilterBackend):
    """Filters an agenda's actions with the table's `ActionFilter`; the view sets `agenda`."""

    filterset_class = ApiActionFilter

    def filterset(self, request, view):
        """The view's FilterSet for the filters asked (None without any), checked once per
        request: a wrong value answers 400. `view.applied_filters` lists the (name, filter,
        value) it applies."""
        if hasattr(view, "applied_filters"):
            return view.action_filterset
        view.applied_filters, view.action_filterset = [], None
        asked = {name for name in self.filterset_class.base_filters if name in request.query_params}
        if not asked:
            return None  # no filter asked: skip building the form and its choices
        filterset = self.filterset_class(
            request.query_params,
            agenda=view.agenda,
            request=request,
            only=asked,  # only the filters asked for are built and checked
        )
        if not filterset.is_valid():
            raise exceptions.ValidationError(
                {name: [force_str(e) for e in errors] for name, errors in filterset.errors.items()}
            )
        view.applied_filters = [
            (name, filterset.filters[name], value)
            for name, value in filterset.form.cleaned_data.items()
        ]
        view.action_filterset = filterset
        return filterset

    def filter_queryset(self, request, queryset, view):
        filterset = self.filterset(request, view)
        return queryset if filterset is None else filterset.filter_queryset(queryset)

    def get_schema_operation_parameters(self, view):
        parameters = []
        for name, filter_ in self.filterset_class.base_filters.items():
            description = DESCRIPTIONS.get(name)
            if description is None:
                description = filter_.extra.get("help_text") or filter_.label or name
            parameters.append(
                {
                    "name": name,
                    "required": False,
                    "in": "query",
                    "description": force_str(description),
                    "schema": _value_schema(filter_),
                }
            )
        return parameters
