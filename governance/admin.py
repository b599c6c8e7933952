from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Municipality, Organisation, Profile, Region, SubRegion


class SubRegionInline(admin.TabularInline):
    model = SubRegion
    extra = 0


class MunicipalityInline(admin.TabularInline):
    model = Municipality
    extra = 0
    fields = ["name", "subregion", "inhabitants", "inhabitants_source", "is_centre"]


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SubRegionInline, MunicipalityInline]


@admin.register(SubRegion)
class SubRegionAdmin(admin.ModelAdmin):
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name"]


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "region", "subregion", "inhabitants", "is_centre"]
    list_filter = ["region", "subregion", "is_centre"]
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "abbreviation", "type", "municipality"]
    list_filter = ["type"]
    search_fields = ["name", "abbreviation"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "region", "organisation"]
    list_filter = ["region"]
    search_fields = ["user__username", "organisation__name"]
    autocomplete_fields = ["organisation"]
