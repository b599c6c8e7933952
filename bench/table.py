"""The action table against a bare view of the same rows, interleaved in the same run.

    .venv/bin/python bench/table.py [--sizes "1000 10000"] [--rounds 15]

For each N it makes an agenda of N actions (bulk writes), then requests through the test client
(full middleware stack), as a visitor, in turn: the table page made anew (cold: its kept copy
removed before each request, as for the first visitor of an address after a change; the filter
options stay cached as after any earlier page), the table page again (warm: the visitor's kept
copy of common/pagecache.py) and a bare view that renders the same rows, fetched with one
`.values()` query, as a plain HTML table in the base layout, made anew every time. It prints
the queries per request, the median times, the page sizes and both ratios to the bare view. It
checks that the pages show the same actions. The CSV/XLSX downloads are measured by
bench/exports.py.
"""

import argparse
import re
import sys

import _setup
from django.core.cache import cache
from django.db.models import Q
from django.http import HttpResponse
from django.template import engines
from django.test import Client, override_settings
from django.urls import include, path

from agenda.models import Action
from common.pagecache import KEY_PREFIX

FIELDS = [
    "theme__number",
    "theme__name",
    "pillar__name",
    "theme__target_group",
    "scope__name",
    "text",
    "status__name",
    "lead_text",
    "financing_text",
]
BARE = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<table>{% for r in rows %}<tr>'
    "<td>{{ r.theme__number }}</td><td>{{ r.theme__name }}<br>{{ r.pillar__name }}</td>"
    "<td>{{ r.theme__target_group }}</td><td>{{ r.scope__name }}</td>"
    '<td><a href="/acties/{{ r.pk }}/">{{ r.text }}</a></td><td>{{ r.status__name }}</td>'
    "<td>{{ r.lead_text }}</td><td>{{ r.financing_text }}</td></tr>{% endfor %}</table>"
    "{% endblock %}"
)


def bare_view(request, slug):
    """One `.values()` query for the rows the table shows, rendered as plain HTML."""
    rows = Action.objects.filter(agenda__slug=slug)
    if request.GET.get("status"):
        rows = rows.filter(status__slug=request.GET["status"])
    if request.GET.get("q"):
        for word in request.GET["q"].split():
            rows = rows.filter(Q(text__icontains=word) | Q(lead_text__icontains=word))
    per_page = int(request.GET.get("per_page", 25))
    page = int(request.GET.get("page", 1))
    if request.GET.get("sort") == "-leads":
        rows = rows.order_by("-lead_text", "-theme__number", "-order")
    else:
        rows = rows.order_by("theme__number", "order")
    start = (page - 1) * per_page
    rows = rows.values("pk", *FIELDS)[start : start + per_page]
    return HttpResponse(BARE.render({"rows": rows}, request))


urlpatterns = [
    path("bench/bare/<slug:slug>/", bare_view),
    path("", include("config.urls")),
]

TEXT = re.compile(r"Actie (\d+):")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000 10000", help="numbers of actions")
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds")
    args = parser.parse_args()
    _setup.migrate()
    client = Client()
    print(f"median of {args.rounds} interleaved requests per page, as a visitor")
    print(
        f"{'N':>6}  {'variant':<28} {'queries':>7} {'cold':>8} {'warm':>8} {'bare':>8} "
        f"{'bytes':>8} {'cold×':>6} {'warm×':>6}"
    )
    with override_settings(ROOT_URLCONF=__name__):
        for size in _setup.parse_sizes(args.sizes):
            agenda = _setup.build(size)
            table = f"/agendas/{agenda.slug}/acties/"
            bare = f"/bench/bare/{agenda.slug}/"
            last = max(1, size // 25)
            variants = [
                ("first page (25 rows)", ""),
                ("100 rows per page", "?per_page=100"),
                ("last page, sorted by lead", f"?sort=-leads&page={last}"),
                ("filtered (status + q)", "?status=loopt&q=jongeren+zorg"),
            ]
            for label, query in variants:
                table_page = client.get(table + query)
                bare_page = client.get(bare + query)
                assert table_page.status_code == 200, table_page.status_code
                shown = TEXT.findall(table_page.content.decode())
                assert shown == TEXT.findall(bare_page.content.decode()), label
                kept = KEY_PREFIX + table_page["ETag"].strip('"')
                assert cache.get(kept) is not None, "the visitor's copy is not kept"

                def cold(url=table + query, kept=kept):
                    cache.delete(kept)
                    return client.get(url)

                warm_queries = _setup.count_queries(client, table + query)
                cache.delete(kept)
                cold_queries = _setup.count_queries(client, table + query)
                medians = _setup.interleaved(
                    {
                        "cold": cold,
                        "warm": lambda url=table + query: client.get(url),
                        "bare": lambda url=bare + query: client.get(url),
                    },
                    args.rounds,
                )
                print(
                    f"{size:>6}  {label:<28} {cold_queries:>3}/{warm_queries:<3} "
                    f"{medians['cold'] * 1000:>6.1f}ms {medians['warm'] * 1000:>6.1f}ms "
                    f"{medians['bare'] * 1000:>6.1f}ms {len(table_page.content):>8,} "
                    f"{medians['cold'] / medians['bare']:>6.2f} "
                    f"{medians['warm'] / medians['bare']:>6.2f}"
                )
    print("queries of the table page made anew / of its kept copy (it runs outside a transaction)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
