"""A line scanner for the plain subset of YAML that plan files are written in.

Parsing a plan file through libyaml's event stream spends most of its time creating Python event
objects. Plan files are almost always a small, regular subset of YAML; :func:`parse_plain` reads that
subset line by line, several times faster, and *declines* everything else.

Contract
--------
``parse_plain(text, limits)`` returns either :data:`DECLINE` or exactly what
``loader._construct_lean(text, limits)`` returns: the same nested dicts and lists, the same key
order, the same scalar types (a plain scalar is a ``str``; plain ``~``, ``null``, ``Null``,
``NULL`` and empty are ``None``, and as a mapping key ``""``; a quoted scalar is a
:class:`~cascade.core.text.Text`). It declines whenever ``_construct_lean`` would raise ``_Restart``
(a duplicate or ``<<`` key, an anchor, alias or tag, a second document, a syntax error, a limit)
and whenever the text is outside the subset below. Declining is always safe: the caller falls back
to the event stream. A wrong value is a bug. ``tests/read/test_fastyaml.py`` checks the contract
differentially against ``_construct_lean``.

The subset
----------
- Characters: ``\\n``, printable ASCII, and printable non-ASCII other than U+0085, U+2028, U+2029
  and U+FEFF. A tab, ``\\r``, control character or lone surrogate anywhere declines (``load_text``
  removes a leading BOM before).
- Lines: blank lines, full-line comments, and ``---`` (optionally with a comment) as the first
  content line. Any later line starting with ``---`` or ``...`` declines, as do directives and
  lines longer than ``limits.max_line_length`` (so ``load_text`` looks for one only in a text the
  scanner declined).
- Block mappings whose keys are plain (``[A-Za-z0-9_][A-Za-z0-9_./-]*``) or quoted (double-quoted
  without escapes), followed by ``:`` and a space or the line end. Block sequences (``- item``), with the compact
  forms ``- key: value`` and ``- - item``, and at the indentation of their parent key
  (``key:\\n- a``). ``key:`` and ``-`` with the value on the next, more indented lines. Spaces
  only; an indentation that matches no open collection declines.
- Values on one line, optionally followed by spaces and a comment: plain scalars (no ``: `` inside,
  not ending in ``:``, not starting with an indicator but for ``-`` before a non-space; `` #``
  starts a comment; trailing spaces are stripped); double-quoted scalars with YAML's escapes
  (``\\'``, invalid and surrogate code points decline); single-quoted scalars (``''`` is a
  quote); flow collections, nested or not (``[a, "b"]``, ``{start: 2025, end: 2029}``, ``[]``,
  ``[doc:ID]``), whose plain scalars hold none of ``,?[]{}#`` and no ``:`` before a space,
  ``,?[]{}#`` or the line end, whose keys are scalars followed by ``: ``, and which have no empty
  entry and no trailing comma.
- A document that is one flow collection on one line (``{a: [1, 2]}``).
- Everything else declines: multi-line scalars (a more indented line after a value), block
  scalars ``|`` ``>``, ``?`` keys, anchors, aliases, tags, multi-line flow collections, content on
  the ``---`` line, a scalar as the whole document, keys over 250 characters (libyaml's simple keys
  end at 1024 bytes), ``limits.max_depth`` levels of nesting (one before the loader's limit) and
  over half of ``limits.max_nodes`` events.

How
---
A fast path takes the usual lines, `key: value`, `- key: value`, `- value`, `key:`, with a plain,
double-quoted or one-level flow value: a line is split at its first ": " (``str.partition``, no
Python work per character), and what the fast path needs of it is computed once per distinct line
(most lines repeat within a plan file). Any other line goes to a general path that reads all of
the subset. Both keep one stack of open block collections.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.text import Text

__all__ = ["DECLINE", "parse_plain"]


class _DeclineType:
    __slots__ = ()

    def __repr__(self) -> str:
        return "DECLINE"


#: Returned by :func:`parse_plain` for a text it does not read; the caller parses it with the event stream.
DECLINE: Any = _DeclineType()


class _Decline(Exception):
    """Raised anywhere in the scan to give up on the text."""


_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
#: Anything but these declines: libyaml rejects control characters, treats U+0085, U+2028 and
#: U+2029 as line breaks and skips U+FEFF at a line start; tabs and \r are simply not supported.
_BAD_CHAR = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_ASCII_OK = bytes(range(0x20, 0x7F)) + b"\n"
_DOC_START = re.compile(r"---(?: +(?:#.*)?)?$")
#: A mapping key at the start of an entry: plain, or quoted on one line without escapes.
_KEY = re.compile(r"""([A-Za-z0-9_][A-Za-z0-9_./-]*|"[^"\\]*"|'(?:[^']|'')*'):(?: +|$)""")
_MAX_KEY = 250
#: A double- or single-quoted scalar on one line, then the end of the line or a comment.
_DQ = re.compile(r'"((?:[^"\\]|\\.)*)"(?: *$| +#)')
_SQ = re.compile(r"'((?:[^']|'')*)'(?: *$| +#)")
_DQ_FLOW = re.compile(r'"((?:[^"\\]|\\.)*)" *')
_SQ_FLOW = re.compile(r"'((?:[^']|'')*)' *")
#: A plain scalar in a flow collection, with the spaces after it (stripped from the value). A `:`
#: is part of it when followed by a character other than a space or ``,?[]{}#`` (``doc:ID``
#: references); ``?`` ends a flow plain scalar for the pure-Python parser but not for libyaml.
_PLAIN_FLOW = re.compile(
    r"""(?:-(?=[^ ,?\[\]{}:#])|[^-?:,\[\]{}#&*!|>'"%@` ])(?:[^,?\[\]{}:#]|:(?=[^ ,?\[\]{}#]))*"""
)
_SPACES = re.compile(" *")

# The fast path (see _Scan.line). Its regexes run once per distinct line; a line they do not
# match goes to the general path, which reads the same values and more.
_PLAIN_KEY = r"[A-Za-z0-9_][A-Za-z0-9_./-]{0,200}"
_HEAD = re.compile("( *)(- +)?(" + _PLAIN_KEY + ")")
#: First characters the fast path leaves to the general path (indicators, `-`, a space).
_NOT_FAST = frozenset("?:,[]{}#&*!|>'\"%@`- ")
#: A plain scalar in a flow collection (as ``_PLAIN_FLOW``) without the spaces after it.
_PLAIN_FLOW_SIMPLE = (
    r"""(?:[^-?:,\[\]{}#&*!|>'"%@` ]|-(?=[^ ,?\[\]{}:#]))"""
    r"""[^,?\[\]{}:#]*(?::(?=[^ ,?\[\]{}#])[^,?\[\]{}:#]*)*(?<! )"""
)
_FLOW_ITEM = r"""(?:"[^"\\]*"|""" + _PLAIN_FLOW_SIMPLE + ")"
_SIMPLE_SEQ = re.compile(r"\[ *(?:" + _FLOW_ITEM + r"(?: *, *" + _FLOW_ITEM + r")*)? *\]")
_SIMPLE_SEQ_ITEM = re.compile(r""""([^"\\]*)"|(""" + _PLAIN_FLOW_SIMPLE + ")")
_SIMPLE_PAIR = _PLAIN_KEY + ": +" + _FLOW_ITEM
_SIMPLE_MAP = re.compile(r"\{ *(?:" + _SIMPLE_PAIR + r"(?: *, *" + _SIMPLE_PAIR + r")*)? *\}")
_SIMPLE_MAP_ITEM = re.compile("(" + _PLAIN_KEY + r""")\: +(?:"([^"\\]*)"|(""" + _PLAIN_FLOW_SIMPLE + "))")
#: Spaces and a comment after a flow collection.
_AFTER_FLOW = re.compile(r"(?<=[\]}]) *(?: #.*)?$")
#: First characters a block plain scalar cannot have (``-`` is checked apart).
_INDICATORS = frozenset("?:,[]{}#&*!|>'\"%@`")
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_HEX = re.compile("[0-9A-Fa-f]+")
#: Nesting deeper than this declines whatever the limits say (the flow reader recurses).
_DEPTH_CAP = 200


def parse_plain(text: str, limits: Any) -> Any:
    """The data of ``text`` exactly as ``loader._construct_lean`` builds it, or :data:`DECLINE`."""

    try:
        return _Scan(text, limits, Text).run()
    except (_Decline, IndexError, RecursionError):
        return DECLINE


def _unescape(body: str) -> str:
    """The value of a double-quoted scalar's escapes, as libyaml reads them; declines on the others."""
    out = []
    i = 0
    while True:
        j = body.find("\\", i)
        if j < 0:
            out.append(body[i:])
            return "".join(out)
        out.append(body[i:j])
        c = body[j + 1]
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
            i = j + 2
            continue
        n = _HEX_DIGITS.get(c)
        if n is None:  # unknown escape (libyaml also takes \', the pure-Python parser does not)
            raise _Decline
        digits = body[j + 2 : j + 2 + n]
        if len(digits) != n or _HEX.fullmatch(digits) is None:
            raise _Decline
        code = int(digits, 16)
        if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            raise _Decline
        out.append(chr(code))
        i = j + 2 + n


class _Scan:
    """One scan: the open block collections, and the entry waiting for its value."""

    __slots__ = ("text", "text_type", "max_depth", "max_events", "max_line", "events", "heads", "flows")

    def __init__(self, text: str, limits: Any, text_type: type) -> None:
        self.text = text
        self.text_type = text_type
        self.max_depth = min(limits.max_depth, _DEPTH_CAP)
        self.max_events = limits.max_nodes // 2
        self.max_line = limits.max_line_length
        self.events = 0  # events of the values read by value() and flow(), taken by run()
        self.heads: dict[str, Any] = {}  # a line's part before ": " -> head()
        self.flows: dict[str, Any] = {}  # a flow value's text -> simple_flow()

    def run(self) -> Any:
        """The data of the text; raises _Decline (or IndexError at an unexpected line end)."""
        text = self.text
        if text.isascii():  # the usual case: bytes.translate is ~6 times faster than a regex
            if text.encode("ascii").translate(None, _ASCII_OK):
                raise _Decline
        elif _BAD_CHAR.search(text) is not None:
            raise _Decline
        key_match = _KEY.match
        nulls = _NULLS
        indicators = _INDICATORS
        value_of = self.value
        max_depth = self.max_depth
        max_line = self.max_line
        # The innermost open collection and its indentation; ``stack`` holds the enclosing ones
        # (as in _construct_lean, a root collection has one entry below it: "no collection").
        cur: Any = None
        is_map = False
        indent = -1
        indentless = False  # a sequence at its parent key's indentation (`key:\n- a`)
        stack: list[tuple[Any, bool, int, bool]] = []
        key: Any = None  # the key of a mapping entry waiting for its value
        pending = True  # the last entry (or the document) waits for its value
        root: Any = None
        events = 3  # stream start, document start, document end
        started = False  # a content line or `---` was read: no `---` may follow
        known: dict[str, Any] = {}  # a line -> line(line), as most lines repeat within a file
        line_of = self.line
        for line in text.split("\n"):
            n = known.get(line)
            if n is None:
                n = known[line] = line_of(line)
            if n:  # the fast path: a line line() reads, placed here
                col, dash, k, value, n, flow = n
                if flow:
                    value = value.copy()
                if pending:
                    if col > indent or (col == indent and dash and is_map):
                        # the line opens the waiting value: a mapping or a sequence
                        new = [] if dash else {}
                        if cur is None:
                            root = new
                            started = True
                        elif is_map:
                            cur[key] = new
                        else:
                            cur.append(new)
                        stack.append((cur, is_map, indent, indentless))
                        if len(stack) >= max_depth:
                            raise _Decline
                        cur, is_map, indentless, indent = new, not dash, col == indent, col
                        events += 2
                    else:  # the waiting value is empty
                        events += 1
                        if is_map:
                            cur[key] = None
                        else:
                            cur.append(None)
                    pending = False
                if col > indent:  # a continuation line, or a node where none can be
                    raise _Decline
                while col < indent:
                    cur, is_map, indent, indentless = stack.pop()
                if not dash:
                    if indentless and col == indent:
                        cur, is_map, indent, indentless = stack.pop()
                    if col != indent or not is_map or k in cur:
                        raise _Decline
                    if n == 1:
                        key = k
                        pending = True
                    elif flow and len(stack) + 1 >= max_depth:
                        raise _Decline
                    else:
                        cur[k] = value
                    events += n
                elif k is None:  # `- value`, a new item in the sequence `cur`
                    if col != indent or is_map or (flow and len(stack) + 1 >= max_depth):
                        raise _Decline
                    cur.append(value)
                    events += n
                else:  # a new item in the sequence `cur`, opening a mapping
                    if col != indent or is_map or len(stack) + 1 >= max_depth:
                        raise _Decline
                    if n == 1:
                        new = {}
                        key = k
                        pending = True
                    elif flow and len(stack) + 2 >= max_depth:
                        raise _Decline
                    else:
                        new = {k: value}
                    cur.append(new)
                    stack.append((cur, is_map, indent, indentless))
                    cur, is_map, indent, indentless = new, True, col + dash, False
                    events += n + 2
                continue
            # the general path: any line of the subset
            if len(line) > max_line:
                raise _Decline
            s = line.lstrip(" ")
            if not s or s[0] == "#":
                continue
            col = len(line) - len(s)
            if col == 0 and (s.startswith("---") or s.startswith("...")):
                if started or _DOC_START.match(s) is None:
                    raise _Decline
                started = True
                continue
            started = True
            dash = s[0] == "-" and (len(s) == 1 or s[1] == " ")
            opening = False
            if pending:
                if col > indent:
                    opening = True
                elif col == indent and is_map and dash:
                    opening = True  # a sequence at the indentation of its key
                else:
                    events += 1
                    if is_map:
                        cur[key] = None
                    else:
                        cur.append(None)
                    pending = False
            elif col > indent:  # a continuation line, or a node where none can be
                raise _Decline
            if not opening:
                while col < indent:
                    cur, is_map, indent, indentless = stack.pop()
                if indentless and col == indent and not dash:
                    cur, is_map, indent, indentless = stack.pop()
                if col != indent:
                    raise _Decline
            # the entry `s` at column `col`: in `cur`, or opening a collection in the waiting slot
            while True:
                if opening:
                    if dash:
                        new: Any = []
                    elif key_match(s) is not None:
                        new = {}
                    elif cur is None and (s[0] == "[" or s[0] == "{"):
                        # a document that is one flow collection; any further line declines
                        root = value_of(s, 0)
                        events += self.events
                        pending = False
                        break
                    else:  # a scalar on the next line, or a whole document that is one
                        raise _Decline
                    events += 2
                    if cur is None:
                        root = new
                    elif is_map:
                        cur[key] = new
                    else:
                        cur.append(new)
                    stack.append((cur, is_map, indent, indentless))
                    if len(stack) >= max_depth:
                        raise _Decline
                    indentless = col == indent
                    cur, is_map, indent = new, not dash, col
                    pending = opening = False
                if is_map:
                    m = key_match(s)
                    if m is None:
                        raise _Decline
                    end = m.end()
                    if end > _MAX_KEY:
                        raise _Decline
                    k = m.group(1)
                    c = k[0]
                    if c == '"':
                        k = self.text_type(k[1:-1])
                    elif c == "'":
                        k = self.text_type(k[1:-1].replace("''", "'"))
                    elif k in nulls:
                        k = ""
                    if k in cur or k == "<<":
                        raise _Decline
                    events += 1
                    v = s[end:]
                    if not v or v[0] == "#":
                        key = k
                        pending = True
                        break
                    c = v[0]
                    if c in indicators or c == "-":
                        if c == "-" and len(v) > 1 and v[1] not in " #":
                            pass
                        else:
                            v = value_of(v, len(stack))
                            events += self.events
                            self.events = 0
                            cur[k] = v
                            break
                    i = v.find(" #")
                    if i >= 0:
                        v = v[:i]
                    v = v.rstrip(" ")
                    if ": " in v or v[-1] == ":":
                        raise _Decline
                    events += 1
                    cur[k] = None if v in nulls else v
                    break
                if not dash:
                    raise _Decline
                v = s[1:].lstrip(" ")
                if not v or v[0] == "#":
                    pending = True
                    break
                c = v[0]
                if (c == "-" and (len(v) == 1 or v[1] == " ")) or key_match(v) is not None:
                    col += len(s) - len(v)
                    s = v
                    dash = c == "-" and (len(v) == 1 or v[1] == " ")
                    opening = True
                    continue
                if c in indicators or c == "-":
                    if c == "-" and len(v) > 1 and v[1] not in " #":
                        pass
                    else:
                        v = value_of(v, len(stack))
                        events += self.events
                        self.events = 0
                        cur.append(v)
                        break
                i = v.find(" #")
                if i >= 0:
                    v = v[:i]
                v = v.rstrip(" ")
                if ": " in v or v[-1] == ":":
                    raise _Decline
                events += 1
                cur.append(None if v in nulls else v)
                break
            if events > self.max_events:
                raise _Decline
        if pending and cur is not None:
            events += 1
            if is_map:
                cur[key] = None
            else:
                cur.append(None)
        if events > self.max_events:
            raise _Decline
        return root

    def value(self, v: str, level: int) -> Any:
        """A quoted scalar or flow collection starting ``v`` (the rest of a line); declines on anything else."""
        c = v[0]
        if c == '"':
            m = _DQ.match(v)
            if m is None:
                raise _Decline
            body = m.group(1)
            self.events += 1
            return self.text_type(_unescape(body) if "\\" in body else body)
        if c == "'":
            m = _SQ.match(v)
            if m is None:
                raise _Decline
            self.events += 1
            return self.text_type(m.group(1).replace("''", "'"))
        if c == "[" or c == "{":
            value, i = self.flow(v, 0, level + 1)
            rest = v[i:]  # the flow reader stops after the spaces that follow
            if rest and (rest[0] != "#" or v[i - 1] != " "):
                raise _Decline
            return value
        raise _Decline  # block scalars, anchors, aliases, tags, reserved characters, `? `, `: `

    def line(self, line: str) -> Any:
        """What the fast path needs of a line, ``(column, dash width or 0, key, value, events,
        value is a flow collection to copy)``, or False for a line it leaves to the general path.

        The lines: `key: value`, `- key: value`, `- value`, and `key:` or `- key:` whose value
        is on the next lines (events 1, for the key); a value may be followed by a comment. The
        key is None for `- value`."""
        if len(line) > self.max_line:
            raise _Decline
        head, sep, v = line.partition(": ")
        if sep:
            h = self.heads.get(head)
            if h is None:
                h = self.heads[head] = self.head(head)
            if not h:
                return False
            n = 2  # events: the key and the value
        elif line[-1:] == ":":
            h = self.heads.get(line[:-1])
            if h is None:
                h = self.heads[line[:-1]] = self.head(line[:-1])
            return h + (None, 1, False) if h else False
        else:  # `- value`
            s = line.lstrip(" ")
            if s[:2] != "- ":
                return False
            v = s[2:].lstrip(" ")
            h = (len(line) - len(s), len(s) - len(v), None)
            n = 1
        i = v.find(" #")
        if i >= 0:  # a comment (or ` #` in a quoted scalar or flow collection, left to the general path)
            v = v[:i].rstrip(" ")
        c = v[:1]
        if c == '"':
            if v.find('"', 1) == len(v) - 1 and "\\" not in v:
                return h + (self.text_type(v[1:-1]), n, False)
            return False
        if c == "[" or c == "{":
            value = self.flows.get(v, False)
            if value is False:
                value = self.flows[v] = self.simple_flow(v)
            if value is None:
                return False
            return h + (value, n + 1 + (len(value) if value.__class__ is list else 2 * len(value)), True)
        if c and c not in _NOT_FAST and v[-1] not in " :" and ": " not in v:
            return h + (None if v in _NULLS else v, n, False)
        if (not c or c == "#") and h[2] is not None:  # `key: # comment`: the value on the next lines
            return h + (None, 1, False)
        return False

    @staticmethod
    def head(head: str) -> Any:
        """``(column, dash width or 0, key)`` of a line's part before ": ", or False for another."""
        m = _HEAD.fullmatch(head)
        if m is None:
            return False
        ind, dash, k = m.groups()
        return len(ind), len(dash) if dash else 0, "" if k in _NULLS else k

    def simple_flow(self, f: str) -> Any:
        """A one-level flow collection of plain and double-quoted scalars (and an optional comment
        after it), or None for anything else."""
        nulls = _NULLS
        text_type = self.text_type
        if f[-1] != "]" and f[-1] != "}":
            m = _AFTER_FLOW.search(f)
            if m is None:
                return None
            f = f[: m.start()]
        if f[0] == "[":
            if _SIMPLE_SEQ.fullmatch(f) is None:
                return None
            items = _SIMPLE_SEQ_ITEM.findall(f)
            return [text_type(q) if not p else None if p in nulls else p for q, p in items]
        if _SIMPLE_MAP.fullmatch(f) is None:
            return None
        pairs = _SIMPLE_MAP_ITEM.findall(f)
        out = {k: text_type(q) if not p else None if p in nulls else p for k, q, p in pairs}
        if len(out) != len(pairs) or not nulls.isdisjoint(out):  # a duplicate key, a null key
            return None
        return out

    def flow(self, s: str, i: int, level: int) -> tuple[Any, int]:
        """The flow collection at ``s[i]``, and the index after it and the spaces that follow it."""
        if level >= self.max_depth:
            raise _Decline
        self.events += 2
        spaces = _SPACES.match
        node = self.flow_node
        if s[i] == "[":
            out: Any = []
            i = spaces(s, i + 1).end()
            if s[i] == "]":
                return out, spaces(s, i + 1).end()
            while True:
                item, i = node(s, i, level)
                out.append(item)
                c = s[i]
                if c == "]":
                    return out, spaces(s, i + 1).end()
                if c != ",":  # `:` (a pair), `#`, anything after a quoted scalar
                    raise _Decline
                i = spaces(s, i + 1).end()
                if s[i] == "]":  # a trailing comma
                    raise _Decline
        out = {}
        i = spaces(s, i + 1).end()
        if s[i] == "}":
            return out, spaces(s, i + 1).end()
        while True:
            start = i
            if s[i] == "[" or s[i] == "{":  # a collection as a key
                raise _Decline
            k, i = node(s, i, level)
            if i - start > _MAX_KEY or s[i] != ":" or s[i + 1] != " ":
                raise _Decline
            if k is None:
                k = ""
            if k in out or k == "<<":
                raise _Decline
            item, i = node(s, spaces(s, i + 2).end(), level)
            out[k] = item
            c = s[i]
            if c == "}":
                return out, spaces(s, i + 1).end()
            if c != ",":
                raise _Decline
            i = spaces(s, i + 1).end()
            if s[i] == "}":
                raise _Decline

    def flow_node(self, s: str, i: int, level: int) -> tuple[Any, int]:
        """The scalar or collection at ``s[i]`` in a flow collection, and the index after its spaces."""
        c = s[i]
        if c == "[" or c == "{":
            return self.flow(s, i, level + 1)
        self.events += 1
        if c == '"':
            m = _DQ_FLOW.match(s, i)
            if m is None:
                raise _Decline
            body = m.group(1)
            return self.text_type(_unescape(body) if "\\" in body else body), m.end()
        if c == "'":
            m = _SQ_FLOW.match(s, i)
            if m is None:
                raise _Decline
            return self.text_type(m.group(1).replace("''", "'")), m.end()
        m = _PLAIN_FLOW.match(s, i)
        if m is None:  # an indicator, an empty entry
            raise _Decline
        v = m.group().rstrip(" ")
        return (None if v in _NULLS else v), m.end()
