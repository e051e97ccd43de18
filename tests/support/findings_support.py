"""Findings as comparable rows, for tests that check two ways of running give the same report."""

from __future__ import annotations

from typing import Any, Iterable


def finding_rows(findings: Iterable[Any]) -> list[tuple]:
    """Each finding's code, severity, file, span, reference, pointer and message, in order."""
    return [(f.code, f.severity.value, f.file, f.line, f.column, f.end_line, f.end_column, f.ref, f.pointer, f.message)
            for f in findings]
