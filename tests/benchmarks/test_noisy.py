"""benchmarks/noisy.py: a generated workspace with distinct names and no written polarity, as real
plans are; its findings are those the clean original does not have (CAS514 on every indicator whose
name says nothing of its polarity), and nothing else changes."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import cascade  # noqa: E402
from benchmarks.generate import generate_workspace  # noqa: E402
from benchmarks.noisy import main  # noqa: E402
from cascade.validate import validate  # noqa: E402


def _names_and_polarities(folder: Path) -> tuple[Counter, int]:
    names: Counter = Counter()
    polarities = 0

    def walk(node) -> None:
        nonlocal polarities
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "name" and isinstance(value, str):
                    names[value] += 1
                polarities += key == "polarity"
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted(folder.rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return names, polarities


def test_names_become_distinct_and_polarity_goes(tmp_path: Path, capsys) -> None:
    clean = tmp_path / "clean"
    generate_workspace(str(clean), elements=400, seed=1)
    names, polarities = _names_and_polarities(clean)
    assert polarities > 0 and max(names.values()) > 1
    assert main([str(clean), str(tmp_path / "noisy")]) == 0
    assert "names made distinct" in capsys.readouterr().out
    noisy_names, noisy_polarities = _names_and_polarities(tmp_path / "noisy")
    assert noisy_polarities == 0
    # block-style names get a number each; the flow-style region and agency names stay as they were
    assert sum(noisy_names.values()) == sum(names.values())
    assert [n for n, c in noisy_names.items() if c > 1] == [n for n, c in names.items() if c > 1 and n in noisy_names]
    before = validate(cascade.load(str(clean)))
    after = validate(cascade.load(str(tmp_path / "noisy")))
    assert len(before) == 0
    assert len(after) > 0 and {f.code for f in after} <= {"CAS514", "CAS505", "CAS509", "CAS403", "CAS405", "CAS406", "CAS512"}
