"""The cascade graph: one ``networkx.DiGraph`` for the whole workspace.

Nodes (attribute ``type``):

- ``document``: id ``doc-id``; attributes ``kind``, ``tier``, ``region``, ``model`` (the header).
- ``element``: id ``doc-id:local-id``; ``doc``, ``kind``, ``level`` (0 for the top kind of its
  document), ``tier``, ``name``, ``model`` (:class:`~cascade.models.Element`), ``path``.
- ``indicator``: id ``doc-id:local-id``; ``doc``, ``element`` (the node it measures), ``tier``,
  ``model`` (:class:`~cascade.models.Indicator`), ``path``.
- ``unit``: id ``doc-id#UNIT``; ``doc``, ``model`` (:class:`~cascade.models.Unit`), ``path``.

Edges point upward or outward, from the node that names the link, with attribute ``type``:
``parent`` (element to element, unit to unit), ``supports`` (element to upper element, indicator to
upper indicator), ``crosscuts`` (element to element of another OPD), ``indicator_of`` (indicator to
its element), ``owner`` (element to unit), ``unit`` (rhk to its holder's unit), ``aligns_to``
(document to document). What is supported from below is therefore ``G.pred``. A pair linked twice
(``parent: X`` and ``crosscuts: [X]``) has one edge typed by the stronger link (parent, then supports,
then crosscuts), the other named in its ``also`` attribute.

References resolve as FORMAT.md says: ``doc-id:local-id``, or a bare local id in the same document.
A reference into a document absent from the workspace is *external*: it is kept in the node's
``external`` attribute (pairs of link type and reference) and counts as reaching upward, so that a
partial workspace (one OPD's renstra with its RPJMD) can be checked. Duplicate ids (CAS201) and
references into present documents that name nothing (CAS202) are findings, never exceptions.

:class:`Workspace` holds loaded documents with their graph: the input of :mod:`cascade.validate`,
the views and each partition of a by-region run.
"""

from __future__ import annotations

import difflib
import os
from typing import Any, Callable, Iterable, Mapping

import networkx as nx

from .build.loading import Loaded, SourceTexts, load_parsed, sources_of
from .read.discovery import is_workbook
from .core.pool import bulk
from .core.errors import UsageError
from .core.findings import Finding
from .core.models import ELEMENT_KINDS, Document, Element, Header, Indicator, Unit
from .core.parsed import ParsedDocument
from .core.privacy import NameMask, mask_finding, workspace_names
from .core.sharedkeys import attrs_class
from .core.refs import TIERS, document_of, document_tier, split_ref, within_two_edits
from .core.capaian import PrintedCapaian
from .core.text import name_key, sasaran_key
from .read.cache import Cache
from .read.loader import DEFAULT_LIMITS, Limits, LoadedFile
from .rules.catalog import make_finding

__all__ = ["Workspace", "load_workspace", "build_graph", "TIERS", "document_tier", "split_ref"]



#: Comparisons the did-you-mean hints of one workspace may make. Each hint compares a reference
#: with every id of its target; a file of thousands of broken references (a wrong prefix on all of
#: them) would otherwise cost references x ids: minutes for 3,000, hours for 20,000. Past the budget
#: the findings simply carry no hint.
HINT_BUDGET = 200_000


#: Makers of each node type's attribute dicts (:func:`~cascade.core.sharedkeys.attrs_class`): an
#: element's eight values take 144 bytes instead of 272; ``external`` last, added to nodes with
#: references outside the workspace.
_DocumentAttrs = attrs_class("_DocumentAttrs", ("type", "kind", "tier", "region", "model", "file", "external"))
_ElementAttrs = attrs_class("_ElementAttrs", ("type", "doc", "kind", "level", "tier", "name", "model", "path", "external"))
_IndicatorAttrs = attrs_class("_IndicatorAttrs", ("type", "doc", "element", "tier", "name", "model", "path", "external"))
_UnitAttrs = attrs_class("_UnitAttrs", ("type", "doc", "name", "model", "path"))


class _Builder:
    def __init__(self, parsed: Iterable[ParsedDocument]):
        #: The graph the nodes go into as they are made (its node dict is ``nodes``); edges are added by :meth:`link`.
        self.G = nx.DiGraph()
        self.nodes: dict[str, dict] = self.G._node
        self.findings: list[Finding] = []
        self.docs: dict[str, ParsedDocument] = {}
        self.local_ids: dict[str, dict[str, str]] = {}  # doc -> local id -> node type
        self.unit_ids: dict[str, set[str]] = {}
        self._pools: dict[tuple[str, str], list[str]] = {}
        self.hint_budget = HINT_BUDGET
        #: ``kind: realisasi`` documents by id: not plans (no nodes), resolved onto indicators in :meth:`link`.
        self.realisasi: dict[str, ParsedDocument] = {}
        #: plan id -> name key -> [(indicator node, sasaran keys of its element and those above)]
        self._names: dict[str, dict[str, list[tuple[str, frozenset[str]]]]] = {}
        for doc in parsed:
            if doc.model.kind == "realisasi":
                self._add_realisasi(doc)
            else:
                self._add_document(doc)

    def _add_realisasi(self, doc: ParsedDocument) -> None:
        doc_id = doc.model.document.id
        first = self.docs.get(doc_id) or self.realisasi.get(doc_id)
        if first is not None:
            self.finding("CAS201", "document", doc, ("document", "id"), doc_id, id=doc_id, first=first.file)
            return
        self.realisasi[doc_id] = doc

    def _resolve_realisasi(self) -> dict[str, list[tuple]]:
        """Each realisasi document's values as ``(indicator node, "realized"|"pk", year, value, path)``;
        a reference that names no indicator of the workspace is a CAS202 at its key."""
        out: dict[str, list[tuple]] = {}
        for doc_id, doc in self.realisasi.items():
            model = doc.model
            plan = model.document.for_
            if plan not in self.docs:
                # external, as an aligns_to naming an absent document: a realisasi linted on its own (a
                # pre-commit run on the changed files) names a plan left out of the run; reported only
                # when it looks like a typo of a plan that is there, or names another period of it
                # ('contoh.rpjmd-2091' beside 'contoh.rpjmd-2019': the plan is there, its year is not)
                stem = plan.rstrip("0123456789")
                close = next((d for d in self.docs if within_two_edits(plan, d)), None) or next(
                    (d for d in self.docs if stem != plan and d.rstrip("0123456789") == stem), None)
                if close is not None:
                    self.finding("CAS202", "hint", doc, ("document", "for"), doc_id, field="for", target=plan, hint=close)
                elif plan in self.realisasi:  # a realisasi document is there, and is no plan
                    self.finding("CAS202", "default", doc, ("document", "for"), doc_id, field="for", target=plan, hint="")
                continue
            items: list[tuple] = []
            for field, kind, values in (("realized", "realized", model.realized), ("pk_targets", "pk", model.pk_targets)):
                for ref, years in values.items():
                    target_doc, local = split_ref(ref, plan)
                    node = f"{target_doc}:{local}"
                    attrs = self.nodes.get(node)
                    if attrs is None or attrs["type"] != "indicator":
                        if target_doc in self.docs:
                            self._unknown(doc, (field, ref), doc_id, field, ref, target_doc, local, "indicator")
                        continue
                    for year, value in years.items():
                        if value is not None:
                            items.append((node, kind, year, value, (field, ref, str(year))))
            if model.rows:
                items += self._resolve_rows(doc, plan)
            out[doc_id] = items
        return out

    def _name_index(self, plan: str) -> dict[str, list[tuple[str, frozenset[str]]]]:
        """The indicators of ``plan`` by :func:`name_key` of their name, each with the
        :func:`sasaran_key` of its element and of the elements above it (built once per plan)."""
        index = self._names.get(plan)
        if index is not None:
            return index
        index = {}
        G = self.G
        for element in self.docs[plan].model.elements:
            enode = f"{plan}:{element.id}"
            if self.nodes.get(enode, {}).get("model") is not element or not element.indicators:
                continue
            chain: set[str] = set()
            node: str | None = enode
            while node is not None and node not in chain and len(chain) < 64:
                chain.add(node)
                node = next((v for v, e in G._succ[node].items() if e["type"] == "parent"), None)
            keys = frozenset(sasaran_key(G._node[n]["name"]) for n in chain)
            for indicator in element.indicators:
                inode = f"{plan}:{indicator.id}"
                if self.nodes.get(inode, {}).get("model") is indicator:
                    index.setdefault(name_key(indicator.name), []).append((inode, keys))
        self._names[plan] = index
        return index

    def _resolve_rows(self, doc: ParsedDocument, plan: str) -> list[tuple]:
        """The values of a realisasi document's ``rows`` (indicators named as a table prints them).

        A row's ``ref`` names its indicator outright; else its printed name, compared by
        :func:`name_key`, must name exactly one indicator of ``plan``, the ``sasaran`` telling equal
        names apart (the sasaran of the indicator's element or of an element above it). A row that
        names none, several, or an indicator an earlier row gave the same years of is CAS706 at its
        name, and gives nothing: a value is never put on an indicator by a guess.
        """
        doc_id = doc.id
        items: list[tuple] = []
        claimed: dict[str, set[int]] = {}
        names = None
        for row, rpath in zip(doc.model.rows, doc.row_paths):
            shown = " ".join(row.indicator.split())
            if row.ref is not None:
                target_doc, local = split_ref(row.ref, plan)
                node = f"{target_doc}:{local}"
                attrs = self.nodes.get(node)
                if attrs is None or attrs["type"] != "indicator":
                    if target_doc in self.docs:
                        self._unknown(doc, rpath + ("ref",), doc_id, "ref", row.ref, target_doc, local, "indicator")
                    continue
            else:
                names = names if names is not None else self._name_index(plan)
                found = names.get(name_key(row.indicator), [])
                if len(found) > 1 and row.sasaran:
                    key = sasaran_key(row.sasaran)
                    found = [f for f in found if key in f[1]] or found
                if len(found) > 1:
                    refs = ", ".join(n.split(":", 1)[1] for n, _ in found[:5]) + (", ..." if len(found) > 5 else "")
                    self.finding("CAS706", "ambiguous", doc, rpath + ("indicator",), doc_id, name=shown, plan=plan,
                                 count=len(found), refs=refs)
                    continue
                if not found:
                    pool = list(names)
                    hint = self._closest(name_key(row.indicator), pool, 0.75) if pool else None
                    if hint is None:
                        self.finding("CAS706", "default", doc, rpath + ("indicator",), doc_id, name=shown, plan=plan)
                    else:
                        near = names[hint][0][0]
                        self.finding("CAS706", "hint", doc, rpath + ("indicator",), doc_id, name=shown, plan=plan,
                                     hint=" ".join(self.nodes[near]["name"].split()), target=near.split(":", 1)[1])
                    continue
                node = found[0][0]
            years = {*row.realized, *row.targets, *row.capaian}
            twice = sorted(claimed.get(node, set()) & years)
            if twice:
                self.finding("CAS706", "twice", doc, rpath + ("indicator",), doc_id, name=shown, target=node,
                             years=", ".join(map(str, twice)))
                continue
            claimed.setdefault(node, set()).update(years)
            for year, value in row.realized.items():
                items.append((node, "realized", year, value, rpath + ("realized", str(year))))
            for year, target in row.targets.items():
                if target is not None:
                    items.append((node, "pk", year, target, rpath + ("targets", str(year))))
            for year, printed in row.capaian.items():
                if printed is not None:
                    realized = row.realized.get(year)
                    value = PrintedCapaian(printed, row.targets.get(year), realized.value if realized is not None else None)
                    items.append((node, "capaian", year, value, rpath + ("capaian", str(year))))
        return items

    def finding(self, code: str, variant: str, source: ParsedDocument, path: tuple, ref: str | None, /, **args: Any) -> None:
        # positional-only, so that message arguments may be called ``doc`` or ``key``
        span, ptr = source.sourcemap.locate(path)
        self.findings.append(make_finding(code, variant, ref=ref, file=source.file, span=span, pointer=ptr, **args))

    def _add_document(self, doc: ParsedDocument) -> None:
        header = doc.model.document
        doc_id = header.id
        if doc_id in self.docs:
            first = self.docs[doc_id]
            self.finding("CAS201", "document", doc, ("document", "id"), doc_id, id=doc_id, first=first.file)
            return
        self.docs[doc_id] = doc
        tier = document_tier(header)
        region = header.region.code if header.region is not None else None
        attrs = _DocumentAttrs()
        attrs.type, attrs.kind, attrs.tier, attrs.region, attrs.model, attrs.file = "document", header.kind, tier, region, header, doc.file
        nodes: list[tuple[str, dict]] = [(doc_id, attrs.__dict__)]
        ids: dict[str, str] = {}
        kinds = ELEMENT_KINDS[header.kind]
        level_of = {k: i for i, k in enumerate(kinds)}
        for element, path, ind_paths in zip(doc.model.elements, doc.element_paths, doc.indicator_paths):
            node = f"{doc_id}:{element.id}"
            if element.id in ids:
                self.finding("CAS201", "local", doc, path + ("id",), node, id=element.id, document=doc_id)
                continue
            ids[element.id] = "element"
            ea = _ElementAttrs()
            ea.type, ea.doc, ea.kind, ea.level, ea.tier, ea.name, ea.model, ea.path = (
                "element", doc_id, element.kind, level_of.get(element.kind), tier, element.name, element, path)
            nodes.append((node, ea.__dict__))
            for indicator, ipath in zip(element.indicators, ind_paths):
                inode = f"{doc_id}:{indicator.id}"
                if indicator.id in ids:
                    self.finding("CAS201", "local", doc, ipath + ("id",), inode, id=indicator.id, document=doc_id)
                    continue
                ids[indicator.id] = "indicator"
                ia = _IndicatorAttrs()
                ia.type, ia.doc, ia.element, ia.tier, ia.name, ia.model, ia.path = (
                    "indicator", doc_id, node, tier, indicator.name, indicator, ipath)
                nodes.append((inode, ia.__dict__))
        units: set[str] = set()
        for unit, upath in zip(doc.model.organization, doc.unit_paths):
            node = f"{doc_id}#{unit.id}"
            if unit.id in units:
                self.finding("CAS201", "unit", doc, upath + ("id",), node, id=unit.id, document=doc_id)
                continue
            units.add(unit.id)
            ua = _UnitAttrs()
            ua.type, ua.doc, ua.name, ua.model, ua.path = "unit", doc_id, unit.name, unit, upath
            nodes.append((node, ua.__dict__))
        self.local_ids[doc_id] = ids
        self.unit_ids[doc_id] = units
        self.nodes.update(nodes)

    # -- references -------------------------------------------------------------------------

    def _closest(self, word: str, pool: list[str], cutoff: float) -> str | None:
        """The id of ``pool`` closest to ``word`` (a did-you-mean), while the hint budget lasts."""
        if len(pool) > self.hint_budget:
            return None
        self.hint_budget -= len(pool)
        close = difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)
        return close[0] if close else None

    def _unknown(self, doc: ParsedDocument, path: tuple, ref_of: str, field: str, ref: str, target_doc: str, local: str, want: str) -> None:
        ids = self.local_ids.get(target_doc, {})
        if local in ids:
            self.finding("CAS202", "wrong-type", doc, path, ref_of, field=field, target=ref, found=ids[local], want=want)
            return
        pool = self._pools.get((target_doc, want))
        if pool is None:  # built once per document and kind, not once per broken reference
            pool = self._pools[target_doc, want] = [i for i, t in ids.items() if t == want]
        hint = self._closest(local, pool, 0.75)
        self.finding("CAS202", "hint" if hint else "default", doc, path, ref_of, field=field, target=ref, hint=hint or "")

    def _link(self, add: Callable[[tuple[str, str, str]], None], external: dict, doc: ParsedDocument, node: str, path: tuple, field: str,
              refs: list[str], want: str, edge_type: str) -> None:
        doc_id = doc.id
        for i, ref in enumerate(refs):
            target_doc, local = split_ref(ref, doc_id)
            if target_doc not in self.docs:
                external.setdefault(node, []).append((edge_type, ref))
                continue
            if self.local_ids[target_doc].get(local) != want:
                ref_path = path + ((field,) if field == "parent" else (field, i))
                self._unknown(doc, ref_path, node, field, ref, target_doc, local, want)
                continue
            add((node, f"{target_doc}:{local}", edge_type))

    def _unit_link(self, add: Callable[[tuple[str, str, str]], None], doc: ParsedDocument, node: str, path: tuple, field: str, unit: str, edge_type: str, homes: list[str]) -> None:
        for home in homes:
            if unit in self.unit_ids.get(home, ()):
                add((node, f"{home}#{unit}", edge_type))
                return
        # only a renstra in the workspace holds units to check against; an skp whose renstra is
        # outside the workspace has its units unchecked, like any external reference (decision 5)
        if any(h in self.docs and self.docs[h].model.document.kind == "renstra" for h in homes):
            pool = sorted(set().union(*(self.unit_ids.get(h, set()) for h in homes)))
            hint = self._closest(unit, pool, 0.6)
            self.finding("CAS202", "unit-hint" if hint else "unit", doc, path, node, field=field, target=unit, hint=hint or "")

    def link(self) -> None:
        G = self.G
        succ, pred = G._succ, G._pred
        for n in self.nodes:
            succ[n] = {}
            pred[n] = {}
        # each edge goes into the graph as it is named: a list of every edge first (a tuple and a
        # new id string each) was the largest transient of a load, 70 MB at 100,000 elements
        _, external = self.link_documents(list(self.docs.values()), edge_adder(G, dict(zip(self.nodes, self.nodes))))
        for node, refs in external.items():
            self.nodes[node]["external"] = tuple(refs)
        if self.realisasi:
            self.G.graph["realisasi"] = self._resolve_realisasi()
            self.G.graph["realisasi_docs"] = dict(self.realisasi)

    def link_documents(self, documents: list[ParsedDocument], add: Callable[[tuple[str, str, str]], None] | None = None
                       ) -> tuple[list[tuple[str, str, str]], dict[str, list[tuple[str, str]]]]:
        """The edges and external references named by ``documents`` (each resolved against every
        document of the builder), with their CAS202 findings; what :meth:`link` does for all of
        them, and :mod:`cascade.incremental` for the documents an edit touches. ``add``, when
        given, takes each edge ``(u, v, type)`` as it is named (:func:`edge_adder`), and the
        returned list is empty."""
        edges: list[tuple[str, str, str]] = []
        if add is None:
            add = edges.append
        external: dict[str, list[tuple[str, str]]] = {}
        doc_ids = list(self.docs)
        for doc in documents:
            doc_id = doc.id
            header = doc.model.document
            for i, target in enumerate(header.aligns_to):
                if target in self.docs:
                    add((doc_id, target, "aligns_to"))
                    continue
                external.setdefault(doc_id, []).append(("aligns_to", target))
                # a typo is one or two keystrokes away; 'jateng.rpjmd-2025' is not a typo of
                # 'klaten.rpjmd-2025' but a document left out of a partial workspace
                close = next((d for d in doc_ids if within_two_edits(target, d)), None)
                if close is not None:
                    self.finding("CAS202", "document", doc, ("document", "aligns_to", i), doc_id, target=target, hint=close)
            # units of this document, then of the renstra documents it aligns to (skp)
            homes = [doc_id] + [d for d in header.aligns_to]
            ids = self.local_ids[doc_id]
            for element, path in zip(doc.model.elements, doc.element_paths):
                node = f"{doc_id}:{element.id}"
                if ids.get(element.id) != "element" or self.nodes[node]["model"] is not element:
                    continue
                if element.parent is not None:
                    self._link(add, external, doc, node, path, "parent", [element.parent], "element", "parent")
                if element.supports:
                    self._link(add, external, doc, node, path, "supports", element.supports, "element", "supports")
                if element.crosscuts:
                    self._link(add, external, doc, node, path, "crosscuts", element.crosscuts, "element", "crosscuts")
                if element.owner is not None:
                    self._unit_link(add, doc, node, path + ("owner",), "owner", element.owner, "owner", homes)
                if element.employee is not None:
                    self._unit_link(add, doc, node, path + ("employee", "unit"), "unit", element.employee.unit, "unit", homes)
            for element in doc.model.elements:
                enode = f"{doc_id}:{element.id}"
                if self.nodes.get(enode, {}).get("model") is not element:
                    continue
                for indicator in element.indicators:
                    inode = f"{doc_id}:{indicator.id}"
                    attrs = self.nodes.get(inode)
                    if attrs is None or attrs.get("model") is not indicator:
                        continue
                    add((inode, enode, "indicator_of"))
                    if indicator.supports:
                        self._link(add, external, doc, inode, attrs["path"], "supports", indicator.supports, "indicator", "supports")
            for unit, path in zip(doc.model.organization, doc.unit_paths):
                node = f"{doc_id}#{unit.id}"
                # a repeated unit id was left out (CAS201): the node is the first unit's
                if unit.parent is not None and self.nodes[node]["model"] is unit:
                    if unit.parent in self.unit_ids[doc_id]:
                        add((node, f"{doc_id}#{unit.parent}", "parent"))
                    else:
                        self._unit_link(add, doc, node, path + ("parent",), "parent", unit.parent, "parent", [doc_id])
        return edges, external


def edge_adder(G: nx.DiGraph, canon: dict[str, str] | None = None) -> Callable[[tuple[str, str, str]], None]:
    """A function that adds one typed edge ``(u, v, type)`` between existing nodes of ``G``,
    merging a pair linked twice as a build does.

    The edges of one link type share one attribute dict (``{"type": "supports"}``), kept per graph
    in ``G._cascade_edge_data``: a dict per edge was a tenth of a workspace's memory. The graph is
    read, never changed in place: a pair linked twice gets a dict of its own, never an edit of the
    shared one. ``canon`` maps each node id to the key object of its node, so that an edge keeps
    no second copy of its ends' ids.

    The layout (``_node``, ``_succ`` (= ``_adj``) and ``_pred``, each edge's attribute dict shared
    by both directions) is the one networkx 2.x and 3.x use; filling it directly is 10x faster than
    ``add_edges_from`` on 100k nodes. Tests check the graph through the public views.
    """
    succ, pred = G._succ, G._pred
    shared: dict[str, dict] = G.__dict__.setdefault("_cascade_edge_data", {})

    def add(edge: tuple[str, str, str]) -> None:
        u, v, edge_type = edge
        if canon is not None:
            u, v = canon[u], canon[v]
        succ_u = succ[u]
        data = succ_u.get(v)
        if data is None:
            data = shared.get(edge_type)
            if data is None:
                data = shared[edge_type] = {"type": edge_type}
            succ_u[v] = data
            pred[v][u] = data
        elif data["type"] != edge_type:
            # two links between the same pair (parent: X and crosscuts: [X]): one edge keeps the
            # strongest as its type, so every rule sees the tree link, and lists the others
            kept, other = sorted((data["type"], edge_type), key=_STRENGTH.index)
            data = {"type": kept, "also": tuple(sorted({*data.get("also", ()), other}))}
            succ_u[v] = data
            pred[v][u] = data

    return add


def add_edges(G: nx.DiGraph, edges: Iterable[tuple[str, str, str]], canon: dict[str, str] | None = None) -> None:
    """Add typed edges between existing nodes of ``G`` as a build does (see :func:`edge_adder`)."""
    add = edge_adder(G, canon)
    for edge in edges:
        add(edge)


#: Link types from strongest to weakest, for the rare pair of nodes linked twice.
_STRENGTH = ("parent", "supports", "crosscuts", "indicator_of", "owner", "unit", "aligns_to")





def build_graph(parsed: Iterable[ParsedDocument]) -> tuple[nx.DiGraph, dict[str, ParsedDocument], list[Finding]]:
    """Build the workspace graph; returns the graph, the documents by id and the CAS201/CAS202 findings."""
    builder = _Builder(parsed)
    builder.link()
    return builder.G, builder.docs, builder.findings


class Workspace:
    """Loaded documents with their graph: what the rules, the views and the partitions read.

    ``documents`` maps a document id to its typed :class:`~cascade.core.models.Document`; ``parsed``
    to its :class:`~cascade.core.parsed.ParsedDocument` (the model with its positions); ``graph`` is
    the networkx graph above, to be read, not changed (the edges of one link type share one
    attribute dict: ``G.copy()`` gives a graph of one's own to change); ``findings`` are the load, schema and reference findings. The public
    ``cascade.Cascade`` adds the planners' conveniences (validate, trace, coverage, tree, HTML).
    """

    def __init__(
        self, parsed: list[ParsedDocument], findings: list[Finding], files: list[LoadedFile | None], stats: dict[str, int],
        show_personal: bool = False,
    ):
        self.show_personal = show_personal
        self.graph: nx.DiGraph
        self.graph, self.parsed, graph_findings = build_graph(parsed)
        self.findings: list[Finding] = findings + graph_findings
        self.files = [f for f in files if f is not None]
        self.documents: dict[str, Document] = {k: v.model for k, v in self.parsed.items()}
        if not show_personal:  # NIPs anywhere in a message (a duplicate key that is a NIP...), employees' names
            names = self.name_mask if self.findings else None
            self.findings = [mask_finding(f, names) for f in self.findings]
        self.stats = dict(stats)
        self.stats["documents"] = len(self.documents)
        self.stats["realisasi"] = len(self.graph.graph.get("realisasi_docs", ()))  # kind: realisasi, no plans
        self.stats["elements"] = sum(len(d.elements) for d in self.documents.values())
        self.stats["indicators"] = sum(len(e.indicators) for d in self.documents.values() for e in d.elements)
        #: The parse cache it was loaded with, and the key of each document's parse in it (see
        #: :class:`cascade.validate.Remembered`).
        self.cache: Cache | None = None
        self.cache_keys: dict[str, str] = {}
        #: Paths given to the loader that gave no plan file: missing, or folders without one.
        self.empty_paths: list[str] = []

    @property
    def name_mask(self) -> NameMask:
        """The names of the workspace's employees, to outline wherever they stand (findings' messages,
        quoted lines, views): of the valid ``employee`` entries and of every employee block as
        written (:func:`cascade.core.privacy.workspace_names`). Compiled on first use."""
        mask = self.__dict__.get("_name_mask")
        if mask is None or mask[0] is not self.parsed:
            mask = self.__dict__["_name_mask"] = (self.parsed, NameMask(workspace_names(self)))
        return mask[1]

    @classmethod
    def from_loaded(cls, loaded: Loaded) -> "Workspace":
        """The workspace of what :func:`cascade.build.loading.load_parsed` read."""
        ws = cls(loaded.parsed, loaded.findings, loaded.files, loaded.stats, loaded.show_personal)
        if loaded.cache is not None:
            ws.cache = loaded.cache
            # one workbook may hold several documents: each gets its own findings entry
            ws.cache_keys = {d: loaded.cache_keys[p.file] + (f"\0{d}" if is_workbook(p.file) else "")
                             for d, p in ws.parsed.items() if p.file in loaded.cache_keys}
        return ws

    def sources(self) -> Mapping[str, str]:
        """File -> text of the files read, for reporters that quote source lines.

        Values under an skp ``employee`` are blotted out unless the workspace was loaded with
        ``show_personal=True``, as in the findings. The mapping masks a file when it is first
        read: a reporter quotes the files of its findings only, and masking needs the file's
        source map (a second pass over its YAML), which a clean SKP file should not pay for.
        """
        return SourceTexts(self.files, self.show_personal, None if self.show_personal else self.name_mask)

    def __repr__(self) -> str:
        s = self.stats
        text = f"<{type(self).__name__} {s['documents']} documents, {s['elements']} elements, {s['indicators']} indicators"
        if self.empty_paths:
            text += "; no plan file found in " + ", ".join(repr(p) for p in self.empty_paths)
        return text + ">"

    def get(self, ref: str) -> Header | Element | Indicator | Unit | None:
        """The model behind a reference: ``doc`` (header), ``doc:local`` (element or indicator), ``doc#UNIT``."""
        if not isinstance(ref, str):
            raise UsageError(f"a reference is a string, not {type(ref).__name__}")
        attrs = self.graph.nodes.get(ref)
        return None if attrs is None else attrs["model"]

    def locate(self, ref: str) -> tuple[str | None, int | None, int | None]:
        """``(file, line, column)`` where the element, indicator, unit or document ``ref`` is defined."""
        attrs = self.graph.nodes.get(ref)
        if attrs is None:
            return None, None, None
        doc = self.parsed[document_of(ref, self.graph)]
        span = doc.sourcemap.value(attrs.get("path", ("document",)))
        return doc.file, span.line if span else None, span.column if span else None


def load_workspace(
    *sources: Any,
    limits: Limits = DEFAULT_LIMITS,
    cache: Any = None,
    jobs: int | None = None,
    show_personal: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
    keep_text: bool = True,
) -> Workspace:
    """Load plan documents from files, folders and dicts into a :class:`Workspace` (what
    :func:`cascade.load` does, for the layers below the public API). Raises
    :class:`~cascade.errors.UsageError` only for arguments of the wrong type. Paths that gave no plan
    file (missing, or folders without one) are listed in ``Workspace.empty_paths``. ``keep_text=False``
    (a batch run) keeps no file's text once it is parsed: files are read again for positions and
    quotes (see :meth:`cascade.read.loader.LoadedFile.release_text`)."""
    if not isinstance(limits, Limits):
        raise UsageError("limits must be a cascade.Limits")
    if not isinstance(show_personal, bool):
        raise UsageError("show_personal must be True or False")
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise UsageError("jobs must be a positive whole number")
    if cache is not None and not isinstance(cache, Cache):
        if not isinstance(cache, (str, os.PathLike)):
            raise UsageError("cache must be a folder path or a cascade.read.cache.Cache")
        cache = Cache(cache)
    if progress is not None and not callable(progress):
        raise UsageError("progress must be a function taking (stage, done, total)")
    empty: list[str] = []
    items = sources_of(sources, empty)
    with bulk():
        workspace = Workspace.from_loaded(load_parsed(items, limits, cache, jobs, show_personal, progress, keep_text))
    workspace.empty_paths = empty
    return workspace
