"""Filters of the action table: every one a query parameter, so a selection can be shared.

Adding a filter takes a few lines in `ActionFilter`: declare it, and if its choices depend on the
agenda shown, use `AgendaChoiceFilter` with a `choices_for(agenda)` function. An app above the
agenda adds its filter with `register_filter(name, filter_, after=...)` in its
`AppConfig.ready()` instead. The table page renders every filter as a labelled control; unknown
or invalid values are ignored and shown as a form error.
"""

import functools

import django_filters
from django import forms
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.utils.html import conditional_escape, escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from common.dataversion import newest_ids
from governance.models import Organisation

from .models import Action, Agenda, Pillar, Scope, Status, Theme

# A free-text search longer than this is refused with a form error.
QUERY_MAX_LENGTH = 200
# Only the first words of a search count; each of them must occur somewhere in the action.
QUERY_MAX_WORDS = 10


# The options of the agenda-dependent selects are kept this long (seconds) per data version.
CHOICES_CACHE_SECONDS = 300


class QuickSelect(forms.Select):
    """A select rendered directly, not through a template per option (same HTML)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value])}
        chosen.discard("None")
        attributes = {"name": name, **self.build_attrs(self.attrs, attrs)}
        options = []
        for option, label in self.choices:
            value = str(option)
            selected = " selected" if value in chosen else ""
            options.append(
                f'<option value="{escape(value)}"{selected}>{conditional_escape(label)}</option>'
            )
        return format_html(
            "<select{}>{}</select>",
            html_attributes(attributes),
            mark_safe("".join(options)),  # noqa: S308 -- every value and label escaped above
        )


def html_attributes(attributes: dict):
    """The attributes in their given order (as Django's widget template writes them)."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(' {}="{}"', key, value) if value is not True else format_html(" {}", key),)
            for key, value in attributes.items()
            if value is not None and value is not False
        ),
    )


def data_version() -> tuple:
    """Changes whenever an action, its leads, a funding stream or an allocation is saved, or a
    status or scope is added.

    One query reading the newest entry of each change history (an index look-up each), so the
    options of the filters can be cached without scanning the actions.
    """
    return newest_ids(_versioned_models())


# The models of other apps whose changes change the filters' options (`register_filter`).
_registered_versioned: list = []


@functools.cache
def _versioned_models() -> tuple:
    """The history tables `data_version()` reads: they are fixed, so they are listed once."""
    models = [Action.history.model, *_registered_versioned]
    models += [Organisation.history.model, Pillar.history.model, Theme.history.model]
    models += [relation.related_model for relation in Action.history.model._meta.related_objects]
    # A status or scope added (in the admin) is a valid filter value at once.
    models += [Status, Scope]
    return tuple(models)


class AgendaChoiceIterator(django_filters.fields.ModelChoiceIterator):
    """The options of an `AgendaChoiceField`, reading its queryset only when iterated."""

    def __init__(self, field):
        self.field = field

    @property
    def queryset(self):
        return self.field.queryset


class AgendaChoiceField(django_filters.fields.ModelChoiceField):
    """A model choice whose queryset is made by a function when it is first read: to list the
    options (the table page reads them from its cache) or to check a value given."""

    iterator = AgendaChoiceIterator

    def __init__(self, *args, queryset, **kwargs):
        self.make_queryset = queryset
        super().__init__(*args, queryset=None, **kwargs)

    def _get_queryset(self):
        if self._queryset is None and self.make_queryset is not None:
            self._queryset = self.make_queryset().all()
        return self._queryset

    queryset = property(_get_queryset, forms.ModelChoiceField._set_queryset)

    def __deepcopy__(self, memo):
        result = super(forms.ChoiceField, self).__deepcopy__(memo)
        result.widget.choices = result.choices  # options of the copy, still not read
        return result


class AgendaChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice among rows that belong to the agenda shown (its pillars, themes, leads, ...).

    `choices_for(agenda)` returns the queryset of choices; the option labels are the rows'
    names as the agenda writes them. The queryset is made only when it is read.
    """

    field_class = AgendaChoiceField

    def __init__(self, *args, choices_for, **kwargs):
        self.choices_for = choices_for
        self.agenda = None
        self.make_choices = None  # set by the filter set: its `choices(filter_)`
        kwargs.setdefault("queryset", None)
        kwargs.setdefault("empty_label", _("All"))
        super().__init__(*args, **kwargs)

    def get_queryset(self, request):
        return self.make_choices or functools.partial(self.choices_for, self.agenda)


class ActionFilter(django_filters.FilterSet):
    """The filters of an agenda's action table."""

    # Fields searched by `q`; a relation (with "__") is searched through a subquery, so an action
    # with several matching leads still appears once.
    search_fields = [
        "text",
        "short_title",
        "target_group_text",
        "lead_text",
        "financing_text",
        "leads__name",
        "leads__abbreviation",
    ]

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=QUERY_MAX_LENGTH,
        help_text=_("Words in the action, its leads or its financing."),
    )
    pillar = AgendaChoiceFilter(
        label=_("Pillar"),
        field_name="pillar",
        to_field_name="order",
        choices_for=lambda agenda: agenda.pillars.order_by("order"),
    )
    theme = AgendaChoiceFilter(
        label=_("Theme"),
        field_name="theme",
        to_field_name="number",
        choices_for=lambda agenda: agenda.themes.order_by("number"),
    )
    scope = AgendaChoiceFilter(
        label=_("(Sub)regional"),
        field_name="scope",
        choices_for=lambda agenda: Scope.objects.filter(
            Exists(Action.objects.filter(scope=OuterRef("pk"), agenda=agenda))
        ).order_by("order", "name"),
    )
    status = AgendaChoiceFilter(
        label=_("Status"),
        field_name="status",
        to_field_name="slug",
        choices_for=lambda agenda: Status.objects.order_by("order", "name"),
    )
    stage = django_filters.ChoiceFilter(
        label=_("Stage"),
        field_name="stage",
        choices=Action.Stage.choices,
        empty_label=_("All"),
    )
    lead = AgendaChoiceFilter(
        label=_("Lead organisation"),
        field_name="leads",
        choices_for=lambda agenda: Organisation.objects.filter(
            Exists(Action.objects.filter(leads=OuterRef("pk"), agenda=agenda))
        ).order_by("name"),
    )

    class Meta:
        model = Action
        fields: list[str] = []

    # The table page renders the form: its selects get the portal's classes and cached options.
    # A reader that only validates the values (the API) turns this off.
    styled = True

    def __init__(
        self,
        data=None,
        queryset=None,
        *,
        agenda: Agenda,
        request=None,
        prefix=None,
        only: set[str] | None = None,
    ):
        """`only`: the names of the filters to build (the others are left out of the form and
        not applied); all of them unless given."""
        self.agenda = agenda
        if only is not None:
            self.base_filters = {n: f for n, f in self.base_filters.items() if n in only}
        super().__init__(data, queryset=queryset, request=request, prefix=prefix)
        for filter_ in self.filters.values():
            if isinstance(filter_, AgendaChoiceFilter):
                filter_.agenda = agenda
                filter_.make_choices = functools.partial(self.choices, filter_)
        pillar = self.filters.get("pillar")  # the API builds only the filters asked for
        if pillar is not None:
            if agenda.top_level_label != "pijler":  # the default word keeps its translation
                pillar.label = agenda.top_level_label.capitalize()
            # the lines under no pillar, as a choice of their own
            pillar.extra["null_label"] = agenda.outside_top_levels

    def choices(self, filter_: AgendaChoiceFilter):
        """The queryset of the choices of an agenda-dependent filter."""
        return filter_.choices_for(self.agenda)

    @property
    def form(self):
        form = super().form
        if self.styled and not getattr(form, "portal_styled", False):
            options = self.agenda_options()
            for name, field in form.fields.items():
                widget = field.widget
                if isinstance(widget, forms.Select):
                    quick = QuickSelect(attrs=widget.attrs, choices=widget.choices)
                    if name in options:
                        quick.choices = [("", field.empty_label), *options[name]]
                    field.widget = quick
                    quick.attrs.setdefault("class", "utrecht-select utrecht-select--html-select")
                else:
                    widget.attrs.setdefault("class", "utrecht-textbox utrecht-textbox--html-input")
            form.portal_styled = True
        return form

    def agenda_options(self) -> dict[str, list[tuple[str, str]]]:
        """(value, label) of the options of each agenda-dependent filter, cached per version
        of the data, so a page view reads them without scanning the agenda's actions."""
        key = f"action-filter-options:{self.agenda.pk}:{hash(data_version())}"
        options = cache.get(key)
        if options is None:
            options = {}
            for name, filter_ in self.filters.items():
                if isinstance(filter_, AgendaChoiceFilter):
                    field = filter_.field
                    options[name] = [
                        (str(value), str(label))
                        for value, label in field.choices
                        if value not in ("", None)
                    ]
            cache.set(key, options, CHOICES_CACHE_SECONDS)
        return options

    def filter_text(self, queryset, name, value):
        words = value.split()[:QUERY_MAX_WORDS]
        for word in words:
            direct = Q()
            related = Q()
            for field in self.search_fields:
                condition = Q(**{f"{field}__icontains": word})
                if "__" in field:
                    related |= condition
                else:
                    direct |= condition
            if related:
                direct |= Q(pk__in=Action.objects.filter(related).values("pk"))
            queryset = queryset.filter(direct)
        return queryset

    @property
    def active_filters(self) -> list[tuple[str, str]]:
        """(label, shown value) of every filter in use with a valid value."""
        if not self.is_bound or not hasattr(self.form, "cleaned_data"):
            return []
        active = []
        for name, field in self.form.fields.items():
            value = self.form.cleaned_data.get(name)
            if value in (None, "", []):
                continue
            if hasattr(field, "choices") and not hasattr(value, "pk"):
                value = dict(field.choices).get(value, value)
            active.append((str(field.label), str(value)))
        return active


def register_filter(
    name: str, filter_: django_filters.Filter, after: str | None = None, versioned=()
) -> None:
    """Add a filter to the action table (and so to the API), after the filter named `after`
    (last when not given). For the apps above the agenda, in their `AppConfig.ready()`.
    `versioned`: the history models whose changes change the filter's options."""
    _registered_versioned.extend(model for model in versioned if model not in _registered_versioned)
    classes = [ActionFilter]
    for cls in classes:
        classes.extend(cls.__subclasses__())
        cls.declared_filters = _placed(cls.declared_filters, name, filter_, after)
        cls.base_filters = _placed(cls.base_filters, name, filter_, after)


def _placed(filters: dict, name: str, filter_, after: str | None) -> dict:
    items = [(key, value) for key, value in filters.items() if key != name]
    keys = [key for key, _value in items]
    place = keys.index(after) + 1 if after in keys else len(items)
    items.insert(place, (name, filter_))
    return dict(items)
