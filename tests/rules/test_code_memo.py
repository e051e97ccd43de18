"""The CAS60x rules parse each distinct code of a run once (:func:`cascade.rules.nomenclature.code_parts`).

The process-wide cache of parsed codes keeps the last 65,536; a workspace with more distinct codes
made it miss on every call, and each of the five code rules parsed every code again (CAS601: 0.003 s
at 20,000 elements, 0.14 s at 100,000). The run's own memo parses each code once, whatever that
cache holds; the findings are those of the rules without it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import cascade
from cascade.rules import nomenclature
from cascade.validate import Selection, validate
from findings_support import finding_rows

SPECS = Path(__file__).resolve().parents[2] / "specs"
DEFECTS = Path(__file__).resolve().parents[2] / "examples" / "defects"


@pytest.mark.parametrize("folder", [SPECS, DEFECTS], ids=["specs", "defects"])
def test_each_distinct_code_is_parsed_once_per_run(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    ws = cascade.load(str(folder), jobs=1)
    selection = Selection.of(select=["CAS6", "CAS407"])
    before = finding_rows(validate(ws, selection, jobs=1))
    calls: Counter[str] = Counter()
    uncached = nomenclature._parse_code.__wrapped__

    def counting(text: str):  # the process-wide cache as good as full: every call parses
        calls[text] += 1
        return uncached(text)

    monkeypatch.setattr(nomenclature, "_parse_code", counting)
    after = finding_rows(validate(ws, selection, jobs=1))
    assert after == before
    codes = {e.code for p in ws.parsed.values() for e in p.model.elements
             if e.code is not None and e.kind in nomenclature.CODED_KINDS}
    assert codes  # the workspace has nomenclature codes
    assert codes <= set(calls)
    assert max(calls[c] for c in codes) == 1, calls.most_common(3)
