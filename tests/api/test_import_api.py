"""``cascade.import_table``: the import of ``cascade import`` in the public API (a planner found it only
as the internal ``cascade.read.tableimport.import_table``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import cascade

DINSOS = Path(__file__).resolve().parents[2] / "examples" / "defects" / "klaten" / "dinsos"


def test_a_table_with_its_sidecar_becomes_yaml_that_loads(tmp_path: Path) -> None:
    written, findings = cascade.import_table(DINSOS / "lkjip-2025.csv", tmp_path / "out")
    assert [Path(w).name for w in written] == ["klaten.dinsos.lkjip-2025.yaml"]
    assert [f.code for f in findings] == []
    text = Path(written[0]).read_text(encoding="utf-8")
    assert "kind: realisasi" in text and 'for: "klaten.dinsos.renstra-2025"' in text


def test_a_table_without_sidecar_or_document_writes_nothing(tmp_path: Path) -> None:
    shutil.copy(DINSOS / "lkjip-2025.csv", tmp_path / "lkjip.csv")
    with pytest.raises(cascade.MissingSidecarError) as err:
        cascade.import_table(tmp_path / "lkjip.csv", tmp_path / "out")
    assert err.value.sidecar == str(tmp_path / "lkjip.cascade.yaml")
    assert not (tmp_path / "out").exists()
    with pytest.raises(cascade.UsageError, match="path must be a path"):
        cascade.import_table(3, tmp_path / "out")
    with pytest.raises(cascade.UsageError, match="document must be a mapping"):
        cascade.import_table(tmp_path / "lkjip.csv", tmp_path / "out", document="kota")
