"""What a rule sees: the graph, the documents, the options, and a way to place its findings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, TypeVar

import networkx as nx

from ..core.findings import Finding
from .base import Rule
from .catalog import make_finding

if TYPE_CHECKING:
    from ..core.parsed import ParsedDocument

__all__ = ["Context"]

T = TypeVar("T")


class Context:
    """Read-only view of one workspace for the rules, with indexes built once and shared.

    ``options`` maps a rule name to its option overrides (``{"weak-target": {"ratio": 0.8}}``).
    """

    def __init__(self, graph: nx.DiGraph, documents: dict[str, "ParsedDocument"], options: dict[str, dict[str, Any]] | None = None,
                 scope: frozenset[str] | None = None, nodes_by_doc: Any = None):
        self.graph = graph
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
        span, ptr = doc.sourcemap.locate(path, key=key)
        return make_finding(rule.code, variant, ref=ref or node, file=doc.file, span=span, pointer=ptr, **args)
