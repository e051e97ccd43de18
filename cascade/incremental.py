"""The incremental engine: a workspace kept in memory, revalidated after each edit of one file.

:class:`LiveWorkspace` holds every file's parse (document, load findings, loaded text), the graph,
the findings of the document-scoped rules per document and the inline suppressions per file. On
:meth:`LiveWorkspace.update` (a file's new text, e.g. an editor's unsaved buffer, or its removal):

1. only that file is parsed again (:func:`cascade.build.loading.parse_loaded`);
2. the graph is patched when the edit cannot change which document ids exist (the edited document
   keeps its id and no document id is duplicated): the edited document's nodes and edges are
   removed and rebuilt, and every document whose references name the edited one is re-linked
   (references into it flip between resolved, broken (CAS202) and back). Otherwise (a document
   added, removed, renamed or duplicated) the graph is rebuilt from the kept parses;
3. document-scoped rules (``Rule.scope == "document"``) run on the edited document only; the other
   documents keep their findings (the premise of :class:`cascade.validate.Remembered`); documents
   whose ``parent`` leaves them are always rerun;
4. graph rules keep their findings per document they are placed on; after a patched edit each
   reruns only on the documents whose findings the edit can change, as its ``Rule.reads`` says
   (the edited document, those that name it, those it names, or their transitive closures; see
   :attr:`cascade.rules.base.Rule.reads`), and replaces its findings there. Which elements reach the
   national tier (CAS301) is kept and recomputed for the documents that reach the edited one. A
   rebuilt graph reruns every graph rule; an edit that changes no model (a comment, a
   suppression, whitespace) reruns none;
5. the finish is a full run's: justifications, suppressions, selection (:func:`cascade.validate.conclude`).

The result equals a from-scratch ``load(...).validate()`` of the same texts; tests/incremental
checks it after every step of random edit sequences. See docs/editor.md.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Iterable

from .build.loading import Source, load_source, parse_loaded, sources_of
from .core.findings import Finding, Report
from .core.parsed import ParsedDocument
from .core.pool import bulk
from .core.refs import UP_LINKS, document_of, reaching, split_ref
from .graph import Workspace, _Builder, add_edges
from .read.discovery import YAML_SUFFIXES, _link, is_plan_name, is_workbook
from .read.loader import DEFAULT_LIMITS, Limits, LoadedFile, ReusedPositions, load_bytes
from .read.suppressions import Suppression, find_suppressions
from .rules.base import Rule, iter_check_rules
from .rules.context import Context
from .validate import RunSettings, _check, _justify, _to_run, conclude, Remembered

__all__ = ["LiveWorkspace"]


class _Memory:
    """A findings store for :class:`Remembered` kept in memory (get/put like the parse cache)."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def put(self, key: str, value: Any) -> None:
        self.data[key] = value


class _InMemoryRemembered(Remembered):
    def __init__(self, memory: _Memory, keys: dict[str, str]):
        self.cache = memory
        self.keys = keys


class _Entry:
    """One file as last read: its document (or None), load findings, loaded file, parse serial."""

    __slots__ = ("parsed", "findings", "loaded", "serial")

    def __init__(self, parsed: ParsedDocument | None, findings: list[Finding], loaded: LoadedFile | None, serial: int):
        self.parsed, self.findings, self.loaded, self.serial = parsed, findings, loaded, serial


class LiveWorkspace:
    """A workspace kept in memory for editing: :meth:`update` a file, get the full run's report.

    ``paths`` are the files and folders the workspace was loaded from (as for :func:`cascade.load`);
    ``settings`` the rule selection, options and suppressions of every run.
    """

    def __init__(self, paths: Iterable[str | os.PathLike[str]], settings: RunSettings | None = None, *,
                 limits: Limits = DEFAULT_LIMITS, show_personal: bool = False,
                 exclude: Callable[[str], bool] | None = None):
        self.roots = [os.fsdecode(p) for p in ([paths] if isinstance(paths, (str, bytes, os.PathLike)) else paths)]
        #: Files a configured ``exclude`` leaves out of the run (as ``cascade lint`` does).
        self.exclude = exclude or (lambda path: False)
        self.settings = settings or RunSettings()
        self.limits = limits
        self.show_personal = show_personal
        self._serial = 0
        self.entries: dict[str, _Entry] = {}
        for source in sources_of(tuple(self.roots)):
            if self.exclude(source.display):
                continue
            parsed, findings, loaded = load_source(source, limits, show_personal)
            self.entries[source.display] = self._entry(parsed, findings, loaded)
        self._memory = _Memory()
        self._suppressions: dict[str, tuple[int, list[Suppression], list[Finding]]] = {}
        #: The graph rules' findings: rule code -> document the finding is placed on -> findings
        #: (None: run every graph rule on the whole graph at the next report).
        self._graph_store: dict[str, dict[str | None, list[Finding]]] | None = None
        #: The patched edits since the last report: (document id, the documents it named before, after).
        self._changes: list[tuple[str, set[str], set[str]]] = []
        #: Per rule code, the documents its last run covered (for the benchmark and the tests).
        self.last_scopes: dict[str, int] = {}
        #: Document id -> its elements with a path up to the national tier (None: compute afresh).
        self._reached: dict[str, set[str]] | None = None
        self.workspace = self._rebuild()
        #: How the last update was done, for the benchmark and the tests: "patch", "rebuild" or "same".
        self.last_mode = "rebuild"

    # -- files ---------------------------------------------------------------------------------

    def _entry(self, parsed: ParsedDocument | None, findings: list[Finding], loaded: LoadedFile | None) -> _Entry:
        self._serial += 1
        return _Entry(parsed, findings, loaded, self._serial)

    def key_of(self, path: str | os.PathLike[str]) -> str | None:
        """The workspace's name (display) of a file path, or None when the file is not in it."""
        path = os.fsdecode(path)
        if path in self.entries:
            return path
        real = os.path.realpath(path)
        for name in self.entries:
            if os.path.realpath(name) == real:
                return name
        return None

    def covers(self, path: str | os.PathLike[str]) -> bool:
        """Whether ``path`` is (or would be, once created) a plan file of this workspace."""
        path = os.fsdecode(path)
        if self.key_of(path) is not None:
            return True
        if not path.endswith(YAML_SUFFIXES) or not is_plan_name(os.path.basename(path)) or self.exclude(path):
            # a table's sidecar (x.cascade.yaml), cascade.lock, sakip-answers.yaml, mkdocs.yml... are no plans
            return False
        real = os.path.realpath(path)
        for root in self.roots:
            if os.path.isdir(root):
                top = os.path.realpath(root)
                rel = os.path.relpath(real, top)
                if not rel.startswith("..") and not any(part.startswith(".") for part in rel.split(os.sep)[:-1]):
                    return True
        return False

    def _name_for_new(self, path: str) -> str:
        """The name a folder's discovery would give a new file (``root/relative``)."""
        real = os.path.realpath(path)
        for root in self.roots:
            if os.path.isdir(root):
                rel = os.path.relpath(real, os.path.realpath(root))
                if not rel.startswith(".."):
                    return os.path.join(root, rel)
        return path

    def _order(self) -> list[str]:
        """The files in the order a fresh load reads them: each root's files sorted, roots in order."""
        out: list[str] = []
        seen: set[str] = set()
        for root in self.roots:
            mine = sorted(n for n in self.entries if n not in seen and (n == root or n.startswith(os.path.join(root, ""))))
            out.extend(mine)
            seen.update(mine)
        out.extend(n for n in self.entries if n not in seen)
        return out

    # -- the edit ------------------------------------------------------------------------------

    def update(self, path: str | os.PathLike[str], text: str | None) -> Report:
        """Set one file's text (None: the file is gone) and return the report of a full run on the result."""
        with bulk():
            self._apply(os.fsdecode(path), text)
            return self.report()

    def reload(self, path: str | os.PathLike[str]) -> Report:
        """Read one file again from disk as a fresh load reads it (a table through its sidecar, a file
        that is not UTF-8 or no regular file reported, a link out of the folder refused), or drop it
        when it is gone; return the report of a full run on the result."""
        path = os.fsdecode(path)
        with bulk():
            if not os.path.lexists(path):
                self._apply(path, None)
            else:
                self._reread(path)
            return self.report()

    def _reread(self, path: str) -> None:
        name = self.key_of(path) or self._name_for_new(path)
        if self.exclude(name):
            self.last_mode = "same"
            return
        source = path
        if os.path.islink(path):  # as a folder's discovery checks a link it finds
            for root in self.roots:
                if os.path.isdir(root) and name.startswith(os.path.join(root, "")):
                    source = _link(path, os.path.realpath(root))
                    break
        parsed, findings, loaded = load_source(Source(name, path=source), self.limits, self.show_personal)
        old = self.entries.get(name)
        new = self._entry(parsed, findings, loaded)
        self.entries[name] = new
        if old is None:
            self._reorder()
        self._replace(old, new)

    def _apply(self, path: str, text: str | None) -> None:
        name = self.key_of(path)
        if text is None:
            if name is None:
                self.last_mode = "same"
                return
            old = self.entries.pop(name)
            self._reorder()
            self._replace(old, None)
            return
        if name is None:
            name = self._name_for_new(path)
            if self.exclude(name):
                self.last_mode = "same"
                return
        loaded = load_bytes(text.encode("utf-8", "surrogatepass"), name, self.limits)
        loaded.text = text if loaded.text is not None else loaded.text
        old = self.entries.get(name)
        _reuse_spans(old, loaded, self.limits)
        parsed, findings, loaded = parse_loaded(loaded, self.show_personal)
        new = self._entry(parsed, findings, loaded)
        self.entries[name] = new
        if old is None:
            self._reorder()
        self._replace(old, new)

    def _reorder(self) -> None:
        self.entries = {n: self.entries[n] for n in self._order()}

    def _replace(self, old: _Entry | None, new: _Entry | None) -> None:
        old_doc = old.parsed if old is not None else None
        new_doc = new.parsed if new is not None else None
        if old is not None and new is not None and old.loaded is not None and new.loaded is not None \
                and old.loaded.text == new.loaded.text and old.loaded.text is not None \
                and not is_workbook(new.loaded.file):  # a CSV's text is not all it is read from: its sidecar
            # the same text: keep the document (and its rule findings) as it was
            self.entries[new.loaded.file] = old
            self.last_mode = "same"
            return
        if self._patchable(old_doc, new_doc):
            try:
                self._patch(old_doc, new_doc)
                self.last_mode = "patch"
                self._changes.append((new_doc.id, self._targets_of(old_doc), self._targets_of(new_doc)))
                return
            except Exception:  # noqa: BLE001 - a patch that fails midway must not leave a half-patched graph
                self.workspace = self._rebuild()
                self.last_mode = "rebuild"
        else:
            self.workspace = self._rebuild()
            self.last_mode = "rebuild"
        self._graph_store = None

    def _refresh_files(self) -> None:
        ws = self.workspace
        ws.files = [e.loaded for e in self.entries.values() if e.loaded is not None]
        ws.stats["bytes"] = sum(f.size for f in ws.files)
        self._load_findings(ws)

    def _load_findings(self, ws: Workspace) -> None:
        load = [f for e in self.entries.values() for f in e.findings]
        ws.findings = load + ws._graph_build_findings

    def _rebuild(self) -> Workspace:
        entries = list(self.entries.values())
        parsed = [e.parsed for e in entries if e.parsed is not None]
        findings = [f for e in entries for f in e.findings]
        files = [e.loaded for e in entries]
        stats = {"files": len(entries),
                 "bytes": sum(e.loaded.size for e in entries if e.loaded is not None)}
        ws = Workspace(parsed, findings, files, stats, self.show_personal)
        ws._graph_build_findings = ws.findings[len(findings):]
        self._index = None
        self._doc_cache: dict[tuple[str, str], tuple] = {}
        return ws

    # -- graph patching ------------------------------------------------------------------------

    def _patchable(self, old: ParsedDocument | None, new: ParsedDocument | None) -> bool:
        """A patch is exact when the set of document ids and the order of first occurrences cannot change."""
        if old is None or new is None or old.id != new.id:
            return False
        ws = self.workspace
        # realisasi documents are resolved against their plan when the graph is built (graph.realisasi):
        # an edit near them is rebuilt, not patched
        if "realisasi" in ws.graph.graph or "realisasi" in (old.model.kind, new.model.kind):
            return False
        if ws.parsed.get(old.id) is not old:
            return False
        ids = [e.parsed.id for e in self.entries.values() if e.parsed is not None]
        return len(ids) == len(set(ids))

    def _patch(self, old: ParsedDocument, new: ParsedDocument) -> None:
        ws = self.workspace
        G = ws.graph
        doc_id = new.id
        index = self._node_index()
        # the documents whose links are rebuilt: the edited one and those whose references name it
        touched = {doc_id} | {d for d, p in ws.parsed.items() if d != doc_id and doc_id in self._targets_of(p)}
        docs_in_order = [e.parsed for e in self.entries.values() if e.parsed is not None]
        sub = _Builder([new])  # the edited document's nodes and its CAS201 findings
        builder = _Builder(())
        builder.docs = {p.id: p for p in docs_in_order}
        for p in docs_in_order:
            if p.id == doc_id:
                builder.local_ids[p.id], builder.unit_ids[p.id] = sub.local_ids[p.id], sub.unit_ids[p.id]
            else:
                builder.local_ids[p.id], builder.unit_ids[p.id] = self._ids_of(p.id)
        G.remove_nodes_from(index.get(doc_id, ()))  # with every edge to or from them
        for d in touched - {doc_id}:
            for n in index.get(d, ()):
                for target in list(G._succ[n]):
                    G.remove_edge(n, target)
                G._node[n].pop("external", None)
        for n, attrs in sub.nodes.items():
            G._succ[n] = {}
            G._pred[n] = {}
            G._node[n] = attrs
        index[doc_id] = list(sub.nodes)
        builder.nodes = {n: G._node[n] for d in touched for n in index.get(d, ())}
        edges, external = builder.link_documents([p for p in docs_in_order if p.id in touched])
        for node, refs in external.items():
            G._node[node]["external"] = tuple(refs)
        add_edges(G, edges)
        # graph-building findings: the edited document's are all new (CAS201 from its nodes, CAS202
        # from its links); the other re-linked documents keep their CAS201 and get new CAS202
        edited_file = new.file
        relinked = {p.file for p in docs_in_order if p.id in touched and p.id != doc_id}
        kept = [f for f in ws._graph_build_findings
                if f.file != edited_file and (f.file not in relinked or f.code == "CAS201")]
        ws._graph_build_findings = kept + sub.findings + builder.findings
        ws.parsed = {p.id: p for p in docs_in_order}
        ws.documents = {k: v.model for k, v in ws.parsed.items()}
        ws.stats["elements"] += len(new.model.elements) - len(old.model.elements)
        ws.stats["indicators"] += _indicator_count(new) - _indicator_count(old)
        self._index = index
        self._refresh_files()

    def _targets_of(self, parsed: ParsedDocument) -> set[str]:
        """The documents ``parsed`` names, computed once per parse."""
        cache = self.__dict__.setdefault("_target_cache", {})
        hit = cache.get(id(parsed))
        if hit is None or hit[0] is not parsed:
            hit = cache[id(parsed)] = (parsed, _targets(parsed))
        if len(cache) > len(self.entries) + 8:
            live = {id(e.parsed) for e in self.entries.values()}
            for k in [k for k in cache if k not in live]:
                del cache[k]
        return hit[1]

    def _node_index(self) -> dict[str, list[str]]:
        """Document id -> its nodes (kept between patches; rebuilt after a full rebuild)."""
        index = getattr(self, "_index", None)
        if index is None:
            index = {}
            for n, a in self.workspace.graph._node.items():
                index.setdefault(n if a["type"] == "document" else a["doc"], []).append(n)
            self._index = index
        return index

    def _per_document(self, doc_id: str, name: str, build: Callable[[list[str]], Any]) -> Any:
        """``build(the document's nodes)``, kept while the document's node list is the same object (a
        patch gives the edited document a new list; a rebuild gives every document one)."""
        listed = self._node_index().get(doc_id)
        hit = self._doc_cache.get((doc_id, name))
        if hit is not None and hit[0] is listed:
            return hit[1]
        value = build(listed or [])
        self._doc_cache[(doc_id, name)] = (listed, value)
        return value

    def _typed_index(self) -> "_Typed":
        """Document id -> {node type: its nodes} (the ``nodes_by_doc`` of a rules context)."""
        return _Typed(self)

    def _ids_of(self, doc_id: str) -> tuple[dict[str, str], set[str]]:
        """A document's local ids (-> node type) and unit ids (read only by the graph builder)."""
        def build(listed: list[str]) -> tuple[dict[str, str], set[str]]:
            typed = self._typed_index()[doc_id]
            cut = len(doc_id) + 1
            ids = {n[cut:]: t for t in ("element", "indicator") for n in typed[t]}
            return ids, {n[cut:] for n in typed["unit"]}

        return self._per_document(doc_id, "ids", build)

    # -- the run -------------------------------------------------------------------------------

    def report(self) -> Report:
        """The report of a full run on the current texts (rules rerun only where inputs changed)."""
        ws = self.workspace
        settings = self.settings
        selection = settings.selection
        rules = selection.rules()
        to_run = _to_run(rules)
        graph_rules = [r for r in to_run if r.scope != "document"]
        doc_rules = [r for r in to_run if r.scope == "document"]
        graph_found = self._graph_rule_findings(graph_rules)
        keys = {d: str(self._serial_of(d)) for d in ws.parsed}
        remembered = _InMemoryRemembered(self._memory, keys)
        found = _check(ws.graph, ws.parsed, doc_rules, settings.options, remembered,
                       nodes_by_doc=self._typed_index()) if doc_rules else []
        live = set(keys.values())
        self._memory.data = {k: v for k, v in self._memory.data.items() if k in live}
        findings = _justify(list(ws.findings) + graph_found + found, ws.graph)
        written: list[Suppression] = list(settings.suppressions)
        if settings.inline_suppressions:
            seen = set()
            for loaded in ws.files:
                if loaded.text is None:  # a table: its sidecar's comments, found when it was read
                    if loaded.suppressions is not None:
                        written.extend(loaded.suppressions[0])
                        findings.extend(loaded.suppressions[1])
                    continue
                seen.add(loaded.file)
                cached = self._suppressions.get(loaded.file)
                if cached is None or cached[0] is not loaded.text:
                    cached = (loaded.text, *find_suppressions(loaded.file, loaded.text))
                    self._suppressions[loaded.file] = cached
                written.extend(cached[1])
                findings.extend(cached[2])
            for f in list(self._suppressions):
                if f not in seen:
                    del self._suppressions[f]
        return conclude(findings, written, selection, rules, ws.stats, show_personal=ws.show_personal,
                        names=None if ws.show_personal else ws.name_mask)

    def _graph_rule_findings(self, rules: list[type[Rule]]) -> list[Finding]:
        """The graph rules' findings on the current graph, each rule rerun only on the documents
        the edits since the last report can change (:attr:`Rule.reads`); in rule-code order."""
        ws = self.workspace
        store = self._graph_store
        changes, self._changes = self._changes, []
        codes = [r.code for r in rules]
        if store is None or len(changes) > 1 or list(store) != codes:
            store = self._graph_store = {c: {} for c in codes}
            self._reached = None
            self._run_graph_rules(rules, None)
        elif changes:
            scopes = self._affected(*changes[0])
            if self._reached is not None:
                self._update_reached(scopes["up"])
            groups: dict[frozenset[str] | None, list[type[Rule]]] = {}
            for rule in rules:
                scope = scopes.get(rule.reads)
                if None in store[rule.code] or (scope is not None and len(scope) >= len(ws.parsed)):
                    scope = None  # a finding placed on no document, or every document: the whole run
                groups.setdefault(scope, []).append(rule)
            for scope, group in groups.items():
                self._run_graph_rules(group, scope)
        return [f for c in codes for found in store[c].values() for f in found]

    def _run_graph_rules(self, rules: list[type[Rule]], scope: frozenset[str] | None) -> None:
        """Run ``rules`` on the documents of ``scope`` (None: all) and replace their stored findings there."""
        ws = self.workspace
        graph = ws.graph
        ctx = Context(graph, ws.parsed, self.settings.options, scope=scope, nodes_by_doc=self._typed_index())
        if any(r.code == "CAS301" for r in rules):
            ctx.provide("reached", self._reached_view())
        file_doc = {p.file: d for d, p in ws.parsed.items()}
        store = self._graph_store
        for rule in iter_check_rules(rules):
            placed: dict[str | None, list[Finding]] = {}
            for f in rule.check(ctx):
                doc_id = document_of(f.ref, graph)
                if doc_id is None:
                    doc_id = file_doc.get(f.file or "")
                placed.setdefault(doc_id, []).append(f)
            if scope is None:
                store[rule.code] = placed
                self.last_scopes[rule.code] = len(ws.parsed)
                continue
            mine = store[rule.code]
            for doc_id in scope:
                mine.pop(doc_id, None)
            for doc_id, found in placed.items():
                if doc_id in scope:
                    mine[doc_id] = found
                elif doc_id is None:  # placed nowhere: kept, and the rule runs whole from now on
                    mine[None] = found
            self.last_scopes[rule.code] = len(scope)

    # -- elements with a path up to the national tier (CAS301), kept across edits ----------------

    def _reached_view(self) -> set[str]:
        if self._reached is None:
            nodes = self.workspace.graph._node
            flat = reaching(self.workspace.graph)
            by_doc: dict[str, set[str]] = {d: set() for d in self.workspace.parsed}
            for n in flat:
                by_doc.setdefault(nodes[n]["doc"], set()).add(n)
            self._reached, self._reached_flat = by_doc, flat
        return self._reached_flat

    def _update_reached(self, dirty: frozenset[str]) -> None:
        """Recompute which elements of the ``dirty`` documents (those that reach the edited one) reach
        the top: an element elsewhere keeps its answer, since its way up cannot pass the edit."""
        ws = self.workspace
        G = ws.graph
        nodes, succ = G._node, G._succ
        by_doc, flat = self._reached, self._reached_flat
        for d in [d for d in by_doc if d not in ws.parsed]:
            flat -= by_doc.pop(d)
        for d in dirty:
            flat -= by_doc.pop(d, set())
        elements = [n for d in dirty for n in self._typed_index()[d]["element"]]
        # an element whose link up leads to an element outside the dirty documents that reaches the top
        via = [n for n in elements if any(
            e["type"] in UP_LINKS and nodes[t]["type"] == "element" and t in flat for t, e in succ[n].items())]
        found = reaching(G, elements, also=via, within=dirty)
        for d in dirty:
            by_doc[d] = set()
        for n in found:
            by_doc[nodes[n]["doc"]].add(n)
        flat |= found

    def _affected(self, edited: str, before: set[str], after: set[str]) -> dict[str, frozenset[str]]:
        """For each value of :attr:`Rule.reads`, the documents whose findings an edit of ``edited``
        can change (``before`` and ``after``: the documents it named)."""
        ws = self.workspace
        names = {d: self._targets_of(p) for d, p in ws.parsed.items()}
        named_by: dict[str, set[str]] = {}
        for d, targets in names.items():
            for t in targets:
                if t != d:
                    named_by.setdefault(t, set()).add(d)
        named = (before | after) - {edited}

        def closure(start: Iterable[str], step: Callable[[str], Iterable[str]]) -> set[str]:
            seen = set(start)
            queue = list(seen)
            while queue:
                for n in step(queue.pop()):
                    if n not in seen and n in names:
                        seen.add(n)
                        queue.append(n)
            return seen

        up = closure([edited], lambda d: named_by.get(d, ()))  # every document that reaches the edited one
        down = closure([edited, *(n for n in named if n in names)],
                       lambda d: (t for t in names[d] if t != d) if d != edited else ())  # what it reaches
        own = {edited}
        return {
            "own": frozenset(own),
            "targets": frozenset(own | named_by.get(edited, set())),
            "referrers": frozenset(own | {n for n in named if n in names}),
            "up": frozenset(up),
            "down": frozenset(down),
            "cycle": frozenset(up & down),
        }

    def _serial_of(self, doc_id: str) -> int:
        parsed = self.workspace.parsed[doc_id]
        for e in self.entries.values():
            if e.parsed is parsed:
                return e.serial
        raise KeyError(doc_id)

    def set_settings(self, settings: RunSettings) -> None:
        """Validate with other settings from now on (the remembered rule findings are dropped)."""
        self.settings = settings
        self._memory = _Memory()
        self._graph_store = None


class _Typed:
    """``typed[doc_id]`` -> {node type: the document's nodes of that type, in graph order}."""

    __slots__ = ("live",)

    def __init__(self, live: LiveWorkspace):
        self.live = live

    def __getitem__(self, doc_id: str) -> dict[str, list[str]]:
        nodes = self.live.workspace.graph._node

        def build(listed: list[str]) -> dict[str, list[str]]:
            typed: dict[str, list[str]] = {"document": [], "element": [], "indicator": [], "unit": []}
            for n in listed:
                typed[nodes[n]["type"]].append(n)
            return typed

        return self.live._per_document(doc_id, "typed", build)


def _reuse_spans(old: "_Entry | None", loaded: LoadedFile, limits: Limits) -> None:
    """Let the new text's source map start from the old text's spans (the file's first finding after
    a one-line edit then costs a snippet, not a positions pass over the file; see
    :func:`cascade.read.loader.reuse_positions`)."""
    if old is None or old.loaded is None or old.loaded.text is None or loaded.text is None:
        return
    before, after = old.loaded.sourcemap, loaded.sourcemap
    if after._values is not None or after._build is None:
        return
    if before._values is None:
        # the previous text's spans were never asked for; they are cheap when it was itself a
        # one-line edit of a text whose spans are known (typing, or an edit and its undo)
        built = before._build
        spans = built.reused() if isinstance(built, ReusedPositions) else None
        if spans is None:
            return
        before._values, before._keys = spans
        before._build = None
    after._build = ReusedPositions(before._values, before._keys, old.loaded.text, loaded.text, limits, after._build)


def _indicator_count(doc: ParsedDocument) -> int:
    return sum(len(e.indicators) for e in doc.model.elements)


def _targets(doc: ParsedDocument) -> set[str]:
    """The documents a document's references name (links, aligns_to and the unit homes)."""
    own = doc.id
    out = set(doc.model.document.aligns_to)
    for e in doc.model.elements:
        for ref in ([e.parent] if e.parent is not None else []) + list(e.supports) + list(e.crosscuts):
            out.add(split_ref(ref, own)[0])
        for ind in e.indicators:
            for ref in ind.supports:
                out.add(split_ref(ref, own)[0])
    return out
