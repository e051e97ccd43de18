"""Source maps: where each value of a loaded document stands in its file.

Positions are kept beside the data, never inside the models. To keep loading lean, a file's map is
built on first use, by a second pass over the file's YAML events that records the span of every key
and value; files without findings never pay for it. A document given as a Python dict has no file:
its map answers with JSON pointers only.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from .findings import Span

__all__ = ["SourceMap", "only_newlines", "pointer", "pointer_path", "split_lines"]

Path = tuple  # a path into the document data: keys (str) and list indexes (int)


def _span(span: Any) -> Span:
    """A :class:`Span`; a builder may keep the parser's 0-based ``(line, column, end line, end
    column)`` tuples instead, which cost a fifth to record (most are never asked for)."""
    if type(span) is tuple:
        return Span(span[0] + 1, span[1] + 1, span[2] + 1, span[3] + 1)
    return span


def pointer(path: Path) -> str:
    """The JSON pointer (RFC 6901) of a path: ``('elements', 3, 'id')`` -> ``/elements/3/id``."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def pointer_path(text: str) -> tuple:
    """The path of a JSON pointer, as :func:`pointer` writes one: ``/elements/3/id`` ->
    ``('elements', 3, 'id')`` (a part of digits is a list index)."""
    return tuple(int(p) if p.isdigit() else p.replace("~1", "/").replace("~0", "~") for p in text.split("/")[1:])


class SourceMap:
    """Spans of the keys and values of one document, by path.

    ``values[path]`` is the span of the node at ``path``; ``keys[path]`` the span of the mapping key
    whose value is at ``path``. Built lazily by ``build`` (None for dict input), which may give
    0-based tuples in place of spans (see :func:`_span`).
    """

    __slots__ = ("file", "_build", "_values", "_keys", "lost", "_built_by", "_kept")

    def __init__(self, file: str | None, build: Callable[[], tuple[dict, dict] | None] | None = None):
        self.file = file
        self._build = build
        self._values: dict[Path, Span] | None = None
        self._keys: dict[Path, Span] | None = None
        #: The builder the spans came from when it can build them again (``releasable``), so that
        #: :meth:`release` can let them go.
        self._built_by: Callable[[], tuple[dict, dict] | None] | None = None
        #: What :meth:`release` kept: ``(where, the spans of the values it accepts)``.
        self._kept: tuple[Callable[[Path], bool], dict] | None = None
        #: True when the positions could not be built: the file's text was released and the file
        #: changed since (its findings then carry a pointer and no line; nothing keeps them).
        self.lost = False

    @classmethod
    def from_spans(cls, file: str | None, values: dict[Path, Span], keys: dict[Path, Span]) -> "SourceMap":
        sm = cls(file)
        sm._values, sm._keys = values, keys
        return sm

    def _ensure(self) -> None:
        if self._values is None:
            if self._build is None:
                self._values, self._keys = {}, {}
            else:
                built = self._build()
                if built is None:
                    built = ({}, {})
                    self.lost = True
                self._values, self._keys = built
                self._kept = None
                # a builder that reads the file again can build again; one that holds other spans
                # (the incremental engine's ReusedPositions) is let go, not kept from edit to edit
                self._build, self._built_by = None, (self._build if getattr(self._build, "releasable", False) else None)

    @property
    def built(self) -> bool:
        """Whether the spans are in memory (a file's first finding builds them)."""
        return self._values is not None

    def release(self, keep: Callable[[Path], bool] | None = None) -> None:
        """Let the spans go; they are built again from the file if asked for again.

        A rule run places its findings file by file and releases the spans it built for them
        (:class:`cascade.rules.context.Placer`): kept, they were most of the memory of a lint with
        findings in every file (a 2.7 MB Renstra has about 230,000 spans). Spans given directly
        (:meth:`from_spans`) or lost (the file changed) are kept. The spans of the values ``keep``
        accepts stay, for :meth:`spans` asked with that same function (an SKP file's employee
        values, which the excerpts of a report mask, without a second pass over the file).
        """
        if self._built_by is not None and self._values is not None and not self.lost:
            if keep is not None:
                self._kept = (keep, {path: span for path, span in self._values.items() if keep(path)})
            self._build, self._built_by = self._built_by, None
            self._values = self._keys = None

    @property
    def kept(self) -> tuple[Callable[[Path], bool], dict] | None:
        """What :meth:`release` kept (``(where, spans)``), while the spans are let go; else None."""
        return self._kept if self._values is None else None

    def adopt_kept(self, kept: tuple[Callable[[Path], bool], dict]) -> None:
        """Take what another copy of this map kept when it released its spans (a forked rule
        process placed findings in this file), unless this one has its spans or kept some."""
        if self._values is None and self._kept is None:
            self._kept = kept

    def spans(self, where: Callable[[Path], bool] | None = None) -> dict[Path, Span]:
        """The span of every value, by path (empty for dict input); only of the paths ``where``
        accepts when it is given (a file keeps about one span per line: making a :class:`Span` of
        each, to keep a few, was most of the cost of masking a large SKP file)."""
        kept = self._kept
        if self._values is None and kept is not None and where is not None and kept[0] is where:
            return {path: _span(span) for path, span in kept[1].items()}
        self._ensure()
        assert self._values is not None
        if where is None:
            return {path: _span(span) for path, span in self._values.items()}
        return {path: _span(span) for path, span in self._values.items() if where(path)}

    @property
    def has_positions(self) -> bool:
        """False for documents that came in as dicts (findings then carry only a pointer)."""
        return self._build is not None or bool(self._values)

    def value(self, path: Path) -> Span | None:
        """The span of the value at ``path``, or of its nearest ancestor that exists."""
        self._ensure()
        assert self._values is not None
        path = tuple(path)
        while True:
            span = self._values.get(path)
            if span is not None or not path:
                return None if span is None else _span(span)
            path = path[:-1]

    def key(self, path: Path) -> Span | None:
        """The span of the key whose value is at ``path``; falls back to :meth:`value`."""
        self._ensure()
        assert self._keys is not None
        span = self._keys.get(tuple(path))
        return _span(span) if span is not None else self.value(path)

    def locate(self, path: Path, *, key: bool = False) -> tuple[Span | None, str]:
        """The span (of the key when ``key`` is true) and the JSON pointer of ``path``."""
        span = self.key(path) if key else self.value(path)
        return span, pointer(path)


def deep_get(data: Any, path: Path) -> Any:
    """The value at ``path`` in nested dicts and lists, or None where the path does not exist."""
    for p in path:
        try:
            data = data[p]
        except (KeyError, IndexError, TypeError):
            return None
    return data


#: Line breaks as libyaml counts them (YAML 1.1), so that line numbers agree with the parser's.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def only_newlines(text: str) -> bool:
    """Whether every line break of ``text`` is ``\n`` (then ``text.split("\n")`` gives its lines,
    ten times faster than :data:`LINE_BREAK`)."""
    if "\r" in text:
        return False
    return text.isascii() or ("\x85" not in text and "\u2028" not in text and "\u2029" not in text)


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` numbered as the YAML parser numbers them (``lines[n - 1]`` is line n)."""
    return text.split("\n") if only_newlines(text) else LINE_BREAK.split(text)
