"""Benchmark of the API's action list with 10,000 synthetic actions.

    .venv/bin/python bench/api.py [--actions 10000] [--requests 30]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/api.py

Builds the actions with bulk writes in a throwaway SQLite database (or, with
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
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKDIR = tempfile.TemporaryDirectory(prefix="portal-bench-api-")
POSTGRES = os.environ.get("BENCH_DATABASE_URL", "")
os.environ["DATABASE_URL"] = POSTGRES or f"sqlite:///{WORKDIR.name}/bench.sqlite3"
os.environ.setdefault("DEBUG", "off")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ["SECURE_SSL_REDIRECT"] = "off"
os.environ["API_RATE_ANONYMOUS"] = "100000000/minute"  # measure the work, not the limit
os.environ.setdefault("LOG_LEVEL", "ERROR")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path  # noqa: E402

from agenda.models import Action, Agenda, Pillar, Scope, Status, Theme  # noqa: E402
from financing.models import Allocation, FundingStream  # noqa: E402
from governance.models import Organisation, Region  # noqa: E402

SLUG = "bench-agenda"
API = f"/api/v1/agendas/{SLUG}/actions/"
# The fields of an action the bare view returns: about what the API shows of a row.
BARE_FIELDS = [
    "id",
    "order",
    "short_title",
    "text",
    "target_group_text",
    "stage",
    "lead_text",
    "financing_text",
    "added_later",
    "updated_at",
    "theme__number",
    "theme__name",
    "theme__target_group",
    "pillar__order",
    "pillar__name",
    "scope__id",
    "scope__name",
    "status__slug",
    "status__name",
]


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


def build(actions: int) -> None:
    region = Region.objects.create(name="Benchregio", slug="benchregio")
    statuses = [
        Status.objects.get_or_create(slug=slug, defaults={"name": slug.replace("-", " ")})[0]
        for slug in ("loopt", "nader-uit-te-werken", "afgerond", "vertraagd")
    ]
    scopes = [
        Scope.objects.create(region=region, name=name, order=i)
        for i, name in enumerate(["Regionaal", "IJmond", "Zuid-Kennemerland"])
    ]
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Partnerorganisatie {i}", abbreviation=f"P{i}") for i in range(40)
    )
    agenda = Agenda.objects.create(
        title="Benchmark-agenda",
        slug=SLUG,
        region=region,
        first_year=2024,
        last_year=2027,
        state=Agenda.State.ADOPTED,
    )
    streams = FundingStream.objects.bulk_create(
        FundingStream(region=region, slug=f"bron-{i}", name=f"Bron {i}", level="regionaal")
        for i in range(5)
    )
    themes = []
    for p in range(1, 5):
        pillar = Pillar.objects.create(agenda=agenda, order=p, name=f"Pijler {p}")
        for t in range(1, 6):
            number = (p - 1) * 5 + t
            themes.append(
                Theme.objects.create(
                    pillar=pillar,
                    agenda=agenda,
                    number=number,
                    name=f"Thema {number}",
                    target_group="Werkzoekenden en werkgevers in de regio",
                )
            )
    stages = [choice for choice, _label in Action.Stage.choices]
    created = Action.objects.bulk_create(
        (
            Action(
                theme=themes[i % len(themes)],
                order=i // len(themes) + 1,
                text=f"Actie {i}: begeleiding van jongeren en werkzoekenden naar werk in de zorg",
                scope=scopes[i % len(scopes)],
                status=statuses[i % len(statuses)],
                stage=stages[i % len(stages)],
                lead_text=f"Partnerorganisatie {i % 40} met gemeenten",
                financing_text="PoW" if i % 2 else "Via landelijk steunpakket",
            )
            for i in range(actions)
        ),
        batch_size=1000,
    )
    Action.leads.through.objects.bulk_create(
        (
            Action.leads.through(action_id=a.pk, organisation_id=organisations[(i + k) % 40].pk)
            for i, a in enumerate(created)
            for k in (0, 7)
        ),
        batch_size=2000,
    )
    FundingStream.actions.through.objects.bulk_create(
        (
            FundingStream.actions.through(action_id=a.pk, fundingstream_id=streams[i % 5].pk)
            for i, a in enumerate(created)
        ),
        batch_size=2000,
    )
    Allocation.objects.bulk_create(
        (
            Allocation(stream=streams[i % 5], action=a, year=2024 + i % 4, budgeted=1000 + i)
            for i, a in enumerate(created)
            if i % 3 == 0
        ),
        batch_size=2000,
    )


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
    build(args.actions)
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
        WORKDIR.cleanup()
