"""One review run, as ``cascade lint`` does it. Kept under this name for users' imports: the code is
:mod:`cascade.review.pipeline`; ``lint`` here is :func:`cascade.lint`, which returns the public objects."""

from .api import lint
from .review.pipeline import BY_REGION_MIN_BYTES, LintResult, write_baseline

__all__ = ["LintResult", "lint", "write_baseline", "BY_REGION_MIN_BYTES"]
