"""``sakip-answers.yaml``: a planning team's own answers to the criteria the documents cannot decide.

The file maps a criterion id to an answer, with an optional note::

    perencanaan.1.1: {answer: Y, note: "Perwali 12/2022 tentang pedoman perencanaan kinerja"}
    pelaporan.1.1: Y

It is hostile input like every file of a plan repository: read with the plan files' limits (a
smaller size cap), and every bad entry is a finding with its position (CAS0xx for the YAML, CAS102
for an unknown criterion or key, CAS103 for a wrong type, CAS104 for an answer off the scale),
never an exception. Bad entries are skipped; the good ones are used. The name is reserved: plan
discovery never reads it as a plan.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from typing import Any

from ..core.findings import Finding
from ..read.loader import Limits, read_file
from ..rules.catalog import make_finding
from .catalogue import Catalogue, catalogue

__all__ = ["ANSWERS_FILE", "ANSWER_LIMITS", "read_answers", "find_answers", "check_answers", "answers_of_mapping",
           "unusable_answers"]

ANSWERS_FILE = "sakip-answers.yaml"
#: Limits of the answers file: 80 criteria with notes fit in far less than 256 KiB.
ANSWER_LIMITS = Limits(max_file_bytes=256 * 1024, max_depth=8, max_nodes=20_000, max_line_length=4_096)
NOTE_MAX = 1_000


def find_answers(paths: list[str]) -> str | None:
    """The ``sakip-answers.yaml`` beside (or inside) the first path that has one."""
    for p in paths:
        folder = p if os.path.isdir(p) else os.path.dirname(os.path.abspath(p))
        cand = os.path.join(folder, ANSWERS_FILE)
        if os.path.isfile(cand):
            return cand
    return None


def unusable_answers(path: str, file: str | None = None) -> list[Finding]:
    """The findings that make the answers file at ``path`` unusable as a whole: it cannot be read (a
    folder, too large, not UTF-8), is not YAML, or is not a mapping. Empty when it can be used (bad
    entries are skipped one by one, :func:`read_answers`); an empty file is no answers, not an error."""
    file = file or path
    loaded = read_file(path, file, ANSWER_LIMITS)
    if loaded.data is None:
        return list(loaded.findings)
    if not isinstance(loaded.data, dict):
        return read_answers(path, file)[1]
    return []


def read_answers(path: str, file: str | None = None, cat: Catalogue | None = None) -> tuple[dict[str, tuple[str, str | None]], list[Finding]]:
    """The answers of ``path`` (criterion id -> (answer, note)) and the findings about its bad entries."""
    cat = cat or catalogue()
    file = file or path
    loaded = read_file(path, file, ANSWER_LIMITS)
    findings = list(loaded.findings)
    data = loaded.data
    if data is None:
        return {}, findings
    sm = loaded.sourcemap

    def at(code: str, variant: str, p: tuple, key: bool = False, **args: Any) -> None:
        span, pointer = sm.locate(p, key=key)
        findings.append(make_finding(code, variant, file=file, span=span, pointer=pointer, **args))

    return check_answers(data, at, cat), findings


def answers_of_mapping(data: Any, file: str = "<answers>", cat: Catalogue | None = None) -> tuple[dict[str, tuple[str, str | None]], list[Finding]]:
    """The answers of a mapping given from Python (criterion id -> ``(answer, note)``, an answer, or
    ``{answer, note}``) and a finding for each bad entry, as :func:`read_answers` gives for the file:
    placed by JSON pointer (a mapping has no lines) in ``file``."""
    from ..core.sourcemap import pointer

    findings: list[Finding] = []

    def at(code: str, variant: str, p: tuple, key: bool = False, **args: Any) -> None:
        findings.append(make_finding(code, variant, file=file, pointer=pointer(p), **args))

    return check_answers(data, at, cat), findings


def check_answers(data: Any, at: Any, cat: Catalogue | None = None) -> dict[str, tuple[str, str | None]]:
    """The good answers of ``data`` (criterion id -> (answer, note)); ``at(code, variant, path,
    key=False, **args)`` records a finding for each bad entry, placed at ``path`` (a tuple of keys).

    One check serves the answers file and the mapping given to :meth:`cascade.Cascade.sakip`. An
    entry is an answer (``Y``), a mapping ``{answer, note}`` or, from Python, a pair ``(answer, note)``.
    """
    cat = cat or catalogue()
    if not isinstance(data, Mapping):
        at("CAS103", "default", (), field="sakip-answers", expected="a mapping of criterion id to answer",
           expected_id="mapping id kriteria ke jawaban", got=type(data).__name__)
        return {}
    out: dict[str, tuple[str, str | None]] = {}
    ids = [c.id for c in cat.criteria()]
    for key, raw in data.items():
        cid = str(key)
        crit = cat.criterion(cid)
        if crit is None:
            close = difflib.get_close_matches(cid, ids, n=1)
            if close:
                at("CAS102", "hint", (key,), key=True, field=cid[:80], hint=close[0])
            else:
                at("CAS102", "default", (key,), key=True, field=cid[:80], allowed="criterion ids such as perencanaan.1.1")
            continue
        note = None
        if isinstance(raw, Mapping):
            extra = [k for k in raw if k not in ("answer", "note")]
            for k in extra:
                at("CAS102", "default", (key, k), key=True, field=str(k)[:80], allowed="answer, note")
            note = _note(raw.get("note"), (key, "note"), at)
            if "answer" not in raw:
                at("CAS101", "default", (key,), field="answer")
                continue
            answer, apath = raw.get("answer"), (key, "answer")
        elif isinstance(raw, (tuple, list)):
            if len(raw) != 2:
                at("CAS103", "default", (key,), field=cid[:80], expected="an answer or a pair (answer, note)",
                   expected_id="jawaban atau pasangan (jawaban, catatan)", got=f"{type(raw).__name__} of {len(raw)}")
                continue
            answer, apath, note = raw[0], (key, 0), _note(raw[1], (key, 1), at)
        else:
            answer, apath = raw, (key,)
        allowed = ("Y", "T") if crit.scale == "Y/T" else ("A", "B", "C", "D", "E")
        if not isinstance(answer, str) or answer.strip().upper() not in allowed:
            at("CAS104", "choice", apath, field=f"{cid}.answer", value=repr(answer)[:40], allowed=", ".join(allowed))
            continue
        out[cid] = (answer.strip().upper(), note[:NOTE_MAX] if note else None)
    return out


def _note(note: Any, path: tuple, at: Any) -> str | None:
    if note is not None and not isinstance(note, str):
        at("CAS103", "default", path, field="note", expected="text", expected_id="teks", got=type(note).__name__)
        return None
    return note
