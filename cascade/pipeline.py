"""One review run, as ``cascade lint`` does it. Kept under this name for users' imports: the code is :mod:`cascade.review.pipeline`."""

from .review.pipeline import *  # noqa: F401,F403
from .review.pipeline import __all__  # noqa: F401
