"""CAS2xx: structure, the references across the workspace."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

import networkx as nx

from ..core.findings import Finding, Severity
from ..core.refs import CASCADE_LINKS, split_ref
from ..core.models import ELEMENT_KINDS
from .base import Rule

if TYPE_CHECKING:
    from .context import Context


class DuplicateId(Rule):
    """The same document id twice in the workspace, or the same local id twice in a document.

    Elements and indicators share one local id space per document; organisation units have their
    own. The first definition is kept in the graph; the repeated one is reported and left out.

    Why: a reference to a doubled id is ambiguous, so any trace through it could follow the wrong
    element.

    Basis: FORMAT.md (ids are unique); a reference to a doubled id is ambiguous, so any trace
    through it could be wrong.

    Failing::

        elements:
          - {id: S1, kind: sasaran, name: Meningkatnya derajat kesehatan}
          - {id: S1, kind: sasaran, name: Menurunnya angka kemiskinan}

    Passing::

        elements:
          - {id: S1, kind: sasaran, name: Meningkatnya derajat kesehatan}
          - {id: S2, kind: sasaran, name: Menurunnya angka kemiskinan}
    """

    code = "CAS201"
    name = "duplicate-id"
    severity = Severity.ERROR
    stage = True
    messages = {
        "document": {
            "en": "document id '{id}' is already used by {first}; this document is left out",
            "id": "id dokumen '{id}' sudah dipakai oleh {first}; dokumen ini diabaikan",
        },
        "local": {
            "en": "id '{id}' is used twice in {document}; the second is left out",
            "id": "id '{id}' dipakai dua kali dalam {document}; yang kedua diabaikan",
        },
        "unit": {
            "en": "unit id '{id}' is used twice in {document}; the second is left out",
            "id": "id unit '{id}' dipakai dua kali dalam {document}; yang kedua diabaikan",
        },
        "default": {"en": "duplicate id", "id": "id ganda"},
    }


class UnknownReference(Rule):
    """A ``parent``, ``supports``, ``crosscuts``, ``aligns_to``, ``owner`` or ``unit`` names nothing.

    A reference into a document of the workspace must name an element (or, from an indicator, an
    indicator) of that document; a unit reference must name a unit of the document or of the renstra
    it aligns to. A reference into a document that is not in the workspace is *external*: it cannot
    be checked and is not reported, so one OPD's renstra can be linted with its RPJMD alone. An
    ``aligns_to``, or a realisasi document's ``for``, naming an absent document is reported only
    when it looks like a typo of a present one (at most two edits away), so a realisasi file can be
    linted on its own.

    Why: a link to nothing is no link: the element looks linked in the file while its cascade is
    broken.

    Basis: PermenPANRB 89/2021 (cascading is a chain of named links: a link to nothing is no link).

    Failing::

        - id: P1
          kind: program
          name: Program Pemenuhan Upaya Kesehatan
          parent: S9          # there is no S9

    Passing::

        - id: P1
          kind: program
          name: Program Pemenuhan Upaya Kesehatan
          parent: S1
    """

    code = "CAS202"
    name = "unknown-reference"
    severity = Severity.ERROR
    stage = True
    messages = {
        "default": {"en": "{field} '{target}' names nothing", "id": "{field} '{target}' tidak merujuk ke apa pun"},
        "hint": {
            "en": "{field} '{target}' names nothing; did you mean '{hint}'?",
            "id": "{field} '{target}' tidak merujuk ke apa pun; maksudnya '{hint}'?",
        },
        "wrong-type": {
            "en": "{field} '{target}' names an {found}, not an {want}",
            "id": "{field} '{target}' merujuk ke {found}, bukan {want}",
        },
        "unit": {
            "en": "{field} '{target}' is not a unit of the OPD's organisation",
            "id": "{field} '{target}' bukan unit dalam organisasi OPD",
        },
        "unit-hint": {
            "en": "{field} '{target}' is not a unit of the OPD's organisation; did you mean '{hint}'?",
            "id": "{field} '{target}' bukan unit dalam organisasi OPD; maksudnya '{hint}'?",
        },
        "document": {
            "en": "aligns_to '{target}' is not in the workspace; did you mean '{hint}'?",
            "id": "aligns_to '{target}' tidak ada dalam workspace; maksudnya '{hint}'?",
        },
    }


# -- graph rules -----------------------------------------------------------------------------

def _order(ctx: "Context", node: str) -> tuple:
    """Where a node stands, for a stable (file, line) order without building source maps.

    Elements and indicators are listed in file order, so their data path sorts like their line.
    """
    attrs = ctx.graph._node[node]
    return (ctx.documents[attrs["doc"]].file, attrs["path"])


def _ref_index(refs: list[str], doc_id: str, target: str) -> int | None:
    """The position in ``refs`` of the reference that resolves to node ``target``."""
    for i, ref in enumerate(refs):
        if "%s:%s" % split_ref(ref, doc_id) == target:
            return i
    return None


class LinkCycle(Rule):
    """A cycle through parent/supports links: a goal ends up serving itself.

    Checks the ``parent`` and ``supports`` links of elements, the ``supports`` links of
    indicators and the ``parent`` links of organisation units. Each cycle (a strongly connected
    component of those links, found in linear time) is reported once, at its first member in file
    and line order, on the link that leaves it, listing every member; an element that is its own
    parent is a cycle of one.

    Why: links point up the cascade, so a cycle means one of them points down; no trace through
    those goals reaches the national tier, and every report that walks the links upward loops.

    Basis: UU 25/2004 (SPPN) and PermenPANRB 89/2021: cascading is a hierarchy from the national
    plan down to the individual; a hierarchy has no cycles.

    Failing::

        - {id: S1, kind: sasaran, name: Meningkatnya derajat kesehatan, parent: T1}
        - {id: T1, kind: tujuan, name: Meningkatnya kualitas hidup, supports: [S1]}

    Passing::

        - {id: T1, kind: tujuan, name: Meningkatnya kualitas hidup, supports: [jatim.rpjmd-2019:S3]}
        - {id: S1, kind: sasaran, name: Meningkatnya derajat kesehatan, parent: T1}
    """

    code = "CAS203"
    name = "link-cycle"
    severity = Severity.ERROR
    reads = "cycle"
    messages = {
        "default": {
            "en": "link cycle through {count} nodes: {members}",
            "id": "siklus tautan melalui {count} simpul: {members}",
        },
        "self": {"en": "{member} links to itself", "id": "{member} bertaut ke dirinya sendiri"},
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        succ: dict[str, list[str]] = {}
        indegree: dict[str, int] = {}
        # a scoped run (the incremental engine's, ``reads = "cycle"``) searches its documents only:
        # a cycle lies within one strongly connected component of documents
        inside = ctx.scoped_nodes()
        adjacency = G._succ.items() if inside is None else ((n, G._succ[n]) for n in inside)
        for u, nbrs in adjacency:
            for v, data in nbrs.items():
                if data["type"] in CASCADE_LINKS and (inside is None or v in inside):
                    succ.setdefault(u, []).append(v)
                    indegree[v] = indegree.get(v, 0) + 1
        # Peel off, in linear time, every node no cycle leads into; what is left (usually nothing)
        # holds the cycles and what hangs above them, and only that is searched for components.
        queue = [n for n in succ if n not in indegree]
        while queue:
            for v in succ.get(queue.pop(), ()):
                indegree[v] -= 1
                if not indegree[v]:
                    queue.append(v)
        left = [n for n, d in indegree.items() if d]
        if not left:
            return
        links = G.edge_subgraph((u, v) for u in left for v in succ.get(u, ()))
        for component in nx.strongly_connected_components(links):
            members = sorted(component, key=lambda n: _order(ctx, n))
            first = members[0]
            if len(members) == 1 and not links.has_edge(first, first):
                continue
            attrs = G._node[first]
            model = attrs["model"]
            # the link that leaves the first member inside the cycle (units link only by parent)
            field: tuple | str | None = None
            for target in links.succ[first]:
                if target not in component:
                    continue
                if links.edges[first, target]["type"] == "parent":
                    field = "parent"
                    break
                i = _ref_index(model.supports, attrs["doc"], target)
                if i is not None:
                    field = ("supports", i)
                    break
            if len(members) == 1:
                yield ctx.finding(self, first, "self", field=field, member=first)
            else:
                yield ctx.finding(self, first, field=field, count=len(members), members=members)


class WrongParentKind(Rule):
    """``parent`` is not the kind directly above, or is in another document.

    Inside a document, ``parent`` builds the tree of the document's kinds, top to bottom (rpjmn:
    prioritas_nasional > program_prioritas > kegiatan_prioritas > proyek_prioritas; rpjmd: misi >
    tujuan > sasaran > program; renstra: tujuan > sasaran > program > kegiatan > sub_kegiatan). An
    element's parent must be exactly the kind above its own; the top kind has no parent; an skp
    ``rhk`` has an ``rhk`` parent (the superior's result it intervenes). A parent in another
    document (present or not) is reported: that link is ``supports``. Elements of an unknown kind
    (CAS104) are not checked again; an element that is its own parent is CAS203.

    Why: a program hung directly under a misi skips the tujuan and sasaran that say what it is
    for, so its results cannot be rolled up level by level as the plan's tables require.

    Basis: Permendagri 86/2017 (RPJMD and Renstra tables nest tujuan, sasaran, program, kegiatan,
    sub kegiatan in that order); Perpres 12/2025 (PN > Program Prioritas > Kegiatan Prioritas >
    Proyek Prioritas); PermenPANRB 6/2022 (an RHK intervenes a superior's RHK).

    Failing::

        - {id: M1, kind: misi, name: Mewujudkan masyarakat sejahtera}
        - {id: P1, kind: program, name: Program Perlindungan dan Jaminan Sosial, parent: M1}

    Passing::

        - {id: S1, kind: sasaran, name: Menurunnya angka kemiskinan, parent: T1}
        - {id: P1, kind: program, name: Program Perlindungan dan Jaminan Sosial, parent: S1}
    """

    code = "CAS204"
    scope = "document"
    name = "wrong-parent-kind"
    severity = Severity.ERROR
    messages = {
        "default": {
            "en": "the parent of a {kind} must be a {expected}, not the {found} {parent}",
            "id": "induk (parent) {kind} harus {expected}, bukan {found} {parent}",
        },
        "top": {
            "en": "a {kind} is the top of a {doc_kind} and has no parent; link it upward with 'supports'",
            "id": "{kind} adalah tingkat teratas {doc_kind} dan tidak memiliki parent; tautkan ke atas dengan 'supports'",
        },
        "other-document": {
            "en": "parent {parent} is in another document; a link across documents is 'supports'",
            "id": "parent {parent} berada di dokumen lain; tautan antardokumen ditulis dengan 'supports'",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for node in ctx.nodes_of("element"):
            attrs = G._node[node]
            model = attrs["model"]
            level = attrs["level"]
            if model.parent is None or level is None:
                continue
            doc_id = attrs["doc"]
            target_doc, _ = split_ref(model.parent, doc_id)
            if target_doc != doc_id:
                yield ctx.finding(self, node, "other-document", field="parent", parent=model.parent)
                continue
            doc_kind = G._node[doc_id]["kind"]
            kinds = ELEMENT_KINDS[doc_kind]
            if level == 0 and doc_kind != "skp":
                yield ctx.finding(self, node, "top", field="parent", kind=attrs["kind"], doc_kind=doc_kind)
                continue
            expected = kinds[level - 1] if level else kinds[0]
            for target, edge in G._succ[node].items():
                if edge["type"] != "parent" or target == node:  # a self-parent is a link cycle
                    continue
                found = G._node[target]["kind"]
                if found != expected:
                    yield ctx.finding(self, node, field="parent", kind=attrs["kind"], expected=expected, found=found, parent=model.parent)


class WrongTierLink(Rule):
    """``supports`` points sideways or down a tier, or into a document not in ``aligns_to``.

    ``supports`` climbs the cascade: rpjmn (tier 0) > province rpjmd (1) > kab/kota rpjmd (2) >
    renstra (3) > skp (4). An element's ``supports`` must name an element of a higher tier; an
    indicator's ``supports`` may also name an indicator of its own document (a program indicator
    feeding its sasaran indicator), but never one of another document of the same or a lower tier.
    Within one document the tree is ``parent``; between OPDs of a region it is ``crosscuts``. Every
    target document, whether in the workspace or not, must be listed in the source document's
    ``aligns_to``, which is where a plan declares what it cascades from. A renstra that declares
    ``document.part_of`` (a UPT or Puskesmas plan within its Dinas) may link to the renstra it is
    part of: those links are neither sideways nor undeclared. A reference that names nothing is
    CAS202, not this rule. A written ``justification`` on the element (or on the
    indicator's element) turns the finding into CAS903.

    Why: a link sideways or down turns the hierarchy over (a renstra cannot be the reason for its
    RPJMD), and a link into a document the plan does not declare skips the tier in between, so the
    cascade cannot be read tier by tier.

    Basis: UU 25/2004 (SPPN: the RPJMD refers to the RPJMN, the Renstra to the RPJMD);
    Permendagri 86/2017 (the Renstra follows its own region's RPJMD).

    Failing::

        document: {id: klaten.dinsos.renstra-2025, kind: renstra, aligns_to: [klaten.rpjmd-2025], ...}
        elements:
          - {id: S1, kind: sasaran, name: Menurunnya kemiskinan, supports: [rpjmn-2025:PN6]}

    Passing::

        document: {id: klaten.dinsos.renstra-2025, kind: renstra, aligns_to: [klaten.rpjmd-2025], ...}
        elements:
          - {id: S1, kind: sasaran, name: Menurunnya kemiskinan, supports: [klaten.rpjmd-2025:S2.1]}
    """

    code = "CAS205"
    name = "wrong-tier-link"
    severity = Severity.ERROR
    reads = "targets"
    justifiable = True
    messages = {
        "own-document": {
            "en": "supports {target} in its own document; the tree inside a document is 'parent'",
            "id": "supports {target} di dokumennya sendiri; pohon di dalam satu dokumen ditulis dengan 'parent'",
        },
        "sideways": {
            "en": "supports {target}, a document of the same tier; link within a document with 'parent' and to another OPD with 'crosscuts'",
            "id": "supports {target}, dokumen pada jenjang yang sama; di dalam dokumen gunakan 'parent', ke OPD lain gunakan 'crosscuts'",
        },
        "down": {
            "en": "supports {target}, a document of a lower tier; supports must point up the cascade",
            "id": "supports {target}, dokumen pada jenjang lebih rendah; supports harus mengarah ke atas",
        },
        "not-aligned": {
            "en": "supports {target}, but {doc} is not in this document's aligns_to",
            "id": "supports {target}, tetapi {doc} tidak tercantum dalam aligns_to dokumen ini",
        },
        "default": {"en": "supports {target} points to the wrong tier", "id": "supports {target} mengarah ke jenjang yang salah"},
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        nodes, documents = G._node, ctx.documents
        # the verdict depends only on the two documents and the node type: decided once per pair,
        # and only a reference with a verdict is looked up (one that names nothing is CAS202)
        verdicts: dict[tuple[str, str, str], str | None] = {}
        for type_ in ("element", "indicator"):
            for node in ctx.nodes_of(type_):
                attrs = nodes[node]
                refs = attrs["model"].supports
                if not refs:
                    continue
                doc_id = attrs["doc"]
                for i, ref in enumerate(refs):
                    target_doc, local = split_ref(ref, doc_id)
                    key = (doc_id, target_doc, type_)
                    variant = verdicts.get(key, _UNDECIDED)
                    if variant is _UNDECIDED:
                        variant = verdicts[key] = self._variant(G, attrs["tier"], doc_id, target_doc, type_, target_doc in documents)
                    if variant is None:
                        continue
                    if target_doc in documents and f"{target_doc}:{local}" not in G._succ[node]:
                        continue  # names nothing: CAS202
                    yield ctx.finding(self, node, variant, field=("supports", i), target=ref, doc=target_doc)

    @staticmethod
    def _variant(G: Any, own_tier: int, doc_id: str, target_doc: str, type_: str, present: bool) -> str | None:
        if target_doc == doc_id and type_ == "indicator":
            return None
        if target_doc == G._node[doc_id]["model"].part_of:
            return None  # a UPT/Puskesmas renstra copies its Dinas' tujuan and sasaran: not sideways
        variant = None
        if present:
            tier = G._node[target_doc]["tier"]
            if target_doc == doc_id:
                variant = "own-document"
            elif tier == own_tier:
                variant = "sideways"
            elif tier > own_tier:
                variant = "down"
        if variant is None and target_doc not in G._node[doc_id]["model"].aligns_to and target_doc != doc_id:
            variant = "not-aligned"
        return variant


_UNDECIDED = object()


def _same_region(source: str, target: str) -> bool:
    """A document may align to its own region and to the province its kab/kota lies in."""
    return target == source or (len(target) == 2 and source[:2] == target)


class RegionMismatch(Rule):
    """A document aligns to a document of another region.

    A kab/kota document may align to the RPJMN, its own region's documents and the RPJMD of the
    province its region code lies in (``33.10`` lies in ``33``); a renstra or skp aligns to the
    documents of its own region (and, like its region, to its province and the RPJMN). Documents
    absent from the workspace cannot be checked and are not reported.

    Why: aligning to another province's RPJMD, or an OPD's renstra to another kab/kota's RPJMD,
    usually means a plan copied from a neighbour whose references were never updated; its goals
    then serve another government's targets.

    Basis: UU 23/2014 and Permendagri 86/2017: a kab/kota RPJMD aligns with its own province's
    RPJMD; a Renstra follows the RPJMD of its own region.

    Failing::

        document:
          id: klaten.rpjmd-2025
          region: {code: "33.10", name: Kabupaten Klaten}
          aligns_to: [jatim.rpjmd-2025]      # region 35: another province

    Passing::

        document:
          id: klaten.rpjmd-2025
          region: {code: "33.10", name: Kabupaten Klaten}
          aligns_to: [jateng.rpjmd-2025, rpjmn-2025]
    """

    code = "CAS206"
    name = "region-mismatch"
    severity = Severity.ERROR
    reads = "targets"
    messages = {
        "default": {
            "en": "aligns to {target} of region {target_region}, but this document is of region {region}",
            "id": "selaras dengan {target} wilayah {target_region}, padahal dokumen ini milik wilayah {region}",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for doc_id in ctx.nodes_of("document"):
            region = G._node[doc_id]["region"]
            if region is None:
                continue
            for i, target in enumerate(G._node[doc_id]["model"].aligns_to):
                if target not in ctx.documents:
                    continue
                target_region = G._node[target]["region"]
                if target_region is not None and not _same_region(region, target_region):
                    yield ctx.finding(self, doc_id, field=("aligns_to", i), target=target, target_region=target_region, region=region)


class PeriodMismatch(Rule):
    """Periods that do not fit: aligned documents that do not overlap, a target year outside the
    period, a baseline after the period's first year.

    Periods of aligned plans are shifted in practice (RPJMD Kota Madiun 2019-2024 against RPJMN
    2020-2024), so only documents whose periods share no year are reported. Each target year
    outside the document's period is reported at its key; a baseline is reported when its year is
    later than the period's first year. A baseline in the period's first year is accepted: "RPJMD
    2014-2019" tables give kondisi awal 2014 and targets 2015-2019 (CAS503 then wants no target for
    2014).

    Why: an aligned plan of another period sets targets for other years, a target outside the
    period is a leftover of the previous plan or a typo, and a baseline later than the first year
    cannot be the starting point (kondisi awal, normally the year before) of the period's targets.

    Basis: UU 25/2004 (RPJMD and Renstra cover five years); Permendagri 86/2017 (kondisi awal is the
    condition at the start of the period, targets per year of the period).

    Failing::

        document: {period: {start: 2025, end: 2029}, ...}
        indicators:
          - id: S1.I1
            baseline: {year: 2026, value: 11.2}
            targets: {2025: 10.8, 2030: 9.5}

    Passing::

        document: {period: {start: 2025, end: 2029}, ...}
        indicators:
          - id: S1.I1
            baseline: {year: 2024, value: 11.2}
            targets: {2025: 10.8, 2029: 9.5}
    """

    code = "CAS207"
    name = "period-mismatch"
    severity = Severity.WARNING
    reads = "targets"
    messages = {
        "aligns": {
            "en": "aligns to {target} ({target_start}-{target_end}), whose period does not overlap {start}-{end}",
            "id": "selaras dengan {target} ({target_start}-{target_end}) yang periodenya tidak beririsan dengan {start}-{end}",
        },
        "target-year": {
            "en": "target year {year} is outside the document's period {start}-{end}",
            "id": "tahun target {year} di luar periode dokumen {start}-{end}",
        },
        "baseline": {
            "en": "baseline year {year} is after the period's first year {start}; kondisi awal is normally {before}",
            "id": "tahun kondisi awal {year} setelah tahun pertama periode {start}; kondisi awal biasanya tahun {before}",
        },
        "default": {"en": "period mismatch", "id": "periode tidak sesuai"},
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for doc_id in ctx.nodes_of("document"):
            period = G._node[doc_id]["model"].period
            for i, target in enumerate(G._node[doc_id]["model"].aligns_to):
                if target not in ctx.documents:
                    continue
                other = G._node[target]["model"].period
                if other.end < period.start or other.start > period.end:
                    yield ctx.finding(self, doc_id, "aligns", field=("aligns_to", i), target=target, target_start=other.start,
                                      target_end=other.end, start=period.start, end=period.end)
        periods = {d: G._node[d]["model"].period for d in ctx.nodes_of("document")}
        for node in ctx.nodes_of("indicator"):
            attrs = G._node[node]
            model = attrs["model"]
            period = periods.get(attrs["doc"]) or G._node[attrs["doc"]]["model"].period
            targets = model.targets
            if targets and period.start <= min(targets) and max(targets) <= period.end:
                targets = ()  # every year inside the period: the common case, decided in C
            for year in targets:
                if year < period.start or year > period.end:
                    yield ctx.finding(self, node, "target-year", field=("targets", str(year)), key=True, year=year,
                                      start=period.start, end=period.end)
            if model.baseline is not None and model.baseline.year > period.start:
                yield ctx.finding(self, node, "baseline", field=("baseline", "year"), year=model.baseline.year,
                                  start=period.start, before=period.start - 1)
