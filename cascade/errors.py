"""Exceptions of the public API. They signal misuse of the API only, never bad plan content."""

from __future__ import annotations

__all__ = ["UsageError"]


class UsageError(TypeError):
    """An argument of the wrong type or form was passed to the API (``cascade.load(42)``)."""
