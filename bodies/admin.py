from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models
from .services import person_remove


class BodyPillarInline(admin.TabularInline):
    model = models.BodyPillar
    extra = 0
    autocomplete_fields = ["pillar"]


class MembershipInline(admin.TabularInline):
    model = models.Membership
    extra = 0
    fields = ["side", "order", "person", "alias", "seat_label", "role", "affiliation", "note"]
    autocomplete_fields = ["person", "organisation"]


@admin.register(models.Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "abbreviation", "level", "region"]
    list_filter = ["region", "level"]
    search_fields = ["name", "abbreviation"]
    filter_horizontal = ["agendas"]
    inlines = [BodyPillarInline, MembershipInline]


@admin.register(models.BodyPillar)
class BodyPillarAdmin(SimpleHistoryAdmin):
    list_display = ["body", "pillar", "certainty"]
    list_filter = ["certainty"]


class PersonAliasInline(admin.TabularInline):
    model = models.PersonAlias
    extra = 0


@admin.register(models.Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "is_public", "region"]
    list_filter = ["region", "is_public"]
    search_fields = ["name"]
    autocomplete_fields = ["organisation"]
    inlines = [PersonAliasInline]

    # Deleting here removes the name from the history too, as the portal's removal page does.
    def delete_model(self, request, obj):
        person_remove(person=obj)

    def delete_queryset(self, request, queryset):
        for person in queryset:
            person_remove(person=person)


@admin.register(models.PersonAlias)
class PersonAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "person"]
    search_fields = ["name", "person__name"]


@admin.register(models.Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["body", "side", "order", "person", "seat_label", "role", "affiliation"]
    list_filter = ["body", "side", "role"]
    search_fields = ["person__name", "seat_label", "affiliation"]
    autocomplete_fields = ["person", "organisation"]


@admin.register(models.DecisionStep)
class DecisionStepAdmin(SimpleHistoryAdmin):
    list_display = ["agenda", "order", "date", "body", "body_text", "purpose"]
    list_filter = ["agenda", "purpose"]


@admin.register(models.ConsultationInput)
class ConsultationInputAdmin(SimpleHistoryAdmin):
    list_display = ["agenda", "round", "partner"]
    list_filter = ["agenda", "round"]
    autocomplete_fields = ["partner"]
