"""Editing controls on the public pages, shown only to those who may use them."""

from django import template

from accounts import access

from ..models import Action, Status

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


@register.inclusion_tag("agenda/_action_editing.html", takes_context=True)
def action_editing(context, action):
    """Edit, status, delete and history links for the action page."""
    user = _user(context)
    can_edit = access.can_edit_action(user, action)
    return {
        "action": action,
        "can_edit": can_edit,
        "can_delete": can_edit and Action.objects.filter(pk=action.pk).deletable_by(user).exists(),
        "can_read_history": access.can_read_history(user),
        "statuses": Status.objects.all() if can_edit else [],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("agenda/_agenda_editing.html", takes_context=True)
def agenda_editing(context, agenda):
    """Links to add to and change an agenda, and to its changes, for the agenda page."""
    user = _user(context)
    return {
        "agenda": agenda,
        "can_edit": access.coordinates_agenda(user, agenda),
        "can_read_history": access.can_read_history(user),
    }


@register.simple_tag(takes_context=True)
def can_create_agenda(context) -> bool:
    """{% can_create_agenda as may_create %} for the list of agendas."""
    return access.can_create_agenda(_user(context))
