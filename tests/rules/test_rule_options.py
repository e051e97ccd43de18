"""Rule options (CAS4xx, CAS5xx): callers override them per rule name or code; bad values are usage errors."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import cascade
from cascade.core.errors import UsageError

FIXTURES = Path(__file__).parents[1] / "fixtures" / "rules"

JATIM = """\
document:
  id: jatim.rpjmd-2019
  kind: rpjmd
  title: RPJMD Provinsi Jawa Timur 2019-2024
  period: {start: 2020, end: 2024}
  region: {code: "35", name: Jawa Timur}
elements:
  - id: S1
    kind: sasaran
    name: Menurunnya kemiskinan
    indicators:
      - {id: S1.I1, name: Jumlah penduduk miskin, unit: orang, polarity: negative, targets: {2024: 100.0}}
"""

KOTA = """\
document:
  id: kota-madiun.rpjmd-2019
  kind: rpjmd
  title: RPJMD Kota Madiun 2019-2024
  period: {start: 2020, end: 2024}
  region: {code: "35.77", name: Kota Madiun}
  aligns_to: [jatim.rpjmd-2019]
elements:
  - id: S1
    kind: sasaran
    name: Menurunnya kemiskinan
    supports: [jatim.rpjmd-2019:S1]
    indicators:
      - id: S1.I1
        name: Jumlah penduduk miskin
        unit: jiwa
        polarity: negative
        targets: {2024: 120.0}
        supports: [jatim.rpjmd-2019:S1.I1]
      - {id: S1.I2, name: Jumlah penyuluhan gizi, unit: kali}
"""

EXTRA_GROUP = [["%", "persen", "percent", "prosen"], ["orang", "jiwa"]]


def lines(report: cascade.Report, base: Path) -> list[str]:
    return [f"{os.path.relpath(f.file, base)}:{f.line}:{f.column}: {f.code} {f.ref}" for f in report]


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "jatim.yaml").write_text(JATIM)
    (tmp_path / "kota.yaml").write_text(KOTA)
    return tmp_path


def test_weak_target_ratio_override_by_name() -> None:
    case = FIXTURES / "CAS405" / "fail"
    assert lines(cascade.load(str(case)).validate(select=["CAS405"]), case) != []
    report = cascade.load(str(case)).validate(select=["CAS405"], options={"weak-target": {"ratio": 0.8}})
    assert lines(report, case) == []


def test_weak_target_ratio_override_by_code() -> None:
    case = FIXTURES / "CAS405" / "pass"
    report = cascade.load(str(case)).validate(select=["weak-target"], options={"CAS405": {"ratio": 0.99}})
    assert lines(report, case) == [
        "jatim.yaml:18:53: CAS405 jatim.rpjmd-2019:S1.I1",
        "jatim.yaml:30:25: CAS405 jatim.rpjmd-2019:S2.I1",
        "jatim.yaml:30:36: CAS405 jatim.rpjmd-2019:S2.I1",
        "jatim.yaml:33:75: CAS405 jatim.rpjmd-2019:S2.I2",
        "jatim.yaml:33:87: CAS405 jatim.rpjmd-2019:S2.I2",
    ]
    assert report.findings[0].message == (
        "the 2024 target 68 is below 99% of the 2024 target 75.54 of rpjmn-2020:PN3.I1"
        " (at least 74.7846; higher is better, read from the name 'pembangunan manusia')"
    )


def test_extra_equivalent_unit_group(workspace: Path) -> None:
    default = cascade.load(str(workspace)).validate(select=["CAS402", "CAS405"])
    assert lines(default, workspace) == ["kota.yaml:16:15: CAS402 kota-madiun.rpjmd-2019:S1.I1"]
    # with orang = jiwa the units agree, and the targets become comparable: 120 > 100 / 0.9
    report = cascade.load(str(workspace)).validate(
        select=["CAS402", "CAS405"], options={"unit-mismatch": {"equivalent_units": EXTRA_GROUP}}
    )
    assert lines(report, workspace) == ["kota.yaml:18:25: CAS405 kota-madiun.rpjmd-2019:S1.I1"]
    assert report.findings[0].localized("id") == (
        "target 2024 sebesar 120 melebihi target 2024 sebesar 100 pada jatim.rpjmd-2019:S1.I1 lebih dari yang "
        "dibolehkan aturan 90% untuk indikator makin rendah makin baik (paling banyak 111.111)"
    )


def test_process_words_override(workspace: Path) -> None:
    assert lines(cascade.load(str(workspace)).validate(select=["CAS507"]), workspace) == []
    report = cascade.load(str(workspace)).validate(select=["CAS507"], options={"process-indicator": {"process_words": ["penyuluhan"]}})
    assert lines(report, workspace) == ["kota.yaml:20:27: CAS507 kota-madiun.rpjmd-2019:S1.I2"]
    assert report.findings[0].message == (
        "'Jumlah penyuluhan gizi' counts an activity or a document ('penyuluhan'), not a result, at the sasaran level"
    )


def test_name_units_override(workspace: Path) -> None:
    table = [{"starts": ["Jumlah"], "allow": ["orang", "jiwa"]}]
    report = cascade.load(str(workspace)).validate(select=["CAS508"], options={"unit-name-mismatch": {"name_units": table}})
    assert lines(report, workspace) == ["kota.yaml:20:57: CAS508 kota-madiun.rpjmd-2019:S1.I2"]


@pytest.mark.parametrize(
    "options",
    [
        {"weak-target": {"ratio": 1.5}},
        {"weak-target": {"ratio": "0.9"}},
        {"unit-mismatch": {"equivalent_units": ["%", "persen"]}},
        {"process-indicator": {"process_words": "rapat"}},
        {"unit-name-mismatch": {"name_units": [{"starts": ["Jumlah"]}]}},
        {"polarity-name-hint": {"negative_words": [1, 2]}},
    ],
)
def test_bad_option_values_are_usage_errors(workspace: Path, options: dict) -> None:
    with pytest.raises(UsageError):
        cascade.load(str(workspace)).validate(select=["CAS4", "CAS5"], options=options)


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_messages_render_in_both_languages() -> None:
    """Every finding of the fail fixtures renders completely in English and Indonesian, without Python reprs."""
    seen = set()
    for case in sorted(FIXTURES.glob("CAS[456]*/fail*")):
        for f in cascade.load(str(case)).validate(select=[case.parent.name]):
            for lang in ("en", "id"):
                text = f.localized(lang)
                assert not _PLACEHOLDER.search(text), text
                assert "Range(" not in text and "None" not in text and "[" not in text, text
            assert f.localized("en") != f.localized("id")
            seen.add(f.code)
    assert seen == {p.parent.name for p in FIXTURES.glob("CAS[456]*/fail*")}
