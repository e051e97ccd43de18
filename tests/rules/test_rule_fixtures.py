"""Per-rule fixtures: each ``tests/fixtures/rules/<CODE>/<case>/`` folder is a small workspace.

``expected.txt`` lists the findings of rule ``<CODE>`` on it, one per line as
``file:line:column: CODE ref: message`` (file relative to the case folder, the English message with
its fix hint, so that a change to which message or repair a finding carries is seen); an empty or
absent file means the case must pass clean for that rule. Folders named ``fail*`` must expect at
least one finding. ``python tests/rules/test_rule_fixtures.py CODE/case`` prints a case's findings in
this form, for writing a new case (read them before you paste them).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import cascade

ROOT = Path(__file__).parents[1] / "fixtures" / "rules"
CASES = sorted(p for p in ROOT.glob("*/*") if p.is_dir())


def render(report: "cascade.Report | list[cascade.Finding]", base: Path) -> list[str]:
    """The findings as expected.txt lines; a path of the case that a message names is written relative
    to the case folder too (CAS201 names the file of a document's first definition)."""
    prefix = str(base) + os.sep
    return [
        f"{os.path.relpath(f.file, base)}:{f.line}:{f.column}: {f.code} {f.ref}: {f.message.replace(prefix, '')}"
        for f in report
    ]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_rule_fixture(case: Path) -> None:
    code = case.parent.name
    expected_file = case / "expected.txt"
    expected = [l.strip() for l in expected_file.read_text().splitlines() if l.strip()] if expected_file.exists() else []
    if case.name.startswith("fail"):
        assert expected, f"{case}: a failing case must expect findings"
    report = cascade.load(str(case)).validate(select=[code])
    # a reading error of the case's file is reported whatever the selection: only <CODE>'s are compared
    assert render([f for f in report if f.code == code], case) == expected


def test_every_rule_has_failing_and_passing_fixtures() -> None:
    have = {p.parent.name for p in CASES if p.name.startswith("fail")} & {p.parent.name for p in CASES if p.name.startswith("pass")}
    missing = [r.code for r in cascade.all_rules() if r.code not in have]
    assert missing == []


if __name__ == "__main__":  # print a case's findings in the expected.txt form
    import sys

    for name in sys.argv[1:]:
        case = ROOT / name
        print("\n".join(render(cascade.load(str(case)).validate(select=[case.parent.name]), case)))
