"""``concise``: one line per finding, ``file:line:col: CODE name message``, for grep and editors."""

from __future__ import annotations

from ..core.findings import Finding, Report
from .base import RenderContext


def location(f: Finding) -> str:
    """``file:line:column``, leaving out the parts a finding does not have."""
    parts = [f.file or "-"] + [str(p) for p in (f.line, f.column) if p is not None]
    return ":".join(parts)


def cell_note(f: Finding) -> str:
    """`` [T-C.27!E14]`` for a finding in a workbook (the cell as a spreadsheet names it); empty in YAML."""
    return f" [{f.cell}]" if f.cell else ""


def render(report: Report, context: RenderContext) -> str:
    """One line per finding, in report order."""
    return "".join(f"{location(f)}: {f.code} {f.rule} {f.localized(context.lang)}{cell_note(f)}\n" for f in report)
