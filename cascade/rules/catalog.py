"""The rule catalogue: every group of rules imported by name, and what the rest of cascade asks of it.

The groups, one module per hundred of codes: ``syntax`` (CAS0xx, the file as YAML), ``format``
(CAS1xx, one document against the format), ``structure`` and ``revisions`` (CAS2xx, references),
``orphans`` (CAS3xx), ``alignment`` (CAS4xx), ``measurability`` (CAS5xx), ``nomenclature``
(CAS6xx), ``realization`` (CAS7xx, realisasi and capaian), ``meta`` and ``suppression`` (CAS9xx). Importing this module registers them all
(:data:`cascade.rules.base.REGISTRY`); a new group is added to the import list below.

Rules of the load and schema stages (CAS0xx, CAS1xx, and the reference checks of the graph builder)
have no ``check``: their findings are produced while files are read and documents are built, and
they are registered so that they can be documented, selected and suppressed like any other.
"""

from __future__ import annotations

import re

from . import alignment, measurability, meta, nomenclature, orphans, realization, revisions, structure, suppression, syntax  # noqa: F401
from . import format as format_rules  # noqa: F401  (the CAS1xx group; the name would hide the builtin)
from .base import _BY_NAME, REGISTRY, Rule, make_finding, render

__all__ = ["all_rules", "get_rule", "resolve_selector", "render", "make_finding"]


def all_rules() -> list[type[Rule]]:
    """Every registered rule, ordered by code."""
    return [REGISTRY[c] for c in sorted(REGISTRY)]


def get_rule(key: str) -> type[Rule] | None:
    """A rule by code (``CAS301``), name (``orphan-element``) or alias; None if there is none."""
    return REGISTRY.get(key.upper()) or _BY_NAME.get(key.lower())


_CODE_PREFIX = re.compile(r"^CAS\d{0,3}$", re.I)


def resolve_selector(key: str) -> list[type[Rule]] | None:
    """The rules a selector names: a code, a code prefix (``CAS3``), a name, an alias or ``ALL``.

    Returns None when the selector names nothing (so callers can report it).
    """
    if key.upper() == "ALL":
        return all_rules()
    rule = get_rule(key)
    if rule is not None:
        return [rule]
    if _CODE_PREFIX.match(key):
        found = [r for r in all_rules() if r.code.startswith(key.upper())]
        return found or None
    return None



