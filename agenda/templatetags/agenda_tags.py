"""Template filters of the agenda pages."""

from django import template

from agenda.tables import render_leads

register = template.Library()


@register.filter
def leads_html(action):
    """An action's leads as written, with links to the organisation pages the portal has."""
    return render_leads(action)
