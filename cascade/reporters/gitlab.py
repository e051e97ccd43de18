"""``gitlab``: GitLab Code Quality JSON, for the merge request widget (``artifacts:reports:codequality``).

Severities map error -> ``major``, warning -> ``minor``, info -> ``info``. ``fingerprint`` is unique
in the report and stable across runs (rule, ref and file, not line numbers).
"""

from __future__ import annotations


from ..core.findings import Report
from .base import RenderContext, fingerprints, relative_path
from .concise import tail
from ..core.text import json_text

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, context: RenderContext) -> str:
    """A Code Quality issue per finding."""
    issues = []
    for f, fingerprint in zip(report, fingerprints(report, context.root)):
        issues.append(
            {
                "description": f"{f.code} {f.rule}: {f.localized(context.lang)}{tail(f)}",
                "check_name": f.code,
                "fingerprint": fingerprint,
                "severity": _SEVERITY[f.severity.value],
                "location": {
                    "path": relative_path(f.file, context.root) if f.file else "",
                    "lines": {"begin": f.line or 1},
                },
            }
        )
    return json_text(issues)
