"""The ``cascade`` command: a thin layer over the public API (``main`` for argument lists, ``run`` for the console script)."""

from .commands import main, run

__all__ = ["main", "run"]
