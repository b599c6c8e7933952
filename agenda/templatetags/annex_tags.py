"""Template helpers for the links to the PDF annexes."""

from django import template

from agenda.annex_views import may_print_past_annex

register = template.Library()


@register.filter
def prints_past_annex(user, agenda) -> bool:
    """`{% if user|prints_past_annex:agenda %}`: may the user print Bijlage 1 of a past date?"""
    return may_print_past_annex(user, agenda)
