"""``concise``: one line per finding, ``file:line:col: CODE name message (ref)``, for grep and editors."""

from __future__ import annotations

from ..core.findings import Finding, Report
from ..core.text import escape_unsafe
from .base import RenderContext


def location(f: Finding) -> str:
    """``file:line:column``, leaving out the parts a finding does not have."""
    parts = [f.file or "-"] + [str(p) for p in (f.line, f.column) if p is not None]
    return ":".join(parts)


def cell_note(f: Finding) -> str:
    """`` [T-C.27!E14]`` for a finding in a workbook (the cell as a spreadsheet names it); empty in YAML."""
    return f" [{f.cell}]" if f.cell else ""


def ref_note(f: Finding) -> str:
    """`` (kota-madiun.rpjmd-2019:S1)``: the element or indicator a finding is about; empty for a
    finding about a whole file (a file that cannot be read, a suppression comment)."""
    return f" ({escape_unsafe(f.ref)})" if f.ref else ""


def tail(f: Finding) -> str:
    """What the text formats write after a finding's message: its cell, then its reference."""
    return cell_note(f) + ref_note(f)


def render(report: Report, context: RenderContext) -> str:
    """One line per finding, in report order."""
    return "".join(f"{location(f)}: {f.code} {f.rule} {f.localized(context.lang)}{tail(f)}\n" for f in report)
