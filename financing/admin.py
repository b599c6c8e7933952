from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Allocation, Distribution, DistributionPart, FundingStream, YearAmount


class YearAmountInline(admin.TabularInline):
    model = YearAmount
    extra = 0
    fields = ["year", "kind", "amount", "note"]


@admin.register(FundingStream)
class FundingStreamAdmin(SimpleHistoryAdmin):
    list_display = ["name", "level", "region", "group_label", "financier", "order"]
    list_filter = ["region", "level"]
    search_fields = ["name", "abbreviation", "also_known_as"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["agendas"]
    autocomplete_fields = ["actions"]
    inlines = [YearAmountInline]


@admin.register(YearAmount)
class YearAmountAdmin(SimpleHistoryAdmin):
    list_display = ["stream", "year", "kind", "amount"]
    list_filter = ["kind", "year", "stream__region"]
    search_fields = ["stream__name"]


@admin.register(Allocation)
class AllocationAdmin(SimpleHistoryAdmin):
    list_display = ["action", "stream", "year", "budgeted", "realised"]
    list_filter = ["stream", "year"]
    search_fields = ["action__text", "stream__name", "realised_note"]
    list_select_related = ["stream", "action"]
    raw_id_fields = ["action"]


class DistributionPartInline(admin.TabularInline):
    model = DistributionPart
    extra = 0
    fields = ["municipality", "inhabitants", "amount"]


@admin.register(Distribution)
class DistributionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "region", "total", "created_at"]
    list_filter = ["region"]
    inlines = [DistributionPartInline]
    raw_id_fields = ["year_amount", "allocation"]


@admin.register(DistributionPart)
class DistributionPartAdmin(SimpleHistoryAdmin):
    list_display = ["distribution", "municipality", "inhabitants", "amount"]
    list_filter = ["municipality"]
    list_select_related = ["distribution", "municipality"]
