"""``full`` (the default): each finding with the source line it points at, the span underlined.

::

    plans/dinkes.yaml:24:13: CAS202 unknown-reference [error] parent 'S9' names nothing (dinkes.renstra-2019:P1)
       |
    24 |     parent: S9
       |             ^^

The report ends with a summary line in the chosen language.
"""

from __future__ import annotations

from ..core.findings import SEVERITY_WORDS, Finding, Report
from ..core.sourcemap import split_lines
from ..core.text import UNSAFE, escape_unsafe
from .base import RenderContext
from .concise import location, tail

#: Characters of one source line an excerpt shows at most (a 64k-character line is quoted in part).
_MAX_EXCERPT = 400

_SEVERITY = SEVERITY_WORDS
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


def excerpt(f: Finding, text: str | None, lines: list[str] | None = None) -> list[str]:
    """The gutter, source line and caret line under a finding; empty without a line to show.

    ``lines`` are ``text``'s lines when the caller has them already (:func:`render` splits each
    file once: splitting it for every finding took minutes for 100,000 findings in large files).
    """
    if text is None or f.line is None:
        return []
    if f.code == "CAS103" and f.variant == "top-level":
        return []  # the file is one scalar or list, most likely not YAML at all (a token): nothing is quoted
    if lines is None:
        lines = split_lines(text)
    if not 1 <= f.line <= len(lines):
        return []
    source = lines[f.line - 1]
    start = max((f.column or 1) - 1, 0)
    if f.end_line == f.line and f.end_column is not None:
        end = max(f.end_column - 1, start + 1)
    else:  # a span running on to later lines: underline to the end of this one
        end = max(len(source.rstrip()), start + 1)
    if len(source) > _MAX_EXCERPT:  # an over-long line: the part around the span
        left = max(0, min(start, len(source)) - _MAX_EXCERPT // 2)
        source, start, end = source[left:left + _MAX_EXCERPT], start - left, min(end - left, _MAX_EXCERPT + 1)
    # Controls (ESC would set the window title or clear the screen) and invisible or direction-changing
    # marks are written as \uXXXX; the carets follow the widened text. Tabs are kept, in the caret line
    # too, so that the carets stay under the text in any tab width.
    number = str(f.line)
    blank = " " * len(number)
    if "\t" not in source and UNSAFE.search(source) is None:  # the usual line: one column a character
        n = len(source)
        width = len(source[start:end]) + max(0, end - max(start, n))
        return [f"{blank} |", f"{number} | {source}", f"{blank} | {' ' * min(start, n)}{'^' * max(width, 1)}"]
    shown = [c if c == "\t" else escape_unsafe(c) for c in source]
    pad = "".join("\t" if c == "\t" else " " * len(c) for c in shown[:start])
    width = sum(len(c) for c in shown[start:end]) + max(0, end - max(start, len(shown)))
    return [f"{blank} |", f"{number} | {''.join(shown)}", f"{blank} | {pad}{'^' * max(width, 1)}"]


def summary(report: Report, lang: str) -> str:
    """The closing line: counts by severity, and what suppressions and the baseline hid."""
    words = _SUMMARY.get(lang, _SUMMARY["en"])
    line = words["total"].format(n=len(report), **report.counts()) if len(report) else words["clean"]
    for key in ("suppressed", "baselined"):
        if report.stats.get(key):
            line += words[key].format(n=report.stats[key])
    return line


_NO_FILE = object()


def render(report: Report, context: RenderContext) -> str:
    """Every finding with its source excerpt, then the summary line."""
    sev = _SEVERITY.get(context.lang, _SEVERITY["en"])
    out: list[str] = []
    # a report is sorted by file: each file's lines are split once, and only one file's are kept
    file: object = _NO_FILE
    text: str | None = None
    lines: list[str] | None = None
    for f in report:
        out.append(f"{location(f)}: {f.code} {f.rule} [{sev[f.severity.value]}] {f.localized(context.lang)}{tail(f)}")
        if f.file != file:
            file, lines = f.file, None
            text = context.sources.get(f.file or "")
        if lines is None and text is not None and f.line is not None:
            lines = split_lines(text)
        out.extend(excerpt(f, text, lines))
        out.append("")
    out.append(summary(report, context.lang))
    return "\n".join(out) + "\n"
