"""Write fixtures/evaluation_zkij_2020_2022.yaml from the evaluation seed (001, chapter 3).

    DEBUG=on .venv/bin/python scripts/extract_evaluation.py [path/to/001_*.txt]

The texts are copied from the seed as they are (typos included). What the seed does not say is
decided here, in the table MATCHES, with the reasoning written into each row's source: which
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

# Per activity, in the order of the evaluation: (theme, row of Bijlage 1, reasoning), or
# (theme, None, reasoning) for an activity added to the agenda during its run.
MATCHES = [
    (1, 4, "het RMT is de 'regionale mobiliteitsteams' van deze rij; 000 §3.5 koppelt regionale mobiliteitsteams aan thema 1"),
    (6, 8, "regionaal plan van aanpak zelfstandige ondernemers = 'plan van aanpak zzp'ers in het kader van Tozo 3'"),
    (6, 5, "verbinding met ondernemers samen met VNO-NCW = 'Verbinden relevante ondernemersnetwerken in samenwerking met VNO-NCW ... afstemmen strategie richting ondernemers'"),
    (6, 3, "Service Punt Techniek met de Technologiecoalitie en House of Skills = 'Pilot Techniek met House of Skills en de Technologie Coalitie NH'"),
    (6, 4, "zelfde netwerk: 'Verbinding met het ondernemersnetwerk Netwerken werkt! In samenwerking met WSP'"),
    (6, None, "niet in Bijlage 1; werk-naar-werk-netwerk van werkgevers, onder thema 6 (preventie, werkenden) van de pijler waaronder de evaluatie het noemt"),
    (1, None, "niet in Bijlage 1; 000 §3.5 koppelt 'Regionale aanpak Jeugdwerkloosheid' aan thema 1"),
    (1, 2, "actie gelijk aan het begin van de rij: 'Extra inzet op toeleiding van jongeren die recentelijk hun baan hebben verloren'"),
    (2, 3, "het beoogd resultaat noemt een innovatief online-tool voor bemiddeling; de enige rij over innovatieve bemiddeling is 'Experimenteren met innovatieve bemiddelingsmethodieken'"),
    (2, 7, "actie begint met de tekst van de rij: 'Stimuleren van ruimte bij werkgevers voor mensen met een afstand tot de arbeidsmarkt' (het onderzoek naar detachering hoort ook bij rij 2.6)"),
    (2, 5, "actie gelijk aan de rij: 'Kandidaten in beeld via heldere profielen'"),
    (2, 4, "pilot met instrumenten van House of Skills; het behaald resultaat noemt de Paskamer van deze rij"),
    (1, 1, "uitbreiding van de personele bezetting bij het WSP, zoals de rij"),
    (2, 2, "'Versterking van het WSP' met dezelfde speerpunten herkenbaarheid, procesharmonisatie en deskundigheidsbevordering"),
    (2, 1, "'Talent naar de zorg' met dezelfde 60 re-integratietrajecten"),
    (3, 3, "'Ondersteuning van werkgevers door middel van de HARRIE-Training', zoals de rij"),
    (1, 5, "actie gelijk aan de rij (eLaunch gespeld als E-Launch)"),
    (1, 6, "'Inzet VR brillen', zoals de rij"),
    (3, 4, "'Sterk naar Werk' trainingen voor duurzame plaatsingen, zoals de rij"),
    (3, 6, "actie gelijk aan het begin van de rij: 'Inzet inclusieve technologie om kwetsbare doelgroep complexe handelingen te kunnen laten uitvoeren in productielijnen'"),
    (2, None, "niet in Bijlage 1; trajecten naar werk voor psychisch kwetsbare werkzoekenden, onder thema 2 (werkzoekenden met een afstand tot de arbeidsmarkt)"),
    (7, 2, "SROI-afspraken bij publieke aanbestedingen; het behaald resultaat noemt de bonus van deze rij"),
    (5, 2, "actie begint met de tekst van de rij: 'Opzetten erkend om- en bijscholingscurriculum voor werkzoekenden en werkenden'"),
    (4, 1, "heroriëntatie beroepskeuze, verlenging schakeltrajecten, herbeleving van de keten en praktijkleren voor 70 jongeren/studenten via Perspectief op Werk, zoals de rij"),
    (5, None, "niet in Bijlage 1; praktijkleren voor kwetsbare werkenden en werkzoekenden, onder thema 5 (om- en bijscholing, werkenden en werkzoekenden)"),
    (4, 7, "stageplaatsen en leerbanen met de aanpak van SBB = 'samenwerking bedrijfsleven en onderwijs gericht op stageplaatsen naar aanleiding van aanpak SBB'"),
    (5, None, "niet in Bijlage 1; loopbaanbegeleiding in combinatie met scholing, onder thema 5 (om- en bijscholing)"),
    (4, None, "niet in Bijlage 1; samenwerking hogescholen en mbo met de bouwketen, onder thema 4 (aansluiting onderwijs en arbeidsmarkt)"),
    (4, 5, "de uitvoeringsagenda VSV van het beoogd resultaat is die van de rij 'n.a.v. uitvoeringsagenda VSV'"),
    (4, 8, "actie gelijk aan de rij: 'Actief benaderen van jongeren uit beeld ... Heliomare'"),
    (5, 3, "actie gelijk aan de rij: 'Uitvoering regionale aanpak basisvaardigheden Zuid-Kennemerland en IJmond'"),
    (1, 3, "overzicht van loopbaanbegeleiding en budgetten voor om- en bijscholing = 'Loopbaanadvies ... koppelen aan om- en bijscholing'; de betrokken partijen (UWV, vakbonden, onderwijs) zijn de trekkers van de rij"),
    (4, None, "niet in Bijlage 1; arbeidsmarkt- en onderwijsdata, onder thema 4 (aansluiting onderwijs en arbeidsmarkt)"),
    (4, None, "niet in Bijlage 1; stages in de techniek voor mbo en vmbo, onder thema 4 (aansluiting onderwijs en arbeidsmarkt)"),
    (4, None, "niet in Bijlage 1; techniekweek voor scholen, onder thema 4 (aansluiting onderwijs en arbeidsmarkt)"),
    (4, 6, "bedrijven ontwikkelen mbo-curricula mee met Nova College = 'Versterken samenwerking bedrijfsleven en onderwijs n.a.v. aangepaste kwaliteitsagenda's MBO'"),
    (4, None, "niet in Bijlage 1; traject voor vmbo-leerlingen over de energietransitie, onder thema 4 (aansluiting onderwijs en arbeidsmarkt)"),
    (4, 3, "inzet van de beta-tech experience voor de keuze voor techniek = 'Stimuleren extra instroom in het technisch onderwijs door inzetten van Beta Tech Experience'"),
    (7, 5, "pilot baancreatie = 'Werkgevers werk beschikbaar laten maken voor de doelgroep door middel van functie-/baancreatie'"),
    (7, 1, "frictie tussen aanbod van zij-instroom en capaciteit in de zorg, met Samen Voor Betere Zorg/Sigra (voorheen VBZ, 001 §2.2)"),
    (7, 4, "het beoogd resultaat is de tekst van de rij: 'Het creëren van een goed-werkend ecosysteem voor sociaal ondernemers als onderdeel van het Actieplan Impact Ondernemen'"),
    (7, 3, "actie gelijk aan de rij (SROI-componant/-component)"),
]

# Funds cells not written as "amount stream": the amounts decided here, with the reason.
FUND_OVERRIDES = {
    "Netwerken Werkt!": (
        [],
        "geen eigen bedrag: de cel verwijst naar de € 160.000 Perspectief op Werk van 'Matchen op cruciale functies', die daar al is vastgelegd",
    ),
    "Jeugdwerkloosheid": (
        [
            {"amount": "170000.00", "stream": "Aanpak Jeugdwerkloosheid", "year": 2020},
            {"amount": "170000.00", "stream": "Aanpak Jeugdwerkloosheid", "year": 2021},
            {"amount": "170000.00", "stream": "Aanpak Jeugdwerkloosheid", "year": 2022},
        ],
        "'€ 170.000,- per jaar' in 2020, 2021 en 2022 als drie jaarbedragen; de € 35.000,- voor Young Heroes staat bij Young Heroes",
    ),
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
    "VNO-NCW": ["VNO-NCW", "VNO NCW"],
    "House of Skills": ["House of Skills", "HoS"],
    "Techport": ["Techport"],
    "Heliomare": ["Heliomare"],
    "Stadsgarage": ["Stadsgarage", "Stadsgrage"],
    "Technologie Coalitie NH": ["Technologie Coalitie"],
    "ZKIJ Werkt Door": ["RMT"],
    "De Vakbeweging (FNV en CNV)": ["FNV", "CNV,", "CNV "],
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
    if len(rows) != len(MATCHES):
        raise SystemExit(f"{len(rows)} rows in the seed, {len(MATCHES)} in MATCHES")
    bijlage = bijlage_rows()
    used = set()
    out = []
    for number, (row, (theme, order, reason)) in enumerate(zip(rows, MATCHES, strict=True), 1):
        title, action, intended, achieved, follow_up, parties, funds, extra = row.cells
        pillar, section_source = SECTIONS[row.section_number]
        outcome, outcome_note = derive_outcome(achieved, follow_up)
        if title in FUND_OVERRIDES:
            fund_rows, fund_note = FUND_OVERRIDES[title]
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
