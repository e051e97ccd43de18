"""The base of every rule: :class:`Rule`, the registry it enters when its module is imported, precedence.

Each rule is a subclass of :class:`Rule` in one of the group modules, which
:mod:`cascade.rules.catalog` imports by name (the list of groups is written there, once). The
class docstring is the rule's documentation (``cascade explain``): what it finds, why, its basis,
a failing and a passing example. ``messages`` maps a variant to its English and Indonesian
templates.

Rules of the load and schema stages (CAS0xx, CAS1xx, and the reference checks of the graph builder)
have no ``check``: their findings are produced while files are read and documents are built, and they
are registered here so that they can be documented, selected and suppressed like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator

from ..core.findings import Finding, Severity, format_message
from ..core.text import escape_unsafe

if TYPE_CHECKING:
    from .context import Context

__all__ = ["Rule", "REGISTRY", "PRECEDENCE", "outranked", "iter_check_rules", "render", "make_finding"]

REGISTRY: dict[str, type["Rule"]] = {}
_BY_NAME: dict[str, type["Rule"]] = {}

class Rule:
    """Base class of all rules. Subclasses set the class attributes and, for graph rules, ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    messages: ClassVar[dict[str, dict[str, str]]]
    aliases: ClassVar[tuple[str, ...]] = ()
    #: Rule options with their defaults; callers override them by rule name (``Options``).
    options: ClassVar[dict[str, Any]] = {}
    #: True for rules whose findings come from the loader, the schema or the graph builder.
    stage: ClassVar[bool] = False
    #: ``document`` for rules whose findings on a document's nodes depend on nothing but that
    #: document (its elements' ``parent`` chain stays inside it, FORMAT.md) and the options: their
    #: findings are kept in the parse cache beside the document's parse. ``graph`` (the default) for
    #: rules that read links between documents: those rerun in full every time.
    scope: ClassVar[str] = "graph"
    #: What a graph rule's findings on one document read beyond that document, so that the
    #: incremental engine (:mod:`cascade.incremental`) reruns the rule only on the documents an edit
    #: can change (each value names the documents D whose findings depend on an edited document E):
    #:
    #: - ``own``: nothing else (D = E);
    #: - ``targets``: the documents it names directly (D = E and the documents that name E);
    #: - ``referrers``: the documents that name it directly (D = E and the documents E names, before
    #:   and after the edit);
    #: - ``up``: everything it names, transitively (D = E and every document that reaches E);
    #: - ``down``: everything that names it, transitively (D = E and every document E reaches);
    #: - ``cycle``: the documents on a cycle of references with it (D = E's strongly connected
    #:   component of documents, before and after the edit);
    #: - ``whole``: anything (every document; the safe default of a new rule).
    #:
    #: A scoped run sees only the scope's nodes through ``Context.nodes_of``; a rule that reads the
    #: nodes of other documents reads them through the graph or a whole-workspace index.
    reads: ClassVar[str] = "whole"

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if "code" not in cls.__dict__:
            return
        for key in (cls.code, cls.name, *cls.aliases):
            if key in REGISTRY or key in _BY_NAME:
                raise RuntimeError(f"rule key {key} registered twice")
        REGISTRY[cls.code] = cls
        _BY_NAME[cls.name] = cls
        for alias in cls.aliases:
            _BY_NAME[alias] = cls

    @classmethod
    def group(cls) -> str:
        """The hundreds of the code, e.g. ``CAS3`` for orphans and coverage."""
        return cls.code[:4]

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of the documentation, on one line."""
        import inspect

        return " ".join(inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0].split())

    @classmethod
    def documentation(cls) -> str:
        """The whole documentation, dedented."""
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    def check(self, ctx: "Context") -> Iterable[Finding]:
        """Yield the rule's findings for the workspace in ``ctx``."""
        return ()


#: Precedence between rules that describe the same missing link: a finding of a key rule is dropped
#: when a rule named in its value reports the same element (same ``ref``) in the same run; the more
#: specific rule wins. The one place where precedence is written; applied when a run finishes
#: (:func:`cascade.validate.finish`), also to their justified (CAS903) forms. A rule that did not
#: run takes nothing away: ``select=["CAS301"]`` alone still reports every orphan.
#:
#: - CAS301 orphan-element yields to CAS306 unlinked-staff-target: an rhk with no link at all is
#:   one break, reported once, by the rule that says what the rhk lacks.
#: - CAS304 missing-indicator yields to CAS516 budget-without-indicator: a funded program, kegiatan
#:   or sub kegiatan without an indicator is reported once, with what makes it worse (the money).
PRECEDENCE: dict[str, frozenset[str]] = {"CAS301": frozenset({"CAS306"}), "CAS304": frozenset({"CAS516"})}


def outranked(findings: Iterable[Finding], shown: Iterable[str] | None = None) -> set[int]:
    """Indices of ``findings`` dropped by :data:`PRECEDENCE` (a CAS903 counts as the code it quotes).

    With ``shown`` (the codes the report keeps), only a winner that will be shown takes a finding away.
    """
    findings = list(findings)
    shown = None if shown is None else set(shown)

    def code_of(f: Finding) -> str:
        if f.code == "CAS903":
            quoted = dict(f.args).get("code")
            if isinstance(quoted, str):
                return quoted
        return f.code

    winners = {c for cs in PRECEDENCE.values() for c in cs}
    present = {
        (f.ref, code_of(f)) for f in findings
        if f.ref is not None and code_of(f) in winners and (shown is None or f.code in shown)
    }
    if not present:
        return set()
    return {
        i for i, f in enumerate(findings)
        if f.ref is not None and any((f.ref, w) in present for w in PRECEDENCE.get(code_of(f), ()))
    }


def iter_check_rules(selected: Iterable[type[Rule]]) -> Iterator[Rule]:
    """Instances of the selected rules that have a graph check."""
    for rule in selected:
        if not rule.stage:
            yield rule()


def render(code: str, variant: str, args: dict[str, Any], lang: str = "en") -> str:
    """Render a rule's message template in ``lang`` with ``args`` (lists join with commas)."""
    rule = REGISTRY[code]
    templates = rule.messages.get(variant) or rule.messages["default"]
    return format_message(templates.get(lang) or templates["en"], args, lang)


def make_finding(
    code: str,
    variant: str = "default",
    /,
    *,
    ref: str | None = None,
    file: str | None = None,
    span: Any = None,
    pointer: str | None = None,
    severity: Severity | None = None,
    **args: Any,
) -> Finding:
    """Build a finding of rule ``code`` with the message rendered from its template.

    ``code`` and ``variant`` are positional-only, so that a template may itself take a ``code``
    argument (CAS903 names the code of the finding it justifies). The rule must be registered:
    outside the rule groups, import this from :mod:`cascade.rules.catalog`, which registers them all.
    """
    rule = REGISTRY[code]
    templates = rule.messages.get(variant) or rule.messages["default"]
    if span is None:
        line = column = end_line = end_column = None
    else:
        line, column, end_line, end_column = span.line, span.column, span.end_line, span.end_column
    return Finding(
        code=code,
        rule=rule.name,
        severity=severity or rule.severity,
        ref=escape_unsafe(ref) if ref else ref,  # an invalid id may hold U+202E: shown, never acted on
        file=file,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        message=format_message(templates["en"], args, "en"),
        pointer=pointer,
        variant=variant,
        args=tuple(args.items()),
        templates=templates,
        cell=getattr(span, "cell", None) or None,
    )
