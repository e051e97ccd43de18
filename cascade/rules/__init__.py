"""The rule catalogue: every check, with its code, name, severity and documentation.

The registry and the base class live in :mod:`cascade.rules.base`; each group module holds the
rules of one hundred (``syntax`` CAS0xx, ``format`` CAS1xx, ``structure`` CAS2xx, ``orphans``
CAS3xx, ``alignment`` CAS4xx, ``measurability`` CAS5xx, ``nomenclature`` CAS6xx, ``meta`` and
``suppression`` CAS9xx).
"""

from .base import REGISTRY, Rule, iter_check_rules
from .catalog import all_rules, get_rule, make_finding, render, resolve_selector

__all__ = ["Rule", "REGISTRY", "get_rule", "all_rules", "render", "make_finding", "resolve_selector", "iter_check_rules"]
