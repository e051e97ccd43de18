"""Text: what a plan wrote as text (:class:`Text`), and text as reports may print it: no character
that acts on a terminal, a CI log or a reader's eyes.

:func:`escape_unsafe` writes as ``\\uXXXX`` (``\\UXXXXXXXX`` above the BMP) every character that is
not shown as itself: C0 and C1 controls (ESC starts terminal sequences that set the window title or
clear the screen; a line break forges lines of a CI log), line and paragraph separators, and the
format characters that are invisible or turn text around (zero-width space and joiners, the bidi
marks, embeddings, overrides and isolates such as U+202E, the Arabic letter mark U+061C, the
Mongolian vowel separator, BOM, soft hyphen, interlinear annotations, and the tag characters
U+E0000-U+E007F), and lone surrogates U+D800-U+DFFF (a JSON payload decoded in Python may hold
one; no UTF-8 output can encode it). Finding messages, file names and source excerpts all pass through it.

:func:`short_int` keeps a number a message quotes printable: Python refuses ``str()`` of an int of
more than 4300 digits, and nobody reads one.
"""

from __future__ import annotations

import re
from typing import Iterable

__all__ = ["Text", "UNSAFE", "escape_unsafe", "join_lines", "csv_cell", "short_int", "name_key", "sasaran_key", "unwritten_float", "ascii_digits", "html_text", "csv_text", "json_text"]

#: Every character :func:`escape_unsafe` escapes (Unicode categories Cc, Cf, Zl, Zp, and the lone
#: surrogates of category Cs, which no UTF-8 output can encode: a JSON payload's ``"\\ud83d"``).
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escape_unsafe(text: str, keep: str = "") -> str:
    """``text`` with every :data:`UNSAFE` character (but those in ``keep``, e.g. a tab) as ``\\uXXXX``."""
    if keep:
        return UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
    return UNSAFE.sub(_escape, text)


#: Every character but the line break (in ``json.dumps``' output only the indentation's) and the
#: ranges that hold no :data:`UNSAFE` character: printable ASCII, Latin-1 but the soft hyphen, the
#: Latin, Greek, Cyrillic and Hebrew blocks, and the punctuation around the bullet ``•`` of a
#: masked NIP. A class of a few ranges is scanned about five times as fast as :data:`UNSAFE`'s;
#: what it finds (a rare character) is then tested against :data:`UNSAFE` itself.
_JSON_CANDIDATE = re.compile("[^\n\x20-\x7e\xa0-\xac\xae-\u05ff\u2010-\u2027\u2030-\u205f]")


def _json_escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON has no \\U: a character above the BMP is written as its surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(value: object, *, indent: "int | None" = 2, **options: object) -> str:
    """``value`` as the JSON of a report, ending in a line break: UTF-8 text as it is (``ensure_ascii``
    off, so Indonesian names stay readable), but every :data:`UNSAFE` character inside a string as a
    ``\\uXXXX`` escape (surrogate pairs above the BMP), so that a plan's U+202E or ESC does not act on
    whoever opens the file in a terminal, an editor or a pull request's diff. A JSON reader decodes
    exactly the same value: the escapes are JSON's own. (``json.dumps`` itself escapes only C0
    controls, and writes a lone surrogate raw, which no UTF-8 output can encode.)"""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=indent, **options)  # type: ignore[arg-type]
    # Outside strings JSON has no character of UNSAFE but the line breaks of the indentation; inside
    # them json.dumps has already escaped every C0 control, the line break included.
    return _JSON_CANDIDATE.sub(lambda m: _json_escape(m) if UNSAFE.match(m.group()) else m.group(), text) + "\n"


def join_lines(lines: "Iterable[str]") -> str:
    """A human text output from its lines, each escaped whole (:func:`escape_unsafe`, nothing kept):
    the tool decides where lines break, the plan never does. A line break inside a plan's value (a
    name ``"Mutu\\n::error file=x.yaml,line=1::forged"``) is shown as ``\\u000a`` within its line, so
    no line of the output starts with text the plan wrote (a CI log reads ``::error`` at the start
    of a line as an annotation). Escaping a text twice changes nothing: ``\\u000a`` is safe text."""
    return "".join(escape_unsafe(line) + "\n" for line in lines)


#: The first characters that make a spreadsheet read a CSV cell as a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?%?")


def csv_cell(value: object) -> object:
    """A cell of a CSV written for people and spreadsheets: a text starting with ``=`` ``+`` ``-``
    ``@``, a tab or a carriage return gets a leading ``'`` (the OWASP rule, as the xlsx export keeps a
    plan's ``=`` text from being a formula), unless the whole cell is a number (``-3.5``, ``+2``,
    ``-12%``) or a lone ``-`` (no value), which stay as they are; every :data:`UNSAFE` character (a line break too) is shown as
    ``\\uXXXX``, so a cell never spans lines. Other values (numbers, None) pass unchanged."""
    if not isinstance(value, str):
        return value
    if value[:1] in _FORMULA_START and value != "-" and not _NUMBER.fullmatch(value):
        value = "'" + value
    return escape_unsafe(value)


def name_key(text: str) -> str:
    """A printed name as names are matched: compatibility forms folded (NFKC), case folded, and
    everything but letters and digits dropped, so that spacing, line breaks in cells and punctuation
    never matter: ``"Angka Kematian Ibu\n(per 100.000 KH)"`` and ``"angka kematian ibu per 100000 KH"``
    give the same key."""
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


_SASARAN_PREFIX = re.compile(r"^\s*(?:sasaran(?:\s+strategis)?|ss)\s*(?:ke\s*)?(?:\d+(?:\.\d+)*|[ivxlc]+)?\s*[.:)\-]?\s+", re.I)


def sasaran_key(text: str) -> str:
    """:func:`name_key` of a sasaran as an LKjIP table prints it, without its numbering:
    ``"Sasaran Strategis 1. Meningkatnya ..."`` and ``"Meningkatnya ..."`` give the same key."""
    return name_key(_SASARAN_PREFIX.sub("", text, count=1))


def unwritten_float(text: str, number: float) -> str | None:
    """Why ``number``, ``float(text)``, is not the number ``text`` writes: ``"infinite"`` beyond the
    largest float (``1e309``), ``"zero"`` when it rounds to 0 (``1e-400``); None when it is that number."""
    if number and not number - number:  # inf - inf is nan, which is true; a finite number gives 0.0
        return None
    if number != 0.0:
        return "infinite"
    return "zero" if _NONZERO_DIGIT.search(re.split(r"[eE]", text, maxsplit=1)[0]) else None


_NONZERO_DIGIT = re.compile(r"[1-9]")

#: The Arabic decimal and thousands separators, as the ASCII marks they stand for.
_ARABIC_MARKS = str.maketrans({"\u066b": ".", "\u066c": ","})


def ascii_digits(text: str) -> str | None:
    """``text`` with its non-ASCII decimal digits as ASCII ones (full-width ``７２``, Arabic-Indic
    ``٧٢``, Devanagari ...; compatibility forms folded by NFKC, the Arabic separators ``٫`` ``٬`` as
    ``.`` ``,``), or None when it has no such digit. Python's ``int()`` and ``float()`` read them all,
    YAML reads none as a number: cascade reads neither, and says how to write it."""
    if text.isascii() or not any(ch.isdecimal() and not ch.isascii() for ch in text):
        return None
    import unicodedata

    folded = unicodedata.normalize("NFKC", text).translate(_ARABIC_MARKS)
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in folded)


def short_int(value: int) -> int | str:
    """``value``, or for more than 30 digits its first five and its length: ``99999… (5000 digits)``."""
    if -10**30 < value < 10**30:
        return value
    shift = max(int(abs(value).bit_length() * 0.30102999566398) - 8, 0)  # log10(2): leaves 8-9 leading digits
    head = str(abs(value) // 10**shift)
    return f"{'-' if value < 0 else ''}{head[:5]}… ({len(head) + shift} digits)"


class Text(str):
    """A scalar written quoted or as a block scalar: explicitly text, never converted to a number."""

    __slots__ = ()


#: Line breaks as HTML character references: the same rendering (white space), and no raw line break
#: from a plan value in a page that a command may print to a CI log (``cascade report`` without
#: ``--output``), where ``\n::error file=...`` would start a forged annotation.
_HTML_BREAKS = str.maketrans({"\n": "&#10;", "\r": "&#13;", "\x85": "&#133;", "\u2028": "&#8232;", "\u2029": "&#8233;"})


def html_text(text: "str | None") -> str:
    """``text`` escaped for HTML (``&``, ``<``, ``>``, quotes) with its line breaks as character references."""
    import html

    return html.escape(text or "", quote=True).translate(_HTML_BREAKS)


def csv_text(head: "object", rows: "object") -> str:
    """A header row and the ``rows``, as a CSV for people and spreadsheets: each cell through
    :func:`csv_cell` (never a formula, never a second line)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(head)  # type: ignore[arg-type]
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)  # type: ignore[union-attr]
    return buffer.getvalue()
