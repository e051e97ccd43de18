"""``json``: the stable JSON contract, ``{"version": 1, "findings": [...], "summary": {...}}``."""

from __future__ import annotations

import json

from ..core.findings import Report
from .base import RenderContext


def render(report: Report, context: RenderContext) -> str:
    """The contract of :meth:`cascade.findings.Report.as_dict`, indented, UTF-8 kept readable."""
    return json.dumps(report.as_dict(context.lang), ensure_ascii=False, indent=2) + "\n"
