"""The CSV and XLSX downloads against bare writers over the same rows, interleaved.

    .venv/bin/python bench/exports.py [--sizes "1000 10000"] [--rounds 3]

For each N: the streamed CSV of the action table (through the test client, the whole stream
read) against a bare view that writes the same rows with `csv.writer`; the XLSX against a bare
view writing the same rows with openpyxl's write-only mode. The bare views write the same
headings, rows and cells as the portal (the place "pillar: theme", the leads' abbreviations
where no lead text is written, the funding streams with their amounts), read with plain
`.values()` queries: one for the actions and three for their leads, named streams and
allocations. That both give the same cells is checked on every run. Also the peak of Python
memory (tracemalloc) while each download is made and read.
"""

import csv
import io
import sys
import tracemalloc
from collections import defaultdict
from decimal import Decimal

import _setup
from django.http import HttpResponse, StreamingHttpResponse
from django.test import override_settings
from django.urls import include, path

from agenda.models import Action
from financing.models import Allocation, FundingStream

FIELDS = ["pk", "number", "theme_id", "pillar_id", "agenda__top_level_label", "theme__number"]
FIELDS += ["theme__name", "pillar__name", "theme__target_group", "target_group_text"]
FIELDS += ["scope__name", "text", "status__name", "lead_text", "financing_text"]
ALLOCATION_FIELDS = ["action_id", "stream_id", "stream__order", "stream__name", "year"]
ALLOCATION_FIELDS += ["budgeted", "realised"]
HEADINGS = ["#", "Thema's per pijler", "Voor wie", "(Sub)regionaal", "Actie", "Status"]
HEADINGS += ["Trekker(s)", "Financiering", "Financieringsbronnen en bedragen"]


def euro(amount: Decimal) -> str:
    """€ 1.250.000 or € 1.250.000,50, as the portal writes amounts."""
    text = f"€ {int(abs(amount)):,}".replace(",", ".")
    cents = int(abs(amount) * 100) % 100
    text += f",{cents:02d}" if cents else ""
    return "-" + text if amount < 0 else text


def leads(slug) -> dict[int, str]:
    names = defaultdict(list)
    for action, abbreviation, name in (
        Action.leads.through.objects.filter(action__agenda__slug=slug)
        .order_by("organisation__name")
        .values_list("action_id", "organisation__abbreviation", "organisation__name")
    ):
        names[action].append(abbreviation or name)
    return {action: ", ".join(parts) for action, parts in names.items()}


def funding(slug) -> dict[int, str]:
    streams = defaultdict(dict)
    for action, stream, order, name in (
        FundingStream.actions.through.objects.filter(action__agenda__slug=slug)
        .order_by("fundingstream__region", "fundingstream__order", "fundingstream__name")
        .values_list("action_id", "fundingstream_id", "fundingstream__order", "fundingstream__name")
    ):
        streams[action][stream] = (order, name)
    amounts = defaultdict(list)
    for action, stream, order, name, year, budgeted, realised in (
        Allocation.objects.filter(action__agenda__slug=slug)
        .order_by("action", "stream", "year")
        .values_list(*ALLOCATION_FIELDS)
    ):
        streams[action].setdefault(stream, (order, name))
        year = str(year) if year else "hele looptijd"
        if budgeted is not None:
            amounts[action, stream].append(f"begroot {euro(budgeted)} ({year})")
        if realised is not None:
            amounts[action, stream].append(f"gerealiseerd {euro(realised)} ({year})")
    lines = {}
    for action, named in streams.items():
        parts = []
        for stream, (_order, name) in sorted(named.items(), key=lambda item: item[1]):
            written = amounts.get((action, stream))
            parts.append(f"{name}: {', '.join(written)}" if written else name)
        lines[action] = "; ".join(parts)
    return lines


def rows(slug):
    """The headings and the cells of every action, as the portal exports them."""
    lead_names, funding_lines = leads(slug), funding(slug)
    yield HEADINGS
    for row in (
        Action.objects.filter(agenda__slug=slug)
        .order_by("theme__number", "order")
        .values(*FIELDS)
        .iterator(chunk_size=2000)
    ):
        if row["theme_id"]:
            place = f"{row['pillar__name']}: {row['theme__name']}"
        elif row["pillar_id"]:
            place = row["pillar__name"]
        else:
            label = row["agenda__top_level_label"] or "pijler"
            place = f"De agenda als geheel (niet onder een {label})"
        yield [
            row["theme__number"] if row["theme_id"] else row["number"],
            place,
            row["target_group_text"] or (row["theme__target_group"] if row["theme_id"] else ""),
            row["scope__name"] or "",
            row["text"],
            row["status__name"] or "",
            row["lead_text"] or lead_names.get(row["pk"], ""),
            row["financing_text"],
            funding_lines.get(row["pk"], ""),
        ]


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


def same_cells(client, kind: str, ours: str, bare: str) -> bool:
    """Whether the portal's download and the bare one hold the same cells."""
    if kind == "csv":
        texts = [_setup.body(client.get(url)).decode("utf-8-sig") for url in (ours, bare)]
        return texts[0] == texts[1]
    from openpyxl import load_workbook

    books = [load_workbook(io.BytesIO(_setup.body(client.get(url)))) for url in (ours, bare)]
    cells = [list(book.worksheets[0].iter_rows(values_only=True)) for book in books]
    return cells[0] == cells[1]


def main() -> int:
    args, client = _setup.start(__doc__)
    print(f"median of {args.rounds} interleaved downloads, whole response read")
    print(
        f"{'N':>6}  {'kind':<6} {'portal':>9} {'bare':>9} {'× bare':>7} {'peak MB':>8} {'bare':>8}"
        "  same cells"
    )
    differ = False
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
                same = same_cells(client, kind, ours, bare)
                differ = differ or not same
                print(
                    f"{size:>6}  {kind:<6} {medians['ours'] * 1000:>7.0f}ms "
                    f"{medians['bare'] * 1000:>7.0f}ms {medians['ours'] / medians['bare']:>7.2f} "
                    f"{peak_mb(client, ours):>8.1f} {peak_mb(client, bare):>8.1f}"
                    f"  {'yes' if same else 'NO'}"
                )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
