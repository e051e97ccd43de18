"""The SAKIP scores the README quotes are the ones `cascade sakip` gives (they drifted once: the
README said AA and B after the realisasi example had made them BB and C)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import cascade

ROOT = Path(__file__).resolve().parents[2]
README = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


def _quoted(pattern: str) -> tuple[float, str]:
    found = re.search(pattern, README)
    assert found, pattern
    return float(found.group(1)), found.group(2)


def _score(path: Path) -> tuple[float, str]:
    result = cascade.load(str(path)).sakip()
    return result.total_score, result.predikat


def test_readme_scores_are_the_commands(tmp_path: Path) -> None:
    assert _score(ROOT / "specs") == _quoted(r"The clean `specs/` gives ([\d.]+) \((\w+)\)")
    assert _score(ROOT / "examples" / "defects") == _quoted(r"`examples/defects` gives ([\d.]+) \((\w+)\)")
    weight = re.search(r"over the ([\d.]+) of 100 weight points", README)
    assert weight and round(cascade.load(str(ROOT / "specs")).sakip().assessed_weight, 2) == float(weight.group(1))
    # the realisasi is what holds the clean example down, as the README explains
    plans = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", plans)
    (plans / "kota-madiun" / "realisasi-2024.yaml").unlink()
    assert _score(plans) == _quoted(r"the same plans give ([\d.]+) \((\w+)\)")
    clean = cascade.load(str(ROOT / "specs")).sakip()
    answers = {c.id: c.answer for c in clean.criteria}
    assert (answers["perencanaan.3.3"], answers["perencanaan.3.4"], answers["pengukuran.2.4"], answers["pengukuran.2.5"]) == ("B", "E", "E", "E")
