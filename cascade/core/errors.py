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
    ``message_id`` is the same in Bahasa Indonesia (:meth:`localized`, what the command line prints).
    """

    def __init__(self, message: str, *, message_id: str | None = None):
        super().__init__(message)
        self.message_id = message_id

    def localized(self, lang: str) -> str:
        """The message in ``lang`` (``en`` or ``id``)."""
        return self.message_id if lang == "id" and self.message_id else str(self)


def require_pandas(feature: str) -> Any:
    """The ``pandas`` module, or :class:`MissingExtraError` saying how to install it for ``feature``."""
    try:
        import pandas
    except ImportError as exc:
        english = f"{feature} needs pandas (the notebook extra of sakip-cascade): pip install pandas"
        indonesian = f"{feature} membutuhkan pandas (paket tambahan notebook dari sakip-cascade): pip install pandas"
        # str() keeps both (a notebook has no language setting); the command line prints one (localized)
        raise MissingExtraError(f"{english} / {indonesian}", message_id=indonesian) from exc
    return pandas
