"""The YAML loader: plan files to plain data, with exact positions and load findings.

Built on libyaml's event stream (PyYAML's C parser, or its pure-Python parser where libyaml is
missing); values are constructed here, never by PyYAML, so that

- scalars stay text: a plain scalar is a ``str`` (``1.10``, ``no`` and ``010`` keep their spelling),
  a quoted or block scalar is a :class:`Text`, and only plain ``~``/``null``/empty mean None; the
  schema converts typed fields;
- nothing is ever constructed from a tag, and aliases are never expanded (an alias bomb costs one
  event per alias);
- duplicate keys, anchors, aliases, merge keys and tags are findings (CAS002-CAS004) with their
  positions, as are syntax errors (CAS001) and the limits of :class:`Limits` (CAS005).

The first pass records no positions; a file's :class:`~cascade.sourcemap.SourceMap` is filled by a
second pass on first use. A file with a structural finding is read once, with positions. Before the
first pass, :func:`cascade.read.fastyaml.parse_plain` tries the plain subset of YAML that plan files are written
in, line by line: it returns exactly what the first pass would, or declines to it. The second pass
likewise tries :func:`cascade.read.fastpositions.positions_plain` first (libyaml's spans, line by
line, two to three times faster than the event stream).
"""

from __future__ import annotations

import errno
import hashlib
import os
import sys
import re
import stat
from dataclasses import dataclass, field
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from ..core.errors import UsageError
from ..core.text import Text
from .fastyaml import DECLINE, parse_plain
from .fastpositions import positions_plain
from .yaml_messages import problem_id
from ..core.findings import Finding, Span
from ..rules.catalog import make_finding
from ..core.sourcemap import LINE_BREAK, SourceMap, pointer

try:  # libyaml's event parser; the pure-Python one where PyYAML was built without it
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - exercised only on machines without libyaml
    _CParser = None

__all__ = ["Text", "Limits", "LoadedFile", "check_data", "load_bytes", "load_text", "read_bytes", "read_file", "LIBYAML"]

LIBYAML = _CParser is not None
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
#: Characters that cannot start a plain scalar; a value starting with one must be quoted.
_RESERVED_START = frozenset("%@`")


@dataclass(frozen=True)
class Limits:
    """Input limits; exceeding one is a ``file-limit`` finding (CAS005) for that file only.

    ``max_file_bytes``: size of one file, checked before it is read. ``max_depth``: nesting of
    mappings and lists. ``max_nodes``: YAML events (keys, values, collections) in one file.
    ``max_line_length``: characters in one line. Documents passed as dicts are held to
    ``max_depth`` and ``max_nodes``, and their texts to ``max_line_length``. See ``docs/hostile-input.md``.
    """

    max_file_bytes: int = 32 * 1024 * 1024
    max_depth: int = 48
    max_nodes: int = 4_000_000
    max_line_length: int = 65_536

    def __post_init__(self) -> None:
        """Raises :class:`~cascade.errors.UsageError` for a limit that is not a positive whole number."""
        for name in ("max_file_bytes", "max_depth", "max_nodes", "max_line_length"):
            value = getattr(self, name)
            if type(value) is not int or value < 1:
                raise UsageError(f"Limits.{name} must be a positive whole number, not {value!r}")


DEFAULT_LIMITS = Limits()


def _digest(raw: bytes) -> bytes:
    # a cryptographic digest, not a checksum: bytes that differ never pass for the ones checked
    return hashlib.blake2b(raw, digest_size=16).digest()


class TextOrigin(NamedTuple):
    """Where a file's text can be read again: its path, and the size and BLAKE2b digest of the bytes
    it was checked from (see :meth:`LoadedFile.release_text`)."""

    path: str
    size: int
    digest: bytes

    @classmethod
    def of(cls, path: str | os.PathLike[str], raw: bytes) -> "TextOrigin":
        # absolute: a program may change its working directory before a finding asks for a line
        return cls(os.path.abspath(os.fsdecode(path)), len(raw), _digest(raw))

    def read(self) -> str | None:
        """The text again, or None when the file is gone or its bytes are no longer the ones checked
        (never the text of another version: the lines and columns of findings come from it)."""
        raw = read_bytes(self.path, self.path, Limits(max_file_bytes=max(self.size, 1)))
        if isinstance(raw, LoadedFile) or len(raw) != self.size or _digest(raw) != self.digest:
            return None
        return _text_of(raw)


def _text_of(raw: bytes) -> str | None:
    """A file's text as :func:`load_bytes` reads it (UTF-8, a BOM left out), or None."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text[1:] if text.startswith("\ufeff") else text


@dataclass
class LoadedFile:
    """One file read: its data (None when unusable), source map, load findings and text.

    A batch run may let the text go once the file is parsed (:meth:`release_text`): ``text`` is then
    None and ``origin`` says where to read it again, which :meth:`read_text` does.
    """

    file: str
    data: Any
    sourcemap: SourceMap
    findings: list[Finding] = field(default_factory=list)
    text: str | None = None
    size: int = 0
    #: Where the released text can be read again (None while ``text`` is kept).
    origin: TextOrigin | None = None
    #: The ``# cascade: ignore`` suppressions of the released text and the findings of the invalid
    #: ones (:func:`cascade.read.suppressions.find_suppressions`), found before it was let go.
    suppressions: tuple[list, list[Finding]] | None = None
    #: The names written in the employee blocks of a file that gave no document (a header error):
    #: its data is let go, and the names stay personal where another file repeats them
    #: (:func:`cascade.core.privacy.workspace_names`).
    personal_names: tuple[str, ...] = ()

    def read_text(self) -> str | None:
        """The file's text: the one kept, or the file read again when it was released (None when it
        changed or went away since, or when there never was a text)."""
        if self.text is not None:
            return self.text
        return self.origin.read() if self.origin is not None else None

    def inline_suppressions(self) -> tuple[list, list[Finding]]:
        """The file's ``# cascade: ignore`` suppressions and the findings of the invalid ones
        (:func:`cascade.read.suppressions.find_suppressions`): read from its text, or as found before
        the text was released; none for a file without text."""
        if self.suppressions is not None:
            return self.suppressions
        if self.text is None:
            return [], []
        from .suppressions import find_suppressions

        return find_suppressions(self.file, self.text)

    def keep_text_from(self, raw: bytes) -> None:
        """Take the text back from ``raw`` (the bytes it was released from: a parse cache entry
        written by a run that kept no text, hit by one that keeps them)."""
        if self.text is not None or self.origin is None:
            return
        text = _text_of(raw)
        if text is None:
            return
        for build in (self.sourcemap._build, self.sourcemap._built_by):
            if isinstance(build, _Positions) and isinstance(build.text, TextOrigin):
                build.text = text
        self.text, self.origin, self.suppressions = text, None, None

    def release_text(self, origin: TextOrigin) -> None:
        """Let the text go, keeping where to read it again (the bytes it was read from, at ``origin``).

        A large run keeps no file's text (three quarters of a kilobyte per element): the few files
        with findings are read again for their positions and the lines reporters quote, and a file
        that changed in between gives its findings without a line rather than someone else's line.
        The file's inline suppressions are read first.
        """
        # the builder of the spans, and the one kept to build them again once released
        builds = [b for b in (self.sourcemap._build, self.sourcemap._built_by) if isinstance(b, _Positions)]
        if self.text is not None:
            found = self.inline_suppressions()
            if found[0] or found[1]:
                # suppressions match findings by line: a file that has them keeps its text, so that
                # an edit during the run cannot unsuppress its findings (the few files that have them)
                return
            self.suppressions = found
            for build in builds:
                if build.text is self.text:
                    build.text = origin
            self.text = None
        elif self.origin is not None:  # released already (a parse cache entry): read from here now
            for build in builds:
                if isinstance(build.text, TextOrigin):
                    build.text = origin
        else:
            return
        self.origin = origin


class _Restart(Exception):
    """Raised in the lean pass when the file needs positions (a structural finding)."""


class _Fatal(Exception):
    def __init__(self, finding: Finding):
        self.finding = finding


def _span(ev: Any) -> Span:
    s, e = ev.start_mark, ev.end_mark
    return Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)


def _mark_span(mark: Any) -> Span:
    return Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 2)


def _dispose(parser: Any) -> None:
    """Free a libyaml parser's buffers now (the pure parser has nothing to free)."""
    dispose = getattr(parser, "dispose", None)
    if dispose is not None:
        dispose()


def _parser(text: str) -> Any:
    if _CParser is not None:
        return _CParser(text)
    return yaml.SafeLoader(text)  # pure parser: same get_event interface


_MISSING = object()


def _construct(text: str, file: str, limits: Limits) -> tuple[Any, list[Finding], dict, dict]:
    """Build plain data from the event stream with every span and every structural finding."""
    findings: list[Finding] = []
    values: dict[tuple, Span] = {}
    keys: dict[tuple, Span] = {}
    parser = None
    # A frame: [container, is_mapping, pending_key, path, start_event, key_is_duplicate]
    stack: list[list[Any]] = []
    root: Any = _MISSING
    documents = 0
    events = 0
    max_nodes, max_depth = limits.max_nodes, limits.max_depth

    def structural(code: str, variant: str, ev: Any, path: tuple, **args: Any) -> None:
        if len(findings) >= _MAX_STRUCTURAL:  # 4M aliases would be 4M findings: minutes and gigabytes
            raise _Fatal(make_finding("CAS005", "many", file=file, span=_span(ev), limit=_MAX_STRUCTURAL))
        findings.append(make_finding(code, variant, file=file, span=_span(ev), pointer=pointer(path), **args))

    def node_path() -> tuple:
        """Where the node of the current event goes: its key or index in the open collection."""
        if not stack:
            return ()
        top = stack[-1]
        if not top[1]:
            return top[3] + (len(top[0]),)
        return top[3] if top[2] is _MISSING else top[3] + (top[2],)  # a key: its mapping

    def tagged(ev: Any) -> None:  # a node with an explicit tag or an anchor
        path = node_path()
        if ev.tag is not None:
            structural("CAS004", "default", ev, path, tag=ev.tag)
        if ev.anchor is not None:
            structural("CAS003", "anchor", ev, path, name=ev.anchor)

    try:
        parser = _parser(text)  # inside: the pure-Python parser already rejects characters here
        get_event = parser.get_event
        while True:
            ev = get_event()
            cls = ev.__class__
            events += 1
            if events > max_nodes:
                raise _Fatal(make_finding("CAS005", "nodes", file=file, span=_span(ev), limit=max_nodes))
            if cls is ScalarEvent:
                if ev.tag is not None or ev.anchor is not None:
                    tagged(ev)
                raw = ev.value
                if not ev.style and ev.implicit[0]:  # plain (libyaml says "", the pure parser None)
                    value: Any = None if raw in _NULLS else raw
                else:
                    value = Text(raw)
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                if len(stack) >= max_depth:
                    raise _Fatal(make_finding("CAS005", "depth", file=file, span=_span(ev), limit=max_depth))
                if ev.tag is not None or ev.anchor is not None:
                    tagged(ev)
                is_map = cls is MappingStartEvent
                container: Any = {} if is_map else []
                path = ()
                if stack:
                    top = stack[-1]
                    if top[1]:
                        if top[2] is _MISSING:  # a collection used as a mapping key
                            raise _Fatal(make_finding("CAS001", "complex-key", file=file, span=_span(ev)))
                        path = top[3] + (top[2],)
                    else:
                        path = top[3] + (len(top[0]),)
                stack.append([container, is_map, _MISSING, path, ev, False])
                continue
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                frame = stack.pop()
                value = frame[0]
                s, e = frame[4].start_mark, ev.end_mark
                values[frame[3]] = Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)
                ev = None  # the span of a collection is recorded above, not by _place
            elif cls is AliasEvent:
                structural("CAS003", "alias", ev, node_path(), name=ev.anchor)
                value = None
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Fatal(make_finding("CAS001", "multiple-documents", file=file, span=_span(ev)))
                continue
            elif cls is StreamEndEvent:
                break
            else:  # StreamStart, DocumentEnd
                continue

            if not stack:
                root = value
                if ev is not None:
                    values[()] = _span(ev)
                continue
            top = stack[-1]
            if not top[1] or top[2] is not _MISSING:
                _place(top, value, ev, values)
                continue
            # a mapping key (a scalar, or an alias already reported)
            key = value if isinstance(value, str) else ""
            if cls is ScalarEvent and key == "<<" and not ev.style:
                structural("CAS003", "merge", ev, top[3])
            if key in top[0]:
                first = keys.get(top[3] + (key,))
                if len(findings) >= _MAX_STRUCTURAL:
                    raise _Fatal(make_finding("CAS005", "many", file=file, span=_span(ev), limit=_MAX_STRUCTURAL))
                findings.append(
                    make_finding(
                        "CAS002",
                        file=file,
                        span=_span(ev),
                        pointer=pointer(top[3] + (key,)),
                        key=key,
                        first_line=first.line if first else "?",
                    )
                )
                top[5] = True
            else:
                keys[top[3] + (key,)] = _span(ev)
            top[2] = key
    except _Fatal as fatal:
        return None, findings + [fatal.finding], values, keys
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = " ".join(p for p in (err.problem, err.context) if p) or "invalid YAML"
        span = _mark_span(mark) if mark is not None else Span(1, 1, 1, 2)
        char = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
        if char in _RESERVED_START:
            # `unit: %` and `name: @...` are what planners type; say how to write them
            finding = make_finding("CAS001", "reserved", file=file, span=span, char=char)
        else:
            finding = make_finding("CAS001", file=file, span=span, problem=problem, problem_id=problem_id(problem))
        return None, findings + [finding], values, keys
    except yaml.reader.ReaderError as err:
        line, col = _line_col(text, err.position)
        code = f"#x{err.character:04x}" if isinstance(err.character, int) else repr(err.character)
        return (
            None,
            findings + [make_finding("CAS001", "character", file=file, span=Span(line, col, line, col + 1), char=code)],
            values,
            keys,
        )
    except yaml.YAMLError as err:  # any other parser complaint still becomes a finding
        problem = str(err)
        return None, findings + [make_finding("CAS001", file=file, span=Span(1, 1, 1, 2), problem=problem, problem_id=problem_id(problem))], values, keys
    finally:
        _dispose(parser)
    return (None if root is _MISSING else root), findings, values, keys


def _construct_lean(text: str, limits: Limits) -> Any:
    """The fast path: build plain data from the events, recording nothing.

    Anything that needs a finding (an anchor, alias, tag, merge or duplicate key, a complex key, a
    second document, a limit, a syntax error) raises :class:`_Restart`, and the file is read again
    by :func:`_construct` with positions. Kept apart from it, inlined, because it is the hot loop of
    every run: a call or a list lookup less per event is measurable on 100,000 elements.
    """
    parser = None
    scalar, mapping_start, sequence_start = ScalarEvent, MappingStartEvent, SequenceStartEvent
    mapping_end, sequence_end, stream_end = MappingEndEvent, SequenceEndEvent, StreamEndEvent
    nulls, missing, text_type = _NULLS, _MISSING, Text
    max_depth, max_nodes = limits.max_depth, limits.max_nodes
    stack: list[tuple[Any, bool, Any]] = []
    cur: Any = None
    is_map = False
    key: Any = missing
    root: Any = missing
    documents = 0
    events = 0
    try:
        parser = _parser(text)  # inside: the pure-Python parser already rejects characters here
        get_event = parser.get_event
        while True:
            ev = get_event()
            cls = ev.__class__
            events += 1
            if cls is scalar:
                if ev.anchor is not None or ev.tag is not None:
                    raise _Restart
                value = ev.value
                if not ev.style:
                    if value in nulls:
                        value = None
                else:
                    value = text_type(value)
                if is_map:
                    if key is missing:
                        if value is None:
                            value = ""
                        if value in cur or value == "<<":
                            raise _Restart
                        key = value
                    else:
                        cur[key] = value
                        key = missing
                elif cur is not None:
                    cur.append(value)
                else:
                    root = value
            elif cls is mapping_start or cls is sequence_start:
                if ev.anchor is not None or ev.tag is not None or len(stack) >= max_depth or (is_map and key is missing):
                    raise _Restart
                stack.append((cur, is_map, key))
                is_map = cls is mapping_start
                cur = {} if is_map else []
                key = missing
            elif cls is mapping_end or cls is sequence_end:
                value = cur
                cur, is_map, key = stack.pop()
                if is_map:
                    cur[key] = value
                    key = missing
                elif cur is not None:
                    cur.append(value)
                else:
                    root = value
            elif cls is stream_end:
                break
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Restart
            elif cls is AliasEvent:
                raise _Restart
            if events > max_nodes:
                raise _Restart
    except yaml.YAMLError:
        raise _Restart from None
    finally:
        _dispose(parser)
    return None if root is missing else root


def _place(top: list, value: Any, ev: Any, values: dict) -> None:
    """Put ``value`` into the open collection ``top``; record its span when ``ev`` is a scalar's."""
    container = top[0]
    if top[1]:
        key = top[2]
        top[2] = _MISSING
        if top[5]:  # the value of a duplicate key: reported, not kept
            top[5] = False
            return
        container[key] = value
        if ev is not None:
            values[top[3] + (key,)] = _span(ev)
    else:
        if ev is not None:
            values[top[3] + (len(container),)] = _span(ev)
        container.append(value)


class _Positions:
    """Builds a file's spans on first use (a picklable callable, so documents can be cached)."""

    __slots__ = ("text", "file", "limits")

    #: The spans can be built again from the text (see :meth:`SourceMap.release`).
    releasable = True

    def __init__(self, text: "str | TextOrigin", file: str, limits: Limits):
        self.text, self.file, self.limits = text, file, limits

    def __call__(self) -> tuple[dict, dict] | None:
        text = self.text if isinstance(self.text, str) else self.text.read()
        if text is None:  # released, and the file changed since: no positions rather than wrong ones
            return None
        if _CParser is not None:  # the scanner gives libyaml's spans (the pure-Python parser ends a file elsewhere)
            found = positions_plain(text, self.limits)
            if found is not DECLINE:
                return found
        try:
            return _positions(text, self.limits)
        except _Restart:
            _, _, values, keys = _construct(text, self.file, self.limits)
            return values, keys


def _bounds(span: Any) -> tuple[int, int, int, int]:
    """0-based ``(line, column, end line, end column)`` of a recorded span (tuple or :class:`Span`)."""
    if type(span) is tuple:
        return span
    return span.line - 1, span.column - 1, span.end_line - 1, span.end_column - 1


def reuse_positions(old_values: dict, old_keys: dict, old_text: str, new_text: str, limits: Limits) -> tuple[dict, dict] | None:
    """The spans of ``new_text`` from those of ``old_text`` when the edit is one ``key: value`` line
    whose keys and values keep their paths (a target, a name, a reference typed over), else None.

    The editor's common edit, and the incremental engine's: a file's first finding after an edit
    would otherwise pay for a positions pass over the whole file. Only the changed line is parsed
    (as a snippet at its own indentation); its spans replace the old spans on that line. None
    (the caller makes the full pass) when the texts differ in more or fewer than one line or in
    the number of lines, when a recorded span crosses into or out of the line (a node that starts
    or ends on it and continues elsewhere: an ``- id:`` line, a multi-line scalar, the end of the
    stream), when an enclosing collection on another line is a flow collection (the line would
    read differently alone), when the line starts a sequence item, or when the snippet does not
    give exactly the old paths on that line with single-line spans.
    """
    old_lines = old_text.split("\n")
    new_lines = new_text.split("\n")
    if len(old_lines) != len(new_lines):
        return None
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b]
    if len(changed) != 1:
        return None
    k = changed[0]
    line = new_lines[k]
    if line.lstrip().startswith(("-", "?", "[", "{")) or old_lines[k].lstrip().startswith(("-", "?", "[", "{")):
        return None
    inside: dict[str, set] = {"values": set(), "keys": set()}
    for name, table in (("values", old_values), ("keys", old_keys)):
        for path, span in table.items():
            l0, c0, l1, _ = _bounds(span)
            if l1 < k or l0 > k:
                continue
            if l0 == k == l1:
                inside[name].add(path)
            elif l0 < k < l1:
                if old_lines[l0][c0:c0 + 1] in ("[", "{"):
                    return None  # the line is inside a multi-line flow collection
            else:
                return None  # a node crossing the line's start or end
    if not inside["keys"]:
        return None
    first = min(inside["keys"], key=lambda p: _bounds(old_keys[p])[1])
    prefix = first[:-1]
    try:
        values, keys = _positions(line + "\n", limits)  # a block scalar (`|`) then ends on the next line
    except Exception:  # noqa: BLE001 - _Restart, a syntax error: the full pass decides
        return None
    values.pop((), None)
    if any(sp[0] != 0 or sp[2] != 0 for sp in (*values.values(), *keys.values())):
        return None
    new_values = {prefix + p: (k, sp[1], k, sp[3]) for p, sp in values.items()}
    new_keys = {prefix + p: (k, sp[1], k, sp[3]) for p, sp in keys.items()}
    if set(new_values) != inside["values"] or set(new_keys) != inside["keys"]:
        return None
    out_values = dict(old_values)
    out_values.update(new_values)
    out_keys = dict(old_keys)
    out_keys.update(new_keys)
    return out_values, out_keys


class ReusedPositions:
    """A source map's builder that tries :func:`reuse_positions` from the previous text's spans and
    falls back to the full pass (``fallback``) when it cannot (picklable, like :class:`_Positions`)."""

    __slots__ = ("old_values", "old_keys", "old_text", "new_text", "limits", "fallback")

    def __init__(self, old_values: dict, old_keys: dict, old_text: str, new_text: str, limits: Limits, fallback: Any):
        self.old_values, self.old_keys = old_values, old_keys
        self.old_text, self.new_text, self.limits, self.fallback = old_text, new_text, limits, fallback

    def reused(self) -> tuple[dict, dict] | None:
        """The spans by reuse alone, or None where only the full pass can tell."""
        return reuse_positions(self.old_values, self.old_keys, self.old_text, self.new_text, self.limits)

    def __call__(self) -> tuple[dict, dict] | None:
        reused = self.reused()
        return reused if reused is not None else self.fallback()


def _positions(text: str, limits: Limits) -> tuple[dict, dict]:
    """The spans :func:`_construct` records, without building the data or checking anything.

    Only for a file one of the fast readers accepted (no anchor, alias, tag, duplicate key, second
    document or limit): anything else raises :class:`_Restart` and :func:`_construct` answers. Half
    the time of :func:`_construct`: a file's first finding pays for this pass. The spans are kept as
    the parser's 0-based ``(line, column, end line, end column)`` tuples, which
    :class:`~cascade.core.sourcemap.SourceMap` turns into a :class:`Span` when one is asked for.
    """
    parser = None
    scalar, mapping_start, sequence_start = ScalarEvent, MappingStartEvent, SequenceStartEvent
    mapping_end, sequence_end, stream_end = MappingEndEvent, SequenceEndEvent, StreamEndEvent
    nulls, missing = _NULLS, _MISSING
    max_depth = limits.max_depth
    values: dict[tuple, tuple] = {}
    keys: dict[tuple, tuple] = {}
    # the open collections: (path, is_map, key or count, start mark); the innermost in locals
    stack: list[tuple[tuple, bool, Any, Any]] = []
    path: tuple = ()
    is_map = False
    key: Any = missing  # in a mapping: the pending key, or missing; in a sequence: the item count
    start: Any = None
    top = True  # no collection open yet
    try:
        parser = _parser(text)
        get_event = parser.get_event
        while True:
            ev = get_event()
            cls = ev.__class__
            if cls is scalar:
                if ev.anchor is not None or ev.tag is not None:
                    raise _Restart
                s, e = ev.start_mark, ev.end_mark
                if top:
                    values[()] = (s.line, s.column, e.line, e.column)
                elif is_map:
                    if key is missing:
                        raw = ev.value
                        key = "" if not ev.style and raw in nulls else raw
                        here = path + (key,)
                        if here in keys or key == "<<":
                            raise _Restart
                        keys[here] = (s.line, s.column, e.line, e.column)
                    else:
                        values[path + (key,)] = (s.line, s.column, e.line, e.column)
                        key = missing
                else:
                    values[path + (key,)] = (s.line, s.column, e.line, e.column)
                    key += 1
            elif cls is mapping_start or cls is sequence_start:
                if ev.anchor is not None or ev.tag is not None or len(stack) >= max_depth or (is_map and key is missing):
                    raise _Restart
                if top:
                    inner: tuple = ()
                else:
                    inner = path + (key,)
                    stack.append((path, is_map, key, start))
                top = False
                path, is_map, start = inner, cls is mapping_start, ev.start_mark
                key = missing if is_map else 0
            elif cls is mapping_end or cls is sequence_end:
                e = ev.end_mark
                values[path] = (start.line, start.column, e.line, e.column)
                if not stack:
                    continue
                path, is_map, key, start = stack.pop()
                key = missing if is_map else key + 1
            elif cls is stream_end:
                break
            elif cls is AliasEvent:
                raise _Restart
            elif cls is DocumentStartEvent and values:
                raise _Restart
    except yaml.YAMLError:
        raise _Restart from None
    finally:
        _dispose(parser)
    return values, keys


_SURROGATE = re.compile("[\ud800-\udfff]")


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _long_line(text: str, limit: int) -> int | None:
    """The 1-based number of the first line longer than ``limit`` characters, or None.

    Lines end where YAML ends them: LF, CRLF, a lone CR (old Mac files), NEL, U+2028 and U+2029, so
    that a file with CR-only line ends is many lines, not one over-long line. The pattern is anchored
    at line starts: unanchored, ``[^\\n]{limit+1}`` is retried from every character of every line just
    under the limit (quadratic: minutes for a few megabytes).
    """
    if "\r" not in text and text.isascii():  # LF only: the simpler pattern is four times faster
        found = re.search("(?m)^[^\n]{%d}" % (limit + 1), text)
        return None if found is None else text.count("\n", 0, found.start()) + 1
    found = re.search("(?<![^\r\n\x85\u2028\u2029])[^\r\n\x85\u2028\u2029]{%d}" % (limit + 1), text)
    return None if found is None else len(LINE_BREAK.findall(text, 0, found.start())) + 1


def load_text(text: str, file: str, limits: Limits = DEFAULT_LIMITS, size: int | None = None) -> LoadedFile:
    """Load one document from YAML text; ``file`` is the name findings carry."""
    size = len(text) if size is None else size
    if text.startswith("\ufeff"):
        text = text[1:]
    # The line scanner reads the plain subset plan files are written in, several times faster;
    # anything else, anything that needs a finding and any line too long it declines.
    data = parse_plain(text, limits)
    if data is DECLINE:
        surrogate = _SURROGATE.search(text)  # only a str built in Python holds one; the parser cannot take it
        if surrogate is not None:
            line, col = _line_col(text, surrogate.start())
            finding = make_finding("CAS001", "character", file=file, span=Span(line, col, line, col + 1),
                                   char=f"#x{ord(surrogate.group()):04x}")
            return LoadedFile(file, None, SourceMap(file), [finding], text, size)
        if len(text) > limits.max_line_length:
            line = _long_line(text, limits.max_line_length)
            if line is not None:
                finding = make_finding(
                    "CAS005", "line", file=file, span=Span(line, 1, line, 2), limit=limits.max_line_length
                )
                return LoadedFile(file, None, SourceMap(file), [finding], text, size)
        try:
            data = _construct_lean(text, limits)
        except _Restart:
            data, findings, values, keys = _construct(text, file, limits)
            return LoadedFile(file, data, SourceMap.from_spans(file, values, keys), findings, text, size)
    return LoadedFile(file, data, SourceMap(file, _Positions(text, file, limits)), [], text, size)


def load_bytes(raw: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> LoadedFile:
    """Load one document from the bytes of a file: size and UTF-8 are checked first."""
    if len(raw) > limits.max_file_bytes:
        finding = make_finding("CAS005", "size", file=file, span=Span(1, 1, 1, 2), size=len(raw), limit=limits.max_file_bytes)
        return LoadedFile(file, None, SourceMap(file), [finding], None, len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        finding = make_finding(
            "CAS005", "encoding", file=file, span=Span(line, col, line, col + 1), byte=f"0x{raw[err.start]:02x}"
        )
        return LoadedFile(file, None, SourceMap(file), [finding], None, len(raw))
    return load_text(text, file, limits, size=len(raw))


#: Why :func:`read_bytes` refuses a file that is no regular file (a FIFO, socket or device), and the
#: Indonesian of the reasons cascade itself writes there.
_NOT_REGULAR = "not a regular file"
_REASONS_ID = {_NOT_REGULAR: "bukan berkas biasa"}


def read_bytes(path: str | os.PathLike[str], display: str, limits: Limits = DEFAULT_LIMITS) -> bytes | LoadedFile:
    """The bytes of a plan file, or a :class:`LoadedFile` carrying the CAS005 finding that stops it."""
    try:
        # Opened without blocking and checked on the open descriptor: a FIFO, socket or device named
        # ``*.yaml`` would otherwise block the whole run on open() or read() forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise OSError(errno.EINVAL, _NOT_REGULAR)
            if st.st_size > limits.max_file_bytes:
                finding = make_finding(
                    "CAS005", "size", file=display, span=Span(1, 1, 1, 2), size=st.st_size, limit=limits.max_file_bytes
                )
                return LoadedFile(display, None, SourceMap(display), [finding], None, st.st_size)
            return fh.read(limits.max_file_bytes + 1)
    except OSError as err:
        if isinstance(err, FileNotFoundError) and not os.path.lexists(path):
            # a mistyped path: say so in the user's language, not with the system's English text
            # (a dangling symbolic link is there, only unreadable: it keeps the variant below)
            finding = make_finding("CAS005", "missing", file=display, span=Span(1, 1, 1, 2))
            return LoadedFile(display, None, SourceMap(display), [finding], None, 0)
        from ..core.oserror import os_reason

        reason = err.strerror or str(err)  # the system's own text in English, as findings have always quoted it
        reason_id = _REASONS_ID.get(reason, reason) if err.errno == errno.EINVAL else os_reason(err, "id")  # ours is EINVAL
        finding = make_finding("CAS005", "unreadable", file=display, span=Span(1, 1, 1, 2), reason=reason, reason_id=reason_id)
        return LoadedFile(display, None, SourceMap(display), [finding], None, 0)


def read_file(path: str | os.PathLike[str], file: str | None = None, limits: Limits = DEFAULT_LIMITS) -> LoadedFile:
    """Read and load one plan file; ``file`` is the display name (default: ``path`` as given)."""
    display = str(path) if file is None else file
    raw = read_bytes(path, display, limits)
    return raw if isinstance(raw, LoadedFile) else load_bytes(raw, display, limits)


#: Anchors, aliases, tags and duplicate keys reported in one file before it is refused (CAS005): each
#: is a finding, and a file of millions of aliases would otherwise cost one finding (and 50 µs) each.
_MAX_STRUCTURAL = 1000

#: An int in a dict of more bits than this (about 4000 digits) refuses the document: Python refuses to
#: print one of more than 4300 digits, and no plan value has more than a few dozen.
_MAX_INT_BITS = 13_300


def _too_long(value: Any) -> bool:
    """Whether ``value`` is a number of more than about 4000 digits: an int, or a ``Decimal`` or
    ``Fraction`` (``json.loads(..., parse_float=Decimal)`` gives ``Decimal('1e9999999')``, which
    pydantic would turn into an int of ten million digits, for minutes)."""
    if isinstance(value, int):
        return not isinstance(value, bool) and value.bit_length() > _MAX_INT_BITS
    if isinstance(value, (str, float, Mapping, list, tuple)) or value is None:
        return False
    decimal = sys.modules.get("decimal")  # no Decimal exists unless the caller imported the module
    if decimal is not None and isinstance(value, decimal.Decimal):
        return value.is_finite() and (abs(value.adjusted()) > 4000 or len(value.as_tuple().digits) > 4000)
    fractions = sys.modules.get("fractions")
    if fractions is not None and isinstance(value, fractions.Fraction):
        return max(value.numerator.bit_length(), value.denominator.bit_length()) > _MAX_INT_BITS
    return False


def check_data(data: Any, file: str, limits: Limits = DEFAULT_LIMITS) -> Finding | None:
    """Hold a document passed as a Python dict to the same depth and node limits as a file.

    The schema stage copies and validates recursively, so a dict nested thousands of levels deep,
    or one that contains itself, would end in a ``RecursionError``; here it is a ``file-limit``
    finding at the pointer where the limit was crossed. Any mapping counts (a ``UserDict`` nested
    100,000 deep too), and an int of more than about 4000 digits is a ``file-limit`` finding as well
    (Python cannot even print it), and so is a ``Decimal`` or ``Fraction`` that long, and a text (a
    value or a key) longer than ``max_line_length``, the longest line a file may hold. The walk is iterative and stops at the
    first limit, so a self-referencing dict costs ``max_depth`` steps.
    """
    stack: list[tuple[Any, int, tuple]] = [(data, 0, ())]
    nodes = 0
    while stack:
        value, depth, path = stack.pop()
        nodes += 1
        if nodes > limits.max_nodes:
            return make_finding("CAS005", "nodes", file=file, pointer=pointer(path), limit=limits.max_nodes)
        if _too_long(value):
            return make_finding("CAS005", "number", file=file, pointer=pointer(path), limit=4000)
        if isinstance(value, str) and len(value) > limits.max_line_length:  # what a file's line may hold
            return make_finding("CAS005", "text", file=file, pointer=pointer(path), length=len(value), limit=limits.max_line_length)
        if isinstance(value, Mapping):  # also a UserDict, a MappingProxy...: the schema reads any mapping
            try:
                children: Any = list(value.items())
            except Exception as exc:  # a mapping whose items() raises is content, not a crash
                return make_finding("CAS005", "unreadable", file=file, pointer=pointer(path), reason=type(exc).__name__)
            for key, _ in children:
                if _too_long(key):
                    return make_finding("CAS005", "number", file=file, pointer=pointer(path), limit=4000)  # a key: at its mapping
                if isinstance(key, str) and len(key) > limits.max_line_length:
                    return make_finding("CAS005", "text", file=file, pointer=pointer(path), length=len(key), limit=limits.max_line_length)
        elif isinstance(value, (list, tuple)) or (isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray))):
            children = enumerate(value)
        else:
            continue
        if depth >= limits.max_depth:
            return make_finding("CAS005", "depth", file=file, pointer=pointer(path), limit=limits.max_depth)
        stack.extend((child, depth + 1, path + (key,)) for key, child in children)
    return None
