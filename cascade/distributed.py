"""Partitioned validation by region, on Dask or local processes. Kept under this name for users' imports: the code is :mod:`cascade.scale.distributed`."""

from .scale.distributed import *  # noqa: F401,F403
from .scale.distributed import __all__  # noqa: F401
