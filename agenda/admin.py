from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, Agenda, Pillar, Scope, Status, Theme


@admin.register(Status)
class StatusAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Scope)
class ScopeAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "subregion", "order"]
    list_filter = ["region"]
    search_fields = ["name"]


class PillarInline(admin.TabularInline):
    model = Pillar
    extra = 0
    fields = ["order", "name"]
    show_change_link = True


@admin.register(Agenda)
class AgendaAdmin(SimpleHistoryAdmin):
    list_display = ["title", "region", "municipality", "first_year", "last_year", "state"]
    list_filter = ["state", "region", "top_level_label"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PillarInline]


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0
    fields = ["number", "name", "target_group"]
    show_change_link = True


@admin.register(Pillar)
class PillarAdmin(SimpleHistoryAdmin):
    list_display = ["name", "agenda", "order"]
    list_filter = ["agenda"]
    search_fields = ["name", "intro"]
    inlines = [ThemeInline]


class ActionInline(admin.StackedInline):
    model = Action
    extra = 0
    fields = [
        "order",
        "text",
        ("scope", "status", "stage"),
        "lead_text",
        "leads",
        "financing_text",
        "source_note",
    ]
    filter_horizontal = ["leads"]
    show_change_link = True


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name", "pillar", "agenda"]
    list_display_links = ["number", "name"]
    list_filter = ["agenda", "pillar"]
    search_fields = ["name", "target_group", "narrative"]
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["short_text", "theme", "scope", "status", "stage", "lead_text"]
    list_filter = [
        "agenda",
        "pillar",
        "theme",
        "scope",
        "status",
        "stage",
        "added_later",
    ]
    search_fields = ["text", "short_title", "lead_text", "financing_text", "source_note"]
    filter_horizontal = ["leads"]
    list_select_related = ["theme", "scope", "status"]
    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description=_("action"))
    def short_text(self, obj):
        return obj.text[:90]
