"""The worker side of a by-region run: pure functions of paths, run on Dask workers or local processes.

:func:`check` validates some files with others as read-only context and returns the findings placed
in its own files; :func:`partition` does so for a region and also trims its documents that link into
the shared tier, for that document's reducer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from ...core.findings import Finding
from ...core.parsed import ParsedDocument
from ...core.pool import bulk
from ...core.sourcemap import SourceMap
from ...core.refs import split_ref
from ...graph import Workspace
from ...read.discovery import is_workbook
from ...read.suppressions import Suppression, is_reading_error
from ...read.workbook import sidecar_of
from ...validate import Selection
from ...validate import validate as run_validation
from ...views.trace import DocumentCounts, coverage_counts, document_of
from .headers import _Header, _header_of, load_one

__all__ = ["check", "partition"]


@dataclass
class _Coverage:
    """What a task adds to the national coverage table.

    ``counts`` are the coverage counts of the documents the task owns (a partition's kept documents,
    a reducer's shared document). ``documents`` maps the ``ref`` of each returned finding that is a
    node of the task's graph to the node's document: where one process counts that finding
    (:func:`cascade.views.document_of`); a finding whose ref is no node counts on its file's document.
    """

    counts: list[DocumentCounts] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)


@dataclass
class _Result:
    """What a partition (or the reducer) sends back: its findings and the documents it really found.

    ``findings`` are not yet suppressed: suppressions are applied once, over the whole nation, by
    the coordinator, since a configured per-file ignore may be used in one partition and not in
    another. They include the load findings of rules the selection leaves out, which can still
    use a suppression. ``suppressions`` are the ``# cascade: ignore`` comments of the kept files.
    """

    findings: list[Finding]
    headers: list[_Header] = field(default_factory=list)
    #: Indexes of the files whose document was kept (the first of its id).
    kept: set[int] = field(default_factory=set)
    suppressions: list[Suppression] = field(default_factory=list)
    #: The task's part of the coverage table, when asked for.
    coverage: _Coverage | None = None


def check(own: Sequence[tuple[int, str]], context: Sequence[tuple[int, str]], selection: Selection, options: dict | None,
          keep: Iterable[int] | None = None, codes: frozenset[str] | None = None, cached: Iterable[int] = (),
          unselected: frozenset[str] = frozenset(), inline: bool = False,
          extra: Iterable[Sequence[tuple[int, ParsedDocument]]] = (), show_personal: bool = False,
          coverage: Iterable[int] | None = None) -> _Result:
    """Validate ``own`` with ``context`` (both (index, path), loaded in global order).

    Returns the findings located in the files of ``keep`` (default: ``own``), optionally only those of
    rule ``codes`` (justified findings count as their original rule), and a header per own file.
    The files of ``cached`` (shared documents) are loaded once per worker process and kept.
    ``selection`` and ``options`` choose and configure the rules (suppressions are applied by the
    coordinator, :func:`cascade.validate.conclude`); the load findings of the
    ``unselected`` rules are returned as well, for the suppressions they may use, and with ``inline``
    the ``# cascade: ignore`` comments of the kept files (with their CAS902 findings). ``extra`` are
    documents already parsed (trimmed feeders of a shared document), placed in the same global order.
    ``show_personal`` is :func:`cascade.load`'s: employee NIPs and names unmasked in findings.
    With ``coverage`` (indexes of own files) the result carries the coverage counts of their kept
    documents and the documents of the returned findings' refs (:class:`_Coverage`).
    """
    return _check(own, context, selection, options, keep, codes, cached, unselected, inline, extra, show_personal=show_personal,
                  coverage=coverage)[0]


def _check(own: Sequence[tuple[int, str]], context: Sequence[tuple[int, str]], selection: Selection, options: dict | None,
           keep: Iterable[int] | None, codes: frozenset[str] | None, cached: Iterable[int],
           unselected: frozenset[str], inline: bool, extra: Iterable[Sequence[tuple[int, ParsedDocument]]] = (),
           trim: bool = False, show_personal: bool = False,
           coverage: Iterable[int] | None = None) -> tuple[_Result, dict[int, tuple]]:
    own_index = {i for i, _ in own}
    cached = set(cached)
    items = sorted(set(own) | set(context))
    keep_index = own_index if keep is None else set(keep)
    parsed: list[tuple[int, ParsedDocument]] = []
    findings: list[Finding] = []
    files = []
    size = 0
    by_index: dict[int, tuple] = {}
    with bulk():
        for index, path in items:
            doc, doc_findings, loaded = load_one(path, index in cached, show_personal)
            by_index[index] = (doc, loaded)
            findings.extend(doc_findings)
            files.append(loaded)
            size += loaded.size if loaded is not None else 0
            if doc is not None:
                parsed.append((index, doc))
        if trim:
            parsed = _trim_context(parsed, own_index)
        present = {i for i, _ in items}
        parsed.extend((i, doc) for piece in extra for i, doc in piece if i not in present)
        parsed.sort(key=lambda pair: pair[0])
        ws = Workspace([doc for _, doc in parsed], findings, files, {"files": len(items), "bytes": size}, show_personal)
    # one process per task: a worker forking a rule process of its own would compete with the other workers
    report = run_validation(ws, selection, options=options, jobs=1, inline_suppressions=False)
    keep_files = {path for i, path in items if i in keep_index}
    # a table's findings on its document block stand in its sidecar (build.loading._at_sidecar)
    keep_files |= {sidecar_of(path) for path in keep_files if is_workbook(path)}
    # (a reading error is in the report whatever the selection: carried once, not again as left out)
    left_out = [f for f in ws.findings if f.code in unselected and not is_reading_error(f)]
    kept = [f for f in [*report, *left_out] if f.file in keep_files and (codes is None or _origin(f) in codes)]
    headers, kept_docs, written = [], set(), []
    for index, path in own:
        doc, loaded = by_index[index]
        headers.append(_header_of(index, path, doc, loaded.size if loaded else 0))
        if doc is not None and ws.parsed.get(doc.id) is doc:
            kept_docs.add(index)
    if inline:
        for index, path in items:
            loaded = by_index[index][1]
            if index in keep_index and loaded is not None:
                found, invalid = loaded.inline_suppressions()
                written.extend(found)
                kept.extend(invalid)
    counted = None
    if coverage is not None:
        ids = {by_index[i][0].id for i in kept_docs.intersection(coverage)}
        refs = {f.ref: document_of(f.ref, ws.graph) for f in kept if f.ref is not None}
        counted = _Coverage(coverage_counts(ws, ids), {ref: doc for ref, doc in refs.items() if doc is not None})
    return _Result(kept, headers, kept_docs, written, counted), by_index


def partition(own: Sequence[tuple[int, str]], context: Sequence[tuple[int, str]], selection: Selection, options: dict | None,
              shared_ids: frozenset[str], cached: Iterable[int] = (), unselected: frozenset[str] = frozenset(),
              inline: bool = False, show_personal: bool = False,
              coverage: bool = False) -> tuple[_Result, dict[str, list[tuple[int, ParsedDocument]]]]:
    """Validate one partition (see :func:`check`), and trim its documents that link into the shared tier.

    With ``coverage`` the result carries the coverage counts of the partition's own (kept) documents.

    The second value maps a shared document id to the partition's documents that name it, each cut
    down to its header and the elements that link into that document: what the shared document's
    reducer needs of them, already parsed, without positions.
    """
    result, by_index = _check(own, context, selection, options, None, None, cached, unselected, inline, trim=True,
                              show_personal=show_personal, coverage=[i for i, _ in own] if coverage else None)
    trims: dict[str, list[tuple[int, ParsedDocument]]] = {}
    refs = {head.index: head.refs for head in result.headers}  # each own file's _doc_refs, found once
    kept: dict[tuple[str, str], set[str]] = {}  # (shared id, plan id) -> the plan's indicators sent
    for index, _ in own:
        doc = by_index[index][0]
        if doc is None or doc.model.kind == "realisasi":
            continue
        for target in (refs[index] or frozenset()) & shared_ids:
            cut = _trim(doc, target)
            trims.setdefault(target, []).append((index, cut))
            kept.setdefault((target, doc.id), set()).update(i.id for e in cut.model.elements for i in e.indicators)
    # the realisasi of the indicators sent: the reducer compares a shared indicator's capaian with
    # the capaian of what supports it (CAS704), as one process does
    for index, _ in own:
        doc = by_index[index][0]
        if doc is None or doc.model.kind != "realisasi":
            continue
        plan = doc.model.document.for_
        for target in list(trims):
            ids = kept.get((target, plan))
            if ids:
                trims[target].append((index, _cut_realisasi(doc, plan, ids)))
    return result, trims


def _links(element: Any) -> list[str]:
    """The references an element and its indicators name."""
    refs = [element.parent, *element.supports, *element.crosscuts, *(r for i in element.indicators for r in i.supports)]
    return [r for r in refs if isinstance(r, str)]


def _trim_context(parsed: list[tuple[int, ParsedDocument]], own: set[int]) -> list[tuple[int, ParsedDocument]]:
    """The context documents cut down to what the partition's documents reach upward.

    A partition's findings on its own documents look at their upward chain and at what links into
    them, not at the rest of the province RPJMD or the RPJMN, which every partition would otherwise
    check again. Kept: every element a link of the partition leads to, transitively, and every
    element that links into the partition's documents (a link the wrong way, down the cascade,
    which a rule reports, but which supports them all the same) with what it leads to in turn;
    each with its indicators; the header and the organisation. A context document that a link
    names without resolving (a typo, whose CAS202 hint needs all its ids) is kept whole.
    """
    context = {doc.id: doc for i, doc in parsed if i not in own}
    own_ids = {doc.id for i, doc in parsed if i in own}
    elements = {d: {} for d in context}
    holder = {d: {} for d in context}  # local id -> local id of the element holding it
    todo = [split_ref(r, doc.id) for i, doc in parsed if i in own for e in doc.model.elements for r in _links(e)]
    # a realisasi document's indicators, in a plan the partition holds only as context; rows name
    # indicators by their printed name (matched against every indicator of the plan): the plan stays whole
    realisasi = [doc.model for i, doc in parsed if i in own and doc.model.kind == "realisasi"]
    todo += [split_ref(r, model.document.for_) for model in realisasi for r in (*model.realized, *model.pk_targets)]
    todo += [(model.document.for_, "") for model in realisasi if model.rows]  # "" holds nothing: kept whole
    todo += [split_ref(row.ref, model.document.for_) for model in realisasi for row in model.rows if row.ref]
    for d, doc in context.items():
        for element in doc.model.elements:
            elements[d].setdefault(element.id, element)
            holder[d].setdefault(element.id, element.id)
            for indicator in element.indicators:
                holder[d].setdefault(indicator.id, element.id)
            if any(split_ref(r, d)[0] in own_ids for r in _links(element)):
                todo.append((d, element.id))
    keep: dict[str, set[str] | None] = {d: set() for d in context}
    while todo:
        d, local = todo.pop()
        if d not in context or keep[d] is None:
            continue
        element_id = holder[d].get(local)
        if element_id is None:
            keep[d] = None
        elif element_id not in keep[d]:
            keep[d].add(element_id)
            todo.extend(split_ref(r, d) for r in _links(elements[d][element_id]))
    out = []
    for i, doc in parsed:
        wanted = keep.get(doc.id) if i not in own else None
        out.append((i, doc if wanted is None or context.get(doc.id) is not doc else _cut(doc, wanted, keep_units=True)))
    return out


def _cut(doc: ParsedDocument, wanted: set[str], keep_units: bool) -> ParsedDocument:
    """``doc`` with only the elements ``wanted`` (with their indicators) and its header, without positions."""
    keep = [(e, p, ip) for e, p, ip in zip(doc.model.elements, doc.element_paths, doc.indicator_paths) if e.id in wanted]
    update: dict[str, Any] = {"elements": tuple(e for e, _, _ in keep)}
    if not keep_units:
        update["organization"] = ()
    model = doc.model.model_copy(update=update)
    return ParsedDocument(model, doc.file, SourceMap(doc.file), [p for _, p, _ in keep], [ip for _, _, ip in keep],
                          doc.unit_paths if keep_units else [])


def _trim(doc: ParsedDocument, target: str) -> ParsedDocument:
    """``doc`` with only its header and the elements (with their indicators) that link into ``target``.

    Only elements that are nodes of the whole document's graph count: one whose id an earlier
    element or indicator holds is a duplicate (CAS201) and links nothing, and must not become a node
    once that earlier one is cut away.
    """
    seen: set[str] = set()
    wanted = set()
    for element in doc.model.elements:
        if element.id in seen:
            continue
        seen.add(element.id)
        seen.update(i.id for i in element.indicators)
        if any(split_ref(r, doc.id)[0] == target for r in _links(element)):
            wanted.add(element.id)
    return _cut(doc, wanted, keep_units=False)


def _cut_realisasi(doc: ParsedDocument, plan: str, ids: set[str]) -> ParsedDocument:
    """A realisasi document with only the values of the indicators ``ids`` of ``plan``, without positions."""

    def wanted(ref: str) -> bool:
        target, local = split_ref(ref, plan)
        return target == plan and local in ids

    model = doc.model
    update = {"realized": {r: v for r, v in model.realized.items() if wanted(r)},
              "pk_targets": {r: v for r, v in model.pk_targets.items() if wanted(r)}}
    return ParsedDocument(model.model_copy(update=update), doc.file, SourceMap(doc.file), [], [], [])


def _pick(output: tuple[_Result, dict], target: str, allowed: frozenset[int]) -> list[tuple[int, ParsedDocument]]:
    """The trimmed documents of one partition's output that name ``target``, of the files ``allowed``."""
    return [(i, doc) for i, doc in output[1].get(target, ()) if i in allowed]


def _origin(f: Finding) -> str:
    """The rule a finding comes from; a justified finding (CAS903) counts as the rule it silenced."""
    return str(dict(f.args).get("code", f.code)) if f.code == "CAS903" else f.code


def _peak_rss() -> int:
    """Peak resident memory of this worker process, in bytes (Linux and macOS)."""
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
