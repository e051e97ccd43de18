"""CAS4xx: misalignment between linked elements and indicators.

The indicator rules look at indicator ``supports`` links (:func:`~cascade.rules.measure.indicator_links`);
CAS402, CAS403, CAS405 and CAS406 only at links whose two ends measure the same quantity (same
``measure``, or names equal after normalising case, spaces and punctuation): only then can units,
polarities and targets be compared at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from ..core.errors import UsageError
from ..core.findings import Finding, Severity
from ..core.models import Range
from ..core.refs import UP_LINKS, split_ref
from .base import Rule
from .indicators import (
    PERCENT_SPELLINGS,
    Link,
    canonical_unit,
    indicator_links,
    least_ambitious,
    measures,
    same_number,
    numeric_path,
    polarity_field,
    polarity_of,
    show,
    unit_classes,
)
from .nomenclature import CODED_KINDS, bidang_of, code_parts, penunjang

if TYPE_CHECKING:
    from .context import Context

__all__ = [
    "IndicatorOutsideChain",
    "UnitMismatch",
    "PolarityMismatch",
    "IndicatorTypeLevel",
    "WeakTarget",
    "ContradictingTrend",
    "OwnerMismatch",
    "CrosscutMismatch",
    "MeasureTargetMismatch",
]


def _same_measure_links(ctx: "Context") -> list[Link]:
    """The indicator links whose two ends measure the same quantity (shared by CAS402-CAS406)."""

    def build(ctx: "Context") -> list[Link]:
        keys = measures(ctx)
        return [link for link in indicator_links(ctx) if keys[link.lower].same(keys[link.upper])]

    return ctx.index("same_measure_links", build)


def _unit_classes(ctx: "Context") -> dict[str, str]:
    """The unit equivalence classes of the ``unit-mismatch`` option, shared by the rules that compare units."""
    return ctx.index("unit_classes", lambda c: unit_classes(c.option(UnitMismatch, "equivalent_units")))


class IndicatorOutsideChain(Rule):
    """An indicator supports an indicator whose element is not above its own element.

    For an indicator I of element E that supports an indicator J of element F, F must be an
    ancestor of E through element ``parent``, ``supports`` and ``crosscuts`` links: the indicator
    link must follow a path the element links already draw. F equal to E is reported too (an
    indicator cannot support its own element's indicator). The direct links of E are checked first,
    then a breadth-first walk upward from E (bounded at 32 links and 2,000 elements; a walk that
    hits a bound, or that passes an element linking into a document absent from the workspace, is
    inconclusive and reports nothing).

    Why: the indicator link then contradicts the element links; either the element is filed under
    the wrong sasaran or the indicator claims a contribution its goal does not make.

    Basis: PermenPANRB 89/2021 (cascading aligns sasaran, indikator and target along one chain);
    Bappenas' regional plan assessment (regional sasaran map to national sasaran).

    Failing::

        - id: S1
          kind: sasaran
          name: Meningkatnya derajat kesehatan masyarakat
          supports: [jatim.rpjmd-2019:S3.1]
          indicators:
            - id: S1.I1
              name: Tingkat Pengangguran Terbuka
              supports: [jatim.rpjmd-2019:S2.1.I1]   # S2.1 is not above S1

    Passing::

        - id: S1
          kind: sasaran
          name: Meningkatnya derajat kesehatan masyarakat
          supports: [jatim.rpjmd-2019:S3.1]
          indicators:
            - id: S1.I1
              name: Angka Harapan Hidup
              supports: [jatim.rpjmd-2019:S3.1.I1]
    """

    code = "CAS401"
    name = "indicator-outside-chain"
    severity = Severity.ERROR
    reads = "up"
    messages = {
        "default": {
            "en": "supports {target}, but this indicator's element {element} is not below {target_element} through parent, supports or crosscuts links",
            "id": "mendukung {target}, tetapi elemen indikator ini, {element}, tidak berada di bawah {target_element} melalui tautan parent, supports atau crosscuts",
        },
        "same": {
            "en": "supports {target}, an indicator of its own element {element}",
            "id": "mendukung {target}, indikator dari elemennya sendiri {element}",
        },
    }

    #: Bounds of one upward walk. A real cascade is a few dozen elements and links deep (five tiers of
    #: at most five kinds, plus crosscuts); the bounds keep a pathological workspace (a chain of
    #: 100,000 crosscuts) linear instead of quadratic.
    MAX_DEPTH = 32
    MAX_VISITS = 2_000

    def _ancestors(self, ctx: "Context", start: str) -> tuple[set[str], bool]:
        """Elements above ``start``, and whether the walk was complete (no bound hit, nothing external)."""
        G = ctx.graph
        seen = {start}
        frontier = [start]
        complete = True
        for depth in range(self.MAX_DEPTH + 1):
            if not frontier:
                break
            following = []
            for node in frontier:
                if any(kind in UP_LINKS for kind, _ in G._node[node].get("external", ())):
                    complete = False
                for target, edge in G._succ[node].items():
                    if edge.get("type") not in UP_LINKS or target in seen or G._node[target]["type"] != "element":
                        continue
                    if depth == self.MAX_DEPTH or len(seen) >= self.MAX_VISITS:
                        return seen - {start}, False
                    seen.add(target)
                    following.append(target)
            frontier = following
        seen.discard(start)
        return seen, complete

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        # links come grouped by indicator, indicators by element: one walk serves a whole group
        walked: tuple[str, set[str], bool] | None = None
        for link in indicator_links(ctx):
            element = G._node[link.lower]["element"]
            target_element = G._node[link.upper]["element"]
            field = ("supports", link.index)
            if element == target_element:
                yield ctx.finding(self, link.lower, "same", field=field, target=link.upper, element=element)
                continue
            edge = G._succ[element].get(target_element)
            if edge is not None and edge.get("type") in UP_LINKS:
                continue
            if walked is None or walked[0] != element:
                walked = (element, *self._ancestors(ctx, element))
            _, above, complete = walked
            if target_element not in above and complete:
                yield ctx.finding(
                    self, link.lower, field=field, target=link.upper, element=element, target_element=target_element
                )


class UnitMismatch(Rule):
    """Same-measure indicators linked across tiers with different units.

    For an indicator ``supports`` link between documents of different tiers whose two ends measure
    the same quantity, the units must be the same after normalising case and spaces, or belong to
    one group of equivalent spellings.

    Option ``equivalent_units`` (default ``[["%", "persen", "percent", "prosen"]]``): groups of
    unit names that mean the same. A caller's value replaces the default, so to add a group pass
    the default group too (``[["%", "persen", "percent", "prosen"], ["orang", "jiwa"]]``). CAS405 compares targets only
    across units this option calls equal.

    Why: a regional "Tingkat Kemiskinan" in ``jiwa`` under a national one in ``%`` cannot be summed,
    compared or reported upward; the chain looks aligned but measures two things.

    Basis: PermenPANRB 89/2021 (cascading carries the indicator and its target down); Permendagri
    86/2017 tables (satuan per indikator).

    Failing::

        # jatim.rpjmd-2019:S1.I1 is "Tingkat Kemiskinan" in %
        - id: S1.I1
          name: Tingkat Kemiskinan
          unit: jiwa
          supports: [jatim.rpjmd-2019:S1.I1]

    Passing::

        - id: S1.I1
          name: Tingkat Kemiskinan
          unit: persen
          supports: [jatim.rpjmd-2019:S1.I1]
    """

    code = "CAS402"
    name = "unit-mismatch"
    severity = Severity.ERROR
    reads = "targets"
    options = {"equivalent_units": [list(PERCENT_SPELLINGS)]}
    messages = {
        "default": {
            "en": "unit '{unit}' differs from '{target_unit}' of {target}, which this indicator supports and which measures the same quantity",
            "id": "satuan '{unit}' berbeda dari '{target_unit}' pada {target}, yang didukung indikator ini dan mengukur hal yang sama",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        classes = _unit_classes(ctx)
        for link in _same_measure_links(ctx):
            if G._node[link.lower]["tier"] == G._node[link.upper]["tier"]:
                continue
            unit = G._node[link.lower]["model"].unit
            target_unit = G._node[link.upper]["model"].unit
            a, b = canonical_unit(unit, classes), canonical_unit(target_unit, classes)
            if a is not None and b is not None and a != b:
                yield ctx.finding(self, link.lower, field="unit", unit=unit, target=link.upper, target_unit=target_unit)


class PolarityMismatch(Rule):
    """Same-measure indicators with opposite polarity.

    For an indicator ``supports`` link whose two ends measure the same quantity, one ``positive``
    (higher is better) and the other ``negative`` (lower is better) is a contradiction. ``stable``
    against either is not opposite and is not reported. An indicator without ``polarity`` has the
    one read from its name (:mod:`cascade.core.polarity`), or none (not compared); at least one end
    must declare its polarity. The finding stands at the lower indicator's ``polarity``, or at the
    indicator when its polarity is read from the name (the message then says so).

    Why: capaian is computed from polarity (realisasi/target for positive, target/realisasi for
    negative); with opposite polarities the same result scores as success below and failure above.

    Basis: monitoring practice (Tren Positif/Tren Negatif, as monitoring systems derived from SIPD define them);
    PermenPANRB 89/2021 (cascading keeps the indicator's meaning).

    Failing::

        # jatim.rpjmd-2019:S1.I1 is "Tingkat Kemiskinan", polarity negative
        - id: S1.I1
          name: Tingkat Kemiskinan
          polarity: positive
          supports: [jatim.rpjmd-2019:S1.I1]

    Passing::

        - id: S1.I1
          name: Tingkat Kemiskinan
          polarity: negative
          supports: [jatim.rpjmd-2019:S1.I1]
    """

    code = "CAS403"
    name = "polarity-mismatch"
    severity = Severity.ERROR
    reads = "targets"
    messages = {
        "default": {
            "en": "polarity {polarity} is the opposite of {target_polarity} of {target}, which this indicator supports and which measures the same quantity",
            "id": "polaritas {polarity} berlawanan dengan polaritas {target_polarity} pada {target}, yang didukung indikator ini dan mengukur hal yang sama",
        },
        "name": {
            "en": "polarity {polarity}, read from the name ('{word}'), is the opposite of {target_polarity} of {target}, which this indicator supports and which measures the same quantity",
            "id": "polaritas {polarity}, dibaca dari nama ('{word}'), berlawanan dengan polaritas {target_polarity} pada {target}, yang didukung indikator ini dan mengukur hal yang sama",
        },
        "target-name": {
            "en": "polarity {polarity} is the opposite of {target_polarity} of {target}, read from its name ('{word}'), which this indicator supports and which measures the same quantity",
            "id": "polaritas {polarity} berlawanan dengan polaritas {target_polarity} pada {target}, dibaca dari namanya ('{word}'), yang didukung indikator ini dan mengukur hal yang sama",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for link in _same_measure_links(ctx):
            lower = G._node[link.lower]["model"]
            upper = G._node[link.upper]["model"]
            low, up = polarity_of(ctx, lower), polarity_of(ctx, upper)
            if {low.value, up.value} != {"positive", "negative"} or "declared" not in (low.source, up.source):
                continue
            if low.source == "name":
                variant, word = "name", low.word
            elif up.source == "name":
                variant, word = "target-name", up.word
            else:
                variant, word = "default", None
            yield ctx.finding(
                self, link.lower, variant, field=polarity_field(lower),
                polarity=low.value, target=link.upper, target_polarity=up.value,
                **({"word": word} if word is not None else {}),
            )


class IndicatorTypeLevel(Rule):
    """The indicator type does not fit its element kind (tujuan impact; sasaran, program outcome; kegiatan output).

    Expected types: tujuan ``impact``; sasaran and program ``outcome``; kegiatan and sub_kegiatan
    ``output``. Checked on elements of rpjmd and renstra documents with those kinds, for indicators that state a
    ``type``. Program Penunjang Urusan Pemerintahan Daerah (a program code whose third part is
    ``01``, e.g. ``1.02.01``), its kegiatan and sub_kegiatan are exempt: their indicators are
    legitimately administrative outputs. An element without a code counts by its nearest
    program/kegiatan ancestor's code. RPJMN kinds, misi and rhk are not checked.

    Why: an output indicator on a sasaran (or a process on a program) measures what was done, not
    what changed; auditors mark it as "indikator tidak berorientasi hasil".

    Basis: the Renstra/RKPD column headers ("Indikator Kinerja Program (outcome)", "Indikator
    Kinerja Kegiatan (output)") of Permendagri 86/2017; Kepmendagri 050-5889/2021 (sub kegiatan
    outputs); tujuan impact by practice.

    Failing::

        - id: S1
          kind: sasaran
          name: Meningkatnya derajat kesehatan masyarakat
          indicators:
            - {id: S1.I1, name: Jumlah puskesmas yang direhabilitasi, type: output, unit: unit}

    Passing::

        - id: S1
          kind: sasaran
          name: Meningkatnya derajat kesehatan masyarakat
          indicators:
            - {id: S1.I1, name: Angka Harapan Hidup, type: outcome, unit: tahun}
    """

    code = "CAS404"
    scope = "document"
    name = "indicator-type-level"
    severity = Severity.WARNING
    messages = {
        "default": {
            "en": "a {kind} indicator should be of type {expected}, not {type}",
            "id": "indikator {kind} seharusnya bertipe {expected}, bukan {type}",
        },
    }

    EXPECTED = {"tujuan": "impact", "sasaran": "outcome", "program": "outcome", "kegiatan": "output", "sub_kegiatan": "output"}
    _DOCUMENT_KINDS = frozenset({"rpjmd", "rpd", "renstra"})

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        exempt = penunjang(ctx)
        for node in ctx.nodes_of("indicator"):
            indicator = G._node[node]["model"]
            if indicator.type is None:
                continue
            element = G._node[node]["element"]
            attrs = G._node[element]
            expected = self.EXPECTED.get(attrs["kind"])
            # a kind its document does not have (level None) is CAS104's, not a level to judge
            if expected is None or attrs["level"] is None or G._node[attrs["doc"]]["kind"] not in self._DOCUMENT_KINDS:
                continue
            if element in exempt:
                continue
            if indicator.type != expected:
                yield ctx.finding(self, node, field="type", kind=attrs["kind"], expected=expected, type=indicator.type)


class WeakTarget(Rule):
    """A regional target is less ambitious than 90% of the target it supports for that year.

    For an indicator ``supports`` link across tiers whose two ends measure the same quantity, have
    the same polarity (``positive`` or ``negative``; ``stable`` is skipped; an end without a
    declared polarity has the one read from its name, and one end known is enough, since both
    measure the same quantity; the message says when it was read from a name) and units that
    CAS402's ``equivalent_units`` calls equal, every year in which both have a numeric target is
    compared:

    - positive: the lower target must reach ``ratio`` x the upper target;
    - negative: the lower target must not exceed the upper target / ``ratio``.

    A range target counts at its least ambitious bound for the direction (``min`` when higher is
    better, ``max`` when lower is better), at both ends, so a range is held only to what it surely
    promises. Qualitative and missing targets are skipped. For a negative upper value the allowance
    is taken on its absolute value, so the threshold is always the less ambitious side of it.

    A region that starts behind is held to the change it plans, not to the level: when both ends
    have a numeric kondisi awal (baseline) before the year and the lower one is already on the weak
    side of the rule (a kabupaten whose poverty rate starts at 15% under a national 9%), the lower
    indicator must plan at least ``ratio`` x the improvement the upper one plans from its own
    kondisi awal to that year, counted from its own (the ``-change`` variants say so). A region
    that starts level or ahead is compared by level as above.

    Option ``ratio`` (default ``0.9``): the share of the upper target (or of its planned change)
    that counts as aligned.

    Why: a regional plan that aims below the national target cannot deliver its share of it; one
    that starts far behind cannot reach the national level in a period, and is judged by how much of
    the national effort it plans.

    Basis: Bappenas' assessment of regional plans (Kementerian PPN/Bappenas): a regional macro
    target counts as aligned when it reaches at least 90% of the national target; the ratio is an
    option, since the figure is a practice of that assessment rather than a regulation's text; for
    rates where a region starts far from the national level, the planned reduction is the fairer
    comparison (practice).

    Failing (the national 2024 target of Indeks Pembangunan Manusia is 75.54)::

        - id: S1.I1
          name: Indeks Pembangunan Manusia
          targets: {2024: 67.0}             # below 0.9 x 75.54 = 67.99
          supports: [rpjmn-2020:PN3.I1]

    Passing::

        - id: S1.I1
          name: Indeks Pembangunan Manusia
          targets: {2024: 70.0}
          supports: [rpjmn-2020:PN3.I1]
    """

    code = "CAS405"
    name = "weak-target"
    severity = Severity.WARNING
    reads = "targets"
    options = {"ratio": 0.9}
    messages = {
        "positive": {
            "en": "the {year} target {value} is below {percent}% of the {year} target {upper} of {target} (at least {threshold})",
            "id": "target {year} sebesar {value} di bawah {percent}% dari target {year} sebesar {upper} pada {target} (paling sedikit {threshold})",
        },
        "negative": {
            "en": "the {year} target {value} exceeds the {year} target {upper} of {target} by more than the {percent}% rule allows for a lower-is-better indicator (at most {threshold})",
            "id": "target {year} sebesar {value} melebihi target {year} sebesar {upper} pada {target} lebih dari yang dibolehkan aturan {percent}% untuk indikator makin rendah makin baik (paling banyak {threshold})",
        },
        "positive-name": {
            "en": "the {year} target {value} is below {percent}% of the {year} target {upper} of {target} (at least {threshold}; higher is better, read from the name '{word}')",
            "id": "target {year} sebesar {value} di bawah {percent}% dari target {year} sebesar {upper} pada {target} (paling sedikit {threshold}; makin tinggi makin baik, dibaca dari nama '{word}')",
        },
        "negative-name": {
            "en": "the {year} target {value} exceeds the {year} target {upper} of {target} by more than the {percent}% rule allows (at most {threshold}; lower is better, read from the name '{word}')",
            "id": "target {year} sebesar {value} melebihi target {year} sebesar {upper} pada {target} lebih dari yang dibolehkan aturan {percent}% (paling banyak {threshold}; makin rendah makin baik, dibaca dari nama '{word}')",
        },
        "positive-change": {
            "en": "the {year} target {value} plans less than {percent}% of the rise {target} plans from its kondisi awal {upper_base} to {upper}; from its own kondisi awal {base}, at least {threshold} (it starts behind: the change is compared, not the level)",
            "id": "target {year} sebesar {value} merencanakan kenaikan kurang dari {percent}% kenaikan yang direncanakan {target} dari kondisi awal {upper_base} ke {upper}; dari kondisi awalnya sendiri {base}, paling sedikit {threshold} (daerah ini mulai dari belakang: yang dibandingkan perubahannya, bukan tingkatnya)",
        },
        "negative-change": {
            "en": "the {year} target {value} plans less than {percent}% of the fall {target} plans from its kondisi awal {upper_base} to {upper}; from its own kondisi awal {base}, at most {threshold} (it starts behind: the change is compared, not the level)",
            "id": "target {year} sebesar {value} merencanakan penurunan kurang dari {percent}% penurunan yang direncanakan {target} dari kondisi awal {upper_base} ke {upper}; dari kondisi awalnya sendiri {base}, paling banyak {threshold} (daerah ini mulai dari belakang: yang dibandingkan perubahannya, bukan tingkatnya)",
        },
        "positive-change-name": {
            "en": "the {year} target {value} plans less than {percent}% of the rise {target} plans from its kondisi awal {upper_base} to {upper}; from its own kondisi awal {base}, at least {threshold} (it starts behind: the change is compared, not the level; higher is better, read from the name '{word}')",
            "id": "target {year} sebesar {value} merencanakan kenaikan kurang dari {percent}% kenaikan yang direncanakan {target} dari kondisi awal {upper_base} ke {upper}; dari kondisi awalnya sendiri {base}, paling sedikit {threshold} (daerah ini mulai dari belakang: yang dibandingkan perubahannya, bukan tingkatnya; makin tinggi makin baik, dibaca dari nama '{word}')",
        },
        "negative-change-name": {
            "en": "the {year} target {value} plans less than {percent}% of the fall {target} plans from its kondisi awal {upper_base} to {upper}; from its own kondisi awal {base}, at most {threshold} (it starts behind: the change is compared, not the level; lower is better, read from the name '{word}')",
            "id": "target {year} sebesar {value} merencanakan penurunan kurang dari {percent}% penurunan yang direncanakan {target} dari kondisi awal {upper_base} ke {upper}; dari kondisi awalnya sendiri {base}, paling banyak {threshold} (daerah ini mulai dari belakang: yang dibandingkan perubahannya, bukan tingkatnya; makin rendah makin baik, dibaca dari nama '{word}')",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        ratio = ctx.option(self, "ratio")
        if isinstance(ratio, bool) or not isinstance(ratio, (int, float)) or not 0 < ratio <= 1:
            raise UsageError("weak-target: ratio must be a number greater than 0 and at most 1")
        classes = _unit_classes(ctx)
        for link in _same_measure_links(ctx):
            if G._node[link.lower]["tier"] == G._node[link.upper]["tier"]:
                continue
            lower = G._node[link.lower]["model"]
            upper = G._node[link.upper]["model"]
            low, up = polarity_of(ctx, lower), polarity_of(ctx, upper)
            if low.known and up.known and low.value != up.value:
                continue  # CAS403's
            polarity, source, word = up if up.known else low
            if polarity is None or polarity == "stable":
                continue
            variant = polarity if "declared" in (low.source, up.source) else f"{polarity}-name"
            extra = {"word": word} if variant.endswith("-name") else {}
            if canonical_unit(lower.unit, classes) != canonical_unit(upper.unit, classes):
                continue
            # a region that starts behind (its kondisi awal already on the weak side of the rule) is held
            # to the change it plans, not to a level it cannot reach in one period
            base_low = least_ambitious(lower.baseline.value, polarity) if lower.baseline is not None else None
            base_up = least_ambitious(upper.baseline.value, polarity) if upper.baseline is not None else None
            behind = (base_low is not None and base_up is not None
                      and (base_low < base_up - (1 - ratio) * abs(base_up) if polarity == "positive"
                           else base_low > base_up + (1 / ratio - 1) * abs(base_up)))
            sign = 1.0 if polarity == "positive" else -1.0
            for year in sorted(lower.targets):
                value = least_ambitious(lower.targets[year], polarity)
                bar = least_ambitious(upper.targets.get(year), polarity)
                if value is None or bar is None:
                    continue
                if behind and lower.baseline.year < year and upper.baseline.year < year:
                    need = ratio * sign * (bar - base_up)  # the share of the upper's planned improvement
                    threshold = base_low + sign * need
                    if sign * (value - base_low) < need:
                        change_variant = f"{polarity}-change" + ("-name" if variant.endswith("-name") else "")
                        yield ctx.finding(
                            self, link.lower, change_variant, field=("targets", str(year)),
                            year=year, value=show(lower.targets[year], polarity), percent=float(ratio * 100),
                            upper=show(upper.targets[year], polarity), target=link.upper, threshold=round(threshold, 6),
                            base=f"{base_low:g}", upper_base=f"{base_up:g}", **extra,
                        )
                    continue
                if polarity == "positive":
                    threshold = bar - (1 - ratio) * abs(bar)
                    weak = value < threshold
                else:
                    threshold = bar + (1 / ratio - 1) * abs(bar)
                    weak = value > threshold
                if weak:
                    yield ctx.finding(
                        self, link.lower, variant, field=("targets", str(year)),
                        year=year, value=show(lower.targets[year], polarity), percent=float(ratio * 100),
                        upper=show(upper.targets[year], polarity), target=link.upper, threshold=round(threshold, 6),
                        **extra,
                    )


class ContradictingTrend(Rule):
    """A supporting indicator's target path moves against the direction its parent needs.

    For an indicator ``supports`` link whose two ends measure the same quantity and whose upper end
    is ``positive`` or ``negative`` (declared, or read from its name: the message then says so), the lower indicator's target path (its first numeric target to
    its last, by year) must not fall when the upper one is positive, nor rise when it is negative.
    Intermediate years are not judged; ranges count at the bound least ambitious for the upper
    indicator's direction; text targets and gaps are skipped; fewer than two numeric targets is
    no path. When the lower indicator has the same polarity as the upper one the same defect is
    CAS505 (path-against-polarity) on the lower indicator, and this rule stays silent; it speaks
    when the lower indicator is ``stable`` or declared the other way (where CAS403 reports the label
    and this rule the targets).

    Why: a kota whose stunting targets rise cannot support a provincial target that must fall,
    whatever the polarity labels say.

    Basis: PermenPANRB 89/2021 (cascading carries targets down: the lower target serves the upper);
    Bappenas' regional plan assessment (regional targets must serve national ones).

    Failing (jatim.rpjmd-2019:S2.I1 "Prevalensi Stunting" is negative)::

        - id: S1.I1
          name: Prevalensi Stunting
          polarity: stable
          targets: {2020: 20.0, 2024: 24.0}
          supports: [jatim.rpjmd-2019:S2.I1]

    Passing::

        - id: S1.I1
          name: Prevalensi Stunting
          polarity: stable
          targets: {2020: 24.0, 2024: 20.0}
          supports: [jatim.rpjmd-2019:S2.I1]
    """

    code = "CAS406"
    name = "contradicting-trend"
    severity = Severity.WARNING
    reads = "targets"
    messages = {
        "positive": {
            "en": "targets fall from {first} in {first_year} to {last} in {last_year}, but {target}, which it supports, must rise (polarity positive)",
            "id": "target turun dari {first} pada {first_year} menjadi {last} pada {last_year}, padahal {target} yang didukungnya harus naik (polaritas positif)",
        },
        "negative": {
            "en": "targets rise from {first} in {first_year} to {last} in {last_year}, but {target}, which it supports, must fall (polarity negative)",
            "id": "target naik dari {first} pada {first_year} menjadi {last} pada {last_year}, padahal {target} yang didukungnya harus turun (polaritas negatif)",
        },
        "positive-name": {
            "en": "targets fall from {first} in {first_year} to {last} in {last_year}, but {target}, which it supports, must rise (higher is better, read from the name '{word}')",
            "id": "target turun dari {first} pada {first_year} menjadi {last} pada {last_year}, padahal {target} yang didukungnya harus naik (makin tinggi makin baik, dibaca dari nama '{word}')",
        },
        "negative-name": {
            "en": "targets rise from {first} in {first_year} to {last} in {last_year}, but {target}, which it supports, must fall (lower is better, read from the name '{word}')",
            "id": "target naik dari {first} pada {first_year} menjadi {last} pada {last_year}, padahal {target} yang didukungnya harus turun (makin rendah makin baik, dibaca dari nama '{word}')",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for link in _same_measure_links(ctx):
            lower = G._node[link.lower]["model"]
            need, source, word = polarity_of(ctx, G._node[link.upper]["model"])
            if need is None or need == "stable" or polarity_of(ctx, lower).value == need:
                continue
            path = numeric_path(lower.targets, need)
            if len(path) < 2:
                continue
            (first_year, first), (last_year, last) = path[0], path[-1]
            if (need == "positive" and last < first) or (need == "negative" and last > first):
                yield ctx.finding(
                    self, link.lower, need if source == "declared" else f"{need}-name", field=("targets", str(last_year)),
                    first=show(lower.targets[first_year], need), first_year=first_year,
                    last=show(lower.targets[last_year], need), last_year=last_year, target=link.upper,
                    **({"word": word} if source == "name" else {}),
                )


class OwnerMismatch(Rule):
    """An element owned by a unit outside its code's bidang, or an rhk intervening outside its unit line.

    Two checks:

    - a program, kegiatan or sub_kegiatan with a well-formed ``code`` whose ``owner`` unit lists ``bidang`` and none of them
      is the code's ``U.BB`` (a unit without ``bidang`` is not checked);
    - an skp ``rhk`` whose ``parent`` (the superior rhk it intervenes) is held by an employee whose
      unit is neither the holder's own unit nor one of its ancestor units (the unit ``parent``
      chain); rhk whose holders have no resolvable unit are skipped.

    Why: a unit can only be accountable for results within its tupoksi, and an employee's results
    derive from the superiors in their own line, not from another bidang's head.

    Basis: PermenPANRB 89/2021 (cascading follows the organisation, unit by unit down to the
    individual); PermenPANRB 6/2022 (an RHK intervenes a superior's result).

    Failing::

        organization:
          - {id: YANKES, name: Bidang Pelayanan Kesehatan, bidang: ["1.02"]}
        elements:
          - {id: P1, kind: program, name: Program Perencanaan Tenaga Kerja, code: "2.07.02", owner: YANKES}

    Passing::

        organization:
          - {id: YANKES, name: Bidang Pelayanan Kesehatan, bidang: ["1.02"]}
        elements:
          - {id: P1, kind: program, name: Program Pemenuhan Upaya Kesehatan, code: "1.02.02", owner: YANKES}
    """

    code = "CAS407"
    name = "owner-mismatch"
    severity = Severity.WARNING
    reads = "up"
    messages = {
        "bidang": {
            "en": "code '{value}' is of bidang {bidang}, but its owner {unit} covers bidang {allowed}",
            "id": "kode '{value}' termasuk bidang {bidang}, padahal pemiliknya {unit} hanya menangani bidang {allowed}",
        },
        "superior": {
            "en": "the superior rhk {parent} is held in unit {parent_unit}, which is neither {unit} (the holder's unit) nor above it",
            "id": "rhk atasan {parent} dipegang di unit {parent_unit}, yang bukan {unit} (unit pemegang) dan bukan atasannya",
        },
    }

    @staticmethod
    def _edge(ctx: "Context", node: str, type_: str) -> str | None:
        for target, edge in ctx.graph._succ[node].items():
            if edge.get("type") == type_:
                return target
        return None

    def _unit_line(self, ctx: "Context", unit: str) -> set[str]:
        """The unit and its ancestor units (cycle-safe)."""
        line = set()
        node: str | None = unit
        while node is not None and node not in line:
            line.add(node)
            node = self._edge(ctx, node, "parent")
        return line

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        lines: dict[str, set[str]] = {}
        parts_of = code_parts(ctx)
        for node in ctx.nodes_of("element"):
            attrs = G._node[node]
            model = attrs["model"]
            bidang = bidang_of(model.code, parts_of) if attrs["kind"] in CODED_KINDS and attrs["level"] is not None else None
            if bidang is not None:
                owner = self._edge(ctx, node, "owner")
                allowed = [b.strip() for b in G._node[owner]["model"].bidang if b.strip()] if owner is not None else []
                if allowed and bidang not in allowed:
                    yield ctx.finding(self, node, "bidang", field="owner", value=model.code, bidang=bidang, unit=G._node[owner]["model"].id, allowed=allowed)
            if attrs["kind"] != "rhk":
                continue
            parent = self._edge(ctx, node, "parent")
            unit = self._edge(ctx, node, "unit")
            parent_unit = self._edge(ctx, parent, "unit") if parent is not None else None
            if unit is None or parent_unit is None:
                continue
            if unit not in lines:
                lines[unit] = self._unit_line(ctx, unit)
            if parent_unit not in lines[unit]:
                yield ctx.finding(
                    self, node, "superior", field="parent", parent=parent,
                    parent_unit=G._node[parent_unit]["model"].id, unit=G._node[unit]["model"].id,
                )


class CrosscutMismatch(Rule):
    """A ``crosscuts`` link to an element of another region or another tier.

    Crosscutting is sideways: one result served by several OPDs of the same region, so a
    ``crosscuts`` target must lie in a document of the same tier and the same region. A link upward
    or downward is ``supports``; a link to another region is a cooperation the plan cannot count.
    A tier difference is reported alone.

    Why: a crosscut to another tier hides a supports link from the orphan and coverage rules, and
    one to another region claims a contribution the region's own plan does not hold.

    Basis: crosscutting as a DAG of same-level partners (practice); SAKIP
    evaluation criterion 2.9 (crosscutting, PermenPANRB 88/2021).

    Failing::

        # in dinkes-madiun.renstra-2019 (region 35.77)
        - id: S1
          kind: sasaran
          name: Menurunnya prevalensi stunting
          crosscuts: [dinsos-kabmadiun.renstra-2019:S2]   # region 35.19

    Passing::

        - id: S1
          kind: sasaran
          name: Menurunnya prevalensi stunting
          crosscuts: [dinsos-madiun.renstra-2019:S2]      # region 35.77
    """

    code = "CAS408"
    name = "crosscut-mismatch"
    severity = Severity.WARNING
    reads = "targets"
    messages = {
        "tier": {
            "en": "crosscuts {target} in {target_doc}, a document of another tier than {doc}: a link up or down is supports",
            "id": "crosscuts {target} pada {target_doc}, dokumen dengan jenjang lain dari {doc}: tautan ke atas atau ke bawah adalah supports",
        },
        "region": {
            "en": "crosscuts {target} of region {target_region}, but {doc} is of region {region}",
            "id": "crosscuts {target} dari wilayah {target_region}, padahal {doc} dari wilayah {region}",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for node in ctx.nodes_of("element"):
            attrs = G._node[node]
            refs = attrs["model"].crosscuts
            if not refs:
                continue
            doc = attrs["doc"]
            succ = G._succ[node]
            for i, ref in enumerate(refs):
                target = "{}:{}".format(*split_ref(ref, doc))
                edge = succ.get(target)
                if edge is None or "crosscuts" not in (edge["type"], *edge.get("also", ())):
                    continue
                target_doc = G._node[target]["doc"]
                if G._node[target]["tier"] != attrs["tier"]:
                    yield ctx.finding(self, node, "tier", field=("crosscuts", i), target=target, target_doc=target_doc, doc=doc)
                elif G._node[target_doc]["region"] != G._node[doc]["region"]:
                    yield ctx.finding(
                        self, node, "region", field=("crosscuts", i),
                        target=target, target_region=G._node[target_doc]["region"], doc=doc, region=G._node[doc]["region"],
                    )


def _end(indicator: Any, period_end: int) -> tuple[int, Any, tuple] | None:
    """Where an indicator ends: ``(year, value, field)``, the ``final`` at the last target year (or
    at the period's end when there are no targets), else the last year's target; None when empty."""
    years = [y for y, v in indicator.targets.items() if v is not None]
    if indicator.final is not None:
        return (max(years) if years else period_end), indicator.final, ("final",)
    if years:
        year = max(years)
        return year, indicator.targets[year], ("targets", str(year))
    return None


def _differ(a: Any, b: Any) -> bool:
    """Two numeric end values that differ (numbers beyond float noise, ranges bound by bound);
    text and mixed kinds are not compared."""
    if isinstance(a, float) and isinstance(b, float):
        return not same_number(a, b)
    if isinstance(a, Range) and isinstance(b, Range):
        return any(
            (x is None) != (y is None) or (x is not None and not same_number(x, y))
            for x, y in ((a.min, b.min), (a.max, b.max))
        )
    return False


class MeasureTargetMismatch(Rule):
    """An indicator and the indicator it supports in the same document end the same year with
    different values for the same quantity.

    For an indicator ``supports`` link inside one document (a sasaran indicator supporting its
    tujuan's), the two ends measure the same quantity when they share ``measure``, or when their
    names are equal (case, spaces and punctuation ignored) and their units are equal (CAS402's
    ``equivalent_units``). Each end's value is its ``final`` (kondisi akhir), else its last year's
    target; its year is the last target year (a ``final`` without targets ends at the period's
    end). When both end the same year with numbers (or ranges) that differ, the lower indicator is
    reported at its end value. Links across documents are not compared: a kota's target for the
    same measure legitimately differs from its province's (CAS405 judges those).

    Why: one plan cannot promise two values for one quantity in one year; the tujuan table's
    kondisi akhir and the sasaran table's last target are copied from different drafts, and which
    one is evaluated is left to chance.

    Basis: Permendagri 86/2017 tables (the tujuan/sasaran indicators and their kondisi akhir are one
    set of figures in one plan); practice ("kondisi akhir equal to the path's end").

    Failing (a tujuan's kondisi akhir 96.27 % and its sasaran's last target 96.18 %)::

        - id: T1.I1
          name: Persentase penduduk yang bekerja
          unit: "%"
          final: 96.27
        - id: S1.I1
          name: Persentase penduduk yang bekerja
          unit: "%"
          targets: {2016: 96.18}
          supports: [T1.I1]

    Passing::

        - id: S1.I1
          name: Persentase penduduk yang bekerja
          unit: "%"
          targets: {2016: 96.27}
          supports: [T1.I1]
    """

    code = "CAS409"
    scope = "document"
    name = "measure-target-mismatch"
    severity = Severity.WARNING
    messages = {
        "default": {
            "en": "ends at {value} in {year}, but {target}, which it supports and which measures the same quantity, ends at {upper} in {year}",
            "id": "berakhir pada {value} di tahun {year}, padahal {target}, yang didukungnya dan mengukur hal yang sama, berakhir pada {upper} di tahun {year}",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        classes = _unit_classes(ctx)
        keys = measures(ctx)
        for link in indicator_links(ctx):
            doc = G._node[link.lower]["doc"]
            if G._node[link.upper]["doc"] != doc:
                continue
            lower = G._node[link.lower]["model"]
            upper = G._node[link.upper]["model"]
            a, b = keys[link.lower], keys[link.upper]
            same = (a.measure is not None and a.measure == b.measure) or (
                bool(a.name) and a.name == b.name
                and canonical_unit(lower.unit, classes) == canonical_unit(upper.unit, classes)
            )
            if not same:
                continue
            period_end = G._node[doc]["model"].period.end
            low, up = _end(lower, period_end), _end(upper, period_end)
            if low is None or up is None or low[0] != up[0] or not _differ(low[1], up[1]):
                continue
            yield ctx.finding(self, link.lower, field=low[2], value=show(low[1]), year=low[0], target=link.upper, upper=show(up[1]))
