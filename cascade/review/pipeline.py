"""One review run, as the ``cascade lint`` command does it, for CI scripts and other tools.

:func:`lint` finds the plan files under the paths, leaves out the configured ``exclude`` globs,
loads and validates them with the settings (selection, severities, options, per-file ignores and
inline suppressions), and filters the report through the baseline when one is configured. It never
prints: the caller renders the :class:`LintResult` with :mod:`cascade.reporters`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Mapping

from ..build.loading import SourceTexts
from ..core.findings import Report, Severity
from ..core.privacy import NameMask, employee_names
from ..graph import Workspace, load_workspace
from ..read.discovery import discover, is_workbook
from ..read.loader import LoadedFile, read_file
from ..core.sourcemap import SourceMap
from ..revisions.lock import add_lock_findings, find_lock, resolve_lock, with_lock
from ..validate import validate
from .baseline import BaselineEntry, apply_baseline, dump_baseline, read_baseline
from .config import Settings

__all__ = ["LintResult", "lint", "write_baseline"]


@dataclass(frozen=True)
class LintResult:
    """The outcome of :func:`lint`: the report, the files of the run, and the baseline entries now gone.

    ``workspace`` is the loaded workspace when the run was made in one process, and None when it
    was partitioned by region (no process held the whole workspace). ``sources`` maps a file to
    its text, for reporters that show source lines (personal data masked unless asked).
    """

    report: Report
    workspace: Workspace | None
    settings: Settings
    gone: tuple[BaselineEntry, ...] = ()
    files: tuple[str, ...] = ()
    sources: Mapping[str, str] = field(default_factory=dict)

    def workspace_for_views(self) -> Workspace:
        """The workspace the HTML report and the workbook draw: the loaded one, or, for a run
        partitioned by region (no process held the whole graph), one of no documents, so that they
        show the findings only."""
        if self.workspace is not None:
            return self.workspace
        return Workspace([], [], [], {"files": len(self.files)})

    def failed(self, level: Severity | None = None) -> bool:
        """Whether a finding is at or above ``level`` (default: the settings' ``fail_level``)."""
        rank = (level or self.settings.fail_level).rank
        return any(f.severity.rank >= rank for f in self.report)


def lint(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    *,
    use_baseline: bool = True,
    cache: Any = None,
    jobs: int | None = None,
    show_personal: bool = False,
    dask: str | None = None,
    by_region: bool | None = None,
    lock: Any = "auto",
    progress: Callable[[str, int, int], None] | None = None,
) -> LintResult:
    """Lint the plan files under ``paths`` (paths, or one path) with ``settings`` (default: :class:`Settings`).

    ``cache``, ``jobs`` and ``show_personal`` are passed to :func:`cascade.load` (a parse cache
    folder; processes; employee NIPs and names unmasked in findings). With ``dask`` (a scheduler
    address, or ``""`` for a local cluster) the files are validated partitioned by region on Dask
    instead (:mod:`cascade.distributed`), with the same report. With ``by_region`` the same partitioned
    validation runs on local processes (``jobs`` of them, default: every core), without Dask; by
    default (None) it does when the files add up to :data:`BY_REGION_MIN_BYTES` or more and
    ``jobs`` is not 1. The parse cache is not used then: each process reads its own partition.

    ``lock`` is the review state of the links (rule CAS208): by default the ``cascade.lock`` found
    beside ``paths`` (:func:`cascade.revisions.find_lock`), or a path, a Lock, or None for none. It
    reaches every partition when the run is partitioned.

    Raises :class:`~cascade.config.ConfigError` when the configured baseline cannot be read, and
    :class:`~cascade.distributed.MissingDependency` for ``dask`` without the ``sakip-cascade[dask]`` extra.

    ``progress`` is called as the run goes (``("files", done, total)``, ``("partitions", done,
    total)`` on a partitioned run, ``("rules", 0, 1)`` when the checks start); nothing is printed.
    """
    settings = settings or Settings()
    # one path given as a string is that path, never its characters ("specs" would lint "s", "p"... and "/")
    paths = [paths] if isinstance(paths, (str, bytes, os.PathLike)) else list(paths)
    found = resolve_lock(find_lock(paths) if isinstance(lock, str) and lock == "auto" else lock)
    files = [p for p in discover(paths) if not settings.is_excluded(p)]
    if by_region is None:
        by_region = dask is None and jobs != 1 and (os.cpu_count() or 1) > 1 and _total_bytes(files) >= BY_REGION_MIN_BYTES
    if (by_region or dask is not None) and _multi_document_tables(files):
        # a partition holds one document per file; a workbook whose sidecar lists several documents
        # is checked in one process instead (the same report, without partitions)
        by_region, dask = False, None
    run = settings.run_settings()
    if found is not None:
        run = replace(run, options=with_lock(run.options, found))
    workspace: Workspace | None = None
    if dask is None and not by_region:
        # a batch run keeps no text: files with findings are read again (and checked unchanged)
        workspace = load_workspace(*files, cache=cache, jobs=jobs, show_personal=show_personal, progress=progress,
                                   keep_text=False)
        if progress is not None:
            progress("rules", 0, 1)
        report = validate(workspace, run.selection, options=run.options, suppressions=run.suppressions, jobs=jobs)
        loaded = workspace.files
        sources = workspace.sources()
    else:
        from ..scale import distributed

        if dask is not None:
            where: dict[str, Any] = {"scheduler": dask or None}
        else:
            where = {"scheduler": "processes", "n_workers": jobs or max(2, os.cpu_count() or 1)}
        report = distributed.validate_with(files, run, **where, show_personal=show_personal, progress=progress)
        # no document is built here: only the files with findings are read again, for the lines reporters quote
        # (a CSV's lines too, as in one process: its findings stand at its characters; a workbook's none)
        quoted = {f.file for f in report if f.cell is not None or not is_workbook(f.file or "")}  # a table: findings at cells
        loaded = [_quoted_file(path) if path in quoted else LoadedFile(path, None, SourceMap(path)) for path in files]
        # the names of the employees of the files quoted (an rhk's line repeats its holder's name)
        names = None if show_personal else NameMask(n for f in loaded for n in employee_names(f.data))
        sources = SourceTexts(loaded, show_personal, names)
    if found is not None:
        report = add_lock_findings(report, found, run.selection)
    gone: list[BaselineEntry] = []
    if use_baseline and settings.baseline:
        counts = read_baseline(settings.baseline)
        report, gone = apply_baseline(report, counts, os.path.dirname(os.path.abspath(settings.baseline)))
    return LintResult(report, workspace, settings, tuple(gone), tuple(f.file for f in loaded), sources)


def _quoted_file(path: str) -> LoadedFile:
    """A file whose lines a report may quote, read again after a run by region: a plan file as the
    loader reads it, a CSV as its text (never read for `# cascade:` comments), a workbook as nothing."""
    if not is_workbook(path):
        return read_file(path, path)
    text = None
    if path.lower().endswith(".csv"):
        from ..read.loader import read_bytes

        raw = read_bytes(path, path)
        if isinstance(raw, bytes):
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = None
    loaded = LoadedFile(path, None, SourceMap(path), text=text)
    loaded.suppressions = ([], [])
    return loaded


#: From this many bytes of plan files on, :func:`lint` validates partitioned by region on local
#: processes (``by_region=None``). Measured on two cores: 1M elements in 50 kab/kota (752 MB) lint
#: in 102 s by region against 188 s in one process in the same hour, with 0.3 GB per process
#: instead of 11.4 GB.
#: Below this size one process is the default: it has the parse cache, and a single kab/kota (what
#: a pre-commit hook usually sees) is one partition, with nothing to spread over the cores.
BY_REGION_MIN_BYTES = 200_000_000


def _multi_document_tables(files: list[str]) -> bool:
    from ..read.discovery import is_workbook

    tables = [f for f in files if is_workbook(f)]
    if not tables:
        return False
    from ..read.workbook import several_documents

    return any(several_documents(f) for f in tables)


def _total_bytes(files: list[str]) -> int:
    total = 0
    for path in files:
        try:
            total += os.path.getsize(path)
        except OSError:
            pass  # reported when it is read
    return total


def write_baseline(result: LintResult, path: str) -> str:
    """The baseline JSON for ``result``'s findings, with files relative to ``path``'s folder."""
    return dump_baseline(result.report, os.path.dirname(os.path.abspath(path)))
