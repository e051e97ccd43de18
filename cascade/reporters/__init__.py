"""Reporters: pure functions that turn a :class:`~cascade.findings.Report` into text, by format name.

Each format is one module with a ``render(report, context) -> str`` function, registered in
:data:`REPORTERS`. Reporters never print or write files; the CLI decides where the text goes.

>>> from cascade.reporters import render_report
>>> text = render_report(report, "sarif", lang="id", sources={...}, files=[...])
"""

from __future__ import annotations

from ..core.findings import Report
from . import concise, full, github, gitlab, json, junit, sarif
from .base import RenderContext, Reporter, fingerprints, relative_path

__all__ = ["RenderContext", "Reporter", "REPORTERS", "FORMATS", "render_report", "relative_path", "fingerprints"]


def _registry() -> dict[str, Reporter]:
    return {
        "full": full.render,
        "concise": concise.render,
        "json": json.render,
        "sarif": sarif.render,
        "github": github.render,
        "gitlab": gitlab.render,
        "junit": junit.render,
    }


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
