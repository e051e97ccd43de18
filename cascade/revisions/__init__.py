"""Plan revisions: what changed between two states of the plans (:mod:`.diff`), which links it puts in
doubt (:mod:`.lock`, rule CAS208) and re-alignment to a new RPJMN (:mod:`.realign`).

This layer sits above the graph and the rules and below the public API: it loads workspaces with
:func:`cascade.load` and never prints.
"""

from __future__ import annotations

from .lock import Lock, ReviewState, SuspectLink, dump_lock, find_lock, lock_entries, parse_lock, read_lock

__all__ = ["Lock", "ReviewState", "SuspectLink", "dump_lock", "find_lock", "lock_entries", "parse_lock", "read_lock"]
