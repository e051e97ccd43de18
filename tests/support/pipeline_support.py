"""Helpers for the review-pipeline tests: run the CLI in-process in a folder, capture its output."""

from __future__ import annotations

import io
import os
from pathlib import Path

from cascade.cli.commands import main

FIXTURE = Path(__file__).parents[1] / "fixtures" / "pipeline"
EXPECTED = FIXTURE / "expected"
#: Set to regenerate the golden files after a deliberate change; review the diff before committing.
UPDATE = bool(os.environ.get("CASCADE_UPDATE_GOLDENS"))


def run(argv: list[str], cwd: Path, monkeypatch) -> tuple[int, str, str]:
    """``cascade argv`` run in ``cwd``: exit code, stdout, stderr."""
    monkeypatch.chdir(cwd)
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def golden(name: str, actual: str) -> str:
    """The golden text ``expected/name`` (written first when ``CASCADE_UPDATE_GOLDENS`` is set)."""
    path = EXPECTED / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    return path.read_text(encoding="utf-8")
