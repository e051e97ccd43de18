"""Revisions: links whose upper item changed since they were last reviewed (CAS208).

The review state lives in the plan repository, in ``cascade.lock`` (``specs/FORMAT.md``, "The lock
file"): one line per linked-to item with the fingerprint of its content as last reviewed. The rule
reads it as the option ``lock`` of ``suspect-link``, which :meth:`cascade.Cascade.validate` and
:func:`cascade.lint` fill from the workspace's lock file; without one the rule is silent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..core.findings import Finding, Severity
from ..core.fingerprint import fingerprint
from .base import Rule

if TYPE_CHECKING:
    from .context import Context

__all__ = ["SuspectLink"]


def _split(ref: str, doc_id: str) -> str:
    doc, sep, local = ref.rpartition(":")
    return ref if sep else f"{doc_id}:{ref}"


class SuspectLink(Rule):
    """A link whose upper item changed since the link was last reviewed (``cascade.lock``).

    ``cascade.lock`` records, for every element and indicator that something ``supports``, a
    fingerprint of what the lower plan relies on: an element's kind and name; an indicator's name,
    unit, polarity and targets (with ``final``). When the upper item changes (an RPJMD target is
    lowered, a sasaran renamed, a unit changed), every link to it becomes *suspect*: the lower
    element or indicator may no longer serve what it was written for. A person looks at the link
    (``cascade diff`` shows what changed), adjusts the lower plan if needed, and records the review
    with ``cascade review --accept REF``; the lock file change is then part of the pull request.

    A link to an item the lock does not know yet is reported too (variant ``unreviewed``): the item
    was added or first linked to after the lock was written. Problems in the lock file itself (a
    line that is not ``REF FINGERPRINT``, a duplicate, a file too large) are findings of this rule
    placed in the lock file, never a crash. Without a lock file the rule is silent: it is opt-in,
    started with ``cascade review --init``.

    Only ``supports`` links are tracked: they cross from one plan to the plan above it, which is
    revised on its own schedule. ``parent`` stays inside one document, whose changes are reviewed
    together.

    Why: a plan below must follow the plan above it when that one changes. Permendagri 86/2017 sets
    the procedure of the RPJMD and the Renstra, including their revision; for 2025-2029 Inmendagri
    2/2025 asks every RPJMD to align with the RPJMN 2025-2029, and the Renstra to follow the RPJMD
    within a month. Under PermenPANRB 6/2022 each RHK intervenes a superior's result, so a changed
    result above changes what the staff target serves. Traceability tools do the same (Doorstop's
    suspect links).

    Basis: UU 25/2004 (SPPN); Permendagri 86/2017; Inmendagri 2/2025; PermenPANRB 6/2022.

    Failing (``cascade.lock`` says ``rpjmd:S1.I1 00000000aaaaaaaa``, the target has since changed)::

        supports: [rpjmd:S1.I1]

    Passing: the same link after ``cascade review --accept rpjmd:S1.I1``.
    """

    code = "CAS208"
    name = "suspect-link"
    severity = Severity.WARNING
    reads = "targets"
    options = {"lock": None}
    messages = {
        "default": {
            "en": "{target} changed since this link was last reviewed (cascade.lock); check the link, then run: cascade review --accept {target}",
            "id": "{target} berubah sejak tautan ini terakhir ditinjau (cascade.lock); periksa tautannya, lalu jalankan: cascade review --accept {target}",
        },
        "unreviewed": {
            "en": "{target} is not in cascade.lock: this link has not been reviewed yet; check it, then run: cascade review --accept {target}",
            "id": "{target} belum ada di cascade.lock: tautan ini belum ditinjau; periksa, lalu jalankan: cascade review --accept {target}",
        },
        "lock-unreadable": {
            "en": "cannot read the lock file: {reason}; no link is checked against it",
            "id": "berkas kunci tidak dapat dibaca: {reason_id}; tidak ada tautan yang diperiksa terhadapnya",
        },
        "lock-size": {
            "en": "the lock file has {size} bytes, more than the limit of {limit}; no link is checked against it",
            "id": "berkas kunci berukuran {size} byte, melebihi batas {limit}; tidak ada tautan yang diperiksa terhadapnya",
        },
        "lock-encoding": {
            "en": "the lock file is not UTF-8 text; no link is checked against it",
            "id": "berkas kunci bukan teks UTF-8; tidak ada tautan yang diperiksa terhadapnya",
        },
        "lock-version": {
            "en": "the lock file must start with 'version 1'; no link is checked against it (recreate it with: cascade review --accept --all)",
            "id": "berkas kunci harus diawali 'version 1'; tidak ada tautan yang diperiksa terhadapnya (buat ulang dengan: cascade review --accept --all)",
        },
        "lock-line": {
            "en": "this line is not 'REFERENCE FINGERPRINT' ({problem}); it is ignored",
            "id": "baris ini bukan 'REFERENSI SIDIK' ({problem}); baris diabaikan",
        },
        "lock-duplicate": {
            "en": "{target} is listed again (first on line {first}); this line is ignored",
            "id": "{target} tercantum lagi (pertama di baris {first}); baris ini diabaikan",
        },
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        lock = ctx.option(self, "lock")
        entries = getattr(lock, "entries", None)
        if not entries and not getattr(lock, "usable", False):
            return
        graph = ctx.graph
        nodes = graph._node
        succ = graph._succ
        prints: dict[str, str] = {}
        for node in [*ctx.nodes_of("element"), *ctx.nodes_of("indicator")]:
            links = [t for t, d in succ[node].items() if d["type"] == "supports" or "supports" in d.get("also", ())]
            if not links:
                continue
            attrs = nodes[node]
            doc_id = attrs["doc"]
            refs = [_split(r, doc_id) for r in attrs["model"].supports]
            for target in links:
                if nodes[target]["type"] not in ("element", "indicator"):
                    continue
                now = prints.get(target)
                if now is None:
                    now = prints[target] = fingerprint(nodes[target]["model"])
                locked = entries.get(target)
                if locked == now:
                    continue
                index = refs.index(target) if target in refs else None
                yield ctx.finding(self, node, "default" if locked is not None else "unreviewed",
                                  field=("supports", index) if index is not None else "supports", target=target)
