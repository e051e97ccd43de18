"""Writing plan documents as YAML. Kept under this name for users' imports: the code is :mod:`cascade.read.dump`."""

from .read.dump import *  # noqa: F401,F403
from .read.dump import __all__  # noqa: F401
