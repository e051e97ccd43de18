"""Text that a plan wrote as text."""

from __future__ import annotations

__all__ = ["Text"]


class Text(str):
    """A scalar written quoted or as a block scalar: explicitly text, never converted to a number."""

    __slots__ = ()
