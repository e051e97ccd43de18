"""The workspace: plan documents loaded from files or dicts, their graph, and the public ``load``.

Data flows one way: files -> loader (positions kept aside) -> models -> graph -> rules -> findings.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

import networkx as nx

from .core.errors import NoPlanFileWarning, UsageError
from .core.findings import Finding, Report, Span
from .graph import build_graph
from .read.cache import Cache
from .read.discovery import YAML_SUFFIXES, HiddenLink, OutsideLink, discover, searched_description  # noqa: F401 (re-exported)
from .read.loader import DEFAULT_LIMITS, Limits, LoadedFile, check_data, load_bytes, read_bytes, read_file
from .core.models import Document, Element, Header, Indicator, Unit
from .rules.base import make_finding
from .build.documents import ParsedDocument, mask_personal_text, parse_document
from .core.sourcemap import SourceMap

if TYPE_CHECKING:
    import pandas as pd

    from .views.tree import PerformanceTree
    from .views.trace import Chain, Step

__all__ = ["Cascade", "OutsideLink", "load", "discover"]


@dataclass
class _Source:
    """One input: a file to read (``path``, shown as ``display``) or a dict (``data``)."""

    display: str
    path: str | None = None
    data: Any = None


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _display(path: str) -> str:
    """The name findings give a file: its path, with bytes that are not UTF-8 written as ``\\xff``.

    Python hands such a name over with lone surrogates, which no UTF-8 report (JSON, SARIF, a
    terminal) can carry; control characters are escaped the same way, since a name with a line break
    could forge lines of a CI log. The file itself is still opened by its real path.
    """
    name = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", name)


def _sources(items: tuple[Any, ...], empty: list[str] | None = None) -> list[_Source]:
    """The sources of ``items``; paths that give no plan file (missing, or a folder without one) go to ``empty``."""
    sources: list[_Source] = []
    n_dicts = 0
    for item in items:
        if isinstance(item, Mapping):
            n_dicts += 1
            sources.append(_Source(f"<input {n_dicts}>", data=item))
        elif isinstance(item, (str, os.PathLike)):
            found = discover([item])
            if empty is not None and (not found or not os.path.lexists(item)):
                empty.append(_display(os.fsdecode(item)))
            sources.extend(_Source(_display(p), path=p) for p in found)
        elif isinstance(item, (list, tuple)):
            sources.extend(_sources(tuple(item), empty))
        else:
            raise UsageError(f"cascade.load() takes paths and dicts, not {type(item).__name__}")
    return sources


def _link_finding(source: _Source) -> Finding:
    """CAS005 for a symbolic link that discovery refused to read through (:class:`OutsideLink`)."""
    variant = "hidden-link" if isinstance(source.path, HiddenLink) else "outside"
    return make_finding("CAS005", variant, file=source.display, span=Span(1, 1, 1, 2))


def load_source(
    source: _Source, limits: Limits = DEFAULT_LIMITS, show_personal: bool = False
) -> tuple[ParsedDocument | None, list[Finding], LoadedFile | None]:
    """Read (or take) one source and build its document; never raises for bad content."""
    if isinstance(source.path, OutsideLink):
        return None, [_link_finding(source)], None
    if source.path is not None:
        return _schema(read_file(source.path, source.display, limits), show_personal)
    too_big = check_data(source.data, source.display, limits)
    if too_big is not None:
        return None, [too_big], None
    parsed, schema_findings = parse_document(
        source.data, source.display, SourceMap(source.display), from_yaml=False, show_personal=show_personal
    )
    return parsed, schema_findings, None


def _schema(loaded: LoadedFile, show_personal: bool = False) -> tuple[ParsedDocument | None, list[Finding], LoadedFile]:
    findings = list(loaded.findings)
    if loaded.data is None and findings:
        return None, findings, loaded
    parsed, schema_findings = parse_document(loaded.data, loaded.file, loaded.sourcemap, show_personal=show_personal)
    loaded.data = None  # the models hold what is needed; the raw tree would double the memory
    return parsed, findings + schema_findings, loaded


def _parse_raw(job: tuple[bytes, str, Limits, bool]) -> tuple[ParsedDocument | None, list[Finding], LoadedFile]:
    """One file's bytes to its document and findings; the worker side of a parallel load.

    The models are built in the worker too: sending back the plain data for the parent to build
    them from cost as much as parsing it (the line scanner reads 30 MB/s).
    """
    raw, display, limits, show_personal = job
    return _schema(load_bytes(raw, display, limits), show_personal)


#: Below this many bytes to parse, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 2_000_000


def _pool(jobs: int | None, todo_bytes: int, n: int) -> Any:
    """A process pool when it pays: several files, enough bytes, a fork-safe process, >1 core."""
    import multiprocessing

    from .core.processes import start_method

    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 2 if todo_bytes < 50_000_000 else os.cpu_count() or 1)
    if workers <= 1 or n < 2 or (jobs is None and todo_bytes < PARALLEL_MIN_BYTES):
        return None
    method = start_method()  # None: forking a threaded process (a notebook kernel, a Dask worker) is unsafe
    if method is None:
        return None
    from concurrent.futures import ProcessPoolExecutor

    # the workers get their input as arguments (bytes and names), so spawn (Windows) works as fork does
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))


class _Sources(Mapping[str, str]):
    """:meth:`Cascade.sources`: each file's text, masked on first access."""

    def __init__(self, files: dict[str, LoadedFile], show_personal: bool):
        self._files = files
        self._show_personal = show_personal
        self._texts: dict[str, str] = {}

    def __getitem__(self, file: str) -> str:
        text = self._texts.get(file)
        if text is None:
            loaded = self._files[file]
            text = loaded.text
            assert text is not None
            # only files that mention employee pay for their source map
            if not self._show_personal and "employee" in text:
                text = mask_personal_text(text, loaded.sourcemap)
            self._texts[file] = text
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


class Cascade:
    """A loaded workspace: documents, their graph, and the findings of loading them.

    Build it with :func:`load`. ``documents`` maps a document id to its typed
    :class:`~cascade.models.Document`; ``graph`` is the networkx graph of :mod:`cascade.graph`;
    ``findings`` are the load, schema and reference findings; :meth:`validate` runs the rules.
    """

    def __init__(
        self, parsed: list[ParsedDocument], findings: list[Finding], files: list[LoadedFile | None], stats: dict[str, int],
        show_personal: bool = False,
    ):
        self.show_personal = show_personal
        self.graph: nx.DiGraph
        self.graph, self.parsed, graph_findings = build_graph(parsed)
        self.findings: list[Finding] = findings + graph_findings
        self.files = [f for f in files if f is not None]
        self.documents: dict[str, Document] = {k: v.model for k, v in self.parsed.items()}
        self.stats = dict(stats)
        self.stats["documents"] = len(self.documents)
        self.stats["elements"] = sum(len(d.elements) for d in self.documents.values())
        self.stats["indicators"] = sum(len(e.indicators) for d in self.documents.values() for e in d.elements)
        #: The parse cache it was loaded with, and the key of each document's parse in it (see
        #: :class:`cascade.validate.Remembered`).
        self.cache: Cache | None = None
        self.cache_keys: dict[str, str] = {}
        #: Paths given to :func:`load` that gave no plan file: missing, or folders without one.
        self.empty_paths: list[str] = []

    def sources(self) -> Mapping[str, str]:
        """File -> text of the files read, for reporters that quote source lines.

        Values under an skp ``employee`` are blotted out unless the workspace was loaded with
        ``show_personal=True``, as in the findings. The mapping masks a file when it is first
        read: a reporter quotes the files of its findings only, and masking needs the file's
        source map (a second pass over its YAML), which a clean SKP file should not pay for.
        """
        return _Sources({f.file: f for f in self.files if f.text is not None}, self.show_personal)

    def __repr__(self) -> str:
        s = self.stats
        text = f"<Cascade {s['documents']} documents, {s['elements']} elements, {s['indicators']} indicators"
        if self.empty_paths:
            text += "; no plan file found in " + ", ".join(repr(p) for p in self.empty_paths)
        return text + ">"

    def get(self, ref: str) -> Header | Element | Indicator | Unit | None:
        """The model behind a reference: ``doc`` (header), ``doc:local`` (element or indicator), ``doc#UNIT``."""
        if not isinstance(ref, str):
            raise UsageError(f"a reference is a string, not {type(ref).__name__}")
        attrs = self.graph.nodes.get(ref)
        return None if attrs is None else attrs["model"]

    def locate(self, ref: str) -> tuple[str | None, int | None, int | None]:
        """``(file, line, column)`` where the element, indicator, unit or document ``ref`` is defined."""
        attrs = self.graph.nodes.get(ref)
        if attrs is None:
            return None, None, None
        doc = self.parsed[ref if attrs["type"] == "document" else attrs["doc"]]
        span = doc.sourcemap.value(attrs.get("path", ("document",)))
        return doc.file, span.line if span else None, span.column if span else None

    def validate(self, **kwargs: Any) -> Report:
        """Run the rules; see :func:`cascade.validate.validate` for selection, severities and options."""
        from .validate import validate

        return validate(self, **kwargs)

    # -- planners' views: cascade.views, cascade.tree, cascade.tables, cascade.htmlreport --------

    @functools.cached_property
    def _tracer(self) -> Any:
        from .views.trace import Tracer

        return Tracer(self.graph)

    def trace(self, ref: str) -> "list[Chain]":
        """Every upward chain from an element or indicator to where it ends (see :class:`~cascade.views.Chain`).

        Crosscutting and several ``supports`` make several chains; each ends at an RPJMN element
        (``national``), a reference into an absent document (``external``), an orphan
        (``broken``) or a cycle. Raises KeyError for a ref that is no element or indicator.
        """
        return self._tracer.trace(ref)

    def descendants(self, ref: str) -> "list[Step]":
        """Every element (or, for an indicator, every indicator) below ``ref`` whose links reach it, nearest first."""
        return self._tracer.descendants(ref)

    def coverage(self, report: Report | None = None) -> "pd.DataFrame":
        """A DataFrame, one row per document: elements and indicators by kind, shares linked upward and
        supported from below, orphans, findings by severity (see :func:`cascade.views.coverage_rows`).

        Runs :meth:`validate` unless ``report`` is given. Needs the ``notebook`` extra (pandas); raises
        :class:`~cascade.errors.MissingExtraError` without it.
        """
        from .views.tables import coverage_frame
        from .views.trace import coverage_rows

        return coverage_frame(coverage_rows(self, self.validate() if report is None else report))

    def alignment_matrix(self, lower_doc: str, upper_doc: str, *, full: bool = False, symbols: bool = True) -> "pd.DataFrame":
        """The matriks keterkaitan: elements of ``lower_doc`` (rows) against ``upper_doc`` (columns).

        A cell is ``●`` for direct support, ``○`` for indirect (``direct``/``indirect`` with
        ``symbols=False``); which elements are shown is explained in :func:`cascade.views.alignment`.
        Needs the ``notebook`` extra; raises KeyError for an unknown document.
        """
        from .views.tables import matrix_frame
        from .views.trace import alignment

        return matrix_frame(alignment(self, lower_doc, upper_doc, full=full), symbols=symbols)

    def tree(self, root: str | None = None, depth: int | None = None, report: Report | None = None) -> "PerformanceTree":
        """The pohon kinerja below ``root`` (a document id, an element ref, or None for every top element),
        ``depth`` levels deep (None: all), findings of ``report`` (else of :meth:`validate`) attached."""
        from .views.tree import build_tree

        titles = {k: v.model.document.title for k, v in self.parsed.items()}
        return build_tree(self.graph, titles, self.validate() if report is None else report, root, depth)

    def to_mermaid(self, root: str | None = None, depth: int | None = None, report: Report | None = None) -> str:
        """The pohon kinerja as a Mermaid flowchart (see :meth:`tree`)."""
        return self.tree(root, depth, report).to_mermaid()

    def to_dot(self, root: str | None = None, depth: int | None = None, report: Report | None = None) -> str:
        """The pohon kinerja as a Graphviz DOT digraph (see :meth:`tree`)."""
        return self.tree(root, depth, report).to_dot()

    def to_html(self, report: Report | None = None, *, lang: str = "id", show_personal: bool = False) -> str:
        """The self-contained HTML report (see :func:`cascade.htmlreport.render_html`)."""
        from .views.html import render_html

        return render_html(self, report, lang=lang, show_personal=show_personal)

    def _repr_html_(self) -> str:
        from .views.html import cascade_html

        return cascade_html(self)


@contextlib.contextmanager
def bulk() -> Any:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Loading creates millions of dicts, strings and models and no reference cycles; with the
    collector running, each generation-2 pass rescans them all, which tripled schema and graph time
    on a 20,000-element workspace. Nested use is safe; the previous state is restored.

    On the way out, what was built moves straight to the oldest generation (``gc.freeze()`` then
    ``gc.unfreeze()``, unless the program froze objects of its own): otherwise the first collection
    after re-enabling scans every object built here as young, 0.4 s after loading 20,000 elements.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def load(
    *sources: Any,
    limits: Limits = DEFAULT_LIMITS,
    cache: str | os.PathLike[str] | Cache | None = None,
    jobs: int | None = None,
    show_personal: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> Cascade:
    """Load plan documents from files, folders (searched recursively for ``*.yaml``/``*.yml``) and dicts.

    ``cache`` names a folder (or a :class:`~cascade.cache.Cache`) of parsed documents keyed by
    content, so that a re-run parses only the files that changed. ``jobs`` is the number of
    processes that parse files (default: both cores when there is enough to parse; 1 for none).
    Results never depend on either. Bad content never raises: every problem is a finding in
    ``Cascade.findings``. Raises :class:`~cascade.errors.UsageError` (a ``TypeError``) only for
    arguments of the wrong type.

    ``limits`` bounds each file (:class:`~cascade.loader.Limits`). Employee numbers (NIP) and names
    of skp documents are masked in findings (``1990••••••••••1001``) unless ``show_personal=True``.
    ``progress``, when given, is called as ``progress("files", parsed, total)`` while files are read
    (the library never prints; the ``cascade`` command draws a progress line from it).
    """
    if not isinstance(limits, Limits):
        raise UsageError("limits must be a cascade.Limits")
    if not isinstance(show_personal, bool):
        raise UsageError("show_personal must be True or False")
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise UsageError("jobs must be a positive whole number")
    if cache is not None and not isinstance(cache, Cache):
        if not isinstance(cache, (str, os.PathLike)):
            raise UsageError("cache must be a folder path or a cascade.cache.Cache")
        cache = Cache(cache)
    empty: list[str] = []
    items = _sources(sources, empty)
    for path in empty:
        what = "no such file or folder" if not os.path.lexists(path) else "a folder without plan files (" + searched_description() + ")"
        warnings.warn(f"cascade.load: no plan file found in {path!r}: {what}", NoPlanFileWarning, stacklevel=2)
    if progress is not None and not callable(progress):
        raise UsageError("progress must be a function taking (stage, done, total)")
    with bulk():
        workspace = _load(items, limits, cache, jobs, show_personal, progress)
    workspace.empty_paths = empty
    return workspace


def _load(items: list[_Source], limits: Limits, cache: Cache | None, jobs: int | None, show_personal: bool,
          progress: Callable[[str, int, int], None] | None = None) -> Cascade:
    results: list[Any] = [None] * len(items)
    todo: list[tuple[int, bytes, str | None]] = []  # index, bytes, cache key
    keys: dict[str, str] = {}  # file -> cache key of its parse
    for i, item in enumerate(items):
        if item.path is None:
            results[i] = load_source(item, limits, show_personal)
            continue
        if isinstance(item.path, OutsideLink):
            results[i] = (None, [_link_finding(item)], None)
            continue
        raw = read_bytes(item.path, item.display, limits)
        if isinstance(raw, LoadedFile):
            results[i] = (None, list(raw.findings), raw)
            continue
        # masked and unmasked findings of the same file are different entries
        key = cache.key(item.display, raw, (limits, show_personal)) if cache is not None else None
        if key is not None:
            keys[item.display] = key
        hit = cache.get(key) if key is not None else None
        if hit is not None:
            results[i] = hit
        else:
            todo.append((i, raw, key))
    pool = _pool(jobs, sum(len(raw) for _, raw, _ in todo), len(todo))
    jobs_list = [(raw, items[i].display, limits, show_personal) for i, raw, _ in todo]
    try:
        loaded_iter = pool.map(_parse_raw, jobs_list, chunksize=max(1, len(jobs_list) // 16)) if pool else map(_parse_raw, jobs_list)
        done = len(items) - len(todo)
        for (i, _, key), loaded in zip(todo, loaded_iter):
            results[i] = loaded
            if key is not None:
                cache.put(key, results[i])
            done += 1
            if progress is not None:
                progress("files", done, len(items))
    finally:
        if pool is not None:
            pool.shutdown()
    parsed: list[ParsedDocument] = []
    findings: list[Finding] = []
    files: list[LoadedFile | None] = []
    size = 0
    for doc, doc_findings, loaded in results:
        findings.extend(doc_findings)
        files.append(loaded)
        if loaded is not None:
            size += loaded.size
        if doc is not None:
            parsed.append(doc)
    cascade = Cascade(parsed, findings, files, {"files": sum(1 for i in items if i.path is not None), "bytes": size}, show_personal)
    if cache is not None:
        cascade.cache = cache
        cascade.cache_keys = {d: keys[p.file] for d, p in cascade.parsed.items() if p.file in keys}
    return cascade
