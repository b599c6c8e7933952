"""The sections other apps add to the agenda page, the action page and the organisation page,
and the links they add beside the agenda page's annexes (`AGENDA_TOOLS`) and among its
coordinators' links (`AGENDA_EDITING`).

An app that stands on the agenda registers its section in its `AppConfig.ready()`:

    register_section("financing", agenda_funding, "financing/_agenda_section.html", order=10)

`selector(obj, user)` reads what the section shows (`obj` is the agenda, the action on the
action page, or the organisation on the organisation page) and returns plain data; the agenda
views call every registered selector and the page includes each section's template with that
data as `data`. So the agenda never imports the apps above it, and the sections' templates and
template tags only format what they get.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

AGENDA_PAGE = "agenda"
ACTION_PAGE = "action"
ORGANISATION_PAGE = "organisation"
AGENDA_TOOLS = "agenda-tools"  # links beside "Annex 1" at the top of the agenda page
AGENDA_EDITING = "agenda-editing"  # links for the agenda's coordinators, after "Edit agenda"


@dataclass(frozen=True)
class Section:
    name: str
    selector: Callable[[Any, Any], Any]
    template: str
    order: int


_registry: dict[str, dict[str, Section]] = {
    page: {} for page in (AGENDA_PAGE, ACTION_PAGE, ORGANISATION_PAGE, AGENDA_TOOLS, AGENDA_EDITING)
}


def register_section(
    name: str, selector: Callable, template: str, order: int, page: str = AGENDA_PAGE
) -> None:
    """Add (or replace, by `name`) a section of the agenda page or, with `page=ACTION_PAGE` or
    `page=ORGANISATION_PAGE`, of the action page or the organisation page; with
    `page=AGENDA_TOOLS` a link among the agenda page's annexes, with `page=AGENDA_EDITING` one
    among its coordinators' links (shown only to those who may edit the agenda)."""
    _registry[page][name] = Section(name=name, selector=selector, template=template, order=order)


def sections_of(page: str) -> list[Section]:
    return sorted(_registry[page].values(), key=lambda section: (section.order, section.name))


def gather(page: str, obj, user) -> list[dict]:
    """Each section of `page` with its data for `obj` as `user` sees it, in order."""
    return [
        {"name": section.name, "template": section.template, "data": section.selector(obj, user)}
        for section in sections_of(page)
    ]
