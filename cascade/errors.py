"""Exceptions of the public API. Kept under this name for users' imports: the code is :mod:`cascade.core.errors`."""

from .core.errors import *  # noqa: F401,F403
from .core.errors import __all__  # noqa: F401
