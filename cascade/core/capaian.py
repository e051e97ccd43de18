"""Capaian (achievement): how far a realised value reached its target. The one implementation.

Every view, rule and tool that needs a capaian calls :func:`capaian`; every capaian category comes
from :func:`category`. Both are pure functions of plain values, never raise on bad data, and say why
when no value can be computed.

Formulas (``capaian`` is a percentage, rounded to 2 decimals as LKjIP tables print it, not capped):

* positive polarity (higher is better): ``r / t x 100``.
* negative polarity (lower is better), ``formula``:

  - ``lkjip`` (default): ``(2 - r / t) x 100``. Every lower-is-better row of a sample of real LKjIP
    tables reproduces it (Lampung LKj 2015/2016: AKB 32 -> 4.88 printed 184.75, DBD < 49 -> 56.23
    printed 85.24; malaria 0.35 -> 0.43 printed 77.14), as do the two worked examples of
    PermenPANRB 8/2021 (kondisi khusus: (1 + (1 - R/T)) x 100%).
  - ``sipd``: ``t / r x 100`` (SIPD monitoring; Manggarai Timur LKjIP 2019 reproduces it). A
    realisasi of 0 (the best possible) is met in full at :data:`ZERO_REALIZED_CAP` (200, what the
    ``lkjip`` formula gives for 0, so that both formulas agree on the best case).

* stable polarity (a value to hold): 100 inside the target range, or within ``tolerance`` (a share of
  the target, default 0) of a single target; outside, ``100 x (1 - d / |b|)`` where ``d`` is the
  distance to the nearest bound ``b`` (the target itself for a single number), never below 0.
* ranges, including one-sided ones (``{max: 49}`` for "kurang dari 49", ``{min: 90}`` for ">= 90"):
  measured against the bound least ambitious for the polarity, ``min`` for positive and ``max`` for
  negative; a one-sided range without that bound gives no capaian.
* qualitative targets (text, ``WTP``): 100 when the realisasi is the same text (case and spaces
  aside), else 0.

No capaian (None, with a ``note``) when: no target or no realisasi, polarity unknown, a target of 0
on a positive indicator (or a negative one with the ``lkjip`` formula), a number measured against
text or text against a number.
"""

from __future__ import annotations

import math
import re
from typing import Any, NamedTuple

from .models import Range

__all__ = [
    "CATEGORIES",
    "DEFAULT_BOUNDS",
    "FORMULAS",
    "ZERO_REALIZED_CAP",
    "Capaian",
    "PrintedCapaian",
    "capaian",
    "category",
    "category_rank",
    "note_in",
    "POLARITY_WORDS",
    "STATUS_WORDS",
]

#: Formulas for a negative (lower-is-better) indicator.
FORMULAS = ("lkjip", "sipd")
#: The capaian of a realisasi of 0 on a negative indicator under ``sipd`` (t/0 is undefined).
ZERO_REALIZED_CAP = 200.0
#: Categories, best first (Permendagri 86/2017 evaluation scale).
CATEGORIES = ("sangat tinggi", "tinggi", "sedang", "rendah", "sangat rendah")
#: Lower bounds (exclusive) of the first four categories: sangat tinggi > 90, tinggi > 75 up to 90,
#: sedang > 65 up to 75, rendah > 50 up to 65, sangat rendah <= 50. Half-open, so every value has one.
DEFAULT_BOUNDS = (90.0, 75.0, 65.0, 50.0)


class Capaian(NamedTuple):
    """A capaian: ``value`` (percent, or None) and ``note`` (why None, or how it was read; "" when plain)."""

    value: float | None
    note: str


class PrintedCapaian(NamedTuple):
    """A capaian as a realisasi table prints it, with the target and realisasi the same row prints
    for that year (None where it prints none): what rule CAS707 recomputes."""

    value: float
    target: Any
    realized: Any


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _done(value: float, note: str = "", digits: int | None = 2) -> Capaian:
    if not math.isfinite(value):  # 1e308 / 1e-308: no percentage to print
        return Capaian(None, "out of range")
    return Capaian((round(value, digits) if digits is not None else value) + 0.0, note)


def capaian(target: Any, realized: Any, polarity: str | None, formula: str | None = "lkjip",
            tolerance: float = 0.0, digits: int | None = 2) -> Capaian:
    """The capaian of ``realized`` against ``target`` for an indicator of ``polarity``.

    ``target`` is a number, a :class:`~cascade.core.models.Range` (or ``{"min", "max"}`` mapping) or
    text; ``realized`` a number or text; ``polarity`` ``positive``, ``negative``, ``stable`` or None;
    ``formula`` ``lkjip`` (default, also for None) or ``sipd`` (negative polarity only); ``digits``
    the rounding (2, as LKjIP tables print it; None for the unrounded value). Never raises.

    >>> capaian(32, 4.88, "negative")
    Capaian(value=184.75, note='')
    >>> capaian(Range(max=49), 56.23, "negative")
    Capaian(value=85.24, note='against max 49')
    """
    if isinstance(target, dict) and set(target) <= {"min", "max"}:
        try:
            target = Range(**target)
        except Exception:
            return Capaian(None, "target is not a valid range")
    if target is None:
        return Capaian(None, "no target")
    if realized is None:
        return Capaian(None, "no realisasi")
    if isinstance(target, str) or isinstance(realized, str):
        if isinstance(target, str) and isinstance(realized, str):
            same = " ".join(target.split()).casefold() == " ".join(realized.split()).casefold()
            return Capaian(100.0 if same else 0.0, "qualitative")
        return Capaian(None, "text target, numeric realisasi" if isinstance(target, str) else "numeric target, text realisasi")
    r = _number(realized)
    if r is None:
        return Capaian(None, "realisasi is not a number")
    if polarity not in ("positive", "negative", "stable"):
        return Capaian(None, "polarity unknown")
    if polarity == "stable":
        return _stable(target, r, tolerance, digits)
    note = ""
    if isinstance(target, Range):
        bound = target.min if polarity == "positive" else target.max
        if bound is None:
            side = "min" if polarity == "positive" else "max"
            return Capaian(None, f"range has no {side} for a {polarity} indicator")
        t = float(bound)
        note = f"against {'min' if polarity == 'positive' else 'max'} {t:g}"
    else:
        t = _number(target)
        if t is None:
            return Capaian(None, "target is not a number")
    if polarity == "positive":
        if t == 0:
            return Capaian(None, "target 0 on a positive indicator")
        return _done(r / t * 100, note, digits)
    formula = formula or "lkjip"
    if formula == "sipd":
        if r == 0:
            return _done(ZERO_REALIZED_CAP, (note + "; " if note else "") + "realisasi 0: capped", digits)
        return _done(t / r * 100, note, digits)
    if formula != "lkjip":
        return Capaian(None, f"unknown formula {formula}")
    if t == 0:
        return Capaian(None, "target 0 on a negative indicator (lkjip formula)")
    return _done((2 - r / t) * 100, note, digits)


def _stable(target: Any, r: float, tolerance: float, digits: int | None = 2) -> Capaian:
    if isinstance(target, Range):
        lo = target.min if target.min is not None else -math.inf
        hi = target.max if target.max is not None else math.inf
        if lo <= r <= hi:
            return Capaian(100.0, "inside the range")
        bound = lo if r < lo else hi
    else:
        t = _number(target)
        if t is None:
            return Capaian(None, "target is not a number")
        if abs(r - t) <= abs(tolerance) * abs(t):
            return Capaian(100.0, "within tolerance" if tolerance else "")
        bound = t
    if bound == 0:
        return Capaian(None, "stable target 0: no scale for the distance")
    return _done(max(0.0, 100 * (1 - abs(r - bound) / abs(bound))), "outside the target", digits)


def category(value: float | None, bounds: tuple[float, float, float, float] | list[float] = DEFAULT_BOUNDS) -> str | None:
    """The category of a capaian: ``sangat tinggi`` (> bounds[0]), ``tinggi``, ``sedang``, ``rendah``,
    ``sangat rendah`` (<= bounds[3]); None for None."""
    if value is None:
        return None
    for name, low in zip(CATEGORIES, bounds):
        if value > low:
            return name
    return CATEGORIES[-1]


def category_rank(name: str) -> int:
    """0 for ``sangat tinggi`` up to 4 for ``sangat rendah`` (ValueError for other names)."""
    return CATEGORIES.index(name)


#: The ``note`` of a capaian (a machine code in JSON) as people read it in Bahasa Indonesia: whole
#: notes, then the patterns with a number or a name in them.
_NOTES_ID = {
    "no target": "tidak ada target",
    "no realisasi": "tidak ada realisasi",
    "target is not a valid range": "target bukan rentang yang sah",
    "qualitative": "kualitatif",
    "text target, numeric realisasi": "target berupa teks, realisasi berupa angka",
    "numeric target, text realisasi": "target berupa angka, realisasi berupa teks",
    "realisasi is not a number": "realisasi bukan angka",
    "polarity unknown": "polaritas tidak diketahui",
    "target is not a number": "target bukan angka",
    "target 0 on a positive indicator": "target 0 pada indikator positif",
    "target 0 on a negative indicator (lkjip formula)": "target 0 pada indikator negatif (rumus lkjip)",
    "inside the range": "di dalam rentang",
    "within tolerance": "dalam toleransi",
    "stable target 0: no scale for the distance": "target stabil 0: jarak tidak dapat diskalakan",
    "outside the target": "di luar target",
    "out of range": "di luar jangkauan angka",
    "realisasi 0: capped": "realisasi 0: dibatasi",
    "implausible": "tidak wajar (CAS703): capaian tidak dihitung",
}
_NOTE_PATTERNS_ID = (
    (re.compile(r"against (min|max) (\S+)"), lambda m: f"terhadap {m.group(1)} {m.group(2)}"),
    (re.compile(r"range has no (min|max) for a (positive|negative) indicator"),
     lambda m: f"rentang tanpa {m.group(1)} untuk indikator {'positif' if m.group(2) == 'positive' else 'negatif'}"),
    (re.compile(r"unknown formula (.+)"), lambda m: f"rumus tidak dikenal {m.group(1)}"),
)


def note_in(note: str | None, lang: str) -> str | None:
    """A capaian ``note`` as text, HTML and spreadsheets show it in ``lang`` (``en``: the note itself,
    which JSON keeps as a code). A note made of ``; ``-joined parts is translated part by part."""
    if not note or lang != "id":
        return note
    parts = []
    for part in note.split("; "):
        if part in _NOTES_ID:
            part = _NOTES_ID[part]
        else:
            for pattern, make in _NOTE_PATTERNS_ID:
                m = pattern.fullmatch(part)
                if m:
                    part = make(m)
                    break
        parts.append(part)
    return "; ".join(parts)


#: Polarity and the status of a realised value as people read them (JSON keeps the English codes).
POLARITY_WORDS = {"id": {"positive": "positif", "negative": "negatif", "stable": "stabil"}}
STATUS_WORDS = {"id": {"final": "final", "preliminary": "sementara"}}
