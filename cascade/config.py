"""Configuration: ``cascade.toml`` or ``[tool.cascade]``. Kept under this name for users' imports: the code is :mod:`cascade.review.config`."""

from .review.config import *  # noqa: F401,F403
from .review.config import __all__  # noqa: F401
