"""Shared set-up of the benchmarks: a throw-away database and agendas of N synthetic actions.

Import it before anything from Django. The data is made with bulk writes (no row-by-row saves):
4 pillars of 5 themes, 3 scopes, 4 statuses, 40 lead organisations (two per action, a third of
the actions without a written lead text), 4 funding streams named by half of the actions and
a budget allocation for a quarter of them. `DATABASE_URL` may point to PostgreSQL; otherwise a
temporary SQLite file is used.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKDIR = tempfile.TemporaryDirectory(prefix="portal-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORKDIR.name}/bench.sqlite3")
os.environ["MEDIA_ROOT"] = f"{WORKDIR.name}/media"
os.environ.setdefault("DEBUG", "off")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
os.environ["SECURE_SSL_REDIRECT"] = "off"
os.environ.setdefault("LOG_LEVEL", "ERROR")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import warnings  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from decimal import Decimal  # noqa: E402

from django.core.management import call_command  # noqa: E402

SIZES = (1_000, 10_000)


def parse_sizes(text: str) -> list[int]:
    return [int(part.replace("_", "").replace(",", "")) for part in text.split() if part]


def migrate() -> None:
    call_command("migrate", verbosity=0)


def build(actions: int, slug: str | None = None):
    """An adopted agenda with `actions` actions, made with bulk writes; returns the agenda."""
    from agenda.models import Action, Agenda, Pillar, Scope, Status, Theme
    from financing.models import Allocation, FundingStream
    from governance.models import Organisation, Region

    slug = slug or f"bench-{actions}"
    region, _ = Region.objects.get_or_create(slug="benchregio", defaults={"name": "Benchregio"})
    statuses = [
        Status.objects.get_or_create(slug=s, defaults={"name": s.replace("-", " "), "order": i})[0]
        for i, s in enumerate(("loopt", "nader-uit-te-werken", "afgerond", "vertraagd"))
    ]
    scopes = [
        Scope.objects.get_or_create(region=region, name=name, defaults={"order": i})[0]
        for i, name in enumerate(["Regionaal", "IJmond", "Zuid-Kennemerland"])
    ]
    organisations = [
        Organisation.objects.get_or_create(
            name=f"Partnerorganisatie {i}", defaults={"abbreviation": f"P{i}"}
        )[0]
        for i in range(40)
    ]
    streams = [
        FundingStream.objects.get_or_create(
            region=region,
            slug=f"bron-{i}",
            defaults={"name": f"Bron {i}", "level": "regionaal", "order": i},
        )[0]
        for i in range(4)
    ]
    agenda = Agenda.objects.create(
        title=f"Benchmark-agenda {actions}",
        slug=slug,
        region=region,
        first_year=2024,
        last_year=2027,
        state=Agenda.State.ADOPTED,
    )
    pillars = Pillar.objects.bulk_create(
        Pillar(agenda=agenda, order=p, name=f"Pijler {p}") for p in range(1, 5)
    )
    themes = Theme.objects.bulk_create(
        Theme(
            pillar=pillars[(n - 1) // 5],
            agenda=agenda,
            number=n,
            name=f"Thema {n}",
            target_group="Werkzoekenden en werkgevers in de regio",
        )
        for n in range(1, 21)
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
                lead_text="" if i % 3 == 0 else f"Partnerorganisatie {i % 40} met gemeenten",
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
            FundingStream.actions.through(action_id=a.pk, fundingstream_id=streams[i % 4].pk)
            for i, a in enumerate(created)
            if i % 2
        ),
        batch_size=2000,
    )
    Allocation.objects.bulk_create(
        (
            Allocation(
                action_id=a.pk, stream=streams[i % 4], year=2024 + i % 3, budgeted=Decimal(i * 100)
            )
            for i, a in enumerate(created)
            if i % 4 == 0
        ),
        batch_size=2000,
    )
    return agenda


def interleaved(functions: dict, rounds: int) -> dict:
    """Median seconds of each function, called in turn `rounds` times (after one warm-up)."""
    timings = {name: [] for name in functions}
    for function in functions.values():
        function()
    for _ in range(rounds):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            timings[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in timings.items()}


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def count_queries(client, url: str) -> int:
    """How many SQL queries one GET of `url` runs."""
    from django.db import connection

    queries = []

    def record(execute, sql, *args):
        queries.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(record):
        client.get(url)
    return len(queries)


def start(doc: str, *, rounds: int = 3):
    """The `--sizes` and `--rounds` of a benchmark, a migrated database and a test client."""
    import argparse

    from django.test import Client

    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000 10000")
    parser.add_argument("--rounds", type=int, default=rounds)
    args = parser.parse_args()
    migrate()
    return args, Client()
