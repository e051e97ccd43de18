"""Exceptions of the public API. They signal misuse of the API or a missing optional extra, never bad plan content."""

from __future__ import annotations

from typing import Any

__all__ = ["UsageError", "MissingExtraError", "NoPlanFileWarning"]


class UsageError(TypeError):
    """An argument of the wrong type or form was passed to the API (``cascade.load(42)``)."""


class NoPlanFileWarning(UserWarning):
    """:func:`cascade.load` was given a path that holds no plan file: it does not exist (a mistyped path,
    a notebook started in another folder) or it is a folder without ``*.yaml``/``*.yml`` plans."""


class MissingExtraError(ImportError):
    """A feature needs an optional dependency that is not installed.

    The message names the extra to install, e.g. the ``notebook`` extra of ``sakip-cascade`` for the pandas
    tables (:meth:`Cascade.coverage`, :meth:`Cascade.alignment_matrix`, :meth:`Report.to_pandas`).
    """


def require_pandas(feature: str) -> Any:
    """The ``pandas`` module, or :class:`MissingExtraError` saying how to install it for ``feature``."""
    try:
        import pandas
    except ImportError as exc:
        raise MissingExtraError(
            f"{feature} needs pandas (the notebook extra of sakip-cascade): pip install pandas "
            f"/ {feature} membutuhkan pandas (paket tambahan notebook dari sakip-cascade): pip install pandas"
        ) from exc
    return pandas
