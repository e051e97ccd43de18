"""References, tiers and the vocabulary of links: the names every layer reads the cascade graph with.

A reference is ``document-id:local-id`` (an element or indicator), ``document-id#UNIT`` (an
organisation unit) or a document id; a bare local id belongs to the document that writes it
(FORMAT.md). The graph (:mod:`cascade.graph`) has one node per reference and one edge per link,
pointing upward or outward from the node that names the link, typed by the link's name.

The link vocabulary, in one place (every rule and view reads these, never its own set):

- :data:`UP_LINKS` (``parent``, ``supports``, ``crosscuts``): the links by which an element
  *reaches upward*, towards the RPJMN. An element that serves another OPD's sasaran through
  ``crosscuts`` is linked, not orphaned (CAS301), and is counted as serving it (CAS303).
- :data:`CASCADE_LINKS` (``parent``, ``supports``): the *pohon kinerja*, the tree that a goal's
  cascade hangs on. Sideways ``crosscuts`` are left out where a rule or view follows descendants
  or draws the tree, so that a crosscutting program is not counted twice under two OPDs.
- :data:`OTHER_LINKS`: the remaining edge types (``indicator_of``, ``owner``, ``unit``,
  ``aligns_to``), which never count as reaching upward.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any, Iterable

__all__ = [
    "TIERS", "UP_LINKS", "CASCADE_LINKS", "OTHER_LINKS", "document_tier", "split_ref", "document_of", "reaching", "within_two_edits",
]

#: Tier numbers, top to bottom.
TIERS = {"rpjmn": 0, "province": 1, "kabkota": 2, "renstra": 3, "skp": 4}

#: Links by which an element reaches upward (towards the RPJMN).
UP_LINKS: frozenset[str] = frozenset(("parent", "supports", "crosscuts"))
#: Links of the pohon kinerja: what a goal's cascade (its descendants) hangs on.
CASCADE_LINKS: frozenset[str] = frozenset(("parent", "supports"))
#: Edge types that are not links between goals.
OTHER_LINKS: frozenset[str] = frozenset(("indicator_of", "owner", "unit", "aligns_to"))

def document_tier(header: Any) -> int:
    """The tier of a document: 0 rpjmn, 1 province rpjmd or rpd, 2 kab/kota rpjmd or rpd, 3 renstra, 4 skp."""
    if header.kind in ("rpjmd", "rpd"):
        return TIERS["province"] if header.region is None or header.region.tier == "province" else TIERS["kabkota"]
    return TIERS[header.kind]


def split_ref(ref: str, doc_id: str) -> tuple[str, str]:
    """``doc:local`` to ``(doc, local)``; a bare local id belongs to ``doc_id``."""
    doc, sep, local = ref.rpartition(":")
    return (doc, local) if sep else (doc_id, ref)


def document_of(ref: str | None, graph: Any) -> str | None:
    """The id of the document that ``ref`` (document, element, indicator or unit) belongs to, if in ``graph``."""
    if ref is None:
        return None
    attrs = graph._node.get(ref)
    if attrs is None:
        return None
    return ref if attrs["type"] == "document" else attrs["doc"]


def reaching(graph: Any, elements: Iterable[str] | None = None, *, also: Iterable[str] = (),
             within: Any = None) -> set[str]:
    """The elements with a path up to the national tier or to an external reference (not orphaned).

    One backward sweep through :data:`UP_LINKS` from the RPJMN elements and the elements with an
    external upward reference, so the cost is linear in the graph. ``elements`` lists the element
    nodes to seed from (default: every element node of ``graph``); ``also`` adds seeds known to
    reach the top some other way, and ``within`` (a set of document ids) keeps the sweep inside
    those documents (the incremental engine's update of the documents an edit can change).
    """
    nodes = graph._node
    if elements is None:
        elements = (n for n, a in nodes.items() if a["type"] == "element")
    seeds = [n for n in elements if nodes[n]["tier"] == 0 or any(t in UP_LINKS for t, _ in nodes[n].get("external", ()))]
    seeds.extend(also)
    reached = set(seeds)
    queue = deque(seeds)
    pred = graph._pred
    while queue:
        node = queue.popleft()
        for below, edge in pred[node].items():
            if edge["type"] in UP_LINKS and below not in reached and nodes[below]["type"] == "element" \
                    and (within is None or nodes[below]["doc"] in within):
                reached.add(below)
                queue.append(below)
    return reached


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def within_two_edits(a: str, b: str) -> bool:
    """True when ``a`` is a likely typo of ``b``: at most two insertions, deletions or substitutions,
    and not two plans of different years (``rpjmn-2025`` is not a typo of ``rpjmn-2020``)."""
    if abs(len(a) - len(b)) > 2:
        return False
    years_a, years_b = _YEAR.findall(a), _YEAR.findall(b)
    if years_a and years_b and years_a != years_b:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > 2:
            return False
        previous = current
    return previous[-1] <= 2
