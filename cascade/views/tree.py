"""The pohon kinerja (performance tree): a document's or a subtree's goals from the top down.

Children are the elements that link to a node through ``parent`` (inside a document) or
``supports`` (from the tier below), so a tree rooted at an RPJMN priority runs down to staff targets.
The cascade is a DAG: an element serving several parents appears under each, expanded only the first
time (later occurrences have ``repeated=True``), which also stops cycles. Findings are attached to the
element or indicator they name. Renders to Mermaid, Graphviz DOT and a text outline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..core.findings import Finding, Report, Severity
from ..core.refs import CASCADE_LINKS
from ..core.words import kind_word, severity_counts
from .trace import plan_order

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["TreeNode", "PerformanceTree", "build_tree", "mermaid_text", "dot_text"]



@dataclass
class TreeNode:
    """One element in the tree, with its indicators (as leaf nodes) and the elements below it.

    ``link`` is how this element links to the node above it in the tree (``parent`` or ``supports``;
    None for a root). ``repeated`` marks an element already expanded elsewhere in the tree;
    ``truncated`` one whose children were cut by the depth limit.
    """

    ref: str
    kind: str
    name: str
    doc: str
    link: str | None = None
    findings: tuple[Finding, ...] = ()
    indicators: tuple["TreeNode", ...] = ()
    children: list["TreeNode"] = field(default_factory=list)
    repeated: bool = False
    truncated: bool = False

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        """The findings of the element and of its indicators."""
        return self.findings + tuple(f for i in self.indicators for f in i.findings)

    @property
    def worst(self) -> Severity | None:
        """The highest severity among :attr:`all_findings`, or None."""
        return max((f.severity for f in self.all_findings), key=lambda s: s.rank, default=None)

    @property
    def local_id(self) -> str:
        """The id inside its document (the part after ``doc:``)."""
        return self.ref[len(self.doc) + 1:]


@dataclass
class PerformanceTree:
    """A pohon kinerja: root nodes, their document titles, and renderers.

    In Jupyter it displays as a Mermaid diagram (``text/vnd.mermaid``) where the front end supports
    it, else as its text outline.
    """

    roots: list[TreeNode]
    titles: dict[str, str]
    #: The language of the labels: finding counts (``1 kesalahan, 2 peringatan`` / ``1 error, 2 warnings``)
    #: and kinds as planners write them (``Prioritas Nasional``).
    lang: str = "id"

    def walk(self) -> Iterator[tuple[int, TreeNode]]:
        """``(depth, node)`` for every element node, depth first in display order."""
        stack = [(0, n) for n in reversed(self.roots)]
        while stack:
            depth, node = stack.pop()
            yield depth, node
            stack.extend((depth + 1, c) for c in reversed(node.children))

    def outline(self) -> str:
        """The tree as indented text, one element per line, with its finding counts."""
        lines = []
        for depth, node in self.walk():
            badge = _badge_text(node.all_findings, self.lang)
            mark = " (↑)" if node.repeated else (" …" if node.truncated else "")
            lines.append(f"{'  ' * depth}{node.ref} [{kind_word(node.kind, self.lang)}] {node.name}{mark}{'  ' + badge if badge else ''}")
        return "\n".join(lines)

    def to_mermaid(self) -> str:
        """The tree as a Mermaid flowchart, one subgraph per document, findings as node classes."""
        return mermaid_text(self)

    def to_dot(self) -> str:
        """The tree as a Graphviz DOT digraph, one cluster per document, findings as fill colours."""
        return dot_text(self)

    def __str__(self) -> str:
        return self.outline()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/vnd.mermaid": self.to_mermaid(), "text/plain": self.outline()}


def _badge_text(findings: tuple[Finding, ...], lang: str) -> str:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.severity.value] = counts.get(f.severity.value, 0) + 1
    return severity_counts(counts, lang)


def _roots(graph: "nx.DiGraph", root: str | None) -> list[str]:
    nodes = graph.nodes
    if root is None:
        tops = [
            n for n, a in nodes(data=True)
            if a["type"] == "element" and not any(d["type"] in CASCADE_LINKS for d in graph.succ[n].values())
        ]
    elif root in nodes and nodes[root]["type"] == "document":
        tops = [
            n for n, a in nodes(data=True)
            if a["type"] == "element" and a["doc"] == root
            and not any(d["type"] == "parent" for d in graph.succ[n].values())
        ]
    elif root in nodes and nodes[root]["type"] == "element":
        return [root]
    else:
        raise KeyError(f"{root!r} is not a document or element of the workspace")
    return sorted(tops, key=lambda n: plan_order(graph, n))


def build_tree(graph: "nx.DiGraph", titles: dict[str, str], report: Report, root: str | None = None,
               depth: int | None = None, lang: str = "id", clean: Callable[[str], str] | None = None) -> PerformanceTree:
    """The pohon kinerja below ``root`` (a document id, an element ref, or None for every top element).

    ``depth`` limits the levels shown below the roots (0: the roots only; None: no limit). Raises
    KeyError for a root that is neither a document nor an element, ValueError for a negative depth.
    ``clean``, when given, is applied to every name and title the tree shows (the public API masks
    personal data with it: :meth:`cascade.Cascade.tree`).
    """
    if depth is not None and depth < 0:
        raise ValueError("depth must be 0 or more")
    by_ref: dict[str, list[Finding]] = {}
    for f in report:
        if f.ref is not None:
            by_ref.setdefault(f.ref, []).append(f)
    nodes = graph.nodes
    shown: Callable[[str], str] = clean or (lambda text: text)

    def make(ref: str, link: str | None) -> TreeNode:
        a = nodes[ref]
        inds = tuple(
            TreeNode(i, "indicator", shown(nodes[i]["name"]), a["doc"], "indicator_of", tuple(by_ref.get(i, ())))
            for i, d in graph.pred[ref].items() if d["type"] == "indicator_of"
        )
        return TreeNode(ref, a["kind"], shown(a["name"]), a["doc"], link, tuple(by_ref.get(ref, ())), inds)

    expanded: set[str] = set()

    def grow(top: TreeNode) -> None:
        stack = [(0, top)]
        while stack:
            level, node = stack.pop()
            if node.ref in expanded:
                node.repeated = True
                continue
            expanded.add(node.ref)
            below = sorted(
                ((b, d["type"]) for b, d in graph.pred[node.ref].items()
                 if d["type"] in CASCADE_LINKS and nodes[b]["type"] == "element"),
                key=lambda p: plan_order(graph, p[0]),
            )
            if depth is not None and level >= depth:
                node.truncated = bool(below)
                continue
            node.children = [make(b, link) for b, link in below]
            stack.extend((level + 1, c) for c in reversed(node.children))

    roots = [make(r, None) for r in _roots(graph, root)]
    for top in roots:
        grow(top)
    # Elements on a parent/supports cycle with no way out have no top: each such cycle gets one root
    # (its first element in plan order), so that the tree still shows everything it was asked for.
    if root is None or nodes[root]["type"] == "document":
        covered = {r.ref for r in roots}
        queue = [r.ref for r in roots]
        pool = sorted((n for n, a in nodes(data=True) if a["type"] == "element" and root in (None, a["doc"])),
                      key=lambda n: plan_order(graph, n))
        for ref in pool:
            while queue:
                node = queue.pop()
                for b, d in graph.pred[node].items():
                    if b not in covered and d["type"] in CASCADE_LINKS and nodes[b]["type"] == "element":
                        covered.add(b)
                        queue.append(b)
            if ref not in covered:
                covered.add(ref)
                queue.append(ref)
                roots.append(make(ref, None))
                grow(roots[-1])
    docs = {n.doc for _, n in PerformanceTree(roots, {}).walk()}
    return PerformanceTree(roots, {d: shown(titles[d]) for d in titles if d in docs}, lang)


# -- Mermaid -----------------------------------------------------------------------------------

_MERMAID_SAFE = re.compile(r"[^\w .,:;/()%+'-]", re.UNICODE)
_SEVERITY_STYLE = {
    "error": ("#fde2e1", "#c0392b"),
    "warning": ("#fff4ce", "#9a7d0a"),
    "info": ("#e8f1fb", "#2e6da4"),
}


def mermaid_escape(text: str) -> str:
    """Text safe inside a quoted Mermaid label: every character that could end the label, open
    markup or start an entity becomes a ``#NNN;`` entity code."""
    return _MERMAID_SAFE.sub(lambda m: f"#{ord(m.group())};", " ".join(text.split()))


def _ids(tree: PerformanceTree) -> dict[str, str]:
    ids: dict[str, str] = {}
    for _, node in tree.walk():
        ids.setdefault(node.ref, f"n{len(ids)}")
    return ids


def _grouped(tree: PerformanceTree, edge: Callable[[TreeNode, TreeNode], str]) -> tuple[dict[str, list[TreeNode]], list[str]]:
    """The tree's nodes grouped by document (each once, in walk order) and one ``edge`` line per link."""
    by_doc: dict[str, list[TreeNode]] = {}
    seen: set[str] = set()
    edges: list[str] = []
    for _, node in tree.walk():
        if node.ref not in seen:
            seen.add(node.ref)
            by_doc.setdefault(node.doc, []).append(node)
        for child in node.children:
            edges.append(edge(node, child))
    return by_doc, edges


def mermaid_text(tree: PerformanceTree) -> str:
    """A Mermaid ``flowchart TD`` of the tree (see :meth:`PerformanceTree.to_mermaid`)."""
    ids = _ids(tree)
    by_doc, edges = _grouped(
        tree, lambda node, child: f"  {ids[node.ref]} {'-->' if child.link == 'parent' else '-.->'} {ids[child.ref]}"
    )
    lines = ["flowchart TD"]
    for i, (doc, members) in enumerate(by_doc.items()):
        lines.append(f'  subgraph d{i}["{mermaid_escape(tree.titles.get(doc, doc))}"]')
        for node in members:
            label = f"{mermaid_escape(node.local_id)} · {mermaid_escape(kind_word(node.kind, tree.lang))}<br/>{mermaid_escape(node.name)}"
            badge = _badge_text(node.all_findings, tree.lang)
            if badge:
                label += f"<br/>⚠ {mermaid_escape(badge)}"
            lines.append(f'    {ids[node.ref]}["{label}"]')
        lines.append("  end")
    lines.extend(dict.fromkeys(edges))
    classes: dict[str, dict[str, None]] = {}  # severity -> node ids, ordered and unique
    for _, node in tree.walk():
        if node.worst is not None:
            classes.setdefault(node.worst.value, {})[ids[node.ref]] = None
    for sev, (fill, stroke) in _SEVERITY_STYLE.items():
        if sev in classes:
            lines.append(f"  classDef {sev} fill:{fill},stroke:{stroke},stroke-width:2px")
            lines.append(f"  class {','.join(classes[sev])} {sev}")
    return "\n".join(lines) + "\n"


# -- DOT ---------------------------------------------------------------------------------------

def dot_escape(text: str) -> str:
    """Text safe inside a double-quoted DOT string: backslashes and quotes escaped, lines joined."""
    return " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"')


def dot_text(tree: PerformanceTree) -> str:
    """A Graphviz ``digraph`` of the tree (see :meth:`PerformanceTree.to_dot`)."""
    by_doc, edges = _grouped(
        tree,
        lambda node, child: f'  "{dot_escape(node.ref)}" -> "{dot_escape(child.ref)}"'
        + ("" if child.link == "parent" else " [style=dashed]") + ";",
    )
    lines = [
        "digraph pohon_kinerja {",
        "  rankdir=TB;",
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
    ]
    for i, (doc, members) in enumerate(by_doc.items()):
        lines.append(f"  subgraph cluster_{i} {{")
        lines.append(f'    label="{dot_escape(tree.titles.get(doc, doc))}";')
        for node in members:
            parts = [f"{node.local_id} · {kind_word(node.kind, tree.lang)}", node.name, _badge_text(node.all_findings, tree.lang)]
            attrs = 'label="' + "\\n".join(dot_escape(p) for p in parts if p) + '"'
            if node.worst is not None:
                fill, stroke = _SEVERITY_STYLE[node.worst.value]
                attrs += f', fillcolor="{fill}", color="{stroke}"'
            lines.append(f'    "{dot_escape(node.ref)}" [{attrs}];')
        lines.append("  }")
    lines.extend(dict.fromkeys(edges))
    lines.append("}")
    return "\n".join(lines) + "\n"
