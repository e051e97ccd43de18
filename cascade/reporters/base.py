"""What every reporter shares: the render context, paths relative to the repository, and fingerprints."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import Callable, Mapping

from ..core.findings import Report, Severity

__all__ = ["RenderContext", "Reporter", "relative_path", "fingerprints"]


@dataclass(frozen=True)
class RenderContext:
    """What a reporter may need besides the findings.

    ``sources`` maps a file (as in ``Finding.file``) to its text, for source excerpts; ``files`` are
    all files of the run (JUnit lists clean files too); ``root`` is the folder machine-readable
    formats make paths relative to (the command passes the repository root); ``fail_level`` is the
    lowest severity that fails the run (JUnit makes those findings failures).
    """

    lang: str = "en"
    sources: Mapping[str, str] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    root: str = os.curdir
    fail_level: Severity = Severity.ERROR


Reporter = Callable[[Report, RenderContext], str]


def relative_path(file: str, root: str) -> str:
    """``file`` relative to ``root`` with ``/`` separators; pseudo files (``<input 1>``) unchanged.

    A file outside ``root`` keeps its absolute path, since ``..`` means nothing to a code host.
    """
    if file.startswith("<"):
        return file
    rel = os.path.relpath(os.path.abspath(file), os.path.abspath(root))
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        rel = os.path.abspath(file)
    return rel.replace(os.sep, "/")


def fingerprints(report: Report, root: str) -> list[str]:
    """A stable fingerprint per finding, in report order: a hash of rule name, ref and file.

    Line numbers are left out so that an edit above a finding keeps its identity on the code host;
    findings sharing rule, ref and file are told apart by their order (``...:1``, ``...:2``).
    """
    seen: dict[str, int] = {}
    out = []
    for f in report:
        file = relative_path(f.file, root) if f.file else ""
        digest = hashlib.sha256("\0".join((f.rule, f.ref or "", file)).encode("utf-8")).hexdigest()[:32]
        seen[digest] = seen.get(digest, 0) + 1
        out.append(f"{digest}:{seen[digest]}")
    return out
