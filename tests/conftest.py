"""Shared fixtures: where the five source articles are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: The project root (the directory holding pyproject.toml).
PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: The article file names the built-in catalog cites.
SEED_FILES = (
    "000_6b64170c99e716e7.txt",
    "001_fe4425cdedf7fed9.txt",
    "002_71c77df9dbb0c619.txt",
    "003_b3e8a3f95ec0a1cf.txt",
    "004_481d9e1685682065.txt",
)


def _seeds_dir() -> Path:
    configured = os.environ.get("DEALKIT_SEEDS")
    return Path(configured) if configured else PROJECT_ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The directory of the source articles: ``$DEALKIT_SEEDS``, else ``<project root>/../shared/seeds``.

    The articles are not part of the repository: without them the tests that use
    them are skipped with the reason, and fail instead when ``DEALKIT_REQUIRE_SEEDS=1``
    (as CI sets), so they never pass silently where they must run.
    """
    path = _seeds_dir()
    where = "DEALKIT_SEEDS" if os.environ.get("DEALKIT_SEEDS") else "the default location"
    missing_reason = f"the source articles are missing: {path} ({where}) is not a directory"
    if not path.is_dir() and os.environ.get("DEALKIT_REQUIRE_SEEDS") != "1":
        pytest.skip(f"{missing_reason}; set DEALKIT_REQUIRE_SEEDS=1 to fail instead")
    if not path.is_dir():
        pytest.fail(
            f"the source articles are missing: {path} ({where}) is not a directory. "
            "Put the five seed articles there or set DEALKIT_SEEDS to their directory.",
            pytrace=False,
        )
    missing = [name for name in SEED_FILES if not (path / name).is_file()]
    if missing:
        pytest.fail(
            f"the source articles are incomplete: {path} ({where}) lacks {', '.join(missing)}",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Every article's text, by file name."""
    return {name: (seeds_dir / name).read_text(encoding="utf-8") for name in SEED_FILES}
