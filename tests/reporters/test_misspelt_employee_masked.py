"""An employee under a misspelt key (``pegawai:``, ``Employee:``) is masked in every output that
quotes source text: the excerpt of the CAS102 finding on that key showed the name in clear."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline_support import run

SKP = """document:
  id: contoh.skp-2026
  kind: skp
  title: SKP contoh
  period: {{start: 2026, end: 2026}}
  region: {{code: "33.10"}}
  agency: {{name: Dinas Contoh}}
elements:
  - id: RHK-01
    kind: rhk
    name: Terlaksananya pelayanan perizinan
    {key}: {{nip: "000000000000000042", name: Budi Santoso Rahardjo, unit: KADIN}}
"""


@pytest.mark.parametrize("key", ["pegawai", "Employee"])
def test_full_excerpt_masks_the_name_under_a_misspelt_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    (tmp_path / "skp.yaml").write_text(SKP.format(key=key), encoding="utf-8")
    code, out, _ = run(["lint", "skp.yaml", "--select", "CAS102", "--format", "full", "--lang", "en"], tmp_path, monkeypatch)
    assert f"    {key}: {{nip: \"••••••••••••••••••\", name: •••• ••••••• ••••••••, unit: •••••}}" in out
    assert "Budi" not in out and "KADIN" not in out and "0042" not in out
    code, out, _ = run(["lint", "skp.yaml", "--select", "CAS102", "--format", "full", "--lang", "en", "--show-personal"],
                       tmp_path, monkeypatch)
    assert "name: Budi Santoso Rahardjo" in out
    code, out, _ = run(["lint", "skp.yaml", "--format", "json"], tmp_path, monkeypatch)
    assert "Budi" not in out and [f["code"] for f in json.loads(out)["findings"]].count("CAS102") == 1
