"""Optimistic concurrency for every model a user can edit: one mechanism for all of them.

A model that inherits `Versioned` carries a `version` that goes up on every save of an existing
row (in forms, services and the Django admin alike). An edit form made with
`VersionedFormMixin` carries the version it was opened on in a hidden field; saving that form's
instance is then a conditional write: when someone else saved the row in the meantime the save
raises `EditConflict`, which lists their changes, and nothing is written. The view shows the
form again with `form.show_conflict(error)` and answers 409 (`form_status(form)`);
`templates/common/_form_fields.html` shows what changed and who changed it, above the input
that was kept.

A service that builds the instance from `data` itself calls `expect_version(instance, data)`.
"""

from django import forms
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .history import HistoryEntry, changes_since


class EditConflict(Exception):
    """The object was saved (or deleted) by someone else after the form was opened."""

    def __init__(self, current, changes: list[HistoryEntry]):
        super().__init__(f"{current!r} changed since the form was opened")
        self.current = current
        self.changes = changes


class Versioned(models.Model):
    version = models.PositiveIntegerField(gettext_lazy("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        expected = self.__dict__.pop("_expected_version", None)
        keep = self.__dict__.pop("_keep_version", False)
        if self.pk is not None and not self._state.adding and not kwargs.get("force_insert"):
            rows = type(self)._base_manager.filter(pk=self.pk)
            if expected is not None:
                if rows.filter(version=expected).update(version=expected + 1) != 1:
                    current = rows.first()
                    changes = changes_since(current, expected) if current is not None else []
                    raise EditConflict(current, changes)
                self.version = expected + 1
            elif not keep:
                saved = rows.values_list("version", flat=True).first()
                self.version = (saved if saved is not None else self.version) + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


def expect_version(instance, data: dict | None = None, version: int | None = None):
    """Make the next save of `instance` conditional on the version the form was opened on,
    taken from `data["version"]` (removed from `data`) or given as `version`."""
    if data is not None and "version" in data:
        version = data.pop("version")
    if version is not None and instance.pk is not None:
        instance._expected_version = version
    return instance


def claim_version(instance, version: int | None) -> None:
    """Raise the version of a row that is replaced rather than saved (e.g. a distribution made
    again), refusing with `EditConflict` when it is no longer `version`."""
    if version is None or instance is None or instance.pk is None:
        return
    rows = type(instance)._base_manager.filter(pk=instance.pk)
    if rows.filter(version=version).update(version=version + 1) != 1:
        current = rows.first()
        raise EditConflict(current, changes_since(current, version) if current else [])


class VersionField(forms.IntegerField):
    """The version of the object the form was opened on."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        message = gettext_lazy("The form is incomplete; open it again from the previous page.")
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault(
            "error_messages", {"required": message, "invalid": message, "min_value": message}
        )
        super().__init__(**kwargs)


def conflict_message(current) -> str:
    if current is None:
        return _(
            "Your changes have NOT been saved: someone else deleted this after you opened the form."
        )
    return _(
        "Your changes have NOT been saved: someone else saved this %(object)s after you opened "
        "the form. Their changes are listed on this page. Your input is still in the form; "
        "check it against their changes and save again to keep yours."
    ) % {"object": current._meta.verbose_name}


class VersionedFormMixin:
    """A ModelForm of an existing `Versioned` object carries its version (hidden) and saves
    only when nobody saved the object in the meantime."""

    conflict = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if isinstance(instance, Versioned) and instance.pk is not None:
            if "version" not in self.fields:
                # Browsers always send it back; a post without it (a script) saves unchecked.
                self.fields["version"] = VersionField(required=False)
            self.initial.setdefault("version", instance.version)

    def _post_clean(self):
        super()._post_clean()
        version = self.cleaned_data.get("version")
        instance = getattr(self, "instance", None)
        if version is not None and isinstance(instance, Versioned):
            instance._expected_version = version

    def version_field_name(self, obj) -> str:
        """The hidden field that carries the version of `obj` (one per object in forms that
        edit several)."""
        return "version"

    def conflict_message(self, current) -> str:
        """What the form says above its fields after an edit conflict."""
        return conflict_message(current)

    def show_conflict(self, conflict: EditConflict) -> None:
        """Keep the input, carry the version saved now, and say what happened. Runs after the
        request's writes are undone, so a form may read the database here (e.g. to merge its
        input with what was saved in the meantime)."""
        self.conflict = conflict
        self.data = self.data.copy()
        if conflict.current is not None:
            name = self.add_prefix(self.version_field_name(conflict.current))
            self.data[name] = str(conflict.current.version)
        self.add_error(None, self.conflict_message(conflict.current))


def form_status(form) -> int:
    """409 when the form is shown again after an edit conflict."""
    return 409 if getattr(form, "conflict", None) else 200


def save_or_conflict(form, save):
    """Run `save()` in a transaction of its own; after an edit conflict its writes are undone,
    then the conflict is shown on `form` (`form.show_conflict`) and None returned. Any other
    exception (a refusal) also undoes the writes and is raised."""
    try:
        with transaction.atomic():
            return save()
    except EditConflict as conflict:
        form.show_conflict(conflict)
        return None


class VersionedAdminForm(forms.ModelForm):
    """The Django admin's form of a `Versioned` model: carries the version it was opened on and
    refuses a save over a newer one with a message (the admin has no conflict page)."""

    opened_version = VersionField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial.setdefault("opened_version", self.instance.version)

    def clean(self):
        cleaned = super().clean()
        version = cleaned.get("opened_version")
        instance = self.instance
        if version is not None and instance.pk is not None:
            rows = type(instance)._base_manager.filter(pk=instance.pk, version=version)
            if not rows.exists():
                raise forms.ValidationError(
                    _(
                        "Someone else saved this after you opened the form. Open it again to "
                        "see their changes."
                    )
                )
        return cleaned


def version_admin_forms(site) -> None:
    """Give every admin of a `Versioned` model the version check (called once at start-up)."""
    for model, model_admin in site._registry.items():
        if issubclass(model, Versioned) and model_admin.form is forms.ModelForm:
            model_admin.form = VersionedAdminForm
