"""The rule registry: every check of the catalogue, with its code, name, severity and documentation.

Each rule is a subclass of :class:`Rule` in one of the group modules (``load``, ``schema``,
``structure``, ``orphans``, ``alignment``, ``measurability``, ``nomenclature``, ``meta``,
``suppression``). The class docstring is the rule's documentation (``cascade explain``): what it
finds, why, its basis, a failing and a passing example. ``messages`` maps a variant to its English and Indonesian templates.

Rules of the load and schema stages (CAS0xx, CAS1xx, and the reference checks of the graph builder)
have no ``check``: their findings are produced while files are read and documents are built, and they
are registered here so that they can be documented, selected and suppressed like any other.
"""

from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator

from ..core.findings import Finding, Severity
from ..core.text import escape_unsafe, short_int

if TYPE_CHECKING:
    from .context import Context

__all__ = ["Rule", "REGISTRY", "get_rule", "all_rules", "render", "make_finding", "resolve_selector"]

REGISTRY: dict[str, type["Rule"]] = {}
_BY_NAME: dict[str, type["Rule"]] = {}

_GROUP_MODULES = ("syntax", "format", "structure", "orphans", "alignment", "measurability", "nomenclature", "meta", "suppression")


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


_LOADED: list[bool] = []


def _load_all() -> None:
    if not _LOADED:
        _LOADED.append(True)
        for mod in _GROUP_MODULES:
            importlib.import_module(f"cascade.rules.{mod}")


def all_rules() -> list[type[Rule]]:
    """Every registered rule, ordered by code."""
    _load_all()
    return [REGISTRY[c] for c in sorted(REGISTRY)]


def get_rule(key: str) -> type[Rule] | None:
    """A rule by code (``CAS301``), name (``orphan-element``) or alias; None if there is none."""
    _load_all()
    return REGISTRY.get(key.upper()) or _BY_NAME.get(key.lower())


_CODE_PREFIX = re.compile(r"^CAS\d{0,3}$", re.I)


def resolve_selector(key: str) -> list[type[Rule]] | None:
    """The rules a selector names: a code, a code prefix (``CAS3``), a name, an alias or ``ALL``.

    Returns None when the selector names nothing (so callers can report it).
    """
    _load_all()
    if key.upper() == "ALL":
        return all_rules()
    rule = get_rule(key)
    if rule is not None:
        return [rule]
    if _CODE_PREFIX.match(key):
        found = [r for r in all_rules() if r.code.startswith(key.upper())]
        return found or None
    return None


class _Args(dict):
    def __missing__(self, key: str) -> str:
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
    # Characters no message prints as they are: line breaks and other controls (a name holding a line
    # break could forge lines of a CI log, such as GitHub's ``::error`` workflow commands) and invisible
    # or direction-changing marks (a name could read as something else): see cascade.core.text.
    return escape_unsafe(str(value))


def render(code: str, variant: str, args: dict[str, Any], lang: str = "en") -> str:
    """Render a rule's message template in ``lang`` with ``args`` (lists join with commas)."""
    _load_all()
    rule = REGISTRY[code]
    templates = rule.messages.get(variant) or rule.messages["default"]
    template = templates.get(lang) or templates["en"]
    return template.format_map(_Args({k: _fmt(v, lang) for k, v in args.items()}))


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
    argument (CAS903 names the code of the finding it justifies).
    """
    _load_all()
    rule = REGISTRY[code]
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
        message=render(code, variant, args, "en"),
        pointer=pointer,
        variant=variant,
        args=tuple(args.items()),
    )


def iter_check_rules(selected: Iterable[type[Rule]]) -> Iterator[Rule]:
    """Instances of the selected rules that have a graph check."""
    for rule in selected:
        if not rule.stage:
            yield rule()
