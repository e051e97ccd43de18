"""How cascade starts helper processes: fork where it is safe, spawn where fork does not exist (Windows).

Every process pool of the package (parsing files, the partitioned run on local processes, the rule
helper) asks :func:`start_method`. ``CASCADE_START_METHOD=spawn`` (or ``fork``, ``forkserver``) in the
environment forces a method, so that the test suite can run on Linux the way it runs on Windows,
where only ``spawn`` exists.
"""

from __future__ import annotations

import multiprocessing
import os
import threading

__all__ = ["ENV", "start_method"]

#: The environment variable that forces a start method.
ENV = "CASCADE_START_METHOD"


def start_method(needs_fork: bool = False) -> str | None:
    """The start method for a new pool, or None when the work should stay in this process.

    By default: ``fork`` when this platform has it and this process runs one thread (forking a
    threaded process, such as a notebook kernel or a Dask worker, is unsafe; None then), ``spawn``
    where there is no fork at all. ``needs_fork`` is for pools whose children read the parent's
    memory instead of receiving their input (the rule helper): None unless ``fork`` is chosen.
    A forced method that this platform lacks is ignored.
    """
    available = multiprocessing.get_all_start_methods()
    forced = os.environ.get(ENV, "").strip().lower()
    if forced in available:
        method = forced
    elif "fork" in available:
        method = "fork" if threading.active_count() == 1 else None
    else:
        method = "spawn"
    if needs_fork and method != "fork":
        return None
    return method
