"""ws.capaian(), ws.capaian_rollup(), ws.lkjip(): realisasi inline and in a realisasi document give the
same rows and findings; as_of pins the years; the LKjIP examples reproduce their printed capaian."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import cascade
from cascade.core.models import Range

PLAN = """\
document:
  id: contoh.rpjmd-2019
  kind: rpjmd
  title: RPJMD Kota Contoh 2019-2024
  period: {start: 2019, end: 2024}
  region: {code: "35.77", name: Kota Madiun}
elements:
  - id: S1
    kind: sasaran
    name: Meningkatnya derajat kesehatan masyarakat
    indicators:
      - id: S1.I1
        name: Angka Kematian Bayi
        unit: per 1.000 kelahiran hidup
        polarity: negative
        targets: {2015: 32, 2016: {max: 49}, 2017: 0.35}
%(akb)s
      - id: S1.I2
        name: Persentase desa berstatus mandiri
        unit: "%%"
        polarity: positive
        targets: {2015: 80, 2016: 80, 2017: 80}
%(desa)s
  - id: P1
    kind: program
    name: Program Pemberdayaan Desa
    parent: S1
    indicators:
      - id: P1.I1
        name: Jumlah desa yang didampingi
        unit: desa
        polarity: positive
        supports: S1.I2
        targets: {2016: 20}
%(p1)s
"""

INLINE = {
    "akb": "        realized: {2015: 4.88, 2016: 56.23, 2017: {value: 0.43, status: preliminary, source: Dinkes}}",
    "desa": "        realized: {2015: 40, 2016: 48}",
    "p1": "        realized: {2016: 25}",
}

SPLIT = """\
document: {id: contoh.realisasi-2017, kind: realisasi, for: contoh.rpjmd-2019}
realized:
  S1.I1:
    2015: 4.88
    2016: 56.23
    2017: {value: 0.43, status: preliminary, source: Dinkes}
  contoh.rpjmd-2019:S1.I2: {2015: 40, 2016: 48}
  P1.I1: {2016: 25}
"""


def _inline(tmp_path: Path) -> Path:
    d = tmp_path / "inline"
    d.mkdir()
    (d / "rpjmd.yaml").write_text(PLAN % INLINE, encoding="utf-8")
    return d


def _split(tmp_path: Path) -> Path:
    d = tmp_path / "split"
    d.mkdir()
    (d / "rpjmd.yaml").write_text(PLAN % {"akb": "", "desa": "", "p1": ""}, encoding="utf-8")
    (d / "realisasi.yaml").write_text(SPLIT, encoding="utf-8")
    return d


def test_capaian_rows_reproduce_the_lkjip_examples(tmp_path: Path) -> None:
    table = cascade.load(str(_inline(tmp_path))).capaian(as_of=2018)
    got = {(r.ref.split(":")[1], r.year): (r.capaian, r.category) for r in table.rows}
    assert got == {
        ("S1.I1", 2015): (184.75, "sangat tinggi"),  # AKB 32 -> 4.88
        ("S1.I1", 2016): (85.24, "tinggi"),  # DBD < 49 -> 56.23
        ("S1.I1", 2017): (77.14, "tinggi"),  # malaria 0.35 -> 0.43
        ("S1.I2", 2015): (50.0, "sangat rendah"),
        ("S1.I2", 2016): (60.0, "rendah"),
        ("S1.I2", 2017): (None, None),  # a target and no realisasi: no capaian, with a note
        ("P1.I1", 2016): (125.0, "sangat tinggi"),
    }
    row = [r for r in table.rows if r.ref.endswith("S1.I2") and r.year == 2017][0]
    assert row.note == "no realisasi" and row.realized is None
    dbd = [r for r in table.rows if r.ref.endswith("S1.I1") and r.year == 2016][0]
    assert dbd.target == Range(max=49) and dbd.note == "against max 49"


def test_inline_and_document_give_the_same_rows_and_findings(tmp_path: Path) -> None:
    a, b = cascade.load(str(_inline(tmp_path))), cascade.load(str(_split(tmp_path)))
    assert a.capaian(as_of=2018).rows == b.capaian(as_of=2018).rows
    ra, rb = a.validate(select=["CAS7"], as_of=2018), b.validate(select=["CAS7"], as_of=2018)
    assert sorted((f.code, f.ref, f.message) for f in ra) == sorted((f.code, f.ref, f.message) for f in rb)
    assert sorted(f.code for f in ra) == ["CAS701", "CAS702", "CAS702", "CAS704"]
    # each finding stands where its value is written
    low = [f for f in rb if f.code == "CAS702" and f.ref.endswith("S1.I2")][0]
    assert Path(low.file).name == "realisasi.yaml" and (low.line, low.column) == (7, 35)
    low = [f for f in ra if f.code == "CAS702" and f.ref.endswith("S1.I2")][0]
    assert Path(low.file).name == "rpjmd.yaml" and low.line == 23


def test_as_of_decides_the_years(tmp_path: Path) -> None:
    ws = cascade.load(str(_inline(tmp_path)))
    assert {r.year for r in ws.capaian(as_of=2016).rows} == {2015, 2016}
    assert ws.capaian(as_of=2016).as_of == 2016
    assert {r.year for r in ws.capaian(year=2015, as_of=2030).rows} == {2015}
    # CAS701 looks at years up to as_of - 1 only
    assert not ws.validate(select=["CAS701"], as_of=2017)
    assert [f.message for f in ws.validate(select=["CAS701"], as_of=2018)] == [
        "indicator 'Persentase desa berstatus mandiri' has a target and no realisasi for 2017"]
    with pytest.raises(cascade.UsageError):
        ws.capaian(as_of="2020")


def test_formula_option_and_per_indicator(tmp_path: Path) -> None:
    ws = cascade.load(str(_inline(tmp_path)))
    sipd = ws.capaian(year=2015, as_of=2018, options={"low-achievement": {"formula": "sipd"}})
    akb = [r for r in sipd.rows if r.ref.endswith("S1.I1")][0]
    assert akb.capaian == 655.74  # 32 / 4.88 x 100


def test_plans_without_realisasi_have_no_rows_and_no_new_findings() -> None:
    ws = cascade.load(str(Path(__file__).resolve().parents[2] / "specs" / "jatim"))
    assert ws.capaian(as_of=2026).rows == ()
    assert not ws.validate(select=["CAS7"], as_of=2026)


def test_json_rows_have_exactly_the_contract_fields(tmp_path: Path) -> None:
    data = json.loads(cascade.load(str(_split(tmp_path))).capaian(year=2016, as_of=2018).to_json())
    assert list(data) == ["version", "as_of", "rows"] and data["version"] == 1 and data["as_of"] == 2018
    assert data["rows"][0] == {
        "ref": "contoh.rpjmd-2019:S1.I1", "document": "contoh.rpjmd-2019", "tier": data["rows"][0]["tier"], "year": 2016,
        "target": {"min": None, "max": 49.0}, "realized": 56.23, "capaian": 85.24, "category": "tinggi",
        "polarity": "negative", "polarity_source": "declared", "status": "final", "source": None, "note": "against max 49",
    }


def test_rollup_keeps_measured_apart_from_below(tmp_path: Path) -> None:
    rows = cascade.load(str(_inline(tmp_path))).capaian_rollup(as_of=2018)
    s1 = {r.year: r for r in rows if r.ref == "contoh.rpjmd-2019:S1"}
    assert s1[2016].measured == round((85.24 + 60.0) / 2, 2)
    assert (s1[2016].below_mean, s1[2016].below_min, s1[2016].below_count) == (125.0, 125.0, 1)
    assert s1[2015].below_mean is None and s1[2015].below_count == 0  # nothing invented below


def test_lkjip_table_compares_with_previous_years_and_the_final_target(tmp_path: Path) -> None:
    rows = cascade.load(str(_inline(tmp_path))).lkjip(2016, as_of=2018)
    desa = [r for r in rows if r.ref.endswith("S1.I2")][0]
    assert desa.previous == ((2015, 40.0, 50.0),) and desa.final_target == 80.0 and desa.capaian == 60.0
    assert desa.sasaran == "contoh.rpjmd-2019:S1"


def test_to_pandas(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    df = cascade.load(str(_inline(tmp_path))).capaian(as_of=2018).to_pandas()
    assert list(df.columns)[:13] == ["ref", "document", "tier", "year", "target", "realized", "capaian", "category",
                                     "polarity", "polarity_source", "status", "source", "note"]
    assert df.loc[df["year"] == 2016, "target"].iloc[0] == "<= 49"


def test_bad_realisasi_document_is_findings_not_a_crash(tmp_path: Path) -> None:
    d = _split(tmp_path)
    (d / "realisasi.yaml").write_text(textwrap.dedent("""\
        document: {id: contoh.realisasi-x, kind: realisasi, for: contoh.rpjmd-2091}
        realized:
          S1.I1: {2015: "4,88", 2016: [1]}
        catatan: x
        """), encoding="utf-8")
    report = cascade.load(str(d)).validate(as_of=2018)
    got = [(f.code, f.line, f.column, f.message) for f in report if Path(f.file).name == "realisasi.yaml"]
    assert got == [
        ("CAS202", 1, 58, "for 'contoh.rpjmd-2091' names nothing; did you mean 'contoh.rpjmd-2019'?"),
        ("CAS103", 3, 17, "'2015: 4,88' is not a number cascade will guess; write 4.88"),
        ("CAS103", 3, 31, "'2016' must be a number, a text or {value, status, source}, not a list"),
        ("CAS102", 4, 1, "unknown field 'catatan' (allowed: document, pk_targets, realized, rows)"),
    ]


def test_masked_nip_in_source(tmp_path: Path) -> None:
    d = _split(tmp_path)
    text = SPLIT.replace("source: Dinkes", "source: diverifikasi 197001011990031001")
    (d / "realisasi.yaml").write_text(text, encoding="utf-8")
    data = cascade.load(str(d)).capaian(year=2017, as_of=2018).to_json()
    assert "197001011990031001" not in data and "1970" in data
    shown = cascade.load(str(d), show_personal=True).capaian(year=2017, as_of=2018).to_json()
    assert "197001011990031001" in shown


def test_a_realisasi_linted_without_its_plan_names_an_external_plan(tmp_path: Path) -> None:
    """A pre-commit run on the changed files lints specs' realisasi alone (or with the dinkes
    renstra): its ``for: kota-madiun.rpjmd-2019`` was CAS202 "names nothing", though an absent plan
    is external everywhere else. A typo or another period of a plan that is there is still reported."""
    specs = Path(__file__).parents[2] / "specs"
    realisasi = specs / "kota-madiun" / "realisasi-2024.yaml"
    assert list(cascade.load(str(realisasi)).validate()) == []
    assert list(cascade.load([str(realisasi), str(specs / "kota-madiun" / "dinkes")]).validate(select=["CAS2"])) == []
    for typo, hint in (("kota-madiun.rpjmd-2091", "kota-madiun.rpjmd-2019"), ("kota-madiun.rpjm-2019", "kota-madiun.rpjmd-2019")):
        moved = tmp_path / typo / "realisasi-2024.yaml"
        moved.parent.mkdir()
        moved.write_text(realisasi.read_text(encoding="utf-8").replace("for: kota-madiun.rpjmd-2019", f"for: {typo}"), encoding="utf-8")
        report = cascade.load([str(moved), str(specs / "kota-madiun" / "rpjmd-2019.yaml")]).validate(select=["CAS202"])
        assert [(f.code, f.line, f.column, f.message) for f in report] == [
            ("CAS202", 18, 8, f"for '{typo}' names nothing; did you mean '{hint}'?")]


def test_notebook_view_is_indonesian_by_default_english_on_request_and_outlines_nips(tmp_path: Path) -> None:
    d = tmp_path / "nip"
    d.mkdir()
    plan = (PLAN % INLINE).replace("name: Persentase desa berstatus mandiri",
                                   "name: Persentase desa mandiri binaan NIP 198001012005011001")
    (d / "rpjmd.yaml").write_text(plan, encoding="utf-8")
    table = cascade.load(str(d)).capaian(as_of=2018)
    page = table._repr_html_()
    assert page.startswith("<p>Capaian kinerja per 2018: 3 indikator, 7 baris</p>")
    assert table.to_html("en").startswith("<p>Capaian as of 2018: 3 indicators, 7 rows</p>")
    assert "198001012005011001" not in page and "NIP 1980••••••••••1001" in page
    shown = cascade.load(str(d), show_personal=True).capaian(as_of=2018)._repr_html_()
    assert "NIP 198001012005011001" in shown
