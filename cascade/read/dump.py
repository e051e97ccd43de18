"""Writing plan documents as YAML that every tool reads the same way.

:func:`dump_document` is the inverse of the loader: ``load_text(dump_document(data)).data == data``
for the plain data the loader produces (mappings with text keys, lists, text and None), and a
:class:`~cascade.models.Document` is written so that loading it gives the same model back.

The output is block-style YAML in the subset of FORMAT.md: no anchors, aliases or tags. A text value
is written plain only when every YAML 1.1 and 1.2 tool reads it as that same text (letters first,
then letters, digits, spaces and ``. _ / ( ) -``, and nothing a YAML 1.1 tool would take for a number,
boolean or date); anything else is double-quoted with escapes, so ``1.10``, ``010``, ``no``,
``35.20`` and ``~`` stay text in spreadsheets and portals too. Numbers, booleans and None are written
as YAML numbers, ``true``/``false`` and ``null``.
"""

from __future__ import annotations

import math
import re
from typing import Any

from pydantic import BaseModel

from .scalars import yaml11_kind

__all__ = ["dump_document", "quote"]

#: Text safe to write plain: a letter first, no ': ', ' #', quotes, brackets or control characters.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._/()-]*")  # fullmatch: "$" would accept a final newline
#: Plain words that some YAML reader takes for null or a boolean (1.1 booleans are in ``yaml11_kind``).
_RESERVED = frozenset(("null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"))
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}
#: Characters YAML may print inside a double-quoted scalar as they are (YAML 1.2, 5.1), minus line
#: breaks (NEL, LS, PS), which a reader would fold, and the byte order mark.
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
#: Guard against data nested deeper than any plan the loader accepts (its limit is 48 by default).
_MAX_DEPTH = 256


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if _PRINTABLE.match(char):
        return char
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError(f"a lone surrogate (U+{code:04X}) cannot be written as YAML")
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


#: Text longer than this is folded over several lines (a plan line may hold 65,536 characters).
FOLD_WIDTH = 100


def quote(text: str, indent: int | None = None) -> str:
    """``text`` as a YAML scalar that reads back as exactly that text: plain if safe, else double-quoted.

    With ``indent`` (the column of the key it belongs to), text longer than :data:`FOLD_WIDTH` is
    written double-quoted over several lines, each but the last ending in an escaped line break
    (``\\``), which joins the lines with nothing between them; a line never starts with a space
    (the reader would drop it). So an 80,000-character name reads back as written, instead of as a
    line over the loader's limit.
    """
    if len(text) <= FOLD_WIDTH or indent is None:
        if _PLAIN.fullmatch(text) and not text.endswith(" ") and text not in _RESERVED and yaml11_kind(text) is None:
            return text
        return '"' + "".join(_escape(c) for c in text) + '"'
    pad = " " * (indent + 2)
    lines, line, width = [], ['"'], 1
    prev = ""
    for char in text:
        piece = _escape(char)
        # after a space where one comes near the width, else at 20 past it; never before a space
        if char not in " \t" and (width >= FOLD_WIDTH + 20 or (width >= FOLD_WIDTH - 20 and prev == " ")):
            lines.append("".join(line) + "\\")
            line, width = [pad], 0
        line.append(piece)
        width += len(piece)
        prev = char
    lines.append("".join(line) + '"')
    return "\n".join(lines)


def _scalar(value: Any, indent: int | None = None) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} is not a number a plan can hold")
        return repr(value)
    if isinstance(value, str):
        return quote(value, indent)
    raise ValueError(f"cannot write a {type(value).__name__} as YAML")


def _key(key: Any) -> str:
    if isinstance(key, (bool, int, float, str)):
        return _scalar(key)
    raise ValueError(f"cannot write a {type(key).__name__} mapping key as YAML")


def _block(value: Any, indent: int, out: list[str], depth: int) -> None:
    """Append the lines of a non-empty mapping or list at ``indent`` spaces."""
    if depth > _MAX_DEPTH:
        raise ValueError(f"data nested deeper than {_MAX_DEPTH} levels cannot be written as a plan")
    pad = " " * indent
    items = value.items() if isinstance(value, dict) else ((None, v) for v in value)  # a list or tuple
    for key, item in items:
        lead = f"{pad}{_key(key)}:" if isinstance(value, dict) else f"{pad}-"
        if isinstance(item, (dict, list, tuple)) and item:
            if isinstance(value, dict):
                out.append(lead)
                _block(item, indent + 2, out, depth + 1)
            else:  # a list item: its first line continues the dash
                start = len(out)
                _block(item, indent + 2, out, depth + 1)
                out[start] = lead + out[start][indent + 1 :]
        elif isinstance(item, (dict, list, tuple)):
            out.append(f"{lead} {'{}' if isinstance(item, dict) else '[]'}")
        else:
            out.append(f"{lead} {_scalar(item, indent)}")


def dump_document(data: Any) -> str:
    """Write a plan document (a :class:`~cascade.models.Document` or plain data) as YAML text.

    A model is written without its default values. Raises :class:`ValueError` for what YAML in the
    plan format cannot hold: NaN or infinite numbers, lone surrogates, objects other than mappings,
    lists (or tuples), text, numbers, booleans and None.
    """
    if isinstance(data, BaseModel):
        data = data.model_dump(mode="python", exclude_defaults=True)
    if isinstance(data, (dict, list, tuple)) and data:
        out: list[str] = []
        _block(data, 0, out, 0)
        return "\n".join(out) + "\n"
    if isinstance(data, (dict, list, tuple)):
        return ("{}" if isinstance(data, dict) else "[]") + "\n"
    return _scalar(data) + "\n"
