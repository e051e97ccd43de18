"""Fingerprints of linked-to plan items, as ``cascade.lock`` records them (see ``specs/FORMAT.md``).

A fingerprint is a short hash of what a lower plan relies on when it links to an item: for an
element its kind and name, for an indicator its name, unit, polarity and targets (with ``final``,
the kondisi akhir). Text is compared with runs of whitespace collapsed, so re-wrapping a long name
in the YAML is no change. The polarity is the one written: a polarity read from the indicator's name
(FORMAT.md decision 3) is no content of the plan, and an improved reading of names must not put
every link in doubt; an absent polarity is recorded as ``positive``, as locks written before
polarity could be absent recorded it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

__all__ = ["fingerprint", "fingerprint_content", "FINGERPRINT_LENGTH"]

#: Hex digits of a fingerprint: 64 bits, enough to notice a change, short enough to read in a diff.
FINGERPRINT_LENGTH = 16


def _text(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def _value(value: Any) -> Any:
    """A target value as plain JSON: a number, ``{"min", "max"}`` or a text."""
    if value is None or isinstance(value, (int, float, str)):
        return _text(value)
    dump = getattr(value, "model_dump", None)
    return dump() if dump is not None else str(value)


def fingerprint_content(model: Any) -> dict[str, Any]:
    """What the fingerprint of an element or indicator model covers, as a plain dict."""
    if hasattr(model, "indicators"):  # an element
        return {"kind": model.kind, "name": _text(model.name)}
    polarity = model.polarity or "positive"
    return {
        "name": _text(model.name),
        "unit": _text(model.unit),
        "polarity": polarity,
        "targets": {str(year): _value(v) for year, v in sorted(model.targets.items())},
        "final": _value(model.final),
    }


def fingerprint(model: Any) -> str:
    """The fingerprint of an element or indicator model: 16 hex digits of a SHA-256."""
    text = json.dumps(fingerprint_content(model), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]
