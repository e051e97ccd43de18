"""Reading the values of spreadsheet cells: numbers by locale, Rp amounts, ranges, NA, glued units.

A cell that holds a number is that number. A text cell is read by the number locale of the layout or
sidecar: ``id`` (``72,6`` is 72.6, ``1.250.000.000`` is 1250000000) or ``en`` (``1,250.5``). With
no locale, a text that reads two ways (``1.234``, ``2,500``) is ambiguous and is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..core.text import ascii_digits, unwritten_float

__all__ = ["CellValue", "read_number", "read_target", "MISSING_WORDS"]

#: Texts that say "no value" in pemda tables.
MISSING_WORDS = {"", "-", "--", "–", "—", "na", "n/a", "n.a", "n.a.", "tidak ada", "nihil", "tad"}

_NUM = r"[+-]?[0-9][0-9.,]*"  # ASCII digits: ٧٢ and ７２ are refused with a hint (_foreign_digits)
_GLUED = re.compile(rf"^({_NUM})\s*([^0-9\s].*)?$")
_RANGE = re.compile(rf"^({_NUM})\s*(?:-|–|—|s\.?d\.?|s/d|sampai)\s*({_NUM})\s*(\S.*)?$", re.I)
_RP = re.compile(r"^rp\.?\s*", re.I)
#: A number in exponent form (``1e3``, ``2.5E-4``): read whole, never as 1 with a glued unit "e3".
_EXPONENT = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$", re.ASCII)
#: Texts that spreadsheets and scripts write for a float that is no number (``nan``) or infinite.
_NOT_FINITE = frozenset(("nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"))
#: A one-sided target: "< 49", "≤ 1", "kurang dari 49", "maks. 5" (at most); "> 80", "minimal 80" (at least).
_AT_MOST = re.compile(rf"^(?:<=?|≤|=<|kurang\s+dari|maks(?:imal|\.)?|max\.?|paling\s+banyak)\s*({_NUM})\s*(\S.*)?$", re.I)
_AT_LEAST = re.compile(rf"^(?:>=?|≥|=>|lebih\s+dari|min(?:imal|\.)?|paling\s+sedikit|sekurang-kurangnya)\s*({_NUM})\s*(\S.*)?$", re.I)


@dataclass(frozen=True)
class CellValue:
    """What one cell gave: ``value`` (number, range dict, text or None), a glued ``unit``, and
    ``problem`` (a CAS007 variant with its arguments) when the text could not be read safely."""

    value: Any
    unit: str | None = None
    problem: tuple[str, dict] | None = None


def _parse_number(text: str, locale: str | None) -> tuple[float | int | None, str | None]:
    """(number, None), or (None, "ambiguous"/"bad"/"huge": beyond the largest float)."""
    t = text.replace(" ", "").replace("\u00a0", "")
    neg = t.startswith("-")
    t = t.lstrip("+-")
    if not t or not re.fullmatch(r"[0-9][0-9.,]*", t) or t[-1] in ".,":
        return None, "bad"
    dots, commas = t.count("."), t.count(",")
    if locale == "id":
        thousands, decimal = ".", ","
    elif locale == "en":
        thousands, decimal = ",", "."
    else:
        if dots and commas:
            # both: the last one is the decimal mark
            decimal = "." if t.rfind(".") > t.rfind(",") else ","
            thousands = "," if decimal == "." else "."
        elif dots + commas == 0:
            thousands, decimal = "", "."
        else:
            sep = "." if dots else ","
            n = dots or commas
            tail = t.rsplit(sep, 1)[1]
            if n > 1:
                thousands, decimal = sep, ""
            elif len(tail) == 3:
                return None, "ambiguous"  # 1.234 / 2,500: a thousand or a decimal?
            else:
                thousands, decimal = "", sep
    if decimal and t.count(decimal) > 1:
        return None, "bad"
    whole, _, frac = t.partition(decimal) if decimal else (t, "", "")
    if thousands and thousands in whole:
        groups = whole.split(thousands)
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            return None, "bad"
        whole = "".join(groups)
    if not whole.isdigit() or (frac and not frac.isdigit()) or (thousands and thousands in frac):
        return None, "bad"
    value: float | int = float(f"{whole}.{frac}") if frac else int(whole)
    if len(whole) > 300 and float(f"{whole[:1]}e{len(whole) - 1}") == float("inf"):  # 1 and 310 zeros: infinity
        return None, "huge"
    return (-value if neg else value), None


#: A "unit" glued to a number that is the rest of a number this reader does not read (``1e309``
#: read as 1 with the unit "e309", ``1_000``, ``0x1p3``).
_NUMBER_TAIL = re.compile(r"[eE][+-]?\d|[xX][0-9a-fA-F]|_\d", re.ASCII)


def _torn(text: str, number_end: int, unit: str | None) -> bool:
    """Whether ``unit``, right after the number that ends at ``number_end`` in ``text``, is the rest of
    that number rather than a unit."""
    return bool(unit) and _NUMBER_TAIL.match(unit) is not None and not text[number_end:number_end + 1].isspace()


def _foreign_digits(text: str) -> CellValue | None:
    """A cell written with non-ASCII digits (``７２``, ``٧٢``): not read, with the ASCII spelling as
    the hint, as the YAML reader does (CAS103); Python's ``int()`` would read it, and a cell
    ``١٢٣٫٤`` was once read as 123 with the unit ``٫٤``."""
    plain = ascii_digits(text)
    if plain is None:
        return None
    return CellValue(None, problem=("digits", {"text": text[:60], "hint": plain[:60]}))


def read_number(raw: Any, locale: str | None, *, money: bool = False) -> CellValue:
    """A number cell (Rp amount or a numeric target); a text is read by ``locale``."""
    if raw is None:
        return CellValue(None)
    if isinstance(raw, bool):
        return CellValue(None, problem=("not-number", {"text": str(raw)}))
    if isinstance(raw, (int, float)):
        return CellValue(int(raw) if float(raw).is_integer() and money else raw)
    text = str(raw).strip()
    if text.lower() in MISSING_WORDS:
        return CellValue(None)
    if (foreign := _foreign_digits(text)) is not None:
        return foreign
    if money:
        text = _RP.sub("", text)
        text = re.sub(r"[,.]-$", "", text)  # "Rp 1.500.000,-"
    number, why = _parse_number(text, locale)
    if number is None:
        if why == "bad" and locale and re.fullmatch(_NUM, text.replace(" ", "")):
            return CellValue(None, problem=("locale", {"text": text[:60], "locale": locale}))
        return CellValue(None, problem=("ambiguous" if why == "ambiguous" else "not-number", {"text": text[:60]}))
    return CellValue(number)


def read_target(raw: Any, locale: str | None) -> CellValue:
    """A target or kondisi cell: a number, a range ``a - b``, a one-sided range (``< 49`` or ``kurang
    dari 49`` is ``{max: 49}``, ``> 80`` or ``minimal 80`` is ``{min: 80}``), a number with a glued
    unit, NA/-, or a qualitative text (``WTP``, ``A (4)``) kept as written."""
    if raw is None:
        return CellValue(None)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return CellValue(raw)
    text = " ".join(str(raw).split())
    if text.lower() in MISSING_WORDS:
        return CellValue(None)
    if (foreign := _foreign_digits(text)) is not None and not isinstance(read_target(foreign.problem[1]["hint"], locale).value, str):
        return foreign  # a number in other digits; "Level ３" stays a qualitative text
    if text.lower() in _NOT_FINITE:  # not a qualitative target: what a script wrote for a missing number
        return CellValue(None, problem=("not-number", {"text": text[:60]}))
    if _EXPONENT.match(text):
        number = float(text)
        if unwritten_float(text, number):  # 1e309 is infinity and 1e-400 rounds to 0: no number to keep
            return CellValue(None, problem=("not-number", {"text": text[:60]}))
        return CellValue(number)
    m = _RANGE.match(text)
    if m:
        lo, why_lo = _parse_number(m.group(1), locale)
        hi, why_hi = _parse_number(m.group(2), locale)
        if lo is not None and hi is not None and _torn(text, m.end(2), m.group(3)):  # "1 - 2e5"
            return CellValue(None, problem=("not-number", {"text": text[:60]}))
        if lo is not None and hi is not None:
            return CellValue({"min": lo, "max": hi}, m.group(3))
        if "ambiguous" in (why_lo, why_hi):
            return CellValue(None, problem=("ambiguous", {"text": text[:60]}))
    for pattern, bound in ((_AT_MOST, "max"), (_AT_LEAST, "min")):
        m = pattern.match(text)
        if m:
            number, why = _parse_number(m.group(1), locale)
            if number is not None and _torn(text, m.end(1), m.group(2)):  # "< 1e309" is no {max: 1}
                return CellValue(None, problem=("not-number", {"text": text[:60]}))
            if number is not None:
                return CellValue({bound: number}, m.group(2).strip() if m.group(2) else None)
            if why == "ambiguous":
                return CellValue(None, problem=("ambiguous", {"text": text[:60]}))
    m = _GLUED.match(text)
    if m:
        number, why = _parse_number(m.group(1), locale)
        unit = m.group(2).strip() if m.group(2) else None
        if number is not None and _torn(text, m.end(1), unit):
            # "1_000e400", "0x1p3": a number in a form this reader does not read, not 1 or 0 with a unit
            return CellValue(None, problem=("not-number", {"text": text[:60]}))
        if number is not None:
            return CellValue(number, unit)
        if why == "ambiguous":
            return CellValue(None, problem=("ambiguous", {"text": text[:60]}))
        if why == "huge":
            return CellValue(None, problem=("not-number", {"text": text[:60]}))
        if locale and re.fullmatch(_NUM, m.group(1)) and re.search(r"[.,]", m.group(1)):
            # "3.5" in a table declared locale id: a number, but not as the table writes them
            return CellValue(None, problem=("locale", {"text": text[:60], "locale": locale}))
    return CellValue(text)
