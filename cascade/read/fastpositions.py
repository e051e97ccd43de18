"""The source map of a plan file by a line scanner, for the subset of YAML plan files are written in.

A file's first finding asks where its values stand, and ``loader._positions`` answers by walking
libyaml's event stream over the whole file: on a workspace where most files have findings (real
plans: 107,000 findings at 100,000 elements), that walk was the largest single cost of a lint
(0.32 s for a 2.8 MB Renstra). :func:`positions_plain` reads the same spans line by line, several
times faster, and *declines* whatever it does not read.

Contract
--------
``positions_plain(text, limits)`` returns either :data:`~cascade.read.fastyaml.DECLINE` or exactly
the ``(values, keys)`` that ``loader._positions(text, limits)`` returns: the same paths, and for
each the parser's 0-based ``(line, column, end line, end column)``, where

- a scalar runs from its first character to the one after its last (quotes included; a plain
  scalar's trailing spaces and comment excluded); an empty value (``key:``, ``-``) is the empty
  span after its ``:`` or ``-``;
- a block collection runs from its first token (the first key, the first ``-``) to the next token
  of a shallower node (the start of the line that closes it), or to the end of the stream: column
  0 of the line after the last; a text that does not end in a line break ends its last line there
  (libyaml), but for the collections indented deeper than that line's end (a last line of spaces
  or a comment), which end at the end of that line;
- a flow collection runs from its bracket to the one after its closing bracket;
- ``keys`` has the span of every mapping key, block or flow.

It declines on anything outside the subset of :mod:`cascade.read.fastyaml` (whose scanner accepted
every file this one is asked about) and on some of it: a document that is one scalar or one flow
collection, a flow collection over several lines, ``limits.max_depth`` levels of nesting. Declining
is always safe: the caller walks the event stream. A wrong span is a bug.
``tests/read/test_fastpositions.py`` checks the contract differentially against ``_positions``.
"""

from __future__ import annotations

from typing import Any

from .fastyaml import (
    _ASCII_OK, _BAD_CHAR, _DEPTH_CAP, _DOC_START, _DQ, _DQ_FLOW, _HEAD, _INDICATORS, _KEY, _MAX_KEY, _NOT_FAST,
    _NULLS, _PLAIN_FLOW, _SQ, _SQ_FLOW, DECLINE, _Decline, _unescape,
)

__all__ = ["positions_plain"]


def positions_plain(text: str, limits: Any) -> Any:
    """``(values, keys)`` of ``text`` exactly as ``loader._positions`` records them, or ``DECLINE``."""
    try:
        return _scan(text, min(limits.max_depth, 200) - 1)
    except (_Decline, IndexError, RecursionError):
        return DECLINE


def _key_of(token: str) -> str:
    """The key a ``_KEY`` token names, as the event stream gives it (``ev.value``; a plain null is ``""``)."""
    c = token[0]
    if c == '"':
        return token[1:-1]
    if c == "'":
        return token[1:-1].replace("''", "'")
    return "" if token in _NULLS else token


def _scalar_end(v: str, vc: int) -> int:
    """The end column of the block scalar that starts ``v`` (the rest of a line from column ``vc``)."""
    c = v[0]
    if c == '"':
        m = _DQ.match(v)
        if m is None:
            raise _Decline
        body = m.group(1)
        if "\\" in body:
            _unescape(body)  # declines on the escapes the loader's reader declines
        return vc + m.end(1) + 1
    if c == "'":
        m = _SQ.match(v)
        if m is None:
            raise _Decline
        return vc + m.end(1) + 1
    if c in _INDICATORS or (c == "-" and (len(v) == 1 or v[1] in " #")):
        raise _Decline  # flow collections are read by the caller; anchors, tags, block scalars decline
    i = v.find(" #")
    if i >= 0:
        v = v[:i]
    v = v.rstrip(" ")
    if ": " in v or v[-1] == ":":
        raise _Decline
    return vc + len(v)


def _flow(s: str, i: int, line: int, path: tuple, values: dict, keys: dict, depth: int, max_depth: int) -> int:
    """Spans of the flow collection at ``s[i]`` (on line ``line``) under ``path``; the index after
    it and the spaces that follow it."""
    if depth >= max_depth:
        raise _Decline
    start = i
    closing = "]" if s[i] == "[" else "}"
    i = _skip(s, i + 1)
    if s[i] == closing:
        i += 1
    elif closing == "]":
        n = 0
        while True:
            i = _flow_node(s, i, line, path + (n,), values, keys, depth, max_depth)
            n += 1
            i, done = _after_item(s, i, "]")
            if done:
                break
    else:
        seen: set = set()
        while True:
            c = s[i]
            if c == "[" or c == "{":
                raise _Decline
            k0 = i
            if c == '"':
                m = _DQ_FLOW.match(s, i)
                if m is None or "\\" in m.group(1):
                    raise _Decline
                k, k1 = m.group(1), m.end(1) + 1
            elif c == "'":
                m = _SQ_FLOW.match(s, i)
                if m is None:
                    raise _Decline
                k, k1 = m.group(1).replace("''", "'"), m.end(1) + 1
            else:
                m = _PLAIN_FLOW.match(s, i)
                if m is None:
                    raise _Decline
                k = m.group().rstrip(" ")
                k1 = i + len(k)
                if k in _NULLS:
                    k = ""
            i = m.end()
            if i - k0 > _MAX_KEY or s[i] != ":" or s[i + 1] != " " or k in seen or k == "<<":
                raise _Decline
            seen.add(k)
            here = path + (k,)
            keys[here] = (line, k0, line, k1)
            i = _flow_node(s, _skip(s, i + 2), line, here, values, keys, depth, max_depth)
            i, done = _after_item(s, i, "}")
            if done:
                break
    values[path] = (line, start, line, i)
    return _skip(s, i)


def _after_item(s: str, i: int, close: str) -> tuple[int, bool]:
    """After an item of a flow collection at ``s[i]``: past its closing bracket (True), or at the
    next item past the comma (False); a trailing comma or anything else is declined."""
    c = s[i]
    if c == close:
        return i + 1, True
    if c != ",":
        raise _Decline
    i = _skip(s, i + 1)
    if s[i] == close:
        raise _Decline
    return i, False


def _flow_node(s: str, i: int, line: int, path: tuple, values: dict, keys: dict, depth: int, max_depth: int) -> int:
    """Spans of the scalar or collection at ``s[i]`` in a flow collection; the index after its spaces."""
    c = s[i]
    if c == "[" or c == "{":
        return _flow(s, i, line, path, values, keys, depth + 1, max_depth)
    if c == '"':
        m = _DQ_FLOW.match(s, i)
        if m is None:
            raise _Decline
        if "\\" in m.group(1):
            _unescape(m.group(1))
        values[path] = (line, i, line, m.end(1) + 1)
        return m.end()
    if c == "'":
        m = _SQ_FLOW.match(s, i)
        if m is None:
            raise _Decline
        values[path] = (line, i, line, m.end(1) + 1)
        return m.end()
    m = _PLAIN_FLOW.match(s, i)
    if m is None:
        raise _Decline
    values[path] = (line, i, line, i + len(m.group().rstrip(" ")))
    return m.end()


def _skip(s: str, i: int) -> int:
    """The index of the first character at or after ``i`` that is not a space."""
    n = len(s)
    while i < n and s[i] == " ":
        i += 1
    return i


def _head(head: str) -> Any:
    """``(column, dash width or 0, key, key length)`` of a line's part before ``": "`` (or before
    a final ``:``) when it is ``key`` or ``- key`` with a plain key, else False."""
    m = _HEAD.fullmatch(head)
    if m is None:
        return False
    ind, dash, k = m.groups()
    return len(ind), len(dash) if dash else 0, "" if k in _NULLS else k, len(k)


def _flow_template(v: str) -> Any:
    """The spans of the flow collection ``v`` (all of it) relative to its first column, as
    ``(values, keys, depth)`` lists of ``(path suffix, start, end)``; None when the general path
    must read it (a comment, or anything it declines)."""
    values: dict = {}
    keys: dict = {}
    try:
        if _flow(v, 0, 0, (), values, keys, 0, _DEPTH_CAP) != len(v):
            return None
    except (_Decline, IndexError, RecursionError):
        return None
    depth = max(len(p) for p in values)
    return [(p, sp[1], sp[3]) for p, sp in values.items()], [(p, sp[1], sp[3]) for p, sp in keys.items()], depth


def _scan(text: str, max_depth: int) -> tuple[dict, dict]:
    if text.isascii():
        if text.encode("ascii").translate(None, _ASCII_OK):
            raise _Decline
    elif _BAD_CHAR.search(text) is not None:
        raise _Decline
    values: dict[tuple, tuple] = {}
    keys: dict[tuple, tuple] = {}
    key_match = _KEY.match
    not_fast = _NOT_FAST
    # the innermost open block collection, and the enclosing ones on ``stack``
    path: Any = None  # None: no collection open yet
    is_map = False
    indent = -1
    indentless = False  # a sequence at its parent key's indentation (`key:\n- a`)
    start: tuple = ()
    count = 0  # the items a sequence has
    seen: set = set()  # the keys a mapping has
    stack: list[tuple] = []
    # the entry waiting for its value (at first the document: ``()``), and its empty value's span
    pending: Any = ()
    pending_at: tuple = ()
    started = False
    heads: dict[str, Any] = {}  # a line's part before ": " (or a final ":") -> _head()
    flows: dict[str, Any] = {}  # a flow value -> _flow_template()
    lines = text.split("\n")
    for n, line in enumerate(lines):
        # The fast path: `key: value`, `- key: value`, `key:` and `- key:` with a plain key and a
        # plain, simply double-quoted or flow value; what a line's head and a flow value give is
        # worked out once per distinct text (heads and flows repeat within a file).
        head, sep, v = line.partition(": ")
        if sep:
            h = heads.get(head)
            if h is None:
                h = heads[head] = _head(head)
        elif line[-1:] == ":":
            h = heads.get(line[:-1])
            if h is None:
                h = heads[line[:-1]] = _head(line[:-1])
            v = ""
        else:
            h = False
        if h:
            col, dash, k, klen = h
            flow = None
            vs = v.lstrip(" ")
            if vs:
                vc = len(line) - len(vs)
                i = vs.find(" #")
                if i >= 0:
                    vs = vs[:i].rstrip(" ")
                else:
                    vs = vs.rstrip(" ")
                c = vs[:1]
                if c == '"':
                    if vs.find('"', 1) != len(vs) - 1 or "\\" in vs:
                        h = False
                elif c == "[" or c == "{":
                    flow = flows.get(vs, False)
                    if flow is False:
                        flow = flows[vs] = _flow_template(vs)
                    if flow is None or len(stack) + 2 + flow[2] >= max_depth:
                        h = False
                elif c == "#":
                    vs = ""
                elif not c or c in not_fast or vs[-1] == ":" or ": " in vs:
                    h = False
        if h:
            started = True
            if pending is not None:
                if path is None or col > indent or (col == indent and dash and is_map):
                    if path is not None:  # the line opens the waiting value: a mapping or a sequence
                        stack.append((path, is_map, indent, indentless, start, count, seen))
                        if len(stack) >= max_depth:
                            raise _Decline
                        indentless = col == indent
                        path = pending
                    else:
                        path = ()
                    is_map, indent, start, count, seen = not dash, col, (n, col), 0, set()
                else:
                    values[pending] = pending_at
                pending = None
            if col > indent:  # a continuation line, or a node where none can be
                raise _Decline
            while col < indent or (indentless and col == indent and not dash):
                values[path] = start + (n, col)
                path, is_map, indent, indentless, start, count, seen = stack.pop()
            if col != indent:
                raise _Decline
            if dash:
                if is_map:
                    raise _Decline
                stack.append((path, is_map, indent, indentless, start, count + 1, seen))
                if len(stack) >= max_depth:
                    raise _Decline
                kc = col + dash
                path, is_map, indent, indentless, start, count, seen = (
                    path + (count,), True, kc, False, (n, kc), 0, set())
            else:
                if not is_map or k == "<<":
                    raise _Decline
                kc = col
            if k in seen:
                raise _Decline
            seen.add(k)
            here = path + (k,)
            end = kc + klen
            keys[here] = (n, kc, n, end)
            if not vs:
                pending, pending_at = here, (n, end + 1, n, end + 1)
            elif flow is None:
                values[here] = (n, vc, n, vc + len(vs))
            else:
                for suffix, a, b in flow[0]:
                    values[here + suffix] = (n, vc + a, n, vc + b)
                for suffix, a, b in flow[1]:
                    keys[here + suffix] = (n, vc + a, n, vc + b)
            continue
        # the general path: any line of the subset
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
        if pending is not None:
            if path is None or col > indent or (col == indent and is_map and dash):
                opening = True
            else:
                values[pending] = pending_at
                pending = None
        elif col > indent:  # a continuation line, or a node where none can be
            raise _Decline
        if not opening:
            while col < indent or (indentless and col == indent and not dash):
                values[path] = start + (n, col)
                path, is_map, indent, indentless, start, count, seen = stack.pop()
            if col != indent:
                raise _Decline
        while True:  # the entry `s` at column `col`: in the open collection, or opening one
            if opening:
                if not dash and key_match(s) is None:
                    raise _Decline  # a scalar on the next line, a flow document, a `?` key
                if path is not None:
                    stack.append((path, is_map, indent, indentless, start, count, seen))
                    if len(stack) >= max_depth:
                        raise _Decline
                    indentless = col == indent
                    path = pending
                else:
                    path = ()
                is_map, indent, start, count, seen = not dash, col, (n, col), 0, set()
                pending = None
                opening = False
            if is_map:
                if dash:
                    raise _Decline
                m = key_match(s)
                if m is None:
                    raise _Decline
                end = m.end()
                if end > _MAX_KEY:
                    raise _Decline
                token = m.group(1)
                k = _key_of(token)
                if k in seen or k == "<<":
                    raise _Decline
                seen.add(k)
                here = path + (k,)
                keys[here] = (n, col, n, col + len(token))
                v = s[end:]
                if not v or v[0] == "#":
                    pending, pending_at = here, (n, col + len(token) + 1, n, col + len(token) + 1)
                    break
                vc = col + end
            else:
                if not dash:
                    raise _Decline
                here = path + (count,)
                count += 1
                v = s[1:].lstrip(" ")
                if not v or v[0] == "#":
                    pending, pending_at = here, (n, col + 1, n, col + 1)
                    break
                vc = col + len(s) - len(v)
                c = v[0]
                if (c == "-" and (len(v) == 1 or v[1] == " ")) or key_match(v) is not None:
                    # `- - item`, `- key: value`: a collection opens in the item, at the column of `v`
                    pending, col, s, opening = here, vc, v, True
                    dash = c == "-" and (len(v) == 1 or v[1] == " ")
                    continue
            c = v[0]
            if c == "[" or c == "{":
                i = _flow(line, vc, n, here, values, keys, len(stack) + 1, max_depth)
                if i < len(line) and (line[i] != "#" or line[i - 1] != " "):
                    raise _Decline
            else:
                values[here] = (n, vc, n, _scalar_end(v, vc))
            break
    if path is None:  # no content, a document that is one scalar
        raise _Decline
    # A text ending in a line break ends at column 0 of the line after it. Else libyaml closes the
    # collections indented deeper than the end of the last line (spaces, a comment) there, and the
    # others at column 0 of the next line.
    last = lines[-1]
    end = (len(lines) - 1, 0) if not last else (len(lines), 0)
    tail = (len(lines) - 1, len(last))
    if pending is not None:
        values[pending] = pending_at
    while True:
        values[path] = start + (tail if last and indent > tail[1] else end)
        if not stack:
            break
        path, is_map, indent, indentless, start, count, seen = stack.pop()
    return values, keys
