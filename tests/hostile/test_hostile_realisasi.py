"""Hostile realisasi documents: every problem is a finding at its place, never a traceback or a wrong number."""

from __future__ import annotations

import json
from pathlib import Path

import cascade

PLAN = """\
document:
  id: x.rpjmd-2019
  kind: rpjmd
  title: RPJMD X
  period: {start: 2019, end: 2024}
  region: {code: "35.77"}
elements:
  - id: S1
    kind: sasaran
    name: Sasaran
    indicators:
      - {id: S1.I1, name: Indeks X, unit: indeks, polarity: positive, targets: {2019: 1.0e-300, 2020: 5}}
"""


def test_hostile_realisasi_document(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "real.yaml").write_text(
        "document: {id: x.real, kind: realisasi, for: x.real}\n"  # names itself: not a plan
        "realized: {S1.I1: {2019: 1}}\n", encoding="utf-8")
    (tmp_path / "real2.yaml").write_text(
        "document: {id: x.real2, kind: realisasi, for: x.rpjmd-2019}\n"
        "realized:\n"
        "  S1: {2019: 3}\n"                      # an element, not an indicator
        "  S1.I1: {2019: 1.0e+300, 99999999: 4, 2020: .nan, 2021: {value: {a: 1}}, 2022: {status: x}}\n"
        "pk_targets: {S1.I1: {2020: [1, 2]}}\n", encoding="utf-8")
    ws = cascade.load(str(tmp_path))
    report = ws.validate(as_of=2026)
    got = sorted((Path(f.file).name, f.line, f.code) for f in report if f.file and Path(f.file).name.startswith("real"))
    assert ("real.yaml", 1, "CAS202") in got  # for: names no plan
    assert ("real2.yaml", 3, "CAS202") in got  # S1 is an element
    # {value: {a: 1}}, a mapping without value, a status that is no status: each at its place
    assert {c for n, line, c in got if n == "real2.yaml" and line == 4} >= {"CAS103", "CAS101", "CAS104"}
    assert ("real2.yaml", 5, "CAS103") in got  # a list as a PK target
    table = ws.capaian(as_of=2026)
    row = [r for r in table.rows if r.year == 2019][0]
    assert row.capaian is None and row.note == "implausible"  # 1e300 for a target of 1e-300: CAS703, no capaian (out of range otherwise)
    # a plain .nan is a float (NaN) to every YAML tool: CAS103 at its place, never a text realisasi
    assert [(f.line, f.column, f.message) for f in report if f.code == "CAS103" and f.message.endswith("'.nan'")] == [
        (4, 46, "'2020' must be a finite number, not '.nan'")]
    nan = [r for r in table.rows if r.year == 2020][0]
    assert nan.capaian is None and nan.note == "no realisasi"
    json.loads(table.to_json())  # still valid JSON: no Infinity, no NaN
