from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from agenda.succession import PillarPlan
from common.forms import StyledFormMixin

MAX_LINES = 20


def parse_structure(text: str) -> list[PillarPlan]:
    """One line per top-level line; themes after a colon, separated by semicolons."""
    plans = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        name, _sep, themes = line.partition(":")
        plans.append(PillarPlan(name=name.strip(), themes=[t.strip() for t in themes.split(";")]))
    return plans


class SuccessorForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Title of the new agenda"), max_length=300)
    first_year = forms.IntegerField(label=_("First year"), min_value=1900, max_value=2200)
    last_year = forms.IntegerField(label=_("Last year"), min_value=1900, max_value=2200)
    top_level_label = forms.CharField(
        label=_("Word for the top level"),
        max_length=40,
        initial="actielijn",
        help_text=_("For example pijler, actielijn or spoor."),
    )
    structure = forms.CharField(
        label=_("Top-level structure"),
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_(
            "One line per pillar or action line. Themes may follow a colon, separated by "
            "semicolons, e.g. 'Innovatie-agenda: Pilots; Experimenten'. Without themes a line "
            "gets one theme of the same name."
        ),
    )

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source

    def clean_structure(self):
        plans = parse_structure(self.cleaned_data["structure"])
        if not plans:
            raise ValidationError(_("Give the new agenda at least one line of its top level."))
        if len(plans) > MAX_LINES:
            raise ValidationError(_("At most %(n)s lines are allowed.") % {"n": MAX_LINES})
        names = [p.name for p in plans]
        if any(not n for n in names):
            raise ValidationError(_("Every line needs a name before its colon."))
        if any(len(n) > 200 for n in names) or any(len(t) > 300 for p in plans for t in p.themes):
            raise ValidationError(_("A name is too long."))
        if len({n.casefold() for n in names}) != len(names):
            raise ValidationError(_("Every line of the top level needs its own name."))
        return plans

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_year"), cleaned.get("last_year")
        if first is not None and last is not None:
            if last < first:
                self.add_error("last_year", _("The last year cannot be before the first year."))
            if first < self.source.last_year:
                self.add_error(
                    "first_year",
                    _("The new period cannot start before %(year)s, the last year of %(title)s.")
                    % {"year": self.source.last_year, "title": self.source.title},
                )
        return cleaned


class CarryOverForm(forms.Form):
    """For each action of the predecessor: carry it over, and into which theme."""

    def __init__(self, *args, actions, themes, carried_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {str(t.pk): t for t in themes}
        choices = [("", _("do not carry over"))] + [
            (str(t.pk), f"{t.pillar.name} › {t.number}. {t.name}") for t in themes
        ]
        self.rows = []
        for action in actions:
            name = f"action_{action.pk}"
            if action.pk in carried_ids:
                self.rows.append({"action": action, "field": None})
                continue
            self.fields[name] = forms.ChoiceField(
                label=str(action),
                choices=choices,
                required=False,
                widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
            )
            self.rows.append({"action": action, "name": name})

    def bound_rows(self):
        for row in self.rows:
            yield {**row, "field": self[row["name"]] if row.get("name") else None}

    def chosen(self):
        picks = []
        for row in self.rows:
            value = self.cleaned_data.get(row.get("name") or "", "")
            if value:
                picks.append((row["action"], self.themes[value]))
        return picks
