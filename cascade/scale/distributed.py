"""National scale on Dask: validate a many-region workspace in partitions, with single-process findings.

``validate(paths, scheduler=None, n_workers=2, **validate_kwargs)`` returns exactly the
:class:`~cascade.findings.Report` that ``cascade.load(paths).validate(**validate_kwargs)`` returns on
the same files (same findings, order, severities and summary), while no process holds more than one
partition of the nation. On a cluster it needs the optional extra ``cascade[dask]``; without it
:class:`MissingDependency` says how to install it. ``scheduler="processes"`` runs the same tasks on a
pool of local processes instead, without Dask: what ``cascade lint`` does on a large workspace
(:func:`cascade.pipeline.lint`), since two partitions on two cores are faster than one process
using both cores for parsing only, and no process holds the whole nation.

How a run goes (see ``docs/distributed.md``):

1. *Scan*: workers read the ``document:`` header of every file (a few lines, no full parse) and fully
   load only the *shared* documents, the RPJMN and the province RPJMDs, which every region below
   aligns to.
2. *Partition*: every other document belongs to the partition of its region code (a kab/kota
   ``NN.NN`` with all its RPJMD, renstra and SKP documents; a province's own OPDs ``NN``). Each
   partition is validated on one worker with, as read-only context, the shared documents it reaches
   upward (the province RPJMD and the RPJMN). Workers read their own files; only paths travel, and a
   worker loads each shared document once and keeps it.
3. *Verify and couple*: each partition returns the documents it really found and every document id
   they reference. A reference or a duplicate document id that crosses partitions merges the
   partitions involved (they are validated again, together); a reference to a shared document
   outside the context widens the context. This repeats until no partition depends on another, so
   that every finding on a partition's documents is computed from a graph holding everything the
   single-process graph holds around them: their upward chain, and everything below them.
4. *Reduce*: findings on shared documents need the whole nation below them (an RPJMN priority no
   region serves). One reducer task per shared document validates it with the documents it reaches
   upward (the shared documents above it, and the chain on from a partition's document it links
   down into), the shared documents naming it, and every partition document that names it,
   trimmed to its header and the elements linking into it; the partitions produce those trimmed
   documents as they run, and they go from worker to worker. Rules whose findings on an upper
   element depend on more than the links directly below it (:data:`DEEP_RULES`) are evaluated
   again, on the whole down-closure of the documents where they fire: on the shared tier, and in
   a partition that a shared document links down into (a link the wrong way).
5. *Finish*: suppressions, selection and severities are applied once, over all findings, as the
   last step of :func:`cascade.validate.validate` does (a configured per-file ignore may be used in
   one partition only).

Partition-local rules are therefore all rules, for findings on a partition's own documents; the
reducer evaluates all rules for findings on the shared documents.

``coverage(...)`` runs the same and also returns the national coverage table, the rows
:func:`cascade.views.coverage_rows` gives in one process: each partition counts its own documents
and each reducer its shared document (:func:`cascade.views.coverage_counts`), on graphs that hold
what those counts read (a document's upward chain and every element linking into it), and the
coordinator adds the findings of the final report by severity (:func:`cascade.views.coverage_table`).
"""

from __future__ import annotations

import operator
import os
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, NamedTuple, Sequence


from ..core.errors import UsageError
from ..core.findings import Finding, Report
from ..core.refs import split_ref, within_two_edits
from ..read.fastyaml import parse_plain
from ..read.loader import DEFAULT_LIMITS
from ..rules.base import all_rules
from ..core.parsed import ParsedDocument
from ..core.sourcemap import SourceMap
from ..read.suppressions import Suppression
from ..read.suppressions import find_suppressions
from ..validate import RunSettings, Selection, conclude
from ..validate import validate as run_validation
from ..views.trace import DocumentCounts, coverage_counts, coverage_table, document_of
from ..build.loading import Source, load_source
from ..core.pool import bulk, process_pool
from ..graph import Workspace
from ..read.discovery import discover

__all__ = ["validate", "coverage", "NationalCoverage", "validate_with", "MissingDependency", "DEEP_RULES", "INSTALL_HINT"]

INSTALL_HINT = "pip install 'cascade[dask]'"

#: Rules whose finding on an element may depend on nodes more than one document below it: CAS301
#: reports an orphan at its highest break with the number of elements and indicators cut off below.
DEEP_RULES = frozenset({"CAS301"})

_HEADER_BYTES = 65536
_SCAN_BATCH = 64


class MissingDependency(ImportError):
    """Dask is not installed: ``cascade[dask]`` is the optional extra that brings it."""


def _dask() -> Any:
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependency(f"validating with Dask needs the optional extra: {INSTALL_HINT}") from exc
    return distributed


# -- worker side: pure functions of paths ---------------------------------------------------------


@dataclass(frozen=True)
class _Header:
    """What partitioning needs of one file: its document id, kind, region and upward links."""

    index: int
    path: str
    id: str | None
    kind: str | None = None
    region: str | None = None
    aligns_to: tuple[str, ...] = ()
    #: Referenced document ids, known once the file is fully loaded: shared documents during the
    #: scan, the others when their partition has run (until then ``aligns_to`` stands in).
    refs: frozenset[str] | None = None
    size: int = 0
    counts: tuple[int, int] = (0, 0)
    #: ``document.part_of``: the renstra this one is part of; it goes into that renstra's partition.
    part_of: str | None = None

    @property
    def shared(self) -> bool:
        """RPJMN and province RPJMD: the documents every region below aligns to."""
        return self.kind == "rpjmn" or (self.kind in ("rpjmd", "rpd") and (self.region is None or "." not in self.region))


_CACHE: dict[tuple, tuple] = {}
_CACHE_SIZE = 128


def _load_one(path: str, cache: bool, show_personal: bool) -> tuple:
    """``load_source`` for one path; shared documents are kept per worker process and reused."""
    key = None
    if cache:
        try:
            st = os.stat(path)
            key = (path, st.st_mtime_ns, st.st_size, show_personal)
        except OSError:
            key = None
        if key is not None and key in _CACHE:
            return _CACHE[key]
    result = load_source(Source(path, path=path), DEFAULT_LIMITS, show_personal)
    if key is not None:
        if len(_CACHE) >= _CACHE_SIZE:
            del _CACHE[next(iter(_CACHE))]  # oldest first: shared documents of an earlier run
        _CACHE[key] = result
    return result


def _doc_refs(doc: ParsedDocument) -> frozenset[str]:
    """Every document id one document names: ``aligns_to`` and the targets of its links."""
    model = doc.model
    own = model.document.id
    out = set(model.document.aligns_to)
    if model.document.part_of is not None:
        out.add(model.document.part_of)
    add = out.add
    for element in model.elements:
        # split_ref inlined: this runs over every element of every partition
        if isinstance(element.parent, str):
            target, sep, _ = element.parent.rpartition(":")
            add(target if sep else own)
        for refs in (element.supports, element.crosscuts, *(i.supports for i in element.indicators)):
            for ref in refs:
                target, sep, _ = ref.rpartition(":")
                add(target if sep else own)
    out.discard(own)
    return frozenset(out)


def _header_of(index: int, path: str, parsed: ParsedDocument | None, size: int) -> _Header:
    """The header of a fully loaded file, with the document ids it references and its counts."""
    if parsed is None:
        return _Header(index, path, None, size=size)
    h = parsed.model.document
    region = h.region.code if h.region is not None else None
    counts = (len(parsed.model.elements), sum(len(e.indicators) for e in parsed.model.elements))
    # a realisasi document travels with its plan (``for``), as a part_of plan with its renstra
    part_of = h.for_ if h.kind == "realisasi" else h.part_of
    return _Header(index, path, h.id, h.kind, region, tuple(h.aligns_to), _doc_refs(parsed), size, counts, part_of)


def _fast_header(path: str) -> dict | None:
    """The top-level ``document:`` block read from the start of the file, or None when unsure."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEADER_BYTES)
        lines = head.decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    try:
        start = next(i for i, l in enumerate(lines) if l.rstrip() == "document:")
    except StopIteration:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ", "#")), None)
    if end is None:
        return None
    snippet = "\n".join(lines[start:end])
    if any(c in snippet for c in "&*!\t"):
        return None  # anchors, aliases, tags: leave them to the real loader
    try:
        data = parse_plain(snippet, DEFAULT_LIMITS)  # the loader's own line scanner
        if not isinstance(data, dict):
            return None  # declined: the full loader decides
        doc = data["document"]
        region = doc.get("region")
        aligns = doc.get("aligns_to", [])
        if not (isinstance(doc["id"], str) and isinstance(doc["kind"], str) and isinstance(aligns, list)):
            return None
        if region is not None and not isinstance(region.get("code"), str):
            return None
        part_of = doc.get("for") if doc["kind"] == "realisasi" else doc.get("part_of")
        if part_of is not None and not isinstance(part_of, str):
            return None
        if doc["kind"] == "realisasi":
            aligns = [part_of] if part_of is not None else []
        return {"id": doc["id"], "kind": doc["kind"], "region": region and region["code"], "aligns_to": tuple(map(str, aligns)),
                "part_of": part_of}
    except Exception:  # any surprise in a header: the full loader decides
        return None


def read_headers(entries: Sequence[tuple[int, str]], show_personal: bool = False) -> list[_Header]:
    """Headers of ``entries`` (index, path); shared documents and doubtful files are fully loaded."""
    out = []
    for index, path in entries:
        fast = _fast_header(path)
        if fast is not None:
            head = _Header(index, path, fast["id"], fast["kind"], fast["region"], fast["aligns_to"], part_of=fast["part_of"])
            if not head.shared:
                out.append(head)
                continue
        parsed, _, loaded = _load_one(path, fast is not None, show_personal)
        out.append(_header_of(index, path, parsed, loaded.size if loaded else 0))
    return out


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
            doc, doc_findings, loaded = _load_one(path, index in cached, show_personal)
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
    left_out = [f for f in ws.findings if f.code in unselected]
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
            if index in keep_index and loaded is not None and loaded.text is not None:
                found, invalid = find_suppressions(loaded.file, loaded.text)
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
    for index, _ in own:
        doc = by_index[index][0]
        if doc is None:
            continue
        for target in (refs[index] or frozenset()) & shared_ids:
            trims.setdefault(target, []).append((index, _trim(doc, target)))
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
    # a realisasi document's indicators, in a plan the partition holds only as context
    todo += [split_ref(r, doc.model.document.for_) for i, doc in parsed if i in own and doc.model.kind == "realisasi"
             for r in (*doc.model.realized, *doc.model.pk_targets)]
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
    update: dict[str, Any] = {"elements": [e for e, _, _ in keep]}
    if not keep_units:
        update["organization"] = []
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


# -- coordinator -----------------------------------------------------------------------------------


class _Groups:
    """Union-find over partition keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        """The representative key of ``key``'s partition."""
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> bool:
        """Merge two partitions; True when they were apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


class _Run:
    """One distributed validation: scan, partition, verify and couple, reduce."""

    def __init__(self, client: Any, entries: list[tuple[int, str]], settings: "RunSettings", show_personal: bool = False,
                 coverage: bool = False):
        self.client = client
        self.entries = entries
        self.show_personal = show_personal
        self.coverage = coverage  # tasks count their documents for the coverage table
        self.selection = settings.selection
        self.options = settings.options
        self.config_suppressions = list(settings.suppressions)
        self.inline = settings.inline_suppressions
        self.rules = self.selection.rules()
        self.stage = {r.code for r in all_rules() if r.stage}
        self.unselected = frozenset(self.stage - {r.code for r in self.rules})
        self.headers: dict[int, _Header] = {}
        self.groups = _Groups()
        self.key_of: dict[int, str] = {}  # partition key of every file that is not shared
        self.shared: set[int] = set()
        self.results: dict[tuple, tuple] = {}  # own files -> (context used, result, future of the output)
        self.outputs: dict[tuple, Any] = {}  # own files -> future of the partition's output (with trims)
        self.owners: dict[str, list[int]] = {}
        self.hints: dict[int, frozenset[str]] = {}
        self.rounds = 0

    def _scan(self) -> None:
        batches = [self.entries[i:i + _SCAN_BATCH] for i in range(0, len(self.entries), _SCAN_BATCH)]
        for batch in self.client.gather(self.client.map(read_headers, batches, show_personal=self.show_personal, pure=False)):
            for head in batch:
                self.headers[head.index] = head
        self._index()
        for index, head in self.headers.items():
            if head.id is None:
                key = "~unread"
            elif head.shared:
                if len(self.owners[head.id]) == 1:
                    self.shared.add(index)
                    continue
                key = f"#{index}"  # a doubled upper document cannot be shared: a partition of its own
            elif head.region is not None:
                key = head.region
            else:
                key = "~" + os.path.dirname(head.path)
            self.key_of[index] = key
        # a part_of plan (a UPT or Puskesmas renstra) goes into the partition of the renstra it is part of
        for index, head in self.headers.items():
            owner = index
            for _ in range(8):  # a short chain of part_of; a cycle or a long chain stays where it is
                target = self.headers[owner].part_of if owner in self.key_of else None
                holders = self.owners.get(target, []) if target is not None else []
                if len(holders) != 1 or holders[0] not in self.key_of or holders[0] == index:
                    break
                owner = holders[0]
            if owner != index and index in self.key_of:
                self.key_of[index] = self.key_of[owner]
        for key in set(self.key_of.values()):
            self.groups.find(key)

    def _index(self) -> None:
        """Who holds each document id, and the typo hints the graph builder would give."""
        self.owners = {}
        for index, head in sorted(self.headers.items()):
            if head.id is not None:
                self.owners.setdefault(head.id, []).append(index)
        self.hints = {}
        for index, head in self.headers.items():
            absent = [t for t in head.aligns_to if t not in self.owners]
            if absent:
                # CAS202 names the first present id a typo away: the partition must hold every candidate
                self.hints[index] = frozenset(d for t in absent for d in self.owners if within_two_edits(t, d))

    def _refs(self, index: int) -> frozenset[str]:
        """Document ids a file depends on: verified once its partition ran, else its header's aligns_to."""
        head = self.headers[index]
        refs = head.refs if head.refs is not None else frozenset(head.aligns_to) | ({head.part_of} if head.part_of else set())
        return refs | self.hints.get(index, frozenset())

    def _shared_by_id(self) -> dict[str, int]:
        return {self.headers[s].id: s for s in self.shared}

    def _context(self, own: list[int], shared_by_id: dict[str, int]) -> list[int]:
        """Shared documents a partition needs: those it references, upward-closed, and those naming it."""
        own_ids = {self.headers[i].id for i in own if self.headers[i].id is not None}
        seeds = [shared_by_id[t] for i in own for t in self._refs(i) if t in shared_by_id]
        seeds += [s for s in self.shared if self._refs(s) & own_ids]
        return self._closure(seeds, lambda ref: (shared_by_id[ref],) if ref in shared_by_id else ())

    def _jobs(self) -> dict[tuple, str]:
        """The current partitions as (own files, context files), each with its key."""
        shared_by_id = self._shared_by_id()
        parts: dict[str, list[int]] = {}
        for index, key in self.key_of.items():
            parts.setdefault(self.groups.find(key), []).append(index)
        return {(tuple(sorted(own)), tuple(self._context(sorted(own), shared_by_id))): root for root, own in parts.items()}

    def _couple(self) -> bool:
        """Merge partitions that depend on each other; True when anything changed."""
        self._index()
        changed = False
        for doc_id, indexes in self.owners.items():
            if len(indexes) > 1:
                for s in [i for i in indexes if i in self.shared]:
                    self.shared.discard(s)
                    self.key_of[s] = f"#{s}"
                    changed = True
                for i in indexes[1:]:
                    changed |= self.groups.union(self.key_of[indexes[0]], self.key_of[i])
        shared_by_id = self._shared_by_id()
        for index, key in list(self.key_of.items()):
            targets = set(self._refs(index))
            # what the shared context names is part of the partition's upward chain too
            for s in self._context([index], shared_by_id):
                targets |= self._refs(s)
            for target in targets:
                for other in self.owners.get(target, ()):
                    if other not in self.shared:
                        changed |= self.groups.union(key, self.key_of[other])
        return changed

    def _done(self, own: tuple, ctx: tuple) -> bool:
        """Whether a partition ran with at least this context (more upper documents change nothing)."""
        return own in self.results and set(ctx) <= set(self.results[own][0])

    def _partition_results(self) -> list[_Result]:
        shared_ids = frozenset(self.headers[s].id for s in self.shared)
        while True:
            self.rounds += 1
            jobs = self._jobs()
            todo = {job: root for job, root in jobs.items() if not self._done(*job)}
            shared = set(self.shared)
            outputs = [
                self.client.submit(partition, self._paths(own), self._paths(ctx), self.selection, self.options, shared_ids,
                                   cached=tuple(shared & set(ctx)), unselected=self.unselected, inline=self.inline,
                                   show_personal=self.show_personal, coverage=self.coverage,
                                   key=f"cascade-partition-{root}-{self.rounds}", pure=False)
                for (own, ctx), root in sorted(todo.items())
            ]
            # only the findings and headers come to the coordinator; trimmed feeders stay on the cluster
            heads = [self.client.submit(operator.itemgetter(0), out, pure=False) for out in outputs]
            for (own, ctx), out, result in zip(sorted(todo), outputs, self.client.gather(heads)):
                self.results[own] = (ctx, result, out)
                for head in result.headers:
                    self.headers[head.index] = head
            if not self._couple() and not todo and set(self.shared) == shared:
                # outputs of partitions merged since are released on the workers
                self.results = {own: self.results[own] for own, _ in jobs}
                self.outputs = {own: self.results[own][2] for own, _ in jobs}
                return [self.results[own][1] for own, _ in sorted(jobs)]

    def _reduce(self) -> list[_Result]:
        """Findings on the shared documents: one task per shared document, over everything linked to it.

        A shared document's reducer holds the document, every document it reaches upward (the
        shared documents above it and, where it links into a partition's document, that document
        and what it reaches in turn) and the shared documents that name it, loaded from their
        files; and, for every partition document that names it, that document trimmed to its header
        and the elements linking into it, taken from the partitions' output on the cluster.
        """
        first = {owners[0] for owners in self.owners.values()}
        futures = []
        for s in sorted(self.shared):
            doc_id = self.headers[s].id
            above = self._upward([s])
            naming = [t for t in self.shared if doc_id in self._refs(t)]
            pieces = []
            for own, out in self.outputs.items():
                allowed = frozenset(i for i in own if i in first and doc_id in self._refs(i))
                if allowed:
                    pieces.append(self.client.submit(_pick, out, doc_id, allowed, pure=False))
            futures.append(self.client.submit(
                check, self._paths([s]), self._paths(set(above) | set(naming)), self.selection, self.options,
                cached=tuple(self.shared), unselected=self.unselected, inline=self.inline, extra=pieces,
                show_personal=self.show_personal, coverage=(s,) if self.coverage else None, key=f"cascade-reduce-{s}", pure=False,
            ))
        return self.client.gather(futures)

    def _upward(self, seeds: list[int]) -> list[int]:
        """The files ``seeds`` reach through references, themselves included, sorted.

        The shared tier names only shared documents, unless a link goes the wrong way, down into a
        partition's document: then the chain above it goes on from there, and is followed as well,
        so that what the reducer finds linked up is what one process finds.
        """
        return self._closure(seeds, lambda ref: self.owners.get(ref, ()))

    def _closure(self, seeds: list[int], files_of: Callable[[str], Iterable[int]]) -> list[int]:
        """``seeds`` and every file they reach through references (``files_of`` a document id), sorted."""
        seen: set[int] = set()
        todo = list(seeds)
        while todo:
            t = todo.pop()
            if t not in seen:
                seen.add(t)
                todo.extend(i for r in self._refs(t) for i in files_of(r))
        return sorted(seen)

    def _deep_files(self, results: list[_Result]) -> set[str]:
        """The files whose :data:`DEEP_RULES` findings need the deep pass.

        Those on the shared tier, whose cascade below spans the partitions; and those of a
        partition holding a document that a shared document links down into (a link the wrong
        way): what lies below such a document includes shared elements, and what lies below those
        was cut from the partition's context.
        """
        shared = set(self.shared)
        named = {i for s in shared for r in self._refs(s) for i in self.owners.get(r, ()) if i not in shared}
        files = {self.headers[s].path for s in shared}
        for own in self.results:
            if named.intersection(own):
                files.update(self.headers[i].path for i in own)
        return {f.file for r in results for f in r.findings if _origin(f) in DEEP_RULES and f.file in files}

    def _deepen(self, results: list[_Result]) -> list[_Result]:
        """Evaluate :data:`DEEP_RULES` again where a task could not see everything below (:meth:`_deep_files`).

        One task over the files of those findings (the roots), every document that reaches a root
        through references (below), and every document the roots and those reach (above, so that
        what is linked up is decided as in one process).
        """
        files = self._deep_files(results)
        if not files:
            return results
        roots = sorted(i for i, head in self.headers.items() if head.path in files)
        ids_below = {self.headers[i].id for i in roots}
        below: set[int] = set()
        grew = True
        while grew:
            grew = False
            for index, head in self.headers.items():
                if index not in below and index not in roots and self._refs(index) & ids_below:
                    below.add(index)
                    ids_below.add(head.id)
                    grew = True
        context = below | set(self._upward([*roots, *below])) | self.shared
        # the roots are counted by their reducers: the deep pass only places its findings' refs
        again = self.client.submit(check, self._paths(roots), self._paths(context), self.selection, self.options, keep=tuple(roots),
                                   codes=DEEP_RULES, show_personal=self.show_personal, coverage=() if self.coverage else None,
                                   key=f"cascade-deep-{self.rounds}", pure=False).result()
        out = [replace(r, findings=[f for f in r.findings if not (f.file in files and _origin(f) in DEEP_RULES)])
               for r in results]
        return out + [again]

    def _paths(self, indexes: Iterable[int]) -> list[tuple[int, str]]:
        """(index, path) of the files, with every file holding the same document id as one of them:
        the first of an id is the one kept, as in one process."""
        chosen = set(indexes)
        for i in list(chosen):
            head = self.headers[i]
            if head.id is not None:
                chosen.update(self.owners.get(head.id, ()))
        return [(i, self.headers[i].path) for i in sorted(chosen)]

    def run(self) -> Report:
        """Scan, validate the partitions until none depends on another, reduce; the merged report."""
        return self.run_all()[0]

    def run_all(self) -> tuple[Report, list[dict] | None]:
        """:meth:`run`; with the coverage table too when the run counts for it (``coverage``), else None."""
        self._scan()
        results = self._deepen(self._partition_results() + self._reduce())
        report, kept = self._merge(results)
        return report, self._coverage_rows(results, report, kept) if self.coverage else None

    def _merge(self, results: list[_Result]) -> tuple[Report, set[int]]:
        """The report of the nation from the tasks' results, and the indexes of the files kept."""
        findings = [f for r in results for f in r.findings]
        kept = set().union(*(r.kept for r in results))
        written = self.config_suppressions + [s for r in results for s in r.suppressions]
        stats = {
            "files": len(self.entries),
            "bytes": sum(h.size for h in self.headers.values()),
            "documents": len(kept),
            "elements": sum(self.headers[i].counts[0] for i in kept),
            "indicators": sum(self.headers[i].counts[1] for i in kept),
        }
        # the end of every run (cascade.validate.conclude), over the whole nation at once
        return conclude(findings, written, self.selection, self.rules, stats), kept

    def _coverage_rows(self, results: list[_Result], report: Report, kept: set[int]) -> list[dict]:
        """The coverage table: the tasks' counts, with the findings of ``report`` counted by severity.

        A finding counts on the document its ref is a node of, else on its file's document, as
        :func:`cascade.views.coverage_rows` counts it. The task that returned the finding looked its
        ref up: a task returns the findings of its own files only, whose refs name its own documents
        (the files of a doubled id are in one partition), and its graph holds those whole.
        Suppressions, selection and severities are those of the final report; a finding the
        coordinator makes (an unused suppression) has no ref and counts on its file's document.
        """
        counts = [c for r in results if r.coverage is not None for c in r.coverage.counts]
        documents: dict[str, str] = {}
        for r in results:
            if r.coverage is not None:
                documents.update(r.coverage.documents)
        by_file = {self.headers[i].path: self.headers[i].id for i in kept}
        placed = [((documents.get(f.ref) if f.ref is not None else None) or by_file.get(f.file or ""), f) for f in report]
        return coverage_table(counts, placed)


class _LocalClient:
    """The few calls of a ``dask.distributed.Client`` that a run makes, on a local process pool.

    ``scheduler="processes"`` validates partitioned without Dask: the tasks run on
    ``n_workers`` forked processes of this machine, each keeping its shared documents between tasks
    as a Dask worker does. A future given as an argument is waited for here and its value sent to the
    task. Picking from a partition's output (small: its trimmed documents) runs in this process.
    """

    _INLINE = (operator.itemgetter,)

    def __init__(self, n_workers: int):
        self.pool = process_pool(n_workers)

    @staticmethod
    def _value(arg: Any) -> Any:
        from concurrent.futures import Future

        if isinstance(arg, Future):
            return arg.result()
        if isinstance(arg, list):
            return [_LocalClient._value(a) for a in arg]
        return arg

    def submit(self, fn: Callable, *args: Any, key: str | None = None, pure: bool = True, **kwargs: Any) -> Any:
        from concurrent.futures import Future

        args = tuple(self._value(a) for a in args)
        kwargs = {k: self._value(v) for k, v in kwargs.items()}
        if isinstance(fn, self._INLINE) or fn is _pick:
            done: Future = Future()
            done.set_result(fn(*args, **kwargs))
            return done
        return self.pool.submit(fn, *args, **kwargs)

    def map(self, fn: Callable, items: Iterable[Any], pure: bool = True, **kwargs: Any) -> list[Any]:
        return [self.submit(fn, item, **kwargs) for item in items]

    @staticmethod
    def gather(futures: Iterable[Any]) -> list[Any]:
        return [f.result() for f in futures]

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _connect(scheduler: Any, n_workers: int) -> tuple[Any, Any]:
    """A client for ``scheduler`` (a Client, an address, None for a local cluster, or ``"processes"``
    for a local process pool without Dask) and its closer."""
    if isinstance(scheduler, _LocalClient):
        return scheduler, lambda: None
    if scheduler == "processes":
        local = _LocalClient(n_workers)
        return local, local.close
    distributed = _dask()
    if isinstance(scheduler, distributed.Client):
        return scheduler, lambda: None
    if scheduler is not None:
        if not isinstance(scheduler, str):
            raise UsageError(f"scheduler is an address or a dask Client, not {type(scheduler).__name__}")
        client = distributed.Client(scheduler)
        return client, client.close
    cluster = distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    client = distributed.Client(cluster)

    def close() -> None:
        client.close()
        cluster.close()

    return client, close


class NationalCoverage(NamedTuple):
    """What :func:`coverage` returns: the report and the coverage table of the nation."""

    #: The report, equal to :func:`validate`'s.
    report: Report
    #: One dict per document, equal to :func:`cascade.views.coverage_rows` on the whole workspace
    #: with that report (:func:`cascade.tables.coverage_frame` makes a DataFrame of them).
    rows: list[dict]


def _entries(paths: Any, n_workers: int, show_personal: bool, name: str) -> list[tuple[int, str]]:
    """The (index, path) of every plan file under ``paths``, once the arguments are checked."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not isinstance(paths, (list, tuple)) or not all(isinstance(p, (str, os.PathLike)) for p in paths):
        raise UsageError(f"cascade.distributed.{name}() takes a path or a list of paths")
    if not isinstance(n_workers, int) or n_workers < 1:
        raise UsageError("n_workers must be a positive integer")
    if not isinstance(show_personal, bool):
        raise UsageError("show_personal must be True or False")
    return list(enumerate(discover(paths)))


def validate(paths: Any, scheduler: Any = None, n_workers: int = 2, *, show_personal: bool = False,
             **validate_kwargs: Any) -> Report:
    """Validate the plan files under ``paths`` on Dask; the report equals single-process validation.

    ``paths`` is a path or a list of paths (files or folders, searched recursively). ``scheduler``
    is a ``dask.distributed`` scheduler address (``tcp://host:8786``) or ``Client``; by default a
    ``LocalCluster`` of ``n_workers`` processes runs for the call. ``scheduler="processes"`` runs
    the tasks on ``n_workers`` local processes without Dask. Every worker must see the files at
    the same paths (a shared filesystem). ``show_personal`` is :func:`cascade.load`'s (employee NIPs
    and names unmasked in findings); ``validate_kwargs`` are those of :meth:`Cascade.validate`.

    Raises :class:`MissingDependency` without Dask, ``ValueError`` for an unknown rule selector and
    :class:`~cascade.errors.UsageError` for arguments of the wrong type.
    """
    settings = RunSettings.of(**validate_kwargs)
    return validate_with(paths, settings, scheduler, n_workers, show_personal=show_personal)


def validate_with(paths: Any, settings: RunSettings, scheduler: Any = None, n_workers: int = 2, *,
                  show_personal: bool = False) -> Report:
    """:func:`validate` with its settings built (what :func:`cascade.pipeline.lint` calls)."""
    entries = _entries(paths, n_workers, show_personal, "validate")
    client, close = _connect(scheduler, n_workers)
    try:
        return _Run(client, entries, settings, show_personal).run()
    finally:
        close()


def coverage(paths: Any, scheduler: Any = None, n_workers: int = 2, *, show_personal: bool = False,
             **validate_kwargs: Any) -> NationalCoverage:
    """Validate on Dask as :func:`validate` does, and build the national coverage table.

    Returns the report and the rows that :func:`cascade.views.coverage_rows` gives for the whole
    workspace in one process with that report (``cascade.load(paths).coverage(report)`` as a
    DataFrame): one row per document, with element and indicator counts, the shares linked up and
    supported, orphans, and the report's findings by severity, sorted by (tier, document). Each
    document is counted on the worker that holds it; only the counts travel. The arguments and
    errors are :func:`validate`'s.
    """
    settings = RunSettings.of(**validate_kwargs)
    entries = _entries(paths, n_workers, show_personal, "coverage")
    client, close = _connect(scheduler, n_workers)
    try:
        report, rows = _Run(client, entries, settings, show_personal, coverage=True).run_all()
    finally:
        close()
    return NationalCoverage(report, rows or [])
