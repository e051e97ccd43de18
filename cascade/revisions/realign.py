"""Re-alignment to a new upper plan (a new RPJMN): candidates for every link into the old one, and
writing the confirmed mapping back into the YAML.

:func:`realign` lists, for every element and indicator that ``supports`` something of the old
document, the best candidates in the new document: elements of the new plan by the similarity of
their names to the old target's and the lower element's names and of their indicators to the lower
element's; indicators by ``measure``, name and unit. Each candidate has a score in [0, 1] and the
reason. Planners confirm rows (the ``confirm`` column) and :func:`apply_mapping` rewrites the
references in place: the text of each reference is replaced at its position from the source map, so
comments and the layout of every other line stay as they were.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from .errors import Message, MissingExtra, RevisionError
from ..core.sourcemap import LINE_BREAK
from ..core.refs import split_ref
from ..core.oserror import os_reason
from ..core.privacy import mask_nips
from ..core.text import csv_cell, escape_unsafe, join_lines
from .compare import similarity

if TYPE_CHECKING:
    from ..graph import Workspace

__all__ = ["Candidate", "RealignResult", "realign", "read_mapping", "apply_mapping", "ApplyResult", "COLUMNS", "COLUMNS_ID"]

COLUMNS = ("ref", "file", "line", "old_target", "old_name", "rank", "candidate", "candidate_name", "score", "reason", "confirm")
#: The headers of the xlsx table in Bahasa Indonesia (the CSV keeps :data:`COLUMNS`: docs/revisions.md
#: promises them to scripts). :func:`read_mapping` reads a table with either set of headers.
COLUMNS_ID = ("Ref", "Berkas", "Baris", "Target lama", "Nama target lama", "Peringkat", "Kandidat", "Nama kandidat",
              "Skor", "Alasan", "Konfirmasi")
#: The headers :func:`read_mapping` needs, by every name they go by (lower case, ``_`` read as a space).
_HEADER_NAMES = {"ref": "ref", "referensi": "ref", "old target": "old_target", "target lama": "old_target",
                 "candidate": "candidate", "kandidat": "candidate", "confirm": "confirm", "konfirmasi": "confirm"}
#: Accepted marks in the ``confirm`` column of a mapping.
CONFIRM = frozenset({"x", "y", "yes", "ya", "1", "true", "ok", "✓", "v"})
MAPPING_MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Candidate:
    """One proposed new target for one link: ``ref`` supports ``old_target``, which could become ``candidate``."""

    ref: str
    file: str | None
    line: int | None
    old_target: str
    old_name: str
    rank: int
    candidate: str | None
    candidate_name: str
    score: float
    reason: str

    def row(self, lang: str = "en") -> dict[str, Any]:
        """The row of the table (keys :data:`COLUMNS`); the ``reason`` in ``lang`` (JSON: ``en``)."""
        return {"ref": self.ref, "file": self.file or "", "line": self.line or "", "old_target": self.old_target,
                "old_name": self.old_name, "rank": self.rank, "candidate": self.candidate or "",
                "candidate_name": self.candidate_name, "score": f"{self.score:.2f}", "reason": reason_in(self.reason, lang),
                "confirm": ""}


@dataclass(frozen=True)
class RealignResult:
    """What :func:`cascade.realign` returns: the candidates, best first per link; links without one have a row with no candidate."""

    old: str
    new: str
    candidates: tuple[Candidate, ...]

    @property
    def links(self) -> int:
        return len({(c.ref, c.old_target) for c in self.candidates})

    def to_csv(self, lang: str = "en") -> str:
        """The table as CSV: the columns :data:`COLUMNS` in every language (docs/revisions.md), the
        reasons in ``lang``."""
        out = io.StringIO()
        writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
        writer.writeheader()
        for c in self.candidates:
            writer.writerow({k: csv_cell(v) for k, v in c.row(lang).items()})  # never a formula, never a second line
        return escape_unsafe(out.getvalue(), keep="\n")  # a plan's ESC or BEL never reaches a terminal

    def to_text(self, lang: str = "id") -> str:
        head = ("Usulan penyelarasan" if lang == "id" else "Re-alignment candidates") + f": {self.old} -> {self.new}"
        lines = [head]
        last = None
        for c in self.candidates:
            if (c.ref, c.old_target) != last:
                last = (c.ref, c.old_target)
                lines.append(f"{c.ref}  ->  {c.old_target} ({c.old_name})")
            if c.candidate is None:
                lines.append("    " + ("tidak ada kandidat" if lang == "id" else "no candidate"))
            else:
                lines.append(f"    {c.rank}. {c.candidate} {c.score:.2f}  {c.candidate_name}  [{reason_in(c.reason, lang)}]")
        return join_lines(lines)  # a plan's line break, ESC or BEL shown as \uXXXX inside its line

    def to_xlsx(self, path: str, lang: str = "en", show_personal: bool = False) -> None:
        """The table as a workbook for people: headers (:data:`COLUMNS_ID` in ``id``) and reasons in
        ``lang``; NIPs (an 18-digit id) outlined unless ``show_personal``, as every output outlines them."""
        try:
            import openpyxl
        except ImportError as exc:
            raise MissingExtra("an xlsx table needs openpyxl: pip install openpyxl (the xlsx extra of sakip-cascade)",
                               "tabel xlsx memerlukan openpyxl: pip install openpyxl (paket tambahan xlsx dari sakip-cascade)") from exc
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "realign"
        sheet.append(list(COLUMNS_ID if lang == "id" else COLUMNS))
        for c in self.candidates:
            row = c.row(lang)
            sheet.append([_cell(row[k] if show_personal or not isinstance(row[k], str) else mask_nips(row[k])) for k in COLUMNS])
        from ..views.excel import save_book

        save_book(book, path)


#: The phrases of a candidate's reason (:func:`_element_score`, :func:`_indicator_score`) in Bahasa
#: Indonesia, longest first. JSON keeps the reason in English; text, CSV and xlsx follow ``--lang``.
_REASON_ID = (
    ("name vs old target ", "nama vs target lama "),
    ("name vs this element ", "nama vs elemen ini "),
    ("same measure ", "ukuran (measure) sama "),
    ("same unit ", "satuan sama "),
    ("indicator ", "indikator "),
    ("name ", "nama "),
)


def reason_in(reason: str, lang: str) -> str:
    """A candidate's ``reason`` as the text table shows it in ``lang`` (``en`` or ``id``)."""
    if lang != "id":
        return reason
    parts = []
    for part in reason.split("; "):
        for en, id_ in _REASON_ID:
            if part.startswith(en):
                part = id_ + part[len(en):]
                break
        parts.append(part)
    return "; ".join(parts)


def _cell(value: Any) -> Any:
    """A cell that a spreadsheet never runs as a formula, without the control characters xlsx cannot hold."""
    if isinstance(value, str):
        value = escape_unsafe(value, keep="\n\t")
        if value[:1] in ("=", "+", "-", "@"):
            return "'" + value
    return value


def _full(ref: str, doc: str) -> str:
    d, local = split_ref(ref, doc)
    return f"{d}:{local}"


_STOP = frozenset("dan yang untuk di ke dari serta melalui dengan dalam pada bagi the of and".split())


def _words(text: str) -> set[str]:
    from .compare import _norm

    return {w for w in _norm(text).split() if w not in _STOP and len(w) > 2}


def _name_score(a: str, b: str) -> float:
    """Names of plan elements: the best of the overall similarity and the share of the shorter
    name's words found in the other (long PN names share a phrase, not a wording)."""
    wa, wb = _words(a), _words(b)
    contained = len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0
    return round(max(similarity(a, b), 0.8 * contained), 3)


def _element_score(lower: Any, old: Any, cand: Any) -> tuple[float, str]:
    by_old = _name_score(old.name, cand.name) if old is not None else 0.0
    by_lower = _name_score(lower.name, cand.name)
    best = 0.0
    why = ""
    for i in lower.indicators:
        for j in cand.indicators:
            if i.measure and i.measure == j.measure:
                s, w = 1.0, f"measure {i.measure}"
            else:
                s = similarity(i.name, j.name)
                w = f"indicator {j.id} {s:.2f}"
            if s > best:
                best, why = s, w
    score = 0.6 * max(by_old, by_lower) + 0.4 * best
    reasons = [f"name vs old target {by_old:.2f}", f"name vs this element {by_lower:.2f}"] + ([why] if why else [])
    if old is not None and old.kind == cand.kind:
        score += 0.05
    return min(1.0, round(score, 3)), "; ".join(reasons)


def _indicator_score(lower: Any, old: Any, cand: Any) -> tuple[float, str]:
    by_old = similarity(old.name, cand.name) if old is not None else 0.0
    by_lower = similarity(lower.name, cand.name)
    score = max(by_old, by_lower)
    reasons = [f"name {score:.2f}"]
    measures = {m for m in (lower.measure, getattr(old, "measure", None)) if m}
    if cand.measure and cand.measure in measures:
        score = max(score, 0.9)
        reasons.insert(0, f"same measure {cand.measure}")
    if cand.unit and cand.unit in {u for u in (lower.unit, getattr(old, "unit", None)) if u}:
        score += 0.05
        reasons.append(f"same unit {cand.unit}")
    return min(1.0, round(score, 3)), "; ".join(reasons)


def realign(ws: "Workspace", old: str, new: str, *, top: int = 3, min_score: float = 0.25) -> RealignResult:
    """Candidates in document ``new`` for every link into document ``old`` (see the module documentation)."""
    if old not in ws.parsed:
        raise RevisionError(f"document {old!r} is not in the workspace", f"dokumen {old!r} tidak ada di workspace")
    if new not in ws.parsed:
        raise RevisionError(f"document {new!r} is not in the workspace", f"dokumen {new!r} tidak ada di workspace")
    nodes = ws.graph._node
    pool = {t: [(n, a) for n, a in nodes.items() if a.get("doc") == new and a["type"] == t] for t in ("element", "indicator")}
    rows: list[Candidate] = []
    for node, attrs in nodes.items():
        if attrs["type"] not in ("element", "indicator") or attrs["doc"] in (old, new):
            continue
        model = attrs["model"]
        for ref in model.supports:
            target = _full(ref, attrs["doc"])
            if not target.startswith(old + ":"):
                continue
            old_attrs = nodes.get(target)
            old_model = old_attrs["model"] if old_attrs is not None else None
            score_of = _element_score if attrs["type"] == "element" else _indicator_score
            scored = []
            for cand, cattrs in pool[attrs["type"]]:
                s, why = score_of(model, old_model, cattrs["model"])
                if s >= min_score:
                    scored.append((-s, cand, why, cattrs["model"].name))
            scored.sort()
            file, line, _ = ws.locate(node)
            old_name = old_model.name if old_model is not None else ""
            if not scored:
                rows.append(Candidate(node, file, line, target, old_name, 0, None, "", 0.0, ""))
            for rank, (neg, cand, why, name) in enumerate(scored[:top], 1):
                rows.append(Candidate(node, file, line, target, old_name, rank, cand, name, -neg, why))
    return RealignResult(old, new, tuple(rows))


# -- applying a confirmed mapping ----------------------------------------------------------------


@dataclass
class ApplyResult:
    """What :func:`apply_mapping` did: edits per file, and the rows it could not apply (with why)."""

    edited: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # file -> new text (written unless dry_run)


def read_mapping(path: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The confirmed rows ``(ref, old_target, candidate)`` of a mapping CSV (or xlsx), and its problems."""
    problems: list[str] = []
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RevisionError(f"cannot read {path}: {reason}", f"{path} tidak dapat dibaca: {os_reason(exc, 'id')}") from exc
    if size > MAPPING_MAX_BYTES:
        raise RevisionError(f"{path}: {size} bytes, more than the limit of {MAPPING_MAX_BYTES}",
                            f"{path}: {size} byte, melebihi batas {MAPPING_MAX_BYTES}")
    if path.endswith(".xlsx"):
        try:
            import openpyxl
        except ImportError as exc:
            raise MissingExtra("reading an xlsx mapping needs openpyxl: pip install openpyxl (the xlsx extra of sakip-cascade)",
                               "membaca pemetaan xlsx memerlukan openpyxl: pip install openpyxl (paket tambahan xlsx dari sakip-cascade)") from exc
        sheet = openpyxl.load_workbook(path, read_only=True).active
        rows_iter = ([("" if v is None else str(v)) for v in row] for row in sheet.iter_rows(values_only=True))
    else:
        try:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise RevisionError(f"cannot read {path}: not UTF-8 CSV text", f"{path} tidak dapat dibaca: bukan teks CSV UTF-8") from exc
        rows_iter = csv.reader(io.StringIO(text))
    header = next(rows_iter, None)
    if header is None:
        return [], [Message(f"{path}: empty", f"{path}: kosong")]
    # the English keys of the CSV or the Indonesian headers of the xlsx (either, in any case)
    header = [_HEADER_NAMES.get(" ".join(h.replace("_", " ").lower().split()), h.strip().lower()) for h in header]
    needed = ("ref", "old_target", "candidate", "confirm")
    missing = [c for c in needed if c not in header]
    if missing:
        names_id = dict(zip(COLUMNS, COLUMNS_ID))
        raise RevisionError(f"{path}: missing column(s) {', '.join(missing)}",
                            f"{path}: kolom tidak ada: {', '.join(f'{names_id[c]} ({c})' for c in missing)}")
    at = {c: header.index(c) for c in needed}
    out = []
    for n, row in enumerate(rows_iter, 2):
        if len(row) < len(header):
            row = list(row) + [""] * (len(header) - len(row))
        if row[at["confirm"]].strip().lower().lstrip("'") not in CONFIRM:
            continue
        ref, old, cand = (row[at[c]].strip().lstrip("'") for c in ("ref", "old_target", "candidate"))
        if not (ref and old and cand):
            problems.append(Message(f"{path}:{n}: a confirmed row needs ref, old_target and candidate",
                                    f"{path}:{n}: baris yang dikonfirmasi memerlukan ref, old_target dan candidate"))
            continue
        out.append((ref, old, cand))
    return out, problems


def apply_mapping(ws: "Workspace", rows: Iterable[tuple[str, str, str]], *, old: str, new: str, dry_run: bool = False) -> ApplyResult:
    """Rewrite the confirmed links ``(ref, old_target, candidate)`` in the files of ``ws``.

    Each ``supports`` entry naming ``old_target`` is replaced, at its position in the file, by the
    candidate (several candidates: all of them, in a flow list ``[a, b]`` or as new ``- `` lines of a
    block list); a candidate already listed is not repeated. A document left with no reference into
    ``old`` gets ``new`` in place of ``old`` in its ``aligns_to``. Nothing else in the file changes.
    """
    result = ApplyResult()
    wanted: dict[tuple[str, str], list[str]] = {}
    for ref, old_target, cand in rows:
        if not cand.startswith(new + ":"):
            result.problems.append(Message(f"{ref}: {cand} is not in {new}", f"{ref}: {cand} tidak ada di {new}"))
            continue
        if cand not in ws.graph._node:
            result.problems.append(Message(f"{ref}: {cand} names nothing in {new}", f"{ref}: {cand} tidak menunjuk apa pun di {new}"))
            continue
        lst = wanted.setdefault((ref, old_target), [])
        if cand not in lst:
            lst.append(cand)
    edits: dict[str, list[tuple[int, int, int, str, str, bool]]] = {}  # file -> spans with text
    touched: dict[str, set[str]] = {}
    for (ref, old_target), cands in wanted.items():
        attrs = ws.graph._node.get(ref)
        if attrs is None or attrs["type"] not in ("element", "indicator"):
            result.problems.append(Message(f"{ref}: no such element or indicator", f"{ref}: tidak ada unsur atau indikator itu"))
            continue
        doc = ws.parsed[attrs["doc"]]
        model = attrs["model"]
        full = [_full(r, attrs["doc"]) for r in model.supports]
        if old_target not in full:
            result.problems.append(Message(f"{ref}: does not support {old_target}", f"{ref}: tidak mendukung {old_target}"))
            continue
        index = full.index(old_target)
        span = doc.sourcemap.value(attrs["path"] + ("supports", index))
        if span is None or span.line != span.end_line:
            result.problems.append(Message(f"{ref}: no position for supports[{index}] (not from a file)",
                                           f"{ref}: posisi supports[{index}] tidak diketahui (bukan dari berkas)"))
            continue
        fresh = [c for c in cands if c not in full]
        edits.setdefault(doc.file, []).append((span.line, span.column, span.end_column, model.supports[index], ", ".join(fresh), not fresh))
        touched.setdefault(doc.file, set()).add(attrs["doc"])
    sources = {f.file: f for f in ws.files}
    for file, spans in edits.items():
        loaded = sources.get(file)
        source = loaded.read_text() if loaded is not None else None
        if source is None:
            result.problems.append(Message(f"{file}: text not available", f"{file}: teksnya tidak tersedia"))
            continue
        parts = LINE_BREAK.split(source)
        breaks = LINE_BREAK.findall(source)
        count = 0
        for line, start, end, written, text, drop in sorted(spans, reverse=True):
            src = parts[line - 1]
            before, current, after = src[: start - 1], src[start - 1 : end - 1], src[end - 1 :]
            if current.strip("'\"") != written:  # the source map and the text disagree: never guess
                result.problems.append(Message(f"{file}:{line}: expected {written!r} at column {start}; left unchanged",
                                               f"{file}:{line}: {written!r} diharapkan di kolom {start}; tidak diubah"))
                continue
            block = before.rstrip().endswith("-") and not before.rstrip().endswith("[")
            if drop:  # the new target is already listed: the old entry goes
                if block:
                    parts[line - 1] = None  # type: ignore[call-overload]
                else:
                    before2, after2 = before, after
                    if after2.lstrip().startswith(","):
                        after2 = after2.lstrip()[1:].lstrip()
                    elif before2.rstrip().endswith(","):
                        before2 = before2.rstrip()[:-1]
                    parts[line - 1] = before2 + after2
                count += 1
                continue
            quote = current[:1] if current[:1] in "'\"" else ""
            names = text.split(", ")
            if block:
                eol = breaks[line - 1] if line - 1 < len(breaks) else "\n"
                parts[line - 1] = before + quote + names[0] + quote + after + "".join(eol + before + quote + n + quote for n in names[1:])
            else:
                parts[line - 1] = before + ", ".join(quote + n + quote for n in names) + after
            count += 1
        text = "".join((p if p is not None else "") + (breaks[i] if i < len(breaks) and p is not None else "")
                       for i, p in enumerate(parts))
        text = _realign_header(text, ws, touched[file], old, new, wanted)
        result.texts[file] = text
        result.edited[file] = count
        if not dry_run:
            with open(file, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
    return result


def _realign_header(text: str, ws: "Workspace", docs: set[str], old: str, new: str, wanted: dict) -> str:
    """``aligns_to`` of the edited documents: ``new`` in place of ``old`` once nothing names ``old`` any more."""
    for doc_id in docs:
        parsed = ws.parsed[doc_id]
        header = parsed.model.document
        if old not in header.aligns_to or new in header.aligns_to:
            continue
        remaining = False
        for element in parsed.model.elements:
            for item in (element, *element.indicators):
                for ref in item.supports:
                    full = _full(ref, doc_id)
                    if full.startswith(old + ":") and (f"{doc_id}:{item.id}", full) not in wanted:
                        remaining = True
        if remaining:
            continue
        span = parsed.sourcemap.value(("document", "aligns_to", header.aligns_to.index(old)))
        if span is None or span.line != span.end_line:
            continue
        lines = text.split("\n")
        src = lines[span.line - 1]
        if src[span.column - 1 : span.end_column - 1].strip("'\"") == old:
            lines[span.line - 1] = src[: span.column - 1] + src[span.column - 1 : span.end_column - 1].replace(old, new) + src[span.end_column - 1 :]
            text = "\n".join(lines)
    return text
