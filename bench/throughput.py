"""Requests per second of the action detail page against a no-op view, on gunicorn, with wrk.

    .venv/bin/python bench/throughput.py [--sizes "1000 10000"] [--seconds 10] [--connections 8]

Starts gunicorn (config/gunicorn.conf.py: two workers per core) on a free loopback port with
production settings, against the throw-away database of bench/_setup.py, and runs wrk on the
action detail page and on a no-op Django view (the ceiling of the same stack) in turn, twice
each. wrk repeats one address without cookies: a visitor's repeated visit, answered from the
kept copy of common/pagecache.py after each worker's first request. Needs wrk:
`apt-get install wrk`.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import _setup


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url: str, seconds: int, connections: int) -> float:
    out = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{url} answered with errors:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000 10000")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is missing: install it with `apt-get install wrk` (Debian/Ubuntu).")
        return 1
    _setup.migrate()
    from agenda.models import Action

    root = _setup.ROOT
    print(f"wrk -c{args.connections}, {args.seconds} s per run, two runs each, interleaved")
    print(f"{'N':>6}  {'action detail':>14} {'no-op view':>11} {'share':>6}")
    for size in _setup.parse_sizes(args.sizes):
        agenda = _setup.build(size)
        action = Action.objects.in_agenda(agenda).order_by("pk")[size // 2]
        port = free_port()
        env = {
            **os.environ,
            "ROOT_URLCONF_BENCH": "1",
            "DJANGO_SETTINGS_MODULE": "bench.settings_bench",
            "PYTHONPATH": f"{root}:{root / 'bench'}",
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "GUNICORN_ACCESS_LOG": "",
        }
        server = subprocess.Popen(
            [
                str(root / ".venv/bin/gunicorn"),
                "config.wsgi",
                "-c",
                str(root / "config/gunicorn.conf.py"),
            ],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/health/", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
            detail = f"{base}/acties/{action.pk}/"
            noop = f"{base}/bench/noop/"
            urllib.request.urlopen(detail, timeout=5)
            runs = {"detail": [], "noop": []}
            for _ in range(2):
                runs["detail"].append(wrk(detail, args.seconds, args.connections))
                runs["noop"].append(wrk(noop, args.seconds, args.connections))
            best = {name: max(values) for name, values in runs.items()}
            print(
                f"{size:>6}  {best['detail']:>10.0f} r/s {best['noop']:>7.0f} r/s "
                f"{best['detail'] / best['noop']:>6.0%}"
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
