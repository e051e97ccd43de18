"""Findings and reports: the immutable records every stage of cascade produces.

A :class:`Finding` is one defect at one place, carrying the rule's permanent code and kebab-case
name, its severity, the reference of the element or indicator, and the exact span in the file.
Messages are rendered from the rule's templates, in English (``message``) or any supported language
(:meth:`Finding.localized`); a finding carries its templates, so that it localises itself without
the rule catalogue. A :class:`Report` is the ordered collection one run produces.

This module imports nothing of cascade but :mod:`cascade.core.text`: every layer builds and reads findings.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

from .text import escape_unsafe, short_int

__all__ = ["Severity", "Span", "Finding", "Report", "LANGUAGES", "SEVERITY_WORDS", "format_message", "DEFAULT_LANG",
           "QUOTE_MAX", "short_text"]

LANGUAGES = ("en", "id")
#: The language of human-readable output unless the user chooses another: planners read Bahasa Indonesia first.
DEFAULT_LANG = "id"

#: One word per severity in every human-readable output (the full text, the HTML report, the rule
#: catalogue); machine formats keep the values (JSON ``error``, SARIF ``error``/``note``).
SEVERITY_WORDS = {
    "en": {"error": "error", "warning": "warning", "info": "info"},
    "id": {"error": "kesalahan", "warning": "peringatan", "info": "info"},
}


class Severity(str, enum.Enum):
    """How serious a finding is. Ordered: ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __str__(self) -> str:
        return self.value


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Span:
    """A region of a file: 1-based lines and columns, the end exclusive as editors count it."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class CellSpan(Span):
    """A cell of a workbook: ``line`` is its row and ``column`` its column (1-based), ``cell`` names it
    as ``"<sheet>!<A1>"`` (e.g. ``"T-C.27!E14"``)."""

    cell: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One defect at one place.

    ``ref`` is ``document-id:local-id`` for an element or indicator, ``document-id#UNIT`` for an
    organisation unit, the document id for a document-level finding, or None before a document id is
    known. ``file`` is the path as the user gave it (or ``<input N>`` for a document passed as a
    dict); ``pointer`` is the JSON pointer of the offending node inside the document, and is the only
    position a dict input has (its line and column are None).
    """

    code: str
    rule: str
    severity: Severity
    ref: str | None
    file: str | None
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    message: str
    pointer: str | None = None
    variant: str = "default"
    args: tuple[tuple[str, Any], ...] = field(default=(), compare=False)
    #: The variant's message template per language (``{"en": ..., "id": ...}``), as the rule wrote it.
    templates: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    #: The workbook cell (``"T-C.27!E14"``) for a finding in a spreadsheet plan; None in YAML.
    cell: str | None = field(default=None, compare=False)
    #: True for an error on a document's header that kept the file from yielding any document (a
    #: ``kind: rpjmdd``, a ``period: 2019``): like CAS001, it is kept whatever a configuration selects
    #: (:func:`cascade.read.suppressions.is_reading_error`), or the file would vanish from the run.
    no_document: bool = field(default=False, compare=False, repr=False)

    def localized(self, lang: str = "en") -> str:
        """The message in ``lang`` (``en`` or ``id``), rendered from the rule's template."""
        if lang == "en" or lang not in self.templates:
            return self.message
        return format_message(self.templates[lang], dict(self.args), lang)

    @property
    def sort_key(self) -> tuple:
        return (
            self.file or "",
            self.line or 0,
            self.column or 0,
            self.pointer or "",
            self.code,
            self.ref or "",
            self.message,
        )

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON contract's finding object (``version`` 1).

        A finding without a line (a document passed as a dict, a file changed during the run) gains
        the key ``pointer``, its JSON pointer, the only position it has; a finding in a workbook the
        key ``cell``. Every other finding has exactly the keys it always had.
        """
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "ref": self.ref,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.localized(lang),
        } | ({"pointer": self.pointer} if self.line is None and self.pointer is not None else {}) \
          | ({"cell": self.cell} if self.cell is not None else {})


def with_span(f: Finding, span: Span) -> Finding:
    """``f`` placed at ``span`` (a finding made before its position was known; see
    :class:`cascade.rules.context.Placer`). A :class:`CellSpan` names its cell too."""
    return Finding(
        f.code, f.rule, f.severity, f.ref, f.file, span.line, span.column, span.end_line, span.end_column,
        f.message, f.pointer, f.variant, f.args, f.templates, getattr(span, "cell", None) or f.cell,
    )


class Report:
    """The findings of one run, sorted by file, line and column, with counts for summaries.

    The public ``cascade.Report`` adds the notebook conveniences (``to_pandas``, the HTML view) on
    top of this record.
    """

    __slots__ = ("findings", "stats")

    def __init__(self, findings: Iterable[Finding], stats: dict[str, int] | None = None):
        self.findings: tuple[Finding, ...] = tuple(sorted(findings, key=lambda f: f.sort_key))
        self.stats: dict[str, int] = dict(stats or {})

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __repr__(self) -> str:
        c = self.counts()
        return f"<Report {len(self.findings)} findings: {c['errors']} errors, {c['warnings']} warnings, {c['infos']} infos>"

    def counts(self) -> dict[str, int]:
        """Number of findings per severity, keyed ``errors``, ``warnings``, ``infos``."""
        out = {"errors": 0, "warnings": 0, "infos": 0}
        for f in self.findings:
            out[f.severity.value + "s"] += 1
        return out

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    def by_code(self, code: str) -> tuple[Finding, ...]:
        """The findings of one rule, by code or name."""
        return tuple(f for f in self.findings if code in (f.code, f.rule))

    def worst(self) -> Severity | None:
        """The highest severity present, or None for a clean report."""
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    def summary(self) -> dict[str, int]:
        """The JSON contract's summary: files, documents, elements, indicators and severity counts."""
        out = {k: self.stats.get(k, 0) for k in ("files", "documents", "elements", "indicators")}
        out.update(self.counts())
        return out

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON contract: ``{"version": 1, "findings": [...], "summary": {...}}``."""
        return {
            "version": 1,
            "findings": [f.as_dict(lang) for f in self.findings],
            "summary": self.summary(),
        }


class _Args(dict):
    def __missing__(self, key: str) -> str:
        if key.endswith("_id") and key[:-3] in self:  # an Indonesian form not given: the value as it is
            return str(self[key[:-3]])
        return "{" + key + "}"


def _fmt(value: Any, lang: str = "en") -> str:
    if isinstance(value, Finding):  # a finding quoted in another's message (CAS903), in the same language
        return value.localized(lang)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_fmt(v, lang) for v in value)
    if isinstance(value, float):
        return format(value, "g")
    if isinstance(value, Severity):
        return value.value
    if isinstance(value, int) and not isinstance(value, bool):
        value = short_int(value)  # str() of a 5000-digit int raises
    elif isinstance(value, str) and len(value) > QUOTE_MAX:
        value = short_text(value, lang)  # a 1,000,000-character name quoted by 21 findings made 43 MB of JSON
    # Characters no message prints as they are: line breaks and other controls (a name holding a line
    # break could forge lines of a CI log, such as GitHub's ``::error`` workflow commands) and invisible
    # or direction-changing marks (a name could read as something else): see cascade.core.text.
    return escape_unsafe(str(value))


#: The longest text a message quotes in full; a longer one is quoted as its start and its length.
QUOTE_MAX = 200


def short_text(text: str, lang: str = "en") -> str:
    """``text``, or for more than :data:`QUOTE_MAX` characters its first ones and its length:
    ``Derajat…… (1000000 characters)`` (``karakter`` in Indonesian)."""
    if len(text) <= QUOTE_MAX:
        return text
    return f"{text[:QUOTE_MAX]}… ({len(text)} {'karakter' if lang == 'id' else 'characters'})"


#: Element kinds written with an underscore in YAML, as a sentence names them (``sub kegiatan``).
_KIND_WORDS = {k: k.replace("_", " ") for k in
               ("prioritas_nasional", "program_prioritas", "kegiatan_prioritas", "proyek_prioritas", "sub_kegiatan")}
#: The message arguments that name an element's kind in running text (never a value the plan wrote,
#: nor the list of spellings to use).
_KIND_ARGS = frozenset(("kind", "parent_kind", "expected", "found"))


def format_message(template: str, args: dict[str, Any], lang: str = "en") -> str:
    """Fill a message template with ``args``: lists joined with commas, unsafe characters escaped,
    long numbers and texts shortened (:func:`short_text`), a finding quoted in its own message in
    ``lang``, an element kind named as a sentence names it (``sub kegiatan``, not ``sub_kegiatan``);
    a placeholder without a value stays as written."""
    return template.format_map(_Args({k: _fmt(_KIND_WORDS.get(v, v) if k in _KIND_ARGS and isinstance(v, str) else v, lang)
                                      for k, v in args.items()}))
