"""Bijlage 1 first download against a repeated download of the stored file, and a 304.

    .venv/bin/python bench/annex_cache.py [--sizes "1000"] [--repeats 5]

For each N the whole-agenda annex is rendered inside the request (the background threshold is
raised for the measurement), then downloaded again (served from storage) and asked for with
If-None-Match (304). The target: a repeated download takes at most 5% of the first.
Rendering 10,000 actions inside one process takes minutes and gigabytes; in the portal such an
annex is made by the task worker (see README).
"""

import argparse
import statistics
import sys
import time

import _setup
from django.test import Client, override_settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    _setup.migrate()
    client = Client()
    print(f"{'N':>6} {'first':>9} {'repeat':>9} {'share':>7} {'304':>9} {'MB':>6}")
    with override_settings(ANNEX_BACKGROUND_THRESHOLD=10**9):
        for size in _setup.parse_sizes(args.sizes):
            agenda = _setup.build(size)
            url = f"/agendas/{agenda.slug}/bijlage-1.pdf"
            start = time.perf_counter()
            first = client.get(url)
            first_time = time.perf_counter() - start
            pdf = _setup.body(first)
            repeats, conditional = [], []
            for _ in range(args.repeats):
                start = time.perf_counter()
                assert _setup.body(client.get(url)) == pdf
                repeats.append(time.perf_counter() - start)
                start = time.perf_counter()
                assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
                conditional.append(time.perf_counter() - start)
            repeat = statistics.median(repeats)
            print(
                f"{size:>6} {first_time:>8.2f}s {repeat * 1000:>7.0f}ms "
                f"{repeat / first_time:>7.1%} {statistics.median(conditional) * 1000:>7.0f}ms "
                f"{len(pdf) / 1e6:>6.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
