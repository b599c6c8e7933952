"""The one template question about permissions: `{% load access %}` then
`{% if object|editable:request.user %}` (or `deletable`, `coordinated`)."""

from django import template

from accounts import access

register = template.Library()


@register.filter
def editable(obj, user) -> bool:
    """Whether the user may change `obj`, by its model's `editable_by(user)`."""
    if obj is None or getattr(obj, "pk", None) is None:
        return False
    return type(obj)._default_manager.editable_by(user).filter(pk=obj.pk).exists()


@register.filter
def deletable(obj, user) -> bool:
    """Whether the user may delete `obj`, by its model's `deletable_by(user)`."""
    if obj is None or getattr(obj, "pk", None) is None:
        return False
    manager = type(obj)._default_manager
    rule = getattr(manager, "deletable_by", manager.editable_by)
    return rule(user).filter(pk=obj.pk).exists()


@register.filter
def coordinated(region, user) -> bool:
    """Whether the user coordinates `region`."""
    return access.is_coordinator_for(user, region)


@register.filter
def beheerder(user) -> bool:
    """Whether the user administers the portal (regions, first coordinators)."""
    return access.is_beheerder(user)
