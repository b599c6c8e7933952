"""Bijlage 1 laid out in parts and merged, against one layout: time and peak memory.

    .venv/bin/python bench/annex_parts.py [--sizes "1000"] [--rounds 1] [--part 300] [--parts-only]

For each N an agenda of N synthetic actions is made with bulk writes (`bench/_setup.py`); then
Bijlage 1 is laid out, in turn, as one layout (as an annex of at most `ANNEX_CHUNK_ACTIONS`
actions is) and in parts of `--part` actions merged with pypdf (as a larger one is). Each
render runs in a fresh Python process, so its peak resident memory (VmHWM) is its own;
the table gives that peak and how far it rose above the process before the render (Django, the
agenda read from the database). Times are wall-clock and CPU seconds of the render alone.
`--parts-only` skips the one layout (at 10,000 actions it takes minutes and gigabytes).
"""

import json
import statistics
import subprocess
import sys

import _setup

ONE_LAYOUT = 10**9


def peak_kb() -> int:
    """The peak resident memory of this process so far, in KB (Linux; unlike `ru_maxrss` it
    does not start from the memory of the parent that started this process)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise OSError("no VmHWM in /proc/self/status")


def child(slug: str, part: int) -> None:
    """Render Bijlage 1 of `slug` in this process and print its figures as JSON."""
    import io
    import time

    from django.test import override_settings
    from pypdf import PdfReader

    from agenda.models import Agenda
    from agenda.pdf import current_state, layout_bijlage1

    state = current_state(Agenda.objects.get(slug=slug))
    before = peak_kb()
    wall, cpu = time.perf_counter(), time.process_time()
    with override_settings(ANNEX_CHUNK_ACTIONS=part):
        pdf = layout_bijlage1(state)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = peak_kb()
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": cpu,
                "peak_mb": peak / 1024,
                "rise_mb": (peak - before) / 1024,
                "pages": len(PdfReader(io.BytesIO(pdf)).pages),
                "kb": len(pdf) / 1024,
            }
        )
    )


def run(slug: str, part: int) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child", slug, str(part)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    import argparse

    from django.conf import settings

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--part", type=int, default=settings.ANNEX_CHUNK_ACTIONS)
    parser.add_argument("--parts-only", action="store_true", help="skip the one layout")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    _setup.migrate()
    modes = {"one layout": ONE_LAYOUT, f"parts of {args.part}": args.part}
    if args.parts_only:
        del modes["one layout"]
    print(
        f"{'N':>6}  {'render':<14}{'pages':>6}{'KB':>7}{'wall s':>9}{'CPU s':>8}"
        f"{'peak MB':>9}{'rise MB':>9}"
    )
    for size in _setup.parse_sizes(args.sizes):
        agenda = _setup.build(size)
        figures = {name: [] for name in modes}
        for _ in range(args.rounds):  # interleaved: the machine's load hits both alike
            for name, part in modes.items():
                figures[name].append(run(agenda.slug, part))
        for name, runs in figures.items():
            m = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
            print(
                f"{size:>6}  {name:<14}{m['pages']:>6.0f}{m['kb']:>7.0f}{m['wall']:>9.1f}"
                f"{m['cpu']:>8.1f}{m['peak_mb']:>9.0f}{m['rise_mb']:>9.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
