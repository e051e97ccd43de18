"""Running the rules: the entry point that turns a loaded workspace into a :class:`Report`.

Each graph rule (:mod:`cascade.rules`) reads the graph through a :class:`~cascade.rules.context.Context`
and yields findings; the findings of the load, schema and graph stages are added, an element's
``justification`` turns its missing-link findings into ``justified`` infos (CAS903), and the rule
selection is applied last, so that a deselected rule costs nothing but its findings never leak.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from .core.errors import UsageError
from .core.findings import Finding, Report, Severity, Span
from .core.pool import bulk, fork_pool, room_for_a_copy
from .core.privacy import mask_finding
from .core.refs import document_of
from .graph import Workspace
from .read.suppressions import Suppression, apply, is_reading_error
from .rules.base import REGISTRY, Rule, iter_check_rules, outranked
from .rules.catalog import all_rules, get_rule, make_finding, resolve_selector
from .rules.context import Context, Placer

__all__ = ["Selection", "RunSettings", "validate", "run_rules", "conclude", "stage_codes"]


@dataclass(frozen=True)
class Selection:
    """Which rules run and at what severity; selectors are codes, code prefixes, names or ``ALL``.

    Precedence (as in ruff): ``select`` replaces the default set (all rules), ``extend_select`` adds
    to it, ``ignore`` removes, and a more specific selector wins over a less specific one (a code
    over a prefix: ``select=["CAS3"], ignore=["CAS30"]`` then ``extend_select=["CAS301"]`` keeps
    CAS301). ``severity`` maps a selector to a new severity.
    """

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, select: Any = (), extend_select: Any = (), ignore: Any = (), severity: Any = None) -> "Selection":
        """The selection of the API's keyword arguments, checked where they come in.

        Selectors are a list of strings, or one string for one selector (``select="CAS3"``); None
        means none. Raises :class:`~cascade.UsageError` (a ``TypeError``) for an argument of the wrong
        type (``select=[None]``, ``severity="x"``) and :class:`ValueError` for a value that means
        nothing (a selector that names no rule, ``severity={"CAS301": "fatal"}``).
        """
        select, extend_select, ignore = (_selectors(v, n) for v, n in ((select, "select"), (extend_select, "extend_select"), (ignore, "ignore")))
        selection = cls(select, extend_select, ignore, tuple(_severities(severity).items()))
        bad = selection.unknown()
        if bad:
            raise ValueError(f"unknown rule selector(s): {', '.join(bad)}")
        return selection

    def unknown(self) -> list[str]:
        """Selectors that name no rule."""
        keys = [*self.select, *self.extend_select, *self.ignore, *(k for k, _ in self.severity)]
        return [k for k in keys if resolve_selector(k) is None]

    def rules(self) -> list[type[Rule]]:
        """The selected rules, ordered by code."""
        scores: dict[str, tuple[int, bool]] = {}

        def apply(selectors: Iterable[str], on: bool) -> None:
            for sel in selectors:
                rules = resolve_selector(sel) or []
                spec = _specificity(sel)
                for r in rules:
                    prev = scores.get(r.code)
                    if prev is None or spec >= prev[0]:
                        scores[r.code] = (spec, on)

        base = self.select or ("ALL",)
        apply(base, True)
        apply(self.extend_select, True)
        apply(self.ignore, False)
        return [r for r in all_rules() if scores.get(r.code, (0, False))[1]]

    def severity_of(self, rule: type[Rule]) -> Severity:
        """The severity a rule's findings get: the most specific override, else the default."""
        best: tuple[int, Severity] | None = None
        for sel, sev in self.severity:
            rules = resolve_selector(sel) or []
            if any(r.code == rule.code for r in rules):
                spec = _specificity(sel)
                if best is None or spec >= best[0]:
                    best = (spec, Severity(sev))
        return best[1] if best else rule.severity


@dataclass(frozen=True)
class RunSettings:
    """What a run validates with: the rule selection, rule options and suppressions, built once."""

    selection: Selection = field(default_factory=Selection)
    options: dict | None = None
    suppressions: tuple[Suppression, ...] = ()
    inline_suppressions: bool = True

    @classmethod
    def of(cls, *, select: Iterable[str] = (), extend_select: Iterable[str] = (), ignore: Iterable[str] = (),
           severity: dict[str, str] | None = None, options: dict | None = None, suppressions: Iterable[Suppression] = (),
           inline_suppressions: bool = True) -> "RunSettings":
        """The settings of :meth:`Cascade.validate`'s keyword arguments, checked as :meth:`Selection.of`
        checks the selectors: options map rule names to their known options (UsageError, ValueError),
        suppressions are :class:`~cascade.read.suppressions.Suppression` objects."""
        if not isinstance(inline_suppressions, bool):
            raise UsageError("inline_suppressions must be True or False")
        if isinstance(suppressions, (str, bytes)) or not isinstance(suppressions, Iterable):
            raise UsageError("suppressions must be a list of cascade.read.suppressions.Suppression")
        suppressions = tuple(suppressions)
        if not all(isinstance(s, Suppression) for s in suppressions):
            raise UsageError("suppressions must be a list of cascade.read.suppressions.Suppression")
        return cls(Selection.of(select, extend_select, ignore, severity), _options(options), suppressions, inline_suppressions)


def _specificity(selector: str) -> int:
    """ALL < CAS < CAS3 < CAS30 < CAS301 = a name."""
    s = selector.upper()
    if s == "ALL":
        return 0
    if s.startswith("CAS") and s[3:].isdigit():
        return 1 + len(s) - 3
    return 5


class Remembered:
    """The findings of document-scoped rules (``Rule.scope == "document"``), kept per document.

    ``keys`` maps a document id to the cache key of its file's parse; the findings entry of a
    document is keyed by that, the code fingerprint and the rule options, and holds ``{code:
    findings}`` for the rules run on it so far. A document whose elements name a ``parent`` in
    another document (FORMAT.md keeps the tree inside a document; CAS205 reports it) is never
    remembered: its parent chain, which the nomenclature rules read, leaves it.
    """

    def __init__(self, cache: Any, keys: dict[str, str], options: dict | None):
        import hashlib
        import json

        from .read.cache import code_fingerprint

        salt = f"\0findings\0{code_fingerprint()}\0{json.dumps(options or {}, sort_keys=True, default=repr)}"
        self.cache = cache
        self.keys = {d: hashlib.sha256((k + salt).encode()).hexdigest() for d, k in keys.items()}

    def usable(self, documents: dict) -> dict[str, str]:
        """The documents (id -> entry key) whose findings can be remembered."""
        out = {}
        for doc_id, key in self.keys.items():
            parsed = documents.get(doc_id)
            if parsed is not None and parsed.parents_inside:
                out[doc_id] = key
        return out


def run_rules(
    graph: Any, documents: dict, rules: Iterable[type[Rule]], options: dict | None = None, jobs: int | None = None,
    remembered: Remembered | None = None,
) -> list[Finding]:
    """The findings of the graph rules among ``rules`` on one graph.

    On a large workspace (and ``jobs`` not 1) about half of the graph rules run in a forked process
    while this one runs the others (:func:`_helper_takes`). With ``remembered``, document-scoped rules
    run only on the documents whose findings are not in the cache, and store them there. The
    findings are the same either way (in rule-code order within each half; the report sorts them).
    """
    rules = list(rules)
    pool = _rule_pool(graph, jobs)
    if pool is None:
        return _check(graph, documents, rules, options, remembered)
    upper = [r for r in rules if _helper_takes(r, remembered)]
    lower = [r for r in rules if r not in upper]
    _FORK_STATE[:] = [graph, documents, options, remembered]
    try:
        with pool:
            # the helper's one process takes both calls in turn: its rules (answering with the
            # findings it leaves this process to place), then the placing of the rest
            handed = pool.submit(_check_forked, [r.code for r in upper])
            rest = pool.submit(_place_forked)
            try:
                mine = _check(graph, documents, lower, options, remembered)
                share = _place_share(handed.result(), documents)
                theirs, kept = rest.result()
            except BaseException:
                rest.cancel()  # not placing what nobody will read
                raise
        for index, finding in share:
            theirs[index] = finding
        if None in theirs:  # every place the helper left was the parent's to fill
            raise RuntimeError("the rule helper left findings without their places")
        for doc_id, spans in kept.items():
            documents[doc_id].sourcemap.adopt_kept(spans)
    finally:
        _FORK_STATE.clear()
    return theirs + mine


#: The rules a forked helper takes: references and orphans (CAS2xx, CAS3xx) and the measurability
#: rules CAS501-CAS510, CAS513 and CAS514, half of the rule time on the benchmark workspaces
#: (``benchmarks/bench_rules.py``; at 20,000 elements each half takes 0.52-0.53 s). The halves share
#: no costly index (each builds the cheap ``nodes_by_type`` and ``indicator_models`` for itself):
#: CAS507 stays with CAS404, which reads the same ``penunjang`` index, and CAS302 with CAS401,
#: CAS402 and CAS409, which read its ``indicator_links`` (0.065 s, built twice when it went along).
_HELPER_FAMILIES = ("CAS2", "CAS3", "CAS50", "CAS510", "CAS513", "CAS514")
_HELPER_KEEPS_OUT = frozenset({"CAS302", "CAS507"})


def _helper_takes(rule: type[Rule], remembered: Remembered | None) -> bool:
    """Whether the forked helper of :func:`run_rules` runs ``rule``. With a findings cache the
    document-scoped rules stay here, so that one process writes a document's cache entry."""
    if remembered is not None and rule.scope == "document":
        return False
    return rule.code.startswith(_HELPER_FAMILIES) and rule.code not in _HELPER_KEEPS_OUT


def _check(graph: Any, documents: dict, rules: Iterable[type[Rule]], options: dict | None,
           remembered: Remembered | None = None, nodes_by_doc: Any = None) -> list[Finding]:
    found, placer = _check_unplaced(graph, documents, rules, options, remembered, nodes_by_doc)
    return placer.place(found)


def _check_unplaced(graph: Any, documents: dict, rules: Iterable[type[Rule]], options: dict | None,
                    remembered: Remembered | None = None, nodes_by_doc: Any = None) -> tuple[list[Finding], Placer]:
    """The findings of ``rules``, and the placer holding those still without a position."""
    # the findings are placed file by file at the end (Placer), not each as it is made
    ctx = Context(graph, documents, options, nodes_by_doc=nodes_by_doc, placer=Placer())
    out: list[Finding] = []
    local = [r for r in rules if r.scope == "document"]
    for rule in iter_check_rules(rules):
        if remembered is None or rule.scope != "document":
            out.extend(rule.check(ctx))
    if remembered is not None and local:
        out.extend(_check_documents(ctx, local, remembered))
    return out, ctx.placer


def _check_documents(ctx: Context, rules: list[type[Rule]], remembered: Remembered) -> list[Finding]:
    """Document-scoped rules: remembered findings where the cache has them, the rule run on the rest."""
    documents = ctx.documents
    usable = remembered.usable(documents)
    stored: dict[str, dict[str, list[Finding]]] = {}
    for doc_id, key in usable.items():
        value = remembered.cache.get(key)
        if isinstance(value, dict):
            stored[doc_id] = value
    file_doc = {p.file: d for d, p in documents.items()}
    fresh: dict[str, dict[str, list[Finding]]] = {}
    needs: dict[frozenset[str], list[type[Rule]]] = {}
    for rule in rules:
        need = frozenset(d for d in documents if rule.code not in stored.get(d, ()))
        if need:
            needs.setdefault(need, []).append(rule)
    stray: list[Finding] = []  # placed on no document of the scope: reported, and nothing is stored
    for need, group in needs.items():
        sub = ctx if len(need) == len(documents) else Context(ctx.graph, documents, ctx._options, scope=need,
                                                              nodes_by_doc=ctx.nodes_by_doc, placer=ctx.placer)
        for rule in iter_check_rules(group):
            per: dict[str, list[Finding]] = {d: [] for d in need}
            for f in rule.check(sub):
                doc_id = document_of(f.ref, ctx.graph)
                if doc_id not in per:
                    doc_id = file_doc.get(f.file or "")
                (per[doc_id] if doc_id in per else stray).append(f)
            for d, found in per.items():
                fresh.setdefault(d, {})[rule.code] = found
    if ctx.placer is not None:  # positions before the findings are remembered
        for by_code in fresh.values():
            for code, found in by_code.items():
                by_code[code] = ctx.placer.place(found)
        stray = ctx.placer.place(stray)
    out: list[Finding] = []
    for rule in rules:
        for doc_id in documents:
            have = fresh.get(doc_id, {}).get(rule.code)
            out.extend(have if have is not None else stored[doc_id][rule.code])
    if stray:
        return out + stray
    for doc_id, found in fresh.items():
        # a file changed since its parse gave findings without lines: they are never kept
        if doc_id in usable and not documents[doc_id].sourcemap.lost:
            remembered.cache.put(usable[doc_id], {**stored.get(doc_id, {}), **found})
    return out


#: What a forked rule process reads: the graph, documents and options of the run (set by the parent).
_FORK_STATE: list[Any] = []
#: In the forked rule process, between its two calls: its findings and their placer.
_FORK_STASH: list[Any] = []

#: Below this many graph nodes, forking costs more than the second core saves.
PARALLEL_MIN_NODES = 40_000


def _check_forked(codes: list[str]) -> list[tuple[tuple[int, ...], Finding, str, tuple, bool]]:
    """Run the helper's rules; answer with the findings this process leaves the parent to place.

    Placing a finding builds its file's spans (a pass over the file): on plans with findings in
    most files, placing the helper's findings took as long as its rules (a noisy 100,000-element
    workspace: 5.6 s for 108,980 findings) while the parent, done with its own, waited. The files
    are shared out by the bytes a first finding reads (:func:`_share_out`): the parent places the
    findings of its share while this process places the rest (:func:`_place_forked`). An entry is
    ``(indexes in the helper's findings, finding, document id, path, whether the key)``.
    """
    graph, documents, options, remembered = _FORK_STATE
    found, placer = _check_unplaced(graph, documents, [REGISTRY[c] for c in codes], options, remembered)
    _FORK_STASH[:] = [found, placer]
    return _hand(found, placer, documents)


def _hand(found: list[Finding], placer: Placer, documents: dict) -> list[tuple[tuple[int, ...], Finding, str, tuple, bool]]:
    """The entries of the findings ``placer`` hands over (:func:`_share_out`): ``(their indexes in
    found, finding, document id, path, whether the key)``. A finding made but not reported is not
    handed (nothing would use its position)."""
    where: dict[int, list[int]] = {}
    for i, f in enumerate(found):
        where.setdefault(id(f), []).append(i)
    ids = {id(parsed): doc_id for doc_id, parsed in documents.items()}
    return [(tuple(where[id(f)]), f, ids[id(doc)], path, key) for f, doc, path, key in _share_out(placer) if id(f) in where]


def _place_forked() -> tuple[list[Finding | None], dict[str, Any]]:
    """The helper's findings placed but for those handed to the parent (None in their places), and
    what its files kept of their spans when it let them go (an SKP file's employee values, which
    the parent's reports mask: built again there, they cost 1.5 s of the full report of a
    100,000-element workspace with findings in every file)."""
    documents = _FORK_STATE[1]
    found, placer = _FORK_STASH
    _FORK_STASH.clear()
    handed = placer.handed
    out: list[Finding | None] = [None if id(f) in handed else f for f in placer.place(found)]
    kept = {doc_id: parsed.sourcemap.kept for doc_id, parsed in documents.items() if parsed.sourcemap.kept is not None}
    return out, kept


def _share_out(placer: Placer) -> list[tuple[Finding, Any, tuple, bool]]:
    """Take from ``placer`` the waiting findings of about half of the work of placing them, file by
    file: a file whose spans are not built costs its size in bytes (the pass a first finding makes),
    each finding a little more. The largest files are shared first, each to the lighter side."""
    by_file = placer.waiting_by_file()
    if len(by_file) < 2:
        return []

    def cost(doc: Any, entries: list) -> int:
        size = 0
        if not doc.sourcemap.built and doc.sourcemap.file:
            try:
                size = os.stat(doc.sourcemap.file).st_size
            except OSError:
                size = 0
        return size + 200 * len(entries)

    here = there = 0
    handed: list[tuple[Finding, Any, tuple, bool]] = []
    kept: list[tuple[Finding, Any, tuple, bool]] = []
    for c, _, entries in sorted(((cost(d, e), n, e) for n, (d, e) in enumerate(by_file)), reverse=True):
        if there < here:
            there += c
            handed.extend(entries)
        else:
            here += c
            kept.extend(entries)
    placer.hand_over(handed, kept)
    return handed


def _place_share(share: list[tuple[tuple[int, ...], Finding, str, tuple, bool]], documents: dict) -> list[tuple[int, Finding]]:
    """Place the findings the helper handed over (:func:`_check_forked`) in this process: ``(index
    in the helper's findings, the finding placed)``."""
    if not share:
        return []
    placer = Placer()
    for _, f, doc_id, path, key in share:
        placer.later(f, documents[doc_id], path, key)
    placed = placer.place([f for _, f, _, _, _ in share])
    return [(i, f) for entry, f in zip(share, placed) for i in entry[0]]


def _rule_pool(graph: Any, jobs: int | None) -> Any:
    """One forked helper process when it pays and is safe (:func:`cascade.core.pool.fork_pool`)."""
    if jobs == 1 or (os.cpu_count() or 1) < 2 or graph.number_of_nodes() < (0 if jobs else PARALLEL_MIN_NODES):
        return None
    if not room_for_a_copy():
        return None
    return fork_pool(1)


def _to_run(rules: list[type[Rule]]) -> list[type[Rule]]:
    """The rules to run: the selected ones and, when CAS903 is selected, every justifiable rule.

    A justified finding is reported as CAS903 even when its own rule is not selected, so that
    ``select=["justified"]`` lists every justification in use; the selection drops the rest.
    """
    if not any(r.code == "CAS903" for r in rules):
        return rules
    extra = [r for r in all_rules() if getattr(r, "justifiable", False) and r not in rules]
    return rules + extra


def _justify(findings: list[Finding], graph: Any) -> list[Finding]:
    """Missing-link findings on an element with a ``justification`` become CAS903 infos."""
    out = []
    for f in findings:
        rule = REGISTRY.get(f.code)
        if f.ref is not None and getattr(rule, "justifiable", False):
            attrs = graph.nodes.get(f.ref)
            element = None
            if attrs is not None:
                if attrs["type"] == "element":
                    element = attrs["model"]
                elif attrs["type"] == "indicator":
                    element = graph.nodes[attrs["element"]]["model"]
            if element is not None and element.justification:
                out.append(
                    make_finding(
                        "CAS903", ref=f.ref, file=f.file, span=_span_of(f), pointer=f.pointer,
                        code=f.code, rule=f.rule, message=f, justification=element.justification,
                    )
                )
                continue
        out.append(f)
    return out


def _span_of(f: Finding) -> Any:
    if f.line is None:
        return None
    return Span(f.line, f.column or 1, f.end_line or f.line, f.end_column or (f.column or 1) + 1)


def validate(
    workspace: Workspace,
    selection: Selection | None = None,
    *,
    options: dict[str, dict[str, Any]] | None = None,
    suppressions: Iterable[Suppression] = (),
    inline_suppressions: bool = True,
    jobs: int | None = None,
) -> Report:
    """Run the selected rules over a loaded workspace and return the report.

    ``selection`` (default: every rule at its severity) is built once from the caller's selectors
    (:meth:`Selection.of`, which raises ValueError for a selector that names no rule). ``jobs=1``
    keeps every rule in this process; by default a large workspace's rules use two cores.

    Findings covered by a ``# cascade: ignore[...]`` comment in their file (unless
    ``inline_suppressions`` is false) or by one of ``suppressions`` (the configured per-file ignores,
    see :mod:`cascade.read.suppressions`) are left out of the report and counted in
    ``Report.stats["suppressed"]``.
    """
    selection = selection or Selection()
    rules = selection.rules()
    findings = list(workspace.findings)
    remembered = Remembered(workspace.cache, workspace.cache_keys, options) if workspace.cache_keys else None
    with bulk():
        findings.extend(run_rules(workspace.graph, workspace.parsed, _to_run(rules), options, jobs, remembered))
    findings = _justify(findings, workspace.graph)
    written: list[Suppression] = list(suppressions)
    if inline_suppressions:
        for loaded in workspace.files:
            found, invalid = loaded.inline_suppressions()
            written.extend(found)
            findings.extend(invalid)
    return conclude(findings, written, selection, rules, workspace.stats, show_personal=workspace.show_personal,
                    names=None if workspace.show_personal else workspace.name_mask)


def stage_codes() -> set[str]:
    """Codes of the rules whose findings come from loading (CAS0xx, CAS1xx, the graph builder's):
    they always run, so a suppression of one of them is used or unused whatever the selection."""
    return {r.code for r in all_rules() if r.stage}


def conclude(findings: list[Finding], written: Iterable[Suppression], selection: Selection, rules: list[type[Rule]],
             stats: dict[str, int], show_personal: bool = False, names: Any = None) -> Report:
    """The one end of every validation run, in one process or over a nation's partitions at once.

    Applies the ``written`` suppressions (inline comments and configured per-file ignores; an unused
    or invalid one is itself a finding), then the selection and its severity overrides, and counts
    what was suppressed in ``stats["suppressed"]``. Stage rules always ran (their findings come from
    loading); the graph rules ran when selected. NIPs are masked unless ``show_personal``, and so
    are the employees' ``names`` (a :class:`~cascade.core.privacy.NameMask`) where they are given.
    """
    ran = {r.code for r in rules} | stage_codes()
    findings, suppressed, unused = apply(findings, list(written), ran)
    selected = {r.code for r in rules}
    stats = dict(stats, suppressed=sum(1 for f in suppressed if f.code in selected))
    return finish(findings + unused, selection, rules, stats, show_personal=show_personal, names=names)


def _selectors(value: Any, name: str) -> tuple[str, ...]:
    """Selectors as given to :func:`validate`: None, one string, or an iterable of strings."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)  # one selector, never its letters
    if isinstance(value, (bytes, Mapping)) or not isinstance(value, Iterable):
        raise UsageError(f"{name} must be a rule selector or a list of them, not {type(value).__name__}")
    out = tuple(value)
    bad = [v for v in out if not isinstance(v, str)]
    if bad:
        raise UsageError(f"{name} must hold rule selectors (strings), not {type(bad[0]).__name__}")
    return out


def _severities(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise UsageError(f"severity must map rule selectors to error, warning or info, not {type(value).__name__}")
    levels = [s.value for s in Severity]
    for key, level in value.items():
        if not isinstance(key, str) or not isinstance(level, (str, Severity)):
            raise UsageError(f"severity must map rule selectors (strings) to levels (strings), not {key!r}: {level!r}")
        if str(level) not in levels:
            raise ValueError(f"severity of {key!r} must be one of {', '.join(levels)}, not {level!r}")
    return {k: str(v) for k, v in value.items()}


def _options(value: Any) -> dict[str, dict[str, Any]] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise UsageError(f"options must map rule names to their options, not {type(value).__name__}")
    out: dict[str, dict[str, Any]] = {}
    for name, opts in value.items():
        if not isinstance(name, str) or not isinstance(opts, Mapping):
            raise UsageError(f"options must map rule names (strings) to mappings of options, not {name!r}: {type(opts).__name__}")
        rule = get_rule(name)
        if rule is None:
            raise ValueError(f"options: unknown rule {name!r}")
        unknown = [o for o in opts if o not in rule.options]
        if unknown:
            raise ValueError(f"options: {rule.name} has no option {unknown[0]!r} (options: {', '.join(sorted(rule.options)) or 'none'})")
        out[name] = dict(opts)
    return out


def finish(findings: list[Finding], selection: Selection, rules: list[type[Rule]], stats: dict[str, int],
           show_personal: bool = False, names: Any = None) -> Report:
    """Apply the selection and severity overrides to raw findings and build the report.

    NIPs are masked in every finding unless ``show_personal`` (:mod:`cascade.core.privacy`): every
    report of a run is built here. A reading error (:func:`cascade.read.suppressions.is_reading_error`:
    CAS001, CAS005, a file without a plan document) is kept whatever the selection, at error severity."""
    codes = {r.code: r for r in rules}
    kept = []
    dropped = outranked(findings, codes)  # the more specific of two rules on one missing link (rules.base.PRECEDENCE)
    if dropped:
        findings = [f for i, f in enumerate(findings) if i not in dropped]
    for f in findings:
        rule = codes.get(f.code)
        if is_reading_error(f):  # kept whatever the selection and severity overrides say, as an error
            kept.append(f if show_personal else mask_finding(f if f.severity is Severity.ERROR else replace(f, severity=Severity.ERROR), names))
            continue
        if rule is None:
            continue
        sev = selection.severity_of(rule)
        f = f if sev is f.severity or f.code == "CAS903" else replace(f, severity=sev)
        kept.append(f if show_personal else mask_finding(f, names))
    return Report(kept, stats)
