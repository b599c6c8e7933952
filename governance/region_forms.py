"""Forms that set a region up: the region itself and its municipalities."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import StyledFormMixin
from common.versioning import VersionedFormMixin

from .models import Municipality, Organisation, Region, SubRegion


class RegionCreateForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.SlugField(
        label=_("Web address (slug)"),
        max_length=100,
        help_text=_("Lower-case letters, digits and hyphens, e.g. midden-utrecht."),
    )
    subregions = forms.CharField(
        label=_("Sub-regions"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line. May stay empty."),
    )

    def clean_slug(self):
        slug = self.cleaned_data["slug"].lower()
        if Region.objects.filter(slug__iexact=slug).exists():
            raise forms.ValidationError(_("A region with this web address already exists."))
        return slug

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if Region.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("A region with this name already exists."))
        return name

    def subregion_names(self) -> list[str]:
        return self.cleaned_data.get("subregions", "").splitlines()


class MunicipalityForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Municipality
        fields = [
            "name",
            "subregion",
            "inhabitants",
            "inhabitants_year",
            "inhabitants_source",
            "is_centre",
        ]
        labels = {
            "inhabitants_year": _("Reference year"),
            "inhabitants_source": _("Source"),
        }
        help_texts = {
            "inhabitants_year": _("The year the number of inhabitants applies to, e.g. 2024."),
            "inhabitants_source": _("Where the number comes from, e.g. CBS StatLine."),
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.instance.region = region
        self.fields["subregion"].queryset = SubRegion.objects.filter(region=region)
        self.fields["inhabitants"].widget.attrs.setdefault("inputmode", "numeric")

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        clash = Municipality.objects.filter(region=self.region, name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This region already has a municipality with this name."))
        return name

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class OrganisationForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "abbreviation", "type", "municipality", "aliases"]
        widgets = {"aliases": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(region=region)

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class OrganisationMergeForm(StyledFormMixin, forms.Form):
    drop = forms.ModelChoiceField(
        label=_("Organisation to merge into this one"),
        queryset=Organisation.objects.none(),
        help_text=_(
            "Its actions, seats, people and other references move to this organisation; its "
            "name is kept as another spelling, and it is removed."
        ),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["drop"].queryset = choices
