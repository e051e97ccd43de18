"""cascade: check that Indonesia's development plans cascade, from the RPJMN down to staff targets.

>>> import cascade
>>> ws = cascade.load("specs")            # files, folders or dicts
>>> report = ws.validate()                # typed findings, nothing printed
>>> [f"{f.file}:{f.line}: {f.code} {f.rule}" for f in report]

The library never prints or exits; the ``cascade`` command is a thin layer over this API.
"""

from __future__ import annotations

from .review.config import ConfigError, Settings, load_config
from .core.errors import MissingExtraError, NoPlanFileWarning, UsageError
from .core.findings import Finding, Report, Severity, Span
from .read.loader import Limits
from .core.models import Document, Element, Header, Indicator, Unit
from .review.pipeline import LintResult, lint
from .rules.base import all_rules, get_rule
from .views.tree import PerformanceTree, TreeNode
from .views.trace import Chain, Step
from .workspace import Cascade, load

from ._version import __version__

__all__ = [
    "Cascade",
    "Chain",
    "ConfigError",
    "Document",
    "Element",
    "Finding",
    "Header",
    "Indicator",
    "Limits",
    "LintResult",
    "MissingExtraError",
    "NoPlanFileWarning",
    "PerformanceTree",
    "Report",
    "Settings",
    "Severity",
    "Span",
    "Step",
    "TreeNode",
    "Unit",
    "UsageError",
    "all_rules",
    "get_rule",
    "lint",
    "load",
    "load_config",
    "__version__",
]
