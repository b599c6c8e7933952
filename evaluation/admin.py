from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Evaluation, EvaluationFund, Indicator


class EvaluationFundInline(admin.TabularInline):
    model = EvaluationFund
    extra = 0
    fields = ["order", "amount", "stream_text", "year", "note"]


@admin.register(Evaluation)
class EvaluationAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "pillar", "outcome", "evaluated_on"]
    list_filter = ["outcome", "pillar__agenda", "pillar"]
    search_fields = ["title", "action_text", "achieved_result"]
    raw_id_fields = ["action"]
    filter_horizontal = ["parties"]
    inlines = [EvaluationFundInline]


@admin.register(EvaluationFund)
class EvaluationFundAdmin(SimpleHistoryAdmin):
    list_display = ["evaluation", "amount", "stream_text", "year"]
    search_fields = ["stream_text", "evaluation__title"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "action", "unit", "baseline", "target", "actual", "measured_on"]
    search_fields = ["name", "action__text"]
    raw_id_fields = ["action"]
