"""Test-wide set-up: the shared helpers in ``tests/support`` are importable from every test folder.

The tests mirror the package's layers (``tests/read``, ``tests/rules``, ``tests/views`` ...), plus
``tests/hostile`` (attacks on the guarantees of docs/hostile-input.md), ``tests/architecture`` (the
layer contract) and ``tests/api`` (the public API, the examples and the tour).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "support"))
