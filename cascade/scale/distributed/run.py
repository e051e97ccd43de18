"""The coordinator of a by-region run: scan, partition, verify and couple, reduce, and the one end of the run."""

from __future__ import annotations

import operator
import os
from dataclasses import replace
from typing import Any, Callable, Iterable

from ...core.findings import Report
from ...core.refs import within_two_edits
from ...validate import RunSettings, conclude, stage_codes
from ...views.trace import coverage_table
from .headers import _Header, read_headers
from .tasks import _origin, _pick, _Result, check, partition

__all__ = ["Run", "DEEP_RULES"]

#: Files a scan task reads headers of.
_SCAN_BATCH = 64

#: Rules whose finding on an element may depend on nodes more than one document below it: CAS301
#: reports an orphan at its highest break with the number of elements and indicators cut off below.
DEEP_RULES = frozenset({"CAS301"})

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


class Run:
    """One distributed validation: scan, partition, verify and couple, reduce."""

    def __init__(self, client: Any, entries: list[tuple[int, str]], settings: "RunSettings", show_personal: bool = False,
                 coverage: bool = False, progress: Callable[[str, int, int], None] | None = None):
        self.client = client
        self.progress = progress  # called with ("files", scanned, total) and ("partitions", done, so far)
        self.partitions_done = 0
        self.partitions_total = 0
        self.entries = entries
        self.show_personal = show_personal
        self.coverage = coverage  # tasks count their documents for the coverage table
        self.selection = settings.selection
        self.options = settings.options
        self.config_suppressions = list(settings.suppressions)
        self.inline = settings.inline_suppressions
        self.rules = self.selection.rules()
        self.unselected = frozenset(stage_codes() - {r.code for r in self.rules})
        self.headers: dict[int, _Header] = {}
        self.groups = _Groups()
        self.key_of: dict[int, str] = {}  # partition key of every file that is not shared
        self.shared: set[int] = set()
        #: The realisasi documents of each shared document, read by its reducer (not by a partition).
        self.attached: dict[int, list[int]] = {}
        self.results: dict[tuple, tuple] = {}  # own files -> (context used, result, future of the output)
        self.outputs: dict[tuple, Any] = {}  # own files -> future of the partition's output (with trims)
        self.owners: dict[str, list[int]] = {}
        self.hints: dict[int, frozenset[str]] = {}
        self.rounds = 0

    def _scan(self) -> None:
        batches = [self.entries[i:i + _SCAN_BATCH] for i in range(0, len(self.entries), _SCAN_BATCH)]
        futures = self.client.map(read_headers, batches, show_personal=self.show_personal, pure=False)
        for future in futures:  # one at a time, in order, so that the progress line moves
            for head in self.client.gather([future])[0]:
                self.headers[head.index] = head
            if self.progress is not None:
                self.progress("files", len(self.headers), len(self.entries))
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
        # a realisasi document of a shared plan goes with that plan into its reducer, which sees what
        # supports the plan's indicators from every partition (the capaian below them: CAS704)
        shared_by_id = self._shared_by_id()
        for index, head in sorted(self.headers.items()):
            if head.kind == "realisasi" and index in self.key_of and head.part_of in shared_by_id:
                del self.key_of[index]
                self.attached.setdefault(shared_by_id[head.part_of], []).append(index)
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
                    for attached in self.attached.pop(s, ()):  # its realisasi stays with it
                        self.key_of[attached] = f"#{s}"
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
            self.partitions_total += len(heads)
            for (own, ctx), out, head_future in zip(sorted(todo), outputs, heads):
                result = self.client.gather([head_future])[0]
                self.partitions_done += 1
                if self.progress is not None:
                    self.progress("partitions", self.partitions_done, self.partitions_total)
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
            context = set(above) | set(naming)
            # the realisasi of the shared documents read here, as one process has it
            context |= {a for t in context for a in self.attached.get(t, ())}
            own_files = [s, *self.attached.get(s, ())]
            pieces = []
            for own, out in self.outputs.items():
                plans = {i for i in own if i in first and doc_id in self._refs(i)}
                # with each feeder, the realisasi of what it keeps (partition() cuts it to that)
                allowed = frozenset(plans | {i for i in own if self.headers[i].kind == "realisasi"
                                             and plans.intersection(self.owners.get(self.headers[i].part_of or "", ()))})
                if plans:
                    pieces.append(self.client.submit(_pick, out, doc_id, allowed, pure=False))
            futures.append(self.client.submit(
                check, self._paths(own_files), self._paths(context), self.selection, self.options,
                cached=tuple(self.shared), unselected=self.unselected, inline=self.inline, extra=pieces,
                show_personal=self.show_personal, coverage=tuple(own_files) if self.coverage else None,
                key=f"cascade-reduce-{s}", pure=False,
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
            "realisasi": len({h.id for h in self.headers.values() if h.kind == "realisasi" and h.id}),
        }
        # the end of every run (cascade.validate.conclude), over the whole nation at once
        return conclude(findings, written, self.selection, self.rules, stats, show_personal=self.show_personal), kept

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
