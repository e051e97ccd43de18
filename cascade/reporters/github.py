"""``github``: GitHub Actions workflow commands, shown as annotations on the pull request.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message``; warnings are
``::warning``, infos ``::notice``. As GitHub requires, ``%``, CR and LF are escaped in the message,
and additionally ``:`` and ``,`` in the properties.
"""

from __future__ import annotations

from ..core.findings import Finding, Report
from .base import RenderContext, relative_path
from .concise import tail

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding, context: RenderContext) -> str:
    """One workflow command for one finding."""
    props = []
    if f.file is not None:
        props.append(("file", relative_path(f.file, context.root)))
    for name, value in (("line", f.line), ("col", f.column), ("endLine", f.end_line), ("endColumn", f.end_column)):
        if value is not None:
            props.append((name, str(value)))
    props.append(("title", f"{f.code} {f.rule}" + (f" {f.cell}" if f.cell else "")))
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{_COMMAND[f.severity.value]} {joined}::{escape_data(f.localized(context.lang) + tail(f))}"


def render(report: Report, context: RenderContext) -> str:
    """One annotation per finding."""
    return "".join(annotation(f, context) + "\n" for f in report)
