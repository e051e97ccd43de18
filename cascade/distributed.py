"""Partitioned validation by region, on Dask or local processes. Kept under this name for users'
imports: the code is :mod:`cascade.scale.distributed`; ``validate`` and ``coverage`` here return the
public :class:`cascade.Report`."""

from typing import Any

from .api import Report
from .scale.distributed import DEEP_RULES, INSTALL_HINT, MissingDependency, NationalCoverage
from .scale.distributed import coverage as _coverage
from .scale.distributed import validate as _validate

__all__ = ["validate", "coverage", "NationalCoverage", "MissingDependency", "DEEP_RULES", "INSTALL_HINT"]


def validate(paths: Any, scheduler: Any = None, n_workers: int = 2, *, show_personal: bool = False, **validate_kwargs: Any) -> Report:
    """:func:`cascade.scale.distributed.validate`, as a public :class:`cascade.Report`."""
    return Report.of(_validate(paths, scheduler, n_workers, show_personal=show_personal, **validate_kwargs))


def coverage(paths: Any, scheduler: Any = None, n_workers: int = 2, *, show_personal: bool = False,
             **validate_kwargs: Any) -> NationalCoverage:
    """:func:`cascade.scale.distributed.coverage`, its report a public :class:`cascade.Report`."""
    result = _coverage(paths, scheduler, n_workers, show_personal=show_personal, **validate_kwargs)
    return NationalCoverage(Report.of(result.report), result.rows)
