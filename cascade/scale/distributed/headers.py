"""The scan of a by-region run: what partitioning needs of each file, read from its ``document:`` header.

A header is read with the loader's own line scanner from the start of the file (no full parse);
the shared documents (the RPJMN and the province plans every region aligns to) and files whose
header is doubtful are loaded in full, and a worker keeps the shared ones for its next tasks.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Sequence

from ...build.loading import Source, load_source
from ...core.parsed import ParsedDocument
from ...read.fastyaml import parse_plain
from ...read.loader import DEFAULT_LIMITS

__all__ = ["read_headers", "load_one", "doc_refs"]

_HEADER_BYTES = 65536


@dataclass(frozen=True)
class _Header:
    """What partitioning needs of one file: its document id, kind, region and upward links."""

    index: int
    path: str
    id: str | None
    kind: str | None = None
    region: str | None = None
    aligns_to: tuple[str, ...] = ()
    #: Referenced document ids, known once the file is fully loaded: shared documents during the
    #: scan, the others when their partition has run (until then ``aligns_to`` stands in).
    refs: frozenset[str] | None = None
    size: int = 0
    counts: tuple[int, int] = (0, 0)
    #: ``document.part_of``: the renstra this one is part of; it goes into that renstra's partition.
    part_of: str | None = None

    @property
    def shared(self) -> bool:
        """RPJMN and province RPJMD: the documents every region below aligns to."""
        return self.kind == "rpjmn" or (self.kind in ("rpjmd", "rpd") and (self.region is None or "." not in self.region))


_CACHE: dict[tuple, tuple] = {}
_CACHE_SIZE = 128


def load_one(path: str, cache: bool, show_personal: bool) -> tuple:
    """``load_source`` for one path; shared documents are kept per worker process and reused."""
    key = None
    if cache:
        try:
            st = os.stat(path)
            key = (path, st.st_mtime_ns, st.st_size, show_personal)
        except OSError:
            key = None
        if key is not None and key in _CACHE:
            return _CACHE[key]
    result = load_source(Source(path, path=path), DEFAULT_LIMITS, show_personal)
    if key is not None:
        if len(_CACHE) >= _CACHE_SIZE:
            del _CACHE[next(iter(_CACHE))]  # oldest first: shared documents of an earlier run
        _CACHE[key] = result
    return result


def doc_refs(doc: ParsedDocument) -> frozenset[str]:
    """Every document id one document names: ``aligns_to`` and the targets of its links."""
    model = doc.model
    own = model.document.id
    out = set(model.document.aligns_to)
    if model.document.part_of is not None:
        out.add(model.document.part_of)
    add = out.add
    for element in model.elements:
        # split_ref inlined: this runs over every element of every partition
        if isinstance(element.parent, str):
            target, sep, _ = element.parent.rpartition(":")
            add(target if sep else own)
        for refs in (element.supports, element.crosscuts, *(i.supports for i in element.indicators)):
            for ref in refs:
                target, sep, _ = ref.rpartition(":")
                add(target if sep else own)
    out.discard(own)
    return frozenset(out)


def _header_of(index: int, path: str, parsed: ParsedDocument | None, size: int) -> _Header:
    """The header of a fully loaded file, with the document ids it references and its counts."""
    if parsed is None:
        return _Header(index, path, None, size=size)
    h = parsed.model.document
    region = h.region.code if h.region is not None else None
    counts = (len(parsed.model.elements), sum(len(e.indicators) for e in parsed.model.elements))
    # a realisasi document travels with its plan (``for``), as a part_of plan with its renstra
    part_of = h.for_ if h.kind == "realisasi" else h.part_of
    return _Header(index, path, h.id, h.kind, region, tuple(h.aligns_to), doc_refs(parsed), size, counts, part_of)


def _fast_header(path: str) -> dict | None:
    """The top-level ``document:`` block read from the start of the file, or None when unsure."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEADER_BYTES)
        lines = head.decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    try:
        start = next(i for i, l in enumerate(lines) if l.rstrip() == "document:")
    except StopIteration:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ", "#")), None)
    if end is None:
        return None
    snippet = "\n".join(lines[start:end])
    if any(c in snippet for c in "&*!\t"):
        return None  # anchors, aliases, tags: leave them to the real loader
    try:
        data = parse_plain(snippet, DEFAULT_LIMITS)  # the loader's own line scanner
        if not isinstance(data, dict):
            return None  # declined: the full loader decides
        doc = data["document"]
        region = doc.get("region")
        aligns = doc.get("aligns_to", [])
        if not (isinstance(doc["id"], str) and isinstance(doc["kind"], str) and isinstance(aligns, list)):
            return None
        if region is not None and not isinstance(region.get("code"), str):
            return None
        part_of = doc.get("for") if doc["kind"] == "realisasi" else doc.get("part_of")
        if part_of is not None and not isinstance(part_of, str):
            return None
        if doc["kind"] == "realisasi":
            aligns = [part_of] if part_of is not None else []
        return {"id": doc["id"], "kind": doc["kind"], "region": region and region["code"], "aligns_to": tuple(map(str, aligns)),
                "part_of": part_of}
    except Exception:  # any surprise in a header: the full loader decides
        return None


def read_headers(entries: Sequence[tuple[int, str]], show_personal: bool = False) -> list[_Header]:
    """Headers of ``entries`` (index, path); shared documents and doubtful files are fully loaded."""
    out = []
    for index, path in entries:
        fast = _fast_header(path)
        if fast is not None:
            head = _Header(index, path, fast["id"], fast["kind"], fast["region"], fast["aligns_to"], part_of=fast["part_of"])
            if not head.shared:
                out.append(head)
                continue
        parsed, _, loaded = load_one(path, fast is not None, show_personal)
        out.append(_header_of(index, path, parsed, loaded.size if loaded else 0))
    return out
