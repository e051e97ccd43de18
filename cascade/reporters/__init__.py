"""Reporters: pure functions that turn a :class:`~cascade.core.findings.Report` into text, by format name.

Each format is one module with a ``render(report, context) -> str`` function, registered in
:data:`REPORTERS` by name; a format's module is imported when it is first used, so that a run
pays only for its own format. Reporters never print or write files; the CLI decides where the
text goes. What they share (the render context, repository-relative paths, fingerprints) is
:mod:`cascade.reporters.base`.

>>> from cascade.reporters import render_report
>>> text = render_report(report, "sarif", lang="id", sources={...}, files=[...])
"""

from __future__ import annotations

from ..core.findings import Report
from .base import RenderContext, Reporter, fingerprints, relative_path

__all__ = ["RenderContext", "Reporter", "REPORTERS", "FORMATS", "render_report", "render_reports", "relative_path", "fingerprints"]


def _lazy(module: str) -> Reporter:
    """The ``render`` of ``module``, imported on first use (a lint imports one reporter, not seven)."""

    def render(report: Report, context: RenderContext) -> str:
        import importlib

        return importlib.import_module(f".{module}", __name__).render(report, context)

    render.__name__ = render.__qualname__ = f"{module}.render"
    return render


def _registry() -> dict[str, Reporter]:
    return {name: _lazy(name) for name in ("full", "concise", "json", "sarif", "github", "gitlab", "junit")}


REPORTERS: dict[str, Reporter] = _registry()
#: Format names, the default first.
FORMATS: tuple[str, ...] = tuple(REPORTERS)


def render_report(report: Report, fmt: str, **context: object) -> str:
    """Render ``report`` in format ``fmt``; ``context`` fills :class:`RenderContext`.

    Raises :class:`KeyError` for an unknown format name.
    """
    return _reporter(fmt)(report, RenderContext(**context))  # type: ignore[arg-type]


def _reporter(fmt: str) -> Reporter:
    try:
        return REPORTERS[fmt]
    except KeyError:
        raise KeyError(f"unknown format '{fmt}'; formats: {', '.join(FORMATS)}") from None


#: From this many findings, :func:`render_reports` renders the formats after the first in a forked
#: process beside this one (the full text of 36,634 findings takes 0.85 s, their JSON 0.4 s).
PARALLEL_RENDER_MIN = 5_000

#: What the forked process of :func:`render_reports` renders: the report, the formats, the context.
_RENDER_STATE: list = []


def render_reports(report: Report, formats: "list[str] | tuple[str, ...]", **context: object) -> list[str]:
    """``report`` rendered in each of ``formats``, in order (as :func:`render_report` renders one).

    ``cascade lint --format json --output FILE`` writes the JSON and prints the full text: with
    many findings (:data:`PARALLEL_RENDER_MIN`) and where this process may fork, the formats after
    the first are rendered in a forked process while this one renders the first (a noisy
    100,000-element workspace, 108,980 findings: the JSON 1.2 s, the full text 2.6 s, one after the
    other before). Raises :class:`KeyError` for an unknown format name, before rendering any.
    """
    formats = list(formats)
    for fmt in formats:
        _reporter(fmt)
    pool = None
    if len(formats) > 1 and len(report) >= PARALLEL_RENDER_MIN:
        from ..core.pool import fork_pool, room_for_a_copy

        pool = fork_pool(1) if room_for_a_copy() else None
    if pool is None:
        return [render_report(report, fmt, **context) for fmt in formats]
    _RENDER_STATE[:] = [report, formats[1:], context]
    try:
        with pool:
            rest = pool.submit(_render_forked)
            try:
                first = render_report(report, formats[0], **context)
                return [first, *rest.result()]
            except BaseException:
                rest.cancel()
                raise
    finally:
        _RENDER_STATE.clear()


def _render_forked() -> list[str]:
    from ..core.pool import bulk

    report, formats, context = _RENDER_STATE
    with bulk():
        return [render_report(report, fmt, **context) for fmt in formats]
