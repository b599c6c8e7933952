"""Write fixtures/evaluation_zkij_2020_2022.yaml from the evaluation seed (001, chapter 3).

    DEBUG=on .venv/bin/python scripts/extract_evaluation.py [path/to/001_*.txt]

The texts are copied from the seed as they are (typos included). What the seed does not say is
decided in scripts/evaluation_matches.yaml, with the reasoning written into each row's source: which
action of Bijlage 1 of the agenda (000) an evaluated activity is, or, for activities the agenda
gained during its run, under which theme it is added.
"""

import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

import yaml  # noqa: E402

from evaluation.extract import derive_outcome, parse_funds, read_rows  # noqa: E402

SEED_GLOB = "001_*.txt"
AGENDA_FIXTURE = ROOT / "fixtures" / "agenda_zkij_2020_2022.yaml"
OUTPUT = ROOT / "fixtures" / "evaluation_zkij_2020_2022.yaml"

# Chapter 3 sections of the evaluation and the pillar of the agenda each one is.
SECTIONS = {
    1: ("Werk naar werk", "001 §3.1 'Van werk naar werk'"),
    2: ("Uitkering naar werk", "001 §3.2 'Van uitkering naar werk'"),
    3: ("Onderwijs naar werk", "001 §3.3 'Van onderwijs naar werk'"),
    4: ("Werkgelegenheid", "001 §3.4 'Werkgelegenheden' (pijler 'Werkgelegenheid', §2.6)"),
}

MATCHES_FILE = ROOT / "scripts" / "evaluation_matches.yaml"


def decisions() -> dict:
    """The matches, fund overrides and indicators decided by hand (see the YAML file)."""
    data = yaml.safe_load(MATCHES_FILE.read_text(encoding="utf-8"))
    return {
        "matches": [(m["theme"], m["row"], m["reason"]) for m in data["matches"]],
        "fund_overrides": {
            title: (o["funds"], o["reason"]) for title, o in data["fund_overrides"].items()
        },
        "indicators": data["indicators"],
    }


# Involved parties as written and the organisations of the portal they name.
PARTY_ALIASES = {
    "UWV": ["UWV", "UWW"],
    "WSP": ["WSP", "Werkgevers-servicepunt"],
    "IJmond Werkt!": ["IJmond Werkt", "Ijmond Werkt"],
    "Spaarne Werkt": ["Spaarne Werk"],
    "RMC": ["RMC"],
    "LWL": ["LWL"],
    "SBB": ["SBB"],
    "NOVA": ["Nova College", "Nova college"],
    "KvK": ["KvK"],
    "Hogeschool Inholland Haarlem": ["Inholland"],
    "Dunamare": ["Dunamare"],
    "RIBW K/AM": ["RIBW K/AM"],
    "Hartekamp Groep": ["Hartekamp"],
    # 001 writes "AWWN" for the employers' organisation AWVN.
    "AWVN": ["AWWN", "AWVN"],
    # 001 §2.2: "Sibra (voorheen VBZ)"; Bijlage 1 names the same partner "VBZ KAM".
    "VBZ KAM": ["Samen Voor Betere Zorg"],
    "VNO-NCW": ["VNO-NCW", "VNO NCW"],
    "House of Skills": ["House of Skills", "HoS"],
    "Techport": ["Techport"],
    "Heliomare": ["Heliomare"],
    "Stadsgarage": ["Stadsgarage", "Stadsgrage"],
    "Technologie Coalitie NH": ["Technologie Coalitie"],
    "ZKIJ Werkt Door": ["RMT"],
    "FNV": ["FNV"],
    "CNV": ["CNV"],
    "Gemeente Haarlem": ["gemeente Haarlem", "Gemeente Haarlem"],
}
MUNICIPALITIES = [
    "Gemeente Haarlem", "Gemeente Zandvoort", "Gemeente Heemstede", "Gemeente Bloemendaal",
    "Gemeente Velsen", "Gemeente Beverwijk", "Gemeente Heemskerk",
]  # fmt: skip


def linked_parties(text: str) -> list[str]:
    keys = []
    lowered = text.lower()
    if "gemeenten" in lowered:
        keys.extend(MUNICIPALITIES)
    for key, aliases in PARTY_ALIASES.items():
        if any(alias in text for alias in aliases) and key not in keys:
            keys.append(key)
    return keys


def seed_path() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    return sorted((ROOT.parent / "shared" / "seeds").glob(SEED_GLOB))[0]


def bijlage_rows() -> dict[tuple[int, int], str]:
    data = yaml.safe_load(AGENDA_FIXTURE.read_text(encoding="utf-8"))
    rows = {}
    for pillar in data["pillars"]:
        for theme in pillar["themes"]:
            for action in theme["actions"]:
                rows[(theme["number"], action["order"])] = action["text"]
    return rows


def main() -> None:
    path = seed_path()
    rows = read_rows(path.read_text(encoding="utf-8"))
    bijlage = bijlage_rows()
    decided = decisions()
    matches = decided["matches"]
    fund_overrides = decided["fund_overrides"]
    indicators = decided["indicators"]
    if len(rows) != len(matches):
        raise SystemExit(f"{len(rows)} rows in the seed, {len(matches)} matches decided")
    used = set()
    out = []
    for number, (row, (theme, order, reason)) in enumerate(zip(rows, matches, strict=True), 1):
        title, action, intended, achieved, follow_up, parties, funds, extra = row.cells
        pillar, section_source = SECTIONS[row.section_number]
        outcome, outcome_note = derive_outcome(achieved, follow_up)
        if title in fund_overrides:
            fund_rows, fund_note = fund_overrides[title]
        else:
            fund_rows = [
                {"amount": str(f["amount"]), "stream": f["stream"]} for f in parse_funds(funds)
            ]
            fund_note = ""
        for fund in fund_rows:
            year = fund.get("year")
            if year is None and "cijfers van 2021" in funds:
                year = 2021
            fund["year"] = year
            fund["note"] = (
                fund_note
                if fund_note
                else (
                    "jaar uit de tekst ('cijfers van 2021')"
                    if year
                    else "de tekst noemt geen jaar: geboekt op 2022, het laatste jaar van de agenda"
                )
            )
        source = f"001 hoofdstuk 3, {section_source}, activiteit {number} (regel {row.line})"
        if row.notes:
            source += "; " + "; ".join(row.notes)
        item = {
            "number": number,
            "pillar": pillar,
            "title": title,
            "action_text": action,
            "intended_result": intended,
            "achieved_result": achieved,
            "follow_up": follow_up,
            "parties_text": parties,
            "parties": linked_parties(parties),
            "funds_text": funds,
            "funds": fund_rows,
            "extra_info": extra,
            "indicators": indicators.get(title, []),
            "outcome": str(outcome),
            "outcome_note": outcome_note,
            "source": source,
        }
        if order is not None:
            if (theme, order) in used:
                raise SystemExit(f"Bijlage 1 row {theme}.{order} matched twice")
            used.add((theme, order))
            item["action"] = {"theme": theme, "order": order, "text": bijlage[(theme, order)]}
            item["match"] = f"Bijlage 1 (000), thema {theme}, rij {order}: {reason}"
        else:
            item["added_later"] = {"theme": theme}
            item["match"] = f"Toegevoegd tijdens de looptijd: {reason}"
        out.append(item)
    header = (
        "# Demo data for the doe-agenda portal: the evaluation of the 2020-2022 agenda.\n"
        "# Written by scripts/extract_evaluation.py from the seed 001 (Evaluatie doe-agenda\n"
        "# 2020-2022), chapter 3; texts verbatim, every row says where it came from in `source`.\n"
    )
    body = yaml.safe_dump(
        {"agenda": "zkij-2020-2022", "evaluations": out},
        allow_unicode=True,
        sort_keys=False,
        width=100000,
    )
    OUTPUT.write_text(header + body, encoding="utf-8")
    print(f"{len(out)} evaluations written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
