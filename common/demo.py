"""The demo data: the real agenda of the seeds, loaded from YAML files in `fixtures/`.

Each app reads its own part in `<app>/demo.py`; this module runs them in the order the setting
`DEMO_LOADERS` (config/settings.py) gives.
Every loader is idempotent: a second run changes nothing.
"""

import datetime
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.db import transaction

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


def read_fixture(name: str) -> Any:
    with open(FIXTURES_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _resolve(dotted: str) -> Callable[..., int]:
    module_name, func_name = dotted.rsplit(".", 1)
    return getattr(import_module(module_name), func_name)


@transaction.atomic
def load_all(log: Callable[[str], None] = lambda _msg: None) -> int:
    """Load every part of the demo data. Returns the number of rows created or changed."""
    changed = 0
    for dotted in settings.DEMO_LOADERS:
        count = _resolve(dotted)()
        log(f"{dotted}: {count}")
        changed += count
    return changed


def fixture_date(value) -> datetime.date | None:
    """A date as a fixture writes it (a date, an ISO string, or empty)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))
