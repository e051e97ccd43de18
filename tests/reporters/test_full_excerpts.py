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


def _excerpt_char_by_char(f, text: str) -> list[str]:
    """The excerpt as :func:`full.excerpt` builds it for a line with tabs or unsafe characters
    (each character escaped on its own), the reference for its one-column-a-character fast path."""
    source = full.split_lines(text)[f.line - 1]
    start = max((f.column or 1) - 1, 0)
    if f.end_line == f.line and f.end_column is not None:
        end = max(f.end_column - 1, start + 1)
    else:
        end = max(len(source.rstrip()), start + 1)
    if len(source) > full._MAX_EXCERPT:
        left = max(0, min(start, len(source)) - full._MAX_EXCERPT // 2)
        source, start, end = source[left:left + full._MAX_EXCERPT], start - left, min(end - left, full._MAX_EXCERPT + 1)
    shown = [c if c == "\t" else full.escape_unsafe(c) for c in source]
    pad = "".join("\t" if c == "\t" else " " * len(c) for c in shown[:start])
    width = sum(len(c) for c in shown[start:end]) + max(0, end - max(start, len(shown)))
    number = str(f.line)
    blank = " " * len(number)
    return [f"{blank} |", f"{number} | {''.join(shown)}", f"{blank} | {pad}{'^' * max(width, 1)}"]


@pytest.mark.parametrize("line", [
    "  name: Angka Kematian Ibu",
    "",
    "x",
    "  target: {2025: 10, 2026: 9}   # a comment",
    "\tname: tabbed",
    "  name: Kota\u202eMadiun",
    "  name: \x1b[2Jclear",
    "  name: " + "panjang " * 80,
    "  name: " + "\t" * 3 + "panjang " * 80,
])
@pytest.mark.parametrize("span", [(1, None, None), (3, 1, 9), (9, 1, 30), (1, 2, 1), (40, 1, 50), (600, 1, 700), (3, 2, 1)])
def test_the_fast_excerpt_is_the_character_by_character_one(line: str, span: tuple) -> None:
    from cascade.core.findings import Finding, Severity

    column, end_line, end_column = span
    text = "first: line\n" + line + "\nlast: line\n"
    f = Finding(code="CAS202", rule="unknown-reference", severity=Severity.ERROR, message="m", ref="r", file="a.yaml",
                line=2, column=column, end_line=None if end_line is None else end_line + 1, end_column=end_column)
    assert full.excerpt(f, text) == _excerpt_char_by_char(f, text)
