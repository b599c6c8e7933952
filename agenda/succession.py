"""Starting a successor agenda from an existing one, and carrying actions over into it.

The old agenda is never changed: the new agenda points to it (`predecessor`) and every carried
action is a new row pointing to the action it continues, whose history stays where it was.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.access import coordinates_region_of

from .models import Action, Agenda, Pillar, Theme


@dataclass
class PillarPlan:
    """A top-level line of the new agenda and the themes under it (at least one)."""

    name: str
    themes: list[str] = field(default_factory=list)


def _unique_slug(title: str) -> str:
    base = slugify(title)[:90] or "agenda"
    slug, n = base, 2
    while Agenda.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _refuse_unless_coordinator(user, agenda: Agenda) -> None:
    if not coordinates_region_of(user, agenda):
        raise PermissionDenied(_("Only coordinators of this agenda's region may do this."))


def _save(row, user) -> None:
    row.full_clean()
    row._history_user = user
    row.save()


@transaction.atomic
def agenda_start_successor(
    *,
    user,
    source: Agenda,
    title: str,
    first_year: int,
    last_year: int,
    top_level_label: str,
    pillars: list[PillarPlan],
    slug: str = "",
) -> Agenda:
    """A new concept agenda after `source`, with its own top-level structure, started by
    `user` (a coordinator of the source's region), who is named in its history."""
    _refuse_unless_coordinator(user, source)
    if not pillars:
        raise ValidationError(_("Give the new agenda at least one line of its top level."))
    names = [p.name.strip() for p in pillars]
    if len({n.casefold() for n in names}) != len(names):
        raise ValidationError(_("Every line of the top level needs its own name."))
    agenda = Agenda(
        title=title.strip(),
        slug=slug or _unique_slug(title),
        region=source.region,
        municipality=source.municipality,
        first_year=first_year,
        last_year=last_year,
        state=Agenda.State.CONCEPT,
        top_level_label=top_level_label.strip(),
        predecessor=source,
        source_note=_("Successor of %(title)s (%(period)s).")
        % {"title": source.title, "period": source.period},
    )
    _save(agenda, user)
    number = 0
    for order, plan in enumerate(pillars, start=1):
        pillar = Pillar(agenda=agenda, order=order, name=plan.name.strip())
        _save(pillar, user)
        for theme_name in [t.strip() for t in plan.themes if t.strip()] or [pillar.name]:
            number += 1
            theme = Theme(agenda=agenda, pillar=pillar, number=number, name=theme_name)
            _save(theme, user)
    return agenda


@transaction.atomic
def agenda_carry_over(*, user, agenda: Agenda, choices: list[tuple[Action, Theme]]) -> list[Action]:
    """Carry the chosen actions of the predecessor into themes of `agenda` as new actions,
    as `user` (a coordinator of the agenda's region).

    An action already carried into this agenda is not carried twice.
    """
    _refuse_unless_coordinator(user, agenda)
    if agenda.predecessor_id is None:
        raise ValidationError(_("This agenda has no predecessor to carry actions over from."))
    carried = []
    for old, theme in choices:
        if old.agenda_id != agenda.predecessor_id:
            raise ValidationError(_("Only actions of the predecessor can be carried over."))
        if theme.agenda_id != agenda.pk:
            raise ValidationError(_("Actions can only be carried into themes of the new agenda."))
        if Action.objects.filter(agenda=agenda, predecessor=old).exists():
            continue
        last = theme.actions.order_by("-order").values_list("order", flat=True).first() or 0
        new = Action(
            theme=theme,
            order=last + 1,
            short_title=old.short_title,
            text=old.text,
            target_group_text=old.target_group_text,
            scope=old.scope,
            status=old.status,
            stage=old.stage,
            lead_text=old.lead_text,
            financing_text=old.financing_text,
            predecessor=old,
            source_note=_("Carried over from %(agenda)s (%(period)s).")
            % {"agenda": old.agenda.title, "period": old.agenda.period},
        )
        _save(new, user)
        new.leads.set(old.leads.all())
        carried.append(new)
    return carried
