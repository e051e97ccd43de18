"""``full`` (the default): each finding with the source line it points at, the span underlined.

::

    plans/dinkes.yaml:24:13: CAS202 unknown-reference [error] parent 'S9' names nothing
       |
    24 |     parent: S9
       |             ^^

The report ends with a summary line in the chosen language.
"""

from __future__ import annotations

from ..core.findings import Finding, Report
from ..core.sourcemap import split_lines
from .base import RenderContext
from .concise import cell_note, location

_SEVERITY = {
    "en": {"error": "error", "warning": "warning", "info": "info"},
    "id": {"error": "kesalahan", "warning": "peringatan", "info": "info"},
}
_SUMMARY = {
    "en": {
        "clean": "No findings.",
        "total": "{n} findings (errors: {errors}, warnings: {warnings}, infos: {infos}).",
        "suppressed": " {n} suppressed.",
        "baselined": " {n} accepted by the baseline.",
    },
    "id": {
        "clean": "Tidak ada temuan.",
        "total": "{n} temuan (kesalahan: {errors}, peringatan: {warnings}, info: {infos}).",
        "suppressed": " {n} diabaikan lewat komentar atau konfigurasi.",
        "baselined": " {n} diterima oleh baseline.",
    },
}


def excerpt(f: Finding, text: str | None) -> list[str]:
    """The gutter, source line and caret line under a finding; empty without a line to show."""
    if text is None or f.line is None:
        return []
    lines = split_lines(text)
    if not 1 <= f.line <= len(lines):
        return []
    source = lines[f.line - 1]
    start = max((f.column or 1) - 1, 0)
    if f.end_line == f.line and f.end_column is not None:
        end = max(f.end_column - 1, start + 1)
    else:  # a span running on to later lines: underline to the end of this one
        end = max(len(source.rstrip()), start + 1)
    # Tabs are kept in the caret line so that the carets stay under the text in any tab width.
    pad = "".join("\t" if ch == "\t" else " " for ch in source[:start])
    number = str(f.line)
    blank = " " * len(number)
    return [f"{blank} |", f"{number} | {source}", f"{blank} | {pad}{'^' * (end - start)}"]


def summary(report: Report, lang: str) -> str:
    """The closing line: counts by severity, and what suppressions and the baseline hid."""
    words = _SUMMARY.get(lang, _SUMMARY["en"])
    line = words["total"].format(n=len(report), **report.counts()) if len(report) else words["clean"]
    for key in ("suppressed", "baselined"):
        if report.stats.get(key):
            line += words[key].format(n=report.stats[key])
    return line


def render(report: Report, context: RenderContext) -> str:
    """Every finding with its source excerpt, then the summary line."""
    sev = _SEVERITY.get(context.lang, _SEVERITY["en"])
    out: list[str] = []
    for f in report:
        out.append(f"{location(f)}: {f.code} {f.rule} [{sev[f.severity.value]}] {f.localized(context.lang)}{cell_note(f)}")
        out.extend(excerpt(f, context.sources.get(f.file or "")))
        out.append("")
    out.append(summary(report, context.lang))
    return "\n".join(out) + "\n"
