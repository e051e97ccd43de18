"""The ``full`` report quotes each finding's line: every file's text is split into lines once a
report, not once a finding (100,000 findings in 2.7 MB files took minutes that way)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cascade.reporters import full, render_report
from cascade.review.pipeline import lint

DEFECTS = str(Path(__file__).resolve().parents[2] / "examples" / "defects")


def test_each_file_is_split_into_lines_once(monkeypatch: pytest.MonkeyPatch) -> None:
    result = lint([DEFECTS])
    expected = render_report(result.report, "full", sources=result.sources, files=result.files)
    per_file = Counter(f.file for f in result.report if f.line is not None)
    assert max(per_file.values()) > 3  # files with several quoted findings
    split = Counter()
    real = full.split_lines

    def counting(text: str) -> list[str]:
        split[text] += 1
        return real(text)

    monkeypatch.setattr(full, "split_lines", counting)
    assert render_report(result.report, "full", sources=result.sources, files=result.files) == expected
    assert len(split) == len({f for f in per_file if result.sources.get(f) is not None})
    assert set(split.values()) == {1}
    # the excerpts are those each finding gets on its own (its file split for it alone)
    monkeypatch.setattr(full, "split_lines", real)
    alone = [line for f in result.report for line in full.excerpt(f, result.sources.get(f.file or ""))]
    assert sum(1 for line in alone if line.split(" | ", 1)[0].strip().isdigit()) > 20
    assert [line for line in expected.splitlines() if " | " in line or line.endswith(" |")] == alone
