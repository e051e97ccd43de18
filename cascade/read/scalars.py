"""What a YAML 1.1 tool makes of a plain scalar: the implicit resolvers of PyYAML.

Plan files are read as YAML 1.2 text-first (``no`` stays the word ``no``), but other tools that read
them (a YAML 1.1 loader in a portal, a spreadsheet export) would turn ``no``, ``010`` or
``2024-01-01`` into a boolean, an octal number or a date. The schema stage warns about such
unquoted values (CAS006), and the YAML writer quotes them.
"""

from __future__ import annotations

import re

__all__ = ["yaml11_kind", "YAML11_FIRST"]

#: The YAML 1.1 booleans. Each starts with a letter, and no number or date does: a scalar starting
#: with a letter is a boolean or text, decided by one set lookup (names and ids starting with T, N,
#: O, F or Y are common).
_Y11_BOOL_WORDS = frozenset(
    "y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF".split()
)
_BOOL_FIRST = frozenset(word[0] for word in _Y11_BOOL_WORDS)
_Y11_INT = re.compile(
    r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"
)
_Y11_FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_Y11_DATE = re.compile(r"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?")
YAML11_FIRST = frozenset("0123456789+-.") | _BOOL_FIRST


def yaml11_kind(value: str) -> str | None:
    """What a YAML 1.1 loader would make of this plain scalar, when not text."""
    if not value or value[0] not in YAML11_FIRST:
        return None
    if value[0] in _BOOL_FIRST:
        # a final newline is allowed, as the ``$`` of the other patterns allows it
        return "boolean" if value in _Y11_BOOL_WORDS or (value[-1] == "\n" and value[:-1] in _Y11_BOOL_WORDS) else None
    if _Y11_INT.match(value) or _Y11_FLOAT.match(value):
        return "number"
    if _Y11_DATE.match(value):
        return "date"
    return None
