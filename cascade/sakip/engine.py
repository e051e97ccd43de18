"""The pre-evaluation: each automated or partial criterion's method, the scores and the moves.

A method looks at the documents in scope (the graph's nodes) and the findings of a run, and returns
an :class:`Outcome`: a yes/no for keberadaan criteria, or a ratio of good items for the others, with
the items that count against it and why (rule codes, or a named reason such as ``flat``). The ratio
is turned into A..E by the thresholds (option ``thresholds``, default 0.9/0.75/0.5/0.25).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from ..core.capaian import capaian as capaian_of
from ..core.findings import Finding
from ..core.models import Indicator
from ..rules.context import Context
from ..rules.realization import capaian_rows
from .catalogue import Catalogue, Criterion, band_88, catalogue, predikat_of
from .result import VALUES, ComponentResult, CriterionResult, Move, SakipResult, SubComponentResult, Worst

__all__ = ["evaluate", "Scope", "scope_of", "DEFAULT_OPTIONS", "Outcome", "METHODS", "CapaianRow"]

DEFAULT_OPTIONS: dict[str, Any] = {
    "thresholds": (0.95, 0.85, 0.7, 0.5),   # share of good items for A, B, C, D; below the last: E
    "definition_for": "key",                 # perencanaan.2.5 / pengukuran.1.2: "key" (IKU) or "all"
    "on_track": 0.9,                         # perencanaan.3.3: capaian that counts as on track
    "worst": 10,                             # refs shown per criterion
}
LETTERS = ("A", "B", "C", "D", "E")


def check_options(options: Any) -> dict[str, Any]:
    """``options`` of the pre-evaluation (:data:`DEFAULT_OPTIONS`' keys), checked where the API takes
    them: :class:`~cascade.UsageError` for a wrong type, ``ValueError`` for an unknown name or a
    value that means nothing."""
    from ..core.errors import UsageError

    if options is None:
        return {}
    if not isinstance(options, Mapping):
        raise UsageError(f"options must be a mapping such as {{'thresholds': [0.95, 0.85, 0.7, 0.5]}} or None, "
                         f"not {type(options).__name__}")
    unknown = [k for k in options if k not in DEFAULT_OPTIONS]
    if unknown:
        raise ValueError(f"options: no option {unknown[0]!r} (options: {', '.join(DEFAULT_OPTIONS)})")

    def number(v: Any) -> bool:
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    if "thresholds" in options:
        t = options["thresholds"]
        if not isinstance(t, (list, tuple)) or len(t) != 4 or not all(number(x) for x in t):
            raise UsageError(f"options: thresholds must be 4 numbers for A, B, C and D such as [0.95, 0.85, 0.7, 0.5], not {t!r}"[:300])
        if not all(0 <= x <= 1 for x in t) or list(t) != sorted(t, reverse=True):
            raise ValueError(f"options: thresholds must be shares from 1 down to 0, highest first, not {list(t)!r}")
    if "definition_for" in options and options["definition_for"] not in ("key", "all"):
        raise UsageError(f"options: definition_for must be 'key' or 'all', not {options['definition_for']!r}"[:300])
    if "on_track" in options and not number(options["on_track"]):
        raise UsageError(f"options: on_track must be a number such as 0.9, not {type(options['on_track']).__name__}")
    if "worst" in options and (isinstance(options["worst"], bool) or not isinstance(options["worst"], int)
                               or options["worst"] < 0):
        raise UsageError(f"options: worst must be a whole number, 0 or more, not {options['worst']!r}"[:300])
    return dict(options)


@dataclass(frozen=True)
class CapaianRow:
    """One realisasi: the indicator's ref, the year, its target and what was realised (numbers or None).

    The interface the pengukuran criteria read. Built from the workspace's realisasi (inline
    ``realized`` or ``kind: realisasi`` documents, :func:`cascade.rules.realization.capaian_rows`,
    with its capaian in percent) when it has any; otherwise given by the caller (``capaian=``).
    """

    ref: str
    year: int
    target: float | None
    realized: float | None
    polarity: str | None = None
    #: Capaian in percent as :func:`cascade.core.capaian.capaian` computes it; None: computed from the rest.
    capaian: float | None = None
    #: The realisasi is one ``realization-implausible`` (CAS703) reports: it counts as reported
    #: (pengukuran 2.4), and no capaian is computed from it (perencanaan 3.3).
    implausible: bool = False
    #: A realisasi is reported for the year, whatever its form (a text such as ``WTP`` has no number);
    #: None: whether ``realized`` is a number.
    reported: bool | None = None

    @property
    def has_realisasi(self) -> bool:
        """Whether the year has a realisasi (pengukuran 2.4, 2.5 and perencanaan 3.4 count it)."""
        return self.realized is not None if self.reported is None else self.reported


@dataclass
class Outcome:
    answer: str | None = None
    evidence: str = ""
    ok: int | None = None
    total: int | None = None
    bad: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ref -> reasons
    gap: str | None = None  # why it was not judged


@dataclass
class Scope:
    kind: str  # pemda | document
    document: str | None
    documents: list[str]
    region: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "document": self.document, "region": self.region, "documents": list(self.documents)}


class _Ctx:
    """What the methods read: the nodes of the documents in scope and the findings per ref."""

    def __init__(self, workspace: Any, scope: Scope, year: int | None, findings: Iterable[Finding],
                 options: Mapping[str, Any], capaian: list[CapaianRow] | None,
                 rule_options: dict[str, dict[str, Any]] | None = None):
        self.ws, self.graph, self.scope, self.year, self.options = workspace, workspace.graph, scope, year, options
        self.rule_options = rule_options  # the run's rule options (as_of, the capaian formula)
        docs = set(scope.documents)
        self.docs = docs
        self.kind = {d: workspace.documents[d].document.kind for d in docs}
        self.elements: list[tuple[str, dict]] = []
        self.indicators: list[tuple[str, dict]] = []
        self.units: list[tuple[str, dict]] = []
        for node, data in self.graph.nodes(data=True):
            if data.get("doc") not in docs:
                continue
            t = data.get("type")
            (self.elements if t == "element" else self.indicators if t == "indicator" else self.units if t == "unit" else []).append((node, data))
        self.codes: dict[str, set[str]] = defaultdict(set)
        self.where: dict[str, tuple[str | None, int | None]] = {}
        for f in findings:
            if f.ref:
                self.codes[f.ref].add(f.code)
                self.where.setdefault(f.ref, (f.file, f.line))
        self.capaian = capaian if capaian is not None else _realized_rows(self)

    def of_kinds(self, *kinds: str) -> list[tuple[str, dict]]:
        return [(n, d) for n, d in self.elements if d.get("kind") in kinds]

    def doc_kind(self, node_data: dict) -> str:
        return self.kind.get(node_data.get("doc"), "")

    def position(self, ref: str) -> tuple[str | None, int | None]:
        if ref in self.where:
            return self.where[ref]
        doc = self.graph.nodes[ref].get("doc") if ref in self.graph else None
        parsed = self.ws.parsed.get(doc) if doc else None
        return (parsed.file if parsed else None, None)


def _realized_rows(ctx: _Ctx) -> list[CapaianRow] | None:
    """Rows of the indicators in scope that carry realisasi (the one capaian of
    :mod:`cascade.core.capaian`, PK targets and realisasi documents included); None when none does."""
    in_scope = {ref for ref, _ in ctx.indicators}
    run = Context(ctx.graph, ctx.ws.parsed, ctx.rule_options)
    measured = capaian_rows(run)
    if not measured:
        return None  # no realisasi anywhere: the criteria that read it are not judged
    # the workspace reports realisasi: a scope (an OPD) without any is judged as having none, not skipped
    return [CapaianRow(r.ref, r.year, _number(r.target), _number(r.realized), r.polarity, r.capaian,
                       r.note == "implausible", r.realized is not None)
            for r in measured if r.ref in in_scope]


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    lo, hi = getattr(value, "min", None), getattr(value, "max", None)
    if isinstance(lo, (int, float)) and isinstance(hi, (int, float)):
        return (float(lo) + float(hi)) / 2
    return None


# -- answers from ratios --------------------------------------------------------------------------------


def _letter(ratio: float, thresholds: Iterable[float]) -> str:
    for letter, bound in zip(LETTERS, thresholds):
        if ratio >= bound - 1e-12:
            return letter
    return "E"


def _ratio(ctx: _Ctx, items: Iterable[str], reasons: Callable[[str], Iterable[str]], what: str) -> Outcome:
    items = list(dict.fromkeys(items))
    bad = {ref: tuple(sorted(set(r))) for ref in items for r in [list(reasons(ref))] if r}
    if not items:
        return Outcome(gap=f"no {what} in scope")
    ok = len(items) - len(bad)
    ratio = ok / len(items)
    return Outcome(_letter(ratio, ctx.options["thresholds"]), f"{ok}/{len(items)} {what} ({ratio:.0%})", ok, len(items), bad)


def _codes(ctx: _Ctx, ref: str, wanted: Iterable[str]) -> list[str]:
    return [c for c in wanted if c in ctx.codes.get(ref, ())]


def _indicator_refs(ctx: _Ctx, element: str) -> list[str]:
    return [src for src, _, t in ctx.graph.in_edges(element, data="type") if t == "indicator_of"]


# -- the methods ---------------------------------------------------------------------------------------


def m_p13(ctx: _Ctx) -> Outcome:
    medium = sorted(d for d, k in ctx.kind.items() if k in ("rpjmd", "rpd", "renstra"))
    return Outcome("Y" if medium else "T", f"medium-term plans: {', '.join(medium) or 'none'}",
                   bad={} if medium else {ctx.scope.document or "scope": ("no-medium-term-plan",)})


def m_p14(ctx: _Ctx) -> Outcome:
    yearly = sorted(d for d, k in ctx.kind.items() if k == "skp")
    return Outcome("Y" if yearly else "T", f"yearly plans (skp) for {ctx.year or 'any year'}: {', '.join(yearly) or 'none'}",
                   bad={} if yearly else {ctx.scope.document or "scope": ("no-skp",)})


def m_p15(ctx: _Ctx) -> Outcome:
    acts = ctx.of_kinds("kegiatan", "sub_kegiatan")
    renstras = [d for d, k in ctx.kind.items() if k == "renstra"]
    if not renstras:
        return Outcome(gap="no renstra in scope")
    return Outcome("Y" if acts else "T", f"{len(acts)} kegiatan/sub kegiatan in {len(renstras)} renstra",
                   bad={} if acts else {r: ("no-kegiatan",) for r in renstras})


def m_p24(ctx: _Ctx) -> Outcome:
    items = [n for n, d in ctx.of_kinds("tujuan", "sasaran") if ctx.doc_kind(d) in ("rpjmd", "rpd", "renstra")]

    def reasons(ref: str) -> list[str]:
        out = _codes(ctx, ref, ("CAS304",))
        for ind in _indicator_refs(ctx, ref):
            out += _codes(ctx, ind, ("CAS507", "CAS404"))
        return out

    return _ratio(ctx, items, reasons, "tujuan/sasaran with a measured result")


def m_p25(ctx: _Ctx) -> Outcome:
    allof = ctx.options["definition_for"] == "all"

    def reasons(ref: str) -> list[str]:
        out = _codes(ctx, ref, ("CAS501", "CAS502", "CAS503", "CAS506", "CAS508", "CAS511", "CAS513", "CAS510"))
        model = ctx.graph.nodes[ref].get("model")
        if allof and model is not None and not model.key and not (model.definition and model.source):
            out.append("no-definition")
        return out

    return _ratio(ctx, [n for n, _ in ctx.indicators], reasons, "indicators SMART as written")


def m_p26(ctx: _Ctx) -> Outcome:
    items = [n for n, d in ctx.of_kinds("tujuan", "sasaran") if ctx.doc_kind(d) in ("rpjmd", "rpd", "renstra")]

    def reasons(ref: str) -> list[str]:
        keyed = any(getattr(ctx.graph.nodes[i].get("model"), "key", False) for i in _indicator_refs(ctx, ref))
        return [] if keyed else ["no-iku"]

    return _ratio(ctx, items, reasons, "tujuan/sasaran with an IKU")


def _flat(model: Indicator | None, element_kind: str | None) -> bool:
    """A result indicator (impact/outcome, or of a tujuan/sasaran) that should move but whose yearly
    targets all stay the same; a percentage held at its cap (0 or 100) is not flat, it is the goal."""
    if model is None or model.polarity not in ("positive", "negative"):
        return False
    if model.type not in ("impact", "outcome") and element_kind not in ("tujuan", "sasaran"):
        return False
    values = [_number(v) for _, v in sorted((model.targets or {}).items())]
    if len(values) < 2 or None in values or len(set(values)) != 1:
        return False
    return not ((model.unit or "").strip().lower() in ("%", "persen") and values[0] in (0.0, 100.0))


def m_p27(ctx: _Ctx) -> Outcome:
    items = [n for n, d in ctx.indicators if getattr(d.get("model"), "targets", None)]

    def reasons(ref: str) -> list[str]:
        out = _codes(ctx, ref, ("CAS512", "CAS405", "CAS505", "CAS406"))
        node = ctx.graph.nodes[ref]
        if _flat(node.get("model"), ctx.graph.nodes[node["element"]].get("kind") if node.get("element") in ctx.graph else None):
            out.append("flat")
        return out

    return _ratio(ctx, items, reasons, "indicators with achievable, challenging targets")


def m_p28(ctx: _Ctx) -> Outcome:
    items = [n for n, _ in ctx.elements]

    def reasons(ref: str) -> list[str]:
        out = _codes(ctx, ref, ("CAS301", "CAS306", "CAS204", "CAS205"))
        for ind in _indicator_refs(ctx, ref):
            out += _codes(ctx, ind, ("CAS401", "CAS302"))
        return out

    return _ratio(ctx, items, reasons, "elements that cascade")


def m_p29(ctx: _Ctx) -> Outcome:
    renstras = sorted(d for d, k in ctx.kind.items() if k == "renstra")
    if len(renstras) < 2:
        return Outcome(gap=f"{len(renstras)} OPD renstra in scope: crosscutting between OPDs needs two or more")
    links: dict[str, list[str]] = defaultdict(list)
    for n, d in ctx.elements:
        if ctx.doc_kind(d) == "renstra":
            for _, dst, t in ctx.graph.out_edges(n, data="type"):
                if t == "crosscuts" or "crosscuts" in (ctx.graph.edges[n, dst].get("also") or ()):
                    links[d["doc"]].append(n)

    def reasons(doc: str) -> list[str]:
        if not links.get(doc):
            return ["no-crosscuts"]
        return ["CAS408"] if all("CAS408" in ctx.codes.get(n, ()) for n in links[doc]) else []

    return _ratio(ctx, renstras, reasons, "renstra with crosscutting links")


def m_p210(ctx: _Ctx) -> Outcome:
    items = [n for n, d in ctx.units if ctx.doc_kind(d) == "renstra"]
    return _ratio(ctx, items, lambda ref: _codes(ctx, ref, ("CAS305",)), "units with a plan")


def m_p211(ctx: _Ctx) -> Outcome:
    from ..build.documents import _mask  # the one masking of personal data

    people: dict[str, list[str]] = defaultdict(list)
    held_units: set[str] = set()
    renstra_of: dict[str, str] = {}
    for d in ctx.docs:
        if ctx.kind[d] == "skp":
            for up in ctx.ws.documents[d].document.aligns_to:
                renstra_of[d] = up
    for n, d in ctx.of_kinds("rhk"):
        emp = getattr(d.get("model"), "employee", None)
        if emp is None:
            continue
        key = f"{d['doc']}#{_mask(emp.nip) if not ctx.ws.show_personal else emp.nip}"
        people[key].append(n)
        if d["doc"] in renstra_of:
            held_units.add(f"{renstra_of[d['doc']]}#{emp.unit}")
    bad: dict[str, tuple[str, ...]] = {}
    for key, rhks in people.items():
        codes = sorted({c for r in rhks for c in _codes(ctx, r, ("CAS306", "CAS301", "CAS202"))})
        if codes:
            bad[min(r for r in rhks if ctx.codes.get(r)) if any(ctx.codes.get(r) for r in rhks) else rhks[0]] = tuple(codes)
    units = [n for n, d in ctx.units if ctx.doc_kind(d) == "renstra" and d["doc"] in renstra_of.values()]
    empty = [u for u in units if u not in held_units]
    for u in empty:
        bad[u] = ("no-skp",)
    total = len(people) + len(empty)
    if not total:
        return Outcome(gap="no skp in scope")
    ok = total - len(bad)
    ratio = ok / total
    return Outcome(_letter(ratio, ctx.options["thresholds"]),
                   f"{ok}/{total} employees with every rhk linked to the renstra ({ratio:.0%}); "
                   f"{len(empty)} unit(s) without an skp holder", ok, total, bad)


def m_p32(ctx: _Ctx) -> Outcome:
    items = [n for n, _ in ctx.of_kinds("kegiatan", "sub_kegiatan")]

    def reasons(ref: str) -> list[str]:
        out = _codes(ctx, ref, ("CAS301",))
        for ind in _indicator_refs(ctx, ref):
            out += _codes(ctx, ind, ("CAS302",))
        return out

    return _ratio(ctx, items, reasons, "kegiatan/sub kegiatan supporting a result")


def _no_realisasi() -> Outcome:
    return Outcome(gap="no realisasi in the workspace")


def _capaian(row: CapaianRow) -> float | None:
    """The row's capaian as a fraction (1.0 = on target), as :func:`cascade.core.capaian.capaian` computes it."""
    if row.capaian is not None:
        return row.capaian / 100
    if row.target is None or row.realized is None or row.implausible:  # CAS703: not counted
        return None
    value = capaian_of(row.target, row.realized, row.polarity).value
    return None if value is None else value / 100


def m_p33(ctx: _Ctx) -> Outcome:
    if ctx.capaian is None:
        return _no_realisasi()
    rows = [r for r in ctx.capaian if ctx.year is None or r.year == ctx.year]
    bad: dict[str, tuple[str, ...]] = {}
    items = []
    for r in rows:
        c = _capaian(r)
        if c is None:
            continue
        items.append(r.ref)
        if c < ctx.options["on_track"]:
            bad[r.ref] = ("behind-target",)
    return _ratio(ctx, items, lambda ref: bad.get(ref, ()), "indicators on track")


def m_p34(ctx: _Ctx) -> Outcome:
    if ctx.capaian is None:
        return _no_realisasi()
    have: dict[str, set[int]] = defaultdict(set)
    for r in ctx.capaian:
        if r.has_realisasi:
            have[r.ref].add(r.year)
    items, bad = [], {}
    for ref, data in ctx.indicators:
        years = [y for y in (getattr(data.get("model"), "targets", None) or {}) if ctx.year is None or y <= ctx.year]
        if not years:
            continue
        items.append(ref)
        missing = [y for y in years if y not in have.get(ref, ())]
        if missing:
            bad[ref] = ("no-realisasi",)
    return _ratio(ctx, items, lambda ref: bad.get(ref, ()), "indicators with realisasi every year")


def m_k12(ctx: _Ctx) -> Outcome:
    allof = ctx.options["definition_for"] == "all"
    items = [n for n, d in ctx.indicators if allof or getattr(d.get("model"), "key", False)]

    def reasons(ref: str) -> list[str]:
        m = ctx.graph.nodes[ref].get("model")
        out = []
        if not getattr(m, "definition", None):
            out.append("no-definition")
        if not getattr(m, "source", None):
            out.append("no-source")
        return ["CAS510"] if out and getattr(m, "key", False) else out

    return _ratio(ctx, items, reasons, "IKU with a definition and source" if not allof else "indicators with a definition and source")


def m_k22(ctx: _Ctx) -> Outcome:
    return _ratio(ctx, [n for n, _ in ctx.indicators],
                  lambda ref: _codes(ctx, ref, ("CAS508", "CAS507", "CAS402", "CAS403")), "indicators with a relevant measure")


def m_k25(ctx: _Ctx) -> Outcome:
    """Capaian monitored down the tiers: the share of each tier's indicators that carry realisasi for
    the year, averaged over the tiers in scope (each tier counts once, however many indicators it has);
    a tier below the A threshold is named."""
    if ctx.capaian is None:
        return _no_realisasi()
    with_value = {r.ref for r in ctx.capaian if r.has_realisasi and (ctx.year is None or r.year == ctx.year)}
    tiers: dict[str, list[str]] = defaultdict(list)
    for ref, d in ctx.indicators:
        tiers[ctx.doc_kind(d)].append(ref)
    if not tiers:
        return Outcome(gap="no tiers monitoring their capaian in scope")
    shares = {tier: sum(r in with_value for r in refs) / len(refs) for tier, refs in sorted(tiers.items())}
    mean = sum(shares.values()) / len(shares)
    bad = {t: ("no-realisasi",) for t, share in shares.items() if share < ctx.options["thresholds"][0]}
    detail = ", ".join(f"{t} {share:.0%}" for t, share in shares.items())
    return Outcome(_letter(mean, ctx.options["thresholds"]), f"indicators with realisasi per tier, on average {mean:.0%} ({detail})",
                   len(shares) - len(bad), len(shares), bad)


METHODS: dict[str, Callable[[_Ctx], Outcome]] = {
    "perencanaan.1.3": m_p13, "perencanaan.1.4": m_p14, "perencanaan.1.5": m_p15,
    "perencanaan.2.4": m_p24, "perencanaan.2.5": m_p25, "perencanaan.2.6": m_p26, "perencanaan.2.7": m_p27,
    "perencanaan.2.8": m_p28, "perencanaan.2.9": m_p29, "perencanaan.2.10": m_p210, "perencanaan.2.11": m_p211,
    "perencanaan.3.2": m_p32, "perencanaan.3.3": m_p33, "perencanaan.3.4": m_p34,
    "pengukuran.1.2": m_k12, "pengukuran.2.2": m_k22, "pengukuran.2.4": m_p34,
    "pengukuran.2.5": m_k25,
}


def _region(model: Any) -> str | None:
    return model.document.region.code if model.document.region is not None else None


def pemda_region(workspace: Any) -> str | None:
    """The pemda a whole-workspace evaluation is about: the region of most renstra and skp documents
    (the OPDs'), else of the lowest-tier RPJMD; the other regions' plans (a province's RPJMD above a
    city's) are context that the cascade links to, not part of the evaluated pemda."""
    opd = Counter(_region(m) for m in workspace.documents.values() if m.document.kind in ("renstra", "skp"))
    if opd:
        return max(opd.items(), key=lambda kv: (kv[1], kv[0] or ""))[0]
    plans = [m for m in workspace.documents.values() if m.document.kind in ("rpjmd", "rpd")]
    if not plans:
        return None
    return max((_region(m) or "" for m in plans), key=lambda code: (len(code), code)) or None


# -- scope ---------------------------------------------------------------------------------------------


def scope_of(workspace: Any, document: str | None = None, year: int | None = None) -> tuple[Scope, int | None]:
    """The documents a pre-evaluation reads, and the year: ``document`` and every document that aligns
    to it (transitively), or the whole pemda (every document but the RPJMN); with ``year``, only the
    documents whose period covers it. The year defaults to the latest skp year in scope."""
    docs = workspace.documents
    if document is not None:
        if document not in docs:
            raise KeyError(document)
        below: dict[str, list[str]] = defaultdict(list)
        for d, model in docs.items():
            for up in model.document.aligns_to:
                below[up].append(d)
        chosen, todo = {document}, [document]
        while todo:
            for d in below.get(todo.pop(), ()):
                if d not in chosen and docs[d].document.kind != "rpjmn":
                    chosen.add(d)
                    todo.append(d)
    else:
        chosen = {d for d, m in docs.items() if m.document.kind != "rpjmn" and _region(m) == pemda_region(workspace)}
    if year is None:
        skp_years = [docs[d].document.period.end for d in chosen if docs[d].document.kind == "skp"]
        year = max(skp_years) if skp_years else None
    if year is not None:
        covering = {d for d in chosen if docs[d].document.period.start <= year <= docs[d].document.period.end}
        if not covering:  # a grade of nothing (0.00, D) would read as a verdict on the plans
            from ..core.errors import UsageError

            raise UsageError(f"no plan in scope covers the year {year}")
        chosen = {d for d in chosen if d == document or d in covering}
    region = _region(docs[document]) if document else pemda_region(workspace)
    return Scope("document" if document else "pemda", document, sorted(chosen), region), year



#: The evidence phrases in Bahasa Indonesia (the methods write English; numbers and refs stay as they are).
_ID = (
    ("not judged: ", "tidak dinilai: "), ("no realisasi in the workspace", "tidak ada realisasi di workspace"),
    ("OPD renstra in scope: crosscutting between OPDs needs two or more", "renstra OPD dalam cakupan: crosscutting antar-OPD memerlukan dua atau lebih"),
    ("no renstra in scope", "tidak ada renstra dalam cakupan"), ("no skp in scope", "tidak ada skp dalam cakupan"),
    ("medium-term plans", "dokumen jangka menengah"), ("yearly plans (skp) for", "rencana tahunan (skp) untuk"),
    ("any year", "semua tahun"), (": none", ": tidak ada"), ("kegiatan/sub kegiatan in", "kegiatan/sub kegiatan dalam"),
    ("tujuan/sasaran with a measured result", "tujuan/sasaran dengan hasil terukur"),
    ("indicators SMART as written", "indikator yang SMART"), ("tujuan/sasaran with an IKU", "tujuan/sasaran ber-IKU"),
    ("indicators with achievable, challenging targets", "indikator dengan target menantang dan realistis"),
    ("elements that cascade", "elemen yang berjenjang"), ("renstra with crosscutting links", "renstra dengan tautan crosscutting"),
    ("units with a plan", "unit yang punya rencana kinerja"),
    ("employees with every rhk linked to the renstra", "pegawai yang seluruh rhk-nya tertaut ke renstra"),
    ("unit(s) without an skp holder", "unit tanpa pemegang skp"),
    ("kegiatan/sub kegiatan supporting a result", "kegiatan/sub kegiatan yang mendukung hasil"),
    ("indicators on track", "indikator yang capaiannya sesuai jalur"), ("indicators with realisasi every year", "indikator berealisasi tiap tahun"),
    ("IKU with a definition and source", "IKU dengan definisi dan sumber data"),
    ("indicators with a definition and source", "indikator dengan definisi dan sumber data"),
    ("indicators with a relevant measure", "indikator dengan ukuran yang relevan"),
    ("tiers monitoring their capaian", "jenjang yang memantau capaiannya"), ("indicators with realisasi per tier, on average", "indikator berealisasi per jenjang, rata-rata"), ("; rules: ", "; aturan: "), (" more", " lainnya"),
)


#: "no X in scope", the gap of a criterion with nothing to judge (:func:`_ratio`), once X is translated
_NONE_IN_SCOPE = re.compile(r"\bno (.+?) in scope\b")


def _say(text: str, lang: str) -> str:
    if lang != "id":
        return text
    for en, id_ in _ID:
        text = text.replace(en, id_)
    return _NONE_IN_SCOPE.sub(r"tidak ada \1 dalam cakupan", text)


# -- evaluation ----------------------------------------------------------------------------------------


_STEP_UP = {"T": "Y", "E": "D", "D": "C", "C": "B", "B": "A"}


def _move(c: Criterion, out: Outcome, thresholds: tuple[float, ...]) -> Move | None:
    """The fewest most-frequent reasons whose fixing lifts the answer one step, with the refs it frees."""
    if out.answer not in _STEP_UP or not out.bad:
        return None
    to = _STEP_UP[out.answer]
    gain = c.weight * (VALUES[to] - VALUES[out.answer])
    if out.answer == "T" and out.ok is None:
        reasons = Counter(r for rs in out.bad.values() for r in rs)
        return Move(c.id, "T", "Y", round(gain, 4), tuple(r for r, _ in reasons.most_common()), len(out.bad))
    need = thresholds[0] if to == "Y" else thresholds[LETTERS.index(to)]
    remaining = {ref: set(rs) for ref, rs in out.bad.items()}
    fixed: list[str] = []
    ok = out.ok or 0
    while remaining and ok / (out.total or 1) < need - 1e-12:
        reason = Counter(r for rs in remaining.values() for r in rs).most_common(1)[0][0]
        fixed.append(reason)
        for ref in list(remaining):
            remaining[ref].discard(reason)
            if not remaining[ref]:
                del remaining[ref]
                ok += 1
    return Move(c.id, out.answer, to, round(gain, 4), tuple(fixed), len(out.bad) - len(remaining))


def evaluate(
    workspace: Any,
    findings: Iterable[Finding],
    *,
    document: str | None = None,
    year: int | None = None,
    answers: Mapping[str, tuple[str, str | None]] | None = None,
    answer_findings: Iterable[Finding] = (),
    options: Mapping[str, Any] | None = None,
    capaian: Iterable[CapaianRow] | None = None,
    lang: str = "id",
    cat: Catalogue | None = None,
    as_of: int | None = None,
) -> SakipResult:
    """Pre-evaluate the documents in scope against the LKE criteria (see :mod:`cascade.sakip`).

    Without ``capaian`` rows, the realisasi in the workspace is measured up to ``as_of`` (default:
    the current year), as ``cascade capaian`` measures it."""
    opts = {**DEFAULT_OPTIONS, **(options or {})}
    opts["thresholds"] = tuple(float(t) for t in opts["thresholds"])
    cat = cat or catalogue()
    scope, year = scope_of(workspace, document, year)
    rule_options = {"missing-realization": {"as_of": as_of}} if as_of is not None else None
    ctx = _Ctx(workspace, scope, year, findings, opts, list(capaian) if capaian is not None else None, rule_options)
    answers = answers or {}
    crit_results: list[CriterionResult] = []
    moves: list[Move] = []
    comps: list[ComponentResult] = []
    total_points = total_assessed = 0.0
    for comp in cat.components:
        subs = []
        for sub in comp.subcomponents:
            points = assessed = 0.0
            for c in sub.criteria:
                text = c.text_id if lang == "id" else c.text_en
                out = METHODS[c.id](ctx) if c.id in METHODS else None
                if out and c.scale == "Y/T" and out.answer in LETTERS:  # a share behind an existence criterion
                    out.answer = "Y" if out.answer == "A" else "T"
                answer = out.answer if out else None
                origin = "documents" if answer else None
                evidence = _say(out.evidence if out.answer else f"not judged: {out.gap}", lang) if out else ""
                if c.id in answers and (c.mode != "automated" or answer is None):
                    given, note = answers[c.id]
                    answer, origin = given, "answers"
                    evidence = "sakip-answers.yaml" + (f": {note}" if note else "") + (f" (documents: {out.evidence})" if out and out.evidence else "")
                elif c.mode == "manual" and not answer:
                    evidence = "manual: left open (answer it in sakip-answers.yaml)" if lang == "en" else "manual: dibiarkan terbuka (isi di sakip-answers.yaml)"
                value = VALUES.get(answer) if answer else None
                worst: list[Worst] = []
                if out and out.bad and origin == "documents":
                    ordered = sorted(out.bad.items(), key=lambda kv: (-len(kv[1]), kv[0]))
                    for ref, reasons in ordered[: int(opts["worst"])]:
                        file, line = ctx.position(ref)
                        worst.append(Worst(ref, reasons, file, line))
                    rest = len(out.bad) - len(worst)
                    codes = sorted({r for rs in out.bad.values() for r in rs if r.startswith("CAS")})
                    if rest > 0:
                        evidence += _say(f"; {rest} more", lang) + (f": cascade lint --select {','.join(codes)}" if codes else "")
                    elif codes:
                        evidence += _say(f"; rules: {','.join(codes)}", lang)
                if value is not None:
                    points += c.weight * value
                    assessed += c.weight
                crit_results.append(CriterionResult(c.id, c.component, c.subcomponent, text, c.mode, answer, value, evidence,
                                                    tuple(worst), c.weight, origin, out.ok if out else None,
                                                    out.total if out else None, len(out.bad) if out else 0))
                if out and origin == "documents":
                    mv = _move(c, out, opts["thresholds"])
                    if mv:
                        moves.append(mv)
            fulfilled = points / assessed if assessed else None
            band, bval = band_88(fulfilled) if fulfilled is not None else (None, None)
            subs.append(SubComponentResult(comp.id, sub.id, sub.number, sub.kind, sub.name_id if lang == "id" else sub.name_en,
                                           sub.weight, round(points, 4), round(assessed, 4), fulfilled, band, bval))
            total_points += points
            total_assessed += assessed
        comps.append(ComponentResult(comp.id, comp.name_id if lang == "id" else comp.name_en, comp.weight,
                                     round(sum(s.score for s in subs), 4), round(sum(s.assessed_weight for s in subs), 4), tuple(subs)))
    total = round(100 * total_points / total_assessed, 2) if total_assessed else 0.0
    moves.sort(key=lambda m: (-m.gain, m.fixes, m.criterion))
    return SakipResult(scope.to_dict(), year, tuple(crit_results), tuple(comps), total, round(total_assessed, 4),
                       predikat_of(total) if total_assessed else None, tuple(moves), lang, cat.id, tuple(answer_findings))

