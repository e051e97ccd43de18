"""Spans reused after a one-line edit (the incremental engine's source maps) equal a full positions pass.

``reuse_positions`` either gives exactly the spans ``_positions`` gives for the new text, or None
(the caller then makes the full pass). Checked on every line of real-shaped plan files (the Kota
Madiun examples and a generated renstra) under edits that keep the line's structure (numbers,
names, references typed over) and edits that change it (a key renamed, a block scalar, an anchor,
an unclosed quote, a value moved to the next line, a comment), and inside a multi-line flow
collection, where a line read alone would mislead.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.generate import generate_workspace  # noqa: E402
from cascade.read.loader import DEFAULT_LIMITS, _positions, reuse_positions  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

EDITS = [
    lambda v: re.sub(r"\d+(\.\d+)?", "99", v, count=1),  # a number typed over
    lambda v: v + " baru",  # a name extended
    lambda v: v.replace("]", ", X.1]", 1),  # a reference added
    lambda v: v[:-1] if len(v) > 1 else v,  # a character deleted
    lambda v: '"unclosed',
    lambda v: "|",
    lambda v: "&a " + v,
    lambda v: "",  # the value moved off the line
    lambda v: v + "  # komentar",
    lambda v: "{a: 1, b: [2, 3]}",
    lambda v: "x: y",
]


def _cases():
    specs = sorted((ROOT / "specs").rglob("*.yaml"))
    return [pytest.param(p, id=str(p.relative_to(ROOT))) for p in specs[:4]]


def _check(text: str, rng: random.Random, tries: int) -> tuple[int, int]:
    values, keys = _positions(text, DEFAULT_LIMITS)
    lines = text.split("\n")
    reused = declined = 0
    candidates = [i for i, l in enumerate(lines) if ": " in l or l.rstrip().endswith(":")]
    for i in rng.sample(candidates, min(tries, len(candidates))):
        head, sep, value = lines[i].partition(": ")
        for edit in EDITS:
            new_line = head + sep + edit(value) if sep else lines[i] + " " + edit("v")
            if rng.random() < 0.1:  # a key renamed
                new_line = new_line.replace(head.strip(), head.strip() + "x", 1)
            new = "\n".join(lines[:i] + [new_line] + lines[i + 1:])
            if new == text:
                continue
            got = reuse_positions(values, keys, text, new, DEFAULT_LIMITS)
            if got is None:
                declined += 1
                continue
            try:
                want = _positions(new, DEFAULT_LIMITS)
            except Exception:  # noqa: BLE001 - the full pass restarts (or the text is broken): reuse must have declined
                pytest.fail(f"line {i + 1}: reused spans for a text the full pass cannot read: {new_line!r}")
            assert got == want, f"line {i + 1}: {lines[i]!r} -> {new_line!r}"
            reused += 1
    return reused, declined


@pytest.mark.parametrize("path", _cases())
def test_reuse_equals_the_full_pass_on_the_examples(path):
    reused, _ = _check(path.read_text(encoding="utf-8"), random.Random(str(path)), 30)
    assert reused > 0


def test_reuse_equals_the_full_pass_on_a_generated_renstra(tmp_path):
    generate_workspace(str(tmp_path / "ws"), elements=400, seed=3, defects=4)
    renstra = next((tmp_path / "ws").rglob("renstra-*.yaml"))
    reused, declined = _check(renstra.read_text(encoding="utf-8"), random.Random(3), 80)
    assert reused > 50 and declined > 50


def test_a_line_inside_a_multi_line_flow_collection_is_not_reused():
    text = "a:\n  b: {x: 1,\n     y: 2}\n  c: 3\n"
    values, keys = _positions(text, DEFAULT_LIMITS)
    new = text.replace("y: 2", "y: 22")
    assert reuse_positions(values, keys, text, new, DEFAULT_LIMITS) is None


def test_an_id_line_and_a_changed_line_count_are_not_reused():
    text = "elements:\n  - id: A\n    name: n\n  - id: B\n    name: m\n"
    values, keys = _positions(text, DEFAULT_LIMITS)
    assert reuse_positions(values, keys, text, text.replace("id: A", "id: AA"), DEFAULT_LIMITS) is None
    assert reuse_positions(values, keys, text, text + "\n", DEFAULT_LIMITS) is None
    got = reuse_positions(values, keys, text, text.replace("name: n", "name: nnn"), DEFAULT_LIMITS)
    assert got == _positions(text.replace("name: n", "name: nnn"), DEFAULT_LIMITS)
