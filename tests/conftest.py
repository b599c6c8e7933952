from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.fixture
def demo(db):
    """The real demo agenda of the seeds, loaded through `load_demo_data`'s loaders."""
    from common.demo import load_all

    load_all()


@pytest.fixture(scope="session")
def seed_text():
    """The text of a seed document by its number prefix ("000", "001", ...)."""

    def read(prefix: str) -> str:
        matches = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt"))
        if not matches:
            pytest.skip(f"seed {prefix} not available at {SEEDS_DIR}")
        return matches[0].read_text(encoding="utf-8")

    return read
