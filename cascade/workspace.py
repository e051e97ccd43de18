"""The workspace: ``cascade.load`` and :class:`Cascade`. Kept under this name for users' imports: the
code is :mod:`cascade.api` (the public objects), :mod:`cascade.build.loading` and :mod:`cascade.read.discovery`."""

from .api import Cascade, load
from .core.pool import bulk
from .read.discovery import OutsideLink, discover

__all__ = ["Cascade", "load", "discover", "OutsideLink", "bulk"]
