"""Views of the cascade for planners: upward chains, what lies below, coverage and the matriks keterkaitan.

Everything here reads the workspace graph (:mod:`cascade.graph`) and returns plain typed values;
the pandas tables (:mod:`cascade.tables`) and the HTML report (:mod:`cascade.htmlreport`) are built
on top. Upward links between elements are ``parent``, ``supports`` and ``crosscuts``; an indicator
climbs through the indicators it ``supports``, and where it supports none, through its element.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Collection, Iterable, Iterator, Literal

from ..core.findings import Finding, Report
from ..core.privacy import mask_nips
from ..core.refs import UP_LINKS, document_of, reaching
from .labels import COVERAGE_COLUMNS

if TYPE_CHECKING:
    import networkx as nx

    from ..graph import Workspace

__all__ = ["Step", "Chain", "Tracer", "Matrix", "DocumentCounts", "UP_LINKS", "COVERAGE_COLUMNS", "alignment", "coverage_counts", "coverage_rows",
           "coverage_table", "document_of", "plan_order", "reaching"]


ChainEnd = Literal["national", "external", "broken", "cycle"]


@dataclass(frozen=True, slots=True)
class Step:
    """One element or indicator on a chain.

    ``kind`` is the element kind (``sasaran``, ``rhk``, ...), ``indicator``, or ``external`` for a
    reference into a document absent from the workspace (its ``name`` is then None). ``link`` is the
    type of the link from this step to the next one up (``parent``, ``supports``, ``crosscuts`` or
    ``indicator_of``), None on the last step.
    """

    ref: str
    kind: str
    name: str | None
    link: str | None


@dataclass(frozen=True, slots=True)
class Chain:
    """One upward path, from the traced element or indicator (first step) to where it ends (last step).

    ``end`` says how it ends: ``national`` at an RPJMN element, ``external`` at a
    reference into an absent document, ``broken`` where no link goes further up (an orphan), or
    ``cycle`` where the next link would return to a step already on the chain.
    """

    steps: tuple[Step, ...]
    end: ChainEnd

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, index: int) -> Step:
        return self.steps[index]

    @property
    def top(self) -> Step:
        """The last step: the RPJMN element, the external reference, or the highest step reached."""
        return self.steps[-1]

    @property
    def refs(self) -> tuple[str, ...]:
        """The references of the steps, bottom to top."""
        return tuple(s.ref for s in self.steps)

    def to_html(self, lang: str = "id") -> str:
        """The chain as an HTML table people read, bottom to top: the kind of each step as planners write it,
        its reference and name, and the link up to the next step, in ``lang`` (``id`` by default, ``en``);
        above it, how the chain ends. Every plan text is escaped."""
        from ..core.text import html_text as e
        from ..core.words import END_WORDS, kind_word, link_word
        from .labels import column_label

        words = END_WORDS.get(lang, END_WORDS["en"])
        head = "".join(f"<th>{e(column_label(k, lang))}</th>" for k in ("kind", "ref", "name", "link"))
        rows = "".join(
            f"<tr><td>{e(kind_word(s.kind, lang))}</td><td><code>{e(s.ref)}</code></td><td>{e(s.name or '')}</td>"
            f"<td>{e(link_word(s.link, lang) or '')}</td></tr>" for s in self.steps)
        return (f"<p>{e(column_label('end', lang))}: {e(words.get(self.end, self.end))}</p>"
                f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")

    def _repr_html_(self) -> str:
        """A notebook cell shows the chain as :meth:`to_html` in Bahasa Indonesia."""
        return self.to_html()

    def __str__(self) -> str:
        parts = [self.steps[0].ref]
        for prev, step in zip(self.steps, self.steps[1:]):
            parts.append(f"-{prev.link}-> {step.ref}")
        return " ".join(parts)


# A chain suffix as a cons cell (step, rest, end): suffixes are shared between chains, so memoising
# a node's chains costs one cell per chain rather than a copy of every step above it.
_Suffix = tuple[Step, "_Suffix | None", ChainEnd]


class Tracer:
    """Upward chains and downward closures on one graph, memoised per node.

    Each node's chains are computed once, as suffixes shared with the chains of the nodes below it,
    so a query costs the size of its answer plus the nodes not visited before; nodes whose chains
    were cut by a cycle are not memoised, since their chains depend on where the walk entered it.
    """

    def __init__(self, graph: "nx.DiGraph", clean: "Callable[[str], str] | None" = None):
        self.graph = graph
        self._clean = clean  # applied to the names of the steps (the public API masks personal data)
        self._memo: dict[str, tuple[_Suffix, ...]] = {}

    def _check(self, ref: str) -> dict:
        if not isinstance(ref, str):
            from ..core.errors import UsageError

            raise UsageError(f"a reference is a string, not {type(ref).__name__}")
        attrs = self.graph.nodes.get(ref)
        if attrs is None or attrs["type"] not in ("element", "indicator"):
            raise KeyError(f"{ref!r} is not an element or indicator of the workspace")
        return attrs

    def _step(self, node: str, link: str | None) -> Step:
        attrs = self.graph.nodes[node]
        kind = attrs["kind"] if attrs["type"] == "element" else "indicator"
        name = attrs["name"]
        return Step(node, kind, self._clean(name) if self._clean is not None and name is not None else name, link)

    def _ups(self, node: str) -> list[tuple[str, str, bool]]:
        """``(target, link, external)`` for every upward link of ``node``, in the order written."""
        attrs = self.graph.nodes[node]
        succ = self.graph.succ[node]
        external = attrs.get("external", ())
        if attrs["type"] == "indicator":
            ups = [(m, "supports", False) for m, d in succ.items() if d["type"] == "supports"]
            ups += [(ref, link, True) for link, ref in external if link == "supports"]
            return ups or [(attrs["element"], "indicator_of", False)]
        ups = [(m, d["type"], False) for m, d in succ.items() if d["type"] in UP_LINKS]
        return ups + [(ref, link, True) for link, ref in external if link in UP_LINKS]

    def trace(self, ref: str) -> list[Chain]:
        """Every upward chain from the element or indicator ``ref``; raises KeyError for another ref."""
        self._check(ref)
        chains = []
        for suffix in self._chains(ref):
            steps = []
            cell: _Suffix | None = suffix
            while cell is not None:
                steps.append(cell[0])
                cell = cell[1]
            chains.append(Chain(tuple(steps), suffix[2]))
        return chains

    def _chains(self, start: str) -> tuple[_Suffix, ...]:
        memo = self._memo
        if start in memo:
            return memo[start]
        # Iterative post-order walk: deep rhk chains must not hit Python's recursion limit.
        stack: list[tuple[str, Iterator[tuple[str, str, bool]]]] = [(start, iter(self._ups(start)))]
        links: list[str] = []  # links[i] joins stack[i] to stack[i + 1]
        partial: dict[str, list[_Suffix]] = {start: []}
        on_path = {start}
        tainted: set[str] = set()
        result: tuple[_Suffix, ...] = ()
        while stack:
            node, ups = stack[-1]
            descended = False
            for target, link, external in ups:
                if external:
                    partial[node].append((self._step(node, link), (Step(target, "external", None, None), None, "external"), "external"))
                elif target in memo:
                    head = self._step(node, link)
                    partial[node].extend((head, rest, rest[2]) for rest in memo[target])
                elif target in on_path:
                    partial[node].append((self._step(node, link), (self._step(target, None), None, "cycle"), "cycle"))
                    tainted.add(node)
                else:
                    links.append(link)
                    stack.append((target, iter(self._ups(target))))
                    partial[target] = []
                    on_path.add(target)
                    descended = True
                    break
            if descended:
                continue
            stack.pop()
            on_path.discard(node)
            chains = partial.pop(node)
            if not chains:
                end: ChainEnd = "national" if self.graph.nodes[node]["tier"] == 0 else "broken"
                chains = [(self._step(node, None), None, end)]
            result = tuple(chains)
            if node in tainted:
                if stack:
                    tainted.add(stack[-1][0])
            else:
                memo[node] = result
            if stack:
                head = self._step(stack[-1][0], links.pop())
                partial[stack[-1][0]].extend((head, rest, rest[2]) for rest in result)
        return result

    def descendants(self, ref: str) -> list[Step]:
        """Every element (for an element) or indicator (for an indicator) whose upward links reach ``ref``.

        Breadth-first, nearest first (then by :func:`plan_order`), each once; a step's ``link`` is the link by which it reaches the
        step above it on the first path found. Raises KeyError for a ref that is neither.
        """
        attrs = self._check(ref)
        want = attrs["type"]
        types = UP_LINKS if want == "element" else ("supports",)
        seen = {ref}
        out: list[Step] = []
        queue = deque([ref])
        pred = self.graph.pred
        nodes = self.graph.nodes
        while queue:
            node = queue.popleft()
            found = [(b, d["type"]) for b, d in pred[node].items()
                     if b not in seen and d["type"] in types and nodes[b]["type"] == want]
            for below, link in sorted(found, key=lambda p: plan_order(self.graph, p[0])):
                seen.add(below)
                out.append(self._step(below, link))
                queue.append(below)
        return out


def plan_order(graph: "nx.DiGraph", node: str) -> tuple:
    """Sort key of an element or indicator as a planner reads: by tier, document, then place in the file."""
    a = graph.nodes[node]
    return (a["tier"], a["doc"], a["path"][1:])




def _finding_documents(report: Report, cascade: "Workspace") -> Iterator[tuple[str | None, Finding]]:
    by_file = {p.file: doc_id for doc_id, p in cascade.parsed.items()}
    for f in report:
        yield document_of(f.ref, cascade.graph) or by_file.get(f.file or ""), f


@dataclass(slots=True)
class DocumentCounts:
    """What the coverage table needs of the graph around one document, before findings are counted.

    ``kinds`` counts its elements by kind, ``types`` its indicators by type (``untyped`` for none);
    ``linked_up`` and ``supported`` are numbers of elements, which :func:`coverage_table` turns into
    shares. Plain values, so that the workers of :mod:`cascade.distributed` can count the documents
    they hold and send the counts on.
    """

    document: str
    kind: str
    tier: int
    title: str
    elements: int = 0
    indicators: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)
    linked_up: int = 0
    supported: int = 0
    orphan_elements: int = 0
    orphan_indicators: int = 0


def coverage_counts(cascade: "Workspace", documents: Collection[str] | None = None) -> list[DocumentCounts]:
    """The coverage counts of ``documents`` (default: every document of the workspace), in workspace order.

    A document's counts read its own elements and indicators, the links up from them (an element is
    linked up when a path leads to the national tier or to an external reference: :func:`reaching`;
    an indicator below the RPJMN is an orphan when it supports no upper indicator) and the elements
    linking to them from below (an element is supported when one does). So they are exact in any
    graph that holds the document's upward closure and every element linking into it.
    """
    graph = cascade.graph
    reached = reaching(graph)
    counts: dict[str, DocumentCounts] = {}
    # an skp's title names its employee ("SKP Budi Santoso 2023"): outlined as every view outlines it
    shown = (lambda text: text) if cascade.show_personal else (lambda text, names=cascade.name_mask: names(mask_nips(text)))
    for doc_id, parsed in cascade.parsed.items():
        if documents is None or doc_id in documents:
            header = parsed.model.document
            counts[doc_id] = DocumentCounts(doc_id, header.kind, graph.nodes[doc_id]["tier"], shown(header.title))
    for node, a in graph.nodes(data=True):
        if a["type"] == "element":
            row = counts.get(a["doc"])
            if row is None:
                continue
            row.elements += 1
            row.kinds[a["kind"]] = row.kinds.get(a["kind"], 0) + 1
            if node in reached:
                row.linked_up += 1
            else:
                row.orphan_elements += 1
            if any(d["type"] in UP_LINKS and graph.nodes[b]["type"] == "element" for b, d in graph.pred[node].items()):
                row.supported += 1
        elif a["type"] == "indicator":
            row = counts.get(a["doc"])
            if row is None:
                continue
            row.indicators += 1
            itype = a["model"].type or "untyped"
            row.types[itype] = row.types.get(itype, 0) + 1
            if a["tier"] > 0 and not any(d["type"] == "supports" for d in graph.succ[node].values()) and not any(
                link == "supports" for link, _ in a.get("external", ())
            ):
                row.orphan_indicators += 1
    return list(counts.values())


def coverage_table(counts: Iterable[DocumentCounts], findings: Iterable[tuple[str | None, Finding]]) -> list[dict]:
    """The coverage rows of :func:`coverage_rows` from the documents' counts and the findings.

    ``findings`` are (document id, finding) pairs: each finding is counted, by severity, on the
    document it belongs to (None or a document without counts: on none). The ``elements.<kind>`` and
    ``indicators.<type>`` columns are those some document of ``counts`` uses; rows are sorted by
    (tier, document).
    """
    from ..core.models import ELEMENT_KINDS, INDICATOR_TYPES

    counts = list(counts)
    severities: dict[str, dict[str, int]] = {c.document: {"errors": 0, "warnings": 0, "infos": 0} for c in counts}
    for doc_id, f in findings:
        if doc_id in severities:
            severities[doc_id][f.severity.value + "s"] += 1
    kinds = list(dict.fromkeys(k for dk in ("rpjmn", "rpjmd", "rpd", "renstra", "skp") for k in ELEMENT_KINDS[dk]))
    used_kinds = [k for k in kinds if any(k in c.kinds for c in counts)]
    used_types = [t for t in (*INDICATOR_TYPES, "untyped") if any(t in c.types for c in counts)]
    out = []
    for c in counts:
        n = c.elements
        record: dict = {"document": c.document, "kind": c.kind, "tier": c.tier, "title": c.title, "elements": n,
                        "indicators": c.indicators}
        record.update({f"elements.{k}": c.kinds.get(k, 0) for k in used_kinds})
        record.update({f"indicators.{t}": c.types.get(t, 0) for t in used_types})
        record["linked_up"] = c.linked_up / n if n else None
        record["supported"] = c.supported / n if n else None
        record.update({"orphan_elements": c.orphan_elements, "orphan_indicators": c.orphan_indicators})
        record.update(severities[c.document])
        out.append(record)
    out.sort(key=lambda r: (r["tier"], r["document"]))
    return out


def coverage_rows(cascade: "Workspace", report: Report) -> list[dict]:
    """One dict per document: counts by kind, shares linked up and supported, orphans, findings by severity.

    Keys: ``document``, ``kind``, ``tier``, ``title``, ``elements``, ``indicators``, one
    ``elements.<kind>`` per element kind and one ``indicators.<type>`` per indicator type present in
    the workspace, ``linked_up`` (share of elements with a path to the national tier or an external
    reference), ``supported`` (share of elements that some element below links to), ``orphan_elements``,
    ``orphan_indicators`` (indicators below the RPJMN that support no upper indicator), ``errors``,
    ``warnings``, ``infos``. Shares are None for a document without elements. Rows are sorted by
    (tier, document). A finding counts on the document its ``ref`` names, else on its file's.

    :func:`coverage_counts` and :func:`coverage_table` are the two halves, which
    :func:`cascade.distributed.coverage` runs apart: the counts where the documents are, the table
    once the nation's findings are known.
    """
    return coverage_table(coverage_counts(cascade), _finding_documents(report, cascade))


@dataclass(frozen=True)
class Matrix:
    """The matriks keterkaitan of a lower document against an upper one.

    ``rows`` are elements of ``lower``, ``columns`` elements of ``upper`` (both as full refs, in
    document order); ``cells`` maps ``(row, column)`` to ``direct`` (the row links to the column) or
    ``indirect`` (the row reaches the column through other links); absent pairs are not linked.
    """

    lower: str
    upper: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: dict[tuple[str, str], str]


def alignment(cascade: "Workspace", lower_doc: str, upper_doc: str, full: bool = False) -> Matrix:
    """The matriks keterkaitan of ``lower_doc`` against ``upper_doc``.

    With ``full=False`` only the kinds that link across are shown: rows are the lower elements of the
    kinds that have a direct link into the upper document (all of them, so an unaligned sibling shows
    as an empty row), columns the upper elements of the kinds linked to (so an unsupported one shows
    as an empty column); with no direct link at all, the top kinds of both. ``full=True`` shows every
    element. Raises KeyError for a document id not in the workspace.
    """
    graph = cascade.graph
    for doc_id in (lower_doc, upper_doc):
        if doc_id not in cascade.parsed:
            raise KeyError(f"{doc_id!r} is not a document of the workspace")
    nodes = graph.nodes

    def elements(doc_id: str) -> list[str]:
        model = cascade.parsed[doc_id].model
        return [r for r in (f"{doc_id}:{e.id}" for e in model.elements) if nodes.get(r, {}).get("type") == "element"]

    lower, upper = elements(lower_doc), elements(upper_doc)
    upper_set = set(upper)
    direct = {
        (row, m) for row in lower for m, d in graph.succ[row].items() if m in upper_set and d["type"] in UP_LINKS
    }
    if not full:
        row_kinds = {nodes[r]["kind"] for r, _ in direct} or {nodes[r]["kind"] for r in lower if nodes[r]["level"] == 0}
        col_kinds = {nodes[c]["kind"] for _, c in direct} or {nodes[c]["kind"] for c in upper if nodes[c]["level"] == 0}
        lower = [r for r in lower if nodes[r]["kind"] in row_kinds]
        upper = [c for c in upper if nodes[c]["kind"] in col_kinds]
        upper_set = set(upper)
    reach = _reach_into(graph, lower, upper_set)
    cells = {(r, c): "direct" if (r, c) in direct else "indirect" for r in lower for c in reach[r]}
    return Matrix(lower_doc, upper_doc, tuple(lower), tuple(upper), cells)


def _reach_into(graph: "nx.DiGraph", rows: list[str], targets: set[str]) -> dict[str, set[str]]:
    """For each of ``rows``, the ``targets`` it reaches upward (through ``UP_LINKS``).

    One sweep collects the rows' ancestors; their strongly connected components (crosscutting can
    close a ring) are then processed top down, each component's set built once from those above it,
    so the cost is the size of that ancestor graph rather than rows times ancestors.
    """
    import networkx as nx

    sub = nx.DiGraph()
    sub.add_nodes_from(rows)
    queue = deque(rows)
    while queue:
        node = queue.popleft()
        for m, d in graph.succ[node].items():
            if d["type"] in UP_LINKS:
                if m not in sub:
                    queue.append(m)
                sub.add_edge(node, m)
    dag = nx.condensation(sub)
    members = dag.graph["mapping"]
    above: dict[int, frozenset[str]] = {}
    for comp in reversed(list(nx.topological_sort(dag))):
        found: set[str] = set()
        inner = dag.nodes[comp]["members"]
        if len(inner) > 1:
            found.update(inner & targets)
        for up in dag.succ[comp]:
            found.update(dag.nodes[up]["members"] & targets)
            found.update(above[up])
        above[comp] = frozenset(found)
    return {r: set(above[members[r]]) - {r} for r in rows}
