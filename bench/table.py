"""Benchmark of the action table with 10,000 synthetic actions.

    .venv/bin/python bench/table.py [--actions 10000] [--requests 20]

Builds the actions in a throwaway SQLite database, then requests the table page through the
full middleware stack and prints, per variant, the SQL queries per request and the median time.
As a baseline measured in the same run it serves a bare page of the same size (the base layout
around static text, no queries of its own), and prints how many times slower the table is.
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

WORKDIR = tempfile.TemporaryDirectory(prefix="portal-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR.name}/bench.sqlite3"
os.environ.setdefault("DEBUG", "off")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ["SECURE_SSL_REDIRECT"] = "off"
os.environ.setdefault("LOG_LEVEL", "ERROR")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path  # noqa: E402

from agenda.models import Action, Agenda, Pillar, Scope, Status, Theme  # noqa: E402
from governance.models import Organisation, Region  # noqa: E402

SLUG = "bench-agenda"
BARE_SIZE = {"bytes": 0}


def bare_page(request):
    """The base layout around static text of the size of the table page."""
    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block content %}<pre>{{ body }}</pre>{% endblock %}'
    )
    return HttpResponse(template.render({"body": "x" * BARE_SIZE["bytes"]}, request))


urlpatterns = [
    path("bench/bare/", bare_page),
    path("", include("config.urls")),
]


def build(actions: int) -> Agenda:
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
    return agenda


def measure(client: Client, url: str, requests: int) -> tuple[int, float, int]:
    """(queries per request, median seconds, response bytes) of `requests` GETs of `url`."""
    client.get(url)  # warm up caches and template loading
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)  # read now: later requests clear the connection's query log
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
    return query_count, statistics.median(timings), len(response.content)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=20, help="requests per page variant")
    parser.add_argument("--export-requests", type=int, default=3, help="requests of the export")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    build(args.actions)
    print(
        f"built {Action.objects.count():,} synthetic actions in {time.perf_counter() - start:.1f} s"
    )
    print(
        f"median of {args.requests} requests per page variant ({args.export_requests} of the "
        "export), through the full middleware stack; queries include BEGIN/COMMIT\n"
    )

    table = f"/agendas/{SLUG}/acties/"
    variants = [
        ("table, first page (25 rows)", table),
        ("table, 100 rows per page", f"{table}?per_page=100"),
        ("table, last page, sorted by lead", f"{table}?sort=-leads&page=400"),
        ("table, filtered (status + scope + q)", f"{table}?status=loopt&scope=2&q=jongeren+zorg"),
    ]
    exports = [("CSV export of all actions", f"{table}?_export=csv")]
    with override_settings(ROOT_URLCONF=__name__):
        client = Client()
        results = []
        for label, url in variants:
            results.append((label, *measure(client, url, args.requests)))
        for label, url in exports:
            results.append((label, *measure(client, url, args.export_requests)))

        # Baseline: a bare page the size of the first table page.
        BARE_SIZE["bytes"] = results[0][3]
        bare_queries, bare_median, bare_bytes = measure(client, "/bench/bare/", args.requests)

    print(f"{'variant':<40} {'queries':>7} {'median':>10} {'bytes':>10} {'× bare':>7}")
    for label, queries, median, size in results:
        ratio = median / bare_median
        print(f"{label:<40} {queries:>7} {median * 1000:>8.1f}ms {size:>10,} {ratio:>7.1f}")
    print(
        f"{'baseline: bare page of the same size':<40} {bare_queries:>7} "
        f"{bare_median * 1000:>8.1f}ms {bare_bytes:>10,} {1.0:>7.1f}"
    )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        WORKDIR.cleanup()
