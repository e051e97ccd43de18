"""The same file has the same ``file`` whatever the run named: ``cascade lint``, ``cascade lint .``,
``./plan.yaml`` and ``plan.yaml`` gave ``"./plan.yaml"`` and ``"plan.yaml"``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline_support import run

PLAN = """document:
  id: contoh.rpjmd-2025
  kind: rpjmd
  title: RPJMD contoh
  period: {start: 2025, end: 2029}
  region: {code: "33.10"}
elements:
  - {id: T1, kind: tujuan, name: Sehat, parent: X9}
"""


def test_json_file_does_not_depend_on_how_the_path_was_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "plan.yaml").write_text(PLAN, encoding="utf-8")
    files, prints = set(), set()
    for args in ([], ["."], ["./"], ["sub"], ["./sub"], ["sub/plan.yaml"], ["./sub/plan.yaml"], [".//sub/plan.yaml"]):
        _, out, _ = run(["lint", *args, "--select", "CAS202", "--format", "json"], tmp_path, monkeypatch)
        files |= {f["file"] for f in json.loads(out)["findings"]}
        _, out, _ = run(["lint", *args, "--select", "CAS202", "--format", "gitlab"], tmp_path, monkeypatch)
        prints |= {f["fingerprint"] for f in json.loads(out)}
    assert files == {"sub/plan.yaml"}
    assert len(prints) == 1  # fingerprints (and baselines) relate the absolute path: unchanged


def test_a_baseline_written_from_dot_still_matches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    run(["lint", "--select", "CAS202", "--write-baseline", "base.json"], tmp_path, monkeypatch)
    assert json.loads((tmp_path / "base.json").read_text())["findings"][0]["file"] == "plan.yaml"
    code, out, _ = run(["lint", "plan.yaml", "--select", "CAS202", "--baseline", "base.json", "--format", "json"], tmp_path, monkeypatch)
    assert (code, json.loads(out)["findings"]) == (0, [])
