"""Who sees what in the API: the pages' own rules, borrowed, never restated.

Row visibility comes from each model's `visible_to(user)` QuerySet method (used in the views).
The two per-field rules the pages apply are imported here, in one place, so that when they move
only these lines change:

* internal notes are shown to whoever the agenda and action pages show them to;
* the names of people in bodies are masked (AVG) exactly as on the bodies' pages and Bijlage 2:
  `Membership.name_shown` / `Membership.display` with the pages' `show_private` decision, which
  is the portal's one rule for what is not public (`accounts.access.can_read_internal`).
"""

from accounts.access import can_read_internal


def reads_internal_notes(user) -> bool:
    return can_read_internal(user)


def sees_private_names(user) -> bool:
    return can_read_internal(user)
