"""``json``: the stable JSON contract, ``{"version": 1, "findings": [...], "summary": {...}}``."""

from __future__ import annotations


from ..core.findings import Report
from .base import RenderContext
from ..core.text import json_text


def render(report: Report, context: RenderContext) -> str:
    """The contract of :meth:`cascade.findings.Report.as_dict`, indented, UTF-8 kept readable."""
    return json_text(report.as_dict(context.lang))
