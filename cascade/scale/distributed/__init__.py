"""National scale on Dask: validate a many-region workspace in partitions, with single-process findings.

``validate(paths, scheduler=None, n_workers=2, **validate_kwargs)`` returns exactly the
:class:`~cascade.findings.Report` that ``cascade.load(paths).validate(**validate_kwargs)`` returns on
the same files (same findings, order, severities and summary), while no process holds more than one
partition of the nation. On a cluster it needs the optional extra ``sakip-cascade[dask]``; without it
:class:`MissingDependency` says how to install it. ``scheduler="processes"`` runs the same tasks on a
pool of local processes instead, without Dask: what ``cascade lint`` does on a large workspace
(:func:`cascade.pipeline.lint`), since two partitions on two cores are faster than one process
using both cores for parsing only, and no process holds the whole nation.

How a run goes (see ``docs/distributed.md``):

1. *Scan*: workers read the ``document:`` header of every file (a few lines, no full parse) and fully
   load only the *shared* documents, the RPJMN and the province RPJMDs, which every region below
   aligns to.
2. *Partition*: every other document belongs to the partition of its region code (a kab/kota
   ``NN.NN`` with all its RPJMD, renstra and SKP documents; a province's own OPDs ``NN``). Each
   partition is validated on one worker with, as read-only context, the shared documents it reaches
   upward (the province RPJMD and the RPJMN). Workers read their own files; only paths travel, and a
   worker loads each shared document once and keeps it.
3. *Verify and couple*: each partition returns the documents it really found and every document id
   they reference. A reference or a duplicate document id that crosses partitions merges the
   partitions involved (they are validated again, together); a reference to a shared document
   outside the context widens the context. This repeats until no partition depends on another, so
   that every finding on a partition's documents is computed from a graph holding everything the
   single-process graph holds around them: their upward chain, and everything below them.
4. *Reduce*: findings on shared documents need the whole nation below them (an RPJMN priority no
   region serves). One reducer task per shared document validates it with the documents it reaches
   upward (the shared documents above it, and the chain on from a partition's document it links
   down into), the shared documents naming it, and every partition document that names it,
   trimmed to its header and the elements linking into it; the partitions produce those trimmed
   documents as they run, and they go from worker to worker. Realisasi documents (``kind:
   realisasi``) travel with their plan: into its partition, or, for a shared plan, into its
   reducer; a trimmed feeder comes with the realisasi of the indicators it keeps, so that a shared
   indicator's capaian is compared with what supports it in every region (CAS704). Rules whose findings on an upper
   element depend on more than the links directly below it (:data:`DEEP_RULES`) are evaluated
   again, on the whole down-closure of the documents where they fire: on the shared tier, and in
   a partition that a shared document links down into (a link the wrong way).
5. *Finish*: suppressions, selection and severities are applied once, over all findings, as the
   last step of :func:`cascade.validate.validate` does (a configured per-file ignore may be used in
   one partition only).

Partition-local rules are therefore all rules, for findings on a partition's own documents; the
reducer evaluates all rules for findings on the shared documents.

``coverage(...)`` runs the same and also returns the national coverage table, the rows
:func:`cascade.views.coverage_rows` gives in one process: each partition counts its own documents
and each reducer its shared document (:func:`cascade.views.coverage_counts`), on graphs that hold
what those counts read (a document's upward chain and every element linking into it), and the
coordinator adds the findings of the final report by severity (:func:`cascade.views.coverage_table`).
"""


from __future__ import annotations

import os
from typing import Any, Callable, NamedTuple

from ...core.errors import UsageError
from ...core.findings import Report
from ...read.discovery import discover
from ...validate import RunSettings
from .client import INSTALL_HINT, LocalClient, MissingDependency, connect
from .headers import read_headers
from .run import DEEP_RULES, Run

__all__ = ["validate", "coverage", "NationalCoverage", "validate_with", "MissingDependency", "DEEP_RULES", "INSTALL_HINT",
           "Run", "LocalClient", "read_headers"]


class NationalCoverage(NamedTuple):
    """What :func:`coverage` returns: the report and the coverage table of the nation."""

    #: The report, equal to :func:`validate`'s.
    report: Report
    #: One dict per document, equal to :func:`cascade.views.coverage_rows` on the whole workspace
    #: with that report (:func:`cascade.tables.coverage_frame` makes a DataFrame of them).
    rows: list[dict]


def _entries(paths: Any, n_workers: int, show_personal: bool, name: str) -> list[tuple[int, str]]:
    """The (index, path) of every plan file under ``paths``, once the arguments are checked."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not isinstance(paths, (list, tuple)) or not all(isinstance(p, (str, os.PathLike)) for p in paths):
        raise UsageError(f"cascade.distributed.{name}() takes a path or a list of paths")
    if not isinstance(n_workers, int) or n_workers < 1:
        raise UsageError("n_workers must be a positive integer")
    if not isinstance(show_personal, bool):
        raise UsageError("show_personal must be True or False")
    return list(enumerate(discover(paths)))


def validate(paths: Any, scheduler: Any = None, n_workers: int = 2, *, show_personal: bool = False,
             progress: Callable[[str, int, int], None] | None = None, **validate_kwargs: Any) -> Report:
    """Validate the plan files under ``paths`` on Dask; the report equals single-process validation.

    ``paths`` is a path or a list of paths (files or folders, searched recursively). ``scheduler``
    is a ``dask.distributed`` scheduler address (``tcp://host:8786``) or ``Client``; by default a
    ``LocalCluster`` of ``n_workers`` processes runs for the call. ``scheduler="processes"`` runs
    the tasks on ``n_workers`` local processes without Dask. Every worker must see the files at
    the same paths (a shared filesystem). ``show_personal`` is :func:`cascade.load`'s (employee NIPs
    and names unmasked in findings); ``validate_kwargs`` are those of :meth:`Cascade.validate`.
    ``progress``, when given, is called as the run goes: ``("files", scanned, total)``, then
    ``("partitions", done, total so far)`` (the total grows when partitions that depend on each other
    are merged and run again); nothing is printed.

    Raises :class:`MissingDependency` without Dask, ``ValueError`` for an unknown rule selector and
    :class:`~cascade.errors.UsageError` for arguments of the wrong type.
    """
    settings = RunSettings.of(**validate_kwargs)
    return validate_with(paths, settings, scheduler, n_workers, show_personal=show_personal, progress=progress)


def validate_with(paths: Any, settings: RunSettings, scheduler: Any = None, n_workers: int = 2, *,
                  show_personal: bool = False, progress: Callable[[str, int, int], None] | None = None) -> Report:
    """:func:`validate` with its settings built (what :func:`cascade.pipeline.lint` calls)."""
    entries = _entries(paths, n_workers, show_personal, "validate")
    client, close = connect(scheduler, n_workers)
    try:
        return Run(client, entries, settings, show_personal, progress=progress).run()
    finally:
        close()


def coverage(paths: Any, scheduler: Any = None, n_workers: int = 2, *, show_personal: bool = False,
             **validate_kwargs: Any) -> NationalCoverage:
    """Validate on Dask as :func:`validate` does, and build the national coverage table.

    Returns the report and the rows that :func:`cascade.views.coverage_rows` gives for the whole
    workspace in one process with that report (``cascade.load(paths).coverage(report)`` as a
    DataFrame): one row per document, with element and indicator counts, the shares linked up and
    supported, orphans, and the report's findings by severity, sorted by (tier, document). Each
    document is counted on the worker that holds it; only the counts travel. The arguments and
    errors are :func:`validate`'s.
    """
    settings = RunSettings.of(**validate_kwargs)
    entries = _entries(paths, n_workers, show_personal, "coverage")
    client, close = connect(scheduler, n_workers)
    try:
        report, rows = Run(client, entries, settings, show_personal, coverage=True).run_all()
    finally:
        close()
    return NationalCoverage(report, rows or [])
