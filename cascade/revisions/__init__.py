"""Plan revisions: what changed between two states of the plans (:mod:`.compare`), which links it puts in
doubt (:mod:`.lock`, rule CAS208) and re-alignment to a new RPJMN (:mod:`.realign`).

This layer sits above the graph and the rules and below the public API: it loads workspaces with
:func:`cascade.graph.load_workspace` and never prints.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Public name -> the module of this package that defines it. Imported on first use, so that a lint
#: that reads ``cascade.lock`` (:mod:`.lock`) does not import the diff, its HTML or the realigner.
_LAZY = {
    "render": None, "diff": "api", "diff_git": "api", "Change": "compare", "DiffResult": "compare", "Impact": "compare",
    "GitError": "gitsource", "Lock": "lock", "ReviewState": "lock", "SuspectLink": "lock", "dump_lock": "lock",
    "find_lock": "lock", "lock_entries": "lock", "parse_lock": "lock", "read_lock": "lock", "ApplyResult": "realign",
    "Candidate": "realign", "RealignResult": "realign", "apply_mapping": "realign", "read_mapping": "realign",
    "realign": "api", "RevisionError": "errors",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    """Import a public name on first use, then keep it in the package (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module 'cascade.revisions' has no attribute {name!r}")
    module = _LAZY[name]
    value = importlib.import_module(f".{name}" if module is None else f".{module}", __name__)
    if module is not None:
        value = getattr(value, name)
    globals()[name] = value
    return value
