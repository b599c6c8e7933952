"""The CSV and XLSX downloads against bare writers over the same rows, interleaved.

    .venv/bin/python bench/exports.py [--sizes "1000 10000"] [--rounds 3]

For each N: the streamed CSV of the action table (through the test client, the whole stream
read) against a bare view that writes the same rows with `csv.writer` from one `.values()`
query; the XLSX against a bare view writing the same rows with openpyxl's write-only mode.
Also the peak of Python memory (tracemalloc) while each download is made and read.
"""

import csv
import io
import sys
import tracemalloc

import _setup
from django.http import HttpResponse, StreamingHttpResponse
from django.test import override_settings
from django.urls import include, path

from agenda.models import Action

FIELDS = ["theme__number", "theme__name", "scope__name", "text", "status__name", "lead_text"]
FIELDS += ["financing_text", "target_group_text"]


def rows(slug):
    return (
        Action.objects.filter(agenda__slug=slug)
        .order_by("theme__number", "order")
        .values_list(*FIELDS)
        .iterator(chunk_size=2000)
    )


class Echo:
    def write(self, value):
        return value


def bare_csv(request, slug):
    writer = csv.writer(Echo())
    return StreamingHttpResponse(writer.writerow(row) for row in rows(slug))


def bare_xlsx(request, slug):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows(slug):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return HttpResponse(out.getvalue())


urlpatterns = [
    path("bench/csv/<slug:slug>/", bare_csv),
    path("bench/xlsx/<slug:slug>/", bare_xlsx),
    path("", include("config.urls")),
]


def peak_mb(client, url) -> float:
    tracemalloc.start()
    _setup.body(client.get(url))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main() -> int:
    args, client = _setup.start(__doc__)
    print(f"median of {args.rounds} interleaved downloads, whole response read")
    print(
        f"{'N':>6}  {'kind':<6} {'portal':>9} {'bare':>9} {'× bare':>7} {'peak MB':>8} {'bare':>8}"
    )
    with override_settings(ROOT_URLCONF=__name__):
        for size in _setup.parse_sizes(args.sizes):
            agenda = _setup.build(size)
            table = f"/agendas/{agenda.slug}/acties/"
            for kind in ("csv", "xlsx"):
                ours = f"{table}?_export={kind}"
                bare = f"/bench/{kind}/{agenda.slug}/"
                medians = _setup.interleaved(
                    {
                        "ours": lambda url=ours: _setup.body(client.get(url)),
                        "bare": lambda url=bare: _setup.body(client.get(url)),
                    },
                    args.rounds,
                )
                print(
                    f"{size:>6}  {kind:<6} {medians['ours'] * 1000:>7.0f}ms "
                    f"{medians['bare'] * 1000:>7.0f}ms {medians['ours'] / medians['bare']:>7.2f} "
                    f"{peak_mb(client, ours):>8.1f} {peak_mb(client, bare):>8.1f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
