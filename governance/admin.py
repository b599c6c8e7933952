from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


class SubRegionInline(admin.TabularInline):
    model = models.SubRegion
    extra = 0


class MunicipalityInline(admin.TabularInline):
    model = models.Municipality
    extra = 0
    fields = ["name", "subregion", "inhabitants", "inhabitants_source", "is_centre"]


@admin.register(models.Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SubRegionInline, MunicipalityInline]


@admin.register(models.SubRegion)
class SubRegionAdmin(admin.ModelAdmin):
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name"]


@admin.register(models.Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "region", "subregion", "inhabitants", "is_centre"]
    list_filter = ["region", "subregion", "is_centre"]
    search_fields = ["name"]


@admin.register(models.Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "abbreviation", "type", "municipality"]
    list_filter = ["type"]
    search_fields = ["name", "abbreviation"]


@admin.register(models.Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "region", "organisation"]
    list_filter = ["region"]
    search_fields = ["user__username", "organisation__name"]
    autocomplete_fields = ["organisation"]
