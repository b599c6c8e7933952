"""The preview of an import as plain lines, for the command line."""

from django.utils.translation import gettext as _

from .services import Plan


def preview_lines(plan: Plan) -> list[str]:
    row = _("row")
    lines = [_("Preview of the import into %(agenda)s:") % {"agenda": plan.agenda.title}]
    lines += ["  " + line for line in plan.summary_lines()]
    for name in plan.new_pillars:
        lines.append("  + " + _("pillar") + f": {name}")
    for theme in plan.new_themes:
        lines.append("  + " + _("theme") + f" {theme.number}: {theme.name}")
    for action in plan.new_actions:
        lines.append("  + " + _("action") + f" ({row} {action.row}): {action.text[:80]}")
    for action in plan.changed_actions:
        for change in action.changes:
            lines.append(
                f"  ~ {row} {action.row}: {change.label}: “{change.before}” → “{change.after}”"
            )
    for label, offered, agreed in (
        (_("new status"), plan.new_statuses, plan.create_statuses),
        (_("new scope"), plan.new_scopes, plan.create_scopes),
        (_("new organisation"), plan.new_organisations, plan.create_organisations),
        (_("new financier"), plan.new_streams, plan.create_streams),
    ):
        for key, name in offered.items():
            mark = "+" if key in agreed else "?"
            lines.append(f"  {mark} {label}: {name}")
    if plan.bad_rows:
        lines.append(_("Rows that cannot be taken:"))
        lines += [f"  ! {bad}" for bad in plan.bad_rows]
    return lines
