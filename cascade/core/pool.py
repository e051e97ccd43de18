"""Processes and memory for bulk work: one place builds every process pool, and pauses the collector.

How a pool starts is :func:`cascade.core.processes.start_method`'s decision (fork where it is safe,
spawn where fork does not exist, ``CASCADE_START_METHOD`` to force one). :func:`fork_pool` is for
children that read the parent's memory (the rule helper): no pool unless forking. :func:`process_pool`
is for children that get their input as arguments (parse workers, a by-region run's workers).
Forking a process that runs other threads (a notebook kernel, a Dask worker) can deadlock a child
on a lock held by a thread that does not exist in it, so it is never done there.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from typing import Any

from .processes import start_method

__all__ = ["bulk", "own_process", "owns_process", "fork_pool", "process_pool", "room_for_a_copy"]

#: Whether cascade owns this process (:func:`own_process`): only then does :func:`bulk` touch the collector.
_OWNS_PROCESS = False


def own_process() -> None:
    """Declare that cascade owns this process, so that :func:`bulk` may pause the garbage collector.

    The collector's state is the process's, not a library's: a web portal running cascade in one
    thread of a server must not find it disabled in another (or re-enabled after it disabled it).
    So only the ``cascade`` command (:func:`cascade.cli.run`) and cascade's own worker processes
    call this; a batch script that owns its process may call it too, for the same speed.
    """
    global _OWNS_PROCESS
    _OWNS_PROCESS = True


def owns_process() -> bool:
    """Whether :func:`own_process` was called in this process."""
    return _OWNS_PROCESS


def _pool(workers: int, method: str) -> Any:
    from concurrent.futures import ProcessPoolExecutor

    # the workers are cascade's own processes: their loading may pause the collector
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                               initializer=own_process)
    pool.start_method = method  # whether its children see this process's memory (fork), for its users
    return pool


def fork_pool(workers: int) -> Any:
    """A pool of ``workers`` forked processes, or None where forking is unsafe or not chosen."""
    method = start_method(needs_fork=True)
    return None if method is None else _pool(workers, method)


def room_for_a_copy() -> bool:
    """Whether free memory could hold a second copy of this process (before forking a child that
    reads its memory).

    A forked child shares pages until it touches them, and reading a Python object touches its
    reference count: on 1M elements the rule process grew to 11 GB beside an 11.6 GB parent.
    """
    import os
    import resource

    try:
        free = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return False
    return free > resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 * 1.2


def process_pool(workers: int, fresh: bool = True) -> Any:
    """A pool of ``workers`` processes started as :func:`start_method` says. Where it says None (a
    threaded process), fresh (spawned) processes with ``fresh``, else None (do the work here)."""
    method = start_method() or ("spawn" if fresh else None)
    return None if method is None else _pool(workers, method)


@contextlib.contextmanager
def bulk() -> Any:
    """Pause the cyclic garbage collector while building many small acyclic objects, in a process
    cascade owns (:func:`own_process`); elsewhere (a library call in a host program) do nothing.

    Loading creates millions of dicts, strings and models and no reference cycles; with the
    collector running, each generation-2 pass rescans them all, which tripled schema and graph time
    on a 20,000-element workspace. Nested use is safe; the previous state is restored.

    On the way out, what was built moves straight to the oldest generation (``gc.freeze()`` then
    ``gc.unfreeze()``, unless the program froze objects of its own): otherwise the first collection
    after re-enabling scans every object built here as young, 0.4 s after loading 20,000 elements.
    """
    if not _OWNS_PROCESS:  # the host's collector, frozen objects and thresholds are left alone
        yield
        return
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
