"""Running the ``cascade`` command in the test process, and the plan the command tests start from."""

from __future__ import annotations

import io
from pathlib import Path

from cascade.cli import main

ROOT = Path(__file__).resolve().parents[2]
#: A clean plan file to copy into a test workspace (the RPJMN of the example cascade).
PLAN = (ROOT / "specs" / "rpjmn-2020.yaml").read_text(encoding="utf-8")


def run(*argv: str) -> tuple[int, str, str]:
    """``cascade ARGV...``: the exit code, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()
