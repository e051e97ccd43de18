"""Shared pieces of the hostile-input tests: the seed corpus and a summary of how much was fuzzed.

Tests add counts to the ``hostile_stats`` fixture (e.g. ``mutants``, ``fuzz seconds``); the numbers are
printed at the end of the run ("hostile input" section of the terminal summary), so that a CI log shows
how many mutants and generated cases actually ran.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "hostile"
WORKSPACE = FIXTURES / "workspace"

_STATS: dict[str, Any] = {}


@pytest.fixture(scope="session")
def hostile_stats() -> dict[str, Any]:
    """A run-wide dict of counters, printed in the terminal summary."""
    return _STATS


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    """The seed corpus: the fixtures' workspace and, when present, ``specs/`` and ``examples/``."""
    seeds = sorted(WORKSPACE.glob("*.y*ml"))
    for folder in ("specs", "examples"):
        seeds += sorted(p for p in (REPO / folder).rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    return seeds


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _STATS:
        terminalreporter.section("hostile input")
        for key, value in _STATS.items():
            shown = f"{value:.1f}" if isinstance(value, float) else str(value)
            terminalreporter.write_line(f"{key}: {shown}")
