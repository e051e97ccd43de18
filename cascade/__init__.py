"""cascade: check that Indonesia's development plans cascade, from the RPJMN down to staff targets.

>>> import cascade
>>> ws = cascade.load("specs")            # files, folders or dicts
>>> report = ws.validate()                # typed findings, nothing printed
>>> [f"{f.file}:{f.line}: {f.code} {f.rule}" for f in report]

The library never prints or exits; the ``cascade`` command is a thin layer over this API.

The names below are imported when first used (:func:`__getattr__`): ``import cascade`` and
``cascade --version`` do not pay for pydantic's models or networkx until a workspace is loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from .core.errors import MissingExtraError, NoPlanFileWarning, UsageError
    from .api import Cascade, Report, lint, load
    from .core.findings import Finding, Severity, Span
    from .core.models import Document, Element, Header, Indicator, Unit
    from .core.polarity import EffectivePolarity, PolarityTable
    from .read.loader import Limits
    from .read.tableimport import MissingSidecarError, import_table
    from .review.config import ConfigError, Settings, load_config
    from .review.pipeline import LintResult
    from .revisions import DiffResult, Lock, ReviewState, diff, diff_git, realign
    from .rules.catalog import all_rules, get_rule
    from .sakip import SakipResult
    from .views.capaian import CapaianTable
    from .views.trace import Chain, Step
    from .views.tree import PerformanceTree, TreeNode

#: Public name -> the module that defines it.
_LAZY = {
    "ConfigError": "review.config",
    "Settings": "review.config",
    "load_config": "review.config",
    "MissingExtraError": "core.errors",
    "NoPlanFileWarning": "core.errors",
    "UsageError": "core.errors",
    "Finding": "core.findings",
    "Report": "api",
    "Severity": "core.findings",
    "Span": "core.findings",
    "Limits": "read.loader",
    "import_table": "read.tableimport",
    "MissingSidecarError": "read.tableimport",
    "Document": "core.models",
    "Element": "core.models",
    "Header": "core.models",
    "Indicator": "core.models",
    "Unit": "core.models",
    "LintResult": "review.pipeline",
    "lint": "api",
    "all_rules": "rules.catalog",
    "get_rule": "rules.catalog",
    "PerformanceTree": "views.tree",
    "TreeNode": "views.tree",
    "Chain": "views.trace",
    "Step": "views.trace",
    "Cascade": "api",
    "load": "api",
    "EffectivePolarity": "core.polarity",
    "PolarityTable": "core.polarity",
    "DiffResult": "revisions",
    "Lock": "revisions",
    "ReviewState": "revisions",
    "diff": "revisions.api",
    "diff_git": "revisions.api",
    "realign": "revisions.api",
    "SakipResult": "sakip",
    "CapaianTable": "views.capaian",
}

__all__ = sorted(_LAZY) + ["__version__"]


def __getattr__(name: str) -> Any:
    """Import a public name on first use, then keep it in the module (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cascade' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
