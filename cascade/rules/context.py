"""What a rule sees: the graph, the documents, the options, and a way to place its findings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, TypeVar

import networkx as nx

from ..core.findings import Finding, with_span
from ..core.privacy import personal_path
from ..core.sourcemap import pointer
from .base import Rule
from .catalog import make_finding

if TYPE_CHECKING:
    from ..core.parsed import ParsedDocument

__all__ = ["Context", "Placer"]

T = TypeVar("T")


class Context:
    """Read-only view of one workspace for the rules, with indexes built once and shared.

    ``options`` maps a rule name to its option overrides (``{"weak-target": {"ratio": 0.8}}``).
    """

    def __init__(self, graph: nx.DiGraph, documents: dict[str, "ParsedDocument"], options: dict[str, dict[str, Any]] | None = None,
                 scope: frozenset[str] | None = None, nodes_by_doc: Any = None, placer: "Placer | None" = None):
        self.graph = graph
        #: Where :meth:`finding` leaves its findings to be placed in a batch (None: placed at once).
        self.placer = placer
        self.documents = documents
        self._options = options or {}
        self._indexes: dict[str, Any] = {}
        #: The documents whose nodes :meth:`nodes_of` yields (None: all); how document-scoped rules
        #: run on only the documents whose findings are not cached.
        self.scope = scope
        #: Document id -> {node type: its nodes of that type}, when the caller keeps that index (the
        #: incremental engine): ``nodes_of`` then joins per-document lists instead of a pass over the
        #: whole graph.
        self.nodes_by_doc = nodes_by_doc

    def option(self, rule: type[Rule] | Rule, name: str) -> Any:
        """The value of a rule option: the caller's override, else the rule's default."""
        overrides = self._options.get(rule.name) or self._options.get(rule.code) or {}
        return overrides.get(name, rule.options[name])

    def index(self, name: str, build: Callable[["Context"], T]) -> T:
        """An index shared by all rules, built by ``build(ctx)`` on first use."""
        if name not in self._indexes:
            self._indexes[name] = build(self)
        return self._indexes[name]

    def provide(self, name: str, value: Any) -> None:
        """Set an index from outside (the incremental engine keeps ``reached`` up to date across edits)."""
        self._indexes[name] = value

    def nodes_of(self, type_: str) -> list[str]:
        """Node ids of one type (``document``, ``element``, ``indicator``, ``unit``), in graph order."""
        def build(ctx: "Context") -> dict[str, list[str]]:
            out: dict[str, list[str]] = {"document": [], "element": [], "indicator": [], "unit": []}
            scope = ctx.scope
            if ctx.nodes_by_doc is not None:
                for doc_id in ctx.documents:  # in the workspace's order
                    if scope is None or doc_id in scope:
                        for t, listed in ctx.nodes_by_doc[doc_id].items():
                            out[t].extend(listed)
                return out
            if scope is None:
                for node, t in ctx.graph.nodes(data="type"):
                    out[t].append(node)
                return out
            for node, attrs in ctx.graph._node.items():
                if (node if attrs["type"] == "document" else attrs["doc"]) in scope:
                    out[attrs["type"]].append(node)
            return out

        return self.index("nodes_by_type", build)[type_]

    def scoped_nodes(self) -> dict[str, None] | None:
        """Every node of the scope's documents (all types, in graph order), or None when unscoped."""
        if self.scope is None:
            return None

        def build(ctx: "Context") -> dict[str, None]:
            return dict.fromkeys(n for t in ("document", "element", "indicator", "unit") for n in ctx.nodes_of(t))

        return self.index("scoped_nodes", build)

    def finding(
        self,
        rule: type[Rule] | Rule,
        node: str,
        variant: str = "default",
        *,
        field: tuple | str | None = None,
        key: bool = False,
        ref: str | None = None,
        **args: Any,
    ) -> Finding:
        """A finding of ``rule`` placed at ``node`` (or at ``field`` inside it: a key or a path)."""
        attrs = self.graph._node[node]
        if attrs["type"] == "document":
            doc = self.documents[node]
            path: tuple = ("document",)
        else:
            doc = self.documents[attrs["doc"]]
            path = attrs["path"]
        if field is not None:
            path = path + ((field,) if isinstance(field, str) else tuple(field))
        if self.placer is not None:
            found = make_finding(rule.code, variant, ref=ref or node, file=doc.file, pointer=pointer(path), **args)
            self.placer.later(found, doc, path, key)
            return found
        span, ptr = doc.sourcemap.locate(path, key=key)
        return make_finding(rule.code, variant, ref=ref or node, file=doc.file, span=span, pointer=ptr, **args)


class Placer:
    """Positions for the findings of a rule run, found file by file once the rules have run.

    A finding's position comes from its file's spans, which a first finding builds (a pass over the
    whole file). Placed as they were made, every file with findings kept its spans until the end of
    the run: on plans with findings in most files (107,292 at 100,000 elements) that was most of
    the memory of a lint. A context given a placer makes its findings without a position and
    leaves them here; :meth:`place` then goes through the files one at a time, gives each of their
    findings its position, and lets the spans go again when it was the one that built them.
    """

    __slots__ = ("_waiting", "_placed", "handed")

    def __init__(self) -> None:
        self._waiting: list[tuple[Finding, Any, tuple, bool]] = []
        # id of a finding made without its position -> (that finding, kept so that the id stays its
        # own while this placer lives, and the finding with its position)
        self._placed: dict[int, tuple[Finding, Finding]] = {}
        #: The findings given to another process to place (:meth:`hand_over`), by id (kept alive, so
        #: that no finding made later can take one of their ids)
        self.handed: dict[int, Finding] = {}

    def waiting_by_file(self) -> list[tuple[Any, list[tuple[Finding, Any, tuple, bool]]]]:
        """The findings not yet placed, by document in the order first met: ``(document, [(finding,
        document, path, whether the key)...])``."""
        by_file: dict[int, tuple[Any, list]] = {}
        for entry in self._waiting:
            doc = entry[1]
            group = by_file.get(id(doc))
            if group is None:
                group = by_file[id(doc)] = (doc, [])
            group[1].append(entry)
        return list(by_file.values())

    def hand_over(self, handed: list[tuple[Finding, Any, tuple, bool]], kept: list[tuple[Finding, Any, tuple, bool]]) -> None:
        """Let another process place ``handed`` (:meth:`place` leaves them without a position); wait with ``kept``."""
        self.handed.update((id(entry[0]), entry[0]) for entry in handed)
        self._waiting = kept

    def later(self, finding: Finding, doc: "ParsedDocument", path: tuple, key: bool) -> None:
        """Remember where ``finding`` (made without a position) is: at ``path`` of ``doc`` (its key when ``key``)."""
        self._waiting.append((finding, doc, path, key))

    def place(self, findings: list[Finding]) -> list[Finding]:
        """``findings`` with positions for those made without one (the others as they are)."""
        if self._waiting:
            self._place_waiting()
        placed = self._placed
        if not placed:
            return findings
        return [placed[id(f)][1] if id(f) in placed else f for f in findings]

    def _place_waiting(self) -> None:
        by_file = self.waiting_by_file()
        self._waiting = []
        placed = self._placed
        for doc, entries in by_file:
            sm = doc.sourcemap
            built = sm.built
            for f, _, path, key in entries:
                span = sm.key(path) if key else sm.value(path)
                placed[id(f)] = (f, f if span is None else with_span(f, span))
            if not built:
                # an SKP file keeps its employee values' spans: a report quoting it masks them
                sm.release(keep=personal_path if getattr(doc.model.document, "kind", None) == "skp" else None)
