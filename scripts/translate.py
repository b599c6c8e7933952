"""Refresh the Dutch message catalogue and fill in translations.

    .venv/bin/python scripts/translate.py [TRANSLATIONS.json]

Runs `makemessages -l nl`, sets the msgstr of every msgid in the JSON object
({"English msgid": "Nederlandse vertaling"}; for a plural msgid a list of the two forms,
{"%(counter)s action": ["%(counter)s actie", "%(counter)s acties"]}), clears their fuzzy
flags, compiles the catalogue, and lists the entries still untranslated or fuzzy. Holds a
lock so that two people refreshing the catalogue at once cannot overwrite each other's work.
"""

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO_FILE = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"
LOCK_FILE = Path("/tmp/portal-po.lock")
IGNORE = ["--ignore=node_modules", "--ignore=.venv", "--ignore=staticfiles", "--ignore=tests"]


def manage(*args: str) -> None:
    env = {**os.environ, "DEBUG": "on"}
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True, env=env)


def main(argv: list[str]) -> int:
    translations = {}
    if len(argv) > 1:
        translations = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    with open(LOCK_FILE, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manage("makemessages", "-l", "nl", "--no-obsolete", "--no-location", *IGNORE)
        po = polib.pofile(str(PO_FILE), wrapwidth=0)
        unknown = []
        for msgid, msgstr in translations.items():
            entry = po.find(msgid)
            if entry is None:
                unknown.append(msgid)
                continue
            if isinstance(msgstr, list):  # plural forms: ["singular", "plural"]
                entry.msgstr_plural = dict(enumerate(msgstr))
            else:
                entry.msgstr = msgstr
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = None
                entry.previous_msgid_plural = None  # a lone "#| msgid_plural" breaks msgfmt
        po.metadata["Language"] = "nl"
        po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
        po.save()
        manage("compilemessages", "-l", "nl", *IGNORE)
    for msgid in unknown:
        print(f"not in the catalogue (no source uses it): {msgid!r}")
    missing = [e for e in po if not e.translated() and not e.obsolete]
    for entry in missing:
        state = "fuzzy" if "fuzzy" in entry.flags else "untranslated"
        print(f"{state}: {entry.msgid!r}")
    print(f"{len(po.translated_entries())} translated, {len(missing)} still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
