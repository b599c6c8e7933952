"""Benchmark of the agenda import with 5,000 rows.

    .venv/bin/python bench/import.py [--rows 5000]

Builds an XLSX of ROWS actions (10 pillars, 100 themes, a budget of two years per action) and
imports it into a new agenda of a new region in a throwaway SQLite database: reading the file,
building the preview, and writing it in one transaction with history. It prints the time, the
peak Python memory (tracemalloc) and the number of SQL queries of each step, the queries also
for a tenth of the rows (they must not grow with the rows), and, as a baseline measured in the
same run, a bare `bulk_create` of the same pillars, themes, actions and allocations without
history, checks or preview. On SQLite every bulk write is split into batches that fit its limit
of 999 parameters per statement, so queries grow with the rows by that batching alone, for the
bare bulk_create as much as for the import; on PostgreSQL (`BENCH_DATABASE_URL`) they do not.
"""

import argparse
import io
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKDIR = tempfile.TemporaryDirectory(prefix="portal-bench-")
# BENCH_DATABASE_URL=postgres://... runs it against an (empty, throwaway) PostgreSQL database
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{WORKDIR.name}/bench.sqlite3"
)
os.environ.setdefault("DEBUG", "off")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("LOG_LEVEL", "ERROR")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from agenda.models import Action, Agenda, Pillar, Scope, Status, Theme  # noqa: E402
from financing.models import Allocation, FundingStream  # noqa: E402
from governance.models import Organisation, Region  # noqa: E402
from imports.reading import read_file  # noqa: E402
from imports.services import apply_plan, build_plan, find_header  # noqa: E402

HEAD = ["Thema's per pijler", "(Sub)regionaal", "Actie", "Status", "Trekker(s)", "Financier"]


def rows_for(count: int):
    themes_per_pillar, pillars = 10, 10
    per_theme = max(1, count // (pillars * themes_per_pillar))
    rows = [[*HEAD, "2024", "2025"]]
    n = 0
    for p in range(pillars):
        rows.append([f"Pijler {p + 1}"])
        for t in range(themes_per_pillar):
            for a in range(per_theme):
                n += 1
                theme = f"{p * themes_per_pillar + t + 1}. Thema {p}-{t}" if a == 0 else None
                rows.append(
                    [
                        theme,
                        "Regionaal",
                        f"Actie {n}: verbeteren van de aansluiting",
                        "loopt",
                        "PoW",
                        "Rijk",
                        "10.000",
                        "2.500,50",
                    ]
                )
    return rows, n


def xlsx(rows) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


TRACE = {"on": False}


def measure(function):
    """Result, seconds, peak traced memory (0 when not tracing) and SQL queries of a call."""
    if TRACE["on"]:
        tracemalloc.start()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        result = function()
    elapsed = time.perf_counter() - started
    peak = 0
    if TRACE["on"]:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return result, elapsed, peak, len(queries)


def setup_region(name):
    region = Region.objects.create(name=name, slug=name.lower())
    Scope.objects.create(region=region, name="Regionaal")
    FundingStream.objects.create(region=region, slug="rijk", name="Rijk", level="landelijk")
    agenda = Agenda.objects.create(
        title=name, slug=name.lower() + "-agenda", region=region, first_year=2024, last_year=2025
    )
    return agenda


def import_once(name, data, user, label):
    agenda = setup_region(name)
    table, t_read, m_read, q_read = measure(lambda: read_file("bench.xlsx", data))
    header = find_header(table)
    plan, t_plan, m_plan, q_plan = measure(lambda: build_plan(table, header, agenda))
    assert plan.is_valid, plan.bad_rows[:3]
    counts, t_write, m_write, q_write = measure(
        lambda: apply_plan(plan, user=user, file_name="bench.xlsx")
    )
    return {
        "label": label,
        "actions": counts.get("actions", 0),
        "read": (t_read, m_read, q_read),
        "preview": (t_plan, m_plan, q_plan),
        "write": (t_write, m_write, q_write),
    }


def bare_bulk_create(name, rows):
    """The same pillars, themes, actions, lead links and allocations with bulk_create alone."""
    agenda = setup_region(name)
    scope = Scope.objects.get(region=agenda.region)
    status = Status.objects.get(slug="loopt")
    stream = FundingStream.objects.get(region=agenda.region)
    lead = Organisation.objects.get(name="PoW")

    def run():
        with transaction.atomic():
            pillars, themes, actions = [], [], []
            order = {}
            structure = []
            for row in rows[1:]:
                if len(row) == 1:
                    pillars.append(Pillar(agenda=agenda, order=len(pillars) + 1, name=row[0]))
                    continue
                if row[0]:
                    number, name_ = row[0].split(". ", 1)
                    themes.append((len(pillars) - 1, int(number), name_))
                structure.append((len(themes) - 1, row[2]))
            Pillar.objects.bulk_create(pillars)
            theme_objs = [
                Theme(agenda=agenda, pillar=pillars[p], number=n, name=name_)
                for p, n, name_ in themes
            ]
            Theme.objects.bulk_create(theme_objs)
            for t, text in structure:
                order[t] = order.get(t, 0) + 1
                actions.append(
                    Action(
                        theme=theme_objs[t],
                        order=order[t],
                        text=text,
                        scope=scope,
                        status=status,
                        lead_text="PoW",
                        financing_text="",
                    )
                )
            Action.objects.bulk_create(actions)
            Action.leads.through.objects.bulk_create(
                [Action.leads.through(action=a, organisation=lead) for a in actions]
            )
            Allocation.objects.bulk_create(
                [
                    Allocation(stream=stream, action=a, year=year, budgeted=amount)
                    for a in actions
                    for year, amount in ((2024, 10000), (2025, 2500.5))
                ]
            )
        return len(actions)

    return measure(run)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    Status.objects.get_or_create(slug="loopt", defaults={"name": "loopt"})
    Organisation.objects.get_or_create(name="PoW")  # every action's lead, linked by the import
    user = get_user_model().objects.create_user("bench", password=None)
    rows, count = rows_for(args.rows)
    data = xlsx(rows)
    small_rows, small_count = rows_for(args.rows // 10)
    small = import_once("Klein", xlsx(small_rows), user, f"{small_count} rows")
    large = import_once("Groot", data, user, f"{count} rows")
    bare, t_bare, _m, q_bare = bare_bulk_create("Kaal", rows)
    # peak memory in a second pass: tracing slows Python down several times, so the times
    # above are taken without it
    TRACE["on"] = True
    traced = import_once("Groot2", data, user, "traced")
    _b, _t, m_bare, _q = bare_bulk_create("Kaal2", rows)
    for step in ("read", "preview", "write"):
        t, _m, q = large[step]
        large[step] = (t, traced[step][1], q)
    print(f"Import of an XLSX into a new agenda ({len(data) // 1024} kB for {count} rows),")
    print(f"database {connection.vendor}; peak memory traced in a separate pass")
    print(f"{'':26} {'time':>9} {'peak memory':>12} {'queries':>8}")
    for result in (small, large):
        for step in ("read", "preview", "write"):
            t, m, q = result[step]
            print(f"{result['label'] + ' ' + step:26} {t:8.2f}s {m / 2**20:10.1f}MB {q:8}")
        total = sum(result[s][0] for s in ("read", "preview", "write"))
        queries = sum(result[s][2] for s in ("read", "preview", "write"))
        print(f"{result['label'] + ' total':26} {total:8.2f}s {'':>12} {queries:8}")
    print(
        f"{'bare bulk_create ' + str(bare):26} {t_bare:8.2f}s {m_bare / 2**20:10.1f}MB {q_bare:8}"
    )
    t_large = sum(large[s][0] for s in ("read", "preview", "write"))
    print(
        f"import write / bare bulk_create: {large['write'][0] / t_bare:.1f}x; "
        f"whole import / bare bulk_create: {t_large / t_bare:.1f}x"
    )


if __name__ == "__main__":
    main()
