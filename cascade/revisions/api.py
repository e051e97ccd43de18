"""The public functions of plan revisions: :func:`diff`, :func:`diff_git`, :func:`realign` (and
:func:`diff_loaded`, for workspaces loaded from paths)."""

from __future__ import annotations

import os
from typing import Any

from ..core.errors import UsageError
from ..graph import Workspace, load_workspace
from .compare import DiffResult, diff_workspaces, realisasi_documents

__all__ = ["diff", "diff_git", "diff_loaded", "realign"]


def _workspace(side: Any, show_personal: bool) -> tuple[Any, str | None]:
    if isinstance(side, Workspace):
        return side, None
    if isinstance(side, (str, os.PathLike)):
        return load_workspace(side, show_personal=show_personal), os.fsdecode(side)
    if isinstance(side, (list, tuple)) or hasattr(side, "keys"):
        return load_workspace(side, show_personal=show_personal), None
    raise UsageError(f"diff() takes a Cascade, a path, a list of paths or a dict, not {type(side).__name__}")


def _relative(file: str, root: str | None, git_path: str | None = None) -> str:
    if git_path is not None:  # REV:path of a git revision
        return os.path.relpath(file.split(":", 1)[1], git_path)
    if root is None:
        return file
    base = root if os.path.isdir(root) else os.path.dirname(root)
    return os.path.relpath(file, base)


def _documents(ws: Any) -> dict[str, Any]:
    """Every document of ``ws`` by id, plans and realisasi documents (which are not in ``ws.parsed``)."""
    return {**realisasi_documents(ws), **ws.parsed}


def _unreadable(ws: Any, root: str | None) -> dict[str, str]:
    """Relative name -> display of the files that gave no document."""
    with_doc = {p.file for p in _documents(ws).values()}
    return {_relative(f.file, root, getattr(ws, "git_path", None)): f.file for f in ws.files if f.file not in with_doc}


def _compare(old: Any, new: Any, old_root: str | None, new_root: str | None, show_personal: bool, labels: tuple[str, str]) -> DiffResult:
    bad_old, bad_new = _unreadable(old, old_root), _unreadable(new, new_root)
    bad = set(bad_old) | set(bad_new)
    skip = {d for ws, root in ((old, old_root), (new, new_root)) for d, p in _documents(ws).items()
            if _relative(p.file, root, getattr(ws, "git_path", None)) in bad}
    files = sorted({*bad_old.values(), *bad_new.values()})
    return diff_workspaces(old, new, show_personal=show_personal, skip_documents=skip, skipped_files=files,
                           old_label=labels[0], new_label=labels[1])


def diff(old: Any, new: Any, *, show_personal: bool = False) -> DiffResult:
    """What changed from ``old`` to ``new`` (each a :class:`~cascade.Cascade`, a path, a list of paths or
    a dict), and what depends on it below (:class:`cascade.revisions.DiffResult`).

    A file that cannot be read on one side leaves its documents out on both sides (listed in
    ``DiffResult.skipped``) instead of showing them as removed or added. Employee numbers and names
    are masked in the values unless ``show_personal``. Nothing is printed.
    """
    a, root_a = _workspace(old, show_personal)
    b, root_b = _workspace(new, show_personal)
    return diff_loaded(a, b, old_root=root_a, new_root=root_b, show_personal=show_personal)


def diff_loaded(old: Workspace, new: Workspace, *, old_root: str | None = None, new_root: str | None = None,
                show_personal: bool = False) -> DiffResult:
    """:func:`diff` of two workspaces already loaded from the paths ``old_root`` and ``new_root`` (the
    files of each side are matched by their names relative to it; the roots label the sides). The
    command line loads each side first, to refuse a side that gives no document at all."""
    return _compare(old, new, old_root, new_root, show_personal, (old_root or "OLD", new_root or "NEW"))


def diff_git(rev: str, path: str | os.PathLike[str] = ".", *, show_personal: bool = False) -> DiffResult:
    """What changed in the plan files under ``path`` since git revision ``rev`` (the working tree is the
    new side), or between two revisions ``A..B``. Read through git, no checkout. Raises
    :class:`cascade.revisions.GitError` (a UsageError) when git, the repository or the revision is missing.
    """
    from .gitsource import load_revision, split_range

    path = os.fsdecode(path)
    a_rev, b_rev = split_range(rev)
    old = load_revision(a_rev, path, show_personal=show_personal)
    if b_rev is None:
        new, root = load_workspace(path, show_personal=show_personal), path
        label = path
    else:
        new, root = load_revision(b_rev, path, show_personal=show_personal), None
        label = b_rev
    return _compare(old, new, None, root if b_rev is None else None, show_personal, (a_rev, label))


def realign(workspace: Any, old: str, new: str, *, top: int = 3) -> Any:
    """Candidates in document ``new`` for every link into document ``old`` of ``workspace`` (a
    :class:`~cascade.Cascade`, or paths to load): :class:`~cascade.revisions.realign.RealignResult`,
    best first per link."""
    from .realign import realign as candidates

    ws = workspace if isinstance(workspace, Workspace) else load_workspace(workspace)
    return candidates(ws, old, new, top=top)
