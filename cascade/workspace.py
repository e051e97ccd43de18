"""The workspace: plan documents loaded from files or dicts, their graph, and the public ``load``.

Data flows one way: files -> loader (positions kept aside) -> models -> graph -> rules -> findings.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

import networkx as nx

from .core.errors import UsageError
from .core.findings import Finding, Report, Span
from .graph import build_graph
from .read.cache import Cache
from .read.loader import DEFAULT_LIMITS, Limits, LoadedFile, check_data, load_bytes, read_bytes, read_file
from .core.models import Document, Element, Header, Indicator, Unit
from .rules.base import make_finding
from .build.documents import ParsedDocument, mask_personal_text, parse_document
from .core.privacy import mask_finding, mask_source
from .core.text import UNSAFE, escape_unsafe
from .core.sourcemap import SourceMap

if TYPE_CHECKING:
    import pandas as pd

    from .views.tree import PerformanceTree
    from .views.trace import Chain, Step

__all__ = ["Cascade", "OutsideLink", "load", "discover"]

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class _Source:
    """One input: a file to read (``path``, shown as ``display``) or a dict (``data``)."""

    display: str
    path: str | None = None
    data: Any = None


class OutsideLink(str):
    """A file found in a folder that is a symbolic link to a file outside that folder: never read.

    A pull request can add ``plan.yaml -> ~/.config/gh/hosts.yml``; reading it would quote part of the
    secret in the findings (a document that is not a mapping is quoted in CAS103). The path stays in
    the list, so the file is reported (CAS005) rather than silently skipped; naming it reads it.
    """

    __slots__ = ()


def _inside(path: str, folder: str) -> bool:
    real = os.path.realpath(path)
    return real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The YAML files under ``paths`` (files as given, folders searched recursively), sorted per folder.

    Hidden folders (``.git``, ``.cascade_cache``) are skipped; symlinked folders are not followed, so a
    symlink loop cannot hang the walk; a symlinked file that leads out of its folder is returned as an
    :class:`OutsideLink`, which is reported and not read. Paths keep the form the user gave.
    """
    out: list[str] = []
    for raw in paths:
        path = os.fsdecode(raw)  # also a bytes path, as str with its undecodable bytes escaped
        if os.path.isdir(path):
            found = []
            top = os.path.realpath(path)
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if f.endswith(YAML_SUFFIXES) and not f.startswith("."):
                        full = os.path.join(root, f)
                        found.append(OutsideLink(full) if os.path.islink(full) and not _inside(full, top) else full)
            out.extend(sorted(found))
        else:
            out.append(path)
    return out




def _display(path: str) -> str:
    """The name findings give a file: its path, with bytes that are not UTF-8 written as ``\\xff``.

    Python hands such a name over with lone surrogates, which no UTF-8 report (JSON, SARIF, a
    terminal) can carry; control characters are escaped the same way, since a name with a line break
    could forge lines of a CI log, and invisible or direction-changing marks (U+202E, U+200B, U+061C,
    tag characters) as ``\\uXXXX``, since a name could read as another (:mod:`cascade.core.text`).
    The file itself is still opened by its real path.
    """
    name = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else escape_unsafe(m.group()), name)


def _sources(items: tuple[Any, ...]) -> list[_Source]:
    sources: list[_Source] = []
    n_dicts = 0
    for item in items:
        if isinstance(item, Mapping):
            n_dicts += 1
            sources.append(_Source(f"<input {n_dicts}>", data=item))
        elif isinstance(item, (str, os.PathLike)):
            sources.extend(_Source(_display(p), path=p) for p in discover([item]))
        elif isinstance(item, (list, tuple)):
            sources.extend(_sources(tuple(item)))
        else:
            raise UsageError(f"cascade.load() takes paths and dicts, not {type(item).__name__}")
    return sources


def load_source(
    source: _Source, limits: Limits = DEFAULT_LIMITS, show_personal: bool = False
) -> tuple[ParsedDocument | None, list[Finding], LoadedFile | None]:
    """Read (or take) one source and build its document; never raises for bad content."""
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
    import threading

    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 2 if todo_bytes < 50_000_000 else os.cpu_count() or 1)
    if workers <= 1 or n < 2 or (jobs is None and todo_bytes < PARALLEL_MIN_BYTES):
        return None
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None  # forking a threaded process (a notebook kernel, a Dask worker) is unsafe
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))


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
            if not self._show_personal:
                # only files that mention employee pay for their source map
                if "employee" in text:
                    text = mask_personal_text(text, loaded.sourcemap)
                text = mask_source(text)  # by position (whatever the file's state) and NIPs anywhere
            self._texts[file] = text
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


def _report(report: Any) -> Report | None:
    """``report`` as the views take it: None (run the rules) or a Report; UsageError otherwise."""
    if report is not None and not isinstance(report, Report):
        raise UsageError(f"report must be a cascade.Report or None, not {type(report).__name__}")
    return report


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
        if not show_personal:  # NIPs anywhere in a message (a duplicate key that is a NIP...)
            self.findings = [mask_finding(f) for f in self.findings]
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
        return f"<Cascade {s['documents']} documents, {s['elements']} elements, {s['indicators']} indicators>"

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

        return coverage_frame(coverage_rows(self, self.validate() if _report(report) is None else report))

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

        if root is not None and not isinstance(root, str):
            raise UsageError(f"root must be a document id or an element reference, not {type(root).__name__}")
        if depth is not None and (isinstance(depth, bool) or not isinstance(depth, int)):
            raise UsageError(f"depth must be a whole number or None, not {type(depth).__name__}")
        titles = {k: v.model.document.title for k, v in self.parsed.items()}
        return build_tree(self.graph, titles, self.validate() if _report(report) is None else report, root, depth)

    def to_mermaid(self, root: str | None = None, depth: int | None = None, report: Report | None = None) -> str:
        """The pohon kinerja as a Mermaid flowchart (see :meth:`tree`)."""
        return self.tree(root, depth, report).to_mermaid()

    def to_dot(self, root: str | None = None, depth: int | None = None, report: Report | None = None) -> str:
        """The pohon kinerja as a Graphviz DOT digraph (see :meth:`tree`)."""
        return self.tree(root, depth, report).to_dot()

    def to_html(self, report: Report | None = None, *, lang: str = "id", show_personal: bool = False) -> str:
        """The self-contained HTML report (see :func:`cascade.htmlreport.render_html`)."""
        from .views.html import render_html

        return render_html(self, _report(report), lang=lang, show_personal=show_personal)

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
) -> Cascade:
    """Load plan documents from files, folders (searched recursively for ``*.yaml``/``*.yml``) and dicts.

    ``cache`` names a folder (or a :class:`~cascade.cache.Cache`) of parsed documents keyed by
    content, so that a re-run parses only the files that changed (``cascade.read.cache.default_cache_dir()``
    is the command line's, in the user's cache folder; keep it out of the checked-out tree). ``jobs`` is the number of
    processes that parse files (default: both cores when there is enough to parse; 1 for none).
    Results never depend on either. Bad content never raises: every problem is a finding in
    ``Cascade.findings``. Raises :class:`~cascade.errors.UsageError` (a ``TypeError``) only for
    arguments of the wrong type.

    ``limits`` bounds each file (:class:`~cascade.loader.Limits`). Employee numbers (NIP) and names
    of skp documents are masked in findings (``1990••••••••••1001``) unless ``show_personal=True``.
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
    items = _sources(sources)
    with bulk():
        return _load(items, limits, cache, jobs, show_personal)


def _load(items: list[_Source], limits: Limits, cache: Cache | None, jobs: int | None, show_personal: bool) -> Cascade:
    results: list[Any] = [None] * len(items)
    todo: list[tuple[int, bytes, str | None]] = []  # index, bytes, cache key
    keys: dict[str, str] = {}  # file -> cache key of its parse
    for i, item in enumerate(items):
        if item.path is None:
            results[i] = load_source(item, limits, show_personal)
            continue
        if isinstance(item.path, OutsideLink):
            results[i] = (None, [make_finding("CAS005", "outside", file=item.display, span=Span(1, 1, 1, 2))], None)
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
        for (i, _, key), loaded in zip(todo, loaded_iter):
            results[i] = loaded
            if key is not None:
                cache.put(key, results[i])
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
