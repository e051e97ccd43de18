"""The public API: ``load``, the :class:`Cascade` workspace and the :class:`Report` with their conveniences.

This is the top layer: it may import every layer below, and nothing below imports it. The objects
of the lower layers are plain records (:class:`cascade.graph.Workspace`, :class:`cascade.core.findings.Report`);
what planners call on them in a notebook (``validate``, ``trace``, ``coverage``, ``tree``,
``to_pandas``, ``to_html``) is added here, so that the engine never reaches up to the views.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .core import findings as _findings
from .core.errors import NoPlanFileWarning, UsageError
from .graph import Workspace, load_workspace
from .read.cache import Cache
from .read.discovery import searched_description
from .read.loader import DEFAULT_LIMITS, Limits
from .read.suppressions import Suppression
from .review import pipeline as _pipeline
from .revisions.lock import ReviewState, add_lock_findings, find_lock, resolve_lock, review_state, with_lock
from .review.config import Settings
from .core.findings import LANGUAGES
from .sakip import CapaianRow, SakipResult, evaluate as _sakip_evaluate, find_answers, read_answers
from .sakip.answers import answers_of_mapping
from .sakip.engine import check_options as check_sakip_options
from .validate import RunSettings
from .validate import validate as run_validation
from .core.text import escape_unsafe
from .views.html import Masker, cascade_html, render_html, report_html
from .views.trace import Tracer, alignment, coverage_rows
from .views.tree import build_tree

if TYPE_CHECKING:
    import pandas as pd

    from .views.capaian import CapaianTable, DocumentRollupRow, LkjipRow, RollupRow
    from .views.trace import Chain, Step
    from .views.tree import PerformanceTree

__all__ = ["Cascade", "Report", "load", "lint"]


class Report(_findings.Report):
    """The findings of one run (:class:`cascade.core.findings.Report`), with the notebook views:
    :meth:`to_pandas`, :meth:`to_html` and the rich display of a notebook cell."""

    __slots__ = ()

    @classmethod
    def of(cls, report: _findings.Report) -> "Report":
        """``report`` as a public report (the same findings, already sorted, and stats)."""
        if isinstance(report, cls):
            return report
        out = cls.__new__(cls)
        out.findings, out.stats = report.findings, report.stats
        return out

    def to_pandas(self, lang: str = "id") -> Any:
        """The findings as a pandas DataFrame (see :func:`cascade.tables.findings_frame`); needs the
        ``notebook`` extra, else raises :class:`~cascade.errors.MissingExtraError`."""
        from .views.tables import findings_frame

        return findings_frame(self, _lang(lang))

    def _repr_html_(self) -> str:
        return report_html(self)


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise UsageError(f"{name} must be True or False, not {type(value).__name__}")
    return value


def _report(report: Any) -> _findings.Report | None:
    """``report`` as the views take it: None (run the rules) or a Report; UsageError otherwise."""
    if report is not None and not isinstance(report, _findings.Report):
        raise UsageError(f"report must be a cascade.Report or None, not {type(report).__name__}")
    return report


def _lang(lang: Any) -> str:
    """``lang`` as the outputs take it: ``id`` or ``en``; UsageError otherwise."""
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise UsageError(f"lang must be one of {', '.join(repr(x) for x in LANGUAGES)}, not {lang!r}"[:200])
    return lang


def _target(path: Any) -> Any:
    """Where a writer writes: a path (str or os.PathLike) or a binary file object; UsageError otherwise
    (an int was taken as a file descriptor: the workbook went to standard output, which was closed)."""
    import io

    if isinstance(path, (str, os.PathLike)):
        return path
    if isinstance(path, io.TextIOBase):
        raise UsageError("path must be a file name or a binary file object (open(..., 'wb'), io.BytesIO()), "
                         "not a text file object")
    if not isinstance(path, (bool, int, bytes)) and callable(getattr(path, "write", None)):
        return path
    raise UsageError("path must be a file name (str or os.PathLike) or a binary file object, "
                     f"not {type(path).__name__}")


class Cascade(Workspace):
    """A loaded workspace (:class:`cascade.graph.Workspace`: documents, graph, load findings) with the
    planners' conveniences. Build it with :func:`load`."""

    #: The workspace's ``cascade.lock`` (review state of its links, rule CAS208), found beside the
    #: paths given to :func:`load`; None when there is none (the rule is then silent).
    lock_path: str | None = None

    @classmethod
    def of(cls, workspace: Workspace) -> "Cascade":
        """``workspace`` as a :class:`Cascade` (the same documents and graph, nothing rebuilt)."""
        if isinstance(workspace, cls):
            return workspace
        out = cls.__new__(cls)
        out.__dict__.update(workspace.__dict__)
        return out

    def validate(
        self,
        *,
        select: Any = (),
        extend_select: Any = (),
        ignore: Any = (),
        severity: Any = None,
        options: dict[str, dict[str, Any]] | None = None,
        suppressions: Iterable[Suppression] = (),
        inline_suppressions: bool = True,
        jobs: int | None = None,
        lock: Any = "auto",
        as_of: int | None = None,
    ) -> "Report":
        """Run the rules and return the report (nothing printed, nothing raised for bad content).

        ``select``, ``extend_select`` and ``ignore`` choose rules by code, code prefix (``CAS3``),
        name or ``ALL``, as the command line does; ``severity`` maps a selector to a new severity;
        ``options`` maps a rule name to its option overrides (``{"weak-target": {"ratio": 0.8}}``).
        ``suppressions`` are configured per-file ignores; inline ``# cascade: ignore[...]`` comments
        apply unless ``inline_suppressions`` is false. ``jobs=1`` keeps the rules in this process.
        ``lock`` is the review state that rule CAS208 ``suspect-link`` checks links against: by
        default the workspace's ``cascade.lock`` (:attr:`lock_path`), or a path, a
        :class:`cascade.revisions.Lock`, or None for none; problems in the lock file are CAS208
        findings placed in it. ``as_of`` is the reporting year of realisasi (rules CAS701-CAS705; default: the
        current year). Raises :class:`ValueError` for a selector that names no rule (a usage error, not plan content).
        """
        if as_of is not None:
            if isinstance(as_of, bool) or not isinstance(as_of, int) or not 1900 <= as_of <= 2200:
                raise UsageError(f"as_of must be a year such as 2024, not {as_of!r}")
            options = {k: dict(v) for k, v in (options or {}).items()}
            options.setdefault("missing-realization", {})["as_of"] = as_of
        settings = RunSettings.of(select=select, extend_select=extend_select, ignore=ignore, severity=severity,
                                  options=options, suppressions=suppressions, inline_suppressions=inline_suppressions)
        if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int)):
            raise UsageError(f"jobs must be a whole number or None, not {type(jobs).__name__}")
        if jobs is not None and jobs < 1:
            raise ValueError("jobs must be 1 or more")
        found = resolve_lock(self.lock_path if isinstance(lock, str) and lock == "auto" else lock)
        options = with_lock(settings.options, found) if found is not None else settings.options
        report = run_validation(self, settings.selection, options=options, suppressions=settings.suppressions,
                                inline_suppressions=settings.inline_suppressions, jobs=jobs)
        if found is not None:
            report = add_lock_findings(report, found, settings.selection)
        return Report.of(report)

    def update(self, path: str | os.PathLike[str], text: str | None, *, lock: Any = "auto", **settings: Any) -> "Report":
        """Set one plan file's text (an editor's unsaved buffer; None when the file is deleted; a new
        path under a loaded folder adds a file) and return the report a from-scratch
        ``load(...).validate(**settings)`` of the result would give, computed incrementally.

        Only the edited file is parsed again; the graph is patched and the rules rerun only where
        their inputs changed (:class:`cascade.incremental.LiveWorkspace`, docs/editor.md). The
        workspace itself (graph, documents, findings) follows the edit. ``settings`` are
        :meth:`validate`'s keyword arguments (``select``, ``ignore``, ``options``, ``suppressions``...).
        Raises :class:`~cascade.errors.UsageError` for a workspace loaded from dicts.
        """
        from .core.errors import UsageError
        from .incremental import LiveWorkspace
        from .validate import RunSettings

        settings.pop("jobs", None)
        found = resolve_lock(self.lock_path if isinstance(lock, str) and lock == "auto" else lock)
        if found is not None:
            settings["options"] = with_lock(settings.get("options"), found)
        run = RunSettings.of(**settings)
        live = self.__dict__.get("_live")
        if live is None:
            roots = self.__dict__.get("_roots")
            if not roots:
                raise UsageError("update() needs a workspace loaded from files or folders")
            live = LiveWorkspace(roots, run, limits=self.__dict__.get("_limits", DEFAULT_LIMITS),
                                 show_personal=self.show_personal)
        elif live.settings != run:
            live.set_settings(run)
        report = live.update(path, text)
        # the workspace follows the edit (the views read it)
        state = {k: v for k, v in live.workspace.__dict__.items()}
        self.__dict__.pop("_tracer", None)
        self.__dict__.pop("_masker", None)
        self.__dict__.update(state)
        self.__dict__["_live"] = live
        if found is not None:
            report = add_lock_findings(report, found, run.selection)
        return Report.of(report)

    def review_state(self, lock: Any = "auto") -> "ReviewState":
        """The links whose upper item changed since ``lock`` (default: the workspace's ``cascade.lock``)
        was written, and its stale entries (:class:`cascade.revisions.ReviewState`)."""
        return review_state(self, resolve_lock(self.lock_path if isinstance(lock, str) and lock == "auto" else lock))

    # -- planners' views: cascade.views, cascade.tree, cascade.tables, cascade.htmlreport --------

    @functools.cached_property
    def _masker(self) -> Masker:
        """NIPs and the skp employees' names outlined, as the HTML report shows them (unless show_personal)."""
        return Masker(self, self.show_personal)

    @functools.cached_property
    def _tracer(self) -> Any:
        return Tracer(self.graph, None if self.show_personal else self._masker)

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

        return coverage_frame(coverage_rows(self, self.validate() if _report(report) is None else report))

    def alignment_matrix(self, lower_doc: str, upper_doc: str, *, full: bool = False, symbols: bool = True) -> "pd.DataFrame":
        """The matriks keterkaitan: elements of ``lower_doc`` (rows) against ``upper_doc`` (columns).

        A cell is ``●`` for direct support, ``○`` for indirect (``direct``/``indirect`` with
        ``symbols=False``); which elements are shown is explained in :func:`cascade.views.alignment`.
        Needs the ``notebook`` extra; raises KeyError for an unknown document.
        """
        from .views.tables import matrix_frame

        return matrix_frame(alignment(self, lower_doc, upper_doc, full=full), symbols=symbols)

    def tree(self, root: str | None = None, depth: int | None = None, report: Report | None = None, *,
             lang: str = "id") -> "PerformanceTree":
        """The pohon kinerja below ``root`` (a document id, an element ref, or None for every top element),
        ``depth`` levels deep (None: all), findings of ``report`` (else of :meth:`validate`) attached;
        labels in ``lang`` (``id``: ``1 kesalahan, 2 peringatan``; ``en``: ``1 error, 2 warnings``)."""
        if root is not None and not isinstance(root, str):
            raise UsageError(f"root must be a document id or an element reference, not {type(root).__name__}")
        if depth is not None and (isinstance(depth, bool) or not isinstance(depth, int)):
            raise UsageError(f"depth must be a whole number or None, not {type(depth).__name__}")
        titles = {k: v.model.document.title for k, v in self.parsed.items()}
        if lang not in _findings.LANGUAGES:
            raise UsageError(f"lang must be one of {', '.join(_findings.LANGUAGES)}, not {lang!r}")
        masker = self._masker
        return build_tree(self.graph, titles, self.validate() if _report(report) is None else report, root, depth, lang,
                          clean=lambda text: escape_unsafe(masker(text)))

    def to_mermaid(self, root: str | None = None, depth: int | None = None, report: Report | None = None, *,
                   lang: str = "id") -> str:
        """The pohon kinerja as a Mermaid flowchart (see :meth:`tree`)."""
        return self.tree(root, depth, report, lang=lang).to_mermaid()

    def to_dot(self, root: str | None = None, depth: int | None = None, report: Report | None = None, *,
               lang: str = "id") -> str:
        """The pohon kinerja as a Graphviz DOT digraph (see :meth:`tree`)."""
        return self.tree(root, depth, report, lang=lang).to_dot()

    def capaian(self, year: int | None = None, as_of: int | None = None, *,
                options: dict[str, dict[str, Any]] | None = None) -> "CapaianTable":
        """Capaian (achievement) of every indicator with realisasi, per year up to ``as_of`` (default:
        the current year) or only ``year``: a :class:`cascade.views.capaian.CapaianTable` with typed
        ``.rows``, ``.to_pandas()``, ``.to_json()``. ``options`` as in :meth:`validate`
        (``{"low-achievement": {"formula": "sipd"}}``). Indicators without realisasi have no rows."""
        from .views.capaian import capaian_table

        return capaian_table(self, year, as_of, options, self.show_personal)

    def capaian_rollup(self, year: int | None = None, as_of: int | None = None, *,
                       options: dict[str, dict[str, Any]] | None = None) -> "list[RollupRow]":
        """Per element and year: the capaian of its own indicators beside the mean and minimum
        capaian of what supports it from below (:func:`cascade.views.capaian.capaian_rollup`)."""
        from .views.capaian import capaian_rollup

        return capaian_rollup(self, year, as_of, options)

    def capaian_by_document(self, year: int | None = None, as_of: int | None = None, *,
                            options: dict[str, dict[str, Any]] | None = None) -> "list[DocumentRollupRow]":
        """Per document, element kind (tujuan, sasaran, program...) and year: how many indicators are
        measured, their mean and lowest capaian and the count per category
        (:func:`cascade.views.capaian.capaian_by_document`)."""
        from .views.capaian import capaian_by_document

        return capaian_by_document(self, year, as_of, options)

    def lkjip(self, year: int, as_of: int | None = None, *, options: dict[str, dict[str, Any]] | None = None) -> "list[LkjipRow]":
        """The LKjIP-shaped table of ``year`` (:func:`cascade.views.capaian.lkjip_rows`)."""
        from .views.capaian import lkjip_rows

        return lkjip_rows(self, year, as_of, options)

    def to_html(self, report: Report | None = None, *, lang: str = "id", show_personal: bool = False) -> str:
        """The self-contained HTML report (see :func:`cascade.views.html.render_html`)."""
        return render_html(self, _report(report), lang=_lang(lang), show_personal=_flag(show_personal, "show_personal"))

    #: The ``sakip-answers.yaml`` found beside the paths given to :func:`load` (None when there is none).
    answers_path: str | None = None

    def sakip(
        self,
        *,
        document: str | None = None,
        year: int | None = None,
        answers: Any = "auto",
        options: dict[str, Any] | None = None,
        capaian: Any = None,
        report: Report | None = None,
        lang: str = "id",
        as_of: int | None = None,
    ) -> SakipResult:
        """The SAKIP pre-evaluation against the LKE criteria of PermenPANRB 88/2021 (see ``docs/sakip.md``).

        ``document`` narrows the scope to one document and those aligned to it (an OPD's renstra and
        its skps); by default the whole pemda. ``year`` defaults to the latest skp year in scope.
        ``answers`` is the team's ``sakip-answers.yaml`` for the manual criteria: by default the one beside
        the loaded paths (:attr:`answers_path`), or a path, a mapping ``{id: (answer, note)}``, or None.
        ``options`` overrides the methods' thresholds (:data:`cascade.sakip.DEFAULT_OPTIONS`);
        ``capaian`` gives realisasi rows (:class:`cascade.sakip.CapaianRow`); by default the workspace's
        realisasi is measured up to ``as_of`` (default: the current year).
        Runs :meth:`validate` unless ``report`` is given. The result is indicative, never the evaluators' grade.
        Raises KeyError for an unknown ``document``.
        """
        if document is not None and not isinstance(document, str):
            raise UsageError(f"document must be a document id or None, not {type(document).__name__}")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise UsageError(f"year must be a year such as 2024 or None, not {year!r}"[:200])
        if as_of is not None and (isinstance(as_of, bool) or not isinstance(as_of, int) or not 1900 <= as_of <= 2200):
            raise UsageError(f"as_of must be a year such as 2024, not {as_of!r}"[:200])
        _lang(lang)
        options = check_sakip_options(options)
        if capaian is not None:
            if isinstance(capaian, (str, bytes, Mapping)) or not isinstance(capaian, Iterable):
                raise UsageError(f"capaian must be a list of cascade.sakip.CapaianRow or None, not {type(capaian).__name__}")
            capaian = list(capaian)
            wrong = next((r for r in capaian if not isinstance(r, CapaianRow)), None)
            if wrong is not None:
                raise UsageError(f"capaian must be a list of cascade.sakip.CapaianRow, not one holding {type(wrong).__name__}")
        found: list[Any] = []
        if isinstance(answers, str) and answers == "auto":
            answers = self.answers_path
        if isinstance(answers, (str, os.PathLike)):
            answers, found = read_answers(os.fspath(answers))
        elif isinstance(answers, Mapping):  # checked as the file is: a finding per bad entry, placed by pointer
            answers, found = answers_of_mapping(answers)
        elif answers is not None:
            raise UsageError("answers must be a path, a mapping {criterion id: (answer, note)} or None, "
                             f"not {type(answers).__name__}")
        findings = (self.validate() if _report(report) is None else report).findings
        return _sakip_evaluate(self, findings, document=document, year=year, answers=answers, answer_findings=found,
                               options=options, capaian=capaian, lang=lang, as_of=as_of)

    def to_excel(self, path: Any, report: Report | None = None, *, lang: str = "id", show_personal: bool = False,
                 as_of: int | None = None) -> None:
        """Write the workbook of this workspace to ``path``: summary per document, findings (with the
        source cell or file:line), coverage, pagu, alignment matrices, capaian (as of ``as_of``) and the
        SAKIP pre-evaluation (see :mod:`cascade.views.excel`).

        Runs :meth:`validate` unless ``report`` is given. Needs the ``xlsx`` extra (openpyxl).
        """
        from .views.excel import write_excel

        path, lang, show_personal = _target(path), _lang(lang), _flag(show_personal, "show_personal")
        if as_of is not None and (isinstance(as_of, bool) or not isinstance(as_of, int) or not 1900 <= as_of <= 2200):
            raise UsageError(f"as_of must be a year such as 2024, not {as_of!r}"[:200])
        write_excel(self, path, self.validate() if _report(report) is None else report, lang=lang,
                    show_personal=show_personal, as_of=as_of)

    def _repr_html_(self) -> str:
        return cascade_html(self)


def load(
    *sources: Any,
    limits: Limits = DEFAULT_LIMITS,
    cache: str | os.PathLike[str] | Cache | None = None,
    jobs: int | None = None,
    show_personal: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> Cascade:
    """Load plan documents from files, folders (searched recursively for ``*.yaml``/``*.yml``) and dicts.

    ``cache`` names a folder (or a :class:`~cascade.read.cache.Cache`) of parsed documents keyed by
    content, so that a re-run parses only the files that changed. ``jobs`` is the number of
    processes that parse files (default: both cores when there is enough to parse; 1 for none).
    Results never depend on either. Bad content never raises: every problem is a finding in
    ``Cascade.findings``. Raises :class:`~cascade.errors.UsageError` (a ``TypeError``) only for
    arguments of the wrong type.

    ``limits`` bounds each file (:class:`cascade.Limits`, defined in :mod:`cascade.read.loader`).
    Employee numbers (NIP) and names of skp documents are masked in findings
    (``0000••••••••••0001``) unless ``show_personal=True``.
    ``progress``, when given, is called as ``progress("files", parsed, total)`` while files are read
    (the library never prints; the ``cascade`` command draws a progress line from it). A path that
    gives no plan file (missing, or a folder without one) is a :class:`~cascade.NoPlanFileWarning`
    and shows in the workspace's repr.
    """
    ws = Cascade.of(load_workspace(*sources, limits=limits, cache=cache, jobs=jobs, show_personal=show_personal,
                                   progress=progress))
    for path in ws.empty_paths:
        what = "no such file or folder" if not os.path.lexists(path) else "a folder without plan files (" + searched_description() + ")"
        warnings.warn(f"cascade.load: no plan file found in {path!r}: {what}", NoPlanFileWarning, stacklevel=2)
    paths = _paths_of(sources)
    ws.lock_path = find_lock(paths)
    ws.answers_path = find_answers(paths)
    if not _has_dicts(sources):  # files and folders only: update() can follow edits
        ws._roots, ws._limits = paths, limits
    return ws


def _has_dicts(items: Any) -> bool:
    return any(_has_dicts(i) if isinstance(i, (list, tuple)) else not isinstance(i, (str, os.PathLike)) for i in items)


def _paths_of(items: Any) -> list[str]:
    """The paths among :func:`load`'s arguments (nested lists included), in order."""
    out: list[str] = []
    for item in items:
        if isinstance(item, (str, os.PathLike)):
            out.append(os.fspath(item) if not isinstance(item, bytes) else os.fsdecode(item))
        elif isinstance(item, (list, tuple)):
            out.extend(_paths_of(item))
    return out


def lint(paths: Iterable[str | os.PathLike[str]], settings: Settings | None = None, **kwargs: Any) -> _pipeline.LintResult:
    """One review run as ``cascade lint`` does it (:func:`cascade.pipeline.lint`), with the public objects:
    the result's report is a :class:`Report`, and its workspace (in one process) a :class:`Cascade`.

    ``paths`` is a path (str or os.PathLike) or a list of them (documents as dicts are for :func:`load`);
    ``settings`` a :class:`cascade.Settings` (``cascade.load_config()`` or ``cascade.Settings(select=[...])``)
    or None. Raises :class:`~cascade.errors.UsageError` for arguments of the wrong type."""
    if paths is None or isinstance(paths, bytes):
        raise UsageError(f"paths must be a path or a list of paths, not {type(paths).__name__}")
    if not isinstance(paths, (str, os.PathLike)):
        if not isinstance(paths, Iterable) or isinstance(paths, Mapping):
            raise UsageError(f"paths must be a path or a list of paths, not {type(paths).__name__}")
        paths = list(paths)
        wrong = next((p for p in paths if not isinstance(p, (str, os.PathLike))), None)
        if wrong is not None:
            raise UsageError(f"paths must be paths (str or os.PathLike), not {type(wrong).__name__}"
                             + (" (documents as dicts: cascade.load(...).validate())" if isinstance(wrong, Mapping) else ""))
    if settings is not None and not isinstance(settings, Settings):
        raise UsageError("settings must be a cascade.Settings (cascade.Settings(select=[...]) or cascade.load_config()) "
                         f"or None, not {type(settings).__name__}")
    for name in ("use_baseline", "show_personal"):
        if name in kwargs:
            _flag(kwargs[name], name)
    jobs = kwargs.get("jobs")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int)):
        raise UsageError(f"jobs must be a whole number or None, not {type(jobs).__name__}")
    result = _pipeline.lint(paths, settings, **kwargs)
    workspace = Cascade.of(result.workspace) if result.workspace is not None else None
    return dataclasses.replace(result, report=Report.of(result.report), workspace=workspace)
