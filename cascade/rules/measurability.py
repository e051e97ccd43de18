"""CAS5xx: measurability, each indicator on its own (SMART: a unit, a baseline, a target every year).

Targets are numbers, ranges or qualitative text (``WTP``); each rule says how it reads ranges and
text. None of these rules needs another indicator, so each is one pass over the indicators.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from ..core.errors import UsageError
from ..core.findings import Finding, Severity
from ..core.models import Range
from ..core.polarity import ABBREVIATIONS, NEGATIVE_WORDS, POSITIVE_WORDS, REVERSING_WORDS
from .base import Rule
from .indicators import (
    PERCENT_SPELLINGS,
    PERCENT_UNITS,
    normalize_name,
    least_ambitious,
    normalize_unit,
    numeric_path,
    numeric_text,
    polarity_of,
    polarity_table,
    same_number,
    show,
    word_list,
    word_pattern,
)
from .nomenclature import penunjang

if TYPE_CHECKING:
    from .context import Context

__all__ = [
    "MissingUnit",
    "MissingBaseline",
    "MissingTargetYear",
    "FinalTargetMismatch",
    "PathAgainstPolarity",
    "PercentOutOfRange",
    "ProcessIndicator",
    "UnitNameMismatch",
    "PolarityNameHint",
    "MissingDefinition",
    "BadRange",
    "TargetBehindBaseline",
    "NumericText",
    "PolarityUnknown",
]


def _indicators(ctx: "Context") -> list[tuple[str, Any]]:
    """``(node, model)`` of every indicator, listed once per run for the rules that walk them all."""

    def build(ctx: "Context") -> list[tuple[str, Any]]:
        nodes = ctx.graph._node
        return [(node, nodes[node]["model"]) for node in ctx.nodes_of("indicator")]

    return ctx.index("indicator_models", build)


def _values(indicator: Any) -> Iterator[tuple[tuple, Any]]:
    """Every target-like value of an indicator with its field path: targets by year, final, baseline."""
    for year in sorted(indicator.targets):
        yield ("targets", str(year)), indicator.targets[year]
    if indicator.final is not None:
        yield ("final",), indicator.final
    if indicator.baseline is not None:
        yield ("baseline", "value"), indicator.baseline.value


def _holds_range(indicator: Any) -> bool:
    """Whether one of the values :func:`_values` yields is a range: a C-level pre-test, since most
    indicators hold none (it reads the same three fields as :func:`_values`)."""
    return (Range in map(type, indicator.targets.values()) or type(indicator.final) is Range
            or (indicator.baseline is not None and type(indicator.baseline.value) is Range))


_NOT_TEXT = frozenset({float, Range, type(None)})


def _may_hold_text(indicator: Any) -> bool:
    """Whether a value :func:`_values` yields may be text: a C-level pre-test, since most
    indicators hold numbers only (anything but a float, a range or nothing counts as text here)."""
    if not {*map(type, indicator.targets.values())} <= _NOT_TEXT or type(indicator.final) not in _NOT_TEXT:
        return True
    return indicator.baseline is not None and type(indicator.baseline.value) not in _NOT_TEXT


def _within(indicator: Any, low: float, high: float) -> bool:
    """Whether every value :func:`_values` yields is a float between ``low`` and ``high`` (True
    also for none): a C-level pre-test for the rules that look for a number out of bounds."""
    values = [*indicator.targets.values()]
    if indicator.final is not None:
        values.append(indicator.final)
    if indicator.baseline is not None:
        values.append(indicator.baseline.value)
    if not values:
        return True
    return {*map(type, values)} == _JUST_FLOAT and low <= min(values) and max(values) <= high


_JUST_FLOAT = {float}


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


class MissingUnit(Rule):
    """An indicator without a ``unit`` (satuan).

    A blank unit counts as none.

    Why: a number without a unit cannot be compared, summed or verified; the same "72" is a
    percentage, a count or a score.

    Basis: Permendagri 86/2017 tables (each indicator has its satuan); Kepmendagri 050-5889/2021
    (each sub kegiatan has kinerja, indikator and satuan); PermenPANRB 88/2021 criterion 2.5 (SMART).

    Failing::

        - {id: S1.I1, name: Angka Harapan Hidup, targets: {2024: 73.0}}

    Passing::

        - {id: S1.I1, name: Angka Harapan Hidup, unit: tahun, targets: {2024: 73.0}}
    """

    code = "CAS501"
    scope = "document"
    name = "missing-unit"
    severity = Severity.ERROR
    messages = {"default": {"en": "indicator '{name}' has no unit", "id": "indikator '{name}' tidak memiliki satuan"}}

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, ind in _indicators(ctx):
            if _blank(ind.unit):
                yield ctx.finding(self, node, field="unit", name=ind.name)


class MissingBaseline(Rule):
    """An indicator without a ``baseline`` (kondisi awal), or whose baseline has no value.

    Indicators of an ``skp`` (rhk indicators) are not checked: the SKP form (PermenPANRB 8/2021,
    Format D.2.1) has target and realisasi columns but no kondisi awal.

    Why: without the starting point no one can tell whether the targets are ambitious, flat or
    already met.

    Basis: Permendagri 86/2017 tables (kondisi kinerja pada awal periode); PermenPANRB 88/2021
    criterion 2.5 (SMART).

    Failing::

        - {id: S1.I1, name: Angka Harapan Hidup, unit: tahun, targets: {2024: 73.0}}

    Passing::

        - id: S1.I1
          name: Angka Harapan Hidup
          unit: tahun
          baseline: {year: 2018, value: 72.4}
          targets: {2024: 73.0}
    """

    code = "CAS502"
    scope = "document"
    name = "missing-baseline"
    severity = Severity.WARNING
    messages = {
        "default": {"en": "indicator '{name}' has no baseline", "id": "indikator '{name}' tidak memiliki kondisi awal"},
        "no-value": {
            "en": "the baseline of indicator '{name}' has no value",
            "id": "kondisi awal indikator '{name}' tidak memiliki nilai",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for node, ind in _indicators(ctx):
            if ind.baseline is not None and ind.baseline.value is not None:
                continue
            if G._node[G._node[node]["doc"]]["kind"] == "skp":
                continue
            if ind.baseline is None:
                yield ctx.finding(self, node, field="baseline", name=ind.name)
            elif ind.baseline.value is None:
                yield ctx.finding(self, node, "no-value", field="baseline", name=ind.name)


class MissingTargetYear(Rule):
    """A year of the document's period without a target.

    Every year from ``period.start`` to ``period.end`` needs a target (for an skp, whose period is
    its one year, that year). An empty target (``2021:`` with no value) is missing; a qualitative
    target (``WTP``) is a target. One finding per indicator lists the missing years, at its
    ``targets`` (or at the indicator when it has none).

    Two shapes of real tables are accepted:

    - *kondisi awal in the first year*: "RPJMD 2014-2019" tables give kondisi awal 2014 and
      targets 2015-2019. When the baseline's year is the period's first year, no target is due for
      that year (CAS207 accepts that baseline year as well).
    - *tujuan with kondisi awal and akhir only*: an indicator of a ``tujuan`` with ``final`` and no
      ``targets`` at all is the tujuan table's "kondisi awal / kondisi akhir" shape and is not
      reported. Sasaran and the levels below need a target every year.

    Why: a year without a target cannot be evaluated, and the annual plans (RKPD, Renja, PK) take
    their targets from these columns.

    Basis: Permendagri 86/2017 tables (target kinerja per tahun); PermenPANRB 88/2021 ("a target
    for every year").

    Failing (period 2020-2024)::

        - id: S1.I1
          name: Angka Harapan Hidup
          targets: {2020: 72.6, 2021: 72.7, 2023: 72.9, 2024: 73.0}

    Passing::

        - id: S1.I1
          name: Angka Harapan Hidup
          targets: {2020: 72.6, 2021: 72.7, 2022: 72.8, 2023: 72.9, 2024: 73.0}
    """

    code = "CAS503"
    scope = "document"
    name = "missing-target-year"
    severity = Severity.ERROR
    messages = {
        "default": {
            "en": "indicator '{name}' has no target for {years}",
            "id": "indikator '{name}' tidak memiliki target untuk tahun {years}",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        years: dict[str, tuple[range, set[int]]] = {}
        for node, ind in _indicators(ctx):
            doc = G._node[node]["doc"]
            if doc not in years:
                period = G._node[doc]["model"].period.years  # empty when implausible (CAS104)
                years[doc] = (period, set(period))
            period, wanted = years[doc]
            targets = ind.targets
            if targets.keys() >= wanted and None not in targets.values():
                continue  # every year has a target: the common case, decided in C
            if not targets and ind.final is not None and G._node[G._node[node]["element"]]["kind"] == "tujuan":
                continue  # kondisi awal and akhir only: the tujuan table's shape
            start = period.start if ind.baseline is not None and ind.baseline.year == period.start else None
            missing = [y for y in period if y != start and targets.get(y) is None]
            if missing:
                yield ctx.finding(self, node, field="targets", key=True, name=ind.name, years=missing)


class FinalTargetMismatch(Rule):
    """``final`` (kondisi akhir) differs from the last year's target.

    The last year is the latest year with a target. Numbers compare with a tolerance for float
    noise, ranges bound by bound, text exactly; a number against a range (or text) differs.

    Why: the kondisi akhir column is what the plan promises at its end; when it disagrees with the
    annual path, one of the two is a typo and evaluators cannot tell which.

    Basis: Permendagri 86/2017 tables (kondisi kinerja pada akhir periode); practice ("kondisi
    akhir equal to the path's end").

    Failing::

        - id: S1.I1
          name: Angka Harapan Hidup
          targets: {2023: 72.9, 2024: 73.0}
          final: 73.2

    Passing::

        - id: S1.I1
          name: Angka Harapan Hidup
          targets: {2023: 72.9, 2024: 73.0}
          final: 73.0
    """

    code = "CAS504"
    scope = "document"
    name = "final-target-mismatch"
    severity = Severity.WARNING
    messages = {
        "default": {
            "en": "final {final} differs from the {year} target {target}",
            "id": "kondisi akhir {final} berbeda dari target {year} sebesar {target}",
        },
    }

    @staticmethod
    def _equal(a: Any, b: Any) -> bool:
        if isinstance(a, float) and isinstance(b, float):
            return same_number(a, b)
        if isinstance(a, Range) and isinstance(b, Range):
            return all(
                (x is None and y is None) or (x is not None and y is not None and same_number(x, y))
                for x, y in ((a.min, b.min), (a.max, b.max))
            )
        return type(a) is type(b) and a == b

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, ind in _indicators(ctx):
            if ind.final is None:
                continue
            years = [y for y, v in ind.targets.items() if v is not None]
            if not years:
                continue
            year = max(years)
            target = ind.targets[year]
            if not self._equal(ind.final, target):
                yield ctx.finding(self, node, field="final", final=show(ind.final), year=year, target=show(target))


class PathAgainstPolarity(Rule):
    """The targets move against the polarity: a lower-is-better indicator whose targets rise.

    The polarity is the declared one, else the one read from the name (:mod:`cascade.core.polarity`:
    "AKI", "Tingkat Kemiskinan" read negative; "IPM" positive), and the message says which. An
    indicator whose polarity is unknown is skipped (CAS514 says so); the polarity is never read
    from the targets themselves. The path runs from the first numeric target to the last, by year:
    a ``positive`` indicator must not end below where it starts, a ``negative`` one not above;
    ``stable`` is not checked, and intermediate years are not judged. A range counts at its bound least
    ambitious for the polarity (``min`` for positive, ``max`` for negative); text targets and gaps
    are skipped; fewer than two numeric targets is no path. Reported at the last target.

    Why: either the polarity is wrong (and every capaian computed from it is inverted) or the plan
    aims to get worse.

    Basis: monitoring practice (Tren Positif/Tren Negatif, as monitoring systems derived from SIPD define them);
    PermenPANRB 88/2021 criterion 2.5 (targets that are measurable and meaningful).

    Failing::

        - id: S1.I1
          name: Tingkat Kemiskinan
          polarity: negative
          targets: {2020: 9.0, 2024: 10.0}

    Passing::

        - id: S1.I1
          name: Tingkat Kemiskinan
          polarity: negative
          targets: {2020: {min: 9.0, max: 10.0}, 2024: {min: 7.0, max: 8.0}}
    """

    code = "CAS505"
    scope = "document"
    name = "path-against-polarity"
    severity = Severity.WARNING
    messages = {
        "positive": {
            "en": "targets fall from {first} in {first_year} to {last} in {last_year}, but the polarity is positive (higher is better)",
            "id": "target turun dari {first} pada {first_year} menjadi {last} pada {last_year}, padahal polaritasnya positif (makin tinggi makin baik)",
        },
        "negative": {
            "en": "targets rise from {first} in {first_year} to {last} in {last_year}, but the polarity is negative (lower is better)",
            "id": "target naik dari {first} pada {first_year} menjadi {last} pada {last_year}, padahal polaritasnya negatif (makin rendah makin baik)",
        },
        "positive-name": {
            "en": "targets fall from {first} in {first_year} to {last} in {last_year}, but higher is better, read from the name ('{word}')",
            "id": "target turun dari {first} pada {first_year} menjadi {last} pada {last_year}, padahal makin tinggi makin baik, dibaca dari nama ('{word}')",
        },
        "negative-name": {
            "en": "targets rise from {first} in {first_year} to {last} in {last_year}, but lower is better, read from the name ('{word}')",
            "id": "target naik dari {first} pada {first_year} menjadi {last} pada {last_year}, padahal makin rendah makin baik, dibaca dari nama ('{word}')",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, ind in _indicators(ctx):
            polarity, source, word = polarity_of(ctx, ind)
            if polarity is None or polarity == "stable":
                continue
            path = numeric_path(ind.targets, polarity)
            if len(path) < 2:
                continue
            (first_year, first), (last_year, last) = path[0], path[-1]
            if (polarity == "positive" and last < first) or (polarity == "negative" and last > first):
                yield ctx.finding(
                    self, node, polarity if source == "declared" else f"{polarity}-name", field=("targets", str(last_year)),
                    first=show(ind.targets[first_year], polarity), first_year=first_year, last=show(ind.targets[last_year], polarity), last_year=last_year,
                    **({"word": word} if source == "name" else {}),
                )


class PercentOutOfRange(Rule):
    """Unit ``%``/``persen`` with a target, final or baseline value outside 0-100.

    The percent spellings are ``%``, ``persen``, ``percent`` and ``prosen`` (case and spaces
    ignored). Each bound of a range is checked on its own and reported at that bound; text
    targets are skipped.

    Why: a share cannot exceed the whole or fall below nothing; 120 is usually a count or an index
    under the wrong unit, or a growth rate that needs its own unit.

    Basis: Permendagri 86/2017 tables (satuan matches the measure); practice ("wrong unit for the
    substance" among the auditors' usual findings).

    Failing::

        - {id: S1.I1, name: Persentase desa mandiri, unit: "%", targets: {2029: 125.79}}

    Passing::

        - {id: S1.I1, name: Persentase desa mandiri, unit: "%", targets: {2029: 25.79}}
    """

    code = "CAS506"
    scope = "document"
    name = "percent-out-of-range"
    severity = Severity.WARNING
    messages = {
        "default": {
            "en": "{value} is not a percentage between 0 and 100 (unit '{unit}')",
            "id": "{value} bukan persentase antara 0 dan 100 (satuan '{unit}')",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, ind in _indicators(ctx):
            if normalize_unit(ind.unit) not in PERCENT_UNITS or _within(ind, 0.0, 100.0):
                continue
            for field, value in _values(ind):
                if isinstance(value, Range):
                    numbers = [(field + (b,), n) for b, n in (("min", value.min), ("max", value.max)) if n is not None]
                elif isinstance(value, float):
                    numbers = [(field, value)]
                else:
                    continue
                for where, number in numbers:
                    if not 0 <= number <= 100:
                        yield ctx.finding(self, node, field=where, value=number, unit=ind.unit)


#: Element kinds whose indicators are results (impact or outcome) when the indicator has no type.
_RESULT_KINDS = frozenset({"tujuan", "sasaran", "program"})


class ProcessIndicator(Rule):
    """An activity or document-count indicator at an impact/outcome level.

    An indicator counts as a result indicator when its ``type`` is ``impact`` or ``outcome``, or,
    without a type, when its element is a tujuan, sasaran or program. Its name is then searched
    (case, spaces and punctuation ignored; whole words) for the phrases of the option
    ``process_words``. Program Penunjang Urusan Pemerintahan Daerah (program ``x.xx.01``) and the
    elements under it are exempt: their indicators are administrative by design.

    Option ``process_words`` (default: sosialisasi, rapat, fasilitasi, bimbingan teknis, bimtek,
    terlaksananya, terselenggaranya, tersusunnya, jumlah dokumen, jumlah laporan, jumlah kegiatan):
    a caller's list replaces the default.

    Why: "% sosialisasi terlaksana" measures the agency's activity, not the change in society the
    sasaran promises; auditors list it among the usual findings.

    Basis: PermenPANRB 88/2021 criterion 2.5 (indicators that are outcome oriented); practice
    ("process indicators at outcome level").

    Failing::

        - id: S1
          kind: sasaran
          name: Meningkatnya derajat kesehatan masyarakat
          indicators:
            - {id: S1.I1, name: Jumlah sosialisasi PHBS, unit: kali}

    Passing::

        - id: S1
          kind: sasaran
          name: Meningkatnya derajat kesehatan masyarakat
          indicators:
            - {id: S1.I1, name: Persentase rumah tangga ber-PHBS, unit: "%"}
    """

    code = "CAS507"
    scope = "document"
    name = "process-indicator"
    severity = Severity.WARNING
    options = {
        "process_words": [
            "sosialisasi", "rapat", "fasilitasi", "bimbingan teknis", "bimtek", "terlaksananya",
            "terselenggaranya", "tersusunnya", "jumlah dokumen", "jumlah laporan", "jumlah kegiatan",
        ],
    }
    messages = {
        "default": {
            "en": "'{name}' counts an activity or a document ('{word}'), not a result, at the {level} level",
            "id": "'{name}' mengukur kegiatan atau dokumen ('{word}'), bukan hasil, pada tingkat {level}",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        pattern = word_pattern(word_list(ctx, self, "process_words"))
        if pattern is None:
            return
        exempt = penunjang(ctx)
        for node, ind in _indicators(ctx):
            element = G._node[node]["element"]
            kind = G._node[element]["kind"]
            if ind.type is not None:
                if ind.type not in ("impact", "outcome"):
                    continue
                level = ind.type
            elif kind in _RESULT_KINDS and G._node[element]["level"] is not None:
                level = kind
            else:
                continue
            if element in exempt:
                continue
            match = pattern.search(normalize_name(ind.name))
            if match:
                yield ctx.finding(self, node, field="name", name=ind.name, word=match.group(0), level=level)


_COUNT_UNITS = [
    "dokumen", "laporan", "orang", "jiwa", "unit", "buah", "kegiatan", "paket", "kali", "lokasi",
    "desa", "kelurahan", "sekolah", "rumah", "keluarga", "kk", "lembaga", "kelompok", "kasus",
]
_PERCENT = list(PERCENT_SPELLINGS)


class UnitNameMismatch(Rule):
    """The name says one unit and ``unit`` another ("Persentase ..." with unit ``dokumen``).

    The option ``name_units`` is a table read top to bottom; the first entry whose ``starts``
    phrase begins the name (case, spaces and punctuation ignored; whole words) decides: ``allow``
    lists the only fitting units, ``deny`` units that contradict the name. Default table:

    ========================================================= ================================
    name starts with                                           unit
    ========================================================= ================================
    Persentase, Prosentase, Proporsi                           only ``%``/``persen``/``percent``/``prosen``
    Angka Harapan Hidup, Rata-rata Lama Sekolah,               only ``tahun``
    Harapan Lama Sekolah
    Jumlah, Banyaknya                                          not a percent unit
    Tingkat, Indeks, Rasio                                     not a count unit (dokumen, laporan,
                                                               orang, jiwa, unit, buah, kegiatan, ...)
    ========================================================= ================================

    "Tingkat", "Indeks" and "Rasio" only deny count units: "Tingkat Kemiskinan" is in ``%`` but
    "Tingkat kepuasan" may be an ``indeks`` and "Rasio Gini" a ``rasio``, ``indeks`` or ``poin``.
    Units compare after normalising case and spaces. A caller's table replaces the default;
    entries are ``{"starts": [...], "allow": [...]}`` or ``{"starts": [...], "deny": [...]}``.
    An indicator without a unit is CAS501's.

    Why: a unit that contradicts the name means the target is not the quantity named; the number
    cannot be evaluated.

    Basis: Permendagri 86/2017 tables (satuan per indikator); practice ("wrong unit for the
    substance" among the auditors' usual findings).

    Failing::

        - {id: S1.I1, name: Persentase dokumen perencanaan yang tepat waktu, unit: dokumen}

    Passing::

        - {id: S1.I1, name: Persentase dokumen perencanaan yang tepat waktu, unit: "%"}
    """

    code = "CAS508"
    scope = "document"
    name = "unit-name-mismatch"
    severity = Severity.WARNING
    options = {
        "name_units": [
            {"starts": ["persentase", "prosentase", "proporsi"], "allow": _PERCENT},
            {"starts": ["angka harapan hidup", "rata-rata lama sekolah", "harapan lama sekolah"], "allow": ["tahun"]},
            {"starts": ["jumlah", "banyaknya"], "deny": _PERCENT},
            {"starts": ["tingkat", "indeks", "rasio"], "deny": _COUNT_UNITS},
        ],
    }
    messages = {
        "allow": {
            "en": "a name starting '{start}' is measured in {units}, not '{unit}'",
            "id": "nama berawalan '{start}' bersatuan {units}, bukan '{unit}'",
        },
        "deny": {
            "en": "a name starting '{start}' is not measured in '{unit}'",
            "id": "nama berawalan '{start}' tidak bersatuan '{unit}'",
        },
    }

    def _table(self, ctx: "Context") -> list[tuple[list[str], str, frozenset[str], list[str]]]:
        table = ctx.option(self, "name_units")
        shape = "unit-name-mismatch: name_units is a list of {starts: [...], allow: [...]} or {starts: [...], deny: [...]}"
        if not isinstance(table, (list, tuple)):
            raise UsageError(shape)
        out = []
        for entry in table:
            if not isinstance(entry, dict) or set(entry) not in ({"starts", "allow"}, {"starts", "deny"}):
                raise UsageError(shape)
            mode = "allow" if "allow" in entry else "deny"
            lists = (entry["starts"], entry[mode])
            if not all(isinstance(l, (list, tuple)) and all(isinstance(w, str) for w in l) for l in lists):
                raise UsageError("unit-name-mismatch: starts, allow and deny are lists of text")
            units = [u for u in (normalize_unit(u) for u in entry[mode]) if u is not None]
            starts = [s for s in (normalize_name(s) for s in entry["starts"]) if s]
            out.append((starts, mode, frozenset(units), units))
        return out

    def check(self, ctx: "Context") -> Iterator[Finding]:
        rows = [(row, tuple(row[0])) for row in self._table(ctx)]
        for node, ind in _indicators(ctx):
            unit = normalize_unit(ind.unit)
            if unit is None:
                continue
            name = normalize_name(ind.name)
            for (starts, mode, units, listed), prefixes in rows:
                if not name.startswith(prefixes):  # C-level pre-test: most names start with none
                    continue
                start = next((s for s in starts if name == s or name.startswith(s + " ")), None)
                if start is None:
                    continue
                if (mode == "allow") != (unit in units):
                    yield ctx.finding(self, node, mode, field="unit", start=start, units=listed, unit=ind.unit)
                break


class PolarityNameHint(Rule):
    """A declared ``polarity`` that contradicts the indicator's name.

    The name is read with the polarity table (:mod:`cascade.core.polarity`; case, spaces and
    punctuation ignored, whole words): a lower-is-better word or abbreviation (kemiskinan, stunting,
    kematian, AKI, AKB, TPT, Gini, ...) reads ``negative``, unless a reversing word names the effort
    against it or its reach ("Persentase penurunan angka kemiskinan", "Cakupan penanganan stunting",
    "Persentase penduduk di atas garis kemiskinan"), or a higher-is-better word or abbreviation
    (harapan hidup, IPM, UHH, PDRB, IKM, ...) reads ``positive``. Only a *declared* ``positive`` on
    a name that reads negative, or a declared ``negative`` on a name that reads positive, is
    reported. An indicator without ``polarity`` is not reported: the rules that need its polarity
    read it from the name (and CAS514 says when it cannot be read).

    Options (a caller's list replaces the default; the same options feed every rule that reads a
    polarity from a name: CAS403, CAS405, CAS406, CAS505, CAS512, CAS514):

    - ``negative_words``: kemiskinan, miskin, pengangguran, stunting, kematian, gini, gizi buruk,
      kumuh, putus sekolah, kriminalitas, kecelakaan, buta huruf, inflasi, prevalensi, balita pendek,
      gizi kurang, wasting, kasus;
    - ``reversing_words``: penurunan, menurunnya, turunnya, berkurangnya, pengurangan, penanganan,
      penanggulangan, pencegahan, pengentasan, cakupan, ditangani, tertangani, terlayani, menerima,
      mendapat, mendapatkan, bebas, diatas, di atas, keberhasilan, kesembuhan, direhabilitasi,
      penerima, memperoleh;
    - ``positive_words``: harapan hidup, lama sekolah, pembangunan manusia, pertumbuhan ekonomi,
      kepuasan, capaian, akreditasi, melek huruf, partisipasi;
    - ``abbreviations``: a map of abbreviation to ``negative`` or ``positive``; default AKI, AKB,
      AKABA, AKN, TPT, TB, TBC, DBD, KLB, RTLH, Gini negative; AHH, UHH, IPM, IPG, IDG, PDRB, IKM,
      SPM positive.

    Why: with the wrong polarity, capaian is computed the wrong way round: a kemiskinan rate that
    falls below target reads as failure.

    Basis: monitoring practice (Tren Negatif for stunting, kemiskinan, TPT, gini, AKI/AKB).

    Failing::

        - {id: S1.I1, name: Tingkat Kemiskinan, unit: "%", polarity: positive}

    Passing::

        - {id: S1.I1, name: Tingkat Kemiskinan, unit: "%", polarity: negative}
        - {id: S1.I2, name: AKI, unit: per 100.000 KH}       # not written: read from the name
    """

    code = "CAS509"
    scope = "document"
    name = "polarity-name-hint"
    severity = Severity.WARNING
    options = {
        "negative_words": list(NEGATIVE_WORDS),
        "reversing_words": list(REVERSING_WORDS),
        "positive_words": list(POSITIVE_WORDS),
        "abbreviations": dict(ABBREVIATIONS),
    }
    messages = {
        "explicit": {
            "en": "'{name}' mentions {word}, where lower is better, but the polarity is declared positive",
            "id": "'{name}' menyebut {word}, yang makin rendah makin baik, tetapi polaritasnya dinyatakan positif",
        },
        "explicit-negative": {
            "en": "'{name}' mentions {word}, where higher is better, but the polarity is declared negative",
            "id": "'{name}' menyebut {word}, yang makin tinggi makin baik, tetapi polaritasnya dinyatakan negatif",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        table = polarity_table(ctx)
        for node, ind in _indicators(ctx):
            if ind.polarity not in ("positive", "negative"):
                continue
            read = table.infer(ind.name)
            if read.value is None or read.value == ind.polarity:
                continue
            variant = "explicit" if ind.polarity == "positive" else "explicit-negative"
            yield ctx.finding(self, node, variant, field="polarity", name=ind.name, word=read.word)


class MissingDefinition(Rule):
    """An IKU (``key: true``) without ``definition`` or ``source``.

    A blank text counts as none. Reported at ``key``.

    Why: an IKU is reported every year against the same yardstick; without its definisi
    operasional (formula) and sumber data, each year's figure may be computed differently.

    Basis: PermenPANRB 88/2021 evaluation sheet (IKU with definisi operasional and data source).

    Failing::

        - {id: S1.I1, name: Angka Harapan Hidup, unit: tahun, key: true}

    Passing::

        - id: S1.I1
          name: Angka Harapan Hidup
          unit: tahun
          key: true
          definition: Rata-rata tahun hidup yang akan dijalani sejak lahir
          source: BPS
    """

    code = "CAS510"
    scope = "document"
    name = "missing-definition"
    severity = Severity.INFO
    messages = {
        "definition": {
            "en": "IKU '{name}' has no definition (definisi operasional)",
            "id": "IKU '{name}' tidak memiliki definisi operasional",
        },
        "source": {"en": "IKU '{name}' has no data source", "id": "IKU '{name}' tidak memiliki sumber data"},
        "both": {
            "en": "IKU '{name}' has neither a definition (definisi operasional) nor a data source",
            "id": "IKU '{name}' tidak memiliki definisi operasional maupun sumber data",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, ind in _indicators(ctx):
            if not ind.key:
                continue
            no_definition, no_source = _blank(ind.definition), _blank(ind.source)
            if no_definition or no_source:
                variant = "both" if no_definition and no_source else ("definition" if no_definition else "source")
                yield ctx.finding(self, node, variant, field="key", name=ind.name)


class BadRange(Rule):
    """A range with ``min`` greater than ``max``, in a target, ``final`` or the baseline.

    Why: such a range promises nothing: every value is outside it. It is usually the two bounds
    swapped, and every numeric rule reads it wrongly.

    Basis: FORMAT.md (a range ``{min, max}``, the RPJMN's "7,0-8,0").

    Failing::

        targets: {2024: {min: 8.0, max: 7.0}}

    Passing::

        targets: {2024: {min: 7.0, max: 8.0}}
    """

    code = "CAS511"
    scope = "document"
    name = "bad-range"
    severity = Severity.ERROR
    messages = {
        "default": {
            "en": "range min {min} is greater than max {max}: write {{min: {max}, max: {min}}}",
            "id": "batas bawah {min} lebih besar dari batas atas {max}: tulis {{min: {max}, max: {min}}}",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, ind in _indicators(ctx):
            if not _holds_range(ind):
                continue
            for field, value in _values(ind):
                if isinstance(value, Range) and value.min is not None and value.max is not None and value.min > value.max:
                    yield ctx.finding(self, node, field=field, min=value.min, max=value.max)


def _numbers(indicator: Any) -> set[float]:
    """The numbers an indicator's baseline, targets and final hold (both bounds of a range)."""
    out: set[float] = set()
    for _, value in _values(indicator):
        if isinstance(value, float):
            out.add(value)
        elif isinstance(value, Range):
            out.update(n for n in (value.min, value.max) if n is not None)
    return out


def _behind(polarity: str, value: float, baseline: float) -> bool:
    return value < baseline if polarity == "positive" else value > baseline


_BEHIND_TEXT = {
    ("positive", "declared"): ("below", "di bawah", "but the polarity is positive (higher is better)", "padahal polaritasnya positif (makin tinggi makin baik)"),
    ("negative", "declared"): ("above", "di atas", "but the polarity is negative (lower is better)", "padahal polaritasnya negatif (makin rendah makin baik)"),
    ("positive", "name"): ("below", "di bawah", "but higher is better, read from the name ('{word}')", "padahal makin tinggi makin baik, dibaca dari nama ('{word}')"),
    ("negative", "name"): ("above", "di atas", "but lower is better, read from the name ('{word}')", "padahal makin rendah makin baik, dibaca dari nama ('{word}')"),
}


def _behind_messages() -> dict[str, dict[str, str]]:
    out = {}
    for (polarity, source), (en_side, id_side, en_why, id_why) in _BEHIND_TEXT.items():
        variant = polarity if source == "declared" else f"{polarity}-name"
        out[variant] = {
            "en": f"the {{year}} target {{worst}} is {en_side} the {{baseline_year}} baseline {{baseline}} ({{count}} of {{total}} behind), {en_why}",
            "id": f"target {{year}} sebesar {{worst}} {id_side} kondisi awal {{baseline_year}} sebesar {{baseline}} ({{count}} dari {{total}} tertinggal), {id_why}",
        }
        out[f"final-{variant}"] = {
            "en": f"final {{worst}} is {en_side} the {{baseline_year}} baseline {{baseline}}, {en_why}",
            "id": f"kondisi akhir {{worst}} {id_side} kondisi awal {{baseline_year}} sebesar {{baseline}}, {id_why}",
        }
    return out


class TargetBehindBaseline(Rule):
    """A yearly target or ``final`` less ambitious than the baseline (kondisi awal).

    The polarity is the declared one, else the one read from the name (:mod:`cascade.core.polarity`;
    the message says which); ``stable`` and unknown polarities are skipped (CAS514 reports the
    latter). A ``positive`` indicator's targets must not lie below its numeric baseline, a
    ``negative`` one's not above it; equal is not behind (keeping 100% is a target). A range counts
    at its least ambitious bound (``min`` for positive, ``max`` for negative), the baseline too;
    text and empty values are skipped (CAS513 reports numbers written as text). One finding per
    indicator, at the worst target (the earliest when tied), naming the baseline year and value and
    how many targets are behind; ``final`` is reported when it is behind and no yearly target is
    (tujuan indicators often have only kondisi awal and kondisi akhir).

    Why: a plan whose targets are worse than where it starts promises decline: maternal mortality
    (AKI) at 93.65 with targets 115 to 95, or balita gizi buruk at 1.2% with every target 2%. Either
    the baseline or the targets are wrong, and evaluation (capaian) reads success where there is
    none.

    Basis: Permendagri 86/2017 tables (kondisi kinerja awal and target per year: the targets lead
    from the awal to the akhir); PermenPANRB 88/2021 criterion 2.5 (targets that are meaningful).

    Failing::

        - id: S1.I1
          name: AKI
          unit: per 100.000 KH
          baseline: {year: 2015, value: 93.65}
          targets: {2016: 115, 2017: 110, 2021: 95}

    Passing::

        - id: S1.I1
          name: AKI
          unit: per 100.000 KH
          baseline: {year: 2015, value: 93.65}
          targets: {2016: 92, 2017: 90, 2021: 85}
    """

    code = "CAS512"
    scope = "document"
    name = "target-behind-baseline"
    severity = Severity.WARNING
    messages = _behind_messages()

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, ind in _indicators(ctx):
            if ind.baseline is None or ind.baseline.value is None:
                continue
            polarity, source, word = polarity_of(ctx, ind)
            if polarity not in ("positive", "negative"):
                continue
            base = least_ambitious(ind.baseline.value, polarity)
            if base is None:
                continue
            targets, final = ind.targets, ind.final
            if (final is None or type(final) is float) and (not targets or {*map(type, targets.values())} == _JUST_FLOAT):
                # numbers only (nearly every indicator): nothing is behind when the least ambitious
                # of them is not, decided in C
                if polarity == "positive":
                    if (not targets or min(targets.values()) >= base) and (final is None or final >= base):
                        continue
                elif (not targets or max(targets.values()) <= base) and (final is None or final <= base):
                    continue
            path = numeric_path(ind.targets, polarity)
            behind = [(year, v) for year, v in path if _behind(polarity, v, base)]
            variant = polarity if source == "declared" else f"{polarity}-name"
            extra = {"word": word} if source == "name" else {}
            common = dict(baseline_year=ind.baseline.year, baseline=show(ind.baseline.value, polarity), **extra)
            if behind:
                pick = min if polarity == "positive" else max
                worst = pick(v for _, v in behind)
                year = next(y for y, v in behind if v == worst)
                yield ctx.finding(
                    self, node, variant, field=("targets", str(year)),
                    year=year, worst=show(ind.targets[year], polarity), count=len(behind), total=len(path), **common,
                )
                continue
            final = least_ambitious(ind.final, polarity)
            if final is not None and _behind(polarity, final, base):
                yield ctx.finding(self, node, f"final-{variant}", field="final", worst=show(ind.final, polarity), **common)


class NumericText(Rule):
    """A target, ``final`` or baseline value that is a number written as text.

    Real tables print values with their unit or a note: ``"87.2%"``, ``"93,65 PER 100.000"``,
    ``"3 RS"``, ``"15,50 - 16,50"``, ``"< 0,49"``, ``"kurang dari 49"``, ``"56,56 (2022)"``,
    ``"NA"``, ``"-"``. Read as text they are qualitative targets, and every numeric rule skips
    them. The finding gives the exact spelling: ``87.2`` with ``unit: "%"`` (the unit part is left
    out when the indicator already has that unit); ``{min: 15.5, max: 16.5}``; a one-sided
    ``{max: 49}`` or ``{min: 80}``; the year in brackets as the value's year; for ``NA`` and ``-``,
    no value: leave the year out of ``targets`` and give a ``justification`` (leave ``final`` or the
    baseline ``value`` out). Numbers inside the text read as CAS103 reads them (``93,65`` is 93.65,
    ``100.000`` is 100000). Text that is not number-like (``WTP``, ``Predikat A``, ``Tersedia``,
    ``BB``) is a qualitative target and not reported.

    Why: a number kept as text is never compared with its baseline, its upper target or 100%, so
    the worst defects of a plan (targets behind the baseline) stay invisible.

    Basis: FORMAT.md (target values: a number, a range or qualitative text; decision 1, numbers are
    never guessed from text); Permendagri 86/2017 tables (target and satuan in separate columns).

    Failing::

        - {id: S1.I1, name: Persentase balita gizi buruk, targets: {2024: "2%"}}

    Passing::

        - {id: S1.I1, name: Persentase balita gizi buruk, unit: "%", targets: {2024: 2}}
    """

    code = "CAS513"
    scope = "document"
    name = "numeric-text"
    severity = Severity.WARNING
    messages = {
        "number": {
            "en": "'{text}' is a number written as text, which the numeric rules skip: write {fix}",
            "id": "'{text}' adalah angka yang ditulis sebagai teks, yang dilewati aturan numerik: tulis {fix}",
        },
        "number-unit": {
            "en": "'{text}' is a number written as text, which the numeric rules skip: write {fix} with unit: \"{unit}\"",
            "id": "'{text}' adalah angka yang ditulis sebagai teks, yang dilewati aturan numerik: tulis {fix} dengan unit: \"{unit}\"",
        },
        "year": {
            "en": "'{text}' is a number of {year} written as text: write {fix} as the value of {year} (a baseline: {{year: {year}, value: {fix}}})",
            "id": "'{text}' adalah angka tahun {year} yang ditulis sebagai teks: tulis {fix} sebagai nilai tahun {year} (kondisi awal: {{year: {year}, value: {fix}}})",
        },
        "range": {
            "en": "'{text}' is a range written as text, which the numeric rules skip: write {fix}",
            "id": "'{text}' adalah rentang yang ditulis sebagai teks, yang dilewati aturan numerik: tulis {fix}",
        },
        "range-unit": {
            "en": "'{text}' is a range written as text, which the numeric rules skip: write {fix} with unit: \"{unit}\"",
            "id": "'{text}' adalah rentang yang ditulis sebagai teks, yang dilewati aturan numerik: tulis {fix} dengan unit: \"{unit}\"",
        },
        "bound": {
            "en": "'{text}' is a one-sided bound written as text: write {fix}",
            "id": "'{text}' adalah batas satu sisi yang ditulis sebagai teks: tulis {fix}",
        },
        "bound-unit": {
            "en": "'{text}' is a one-sided bound written as text: write {fix} with unit: \"{unit}\"",
            "id": "'{text}' adalah batas satu sisi yang ditulis sebagai teks: tulis {fix} dengan unit: \"{unit}\"",
        },
        "none-target": {
            "en": "'{text}' means no target: leave the year {year} out of targets and give a justification",
            "id": "'{text}' berarti tidak ada target: hapus tahun {year} dari targets dan beri justification",
        },
        "none-final": {
            "en": "'{text}' means no value: leave final out",
            "id": "'{text}' berarti tidak ada nilai: hapus final",
        },
        "none-baseline": {
            "en": "'{text}' means no value: leave the baseline value out (or give the value of another year)",
            "id": "'{text}' berarti tidak ada nilai: hapus value kondisi awal (atau beri nilai tahun lain)",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, ind in _indicators(ctx):
            if not _may_hold_text(ind):
                continue
            unit = normalize_unit(ind.unit)
            for field, value in _values(ind):
                if not isinstance(value, str):
                    continue
                read = numeric_text(value)
                if read is None:
                    continue
                if read.kind == "none":
                    where = "target" if field[0] == "targets" else field[0]
                    yield ctx.finding(self, node, f"none-{where}", field=field, text=value, year=field[-1])
                    continue
                if read.year is not None:
                    yield ctx.finding(self, node, "year", field=field, text=value, fix=read.fix, year=read.year)
                    continue
                variant = {"number": "number", "range": "range"}.get(read.kind, "bound")
                new_unit = read.unit
                if new_unit is not None and not _same_unit(normalize_unit(new_unit), unit):
                    yield ctx.finding(self, node, f"{variant}-unit", field=field, text=value, fix=read.fix, unit=new_unit)
                else:
                    yield ctx.finding(self, node, variant, field=field, text=value, fix=read.fix)


def _same_unit(a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    return a in PERCENT_UNITS and b in PERCENT_UNITS


class PolarityUnknown(Rule):
    """An indicator whose polarity is unknown while its numbers need one.

    The polarity is unknown when ``polarity`` is not written and the name says nothing the polarity
    table knows (:mod:`cascade.core.polarity`). It is needed when the indicator's baseline, targets
    and final hold at least two different numbers: then CAS505 (path-against-polarity) and CAS512
    (target-behind-baseline) have a direction to judge and cannot. Flat targets (100, 100, 100)
    need none. One info finding per indicator, at the indicator.

    Why: whether a rise is progress or decline depends on the polarity; without it the worst defect
    of a plan, targets behind the baseline, cannot be seen, and capaian cannot be computed.

    Basis: monitoring practice (Tren Positif/Tren Negatif, as monitoring systems derived from SIPD define them);
    FORMAT.md decision 3.

    Failing::

        - {id: S1.I1, name: Persentase Desa Siaga Aktif, unit: "%", baseline: {year: 2015, value: 10}, targets: {2016: 11}}

    Passing::

        - id: S1.I1
          name: Persentase Desa Siaga Aktif
          unit: "%"
          polarity: positive
          baseline: {year: 2015, value: 10}
          targets: {2016: 11}
    """

    code = "CAS514"
    scope = "document"
    name = "polarity-unknown"
    severity = Severity.INFO
    messages = {
        "default": {
            "en": "the polarity of '{name}' is not declared and cannot be read from its name: declare polarity (positive, negative or stable) so that its targets can be judged",
            "id": "polaritas '{name}' tidak dinyatakan dan tidak dapat dibaca dari namanya: nyatakan polarity (positive, negative atau stable) agar targetnya dapat dinilai",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, ind in _indicators(ctx):
            if ind.polarity is not None or polarity_of(ctx, ind).known:
                continue
            if len(_numbers(ind)) >= 2:
                yield ctx.finding(self, node, name=ind.name)


class BudgetWithoutIndicator(Rule):
    """A program, kegiatan or sub kegiatan with a budget (pagu) and no indicator.

    Checks every element of those kinds that has a ``budget`` with at least one amount above zero
    and no indicator. It takes the place of CAS304 missing-indicator for that element (reported
    once). A written ``justification`` turns it into CAS903.

    What else the budget makes checkable (not yet rules): pagu in years outside the plan's period;
    a kegiatan's pagu against the sum of its sub kegiatan; a year with pagu but no target of the
    element's indicators (money without a measured result), and the reverse; the renstra's total
    pagu per year against the RPJMD's indicative funding of the same program.

    Why: money without an indicator cannot be accounted for: SAKIP evaluates the result bought with
    the budget (value for money), and a funded program or kegiatan with nothing to measure is the
    first thing an evaluator marks.

    Basis: Permendagri 86/2017, table T-C.27 (every program and kegiatan row carries its indikator
    kinerja, target and pendanaan side by side); PP 12/2019 on regional financial management
    (budgets are tied to performance: anggaran berbasis kinerja); PermenPANRB 88/2021 (SAKIP
    evaluation of cascading and of efficiency).

    Failing::

        - id: "1.02.01.2.06"
          kind: kegiatan
          name: Administrasi Umum Perangkat Daerah
          parent: "1.02.01"
          budget: {2023: 450000000, 2024: 460000000}

    Passing::

        - id: "1.02.01.2.06"
          kind: kegiatan
          name: Administrasi Umum Perangkat Daerah
          parent: "1.02.01"
          budget: {2023: 450000000, 2024: 460000000}
          indicators:
            - {id: K2.I1, name: Persentase layanan administrasi umum terpenuhi, unit: "%"}
    """

    code = "CAS516"
    scope = "document"
    name = "budget-without-indicator"
    severity = Severity.ERROR
    justifiable = True
    messages = {
        "default": {
            "en": "{kind} '{name}' has a budget (Rp {total} over {years} year(s)) but no indicator",
            "id": "{kind} '{name}' memiliki pagu (Rp {total} selama {years} tahun) tetapi tidak memiliki indikator",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for node in ctx.nodes_of("element"):
            attrs = G._node[node]
            if attrs["kind"] not in ("program", "kegiatan", "sub_kegiatan"):
                continue
            model = attrs["model"]
            amounts = [v for v in model.budget.values() if v]
            if amounts and not model.indicators:
                total = sum(amounts)
                shown = f"{int(total):,}".replace(",", ".") if float(total).is_integer() else str(total)
                yield ctx.finding(self, node, field="budget", kind=attrs["kind"], name=attrs["name"], total=shown,
                                  years=len(amounts))
