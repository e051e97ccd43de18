"""What changed between two states of the plans, and what below depends on it.

:func:`diff` compares two loaded workspaces (or anything :func:`cascade.load` takes). Documents
match by id; elements and indicators by reference, then the unmatched ones of a document by
similarity (a renamed id): elements of the same kind by name and indicators, indicators by measure,
name and unit. A match by similarity is a *guess* and says so. Each matched pair is compared field
by field; targets year by year.

The *impact* of a change in an upper plan is everything below that supports the changed item,
transitively: the elements whose ``parent``, ``supports`` or ``crosscuts`` lead to a changed
element, the indicators whose ``supports`` lead to a changed indicator (as
:meth:`cascade.Cascade.descendants` walks), in the old state and in the new, ordered by tier, each
with the changed items it depends on (``because``) and the chain up to the nearest (``path``).

Realisasi documents (``kind: realisasi``) match by id like plans; their entries are compared by
indicator (``realized`` and ``pk_targets`` of one indicator, the reference made full against ``for``)
and their ``rows`` by printed indicator name, sasaran and ``ref`` (names compared as
:func:`cascade.core.text.name_key` compares them): a change lists the years that changed. Realised
values are not links, so a realisasi change impacts nothing below.

Employee numbers and names are masked in every value unless ``show_personal``.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from ..core.refs import split_ref
from ..core.text import name_key, sasaran_key
from ..views.html import Masker

if TYPE_CHECKING:
    from ..graph import Workspace

__all__ = ["Change", "Impact", "DiffResult", "diff_workspaces", "IMPACT_FIELDS", "REALISASI", "YEAR_FIELDS", "realisasi_documents",
           "similarity"]

#: Fields whose change puts what depends on the item in doubt (besides removal and renaming).
IMPACT_FIELDS = frozenset({"kind", "name", "unit", "polarity", "type", "targets", "baseline", "final", "measure",
                           "parent", "supports"})
#: Fields compared year by year: only the years that changed are listed.
YEAR_FIELDS = frozenset({"targets", "realized", "pk_targets", "capaian"})
#: The ``element_kind`` of a change to the values of a realisasi document (an indicator's entry or a row).
REALISASI = "realisasi"
#: Similarity from which an unmatched old and new item are taken for the same, renamed one.
ELEMENT_THRESHOLD = 0.7
INDICATOR_THRESHOLD = 0.75
#: Pairs compared per document and kind before similarity gives way to exact names only.
MAX_PAIRS = 250_000

_TIER_NAMES = {0: "RPJMN", 1: "RPJMD provinsi", 2: "RPJMD kab/kota", 3: "Renstra", 4: "SKP"}
#: The tier of a realisasi document whose plan (``for:``) is in neither workspace.
UNKNOWN_TIER = 9


@dataclass(frozen=True)
class Change:
    """One added, removed, renamed or modified document, element or indicator.

    ``ref`` is the new reference (the old one for a removal); ``element_kind`` the element's kind,
    ``indicator``, ``document`` or ``realisasi`` (an entry of a realisasi document: ``ref`` is
    ``<realisasi document id>:<indicator>`` for an indicator's ``realized``/``pk_targets``, or
    ``<realisasi document id>:rows[<printed name>]`` for a row); ``fields`` the changed fields; ``before``/``after`` their values
    (targets: only the years that changed; the whole item for an addition or removal);
    ``renamed_from`` the old reference of a renamed item; ``guess`` whether that match was made by
    similarity (with its ``score`` and ``reason``).
    """

    ref: str
    element_kind: str
    change: str
    fields: tuple[str, ...] = ()
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    renamed_from: str | None = None
    guess: bool = False
    tier: int = 0
    file: str | None = None
    line: int | None = None
    score: float | None = None
    reason: str | None = None
    document_kind: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The JSON contract's change object."""
        return {"ref": self.ref, "element_kind": self.element_kind, "change": self.change, "fields": list(self.fields),
                "before": self.before, "after": self.after, "renamed_from": self.renamed_from, "guess": self.guess}

    @property
    def direction(self) -> str | None:
        """``lowered`` or ``raised`` when every changed numeric target moved the same way, else None."""
        if "targets" not in self.fields or not self.before or not self.after:
            return None
        moves = set()
        for year, old in (self.before.get("targets") or {}).items():
            a, b = _level(old), _level((self.after.get("targets") or {}).get(year))
            if a is not None and b is not None and a != b:
                moves.add("lowered" if b < a else "raised")
        return moves.pop() if len(moves) == 1 else None


@dataclass(frozen=True)
class Impact:
    """An element or indicator below a change that depends on it: the changed refs (``because``) and the
    chain from it up to the nearest of them (``path``, itself first)."""

    ref: str
    because: tuple[str, ...]
    path: tuple[str, ...]
    tier: int = 0
    node_type: str = "element"
    kind: str = ""
    name: str = ""
    document_kind: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, "because": list(self.because), "path": list(self.path)}


@dataclass(frozen=True)
class DiffResult:
    """What :func:`cascade.diff` returns. ``skipped`` are files that could not be read on one side: their
    documents are left out of the comparison on both sides rather than reported as removed."""

    changes: tuple[Change, ...]
    impacted: tuple[Impact, ...]
    skipped: tuple[str, ...] = ()
    old: str = "OLD"
    new: str = "NEW"

    def as_dict(self) -> dict[str, Any]:
        """``{"version": 1, "changes": [...], "impacted": [...]}`` (the JSON contract of ``cascade diff``)."""
        return {"version": 1, "changes": [c.as_dict() for c in self.changes], "impacted": [i.as_dict() for i in self.impacted]}

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __repr__(self) -> str:
        return f"<DiffResult {len(self.changes)} changes, {len(self.impacted)} impacted>"

    def by_change(self, change: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.change == change)

    def get(self, ref: str) -> Change | None:
        """The change of ``ref`` (new or old reference), or None."""
        return next((c for c in self.changes if ref in (c.ref, c.renamed_from)), None)


# -- similarity ------------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")


def _norm(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_WORD.findall(text))


def similarity(a: str | None, b: str | None) -> float:
    """Similarity of two names in [0, 1]: the mean of the character ratio and the word overlap."""
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    wa, wb = set(na.split()), set(nb.split())
    jaccard = len(wa & wb) / len(wa | wb)
    return round(0.5 * difflib.SequenceMatcher(None, na, nb, autojunk=False).ratio() + 0.5 * jaccard, 3)


def _level(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, dict) and isinstance(value.get("min"), (int, float)) and isinstance(value.get("max"), (int, float)):
        return (value["min"] + value["max"]) / 2
    return None


def _indicator_overlap(old: Any, new: Any) -> float | None:
    """How well the indicators of two elements correspond: the mean best match of each old indicator."""
    if not old.indicators or not new.indicators:
        return None
    total = 0.0
    for i in old.indicators:
        best = 0.0
        for j in new.indicators:
            s = 1.0 if i.measure and i.measure == j.measure else similarity(i.name, j.name)
            best = max(best, s)
        total += best
    return round(total / len(old.indicators), 3)


# -- values ---------------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if hasattr(value, "model_dump"):  # the field names as written in the YAML (``for``, not ``for_``)
        return {k: _jsonable(v) for k, v in value.model_dump(by_alias=True).items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _fields(model: Any, doc_id: str) -> dict[str, Any]:
    """The comparable fields of an element or indicator (references made full), without id and indicators."""
    out: dict[str, Any] = {}
    for name in type(model).model_fields:
        if name in ("id", "indicators"):
            continue
        value = getattr(model, name)
        if name in ("supports", "crosscuts"):
            value = sorted(_full(r, doc_id) for r in value)
        elif name == "parent" and isinstance(value, str):
            value = _full(value, doc_id)
        out[name] = _jsonable(value)
    return out


def _full(ref: str, doc_id: str) -> str:
    d, local = split_ref(ref, doc_id)
    return f"{d}:{local}"


def _shown(values: dict[str, Any]) -> dict[str, Any]:
    """An item's fields as an addition or removal shows them: the empty ones left out."""
    return {k: v for k, v in values.items() if v not in (None, [], {}, ())}


def _compare(old: dict[str, Any], new: dict[str, Any]) -> tuple[list[str], dict[str, Any], dict[str, Any]]:
    fields: list[str] = []
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in sorted(set(old) | set(new)):
        a, b = old.get(name), new.get(name)
        if a == b:
            continue
        fields.append(name)
        if name in YEAR_FIELDS and isinstance(a, dict) and isinstance(b, dict):
            years = sorted({y for y in (*a, *b) if a.get(y) != b.get(y)})
            before[name] = {y: a.get(y) for y in years}
            after[name] = {y: b.get(y) for y in years}
        else:
            before[name], after[name] = a, b
    return fields, before, after


# -- the comparison ---------------------------------------------------------------------------------


@dataclass
class _Side:
    ws: "Workspace"
    items: dict[str, dict] = field(default_factory=dict)  # ref -> graph attrs (elements and indicators)

    @classmethod
    def of(cls, ws: "Workspace", docs: set[str]) -> "_Side":
        side = cls(ws)
        for node, attrs in ws.graph._node.items():
            if attrs["type"] in ("element", "indicator") and attrs["doc"] in docs:
                side.items[node] = attrs
        return side


def _kind(attrs: dict) -> str:
    return attrs["kind"] if attrs["type"] == "element" else "indicator"


def _match(old: _Side, new: _Side) -> tuple[dict[str, str], dict[str, tuple[float, str]]]:
    """Old ref -> new ref for every item present on both sides, and the guesses among them (score, reason)."""
    mapping = {ref: ref for ref in old.items if ref in new.items}
    guesses: dict[str, tuple[float, str]] = {}
    taken = set(mapping.values())
    for node_type in ("element", "indicator"):
        buckets: dict[tuple, tuple[list[str], list[str]]] = {}
        for ref, a in old.items.items():
            if ref not in mapping and a["type"] == node_type:
                buckets.setdefault((a["doc"], _kind(a) if node_type == "element" else ""), ([], []))[0].append(ref)
        moved_to = {old.items[o]["doc"]: new.items[n]["doc"] for o, n in mapping.items()
                     if node_type == "indicator" and old.items[o]["type"] == "element" and old.items[o]["doc"] != new.items[n]["doc"]}
        for ref, a in new.items.items():
            if ref not in taken and a["type"] == node_type:
                key = (a["doc"], _kind(a) if node_type == "element" else "")
                if key in buckets:
                    buckets[key][1].append(ref)
                for src, dst in moved_to.items():  # indicators follow their element to another document
                    if dst == a["doc"] and (src, "") in buckets and (src, "") != key:
                        buckets[(src, "")][1].append(ref)
        for (_, _), (olds, news) in sorted(buckets.items()):
            if not news:
                continue
            pairs = []
            exact_only = len(olds) * len(news) > MAX_PAIRS
            by_name: dict[str, list[str]] = {}
            if exact_only:
                for n in news:
                    by_name.setdefault(_norm(new.items[n]["name"]), []).append(n)
            for o in olds:
                candidates = by_name.get(_norm(old.items[o]["name"]), []) if exact_only else news
                for n in candidates:
                    score, reason = _score(old.items[o], new.items[n], mapping)
                    if score >= (ELEMENT_THRESHOLD if node_type == "element" else INDICATOR_THRESHOLD):
                        pairs.append((-score, o, n, reason))
            pairs.sort()
            for negative, o, n, reason in pairs:
                if o in mapping or n in taken:
                    continue
                mapping[o] = n
                taken.add(n)
                guesses[o] = (-negative, reason)
        if node_type == "element":
            _moved(old, new, mapping, guesses, taken)
    return mapping, guesses


def _moved(old: _Side, new: _Side, mapping: dict[str, str], guesses: dict, taken: set[str]) -> None:
    """Elements moved to another document of the same kind (a program handed to another OPD): the
    ones left over on both sides with the same kind and the same name (after normalising), and a
    score above the threshold. Equal names only, found by a hash join: no quadratic scan."""
    kind_of = {}
    for side in (old, new):
        for node, attrs in side.ws.graph._node.items():
            if attrs["type"] == "document":
                kind_of[node] = attrs["kind"]
    by_name: dict[tuple, list[str]] = {}
    for ref, a in new.items.items():
        if ref not in taken and a["type"] == "element":
            by_name.setdefault((kind_of.get(a["doc"]), a["kind"], _norm(a["name"])), []).append(ref)
    for ref, a in old.items.items():
        if ref in mapping or a["type"] != "element":
            continue
        for n in by_name.get((kind_of.get(a["doc"]), a["kind"], _norm(a["name"])), []):
            if n in taken or new.items[n]["doc"] == a["doc"]:
                continue
            score, reason = _score(a, new.items[n], mapping)
            if score >= ELEMENT_THRESHOLD:
                mapping[ref], guesses[ref] = n, (score, reason + ", moved to " + new.items[n]["doc"])
                taken.add(n)
                break


def _score(a: dict, b: dict, mapping: dict[str, str]) -> tuple[float, str]:
    ma, mb = a["model"], b["model"]
    name = similarity(ma.name, mb.name)
    if a["type"] == "element":
        ind = _indicator_overlap(ma, mb)
        score = name if ind is None else 0.6 * name + 0.4 * ind
        reasons = [f"name {name:.2f}"] + ([f"indicators {ind:.2f}"] if ind is not None else [])
        if ma.code and ma.code == mb.code:
            score += 0.1
            reasons.append("same code")
        return min(1.0, round(score, 3)), ", ".join(reasons)
    score, reasons = name, [f"name {name:.2f}"]
    if ma.measure and ma.measure == mb.measure:
        score = max(score, 0.85)
        reasons.append(f"same measure {ma.measure}")
    if ma.unit and ma.unit == mb.unit:
        score += 0.05
        reasons.append("same unit")
    if mapping.get(a["element"]) == b["element"]:
        score += 0.1
        reasons.append("same element")
    return min(1.0, round(score, 3)), ", ".join(reasons)


def _masker(old: "Workspace", new: "Workspace", show_personal: bool) -> Any:
    if show_personal:
        return None

    class _Both:
        documents = {**{f"old:{k}": v for k, v in old.documents.items()}, **{f"new:{k}": v for k, v in new.documents.items()}}
        parsed = {**{f"old:{k}": v for k, v in old.parsed.items()}, **{f"new:{k}": v for k, v in new.parsed.items()}}
        files = [*old.files, *new.files]  # the names of files without a document

    return Masker(_Both(), False)  # type: ignore[arg-type]


def _mask_values(value: Any, mask: Any, key: str = "") -> Any:
    """``value`` with employee numbers and names masked: the values of an ``employee`` mapping, and
    NIPs and the workspace's employee names wherever they stand in text."""
    from ..views.html import outline

    if mask is None:
        return value
    if isinstance(value, dict):
        if key == "employee":
            from ..core.privacy import mask_nip_value

            return {k: (mask_nip_value(v) if k == "nip" else outline(v))
                    if k in ("nip", "name", "position") and isinstance(v, str) and v else _mask_values(v, mask, k)
                    for k, v in value.items()}
        return {k: _mask_values(v, mask, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask_values(v, mask) for v in value]
    if isinstance(value, str):
        return mask(value)
    return value


def realisasi_documents(ws: "Workspace") -> dict[str, Any]:
    """The realisasi documents of a workspace by id (:class:`~cascade.core.parsed.ParsedDocument`):
    not plans, so they are not in ``ws.parsed``."""
    return dict(ws.graph.graph.get("realisasi_docs") or {})


def _line(doc: Any, path: tuple) -> int | None:
    try:
        span = doc.sourcemap.value(path)
    except Exception:  # a document built from a dict has no positions
        return None
    return span.line if span else None


def _realisasi_entries(doc: Any) -> dict[tuple, tuple[str, dict[str, Any], dict[str, tuple]]]:
    """What a realisasi document says, keyed for matching: key -> (shown ref, comparable fields, source
    path of each field; of the row under ``""``).

    ``realized`` and ``pk_targets`` are gathered per indicator (the reference made full against
    ``for``, so ``T2.1.I1`` and ``kota.rpjmd-2019:T2.1.I1`` are the same entry); ``rows`` per
    printed indicator name, sasaran and ``ref``, names compared by :func:`name_key` (spacing, case
    and punctuation do not make a change), the year maps of rows of the same indicator merged.
    """
    model = doc.model
    plan = model.document.for_
    own = model.document.id
    out: dict[tuple, tuple[str, dict[str, Any], dict[str, tuple]]] = {}
    for field_name in ("realized", "pk_targets"):
        for ref, years in getattr(model, field_name).items():
            target_doc, local = split_ref(ref, plan)
            shown = f"{own}:{local if target_doc == plan else f'{target_doc}:{local}'}"
            key: tuple = ("indicator", f"{target_doc}:{local}")
            _, fields, paths = out.get(key, (shown, {}, {}))
            merged = {**fields.get(field_name, {}), **_jsonable(years)}
            out[key] = (shown, {**fields, field_name: merged}, {**paths, field_name: paths.get(field_name, (field_name, ref))})
    for row, path in zip(model.rows, doc.row_paths or [("rows", i) for i in range(len(model.rows))]):
        printed = " ".join(row.indicator.split())
        key = ("row", name_key(row.indicator), sasaran_key(row.sasaran) if row.sasaran else "", row.ref or "")
        shown = f"{own}:rows[{printed}]" + (f" ({row.ref})" if row.ref else "")
        _, fields, first = out.get(key, (shown, {}, {"": path}))
        values = {"sasaran": " ".join(row.sasaran.split()) if row.sasaran else None, "ref": row.ref}
        for name in ("targets", "realized", "capaian"):
            values[name] = {**fields.get(name, {}), **_jsonable(getattr(row, name))}
        out[key] = (shown, values, first)
    return out


def _first_year(paths: dict[str, tuple], name: str, after: dict[str, Any]) -> tuple:
    """The source path of the first changed year of field ``name`` of an entry (``paths``: of each
    field, or of the row under ``""``), as far as it is known."""
    row = paths.get("")
    path = row if row is not None else paths.get(name, next(iter(paths.values())))
    years = after.get(name)
    if not isinstance(years, dict) or not years:
        return path
    year = next(iter(years))
    if row is not None:
        return (*row, name, year)
    return (*path, year) if path[0] == name else path


def _realisasi_changes(old: "Workspace", new: "Workspace", skip: set[str]) -> list[Change]:
    """The changes of the realisasi documents: the document (added, removed, header modified) and
    each entry (an indicator's values, a row) added, removed or with changed years."""
    a_docs: dict[str, Any] = {d: p for d, p in realisasi_documents(old).items() if d not in skip}
    b_docs: dict[str, Any] = {d: p for d, p in realisasi_documents(new).items() if d not in skip}
    changes: list[Change] = []

    def tier(doc: Any) -> int:
        for ws in (new, old):
            attrs = ws.graph._node.get(doc.model.document.for_)
            if attrs is not None and attrs.get("type") == "document":
                return attrs["tier"]
        return UNKNOWN_TIER  # its plan is in neither workspace: no tier is claimed for it

    for d in sorted(set(a_docs) | set(b_docs)):
        pa: Any = a_docs.get(d)
        pb: Any = b_docs.get(d)
        here = pb if pb is not None else pa
        t = tier(here)
        if pa is not None and pb is not None:
            fields, before, after = _compare(_jsonable(pa.model.document), _jsonable(pb.model.document))
            if fields:
                changes.append(Change(d, "document", "modified", tuple(fields), before, after, tier=t, file=pb.file,
                                      document_kind=REALISASI))
        elif pa is not None:
            changes.append(Change(d, "document", "removed", (), _shown(_jsonable(pa.model.document)), None, tier=t,
                                  file=pa.file, document_kind=REALISASI))
        else:
            changes.append(Change(d, "document", "added", (), None, _shown(_jsonable(pb.model.document)), tier=t,
                                  file=pb.file, document_kind=REALISASI))
        ea = _realisasi_entries(pa) if pa is not None else {}
        eb = _realisasi_entries(pb) if pb is not None else {}
        for key in [*ea, *(k for k in eb if k not in ea)]:
            if key in ea and key in eb:
                fields, before, after = _compare(ea[key][1], eb[key][1])
                if fields:
                    changes.append(Change(eb[key][0], REALISASI, "modified", tuple(fields), before, after, tier=t,
                                          file=pb.file, line=_line(pb, _first_year(eb[key][2], fields[0], after)),
                                          document_kind=REALISASI))
            elif key in ea:
                changes.append(Change(ea[key][0], REALISASI, "removed", (), _shown(ea[key][1]), None, tier=t,
                                      file=pa.file, line=_line(pa, next(iter(ea[key][2].values()))), document_kind=REALISASI))
            else:
                changes.append(Change(eb[key][0], REALISASI, "added", (), None, _shown(eb[key][1]), tier=t,
                                      file=pb.file, line=_line(pb, next(iter(eb[key][2].values()))), document_kind=REALISASI))
    return changes


def diff_workspaces(old: "Workspace", new: "Workspace", *, show_personal: bool = False, skip_documents: Iterable[str] = (),
                    skipped_files: Iterable[str] = (), old_label: str = "OLD", new_label: str = "NEW") -> DiffResult:
    """Compare two loaded workspaces; see the module documentation. ``skip_documents`` are left out on
    both sides (the documents of files that could not be read on one side, ``skipped_files``)."""
    skipped = set(skipped_files)
    skip = set(skip_documents)
    old_docs = {d for d in old.parsed if d not in skip}
    new_docs = {d for d in new.parsed if d not in skip}
    a, b = _Side.of(old, old_docs), _Side.of(new, new_docs)
    mapping, guesses = _match(a, b)
    mask = _masker(old, new, show_personal)
    changes: list[Change] = []

    def where(ws: "Workspace", ref: str) -> tuple[str | None, int | None]:
        file, line, _ = ws.locate(ref)
        return file, line

    # documents
    for d in sorted(old_docs | new_docs):
        if d in old_docs and d in new_docs:
            fa = _jsonable(old.parsed[d].model.document)
            fb = _jsonable(new.parsed[d].model.document)
            fields, before, after = _compare(fa, fb)
            if fields:
                changes.append(Change(d, "document", "modified", tuple(fields), before, after, tier=new.graph.nodes[d]["tier"],
                                      file=new.parsed[d].file, document_kind=new.parsed[d].model.kind))
        elif d in old_docs:
            h = old.parsed[d].model.document
            changes.append(Change(d, "document", "removed", (), _shown(_jsonable(h)), None, tier=old.graph.nodes[d]["tier"],
                                  file=old.parsed[d].file, document_kind=h.kind))
        else:
            h = new.parsed[d].model.document
            changes.append(Change(d, "document", "added", (), None, _shown(_jsonable(h)), tier=new.graph.nodes[d]["tier"],
                                  file=new.parsed[d].file, document_kind=h.kind))
    # elements and indicators
    matched_new = set(mapping.values())
    for ref, attrs in a.items.items():
        kind = _kind(attrs)
        doc_kind = old.graph.nodes[attrs["doc"]]["kind"]
        if ref not in mapping:
            file, line = where(old, ref)
            changes.append(Change(ref, kind, "removed", (), _shown(_fields(attrs["model"], attrs["doc"])), None,
                                  tier=attrs["tier"], file=file, line=line, document_kind=doc_kind))
            continue
        target = mapping[ref]
        battrs = b.items[target]
        fields, before, after = _compare(_fields(attrs["model"], attrs["doc"]), _fields(battrs["model"], battrs["doc"]))
        file, line = where(new, target)
        if target != ref:
            score, reason = guesses.get(ref, (None, None))
            changes.append(Change(target, _kind(battrs), "renamed", tuple(fields), before or None, after or None, ref,
                                  ref in guesses, battrs["tier"], file, line, score, reason, doc_kind))
        elif fields:
            changes.append(Change(target, _kind(battrs), "modified", tuple(fields), before, after, None, False,
                                  battrs["tier"], file, line, document_kind=doc_kind))
    for ref, attrs in b.items.items():
        if ref not in matched_new:
            file, line = where(new, ref)
            changes.append(Change(ref, _kind(attrs), "added", (), None, _shown(_fields(attrs["model"], attrs["doc"])),
                                  tier=attrs["tier"], file=file, line=line,
                                  document_kind=new.graph.nodes[attrs["doc"]]["kind"]))
    changes += _realisasi_changes(old, new, skip)
    if mask is not None:
        from dataclasses import replace

        changes = [replace(c, before=_mask_values(c.before, mask), after=_mask_values(c.after, mask)) for c in changes]
    order = {"document": 0}
    # a realisasi document after the plans of its tier
    changes.sort(key=lambda c: (c.tier, c.document_kind == REALISASI, c.ref.split(":")[0], order.get(c.element_kind, 1),
                                _position(c), c.ref))
    impacted = _impact(old, new, a, b, mapping, changes)
    return DiffResult(tuple(changes), tuple(impacted), tuple(sorted(skipped)), old_label, new_label)


def _position(c: Change) -> int:
    return c.line or 0


_ELEMENT_LINKS = ("parent", "supports", "crosscuts")


def _below(graph: Any, start: str) -> dict[str, str]:
    """Every element (indicator) below ``start`` whose links reach it, with the next step up from each."""
    nodes = graph._node
    want = nodes[start]["type"]
    types = _ELEMENT_LINKS if want == "element" else ("supports",)
    up: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for below, data in graph._pred[node].items():
            if below in up or below == start or nodes[below]["type"] != want:
                continue
            if data["type"] in types or any(t in types for t in data.get("also", ())):
                up[below] = node
                queue.append(below)
    return up


def _impact(old: "Workspace", new: "Workspace", a: _Side, b: _Side, mapping: dict[str, str], changes: list[Change]) -> list[Impact]:
    back = {v: k for k, v in mapping.items()}
    causes: list[tuple[str, str | None, str | None]] = []  # (ref in changes, old ref, new ref)
    for c in changes:
        if c.element_kind in ("document", REALISASI) or c.change == "added":
            continue  # a realised value is no link: nothing below depends on it
        if c.change == "modified" and not IMPACT_FIELDS.intersection(c.fields):
            continue
        if c.change == "removed":
            causes.append((c.ref, c.ref, None))
        else:
            causes.append((c.ref, back.get(c.ref, c.ref), c.ref))
    removed = {c.ref for c in changes if c.change == "removed"}
    found: dict[str, dict[str, tuple[str, ...]]] = {}  # new-or-old ref -> cause -> path
    for cause, old_ref, new_ref in causes:
        for ws, start, to_new in ((old, old_ref, True), (new, new_ref, False)):
            if start is None or start not in ws.graph._node:
                continue
            up = _below(ws.graph, start)
            for node in up:
                chain = [node]
                while chain[-1] != start:
                    chain.append(up[chain[-1]])
                if to_new:
                    if node in removed or (node not in mapping and node in a.items):
                        continue
                    chain = [mapping.get(r, r) for r in chain]
                    chain[-1] = cause
                ref = chain[0]
                paths = found.setdefault(ref, {})
                if cause not in paths or len(chain) < len(paths[cause]):
                    paths[cause] = tuple(chain)
    out = []
    for ref, paths in found.items():
        ws = new if ref in new.graph._node else old
        attrs = ws.graph._node[ref]
        because = sorted(paths, key=lambda r: (len(paths[r]), r))
        out.append(Impact(ref, tuple(sorted(paths)), paths[because[0]], attrs["tier"], attrs["type"], _kind(attrs),
                          attrs["name"], ws.graph._node[attrs["doc"]]["kind"]))
    from ..views.trace import plan_order

    def key(i: Impact) -> tuple:
        ws = new if i.ref in new.graph._node else old
        return plan_order(ws.graph, i.ref)

    out.sort(key=key)
    return out


def tier_name(tier: int) -> str:
    return _TIER_NAMES.get(tier, "" if tier == UNKNOWN_TIER else str(tier))
