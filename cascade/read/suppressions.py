"""Suppressions: ``# cascade: ignore[...]`` comments in plan files and configured per-file ignores.

Syntax, in a YAML comment::

    - id: P9   # cascade: ignore[orphan-element, CAS304] program baru, belum ada di RPJMD

    # cascade: ignore[orphan-element] program baru, belum ada di RPJMD
    - id: P9

    # cascade: ignore-file[missing-baseline] dokumen transisi tanpa kondisi awal

Rules are named by code, name, alias or code prefix, comma-separated; the text after the brackets is
the reason. A trailing comment covers its own line; a comment on its own line covers the next line
that is neither blank nor a comment (so several suppression comments can be stacked above one
line). A finding is covered when its first line is covered. ``ignore-file`` covers the whole file.

libyaml drops comments, so the text is scanned here. Only files whose text contains ``cascade:``
are scanned, and a ``#`` counts only where YAML starts a comment: at the start of a line or after a
blank, and outside every scalar (a ``#`` inside a quoted or block scalar is text), which is checked
against the YAML tokens of the file.

Suppressions that match nothing are ``unused-suppression`` (CAS901); ones naming no rule, or every
rule (``ALL``, ``CAS``, ``C``, any selector or list of selectors that covers every rule that can
report on a plan, computed from the catalogue: every rule but CAS001, CAS005 and the suppression
meta-rules CAS9xx), or only rules no suppression silences, are ``invalid-suppression`` (CAS902).
A blanket split over several comments is one too: when the ``ignore-file`` comments of a file
together, or they and the ``ignore`` comments covering one line, cover every such rule, each of
those comments is CAS902 and silences nothing.

No suppression, written or configured, silences :data:`UNSUPPRESSIBLE`: CAS001 (the file is not
YAML, it yields no document) and CAS005 (the file, or the rest of it, was not read). Nothing in such
a file can be trusted, its comments included, and silencing the finding would hide that every check
of the file was skipped.
"""

from __future__ import annotations

import bisect
import difflib
import fnmatch
import os
import re
from dataclasses import dataclass
from typing import Iterable

import yaml
from yaml.tokens import ScalarToken, StreamEndToken

from ..core.findings import Finding, Span
from ..rules.catalog import all_rules, make_finding, resolve_selector
from ..core.sourcemap import LINE_BREAK, split_lines

try:  # libyaml's scanner; PyYAML's pure-Python one where libyaml is missing
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - exercised only on machines without libyaml
    _CParser = None

__all__ = ["Suppression", "UNSUPPRESSIBLE", "find_suppressions", "apply", "glob_matches", "is_blanket", "is_reading_error"]

#: Codes no suppression silences: the file could not be read (CAS001 yaml-syntax) or was not read
#: (CAS005 file-limit), so nothing written in it, its suppression comments included, can be trusted.
UNSUPPRESSIBLE = frozenset({"CAS001", "CAS005"})
#: Where a schema finding says the file holds no plan document at all: the file is empty or not a
#: mapping, lacks ``document:`` (pointer ``""``), or its ``document:`` block is no mapping or lacks a
#: required field (pointer ``/document``), so no document is built from it.
_NO_DOCUMENT = frozenset({("CAS101", ""), ("CAS103", ""), ("CAS101", "/document"), ("CAS103", "/document")})


def is_reading_error(finding: Finding) -> bool:
    """Whether ``finding`` says its file was not read or yielded no document: CAS001 (not YAML),
    CAS005 (not read, or not all of it), the CAS101/CAS103 that says there is no plan document in
    it, and any other error on a header that kept the file from yielding a document (``kind: rpjmdd``
    is CAS104: :attr:`Finding.no_document`). These are unconditional: no suppression (comment or
    ``per-file-ignores``), selection (``select``, ``ignore``), severity override or baseline drops or
    softens them, so that a file that yields no document always has an error naming it
    (``docs/hostile-input.md``)."""
    return finding.code in UNSUPPRESSIBLE or (finding.code, finding.pointer) in _NO_DOCUMENT or finding.no_document

_MARKER = "cascade:"
# A comment starts at the start of a line or after a blank; line breaks as libyaml counts them.
_COMMENT = re.compile("(?:^|(?<=[ \t\r\n\x85\u2028\u2029]))#[ \t]*cascade:[ \t]*(?P<body>[^\r\n\x85\u2028\u2029]*)")
_DIRECTIVE = re.compile(r"(?P<directive>[A-Za-z-]*)[ \t]*(?:\[(?P<selectors>[^\]]*)\])?")
_BLANK_OR_COMMENT = re.compile(r"^[ \t]*(?:#.*)?$")


@dataclass(frozen=True)
class Suppression:
    """One suppression: the rules it names, where it is written, and what it covers.

    ``lines`` are the covered lines of ``file``, or None for a whole file (``ignore-file``) or, with
    ``pattern``, for every file the per-file-ignores glob matches (relative to ``base``).
    """

    selectors: tuple[str, ...]
    file: str
    span: Span | None
    lines: frozenset[int] | None = None
    pattern: str | None = None
    base: str | None = None

    def covers_file(self, file: str) -> bool:
        """Whether the suppression applies to findings of ``file`` at all."""
        if self.pattern is None:
            return file == self.file
        return glob_matches(file, self.pattern, self.base or os.curdir)


def glob_matches(path: str, pattern: str, base: str) -> bool:
    """Whether ``path`` matches the glob ``pattern`` written relative to the folder ``base``.

    ``*`` also crosses ``/`` (so ``plans/*`` matches everything below ``plans``), a pattern ending
    in ``/`` matches everything below that folder, and a pattern without ``/`` matches the file name
    in any folder, as in ``.gitignore``.
    """
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base)).replace(os.sep, "/")
    pat = pattern.replace("\\", "/").removeprefix("./")
    if pat.endswith("/"):
        pat += "*"
    if "/" not in pat:
        return fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], pat)
    return fnmatch.fnmatchcase(rel, pat) or fnmatch.fnmatchcase(rel, pat.removeprefix("**/"))


def _scalar_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the scalars of ``text`` (as far as it scans), in order."""
    scanner = _CParser(text) if _CParser is not None else yaml.SafeLoader(text)
    ranges: list[tuple[int, int]] = []
    try:
        while True:
            token = scanner.get_token()
            if token is None or isinstance(token, StreamEndToken):
                break
            if isinstance(token, ScalarToken):
                ranges.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        pass  # a broken file: comments before the error are still found; the error is CAS001's
    return ranges


def _inside(ranges: list[tuple[int, int]], index: int) -> bool:
    i = bisect.bisect_right(ranges, (index, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= index < ranges[i][1]


def _hint(selector: str) -> str | None:
    keys = [r.name for r in all_rules()] + [r.code for r in all_rules()]
    close = difflib.get_close_matches(selector, keys, n=1, cutoff=0.75)
    return close[0] if close else None


def _codes(selector: str) -> frozenset[str]:
    return frozenset(r.code for r in resolve_selector(selector) or ())


def _silenceable() -> frozenset[str]:
    """The rules a blanket is judged against: every rule but :data:`UNSUPPRESSIBLE` and the
    suppression meta-rules (CAS9xx), which report on the comments themselves, never on the plan."""
    return frozenset(r.code for r in all_rules() if not r.code.startswith("CAS9")) - UNSUPPRESSIBLE


def is_blanket(codes: Iterable[str]) -> bool:
    """Whether ``codes`` cover every rule that can report on a plan (``ALL``, ``CAS``, ``C``,
    ``CAS0, ..., CAS7``: the suppression meta-rules CAS9xx need not be named)."""
    return frozenset(codes) >= _silenceable()


def _union_blankets(file: str, found: list[Suppression]) -> tuple[list[Suppression], list[Finding]]:
    """Drop the suppressions that, together, silence every rule on some line of the file.

    A blanket need not be written in one comment: ``ignore-file[CAS0, CAS1]`` plus
    ``ignore-file[CAS2, ..., CAS7]``, or an ``ignore-file`` plus ``ignore`` comments stacked above
    one line, silence everything there as ``ignore-file[CAS]`` does. The union of the file-level
    selectors is judged first; then, for each covered line, that union with the line's own
    selectors. Every comment taking part in a blanket is CAS902 ``blanket-union`` and silences
    nothing.
    """
    codes = {id(s): frozenset().union(*(_codes(sel) for sel in s.selectors)) for s in found}
    whole = [s for s in found if s.lines is None]
    bad: dict[int, list[Suppression]] = {}
    file_codes: frozenset[str] = frozenset().union(*(codes[id(s)] for s in whole))
    if len(whole) > 1 and is_blanket(file_codes):
        for s in whole:
            bad[id(s)] = whole
        file_codes = frozenset()
    by_line: dict[int, list[Suppression]] = {}
    for s in found:
        if s.lines is not None:
            for line in s.lines:
                by_line.setdefault(line, []).append(s)
    for line, group in sorted(by_line.items()):
        union = file_codes.union(*(codes[id(s)] for s in group))
        if is_blanket(union) and (len(group) > 1 or file_codes):
            members = group + [s for s in whole if id(s) not in bad]
            for s in members:
                bad.setdefault(id(s), members)
    kept = [s for s in found if id(s) not in bad]
    findings = []
    for s in found:
        if id(s) in bad:
            others = sorted({o.span.line for o in bad[id(s)] if o is not s and o.span is not None})
            findings.append(make_finding(
                "CAS902", "blanket-union", file=file, span=s.span, selector=", ".join(s.selectors),
                lines=", ".join(map(str, others)),
            ))
    return kept, findings


def find_suppressions(file: str, text: str) -> tuple[list[Suppression], list[Finding]]:
    """The suppressions written in one file's text, and the ``invalid-suppression`` findings."""
    if _MARKER not in text:
        return [], []
    matches = list(_COMMENT.finditer(text))
    if not matches:
        return [], []
    ranges = _scalar_ranges(text)
    line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    lines = split_lines(text)
    suppressions: list[Suppression] = []
    findings: list[Finding] = []
    for m in matches:
        if _inside(ranges, m.start()):
            continue
        line = bisect.bisect_right(line_starts, m.start())
        column = m.start() - line_starts[line - 1] + 1
        body = m.group("body").rstrip()
        span = Span(line, column, line, column + len(m.group(0).rstrip()))
        d = _DIRECTIVE.match(body)
        assert d is not None  # every part of the pattern is optional
        directive = d.group("directive")
        if directive not in ("ignore", "ignore-file"):
            findings.append(make_finding("CAS902", "directive", file=file, span=span, directive=directive or body))
            continue
        raw = [s.strip() for s in (d.group("selectors") or "").split(",") if s.strip()]
        if not raw:
            findings.append(make_finding("CAS902", file=file, span=span))
            continue
        valid = []
        for sel in raw:
            if resolve_selector(sel) is None:
                hint = _hint(sel)
                variant = "unknown-hint" if hint else "unknown"
                findings.append(make_finding("CAS902", variant, file=file, span=span, selector=sel, hint=hint))
            elif sel.upper() == "ALL":
                findings.append(make_finding("CAS902", file=file, span=span))
            elif is_blanket(_codes(sel)):
                findings.append(make_finding("CAS902", "blanket", file=file, span=span, selector=sel))
            elif _codes(sel) <= UNSUPPRESSIBLE:
                findings.append(make_finding("CAS902", "unsuppressible", file=file, span=span, selector=sel))
            else:
                valid.append(sel)
        if len(valid) > 1 and is_blanket(frozenset().union(*(_codes(sel) for sel in valid))):
            findings.append(make_finding("CAS902", "blanket", file=file, span=span, selector=", ".join(valid)))
            continue
        if not valid:
            continue
        if directive == "ignore-file":
            covered = None
        elif lines[line - 1][: column - 1].strip():
            covered = frozenset((line,))
        else:
            nxt = line + 1
            while nxt <= len(lines) and _BLANK_OR_COMMENT.match(lines[nxt - 1]):
                nxt += 1
            covered = frozenset((nxt,))
        suppressions.append(Suppression(tuple(valid), file, span, covered))
    if len(suppressions) > 1:
        suppressions, union_findings = _union_blankets(file, suppressions)
        findings = sorted(findings + union_findings, key=lambda f: (f.line or 0, f.column or 0))
    return suppressions, findings


def apply(
    findings: Iterable[Finding], suppressions: Iterable[Suppression], ran: set[str]
) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """Split ``findings`` into ``(kept, suppressed, unused)``.

    ``unused`` are the ``unused-suppression`` findings: one per rule named in a suppression that
    silenced nothing, judged only for rules whose codes are in ``ran``.
    """
    slots = [(s, sel, _codes(sel) - UNSUPPRESSIBLE) for s in suppressions for sel in s.selectors]
    # Indexed by place, so that a file with thousands of comments costs a lookup per finding.
    by_line: dict[tuple[str, int], list[int]] = {}
    by_file: dict[str, list[int]] = {}
    by_glob: list[int] = []
    for k, (s, _, _) in enumerate(slots):
        if s.pattern is not None:
            by_glob.append(k)
        elif s.lines is None:
            by_file.setdefault(s.file, []).append(k)
        else:
            for line in s.lines:
                by_line.setdefault((s.file, line), []).append(k)
    globbed: dict[str, list[int]] = {}
    used = [False] * len(slots)
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for f in findings:
        hit = False
        if f.file is not None:
            if f.file not in globbed:
                globbed[f.file] = [k for k in by_glob if slots[k][0].covers_file(f.file)]
            candidates = by_file.get(f.file, []) + globbed[f.file]
            if f.line is not None:
                candidates += by_line.get((f.file, f.line), [])
            for k in candidates:
                if f.code in slots[k][2]:
                    used[k] = hit = True
            # a reading error is kept whatever names it; a suppression that does is not 'unused' for
            # that (CAS901 'matched no finding' on the line above the kind: rpjmdd it names was false)
            hit = hit and not is_reading_error(f)
        (suppressed if hit else kept).append(f)
    unused = []
    for k, (s, sel, slot_codes) in enumerate(slots):
        if not used[k] and slot_codes & ran:
            if s.pattern is None:
                unused.append(make_finding("CAS901", file=s.file, span=s.span, selector=sel))
            else:
                unused.append(make_finding("CAS901", "per-file", file=s.file, span=s.span, selector=sel, pattern=s.pattern))
    return kept, suppressed, unused
