"""Speed of Bijlage 1: the demo agenda and 1,000 synthetic actions, against WeasyPrint alone.

    .venv/bin/python bench/annex.py [--repeat N]

For each agenda it times `render_bijlage1_pdf` (database, template, the layout passes that
settle where themes continue on a new page, writing the PDF) and, in the same run, WeasyPrint
turning the already-rendered final HTML into a PDF (one layout and the writing). WeasyPrint is
the floor; the ratio says how far our own work stays above it. A last column times the same
pages as a plain table (without the labels that mark continued themes), to show what marking
them costs. Runs on a throw-away SQLite database, so it touches nothing else.

Last, the worst case: the demo agenda with one action whose every text field is filled to its
limit (common/limits.py) with one unbroken word, ordinary words or short lines, against the demo
annex as it is, timed in the same run. `--worst-case-only` skips the other figures.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = tempfile.mkdtemp(prefix="annex-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("DEBUG", "off")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from agenda.models import Action, Agenda, Pillar, Scope, Status, Theme  # noqa: E402
from agenda.pdf import (  # noqa: E402
    _page_starts,
    _row_fragments,
    current_state,
    render_bijlage1_html,
    render_bijlage1_pdf,
    settle_layout,
)
from common.demo import load_all  # noqa: E402
from common.pdf import html_to_pdf  # noqa: E402

WORDS = (
    "regionale aanpak werkzoekenden jongeren onderwijs werkgevers scholing matching "
    "samenwerking gemeenten UWV arbeidsmarkt begeleiding zorg techniek leerwerkloket "
    "pilot ondersteuning werkgeversservicepunt intensivering banen"
).split()


def synthetic_agenda(actions: int = 1000) -> Agenda:
    """An agenda of 4 pillars and 8 themes holding `actions` actions of varied length."""
    rng = random.Random(2020)
    demo = Agenda.objects.get(slug="zkij-2020-2022")
    agenda = Agenda.objects.create(
        title="Synthetische doe-agenda",
        slug="bench-synthetisch",
        region=demo.region,
        first_year=2024,
        last_year=2026,
    )
    statuses = list(Status.objects.all())
    scopes = list(Scope.objects.filter(region=demo.region))
    themes = []
    for p in range(1, 5):
        pillar = Pillar.objects.create(agenda=agenda, order=p, name=f"Pijler {p}")
        for t in range(2):
            number = (p - 1) * 2 + t + 1
            themes.append(
                Theme.objects.create(
                    pillar=pillar,
                    number=number,
                    name=f"Thema {number} " + " ".join(rng.choices(WORDS, k=4)),
                    target_group=" ".join(rng.choices(WORDS, k=8)),
                )
            )
    rows = []
    for index in range(actions):
        theme = themes[index * len(themes) // actions]
        rows.append(
            Action(
                theme=theme,
                order=index + 1,
                text=" ".join(rng.choices(WORDS, k=rng.randint(6, 40))),
                scope=rng.choice(scopes) if scopes else None,
                status=rng.choice(statuses) if statuses else None,
                lead_text=" ".join(rng.choices(WORDS, k=rng.randint(1, 6))),
                financing_text=" ".join(rng.choices(WORDS, k=rng.randint(1, 5))),
            )
        )
    Action.objects.bulk_create(rows)
    return agenda


def timed(function, repeat: int) -> tuple[float, object]:
    """Median CPU seconds of this process (steady on a busy machine, unlike wall-clock time;
    everything here, SQLite included, runs in this process)."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.process_time()
        result = function()
        times.append(time.process_time() - start)
    return statistics.median(times), result


def measure(agenda: Agenda, repeat: int) -> dict:
    full, pdf = timed(lambda: render_bijlage1_pdf(agenda=agenda), repeat)
    state = current_state(agenda)
    document, html, passes = settle_layout(state)
    floor, _ = timed(lambda: html_to_pdf(html), repeat)
    # The same pages as a plain table: each theme's span split at the page breaks, no labels.
    starts = _page_starts(_row_fragments(document)[0])
    for pillar in state.pillars:
        for theme in pillar.themes:
            theme.split_at(starts.get(theme.key, []))
    plain_html = render_bijlage1_html(state, continuation_labels=False)
    plain, _ = timed(lambda: html_to_pdf(plain_html), repeat)
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    return {
        "actions": Action.objects.in_agenda(agenda).count(),
        "pages": pages,
        "passes": passes,
        "full": full,
        "floor": floor,
        "ratio": full / floor,
        "plain": plain,
        "plain_ratio": full / plain,
        "bytes": len(pdf),
    }


# Texts that fill a field to its limit: one unbroken word (the hardest to lay out), words, and
# a list of short lines (the tallest row: taller than a page).
FILLERS = {
    "unbroken words": lambda limit: "W" * limit,
    "ordinary words": lambda limit: ("arbeidsmarktregio werkgevers " * limit)[:limit],
    "short lines": lambda limit: ("regel\n" * limit)[:limit],
}


def worst_case(demo: Agenda, repeat: int) -> None:
    """Bijlage 1 of the demo agenda with one action filled to every limit, against as it is."""
    normal, _ = timed(lambda: render_bijlage1_pdf(agenda=demo), repeat)
    action = Action.objects.in_agenda(demo).order_by("theme__number", "order").first()
    text_fields = [
        f
        for f in Action._meta.concrete_fields
        if f.get_internal_type() in ("CharField", "TextField") and f.max_length and not f.choices
    ]
    print("\nWorst case: one action with every text field filled to its limit, CPU seconds,")
    print(f"median of {repeat} runs, in the same run as the demo annex as it is")
    print(f"{'demo 2020-2022 as it is':<40}{normal:>8.2f}")
    worst = 0.0
    for label, fill in FILLERS.items():
        for field in text_fields:
            setattr(action, field.name, fill(field.max_length))
        action.full_clean()
        action.save()
        seconds, _ = timed(lambda: render_bijlage1_pdf(agenda=demo), repeat)
        worst = max(worst, seconds)
        print(f"{'one action at its limits, ' + label:<40}{seconds:>8.2f}{seconds / normal:>7.2f}x")
    limits = ", ".join(f"{f.name} {f.max_length}" for f in text_fields)
    print(f"fields filled: {limits}")
    print(f"worst case / normal: {worst / normal:.2f} (required: at most 3)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument(
        "--worst-case-only", action="store_true", help="only the worst case against the demo"
    )
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    load_all()
    demo = Agenda.objects.get(slug="zkij-2020-2022")
    if args.worst_case_only:
        worst_case(demo, args.repeat)
        return 0
    big = synthetic_agenda(1000)

    print(f"Bijlage 1, CPU seconds, median of {args.repeat} runs")
    header = (
        f"{'agenda':<26}{'actions':>8}{'pages':>6}{'passes':>7}"
        f"{'ours (s)':>10}{'WeasyPrint (s)':>16}{'ratio':>7}{'plain (s)':>11}{'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    for label, agenda in (("demo 2020-2022", demo), ("synthetic 1,000 actions", big)):
        m = measure(agenda, args.repeat)
        print(
            f"{label:<26}{m['actions']:>8}{m['pages']:>6}{m['passes']:>7}"
            f"{m['full']:>10.2f}{m['floor']:>16.2f}{m['ratio']:>7.2f}"
            f"{m['plain']:>11.2f}{m['plain_ratio']:>7.2f}"
        )
    print(
        "\nours: render_bijlage1_pdf (queries, template, layout passes, PDF/A writing);"
        "\nWeasyPrint: our final HTML laid out once and written by WeasyPrint alone; it then"
        "\n  draws every row's continuation label, which ours drops before writing;"
        "\nplain: the same pages as a plain table without labels, laid out once and written:"
        "\n  the floor the last ratio compares with."
    )
    worst_case(demo, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
