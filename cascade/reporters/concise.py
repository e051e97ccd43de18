"""``concise``: one line per finding, ``file:line:col: CODE name message``, for grep and editors."""

from __future__ import annotations

from ..core.findings import Finding, Report
from .base import RenderContext


def location(f: Finding) -> str:
    """``file:line:column``, leaving out the parts a finding does not have."""
    parts = [f.file or "-"] + [str(p) for p in (f.line, f.column) if p is not None]
    return ":".join(parts)


def render(report: Report, context: RenderContext) -> str:
    """One line per finding, in report order."""
    return "".join(f"{location(f)}: {f.code} {f.rule} {f.localized(context.lang)}\n" for f in report)
