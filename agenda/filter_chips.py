"""The filters in use on the action table, as chips that each remove one filter."""

from django.http import QueryDict


def filter_chips(request, action_filter) -> list[dict]:
    """One chip per filter in use with a valid value: its label, the value shown, and the link
    to the same selection without it (back to the first page)."""
    form = action_filter.form
    if not action_filter.is_bound or not hasattr(form, "cleaned_data"):
        return []
    chips = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, "", []):
            continue
        if hasattr(field, "choices") and not hasattr(value, "pk"):
            value = dict(field.choices).get(value, value)
        query = QueryDict(mutable=True)
        for key, values in request.GET.lists():
            if key not in (name, "page", "_export"):
                query.setlist(key, values)
        remove_url = f"{request.path}?{query.urlencode()}" if query else request.path
        chips.append(
            {"name": name, "label": str(field.label), "value": str(value), "remove_url": remove_url}
        )
    return chips
