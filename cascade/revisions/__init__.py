"""Plan revisions: what changed between two states of the plans (:mod:`.diff`), which links it puts in
doubt (:mod:`.lock`, rule CAS208) and re-alignment to a new RPJMN (:mod:`.realign`).

This layer sits above the graph and the rules and below the public API: it loads workspaces with
:func:`cascade.graph.load_workspace` and never prints.
"""

from __future__ import annotations

from ..graph import Workspace, load_workspace
from . import render
from .api import diff, diff_git
from .diff import Change, DiffResult, Impact
from .gitsource import GitError
from .lock import Lock, ReviewState, SuspectLink, dump_lock, find_lock, lock_entries, parse_lock, read_lock
from .realign import ApplyResult, Candidate, RealignResult, apply_mapping, read_mapping
from .realign import realign as _realign


def realign(workspace, old: str, new: str, *, top: int = 3) -> RealignResult:  # type: ignore[no-untyped-def]
    """Candidates in document ``new`` for every link into document ``old`` of ``workspace`` (a
    :class:`~cascade.Cascade`, or paths to load): :class:`RealignResult`, best first per link."""
    ws = workspace if isinstance(workspace, Workspace) else load_workspace(workspace)
    return _realign(ws, old, new, top=top)


__all__ = ["ApplyResult", "Candidate", "Change", "DiffResult", "GitError", "Impact", "Lock", "RealignResult", "ReviewState",
           "SuspectLink", "apply_mapping", "diff", "diff_git", "dump_lock", "find_lock", "lock_entries", "parse_lock",
           "read_lock", "read_mapping", "realign", "render"]
