"""Helpers shared by the indicator rules (CAS4xx, CAS5xx): what an indicator measures and how.

- *Same measure*: two indicators measure the same quantity when they share ``measure``, or when
  their names are equal after normalising case, whitespace and punctuation (FORMAT.md). The key of
  every indicator is computed once per run (:func:`measures`).
- *Units* compare after normalising case and whitespace, with groups of equivalent spellings
  (``%`` = ``persen`` = ``percent`` = ``prosen``).
- *Targets* are numbers, ranges or qualitative text. Numeric comparisons read a range at the bound
  that is least ambitious for the indicator's direction (the ``min`` of a positive indicator, the
  ``max`` of a negative one), so a range is never held to more than it promises; text and empty
  targets are skipped.
- *Links*: the indicator ``supports`` links of the workspace, resolved once (:func:`indicator_links`).
"""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple

from ..core.errors import UsageError
from ..core.refs import split_ref
from ..core.words import PERCENT_SPELLINGS
from ..core.models import Indicator, Range
from ..core.polarity import EffectivePolarity, PolarityTable
from .base import REGISTRY

if TYPE_CHECKING:
    from .base import Rule
    from .context import Context

__all__ = [
    "PERCENT_SPELLINGS",
    "PERCENT_UNITS",
    "Measure",
    "Link",
    "normalize_name",
    "normalize_unit",
    "measures",
    "unit_classes",
    "indicator_links",
    "canonical_unit",
    "least_ambitious",
    "same_number",
    "polarity_field",
    "polarity_table",
    "polarity_of",
    "numeric_path",
    "show",
    "word_pattern",
    "word_list",
]

PERCENT_UNITS = frozenset(PERCENT_SPELLINGS)

_PUNCT = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=1 << 16)
def normalize_name(text: str) -> str:
    """Case-folded text with punctuation turned into spaces and runs of spaces collapsed.

    Memoised: plans repeat the same indicator names across tiers and several rules ask.
    """
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())


@functools.lru_cache(maxsize=1 << 12)
def normalize_unit(unit: str | None) -> str | None:
    """A unit case-folded with whitespace collapsed; None for an absent or blank unit (memoised: a
    workspace uses a few dozen units)."""
    if unit is None:
        return None
    return " ".join(unit.casefold().split()) or None


class Measure(NamedTuple):
    """The same-measure key of an indicator: its normalised ``measure`` (or None) and name."""

    measure: str | None
    name: str

    def same(self, other: "Measure") -> bool:
        """True when both indicators measure the same quantity."""
        if self.measure is not None and self.measure == other.measure:
            return True
        return bool(self.name) and self.name == other.name


class _Measures(dict):
    """Indicator node -> :class:`Measure`, each computed when first asked for (any indicator of the
    graph, also outside a scoped run's documents: a link's upper end lies elsewhere)."""

    __slots__ = ("nodes",)

    def __init__(self, nodes: dict) -> None:
        super().__init__()
        self.nodes = nodes

    def __missing__(self, node: str) -> Measure:
        ind: Indicator = self.nodes[node]["model"]
        measure = " ".join(ind.measure.casefold().split()) if ind.measure else None
        value = self[node] = Measure(measure or None, normalize_name(ind.name))
        return value


def measures(ctx: "Context") -> dict[str, Measure]:
    """The same-measure key of every indicator node (computed on first use, once per run)."""
    return ctx.index("measures", lambda c: _Measures(c.graph._node))


def unit_classes(groups: Any) -> dict[str, str]:
    """Map each unit spelling of ``groups`` (lists of equivalent units) to its group's first spelling.

    Raises :class:`~cascade.errors.UsageError` when ``groups`` is not a list of lists of text.
    """
    if not isinstance(groups, (list, tuple)) or not all(
        isinstance(g, (list, tuple)) and all(isinstance(u, str) for u in g) for g in groups
    ):
        raise UsageError("equivalent_units must be a list of lists of unit names")
    out: dict[str, str] = {}
    for group in groups:
        names = [n for n in (normalize_unit(u) for u in group) if n is not None]
        for name in names:
            out.setdefault(name, names[0])
    return out


def canonical_unit(unit: str | None, classes: dict[str, str]) -> str | None:
    """The unit as compared: normalised, then replaced by its equivalence group's representative."""
    norm = normalize_unit(unit)
    return classes.get(norm, norm) if norm is not None else None


class Link(NamedTuple):
    """An indicator ``supports`` link: ``lower`` supports ``upper``; ``index`` is its place in the list."""

    lower: str
    index: int
    upper: str


def indicator_links(ctx: "Context") -> list[Link]:
    """Every resolved indicator-to-indicator ``supports`` link, in graph order, built once per run.

    A reference that names nothing or lies outside the workspace is not a link (CAS202 covers the
    former); a target named twice in one list counts once, at its first place.
    """

    def build(ctx: "Context") -> list[Link]:
        G = ctx.graph
        out = []
        for node in ctx.nodes_of("indicator"):
            attrs = G._node[node]
            refs = attrs["model"].supports
            if not refs:
                continue
            succ = G._succ[node]
            if len(refs) == 1:
                # the usual case: an indicator's only supports edge comes from its only reference
                # (its other edge, indicator_of, ends at an element), at place 0
                for target, edge in succ.items():
                    if edge["type"] == "supports":
                        out.append(Link(node, 0, target))
                continue
            seen = set()
            for i, ref in enumerate(refs):
                doc, local = split_ref(ref, attrs["doc"])
                target = f"{doc}:{local}"
                edge = succ.get(target)
                if edge is None or edge.get("type") != "supports" or target in seen:
                    continue
                seen.add(target)
                out.append(Link(node, i, target))
        return out

    return ctx.index("indicator_links", build)


def least_ambitious(value: Any, polarity: str) -> float | None:
    """The number a target promises at least: a range's ``min`` (positive) or ``max`` (negative).

    None for qualitative text, empty targets, ranges of a ``stable`` indicator (which has no
    direction to be ambitious in), and a one-sided range without that bound (``{max: 49}`` of a
    positive indicator promises no least value).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, Range):
        if polarity == "positive":
            return value.min
        if polarity == "negative":
            return value.max
    return None


_JUST_FLOATS = {float}


def numeric_path(targets: dict[int, Any], polarity: str) -> list[tuple[int, float]]:
    """The numeric targets by year, ranges read by :func:`least_ambitious`, text and gaps skipped."""
    if {*map(type, targets.values())} == _JUST_FLOATS:  # the common case, decided in C
        return sorted(targets.items())
    out = []
    for year in sorted(targets):
        number = least_ambitious(targets[year], polarity)
        if number is not None:
            out.append((year, number))
    return out


def show(value: Any, polarity: str | None = None) -> str:
    """A target as planners write it: ``72.6``, ``7-8`` for a range, ``WTP``.

    With a ``polarity``, a range also names the bound a comparison read: ``7-8 (max 8)``.
    """
    if isinstance(value, Range):
        if value.min is None:
            return f"<={value.max:g}"
        if value.max is None:
            return f">={value.min:g}"
        text = f"{value.min:g}-{value.max:g}"
        if polarity == "positive":
            return f"{text} (min {value.min:g})"
        if polarity == "negative":
            return f"{text} (max {value.max:g})"
        return text
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def same_number(a: float, b: float) -> bool:
    """Equal up to float noise (``0.1 + 0.2`` equals ``0.3``)."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def word_list(ctx: "Context", rule: "type[Rule] | Rule", option: str) -> list[str]:
    """A rule option that lists words or phrases, normalised; UsageError when it is not a list of text."""
    words = ctx.option(rule, option)
    if not isinstance(words, (list, tuple)) or not all(isinstance(w, str) for w in words):
        raise UsageError(f"{rule.name}: {option} must be a list of words")
    return [n for n in (normalize_name(w) for w in words) if n]


def word_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern finding any of ``words`` (normalised phrases) as whole words in a normalised name."""
    words = sorted(set(words), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def polarity_field(indicator: Indicator) -> str | None:
    """Where a finding about the polarity goes: the ``polarity`` field, or the indicator when not written."""
    return "polarity" if indicator.polarity is not None else None


def polarity_table(ctx: "Context") -> PolarityTable:
    """The name table of this run (:mod:`cascade.core.polarity`), built once from the options of
    ``polarity-name-hint`` (CAS509): ``negative_words``, ``reversing_words``, ``positive_words`` and
    ``abbreviations``.

    The default options give exactly :data:`cascade.core.polarity.DEFAULT_TABLE`. Raises
    :class:`~cascade.errors.UsageError` for options of the wrong shape.
    """

    def build(ctx: "Context") -> PolarityTable:
        PolarityNameHint = REGISTRY["CAS509"]  # the rule that owns the options (rules/measurability.py)
        negative = word_list(ctx, PolarityNameHint, "negative_words")
        reversing = word_list(ctx, PolarityNameHint, "reversing_words")
        positive = word_list(ctx, PolarityNameHint, "positive_words")
        abbreviations = ctx.option(PolarityNameHint, "abbreviations")
        if not isinstance(abbreviations, dict) or not all(
            isinstance(k, str) and v in ("positive", "negative") for k, v in abbreviations.items()
        ):
            raise UsageError("polarity-name-hint: abbreviations must map each abbreviation to positive or negative")
        # this run's own table remembers every name it is asked about (its cache goes with the run)
        return PolarityTable(negative, reversing, positive, abbreviations, cache_size=None)

    return ctx.index("polarity_table", build)


def polarity_of(ctx: "Context", indicator: Indicator) -> EffectivePolarity:
    """The effective polarity of ``indicator`` in this run: declared, else read from its name with
    the run's table (:func:`polarity_table`); ``value`` None when unknown."""
    declared = indicator.polarity
    if declared is not None:
        return _DECLARED.get(declared) or EffectivePolarity(declared, "declared")
    return polarity_table(ctx).infer(indicator.name)


#: One (immutable) answer per declared polarity: asked about 80,000 times a run at 20,000 elements.
_DECLARED = {p: EffectivePolarity(p, "declared") for p in ("positive", "negative", "stable")}


# -- values printed as text ("87.2%", "15,50 - 16,50", "< 0,49", "NA") --------------------------

#: Longer text is qualitative: the longest value real tables print ("15,50 - 16,50 per 100.000 KH")
#: is well under it, and the patterns below then run in bounded time on hostile input.
NUMERIC_TEXT_MAX = 64

_NUM = r"[-+]?\d+(?:[.,]\d+)*"
_NUMBER_ONLY = re.compile(rf"^{_NUM}$")
_WITH_UNIT = re.compile(rf"^({_NUM})\s*(%|[^\d\s()<>=≤≥].*?)$")
_RANGE_TEXT = re.compile(rf"^({_NUM})\s*(%?)\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai(?: dengan)?)\s*({_NUM})\s*(%|[^\d\s].*?)?$", re.I)
_YEAR_NOTE = re.compile(rf"^({_NUM})\s*(%|[^\d\s(].*?)?\s*\((\d{{4}})\)$")
_AT_MOST = re.compile(rf"^(?:<=?|≤|kurang dari(?: sama dengan)?|maks(?:imal|\.)?|paling (?:tinggi|banyak)|di ?bawah)\s*({_NUM})\s*(%|[^\d\s].*?)?$", re.I)
_AT_LEAST = re.compile(rf"^(?:>=?|≥|lebih dari(?: sama dengan)?|min(?:imal|\.)?|paling (?:rendah|sedikit)|di ?atas)\s*({_NUM})\s*(%|[^\d\s].*?)?$", re.I)
_NO_VALUE = frozenset({"na", "n/a", "n.a", "n.a.", "-", "–", "—", "--", "tidak ada", "t.a", "ta"})
_OF_SCALE = re.compile(r"^dari\s+", re.I)


def _plain(number: str) -> str | None:
    """``number`` written as YAML reads it: ``93,65`` -> ``93.65``, ``100.000`` -> ``100000``;
    None when it cannot be read one way (``1,234.5`` mixed grouping is read, a lone ``1.5`` is kept)."""
    s = number.replace(" ", "")
    if re.fullmatch(r"[-+]?\d+(?:\.\d+)?", s) and not re.fullmatch(r"[-+]?\d{1,3}(?:\.\d{3})+", s):
        return s
    if re.fullmatch(r"[-+]?\d{1,3}(?:\.\d{3})*,\d+|[-+]?\d+,\d+", s):
        return s.replace(".", "").replace(",", ".")
    if re.fullmatch(r"[-+]?\d{1,3}(?:\.\d{3})+", s):
        return s.replace(".", "")
    if re.fullmatch(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return s.replace(",", "")
    return None


def _num(text: str) -> str:
    value = float(text)
    return f"{value:g}" if abs(value) < 1e15 and f"{value:g}" == f"{value:.15g}" else text


class NumericText(NamedTuple):
    """How a value printed as text is written in the format: ``kind`` is ``number``, ``range``,
    ``at-most``, ``at-least`` or ``none`` (no value); ``fix`` the YAML to write; ``unit`` the unit
    the text carried (None if none); ``year`` a year printed in brackets after the value."""

    kind: str
    fix: str
    unit: str | None = None
    year: int | None = None


def numeric_text(text: str) -> NumericText | None:
    """The numeric reading of a target, baseline or final printed as text, or None for text that is
    genuinely qualitative (``WTP``, ``Predikat A``, ``Tersedia``). Numbers in the text are read as
    CAS103 reads them (``93,65`` -> ``93.65``, ``100.000`` -> ``100000``)."""
    s = " ".join(text.split())
    if not s or len(s) > NUMERIC_TEXT_MAX:
        return None  # a printed cell value is short; long text is never read (and never backtracked)
    if s.casefold() in _NO_VALUE:
        return NumericText("none", "")
    match = _YEAR_NOTE.match(s)
    if match:
        number = _plain(match.group(1))
        if number is not None:
            return NumericText("number", _num(number), _unit(match.group(2)), int(match.group(3)))
    match = _RANGE_TEXT.match(s)
    if match:
        low, high = _plain(match.group(1)), _plain(match.group(3))
        if low is not None and high is not None:
            return NumericText("range", f"{{min: {_num(low)}, max: {_num(high)}}}", _unit(match.group(4) or match.group(2)))
    for kind, pattern, bound in (("at-most", _AT_MOST, "max"), ("at-least", _AT_LEAST, "min")):
        match = pattern.match(s)
        if match:
            number = _plain(match.group(1))
            if number is not None:
                return NumericText(kind, f"{{{bound}: {_num(number)}}}", _unit(match.group(2)))
    match = _WITH_UNIT.match(s)
    if match:
        number = _plain(match.group(1))
        if number is not None:
            return NumericText("number", _num(number), _unit(match.group(2)))
    return None


def _unit(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    return _OF_SCALE.sub("", text.strip()) or None
