"""Test-wide set-up: the shared helpers in ``tests/support`` are importable from every test folder.

The tests mirror the package's layers (``tests/read``, ``tests/rules``, ``tests/views`` ...), plus
``tests/hostile`` (attacks on the guarantees of docs/hostile-input.md), ``tests/architecture`` (the
layer contract) and ``tests/api`` (the public API, the examples and the tour).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "support"))


import os  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402

import pytest  # noqa: E402

#: Set in a test's own process started by the ``forkable`` fixture.
_FRESH = "CASCADE_TEST_FRESH_PROCESS"


@pytest.fixture
def forkable(request: pytest.FixtureRequest) -> bool:
    """For tests of the forked rule helper, which a process with other threads never starts (a
    thread an earlier test left, such as Dask's offload thread after the docs' Dask snippets).

    True when this process can fork; else the test is run again on its own in a fresh process,
    which must pass, and False (the caller returns). Skips on a platform without fork.
    """
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        pytest.skip("no second process here (one core, or no fork)")
    if threading.active_count() == 1:
        return True
    if os.environ.get(_FRESH):
        pytest.fail(f"threads running in the test's own process: {[t.name for t in threading.enumerate()]}")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", request.node.nodeid],
        cwd=root, env={**os.environ, _FRESH: "1"}, capture_output=True, text=True, timeout=600,
    )
    # it ran there, and passed (a skip there would exit 0 too)
    assert done.returncode == 0 and "1 passed" in done.stdout, f"{request.node.nodeid} in a fresh process:\n{done.stdout}\n{done.stderr}"
    return False
