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

__all__ = ["RenderContext", "Reporter", "REPORTERS", "FORMATS", "render_report", "relative_path", "fingerprints"]


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
    try:
        reporter = REPORTERS[fmt]
    except KeyError:
        raise KeyError(f"unknown format '{fmt}'; formats: {', '.join(FORMATS)}") from None
    return reporter(report, RenderContext(**context))  # type: ignore[arg-type]
