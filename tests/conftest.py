from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests judge what the portal does, never how fast the machine generates examples.
settings.register_profile("portal", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("portal")

# The test OpenID Connect provider (fixture `oidc_provider`).
pytest_plugins = ["tests.oidc.fixtures"]

# The seed documents the tests compare the demo data with, kept in the repository.
SEEDS_DIR = Path(__file__).resolve().parent / "seeds"


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker):
    """The demo data's rows, loaded once per run through `load_demo_data`'s loaders."""
    from tests import demo_snapshot

    with django_db_blocker.unblock():
        return demo_snapshot.take()


@pytest.fixture
def demo(db, demo_rows):
    """The real demo agenda of the seeds, as `load_demo_data` loads it."""
    from tests import demo_snapshot

    demo_snapshot.restore(demo_rows)


@pytest.fixture(scope="session")
def seed_text():
    """The text of a seed document by its number prefix ("000", "001", ...)."""

    def read(prefix: str) -> str:
        matches = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt"))
        assert matches, f"seed {prefix} missing from {SEEDS_DIR}"
        return matches[0].read_text(encoding="utf-8")

    return read


@pytest.fixture
def concept_demo(demo):
    """The demo data with the 2023 werkplan taken back to concept (it is published in the
    demo): for tests of what a concept agenda hides."""
    from agenda.models import Agenda

    Agenda.objects.filter(slug="zkij-werkplan-2023").update(state=Agenda.State.CONCEPT)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rolled-back data can repeat the ids that cached
    pages are keyed by."""
    from django.core.cache import cache

    cache.clear()
