"""The action table against a bare view of the same rows, interleaved in the same run.

    .venv/bin/python bench/table.py [--sizes "1000 10000"] [--rounds 15]

For each N it makes an agenda of N actions (bulk writes), then requests through the test client
(full middleware stack), in turn: the table page and a bare view that renders the same rows,
fetched with one `.values()` query, as a plain HTML table in the base layout. It prints the
queries per request, the median times, the page sizes and the ratio table / bare. It checks
that both pages show the same actions. The CSV/XLSX downloads are measured by bench/exports.py.
"""

import argparse
import re
import sys

import _setup
from django.db.models import Q
from django.http import HttpResponse
from django.template import engines
from django.test import Client, override_settings
from django.urls import include, path

from agenda.models import Action

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
    print(f"median of {args.rounds} interleaved requests per page; queries include BEGIN/COMMIT")
    print(
        f"{'N':>6}  {'variant':<34} {'queries':>7} {'table':>9} {'bare':>9} "
        f"{'bytes':>9} {'× bare':>7}"
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
                queries = _setup.count_queries(client, table + query)
                medians = _setup.interleaved(
                    {
                        "table": lambda url=table + query: client.get(url),
                        "bare": lambda url=bare + query: client.get(url),
                    },
                    args.rounds,
                )
                print(
                    f"{size:>6}  {label:<34} {queries:>7} "
                    f"{medians['table'] * 1000:>7.1f}ms {medians['bare'] * 1000:>7.1f}ms "
                    f"{len(table_page.content):>9,} {medians['table'] / medians['bare']:>7.2f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
