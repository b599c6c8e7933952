"""Benchmark of the API's action list with 10,000 synthetic actions.

    .venv/bin/python bench/api.py [--actions 10000] [--requests 30]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/api.py

Builds the actions of `_setup.build` in a throwaway SQLite database (or, with
BENCH_DATABASE_URL, in a throwaway test database `test_NAME` on that PostgreSQL server), then
requests the API's action list through the full middleware stack (authentication, request
limits, the table's FilterSet, pagination, serialisation) and prints, per variant, the SQL
queries per request and the median time. As a baseline measured in the same run, interleaved
request by request, a bare view returns the same rows (the same page, with the same status and
scope when filtered) as JSON from a single `.values()` query; the last column says how many
times slower the API is. The query count is printed for several page sizes: it must not grow
with the page.
"""

import argparse
import os
import statistics
import sys
import time

# The benchmark's own database: a throwaway test database on BENCH_DATABASE_URL's server, or
# the temporary SQLite file of `_setup` (never the DATABASE_URL of the shell).
POSTGRES = os.environ.get("BENCH_DATABASE_URL", "")
os.environ.pop("DATABASE_URL", None)
if POSTGRES:
    os.environ["DATABASE_URL"] = POSTGRES
os.environ["API_RATE_ANONYMOUS"] = "100000000/minute"  # measure the work, not the limit

import _setup  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path  # noqa: E402

from agenda.models import Action, Scope  # noqa: E402
from api.action_rows import COLUMNS  # noqa: E402

SLUG = "bench-agenda"
API = f"/api/v1/agendas/{SLUG}/actions/"
# The bare view reads the very columns the API reads of an action.
BARE_FIELDS = COLUMNS


def bare_values(request):
    """One `.values()` query for the same rows as the API page, returned as JSON."""
    size = int(request.GET.get("page_size", 50))
    page = int(request.GET.get("page", 1))
    actions = Action.objects.filter(agenda__slug=SLUG)
    if "status" in request.GET:
        actions = actions.filter(status__slug=request.GET["status"])
    if "scope" in request.GET:
        actions = actions.filter(scope_id=int(request.GET["scope"]))
    rows = actions.order_by("theme__number", "order", "pk").values(*BARE_FIELDS)[
        (page - 1) * size : page * size
    ]
    return JsonResponse({"results": list(rows)})


urlpatterns = [
    path("bench/bare/", bare_values),
    path("", include("config.urls")),
]


def queries(client: Client, url: str) -> int:
    client.get(url)  # warm up
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return len(captured)


def interleaved(client: Client, url: str, bare: str, requests: int) -> tuple[float, float]:
    """Median seconds of `url` and of `bare`, requested in turn so both see the same machine."""
    client.get(url)
    client.get(bare)
    times, bare_times = [], []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200
        start = time.perf_counter()
        response = client.get(bare)
        bare_times.append(time.perf_counter() - start)
        assert response.status_code == 200
    return statistics.median(times), statistics.median(bare_times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30, help="requests per variant")
    args = parser.parse_args()

    if POSTGRES:
        print(f"PostgreSQL: {connection.creation.create_test_db(verbosity=0)}")
    else:
        call_command("migrate", verbosity=0)
        print("SQLite")
    start = time.perf_counter()
    _setup.build(args.actions, slug=SLUG)
    if POSTGRES:  # statistics for the planner, as autovacuum keeps them on a live database
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"built {Action.objects.count():,} synthetic actions with bulk writes "
        f"in {time.perf_counter() - start:.1f} s"
    )
    last = (args.actions + 49) // 50
    scope = Scope.objects.order_by("order").values_list("pk", flat=True)[1]
    variants = [
        ("first page (50 actions)", f"{API}", "/bench/bare/"),
        (
            "100 per page, page 2",
            f"{API}?page_size=100&page=2",
            "/bench/bare/?page_size=100&page=2",
        ),
        ("last page", f"{API}?page={last}", f"/bench/bare/?page={last}"),
        (
            "filtered: status + scope",
            f"{API}?status=loopt&scope={scope}",
            f"/bench/bare/?status=loopt&scope={scope}",
        ),
    ]
    # Not a target: the filtered list against the unfiltered bare page (which skips the filter).
    shown = ("  filtered, against unfiltered", f"{API}?status=loopt&scope={scope}", "/bench/bare/")
    with override_settings(ROOT_URLCONF=__name__):
        client = Client()
        print("\nqueries per request (BEGIN/COMMIT included), by page size:")
        for size in (10, 50, 100, 500):
            print(f"  page_size={size:<4} {queries(client, f'{API}?page_size={size}'):>3} queries")
        print(f"  bare .values() view: {queries(client, '/bench/bare/')} queries")
        filtered = f"{API}?status=loopt&scope={scope}&page_size=500"
        print(f"  filtered, page_size=500: {queries(client, filtered)} queries")

        print(f"\nmedian of {args.requests} requests per variant, API and bare view interleaved\n")
        print(f"{'variant':<30} {'API':>9} {'bare':>9} {'× bare':>7}")
        worst = 0.0
        for label, url, bare in [*variants, shown]:
            api_time, bare_time = interleaved(client, url, bare, args.requests)
            ratio = api_time / bare_time
            if label != shown[0]:
                worst = max(worst, ratio)
            print(f"{label:<30} {api_time * 1000:>7.1f}ms {bare_time * 1000:>7.1f}ms {ratio:>7.2f}")
        start = time.perf_counter()
        response = client.get(f"{API}?format=csv")
        print(
            f"\nCSV of all {args.actions:,} actions: {time.perf_counter() - start:.2f} s, "
            f"{len(response.content):,} bytes"
        )
    print(f"\nworst ratio to the bare view: {worst:.2f} (target: at most 2)")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average during the run: {load} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        if POSTGRES:
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
        _setup.WORKDIR.cleanup()
