"""Loading a workspace's documents: sources (files, folders, dicts) to parsed documents and their findings.

Files are read as bytes, looked up in the parse cache by content, and parsed (on both cores when
there is enough to parse); each result is a :class:`~cascade.core.parsed.ParsedDocument` or the
findings that stopped it. The graph is built one layer up (:class:`cascade.graph.Workspace`).
"""

from __future__ import annotations

import itertools
import os
import pickle
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping

from ..core.errors import UsageError
from ..core.findings import Finding, Span
from ..core.parsed import ParsedDocument
from ..core.pool import process_pool
from ..core.privacy import employee_names, mask_source
from ..core.sourcemap import SourceMap, pointer_path
from ..core.text import UNSAFE, escape_unsafe
from ..read.cache import Cache
from ..read.discovery import HiddenLink, OutsideLink, discover, is_workbook
from ..read.loader import DEFAULT_LIMITS, Limits, LoadedFile, TextOrigin, check_data, load_bytes, read_bytes, read_file
from ..rules.catalog import make_finding
from .documents import mask_personal_text, parse_document

__all__ = ["Source", "Loaded", "SourceTexts", "sources_of", "load_source", "load_parsed", "parse_loaded"]


@dataclass
class Source:
    """One input: a file to read (``path``, shown as ``display``) or a dict (``data``)."""

    display: str
    path: str | None = None
    data: Any = None




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


def _undotted(path: str) -> str:
    """``path`` without leading ``./`` (``.\\`` on Windows): the same file is named the same whether
    the run was ``cascade lint``, ``cascade lint .`` or ``cascade lint plan.yaml``. Baselines and
    fingerprints relate the absolute path, so they do not change."""
    seps = (os.sep, os.altsep) if os.altsep else (os.sep,)
    while len(path) > 2 and path[0] == "." and path[1] in seps:
        path = path[2:].lstrip("".join(seps)) or path
    return path


def sources_of(items: tuple[Any, ...], empty: list[str] | None = None) -> list[Source]:
    """The sources of ``items``; paths that give no plan file (missing, or a folder without one) go to ``empty``."""
    sources: list[Source] = []
    n_dicts = 0
    for item in items:
        if isinstance(item, Mapping):
            n_dicts += 1
            sources.append(Source(f"<input {n_dicts}>", data=item))
        elif isinstance(item, (str, os.PathLike)):
            found = discover([item])
            if empty is not None and (not found or not os.path.lexists(item)):
                empty.append(_display(os.fsdecode(item)))
            sources.extend(Source(_display(_undotted(p)), path=p) for p in found)
        elif isinstance(item, (list, tuple)):
            sources.extend(sources_of(tuple(item), empty))
        else:
            raise UsageError(f"cascade.load() takes paths and dicts, not {type(item).__name__}")
    return sources


def _link_finding(source: Source) -> Finding:
    """CAS005 for a symbolic link that discovery refused to read through (:class:`OutsideLink`)."""
    variant = "hidden-link" if isinstance(source.path, HiddenLink) else "outside"
    return make_finding("CAS005", variant, file=source.display, span=Span(1, 1, 1, 2))


def load_source(
    source: Source, limits: Limits = DEFAULT_LIMITS, show_personal: bool = False
) -> tuple[ParsedDocument | None, list[Finding], LoadedFile | None]:
    """Read (or take) one source and build its document; never raises for bad content."""
    if isinstance(source.path, OutsideLink):
        return None, [_link_finding(source)], None
    if source.path is not None and is_workbook(source.path):
        docs, findings, loaded = load_workbook_source(source, limits, show_personal)
        # one result per source here (by region, a workbook is one document: the first of its sidecar)
        return (docs[0] if docs else None), findings, loaded
    if source.path is not None:
        return parse_loaded(read_file(source.path, source.display, limits), show_personal)
    too_big = check_data(source.data, source.display, limits)
    if too_big is not None:
        return None, [too_big], None
    parsed, schema_findings = parse_document(
        source.data, source.display, SourceMap(source.display), from_yaml=False, show_personal=show_personal
    )
    return parsed, schema_findings, None


def load_workbook_source(source: Source, limits: Limits = DEFAULT_LIMITS, show_personal: bool = False
                         ) -> tuple[list[ParsedDocument], list[Finding], LoadedFile]:
    """The documents of a workbook or CSV read through its sidecar, with every finding (cells included),
    and the workbook as a loaded file without text whose inline suppressions are the sidecar's: the
    findings on the ``document:`` block stand in the sidecar (:func:`_at_sidecar`), where a
    ``# cascade: ignore`` comment on their line silences them as on any YAML line."""
    from ..read.suppressions import find_suppressions
    from ..read.workbook import read_workbook

    assert source.path is not None
    sidecar: list[LoadedFile] = []
    csv_text: list[str] = []
    tables, findings = read_workbook(source.path, source.display, limits, sidecar_out=sidecar, text_out=csv_text)
    # a CSV keeps its text, for the lines the full format quotes; its cells are never read for
    # `# cascade:` comments (a cell is no comment): the suppressions are the sidecar's only
    loaded = LoadedFile(source.display, None, SourceMap(source.display), text=csv_text[0] if csv_text else None)
    loaded.suppressions = find_suppressions(sidecar[0].file, sidecar[0].text) if sidecar and sidecar[0].text is not None else ([], [])
    docs: list[ParsedDocument] = []
    for table in tables:
        findings.extend(table.findings)
        parsed, schema_findings = parse_document(table.data, source.display, table.sourcemap, from_yaml=False,
                                                 show_personal=show_personal)
        findings.extend(_at_sidecar(schema_findings, table.header_at))
        if parsed is not None:
            docs.append(parsed)
    return docs, findings, loaded


def _at_sidecar(findings: list[Finding], header_at: "tuple[str, SourceMap, tuple] | None") -> list[Finding]:
    """``findings`` with those on the ``document:`` block placed where the sidecar writes it (a
    ``kind: renstraa`` in ``x.cascade.yaml`` was reported at ``x.csv:1:1``, cell A1)."""
    if header_at is None:
        return findings
    from dataclasses import replace

    file, sourcemap, base = header_at
    out = []
    for f in findings:
        pointer = f.pointer or ""
        if pointer == "/document" or pointer.startswith("/document/"):
            parts = pointer_path(pointer)[1:]  # below the document block
            span = sourcemap.key(base + parts) if f.code == "CAS102" else sourcemap.value(base + parts)
            if span is not None:
                f = replace(f, file=file, line=span.line, column=span.column, end_line=span.end_line,
                            end_column=span.end_column, cell=None)
        out.append(f)
    return out


def parse_loaded(loaded: LoadedFile, show_personal: bool = False, compact: bool = True
                 ) -> tuple[ParsedDocument | None, list[Finding], LoadedFile]:
    findings = list(loaded.findings)
    if loaded.data is None and findings:
        return None, findings, loaded
    parsed, schema_findings = parse_document(loaded.data, loaded.file, loaded.sourcemap, show_personal=show_personal,
                                             compact=compact)
    if parsed is None:  # no document holds the names of its employee blocks: the file keeps them
        loaded.personal_names = employee_names(loaded.data)
    loaded.data = None  # the models hold what is needed; the raw tree would double the memory
    return parsed, findings + schema_findings, loaded


def _parse_raw(job: tuple[bytes, str, Limits, bool, Any], kept: bool = True) -> tuple[ParsedDocument | None, list[Finding], LoadedFile]:
    """One file's bytes to its document and findings; the worker side of a parallel load.

    The models are built in the worker too: sending back the plain data for the parent to build
    them from cost as much as parsing it (the line scanner reads 30 MB/s). With a ``path`` (a run
    that keeps no text) the text is released before it is sent back. ``kept`` False (a worker's
    results, pickled) skips moving the models into compact dicts, which unpickling does anyway.
    """
    raw, display, limits, show_personal, path = job
    result = parse_loaded(load_bytes(raw, display, limits), show_personal, compact=kept)
    if path is not None:
        result[2].release_text(TextOrigin.of(path, raw))
    return result


#: Below this many bytes to parse, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 2_000_000


def _pool(jobs: int | None, todo_bytes: int, n: int) -> tuple[Any, int, bool]:
    """A process pool when it pays (several files, enough bytes, a fork-safe process, >1 core), its
    size, and whether this process parses a share too (:func:`_parse_all`), with one process fewer
    in the pool: unless that share would be nothing (five workers and more, :func:`_own_share`)."""
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 2 if todo_bytes < 50_000_000 else os.cpu_count() or 1)
    if workers <= 1 or n < 2 or (jobs is None and todo_bytes < PARALLEL_MIN_BYTES):
        return None, 0, False
    # this process parses a share at every size: it once left parses above 50 MB to the workers,
    # for memory (the models it built kept pydantic's own dicts, 48 MB more at 100,000 elements than
    # the workers' unpickled ones), until compact_models. Measured at 100,000 elements (72 MB, two
    # cores): 3.7 s to parse with two workers and this process only unpickling (three processes
    # on two cores, every result pickled and unpickled), 2.9-3.0 s with one worker and this process
    # parsing half, at the same peak
    shares = _own_share(workers - 1) > 0
    size = workers - 1 if shares else workers
    # the workers get their input as arguments (bytes and names), so spawn (Windows) works as fork does
    pool = process_pool(size, fresh=False)
    return pool, size if pool is not None else 0, shares


#: What a worker's pickled result costs (pickling, then unpickling here) against parsing the same
#: bytes; measured at 20,000 elements: 0.175 s and 0.183 s against 0.62 s (:func:`_parse_all`).
TRANSPORT = 0.29

#: The parallel parses under way, for forked workers: a token per load, to its jobs and the open
#: anonymous files the workers write their results into. A worker reads its files' bytes here, in
#: the memory it shares with this process, instead of receiving them through a pipe; the token
#: keeps two loads in two threads (a forced fork) from reading each other's.
_FORK_JOBS: dict[int, tuple[list[tuple], list[Any]]] = {}
_TOKENS = itertools.count(1)


def _own_share(workers: int) -> float:
    """The share of the bytes this process parses beside ``workers`` pool processes: it unpickles
    their results too, so that each takes as long (half with one worker, none from five on)."""
    c, k = TRANSPORT, workers
    return max(0.0, ((1 + c) / k - c) / (1 - c + (1 + c) / k))


def _parse_chunk(spec: tuple[int, int, int, list[tuple] | None, int]) -> Any:
    """A worker's part of :func:`_parse_all`: the results of jobs ``start:stop``.

    With ``given`` jobs (a spawned worker) the results are returned. Otherwise this is a forked
    worker: the jobs are its copy of :data:`_FORK_JOBS` under ``token``, and the results are pickled
    into the inherited anonymous file number ``out``; it returns None. A worker that finds no jobs
    under its token (forked before they were set, or for another load) raises LookupError, and the
    parent parses them.
    """
    token, start, stop, given, out = spec
    if given is not None:
        return [_parse_raw(job, False) for job in given]
    jobs, files = _FORK_JOBS.get(token, ((), ()))
    if len(jobs) < stop or out >= len(files):
        raise LookupError(f"jobs {start}:{stop} of load {token} are not in this process")
    results = [_parse_raw(job, False) for job in jobs[start:stop]]
    fh = files[out]
    fh.seek(0)
    pickle.dump(results, fh, protocol=pickle.HIGHEST_PROTOCOL)
    fh.flush()
    return None


def _parse_all(jobs: list[tuple], pool: Any, workers: int, shares: bool = True) -> Iterator[tuple[int, Any]]:
    """``(index, result)`` of every job of :func:`_parse_raw`, this process parsing a share itself.

    What this process parses needs no pickling: a worker's models cost about as much to pickle and
    unpickle as to scan (:data:`TRANSPORT`). So the pool takes the files from the front in chunks
    and this process its share of the bytes (:func:`_own_share`) from the back, and between its own
    files it takes in the chunks done.

    Forked workers read their input in the memory they share with this process and write their
    results into anonymous files (unlinked from the start: nothing stays on disk, whatever ends the
    run) that this process opened before the pool forked, and reads in its main thread. Results
    sent through the pool's pipe are read by a thread of this process, which its parsing main thread
    keeps waiting for the interpreter lock, and the worker waits on the full pipe meanwhile
    (measured: a worker idle a third of the time, and no faster than one process). Spawned workers
    (Windows) receive their jobs and send their results through the pipe. A chunk whose worker
    failed (a full disk, a worker that died) is parsed here.
    """
    if pool is None:
        for k, job in enumerate(jobs):
            yield k, _parse_raw(job)
        return
    share = sum(len(job[0]) for job in jobs) * _own_share(workers) if shares else -1
    mine, taken = len(jobs), 0
    while mine > 1 and taken + len(jobs[mine - 1][0]) / 2 <= share:  # none when not ``shares``
        mine -= 1
        taken += len(jobs[mine][0])
    size = max(1, -(-mine // (4 * workers)))
    bounds = [(a, min(a + size, mine)) for a in range(0, mine, size)]
    token = next(_TOKENS)
    files: list[Any] = []
    forked = getattr(pool, "start_method", None) == "fork"
    try:
        if forked:
            import tempfile

            try:
                files = [tempfile.TemporaryFile() for _ in bounds]
            except OSError:  # no temporary folder to write in: the results come through the pipe
                files, forked = [], False
        if forked:
            _FORK_JOBS[token] = (jobs, files)  # before the first submit: the pool forks its workers then
        futures = [pool.submit(_parse_chunk, (token, a, b, None if forked else jobs[a:b], n)) for n, (a, b) in enumerate(bounds)]
        taken_in = 0  # the chunks before this one are given out

        def chunks_done(wait: bool) -> Iterator[tuple[int, Any]]:
            nonlocal taken_in
            while taken_in < len(futures) and (wait or futures[taken_in].done()):
                a, b = bounds[taken_in]
                try:
                    results = futures[taken_in].result()
                    if forked:
                        fh = files[taken_in]
                        fh.seek(0)
                        results = pickle.load(fh)
                        fh.close()
                except Exception:  # noqa: BLE001 (a worker that failed, whatever the cause: the parse here says it again)
                    results = [_parse_raw(job) for job in jobs[a:b]]
                taken_in += 1
                yield from zip(range(a, b), results)

        for k in range(len(jobs) - 1, mine - 1, -1):
            yield k, _parse_raw(jobs[k])
            yield from chunks_done(False)
        yield from chunks_done(True)
    finally:
        _FORK_JOBS.pop(token, None)
        for fh in files:
            fh.close()


class SourceTexts(Mapping[str, str]):
    """Each file's text, for reporters that quote source lines; an skp's personal data masked on first access.

    A file whose text was released (``cascade lint``) and that changed or went away since is not in
    the mapping: nothing to quote rather than the lines of another version.
    """

    def __init__(self, files: Iterable[LoadedFile], show_personal: bool, names: Any = None):
        # the files with a text: kept, or released with where to read it again
        self._files = {f.file: f for f in files if f.text is not None or f.origin is not None}
        self._show_personal = show_personal
        #: The employees' names to outline on every line (a :class:`~cascade.core.privacy.NameMask`):
        #: an rhk's ``name:`` line that repeats its holder's name is outside the employee block.
        self._names = names
        self._texts: dict[str, str] = {}  # masked, as given out
        self._read: dict[str, str] = {}  # released texts read again, not yet masked
        self._gone: set[str] = set()

    def _available(self, file: str) -> bool:
        """Whether ``file``'s text can be given, reading a released one again once (a changed file is
        asked once, however many findings look it up)."""
        if file in self._texts or file in self._read:
            return True
        loaded = self._files.get(file)
        if loaded is None or file in self._gone:
            return False
        if loaded.text is not None:
            return True
        text = loaded.read_text()
        if text is None:
            self._gone.add(file)
            return False
        self._read[file] = text
        return True

    def __getitem__(self, file: str) -> str:
        text = self._texts.get(file)
        if text is None:
            if not self._available(file):
                raise KeyError(file)
            loaded = self._files[file]
            text = self._read.pop(file) if file in self._read else loaded.text
            assert text is not None
            if not self._show_personal:
                # only files that mention employee pay for their source map
                if "employee" in text:
                    text = mask_personal_text(text, loaded.sourcemap)
                text = mask_source(text)  # by position (whatever the file's state) and NIPs anywhere
                if self._names:
                    text = self._names(text)  # and the employees' names wherever they stand
            self._texts[file] = text
        return text

    def __iter__(self) -> Iterator[str]:
        # the files whose text can still be given (a released one is read again to know; none is masked)
        return (f for f in list(self._files) if self._available(f))

    def __contains__(self, file: object) -> bool:
        return isinstance(file, str) and self._available(file)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass
class Loaded:
    """What loading produced: the parsed documents, the findings of files that failed, the files read.

    ``cache_keys`` maps a file to the cache key of its parse (for the findings cache of
    :func:`cascade.validate.validate`).
    """

    parsed: list[ParsedDocument]
    findings: list[Finding]
    files: list[LoadedFile | None]
    stats: dict[str, int]
    show_personal: bool = False
    cache: Cache | None = None
    cache_keys: dict[str, str] = field(default_factory=dict)


def load_parsed(items: list[Source], limits: Limits, cache: Cache | None, jobs: int | None, show_personal: bool,
                progress: Callable[[str, int, int], None] | None = None, keep_text: bool = True) -> Loaded:
    """Read (or take) every source and build its document, files in parallel when it pays; never raises for content.

    ``progress``, when given, is called as ``progress("files", parsed, total)`` while files are read.
    ``keep_text=False`` releases each file's text once it is parsed (:meth:`LoadedFile.release_text`).
    """
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
        if is_workbook(item.path):
            from ..read.workbook import cache_bytes

            raw = cache_bytes(item.path, limits) if cache is not None else None
            key = cache.key(item.display, raw, (limits, show_personal)) if raw is not None else None
            hit = cache.get(key) if key is not None else None
            if hit is None:
                hit = load_workbook_source(item, limits, show_personal)
                if key is not None:
                    cache.put(key, hit)
            if key is not None:
                keys[item.display] = key
            results[i] = hit
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
            if hit[2] is not None:
                if keep_text:
                    hit[2].keep_text_from(raw)
                else:
                    hit[2].release_text(TextOrigin.of(item.path, raw))
            results[i] = hit
        else:
            todo.append((i, raw, key))
    pool, workers, shares = _pool(jobs, sum(len(raw) for _, raw, _ in todo), len(todo))
    jobs_list = [(raw, items[i].display, limits, show_personal, None if keep_text else items[i].path) for i, raw, _ in todo]
    try:
        done = len(items) - len(todo)
        for k, loaded in _parse_all(jobs_list, pool, workers, shares):
            i, _, key = todo[k]
            results[i] = loaded
            if key is not None:
                cache.put(key, results[i])
            done += 1
            if progress is not None:
                progress("files", done, len(items))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    parsed: list[ParsedDocument] = []
    findings: list[Finding] = []
    files: list[LoadedFile | None] = []
    size = 0
    for doc, doc_findings, loaded in results:
        findings.extend(doc_findings)
        files.append(loaded)
        if loaded is not None:
            size += loaded.size
        if isinstance(doc, list):
            parsed.extend(doc)  # the documents of one workbook
        elif doc is not None:
            parsed.append(doc)
    stats = {"files": sum(1 for i in items if i.path is not None), "bytes": size}
    return Loaded(parsed, findings, files, stats, show_personal, cache, keys)
