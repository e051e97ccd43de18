"""CAS7xx: realisasi and capaian (issue 17), and the measured rows that views and tools read.

The rules look only at indicators that carry at least one realisasi (``realized:`` on the
indicator, or a ``kind: realisasi`` document): a plan without realisasi gets no finding from them.

Shared with the views (:mod:`cascade.views.capaian`) and other tools: :func:`measurements` (every
indicator's realisasi and Perjanjian Kinerja targets, with where each value is written),
:func:`capaian_rows` (one typed :class:`CapaianRow` per indicator and year) and :func:`as_of`. The
capaian itself is :func:`cascade.core.capaian.capaian`, the one implementation.

Options that concern every capaian (the workspace's ``formula`` for lower-is-better indicators, the
category ``bounds``, ``tolerance`` of stable targets) are options of ``low-achievement`` (CAS702);
the "as of" year is the option ``as_of`` of ``missing-realization`` (CAS701), which the
configuration's top-level ``as-of``, ``--as-of`` and ``as_of=`` set.
"""

from __future__ import annotations

import datetime
import math
import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from ..core.capaian import CATEGORIES, DEFAULT_BOUNDS, FORMULAS, PrintedCapaian, capaian, category, category_rank
from ..core.errors import UsageError
from ..core.findings import Finding, Severity
from ..core.models import Indicator, Range, Realized
from ..core.refs import CASCADE_LINKS
from .base import REGISTRY, Rule, make_finding
from .indicators import PERCENT_UNITS, indicator_links, normalize_name, normalize_unit, polarity_of, show, word_pattern

if TYPE_CHECKING:
    from .context import Context

__all__ = [
    "Entry",
    "Measured",
    "CapaianRow",
    "as_of",
    "measurements",
    "capaian_rows",
    "capaian_settings",
]


class Entry(NamedTuple):
    """One written value (a realisasi or a PK target): the value and where it is written."""

    value: Any
    status: str | None
    source: str | None
    doc: str  # the id of the document whose file holds the value
    path: tuple  # the value's path in that document


@dataclass(slots=True)
class Measured:
    """What is known of one indicator beyond its plan: realisasi and PK targets by year."""

    realized: dict[int, Entry] = field(default_factory=dict)
    pk_targets: dict[int, Entry] = field(default_factory=dict)
    #: Capaian as a realisasi table prints it (value: :class:`~cascade.core.capaian.PrintedCapaian`).
    printed: dict[int, Entry] = field(default_factory=dict)
    #: Years whose realisasi is written as not available (``n/a``, ``-``: :data:`NOT_AVAILABLE`), as
    #: an LKjIP prints it: no realisasi for that year (CAS701), not a text realisasi.
    unavailable: dict[int, Entry] = field(default_factory=dict)


#: A realisasi written so says there is none (an LKjIP's ``n/a``); compared stripped and case folded.
#: ``tidak ada`` and ``nihil`` are left out: for a count they mean zero.
NOT_AVAILABLE = frozenset({"na", "n/a", "n.a", "n.a.", "-", "--", "\u2013", "\u2014"})


def _not_available(value: Any) -> bool:
    return value.__class__ is str and value.strip().casefold() in NOT_AVAILABLE


class CapaianRow(NamedTuple):
    """One indicator in one year: target, realisasi, capaian and category (the JSON row of issue 17).

    ``target`` is a number, a :class:`~cascade.core.models.Range` or text (the PK target when the
    year has one, else the plan's); ``capaian`` None with a ``note`` when it cannot be computed.
    """

    ref: str
    document: str
    tier: str | None
    element: str
    year: int
    target: Any
    target_source: str  # "plan" or "pk"
    realized: Any
    capaian: float | None
    category: str | None
    polarity: str | None
    polarity_source: str | None
    status: str | None
    source: str | None
    note: str


def as_of(ctx: "Context") -> int:
    """The "as of" year of this run: the option ``as_of`` of CAS701, else the current year."""
    value = ctx.option(REGISTRY["CAS701"], "as_of")
    if value is None:
        return datetime.date.today().year
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2200:
        raise UsageError(f"as-of must be a year, not {value!r}")
    return value


def capaian_settings(ctx: "Context") -> tuple[str, tuple[float, ...], float]:
    """The run's ``formula``, category ``bounds`` and stable ``tolerance`` (options of CAS702)."""

    def build(ctx: "Context") -> tuple[str, tuple[float, ...], float]:
        rule = REGISTRY["CAS702"]
        formula = ctx.option(rule, "formula")
        if formula not in FORMULAS:
            raise UsageError(f"low-achievement: formula must be one of {', '.join(FORMULAS)}, not {formula!r}")
        bounds = ctx.option(rule, "bounds")
        if (not isinstance(bounds, (list, tuple)) or len(bounds) != 4
                or not all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in bounds)
                or list(bounds) != sorted(bounds, reverse=True)):
            raise UsageError("low-achievement: bounds must be four numbers, highest first (90, 75, 65, 50)")
        tolerance = ctx.option(rule, "tolerance")
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or tolerance < 0:
            raise UsageError("low-achievement: tolerance must be a number >= 0")
        return formula, tuple(float(b) for b in bounds), float(tolerance)

    return ctx.index("capaian_settings", build)


def _entry(value: Realized, doc: str, path: tuple) -> Entry:
    return Entry(value.value, value.status, value.source, doc, path)


def measurements(ctx: "Context") -> dict[str, Measured]:
    """Every indicator node with realisasi or PK targets, built once per run.

    Inline ``realized:`` values come first; a realisasi document's values (``kind: realisasi``,
    kept by the graph builder in the graph's ``realisasi`` attribute) are added to them, a year
    written in both places taking the document's value (the later, yearly update).
    """

    def build(ctx: "Context") -> dict[str, Measured]:
        G = ctx.graph
        out: dict[str, Measured] = {}
        indicators = ctx.nodes_of("indicator")
        if ctx.nodes_by_doc is not None:  # the incremental engine: only documents with realisasi
            indicators = [n for d, p in ctx.documents.items() if p.measured and (ctx.scope is None or d in ctx.scope)
                          for n in ctx.nodes_by_doc[d]["indicator"]]
        else:  # only the indicators of documents with an inline realized value (each asked once per parse)
            measured = {d for d, p in ctx.documents.items() if p.measured}
            if len(measured) < len(ctx.documents):
                indicators = [n for n in indicators if G._node[n]["doc"] in measured] if measured else []
        for node in indicators:
            attrs = G._node[node]
            realized = attrs["model"].realized
            if realized:
                path = attrs["path"]
                m = out[node] = Measured({y: _entry(v, attrs["doc"], path + ("realized", str(y))) for y, v in realized.items()})
                for y in [y for y, e in m.realized.items() if _not_available(e.value)]:
                    m.unavailable[y] = m.realized.pop(y)
        for rdoc_id, items in G.graph.get("realisasi", {}).items():
            if ctx.scope is not None and rdoc_id not in ctx.scope and not any(n.split(":")[0] in ctx.scope for n, *_ in items):
                continue
            for node, kind, year, value, path in items:
                m = out.get(node)
                if m is None:
                    m = out[node] = Measured({}, {})
                if kind == "realized":
                    entry = Entry(value.value, value.status, value.source, rdoc_id, path)
                    if _not_available(value.value):  # the document's word for the year: none
                        m.realized.pop(year, None)
                        m.unavailable[year] = entry
                    else:
                        m.realized[year] = entry
                        m.unavailable.pop(year, None)
                elif kind == "pk":
                    m.pk_targets[year] = Entry(value, None, None, rdoc_id, path)
                else:  # a printed capaian
                    m.printed[year] = Entry(value, None, None, rdoc_id, path)
        return out

    return ctx.index("measurements", build)


def _plain_positive(value: float) -> tuple[float | None, str]:
    """:func:`cascade.core.capaian.capaian` of a positive indicator with finite numbers, target not 0."""
    if not math.isfinite(value):
        return None, "out of range"
    return round(value, 2) + 0.0, ""


def _formula(ind: Indicator, default: str) -> str:
    return ind.capaian_formula or default


def capaian_rows(ctx: "Context", year: int | None = None) -> list[CapaianRow]:
    """One row per measured indicator and year up to the as-of year (or only ``year``), in graph order.

    Only indicators with at least one realisasi have rows (nothing is invented where nothing is
    measured); their years are those with a target or a realisasi.
    """
    key = f"capaian_rows:{year}"

    def build(ctx: "Context") -> list[CapaianRow]:
        G = ctx.graph
        formula, bounds, tolerance = capaian_settings(ctx)
        last = as_of(ctx)
        rows: list[CapaianRow] = []
        wild = implausible(ctx)
        for node, m in measurements(ctx).items():
            if not m.realized:
                continue
            attrs = G._node[node]
            ind: Indicator = attrs["model"]
            doc, tier, element = attrs["doc"], attrs["tier"], attrs["element"]
            pol = polarity_of(ctx, ind)
            positive = pol.value == "positive"
            targets = ind.targets
            years = sorted({*targets, *m.realized, *m.pk_targets})
            for y in years:
                if y > last or (year is not None and y != year):
                    continue
                pk = m.pk_targets.get(y)
                target = pk.value if pk is not None else targets.get(y)
                entry = m.realized.get(y)
                if target is None and entry is None:
                    continue
                if entry is None:  # a target and no realisasi: no capaian, said without computing
                    realized, value, note = None, None, "no realisasi"
                elif (node, y) in wild:  # CAS703: a value no capaian is computed from
                    realized, value, note = entry.value, None, "implausible"
                else:
                    realized = entry.value
                    if (positive and target.__class__ is float and realized.__class__ is float and target
                            and math.isfinite(target) and math.isfinite(realized)):
                        # the common case, as core.capaian computes it, without the call
                        value, note = _plain_positive(realized / target * 100)
                    else:
                        value, note = capaian(target, realized, pol.value, _formula(ind, formula), tolerance)
                rows.append(CapaianRow(node, doc, tier, element, y, target,
                                       "pk" if pk is not None else "plan", realized, value,
                                       None if value is None else category(value, bounds),
                                       pol.value, pol.source, entry.status if entry else None,
                                       entry.source if entry else None, note))
        return rows

    return ctx.index(key, build)


def _at(ctx: "Context", rule: type[Rule] | Rule, ref: str, doc: str, path: tuple, variant: str = "default", **args: Any) -> Finding:
    """A finding placed where a value is written (an indicator's file, or a realisasi document's)."""
    parsed = ctx.documents[doc] if doc in ctx.documents else ctx.graph.graph["realisasi_docs"][doc]
    span, ptr = parsed.sourcemap.locate(path)
    return make_finding(rule.code, variant, ref=ref, file=parsed.file, span=span, pointer=ptr, **args)


def _show(value: Any) -> str:
    return show(value) if not isinstance(value, str) else value


class MissingRealization(Rule):
    """A past year with a target and no realisasi, for an indicator that has realisasi for some year.

    Past years are those up to the "as of" year minus one (option ``as_of``; the configuration's
    ``as-of``, ``--as-of``; default the current year): the year being reported is still open. An
    indicator without any realisasi is not judged (a plan that does not report realisasi gets no
    finding), unless a realisasi table reports the year: a row that prints the year's target and
    "n/a" for its realisasi (Inspektorat Kabupaten Sampang, LKjIP 2019, Tabel 3.1: target 55%,
    realisasi n/a) is a year reported without a realisasi. A realisasi written as not available
    (``n/a``, ``na``, ``n.a.``, ``-``, a dash: ``realized: {2022: n/a}``, as LKjIP tables print it)
    is no realisasi either, not a text realisasi: such a year is reported too, also for an indicator
    with no other realisasi, and the finding stands at the ``n/a``. Elsewhere the finding stands at
    the year's target.

    Why: an LKjIP compares each year's realisasi with its target and with the years before; a year
    left blank in the middle of a series hides exactly the year that went wrong.

    Basis: PermenPANRB 88/2021 (Pelaporan 2.3-2.6: realisasi against target, against previous
    years and against the medium-term target); Permendagri 86/2017 (evaluasi hasil RKPD and
    Renstra: realisasi per year of the period).

    Failing (as of 2024: 2022 has a target and no realisasi)::

        targets: {2021: 72.6, 2022: 72.8, 2023: 73.0}
        realized: {2021: 72.7, 2023: 73.1}

    Passing::

        targets: {2021: 72.6, 2022: 72.8, 2023: 73.0}
        realized: {2021: 72.7, 2022: 72.9, 2023: 73.1}
    """

    code = "CAS701"
    name = "missing-realization"
    severity = Severity.WARNING
    reads = "own"
    options = {"as_of": None}
    messages = {
        "default": {
            "en": "indicator '{name}' has a target and no realisasi for {year}",
            "id": "indikator '{name}' memiliki target tetapi tidak ada realisasi untuk tahun {year}",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        measured = measurements(ctx)
        if not measured:
            return
        last = as_of(ctx) - 1
        # the rows of capaian (shared with CAS702, CAS704 and the views) are exactly the measured
        # indicators' years with a target or a realisasi, in graph order and year order: a row
        # without realisasi is a year with a target (the PK's when the year has one) and none
        for row in capaian_rows(ctx):
            if row.realized is not None or row.year > last:
                continue
            written = measured[row.ref].unavailable.get(row.year)
            if written is not None:  # `n/a` where the realisasi goes: the finding stands there
                yield _at(ctx, self, row.ref, written.doc, written.path, name=ctx.graph._node[row.ref]["model"].name, year=row.year)
            elif row.target_source == "pk":
                pk = measured[row.ref].pk_targets[row.year]
                yield _at(ctx, self, row.ref, pk.doc, pk.path, name=ctx.graph._node[row.ref]["model"].name, year=row.year)
            else:
                yield ctx.finding(self, row.ref, field=("targets", str(row.year)),
                                  name=ctx.graph._node[row.ref]["model"].name, year=row.year)
        # an indicator without any realisasi has no capaian row: its years a realisasi table reports,
        # and the years its realisasi is written as not available (n/a)
        for node, m in measured.items():
            if m.realized:
                continue
            name = ctx.graph._node[node]["model"].name
            for year in sorted({*m.pk_targets, *m.unavailable}):
                if year <= last:
                    at = m.unavailable.get(year) or m.pk_targets[year]
                    yield _at(ctx, self, node, at.doc, at.path, name=name, year=year)


class LowAchievement(Rule):
    """A capaian in the category ``rendah`` or worse (option ``threshold``: the best category that
    is still reported).

    Capaian as :mod:`cascade.core.capaian` computes it: realisasi / target x 100 for higher-is-better
    indicators; for lower-is-better ones (2 - realisasi / target) x 100 (option ``formula: lkjip``,
    the LKjIP practice) or target / realisasi x 100 (``sipd``; per indicator ``capaian_formula``).
    Categories (option ``bounds``): sangat tinggi > 90, tinggi > 75, sedang > 65, rendah > 50,
    sangat rendah <= 50. The finding stands where the realisasi is written.

    Why: a low capaian is what an evaluation (and the inspectorate's review of an LKjIP) asks the
    agency to explain; listing it in review keeps the explanation next to the number.

    Basis: Permendagri 86/2017 (evaluation scale of capaian kinerja: sangat tinggi, tinggi, sedang,
    rendah, sangat rendah); PermenPANRB 8/2021 (capaian of a lower-is-better indicator,
    (1 + (1 - R/T)) x 100%).

    Failing (capaian 60, rendah)::

        targets: {2023: 80}
        realized: {2023: 48}

    Passing (capaian 95, sangat tinggi)::

        targets: {2023: 80}
        realized: {2023: 76}
    """

    code = "CAS702"
    name = "low-achievement"
    severity = Severity.WARNING
    reads = "own"
    options = {"threshold": "rendah", "formula": "lkjip", "bounds": list(DEFAULT_BOUNDS), "tolerance": 0.0}
    messages = {
        "default": {
            "en": "indicator '{name}' reached capaian {capaian} ({category}) in {year}: realisasi {realized} against target {target}",
            "id": "capaian indikator '{name}' tahun {year} {capaian} ({category}): realisasi {realized} dari target {target}",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        if not measurements(ctx):
            return
        threshold = ctx.option(self, "threshold")
        if threshold not in CATEGORIES:
            raise UsageError(f"low-achievement: threshold must be one of {', '.join(CATEGORIES)}")
        worst = category_rank(threshold)
        measured = measurements(ctx)
        for row in capaian_rows(ctx):
            if row.category is None or category_rank(row.category) < worst:
                continue
            entry = measured[row.ref].realized[row.year]
            yield _at(ctx, self, row.ref, entry.doc, entry.path, name=ctx.graph._node[row.ref]["name"],
                      capaian=f"{row.capaian:g}", category=row.category, year=row.year,
                      realized=_show(row.realized), target=_show(row.target))


_SHARE_WORDS = ["persentase", "cakupan", "proporsi", "rasio", "prosentase"]
_GROWTH_WORDS = ["pertumbuhan", "laju", "perubahan", "kenaikan", "penurunan"]


class RealizationImplausible(Rule):
    """A realisasi that cannot be right: a share above 100 or below 0, or a value orders of
    magnitude off the indicator's own path.

    A share is an indicator whose unit is a percent (``%``, ``persen``) or, without a unit, whose
    name says persentase, cakupan, proporsi or rasio (option ``share_words``); a name that says
    growth or change (``pertumbuhan``, ``laju``...: option ``growth_words``) may be negative and is
    not held to 0-100. Off the path: more than ``factor`` (default 50) times, or less than 1/factor
    of, the median of the indicator's positive numbers (targets, PK targets, baseline, final and
    realisasi; at least three of them), the mark of a misplaced decimal point or a share written
    as a fraction.

    Why: a typed 7310 for 73.10 gives a capaian of 10 000 and pulls every roll-up above it; it must
    be caught where it is written, not in the published table. Until it is corrected, no capaian is
    computed from it (``cascade capaian`` shows the realisasi with the note ``implausible``), so no
    mean, heat map or SAKIP score counts it.

    Basis: PermenPANRB 88/2021 (data kinerja must be valid and reliable: keandalan data);
    Permendagri 86/2017 (pengendalian: verification of realisasi data).

    Failing::

        name: Persentase desa berstatus mandiri
        unit: "%"
        realized: {2023: 112}

    Passing::

        name: Persentase desa berstatus mandiri
        unit: "%"
        realized: {2023: 12}
    """

    code = "CAS703"
    name = "realization-implausible"
    severity = Severity.WARNING
    reads = "own"
    options = {"share_words": list(_SHARE_WORDS), "growth_words": list(_GROWTH_WORDS), "factor": 50.0}
    messages = {
        "default": {
            "en": "indicator '{name}' is a share and its realisasi {realized} for {year} is outside 0-100",
            "id": "indikator '{name}' berupa persentase dan realisasi {realized} tahun {year} di luar 0-100",
        },
        "scale": {
            "en": "realisasi {realized} of indicator '{name}' for {year} is far off its own values (median {median})",
            "id": "realisasi {realized} indikator '{name}' tahun {year} jauh dari nilai-nilainya sendiri (median {median})",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for (node, y), (variant, entry, args) in implausible(ctx).items():
            yield _at(ctx, self, node, entry.doc, entry.path, variant, name=G._node[node]["model"].name, year=y, **args)


def implausible(ctx: "Context") -> dict[tuple[str, int], tuple[str, "Entry", dict[str, str]]]:
    """The realisasi :class:`RealizationImplausible` (CAS703) reports, by (indicator, year): the
    message variant, the entry and the message's numbers. :func:`capaian_rows` computes no capaian
    from them (note ``implausible``), so that no roll-up, heat map or SAKIP score averages a 7310
    typed for 73.10."""

    def build(ctx: "Context") -> dict[tuple[str, int], tuple[str, Entry, dict[str, str]]]:
        out: dict[tuple[str, int], tuple[str, Entry, dict[str, str]]] = {}
        measured = measurements(ctx)
        if not measured:
            return out
        G = ctx.graph
        rule = RealizationImplausible
        share = word_pattern(normalize_name(w) for w in ctx.option(rule, "share_words"))
        growth = word_pattern(normalize_name(w) for w in ctx.option(rule, "growth_words"))
        factor = float(ctx.option(rule, "factor"))
        for node, m in measured.items():
            realized = [(y, e) for y, e in sorted(m.realized.items()) if isinstance(e.value, float)]
            if not realized:
                continue
            ind: Indicator = G._node[node]["model"]
            unit = normalize_unit(ind.unit)
            if unit:
                is_share = unit in PERCENT_UNITS
            else:
                is_share = bool(share and share.search(normalize_name(ind.name)))
            if is_share and growth and growth.search(normalize_name(ind.name)):
                is_share = False
            targets = [*ind.targets.values(), *(e.value for e in m.pk_targets.values())]
            numbers = [v for v in targets if isinstance(v, float) and v > 0]
            if len(numbers) < len(targets):  # a range, a text or a target not positive
                for target in targets:
                    if isinstance(target, Range):
                        numbers += [b for b in (target.min, target.max) if b is not None and b > 0]
            numbers += [v for v in (ind.baseline.value if ind.baseline else None, ind.final) if isinstance(v, float) and v > 0]
            numbers += [e.value for _, e in realized if e.value > 0]
            # the median of all the indicator's numbers, its own realisasi included: with three or
            # more of them one wild value cannot move it far, and it is computed once per indicator.
            # When the largest is within ``factor`` of the smallest, no value can be that far off the
            # median (which lies between them): the sort is skipped, as for nearly every indicator.
            median = None
            if len(numbers) >= 3 and max(numbers) > min(numbers) * factor:
                median = statistics.median(numbers)
            for y, entry in realized:
                value = entry.value
                if is_share and not 0 <= value <= 100:
                    out[(node, y)] = ("default", entry, {"realized": f"{value:g}"})
                    continue
                if median is None or value <= 0:
                    continue
                if value > median * factor or value * factor < median:
                    out[(node, y)] = ("scale", entry, {"realized": f"{value:g}", "median": f"{median:g}"})
        return out

    return ctx.index("implausible_realisasi", build)


def _supporting(ctx: "Context", node: str) -> list[str]:
    """The indicators that support ``node`` from below: its ``supports`` links, else the indicators
    of the elements that cascade into its element (``parent``/``supports``)."""

    def build(ctx: "Context") -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for link in indicator_links(ctx):
            out.setdefault(link.upper, []).append(link.lower)
        return out

    linked = ctx.index("supporting_indicators", build).get(node)
    if linked:
        return linked
    G = ctx.graph
    element = G._node[node]["element"]
    out = []
    for below, edge in G._pred[element].items():
        if edge.get("type") in CASCADE_LINKS and G._node[below]["type"] == "element":
            out += [i for i, e in G._pred[below].items() if e.get("type") == "indicator_of"]
    return out


class IneffectiveCascade(Rule):
    """The indicators below reached their targets while the outcome they support fell short, or the
    outcome was met while every indicator below failed: the pohon kinerja's theory of change does
    not hold in that year.

    The indicators below an indicator are those that name it in ``supports``, else the indicators
    of the elements that cascade into its element (``parent``, ``supports``). For each year in which
    the outcome and at least one indicator below have a capaian: reported when the mean capaian
    below is >= 100 and the outcome's is below ``tinggi`` (option ``short_of``), or when the
    outcome's capaian is >= 100 and every capaian below is under 100. The finding stands at the
    outcome's realisasi.

    Why: a cascade is a claim that the programs drive the outcome. When every program meets its
    target and the outcome does not move, the programs (or their indicators) are the wrong ones;
    when the outcome moves with every program failing, it moved for other reasons. Either way the
    next Renstra should rethink the tree, and no other tool shows it.

    Basis: PermenPANRB 89/2021 (pohon kinerja: the cascade of outcome and output is a causal
    chain); PermenPANRB 88/2021 (Pelaporan: analysis of the causes of achievement and failure).

    Failing (2023: the program met its target, the sasaran it supports fell short)::

        - id: S1.I1            # indicator of sasaran S1
          name: Angka kemiskinan
          polarity: negative
          targets: {2023: 8.0}
          realized: {2023: 12.0}   # capaian 50
        - id: P1.I1            # indicator of program P1, below S1
          name: Persentase KPM yang menerima bantuan sosial
          supports: S1.I1
          targets: {2023: 90}
          realized: {2023: 95}     # capaian 105.56

    Passing (the sasaran met too)::

        - id: S1.I1
          name: Angka kemiskinan
          polarity: negative
          targets: {2023: 8.0}
          realized: {2023: 7.9}
    """

    code = "CAS704"
    name = "ineffective-cascade"
    severity = Severity.WARNING
    options = {"short_of": "tinggi"}
    messages = {
        "default": {
            "en": "in {year} the indicators below '{name}' reached their targets (mean capaian {mean}) while it reached only {capaian}",
            "id": "tahun {year} indikator di bawah '{name}' mencapai target (rata-rata capaian {mean}) sedangkan capaiannya hanya {capaian}",
        },
        "outcome-met": {
            "en": "in {year} '{name}' reached its target ({capaian}) while every indicator below failed (best {best})",
            "id": "tahun {year} '{name}' mencapai target ({capaian}) sedangkan semua indikator di bawahnya gagal (tertinggi {best})",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        measured = measurements(ctx)
        if not measured:
            return
        short_of = ctx.option(self, "short_of")
        if short_of not in CATEGORIES:
            raise UsageError(f"ineffective-cascade: short_of must be one of {', '.join(CATEGORIES)}")
        rank = category_rank(short_of)
        by_ind: dict[str, dict[int, CapaianRow]] = {}
        for row in capaian_rows(ctx):
            if row.capaian is not None:
                by_ind.setdefault(row.ref, {})[row.year] = row
        for node, years in by_ind.items():
            lower = [by_ind[i] for i in _supporting(ctx, node) if i in by_ind]
            if not lower:
                continue
            for y, row in sorted(years.items()):
                values = [r[y].capaian for r in lower if y in r]
                if not values:
                    continue
                entry = measured[node].realized[y]
                name = ctx.graph._node[node]["name"]
                mean = sum(values) / len(values)
                if mean >= 100 and category_rank(row.category) > rank:
                    yield _at(ctx, self, node, entry.doc, entry.path, year=y, name=name, mean=f"{round(mean, 2):g}",
                              capaian=f"{row.capaian:g}")
                elif row.capaian >= 100 and max(values) < 100:
                    yield _at(ctx, self, node, entry.doc, entry.path, "outcome-met", year=y, name=name,
                              capaian=f"{row.capaian:g}", best=f"{max(values):g}")


class RealizationDrift(Rule):
    """A cumulative coverage indicator whose realisasi falls from one year to the next.

    Coverage: a name saying cakupan or persentase (option ``words``) with a positive effective
    polarity (declared, or read from the name); lower-is-better and unknown polarities are not
    judged, since a share of something bad (persentase balita stunting) is not cumulative. Compared
    between consecutive years that both have a numeric realisasi. The finding stands at the later
    year's realisasi.

    Why: coverage built up year by year (households with access to water, villages with a plan)
    does not fall unless the data changed definition or was entered wrong; SIPD's monitoring flags
    the same.

    Basis: Permendagri 86/2017 (pengendalian dan evaluasi: consistency of realisasi between years);
    SIPD monitoring practice (a realisasi below the previous year's for a cumulative indicator).

    Failing::

        name: Cakupan rumah tangga dengan akses air minum layak
        realized: {2022: 91.2, 2023: 88.4}

    Passing::

        name: Cakupan rumah tangga dengan akses air minum layak
        realized: {2022: 91.2, 2023: 92.0}
    """

    code = "CAS705"
    name = "realization-drift"
    severity = Severity.INFO
    reads = "own"
    options = {"words": ["cakupan", "persentase", "prosentase"]}
    messages = {
        "default": {
            "en": "realisasi of coverage indicator '{name}' fell from {before} ({previous}) to {after} ({year})",
            "id": "realisasi indikator cakupan '{name}' turun dari {before} ({previous}) menjadi {after} ({year})",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        measured = measurements(ctx)
        if not measured:
            return
        words = word_pattern(normalize_name(w) for w in ctx.option(self, "words"))
        if words is None:
            return
        G = ctx.graph
        for node, m in measured.items():
            if len(m.realized) < 2:
                continue
            ind: Indicator = G._node[node]["model"]
            if not words.search(normalize_name(ind.name)) or polarity_of(ctx, ind).value != "positive":
                continue
            years = sorted(m.realized)
            for a, b in zip(years, years[1:]):
                va, vb = m.realized[a].value, m.realized[b].value
                if b == a + 1 and isinstance(va, float) and isinstance(vb, float) and vb < va:
                    entry = m.realized[b]
                    yield _at(ctx, self, node, entry.doc, entry.path, name=ind.name, before=f"{va:g}",
                              previous=a, after=f"{vb:g}", year=b)


class UnmatchedRealisasiRow(Rule):
    """A row of a realisasi table (or a ``rows:`` entry of a realisasi document) whose printed
    indicator name does not name exactly one indicator of the plan it reports on (``for``).

    LKjIP tables name indicators as printed, not by reference. A row's name is compared with the
    names of the plan's indicators with case, spacing, line breaks and punctuation ignored; when
    several indicators have that name, the row's sasaran (the ``Sasaran`` column, a sasaran banner
    row, or ``sasaran:``) must be the sasaran of one of them (or of an element above it). Reported
    at the row's indicator cell: a name that matches no indicator (with the closest name as a
    did-you-mean), a name several indicators share that the sasaran does not tell apart, and a row
    giving the same years for an indicator as an earlier row. Such a row gives no value: a value is
    never put on an indicator by a guess. Where the printed name differs from the plan's, name the
    indicator outright: ``ref:`` on the row, or ``names: {"<printed name>": <ref>}`` in the table's
    sidecar.

    Why: an LKjIP row matched to the wrong indicator puts one indicator's realisasi on another, and
    every capaian, category and roll-up above it is then wrong without any sign; a row matched to
    nothing silently drops a measured value from the evaluation.

    Basis: PermenPANRB 53/2014 and 88/2021 (the LKjIP measures the indicators of the Perjanjian
    Kinerja and the Renstra/RPJMD: the same indicators, by name); Permendagri 86/2017 (evaluasi
    hasil RPJMD and Renstra, per indicator of the plan).

    Failing (the plan names the indicator "Prevalensi Penderita HIV terhadap Penduduk Beresiko")::

        rows:
          - indicator: Menurunnya prevalensi penderita HIV terhadap penduduk beresiko
            realized: {2016: 0.72}

    Passing::

        rows:
          - indicator: Prevalensi penderita HIV terhadap penduduk beresiko
            realized: {2016: 0.72}
    """

    code = "CAS706"
    name = "unmatched-realisasi-row"
    severity = Severity.ERROR
    stage = True
    messages = {
        "default": {
            "en": "row '{name}' names no indicator of {plan}; give the row its ref (ref:, or names: in the sidecar)",
            "id": "baris '{name}' tidak menyebut indikator mana pun dari {plan}; beri baris itu ref-nya (ref:, atau names: di sidecar)",
        },
        "hint": {
            "en": "row '{name}' names no indicator of {plan}; did you mean '{hint}' ({target})? give the row its ref (ref:, or names: in the sidecar)",
            "id": "baris '{name}' tidak menyebut indikator mana pun dari {plan}; maksudnya '{hint}' ({target})? beri baris itu ref-nya (ref:, atau names: di sidecar)",
        },
        "ambiguous": {
            "en": "row '{name}' matches {count} indicators of {plan} ({refs}) and its sasaran does not tell them apart; give the row its ref",
            "id": "baris '{name}' cocok dengan {count} indikator {plan} ({refs}) dan sasarannya tidak membedakannya; beri baris itu ref-nya",
        },
        "twice": {
            "en": "row '{name}' gives {years} for {target}, which an earlier row gives already; this row is left out",
            "id": "baris '{name}' memberi tahun {years} untuk {target}, yang sudah diberikan baris sebelumnya; baris ini diabaikan",
        },
    }


_FORMULA_TEXT = {
    "positive": ("realisasi / target x 100", "realisasi / target x 100"),
    "lkjip": ("(2 - realisasi / target) x 100", "(2 - realisasi / target) x 100"),
    "sipd": ("target / realisasi x 100", "target / realisasi x 100"),
    "stable": ("the stable-target formula", "rumus target stabil"),
    "qualitative": ("the qualitative comparison", "perbandingan kualitatif"),
}


def _decimals(value: float, most: int) -> int:
    """The decimals ``value`` is written with (its shortest form), at most ``most``."""
    text = repr(float(value))
    if "e" in text or "E" in text:
        return most
    whole, _, frac = text.partition(".")
    return min(len(frac.rstrip("0")), most)


def _spread(value: Any) -> list[Any]:
    """``value`` and the ends of what it may have been before it was rounded to the decimals it is
    printed with (a whole number is taken as exact: targets and counts are)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return [value]
    d = _decimals(value, 6)
    if d == 0:
        return [value]
    half = 0.5 * 10 ** -d
    return [value - half, value, value + half]


def capaian_bounds(target: Any, realized: Any, polarity: str | None, formula: str, tolerance: float = 0.0) -> tuple[float, float] | None:
    """The least and greatest unrounded capaian that the printed ``target`` and ``realized`` allow,
    each taken as rounded to the decimals it is printed with (see :func:`_spread`); None when no
    capaian can be computed."""
    targets = _spread(target)
    reals = _spread(realized)
    if polarity == "stable" and isinstance(target, (int, float)) and not isinstance(target, bool) and min(reals) <= target <= max(reals):
        reals.append(target)  # the best case of a value to hold lies inside the interval
    values = [capaian(t, r, polarity, formula, tolerance, digits=None).value for t in targets for r in reals]
    values = [v for v in values if v is not None]
    return (min(values), max(values)) if values else None


class CapaianMismatch(Rule):
    """A capaian printed in a realisasi table that does not follow from the target and realisasi
    the table prints beside it.

    The capaian is recomputed as :mod:`cascade.core.capaian` computes every capaian: with the
    indicator's effective polarity and its formula (``capaian_formula``, else the option
    ``formula`` of CAS702), from the row's target and realisasi of that year (the plan's or PK
    target where the row prints none). Tolerance: every printed number is taken as rounded to the
    decimals it is printed with (target and realisasi within half a unit of their last decimal, a
    whole number as exact), and the printed capaian must lie within the capaian those allow, give or
    take half a unit of its own last decimal (at most 2) plus 1% of that unit. So ``87,10`` beside
    target ``162`` and realisasi ``186`` (t/r: 87.0968) passes, and ``72,52`` beside target ``0,64``
    and realisasi ``0,18`` does not. A table that caps capaian (at 100 when the target is met, as
    some pemda do) passes with the option ``cap: 100``. Nothing is reported where no capaian can be
    computed for want of a number (no target, no realisasi). Where the indicator's polarity is
    unknown (not declared, and its name says nothing), the printed capaian cannot be checked, and a
    finding (variant ``unchecked``) says so and asks for the polarity: Kabupaten Lombok Tengah's
    LKjIP DP3AP2KB 2020 prints capaian 77,78 for "Persentase P2TP2A ... yang aktif" from target
    69,23 and realisasi 53,85, which only a declared polarity can confirm. A capaian that follows
    either way round (100 for a target met exactly) needs no polarity and passes. The finding stands
    at the printed capaian.

    Why: a printed capaian is what the LKjIP's reader, the evaluator and the DPRD read; an
    arithmetic slip, a formula applied the wrong way round for a lower-is-better indicator, or a
    garbled row changes the category the agency reports, and nobody recomputes it by hand.

    Basis: PermenPANRB 53/2014 and 88/2021 (Pengukuran kinerja: capaian = realisasi against target;
    the evaluation checks that reported capaian are accurate); PermenPANRB 8/2021 (capaian of a
    lower-is-better indicator, (1 + (1 - R/T)) x 100%); Permendagri 86/2017 (evaluasi: the same
    capaian formula for every indicator of the plan).

    Failing (Kabupaten Manggarai Timur, LKjIP 2019, Tabel 3.8: Angka Kematian Balita, target/realisasi)::

        rows:
          - indicator: Angka Kematian Balita per 1.000KH
            targets: {2019: 0.64}
            realized: {2019: 0.18}
            capaian: {2019: 72.52}

    Passing (Angka Kematian Bayi of the same table)::

        rows:
          - indicator: Angka Kematian Bayi per 1.000KH
            targets: {2019: 9.20}
            realized: {2019: 9.53}
            capaian: {2019: 96.54}
    """

    code = "CAS707"
    name = "capaian-mismatch"
    severity = Severity.WARNING
    reads = "own"
    options = {"cap": None}
    messages = {
        "default": {
            "en": "capaian {printed} printed for '{name}' in {year} does not follow from target {target} and realisasi {realized}: {formula} gives {computed}",
            "id": "capaian {printed} yang tercetak untuk '{name}' tahun {year} tidak sesuai dengan target {target} dan realisasi {realized}: {formula_id} menghasilkan {computed}",
        },
        "unchecked": {
            "en": "capaian {printed} printed for '{name}' in {year} cannot be checked: the polarity is not declared and cannot be read from the name; declare polarity (positive, negative or stable)",
            "id": "capaian {printed} yang tercetak untuk '{name}' tahun {year} tidak dapat diperiksa: polaritasnya tidak dinyatakan dan tidak dapat dibaca dari nama; nyatakan polarity (positive, negative atau stable)",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        measured = measurements(ctx)
        if not any(m.printed for m in measured.values()):
            return
        cap = ctx.option(self, "cap")
        if cap is not None and (isinstance(cap, bool) or not isinstance(cap, (int, float)) or cap <= 0):
            raise UsageError("capaian-mismatch: cap must be a positive number (100, 120) or null")
        default, _, tolerance = capaian_settings(ctx)
        G = ctx.graph
        for node, m in measured.items():
            if not m.printed:
                continue
            ind: Indicator = G._node[node]["model"]
            pol = polarity_of(ctx, ind).value
            formula = _formula(ind, default)
            for year, entry in sorted(m.printed.items()):
                printed: PrintedCapaian = entry.value
                target = printed.target
                if target is None:
                    pk = m.pk_targets.get(year)
                    target = pk.value if pk is not None else ind.targets.get(year)
                realized = printed.realized
                if realized is None and year in m.realized:
                    realized = m.realized[year].value
                computed = capaian(target, realized, pol, formula, tolerance)
                if computed.note == "polarity unknown":  # numbers both: only the polarity is missing to check it
                    value, fits = float(printed.value), [capaian_bounds(target, realized, p, formula, tolerance)
                                                         for p in ("positive", "negative")]
                    slack = 0.51 * 10 ** -_decimals(value, 2)
                    if all(b is not None and b[0] - slack <= value <= b[1] + slack for b in fits):
                        continue  # it follows either way round (a target met exactly): the polarity does not matter
                    yield _at(ctx, self, node, entry.doc, entry.path, "unchecked",
                              printed=f"{float(printed.value):g}", name=ind.name, year=year)
                    continue
                bounds = capaian_bounds(target, realized, pol, formula, tolerance)
                if computed.value is None or bounds is None:
                    continue
                value = float(printed.value)
                slack = 0.51 * 10 ** -_decimals(value, 2)
                low, high = bounds
                if low - slack <= value <= high + slack:
                    continue
                if cap is not None and abs(value - cap) <= slack and high + slack >= cap:
                    continue  # capped as the table's convention says
                kind = ("qualitative" if isinstance(target, str) else "stable" if pol == "stable"
                        else "positive" if pol == "positive" else formula)
                yield _at(ctx, self, node, entry.doc, entry.path, printed=f"{value:g}", name=ind.name, year=year,
                          target=_show(target), realized=_show(realized), formula=_FORMULA_TEXT[kind][0],
                          formula_id=_FORMULA_TEXT[kind][1], computed=f"{computed.value:g}")
