from django import forms
from django.utils.translation import gettext_lazy as _

from .columns import choices_for, column_letter
from .reading import MAX_FILE_BYTES
from .services import heading_key_label


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "Excel (.xlsx), OpenDocument (.ods), CSV or a Word document (.docx) with the agenda "
            "as a table; at most 10 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.ods,.csv,.docx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.")
                % {"limit": MAX_FILE_BYTES // 1024 // 1024}
            )
        return upload


CREATE_FIELDS = (
    ("create_statuses", "new_statuses", _("Create these statuses")),
    ("create_scopes", "new_scopes", _("Create these scopes")),
    ("create_organisations", "new_organisations", _("Create these organisations")),
    ("create_streams", "new_streams", _("Create these financiers as funding streams")),
)


class MappingForm(forms.Form):
    """One choice per column of the file, and the unknown names to create."""

    def __init__(self, *args, header, years, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        base = choices_for(years)
        known = {key for key, _label in base}
        self.column_names = []
        for index, heading in enumerate(header.headings):
            choices = list(base)
            key = header.mapping[index] if index < len(header.mapping) else "ignore"
            if key not in known:
                choices.append((key, heading_key_label(key)))
            name = f"col_{index}"
            letter = column_letter(index)
            self.fields[name] = forms.ChoiceField(
                label=f"{letter}: {heading}" if heading else letter,
                choices=choices,
                initial=key,
            )
            self.column_names.append(name)
        if plan is not None:
            for field_name, attribute, label in CREATE_FIELDS:
                offered = getattr(plan, attribute)
                if offered:
                    self.fields[field_name] = forms.MultipleChoiceField(
                        label=label,
                        choices=sorted(offered.items(), key=lambda item: item[1].casefold()),
                        required=False,
                        widget=forms.CheckboxSelectMultiple,
                        initial=sorted(set(getattr(plan, field_name)) & set(offered)),
                    )

    def clean(self):
        cleaned = super().clean()
        for field_name, _attribute, _label in CREATE_FIELDS:
            if field_name not in self.fields and self.data.get(self.add_prefix(field_name)):
                # a tick for a kind of name the preview does not offer at all
                raise forms.ValidationError(
                    _("The preview offers nothing to create of this kind."), code="not_offered"
                )
        return cleaned

    def mapping(self) -> list[str]:
        return [self.cleaned_data[name] for name in self.column_names]

    def creations(self) -> dict:
        return {
            field_name: sorted(self.cleaned_data.get(field_name) or [])
            for field_name, _attribute, _label in CREATE_FIELDS
        }
