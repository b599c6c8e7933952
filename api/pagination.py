from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
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


# Offsets beyond this are not sent to the database (they would overflow its integers).
MAX_OFFSET = 2**40


class CountedPagePaginator(Paginator):
    """A paginator over rows that bring their own total (`action_rows.CountedRows`): a page is
    one query, and the total is taken from it instead of a separate count query.

    Only an empty page is counted separately (to tell an empty first page from a page past the
    end), as is `page=last`, whose number depends on the total, and a page number too large to
    send to the database."""

    def page(self, number):
        number = self.whole_number(number)
        bottom = (number - 1) * self.per_page
        if bottom > MAX_OFFSET:
            return super().page(number)  # past any real list: counts, and answers EmptyPage
        rows, total = self.object_list.counted_slice(bottom, bottom + self.per_page)
        if total is None:
            return super().page(number)  # counts, and says why the page does not exist
        self.__dict__["count"] = total  # what the `count` cached property would have counted
        return self._get_page(rows, number, self)

    def whole_number(self, number) -> int:
        """`number` as a whole number of at least 1, with Django's exceptions otherwise."""
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number


class ActionPagination(PageNumberPagination):
    """The action list's pages: the total comes with the page (`CountedPagePaginator`)."""

    django_paginator_class = CountedPagePaginator
