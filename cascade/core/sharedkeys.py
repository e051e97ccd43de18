"""Key-sharing instance dicts: many dicts with the same keys, the keys kept once.

CPython keeps the ``__dict__`` of a class's instances as a key-sharing dict: the keys once per
class, only the values per instance (an indicator's 15 fields: 192 bytes against 464 for a dict of
its own). It lets the class's key table take new keys only while few instances have been made: each
new instance lowers its room by one. :func:`prime_keys` fills the table before any instance exists,
so that it holds every key for good. The loaded models (:mod:`cascade.core.models`) and the graph's
node attribute dicts (:mod:`cascade.graph`) are made this way; to their readers they are ordinary
dicts, and a key added later turns that one dict into an ordinary one.
"""

from __future__ import annotations

import collections
from typing import Any, Iterable

__all__ = ["prime_keys", "attrs_class", "drain"]


def prime_keys(cls: type, keys: Iterable[str]) -> dict:
    """Fill ``cls``'s shared key table with ``keys``, in this order, before any instance exists.

    Returns the dict that filled it (every key, each value None): its ``copy()`` is a key-sharing
    dict too, made in C (:data:`cascade.core.models._TEMPLATES`), where setting the keys one by one
    on a new instance's dict costs a Python-level call per key.
    """
    probe = cls.__new__(cls).__dict__
    for key in keys:
        probe[key] = None
    return probe


def attrs_class(name: str, keys: tuple[str, ...]) -> type:
    """A class whose instances exist only to make dicts with ``keys``: set the values as attributes
    of an instance (faster than a dict display) and take its ``__dict__``."""
    cls = type(name, (), {"__doc__": f"Maker of key-sharing dicts with the keys {', '.join(keys)}."})
    prime_keys(cls, keys)
    return cls


def drain(items: Iterable[Any], _deque: Any = collections.deque) -> None:
    """Run an iterator to its end in C (``deque(items, 0)``): a loop of ``map`` without a Python frame."""
    _deque(items, 0)
