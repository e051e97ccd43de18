"""CAS3xx: orphans and coverage, the heart of the library.

A goal is *reached* when a chain of links leads from it up to the national tier; it is *supported*
when something below it serves it. Both are computed once per workspace over the graph's edges
(``G.succ`` upward, ``G.pred`` downward), in time linear in the size of the graph. A reference into
a document absent from the workspace (a node's ``external`` links) counts as reaching upward, so a
partial workspace (one OPD's renstra with its RPJMD) is never reported for what only an absent
document could provide.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Iterator

import networkx as nx

from ..core.findings import Finding, Severity
from ..core.refs import CASCADE_LINKS, UP_LINKS, reaching
from .base import Rule
from .indicators import indicator_links

if TYPE_CHECKING:
    from .context import Context

#: The regional development plans: an RPJMD, or an RPD where no RPJMD is in force.
_REGIONAL = frozenset(("rpjmd", "rpd"))
#: Element kinds that must carry an indicator (misi and the RPJMN's priorities need not).
_MEASURED = frozenset(("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "rhk"))


def _links_up(ctx: "Context", node: str, types: frozenset[str]) -> bool:
    """Whether ``node`` names a link of ``types``, resolved or into an absent document."""
    if any(edge["type"] in types for edge in ctx.graph._succ[node].values()):
        return True
    return any(t in types for t, _ in ctx.graph._node[node].get("external", ()))


def _reached(ctx: "Context") -> set[str]:
    """Elements with a path up to the national tier (:func:`cascade.core.refs.reaching`), shared by the rules."""
    return reaching(ctx.graph, ctx.nodes_of("element"))


def _order(ctx: "Context", node: str) -> tuple:
    """(file, data path): the order of elements in the files, without building source maps."""
    attrs = ctx.graph._node[node]
    return (ctx.documents[attrs["doc"]].file, attrs["path"])


def _indicators(G: nx.DiGraph, element: str) -> int:
    """The number of indicators of an element."""
    return sum(1 for e in G._pred[element].values() if e["type"] == "indicator_of")


class OrphanElement(Rule):
    """An element with no path up to the national tier: its cascade is broken.

    An element is reached when it is an RPJMN element, when it links to a document absent from the
    workspace (that link is trusted), or when a ``parent``, ``supports`` or ``crosscuts`` link leads
    to a reached element. What is not reached is reported once, at the top of each detached subtree
    (an element whose upward links lead to no other unreached element; for a detached cycle, its
    first member), with the number of elements below it (descendants through ``parent`` and
    ``supports``) and of indicators on it and below it that are cut off with it. Each cut-off
    element is counted under one top only (the first in file order), so the counts add up. A written
    ``justification`` on the top element turns the finding into CAS903.

    Why: a goal that no chain of links ties to a national priority spends budget on something the
    plan above never asked for, and evaluators cannot credit its results to any upper target.
    Reporting only the top of each break keeps one missing link from burying the report.

    Basis: PermenPANRB 89/2021 (cascading from the organisation's strategic goals down to each
    employee) and Bappenas' regional plan assessment (regional sasaran must map to national PN
    sasaran); SAKIP criterion 2.8 (cascading at every level).

    Failing::

        - {id: T2, kind: tujuan, name: Meningkatnya pariwisata daerah}     # no supports
        - {id: S2.1, kind: sasaran, name: Meningkatnya kunjungan wisata, parent: T2}

    Passing::

        - {id: T2, kind: tujuan, name: Meningkatnya pariwisata daerah, supports: [klaten.rpjmd-2025:S4.1]}
        - {id: S2.1, kind: sasaran, name: Meningkatnya kunjungan wisata, parent: T2}
    """

    code = "CAS301"
    name = "orphan-element"
    severity = Severity.ERROR
    justifiable = True
    messages = {
        "default": {
            "en": "{kind} '{name}' has no path up to the national tier; cut off with it: {elements} element(s) below it, {indicators} indicator(s)",
            "id": "{kind} '{name}' tidak tertaut sampai ke tingkat nasional; ikut terputus: {elements} elemen di bawahnya, {indicators} indikator",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        reached = ctx.index("reached", _reached)
        lost = [n for n in ctx.nodes_of("element") if n not in reached]
        if not lost:
            return
        # Upward links among unreached elements; the sinks of its condensation are the tops.
        up = nx.DiGraph()
        up.add_nodes_from(lost)
        up.add_edges_from((n, t) for n in lost for t, e in G._succ[n].items() if e["type"] in UP_LINKS and t in up)
        condensed = nx.condensation(up)
        members = condensed.graph["mapping"]
        tops = sorted((min(condensed.nodes[c]["members"], key=lambda n: _order(ctx, n)) for c in condensed if not condensed.succ[c]),
                      key=lambda n: _order(ctx, n))
        counted: set[str] = set(tops)
        for top in tops:
            elements = 0
            indicators = _indicators(G, top)
            queue = deque([top])
            # the rest of the top's own cycle belongs to it as well
            for peer in condensed.nodes[members[top]]["members"]:
                if peer not in counted:
                    counted.add(peer)
                    queue.append(peer)
                    elements += 1
                    indicators += _indicators(G, peer)
            while queue:
                node = queue.popleft()
                for below, edge in G._pred[node].items():
                    if edge["type"] in CASCADE_LINKS and below in up and below not in counted:
                        counted.add(below)
                        queue.append(below)
                        elements += 1
                        indicators += _indicators(G, below)
            attrs = G._node[top]
            yield ctx.finding(self, top, kind=attrs["kind"], name=attrs["name"], elements=elements, indicators=indicators)


class OrphanIndicator(Rule):
    """An indicator that supports no upper indicator while its element sits below the top of the cascade.

    Every indicator below the prioritas nasional should name, in ``supports``, the upper indicator
    it contributes to (in an upper document, or within its own document a sasaran indicator that a
    program indicator feeds). A reference into a document absent from the workspace counts. An
    indicator whose ``supports`` all name nothing (CAS202) is an orphan as well. Indicators of a
    prioritas nasional, the top of the cascade, are not checked. A written ``justification`` on the
    indicator's element turns the finding into CAS903.

    Why: when goals are linked but their indicators are not, nobody can tell how much a regional
    result contributes to the upper target; the cascade exists only in the goals' names.

    Basis: PermenPANRB 89/2021 (cascading is of "sasaran strategis, indikator kinerja, dan target
    kinerja", not of goal names alone); Bappenas' regional plan assessment (each supported PN needs a
    program with a relevant indicator).

    Failing::

        - id: S1
          kind: sasaran
          supports: [klaten.rpjmd-2025:S2.1]
          indicators:
            - {id: S1.I1, name: Persentase PPKS yang tertangani, unit: "%"}

    Passing::

        - id: S1
          kind: sasaran
          supports: [klaten.rpjmd-2025:S2.1]
          indicators:
            - {id: S1.I1, name: Persentase PPKS yang tertangani, unit: "%", supports: [klaten.rpjmd-2025:S2.1.I1]}
    """

    code = "CAS302"
    name = "orphan-indicator"
    severity = Severity.WARNING
    reads = "targets"
    justifiable = True
    messages = {
        "default": {
            "en": "indicator '{name}' supports no upper indicator",
            "id": "indikator '{name}' tidak mendukung indikator di atasnya",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        # an indicator's resolved supports links are the indicator links (built once, shared with CAS401-406)
        linked = ctx.index("indicators_linked_up", lambda c: {link.lower for link in indicator_links(c)})
        for node in ctx.nodes_of("indicator"):
            if node in linked:
                continue
            attrs = G._node[node]
            if G._node[attrs["element"]]["kind"] == "prioritas_nasional":
                continue
            if not any(t == "supports" for t, _ in attrs.get("external", ())):
                yield ctx.finding(self, node, name=attrs["name"])


def _deepest(ctx: "Context") -> dict[str, int]:
    """The deepest level used in each document: where an excerpt (an RPJMN down to kegiatan
    prioritas only) stops, its cascade continues in other documents."""
    G = ctx.graph
    out: dict[str, int] = {}
    for node in ctx.nodes_of("element"):
        attrs = G._node[node]
        if attrs["level"] is not None and attrs["level"] > out.get(attrs["doc"], -1):
            out[attrs["doc"]] = attrs["level"]
    return out


class UnsupportedElement(Rule):
    """An upper element (or IKU) that nothing below supports: it is not cascaded.

    Three cases, each chosen so that a partial workspace is not drowned in findings:

    1. an element above the deepest kind its document uses (a sasaran in a renstra that has
       programs, a program prioritas in an RPJMN that lists kegiatan prioritas) with no child
       (``parent``) and no lower supporter (``supports`` or ``crosscuts``); a document that stops
       at a level (an RPJMN excerpt down to kegiatan prioritas) is not expected to go deeper;
    2. a prioritas nasional whose whole subtree receives ``supports`` from no RPJMD element, only
       when at least one RPJMD aligned to that RPJMN is in the workspace (a national priority no
       region serves);
    3. an IKU (``key: true``) of an element that is supported from a lower document, while no
       indicator of a lower document supports the IKU (the goal was cascaded, its key measure not);
       the RPJMN's indicators are left to case 2, since no single region carries every national one.

    A written ``justification`` on the element turns the finding into CAS903.

    Why: an upper goal that nothing below serves is a promise without a program, staff or budget
    behind it; it is the top-down counterpart of an orphan.

    Basis: Bappenas' regional plan assessment (regional sasaran must map to national PN sasaran;
    each supported PN needs a program with a relevant indicator); PermenPANRB 89/2021 (the
    indicator and target are cascaded, not only the goal).

    Failing::

        - {id: S2.2, kind: sasaran, name: Meningkatnya pemberdayaan fakir miskin, parent: T2}
        # no program has parent S2.2, nothing supports it

    Passing::

        - {id: S2.2, kind: sasaran, name: Meningkatnya pemberdayaan fakir miskin, parent: T2}
        - {id: "1.06.05", kind: program, name: Program Pemberdayaan Sosial, parent: S2.2}
    """

    code = "CAS303"
    name = "unsupported-element"
    severity = Severity.WARNING
    reads = "referrers"
    justifiable = True
    messages = {
        "default": {
            "en": "{kind} '{name}' has no element below it: no child and nothing supports it",
            "id": "{kind} '{name}' tidak memiliki elemen di bawahnya: tidak ada turunan dan tidak ada yang mendukungnya",
        },
        "national": {
            "en": "prioritas nasional '{name}' is served by no RPJMD element (RPJMD present: {documents})",
            "id": "prioritas nasional '{name}' tidak didukung elemen RPJMD mana pun (RPJMD yang ada: {documents})",
        },
        "iku": {
            "en": "IKU '{name}' is not cascaded: its element is supported from below, but no lower indicator supports it",
            "id": "IKU '{name}' tidak diturunkan: elemennya didukung dari bawah, tetapi tidak ada indikator di bawah yang mendukungnya",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        deepest = ctx.index("deepest_level", _deepest)
        for node in ctx.nodes_of("element"):
            attrs = G._node[node]
            if attrs["level"] is None or attrs["level"] >= deepest[attrs["doc"]]:
                continue
            if not any(e["type"] in UP_LINKS for e in G._pred[node].values()):
                yield ctx.finding(self, node, kind=attrs["kind"], name=attrs["name"])
        yield from self._national(ctx)
        yield from self._iku(ctx)

    def _national(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        regional: dict[str, list[str]] = {}
        for doc_id in ctx.nodes_of("document"):
            if G._node[doc_id]["kind"] == "rpjmn":
                aligned = sorted(d for d, e in G._pred[doc_id].items() if e["type"] == "aligns_to" and G._node[d]["kind"] in _REGIONAL)
                if aligned:
                    regional[doc_id] = aligned
        if not regional:
            return
        for pn in ctx.nodes_of("element"):
            doc_id = G._node[pn]["doc"]
            if G._node[pn]["kind"] != "prioritas_nasional" or doc_id not in regional:
                continue
            # a PN's subtree is a tree (one parent each), so the subtrees together cost one pass
            served = False
            seen = {pn}
            queue = deque([pn])
            while queue and not served:
                node = queue.popleft()
                for below, edge in G._pred[node].items():
                    if edge["type"] == "parent" and below not in seen and G._node[below]["doc"] == doc_id:
                        seen.add(below)
                        queue.append(below)
                    elif edge["type"] == "supports" and G._node[G._node[below]["doc"]]["kind"] in _REGIONAL:
                        served = True
                        break
            if not served:
                yield ctx.finding(self, pn, "national", name=G._node[pn]["name"], documents=regional[doc_id])

    def _iku(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for node in ctx.nodes_of("indicator"):
            attrs = G._node[node]
            if not attrs["model"].key or attrs["tier"] == 0:
                continue
            tier = attrs["tier"]
            element = attrs["element"]
            if not any(e["type"] == "supports" and G._node[b]["tier"] > tier for b, e in G._pred[element].items()):
                continue
            if not any(e["type"] == "supports" and G._node[b]["tier"] > tier for b, e in G._pred[node].items()):
                yield ctx.finding(self, node, "iku", name=attrs["name"])


class MissingIndicator(Rule):
    """A tujuan, sasaran, program, kegiatan, sub kegiatan or rhk without an indicator.

    Checks elements of those kinds in every document; misi and the RPJMN's priorities are exempt
    (the RPJMN sets indicators where it chooses). A written ``justification`` on the element turns
    the finding into CAS903.

    Why: a goal without an indicator cannot be measured, so neither its achievement nor its
    contribution upward can be evaluated.

    Basis: Permendagri 86/2017 (every tujuan, sasaran, program and kegiatan row has its indikator);
    Kepmendagri 050-5889/2021 (each sub kegiatan has kinerja, indikator and satuan); PermenPANRB
    6/2022 (each RHK has an indicator and target).

    Failing::

        - {id: "1.06.04", kind: program, name: Program Rehabilitasi Sosial, parent: S1}

    Passing::

        - id: "1.06.04"
          kind: program
          name: Program Rehabilitasi Sosial
          parent: S1
          indicators:
            - {id: P4.I1, name: Persentase PPKS yang mendapatkan rehabilitasi sosial, unit: "%"}
    """

    code = "CAS304"
    scope = "document"
    name = "missing-indicator"
    severity = Severity.ERROR
    justifiable = True
    messages = {
        "default": {
            "en": "{kind} '{name}' has no indicator",
            "id": "{kind} '{name}' tidak memiliki indikator",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for node in ctx.nodes_of("element"):
            attrs = G._node[node]
            if attrs["kind"] in _MEASURED and not attrs["model"].indicators:
                yield ctx.finding(self, node, kind=attrs["kind"], name=attrs["name"])


class IdleUnit(Rule):
    """An organisation unit that owns no element and holds no staff target.

    Checks every unit of a renstra's ``organization``: it is idle when no element names it or any
    unit below it (through the units' ``parent``) as ``owner``, and no rhk's ``employee.unit`` does.
    A unit whose sub-units carry the work is not idle: a Kepala Dinas or a Sekretariat usually owns
    nothing itself, and without this the head's unit is reported whenever the SKP is not linted.

    Why: every unit of an OPD exists for its tupoksi; a unit that owns no program, kegiatan or sub
    kegiatan and whose staff hold no rhk does work the performance plan does not show.

    Basis: PermenPANRB 89/2021 (performance is cascaded to every organisational unit); SAKIP
    criterion 2.10 (every employee has a performance plan).

    Failing::

        organization:
          - {id: LINJAMSOS, name: Bidang Perlindungan dan Jaminan Sosial, level: administrator}
        elements: []          # nothing has owner LINJAMSOS

    Passing::

        organization:
          - {id: LINJAMSOS, name: Bidang Perlindungan dan Jaminan Sosial, level: administrator}
        elements:
          - {id: "1.06.06", kind: program, name: Program Perlindungan dan Jaminan Sosial, owner: LINJAMSOS}
    """

    code = "CAS305"
    name = "idle-unit"
    severity = Severity.WARNING
    reads = "referrers"
    messages = {
        "default": {
            "en": "unit '{name}' owns no element and no staff target names it",
            "id": "unit '{name}' tidak memiliki elemen dan tidak ada SKP pegawai yang menyebutnya",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        active: set[str] = set()
        for node in ctx.nodes_of("unit"):
            if any(e["type"] in ("owner", "unit") for e in G._pred[node].values()):
                # mark it and the units above it; stop where an earlier walk already went (linear)
                while node is not None and node not in active:
                    active.add(node)
                    node = next((v for v, e in G._succ[node].items() if e["type"] == "parent"), None)
        for node in ctx.nodes_of("unit"):
            if node not in active:
                yield ctx.finding(self, node, name=G._node[node]["name"])


class UnlinkedStaffTarget(Rule):
    """An ``rhk`` that neither intervenes a superior's rhk nor supports a renstra element.

    An rhk is reported when it has neither a ``parent`` nor a ``supports`` link that resolves or
    points into a document absent from the workspace. A written ``justification`` on the rhk turns
    the finding into CAS903.

    Why: a staff target (rencana hasil kerja) must derive from something: the head of the OPD's
    from the renstra or perjanjian kinerja (``supports``), every other employee's from a superior's
    rhk (``parent``); otherwise the work is real but counts toward no goal.

    Basis: PermenPANRB 6/2022 (the head of an OPD takes SKP results from the Perjanjian Kinerja;
    every other employee's RHK must intervene a superior's result).

    Failing::

        - id: RHK-07
          kind: rhk
          name: Terlaksananya pendataan PPKS
          employee: {nip: "000000000000000111", name: Pendata Contoh, unit: REHSOS}

    Passing::

        - id: RHK-07
          kind: rhk
          name: Terlaksananya pendataan PPKS
          parent: RHK-03
          employee: {nip: "000000000000000111", name: Pendata Contoh, unit: REHSOS}
    """

    code = "CAS306"
    name = "unlinked-staff-target"
    severity = Severity.ERROR
    reads = "targets"
    justifiable = True
    messages = {
        "default": {
            "en": "rhk '{name}' intervenes no superior rhk and supports no renstra element",
            "id": "rhk '{name}' tidak mengintervensi rhk atasan dan tidak mendukung elemen renstra",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for node in ctx.nodes_of("element"):
            if G._node[node]["kind"] == "rhk" and not _links_up(ctx, node, CASCADE_LINKS):
                yield ctx.finding(self, node, name=G._node[node]["name"])


class _StaffBelow:
    """Whether an element's cascade below reaches an rhk (``node in staff``): a downward search from
    the element through :data:`UP_LINKS`, across documents, each answer kept; a search stops at the
    first rhk or at an element already answered."""

    __slots__ = ("G", "known")

    def __init__(self, G: nx.DiGraph) -> None:
        self.G = G
        self.known: dict[str, bool] = {}

    def __contains__(self, node: str) -> bool:
        known = self.known
        hit = known.get(node)
        if hit is not None:
            return hit
        nodes, pred = self.G._node, self.G._pred
        if nodes[node]["kind"] == "rhk":
            return True
        seen = {node}
        queue = deque([node])
        found = False
        while queue and not found:
            for below, edge in pred[queue.popleft()].items():
                if edge["type"] not in UP_LINKS or below in seen or nodes[below]["type"] != "element":
                    continue
                if nodes[below]["kind"] == "rhk" or known.get(below):
                    found = True
                    break
                seen.add(below)
                queue.append(below)
        if found:
            known[node] = True
        else:  # nothing below any of them reaches an rhk
            for n in seen:
                known[n] = False
        return found


def _reaching_staff(ctx: "Context") -> _StaffBelow:
    """Elements whose cascade below reaches an rhk, asked element by element (shared by the rules)."""
    return _StaffBelow(ctx.graph)


class ShallowCascade(Rule):
    """A renstra sasaran whose cascade never reaches staff targets.

    The cascade below a sasaran is everything that reaches it through ``parent``, ``supports`` or
    ``crosscuts``, transitively: its programs, kegiatan and sub kegiatan and the rhk that support
    them. Only checked when an skp aligned to the renstra is in the workspace, so a renstra linted
    on its own is not reported. A written ``justification`` on the sasaran turns the finding into
    CAS903.

    Why: a sasaran whose cascade ends before any employee's rhk is nobody's work; the SAKIP
    evaluation asks for cascading down to individual staff.

    Basis: PermenPANRB 89/2021 (cascading "sampai dengan individu pegawai"); auditors' usual finding
    of a cascade that stops before eselon II or staff; SAKIP criterion 2.8.

    Failing::

        # renstra
        - {id: S3, kind: sasaran, name: Meningkatnya kualitas data terpadu kesejahteraan sosial, parent: T1}
        # skp: no rhk supports S3 or anything below it

    Passing::

        # skp
        - id: RHK-01
          kind: rhk
          name: Meningkatnya kualitas data terpadu kesejahteraan sosial
          supports: [klaten.dinsos.renstra-2025:S3]
    """

    code = "CAS307"
    name = "shallow-cascade"
    severity = Severity.INFO
    reads = "down"
    justifiable = True
    messages = {
        "default": {
            "en": "sasaran '{name}' is not cascaded to any staff target (rhk) in {documents}",
            "id": "sasaran '{name}' tidak diturunkan ke rencana hasil kerja (rhk) pegawai mana pun dalam {documents}",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        staffed: dict[str, list[str]] = {}
        for doc_id in ctx.nodes_of("document"):
            if G._node[doc_id]["kind"] == "renstra":
                skp = sorted(d for d, e in G._pred[doc_id].items() if e["type"] == "aligns_to" and G._node[d]["kind"] == "skp")
                if skp:
                    staffed[doc_id] = skp
        if not staffed:
            return
        reaching = ctx.index("reaching_staff", _reaching_staff)
        for node in ctx.nodes_of("element"):
            attrs = G._node[node]
            if attrs["kind"] == "sasaran" and attrs["doc"] in staffed and node not in reaching:
                yield ctx.finding(self, node, name=attrs["name"], documents=staffed[attrs["doc"]])
