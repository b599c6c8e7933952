from django.utils.translation import gettext_lazy as _
from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=2&page_size=100`; every list has a fixed order, so pages never overlap."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    page_query_description = _("The page number, from 1.")
    page_size_query_description = _("Results per page: 50 unless asked, at most 500.")
    invalid_page_message = _("This page does not exist.")

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        described = {
            "count": _("Number of results over all pages."),
            "next": _("Address of the next page; empty on the last page."),
            "previous": _("Address of the previous page; empty on the first page."),
            "results": _("The results on this page."),
        }
        for name, text in described.items():
            response["properties"][name]["description"] = str(text)
        return response
