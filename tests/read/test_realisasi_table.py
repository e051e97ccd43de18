"""Realisasi tables (``layout: realisasi``): LKjIP "Pengukuran Kinerja" tables read into a realisasi
document whose rows name indicators as printed, matched to the plan when the graph is built.

The real tables are written by tests/fixtures/tables/make_tables.py (its comments name the sources):
Manggarai Timur LKjIP 2019 Tabel 3.8, Dumai LKjIP 2016 Tabel 3.21, Lampung LKj 2016 (values real, layout
illustrative). The hostile table below is illustrative, built in the published layout.
"""

from __future__ import annotations

import io
import json
import runpy
import shutil
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

import cascade
from cascade.cli.commands import main
from cascade.read.tableimport import import_table
from cascade.review.pipeline import lint

TABLES = Path(__file__).parents[1] / "fixtures" / "tables"
REAL = TABLES / "realisasi"
MANGGARAI = REAL / "manggarai-timur"
DUMAI = REAL / "dumai"
LAMPUNG = REAL / "lampung"


def where(report, codes=("CAS0", "CAS2", "CAS7")) -> list[tuple]:
    return [(f.code, f.variant, f.ref, f.line, f.column, f.cell) for f in report if f.code.startswith(codes)]


def key(report) -> list[tuple]:
    return sorted((f.code, f.ref, f.severity.value, f.message) for f in report)


def test_the_generator_writes_the_committed_tables(tmp_path: Path) -> None:
    runpy.run_path(str(TABLES / "make_tables.py"), run_name="make")["realisasi_tables"](str(tmp_path))
    for folder in ("manggarai-timur", "dumai", "lampung"):
        [made] = (tmp_path / "realisasi" / folder).glob("*.xlsx")
        a = openpyxl.load_workbook(made).active
        b = openpyxl.load_workbook(REAL / folder / made.name).active
        assert [[c.value for c in r] for r in a.iter_rows()] == [[c.value for c in r] for r in b.iter_rows()]
        assert sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))


# ------------------------------------------------------------------ the real tables


def test_manggarai_timur_tabel_3_8_rows_and_its_garbled_row() -> None:
    ws = cascade.load(str(MANGGARAI))
    rows = ws.graph.graph["realisasi_docs"]["manggarai-timur.realisasi-2019"].model.rows
    assert [(r.indicator, r.targets, {y: v.value for y, v in r.realized.items()}, r.capaian[2019]) for r in rows] == [
        ("Angka Kematian Ibu per 100.000KH", {2019: 0.16}, {2019: 0.19}, 87.1),
        ("Angka Kematian Bayi per 1.000KH", {2019: 9.2}, {2019: 9.53}, 96.54),
        ("Angka Kematian Balita per 1.000KH", {2019: 0.64}, {2019: 0.18}, 72.52),
    ]
    # "Capaian Kinerja Tahun" over 2015-2018 (two header rows, merged): the printed capaian of those years
    assert rows[1].capaian == {2015: 8.49, 2016: 8.17, 2017: 8.17, 2018: 8.1, 2019: 96.54}
    # the average row (Rata-rata Capaian Kinerja) is no indicator row; the plan's indicators got the values
    assert [r.ref for r in ws.capaian(as_of=2026).rows] == [f"manggarai-timur.rpjmd-2016:S5.I{i}" for i in (1, 2, 3)]
    report = ws.validate(select=["CAS0", "CAS2", "CAS7"], options={"missing-realization": {"as_of": 2026}})
    # AKI 87,10 from 0,16/0,19 lies within their rounding (t/r from 162/186, as the narrative says); AKB
    # reproduces exactly; the Angka Kematian Balita row does not: 0,64/0,18 x 100 is 355.56, not 72,52
    assert where(report) == [("CAS707", "default", "manggarai-timur.rpjmd-2016:S5.I3", 7, 9, "Tabel 3.8!I7")]
    assert [f.message for f in report] == [
        "capaian 72.52 printed for 'Angka Kematian Balita per 1.000KH' in 2019 does not follow from target 0.64 and "
        "realisasi 0.18: target / realisasi x 100 gives 355.56"]
    assert [f.file.endswith("lkjip-2019-tabel-3-8.xlsx") for f in report] == [True]


def test_dumai_tabel_3_21_names_the_table_prints_differently() -> None:
    report = lint([str(DUMAI)]).report
    assert where(report) == [
        ("CAS706", "hint", "dumai.realisasi-2016", 7, 2, "Tabel 3.21!B7"),
        ("CAS702", "default", "dumai.rpjmd-2016:S8.I4", 8, 5, "Tabel 3.21!E8"),
    ]
    hiv, dbd = [f.localized("en") for f in report if f.code.startswith("CAS7")]
    assert hiv == ("row 'Menurunnya prevalensi penderita HIV terhadap penduduk beresiko' names no indicator of dumai.rpjmd-2016; "
                   "did you mean 'Prevalensi Penderita HIV terhadap Penduduk Beresiko' (S8.I3)? give the row its ref "
                   "(ref:, or names: in the sidecar)")
    assert dbd == ("indicator 'Angka Kesakitan Demam Berdarah Dengue (DBD)' reached capaian 47.37 (sangat rendah) in 2016: "
                   "realisasi 91.58 against target 60")
    ws = cascade.load(str(DUMAI))
    got = {r.ref: (r.target, r.realized, r.capaian) for r in ws.capaian(as_of=2026).rows}
    # the TB row is named by the sidecar's names:, the malaria and DBD rows match with case and punctuation aside
    assert got == {"dumai.rpjmd-2016:S8.I1": (1.0, 0.06, 194.0), "dumai.rpjmd-2016:S8.I2": (88.0, 88.38, 100.43),
                   "dumai.rpjmd-2016:S8.I4": (60.0, 91.58, 47.37)}


def test_lampung_merged_sasaran_one_sided_target_and_a_correct_capaian() -> None:
    ws = cascade.load(str(LAMPUNG))
    rows = ws.graph.graph["realisasi_docs"]["lampung.realisasi-2016"].model.rows
    assert [(r.sasaran, r.targets, r.capaian) for r in rows] == [
        ("Meningkatnya derajat kesehatan masyarakat", {2016: cascade.core.models.Range(max=49)}, {2016: 85.24}),
        ("Meningkatnya derajat kesehatan masyarakat", {2016: 18.04}, {}),  # the sasaran cell merged over both rows
    ]
    # "Capaian (%)" names no year: the one year "Target 2016" and "Realisasi 2016" name
    assert not [f for f in ws.validate() if f.code.startswith(("CAS0", "CAS7"))]  # (2 - 56.23/49) x 100 = 85.24: quiet
    assert [(r.target, r.capaian) for r in ws.capaian(as_of=2026).rows] == [(cascade.core.models.Range(max=49), 85.24), (18.04, 121.84)]


@pytest.mark.parametrize("folder", [MANGGARAI, DUMAI, LAMPUNG], ids=lambda p: p.name)
def test_import_then_lint_gives_the_same_findings_as_the_workbook(folder: Path, tmp_path: Path) -> None:
    [table] = folder.glob("*.xlsx")
    out = tmp_path / "out"
    written, _ = import_table(str(table), str(out))
    text = Path(written[0]).read_text()
    assert "kind: realisasi" in text and "rows:" in text
    assert f"# {openpyxl.load_workbook(table).active.title}!B5:" in text or "!C3:" in text  # comments name the cells
    for plan in folder.glob("*.yaml"):
        if not plan.name.endswith(".cascade.yaml"):
            shutil.copy(plan, out / plan.name)
    direct = lint([str(folder)]).report
    via_yaml = lint([str(out)]).report
    assert key(f for f in direct if f.code not in ("CAS007", "CAS008")) == key(via_yaml)
    assert any(f.code.startswith("CAS7") for f in via_yaml) or folder == LAMPUNG


def test_the_import_comments_name_the_row_and_the_merged_sasaran(tmp_path: Path) -> None:
    written, findings = import_table(str(LAMPUNG / "lkj-2016-pengukuran.xlsx"), str(tmp_path))
    assert findings == []
    assert Path(written[0]).read_text().splitlines()[7:14] == [
        "rows:",
        "  # Pengukuran Kinerja!C3:G3 (sasaran Pengukuran Kinerja!B3:B4)",
        '  - indicator: "Angka kesakitan DBD per 100.000 penduduk"',
        '    sasaran: "Meningkatnya derajat kesehatan masyarakat"',
        "    targets: {2016: {max: 49}}",
        "    realized: {2016: 56.23}",
        "    capaian: {2016: 85.24}",
    ]


# ------------------------------------------------------------------ a hostile table (illustrative)

PLAN = """document:
  id: contoh.renstra-2021
  kind: renstra
  title: Renstra Dinas Contoh 2021-2026 (illustrative)
  period: {start: 2021, end: 2026}
  region: {code: "35.77", name: Kota Madiun}
  agency: {name: Dinas Contoh}
elements:
  - id: S1
    kind: sasaran
    name: Meningkatnya derajat kesehatan masyarakat
    indicators:
      - {id: S1.I1, name: Indeks Kepuasan Masyarakat, unit: indeks, targets: {2022: 72.5, 2023: 72.9}}
      - {id: S1.I2, name: Angka Harapan Hidup, unit: tahun, targets: {2022: 72.0, 2023: 72.5}}
      - {id: S1.I3, name: Persentase balita stunting, unit: "%", targets: {2022: 15, 2023: 14}}
  - id: S2
    kind: sasaran
    name: Meningkatnya kualitas pendidikan
    indicators:
      - {id: S2.I1, name: Rata-rata lama sekolah, unit: tahun, targets: {2022: 8.4, 2023: 8.5}}
      - {id: S2.I2, name: Indeks Kepuasan Masyarakat, unit: indeks, targets: {2022: 80, 2023: 80}}
"""

SIDECAR = """document:
  id: contoh.realisasi-2023
  kind: realisasi
  for: contoh.renstra-2021
layout: realisasi
"""


def _header(ws, top: int) -> None:
    for c, v in ((1, "No"), (2, "Sasaran Strategis"), (3, "Indikator\nKinerja"), (4, "Satuan"), (5, "Realisasi 2022"),
                 (6, "Tahun 2023"), (9, "Target Akhir Renstra (2026)")):
        ws.cell(top, c, v)
    for c, v in ((6, "Target"), (7, "Realisasi"), (8, "Capaian (%)")):
        ws.cell(top + 1, c, v)
    for c in (1, 2, 3, 4, 5, 9):
        ws.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
    ws.merge_cells(start_row=top, start_column=6, end_row=top, end_column=8)


def hostile_table(folder: Path) -> None:
    """Two header rows with merges, the previous year's realisasi and the medium-term target, merged sasaran
    cells, text numbers, NA and -, a spacer, a row with values and no name, a formula, the header repeated
    after a page break, an average and a total row, and equal names told apart by their sasaran."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "LKjIP"
    ws.cell(1, 1, "Tabel 3.2 Pengukuran Kinerja Tahun 2023")
    ws.merge_cells("A1:I1")
    _header(ws, 2)
    for c in range(1, 10):
        ws.cell(4, c, f"({c})")
    ws.cell(5, 2, "Meningkatnya derajat kesehatan masyarakat")
    ws.merge_cells("B5:B8")
    rows = {
        5: (1, None, "Indeks Kepuasan Masyarakat", "indeks", "72,6", 72.9, "73,1", "100,27", 73.5),
        6: (2, None, "Angka Harapan\nHidup", "tahun", "72,1", 72.5, "-", "-", 73),
        7: (3, None, "Persentase balita stunting", "%", "NA", "14", "12,5", "110,71", 10),
        9: (None, None, None, None, 1, 2, 3, 150, None),
        12: (4, "Sasaran 2: Meningkatnya kualitas pendidikan", "Rata-rata lama\nsekolah", "tahun", 8.4, "8,5", "8,61", "=G12/F12*100", 9),
        13: (5, None, "INDEKS KEPUASAN  MASYARAKAT", "indeks", "-", 80, 76, "97,5", 85),
        15: (6, "Sasaran 3: Meningkatnya tata kelola", "Indeks Kepuasan Masyarakat", "indeks", None, 80, 70, "90", None),
    }
    for r, values in rows.items():
        for c, v in enumerate(values, start=1):
            if v is not None:
                ws.cell(r, c, v)
    ws.merge_cells("B12:B13")
    _header(ws, 10)  # repeated after a page break
    ws.cell(14, 2, "Rata-rata Capaian Kinerja")
    ws.merge_cells("B14:C14")
    ws.cell(14, 8, "101,5")
    ws.cell(16, 2, "Jumlah")
    wb.save(folder / "lkjip-2023.xlsx")
    (folder / "lkjip-2023.cascade.yaml").write_text(SIDECAR)
    (folder / "renstra-2021.yaml").write_text(PLAN)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    hostile_table(folder)
    return folder


def test_a_hostile_table_reads_what_it_prints(hostile: Path) -> None:
    ws = cascade.load(str(hostile))
    rows = ws.graph.graph["realisasi_docs"]["contoh.realisasi-2023"].model.rows
    got = [(r.indicator, r.sasaran, r.targets, {y: v.value for y, v in r.realized.items()}, r.capaian) for r in rows]
    assert got == [
        ("Indeks Kepuasan Masyarakat", "Meningkatnya derajat kesehatan masyarakat", {2023: 72.9}, {2022: 72.6, 2023: 73.1}, {2023: 100.27}),
        ("Angka Harapan Hidup", "Meningkatnya derajat kesehatan masyarakat", {2023: 72.5}, {2022: 72.1}, {}),  # "-"
        ("Persentase balita stunting", "Meningkatnya derajat kesehatan masyarakat", {2023: 14}, {2023: 12.5}, {2023: 110.71}),  # NA
        ("Rata-rata lama sekolah", "Sasaran 2: Meningkatnya kualitas pendidikan", {2023: 8.5}, {2022: 8.4, 2023: 8.61}, {}),
        ("INDEKS KEPUASAN MASYARAKAT", "Sasaran 2: Meningkatnya kualitas pendidikan", {2023: 80}, {2023: 76}, {2023: 97.5}),
        ("Indeks Kepuasan Masyarakat", "Sasaran 3: Meningkatnya tata kelola", {2023: 80}, {2023: 70}, {2023: 90}),
    ]
    # the medium-term target column, the average and total rows, the repeated header and the spacer give nothing


def test_a_hostile_table_gives_its_findings_at_their_cells(hostile: Path) -> None:
    report = lint([str(hostile)], settings=cascade.Settings(as_of=2024)).report
    assert where(report, ("CAS0", "CAS2", "CAS7")) == [
        ("CAS701", "default", "contoh.renstra-2021:S1.I2", 6, 6, "LKjIP!F6"),  # AHH: the 2023 target, realisasi "-"
        ("CAS008", "no-indicator", "contoh.realisasi-2023", 9, 3, "LKjIP!C9"),
        ("CAS007", "formula", "contoh.realisasi-2023", 12, 8, "LKjIP!H12"),
        ("CAS707", "default", "contoh.renstra-2021:S2.I2", 13, 8, "LKjIP!H13"),  # 76/80 is 95, not 97,5
        ("CAS706", "ambiguous", "contoh.realisasi-2023", 15, 3, "LKjIP!C15"),
        # in the plan: 2022 has a target and the table prints "NA" (stunting) and "-" (IKM of S2) for its realisasi
        ("CAS701", "default", "contoh.renstra-2021:S1.I3", 15, 82, None),
        ("CAS701", "default", "contoh.renstra-2021:S2.I2", 21, 85, None),
    ]
    by_code = {f.code: f.localized("en") for f in report}
    assert by_code["CAS706"] == ("row 'Indeks Kepuasan Masyarakat' matches 2 indicators of contoh.renstra-2021 (S1.I1, S2.I2) "
                                 "and its sasaran does not tell them apart; give the row its ref")
    assert by_code["CAS008"] == "row 9 has values but no indicator name; it was not read"
    assert by_code["CAS707"] == ("capaian 97.5 printed for 'Indeks Kepuasan Masyarakat' in 2023 does not follow from target 80 "
                                 "and realisasi 76: realisasi / target x 100 gives 95")
    # the same findings in Bahasa Indonesia
    assert [f.localized("id") for f in report if f.code == "CAS707"] == [
        "capaian 97.5 yang tercetak untuk 'Indeks Kepuasan Masyarakat' tahun 2023 tidak sesuai dengan target 80 dan "
        "realisasi 76: realisasi / target x 100 menghasilkan 95"]


def test_the_hostile_table_imports_to_the_same_findings(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    written, findings = import_table(str(hostile / "lkjip-2023.xlsx"), str(out), lang="en")
    assert [(f.code, f.cell) for f in findings] == [("CAS008", "LKjIP!C9"), ("CAS007", "LKjIP!H12")]
    text = Path(written[0]).read_text()
    assert "# CAS007 table-cell at LKjIP!H12" in text and "  # LKjIP!C13:H13 (sasaran LKjIP!B12:B13)" in text
    shutil.copy(hostile / "renstra-2021.yaml", out / "renstra-2021.yaml")
    settings = cascade.Settings(as_of=2024)
    direct = lint([str(hostile)], settings=settings).report
    via_yaml = lint([str(out)], settings=settings).report
    assert key(f for f in direct if f.code not in ("CAS007", "CAS008")) == key(via_yaml)


@pytest.mark.parametrize("extra,finding", [
    ("year: abc\n", "cannot use the layout: year: 'abc' is not a year such as 2024"),
    ("names: [a, b]\n", "cannot use the layout: names: must map printed indicator names to indicator references"),
    ("names: {Indeks Tanpa Baris: S1.I1}\n", "names: lists 'Indeks Tanpa Baris', which no row of the table prints"),
])
def test_a_bad_sidecar_is_a_finding(hostile: Path, extra: str, finding: str) -> None:
    (hostile / "lkjip-2023.cascade.yaml").write_text(SIDECAR + extra)
    report = lint([str(hostile)]).report
    assert finding in [f.localized("en") for f in report if f.code == "CAS008"]


def test_a_sidecar_whose_document_and_layout_disagree(hostile: Path) -> None:
    (hostile / "lkjip-2023.cascade.yaml").write_text(SIDECAR.replace("layout: realisasi", "layout: iku"))
    assert [f.localized("en") for f in lint([str(hostile)]).report if f.code == "CAS008"] == [
        "cannot use the layout: layout iku reads plans; a realisasi document needs layout: realisasi"]
    (hostile / "lkjip-2023.cascade.yaml").write_text(SIDECAR.replace("kind: realisasi\n  for: contoh.renstra-2021\n",
                                                                     "kind: renstra\n"))
    assert [f.localized("en") for f in lint([str(hostile)]).report if f.code == "CAS008"] == [
        "cannot use the layout: layout realisasi reads realisasi tables: the sidecar's document needs kind: realisasi "
        "and for: <plan id>"]
    # a realisasi document without layout: is read with the realisasi preset
    (hostile / "lkjip-2023.cascade.yaml").write_text(SIDECAR.replace("layout: realisasi\n", ""))
    assert [f.code for f in lint([str(hostile)]).report if f.code == "CAS706"] == ["CAS706"]


def test_columns_without_a_year_need_the_sidecars_year(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN)
    table = "Sasaran;Indikator Kinerja;Target;Realisasi;Capaian\nMeningkatnya kualitas pendidikan;Rata-rata lama sekolah;8,5;8,61;101,29\n"
    (tmp_path / "lkjip.csv").write_text(table)
    (tmp_path / "lkjip.cascade.yaml").write_text(SIDECAR)
    assert [(f.code, f.variant, f.cell) for f in lint([str(tmp_path)]).report if f.code.startswith(("CAS0", "CAS7"))] == [
        ("CAS008", "year", "lkjip!C1"), ("CAS008", "year", "lkjip!D1"), ("CAS008", "year", "lkjip!E1")]
    (tmp_path / "lkjip.cascade.yaml").write_text(SIDECAR + "year: 2023\n")
    ws = cascade.load(str(tmp_path))
    assert not [f for f in ws.validate() if f.code.startswith(("CAS0", "CAS706", "CAS707"))]
    assert [(r.ref, r.year, r.capaian) for r in ws.capaian(as_of=2024).rows] == [
        ("contoh.renstra-2021:S2.I1", 2022, None), ("contoh.renstra-2021:S2.I1", 2023, 101.29)]


def test_a_table_with_only_a_header_and_a_table_that_is_no_realisasi_table(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN)
    (tmp_path / "lkjip.cascade.yaml").write_text(SIDECAR)
    (tmp_path / "lkjip.csv").write_text("Indikator Kinerja;Target 2023;Realisasi 2023\n")
    assert [f.code for f in lint([str(tmp_path)]).report if f.code.startswith(("CAS0", "CAS7"))] == []
    (tmp_path / "lkjip.csv").write_text("Nama;Alamat\nx;y\n")
    assert [(f.code, f.variant) for f in lint([str(tmp_path)]).report if f.code.startswith("CAS0")] == [("CAS008", "no-header")]


# ------------------------------------------------------------------ the CLI and runs by region


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cascade_capaian_reads_realisasi_from_a_workbook() -> None:
    code, out, _ = run("capaian", str(DUMAI), "--as-of", "2026", "--format", "json")
    assert code == 0
    rows = {r["ref"]: (r["target"], r["realized"], r["capaian"], r["category"]) for r in json.loads(out)["rows"]}
    assert rows["dumai.rpjmd-2016:S8.I4"] == (60, 91.58, 47.37, "sangat rendah")


def test_cascade_import_with_the_realisasi_layout_and_a_year(tmp_path: Path) -> None:
    (tmp_path / "lkjip.csv").write_text(
        "Sasaran;Indikator Kinerja;Target;Realisasi;Capaian\nMeningkatnya kualitas pendidikan;Rata-rata lama sekolah;8,5;8,61;101,29\n")
    (tmp_path / "doc.yaml").write_text(SIDECAR.replace("layout: realisasi\n", ""))
    code, out, _ = run("import", str(tmp_path / "lkjip.csv"), "-o", str(tmp_path / "o"), "--layout", "realisasi",
                       "--year", "2023", "--document", str(tmp_path / "doc.yaml"), "--lang", "en")
    assert code == 0, out
    text = (tmp_path / "o" / "contoh.realisasi-2023.yaml").read_text()
    assert "    targets: {2023: 8.5}\n    realized: {2023: 8.61}\n    capaian: {2023: 101.29}" in text
    code, out, _ = run("import", str(tmp_path / "lkjip.csv"), "-o", str(tmp_path / "o2"), "--layout", "realisasi",
                       "--document", str(tmp_path / "doc.yaml"), "--lang", "en")
    assert code == 1 and "CAS008 table-layout column 'Target' names no year" in out


def test_by_region_equals_one_process(tmp_path: Path) -> None:
    """A realisasi workbook travels with its plan's partition: a kab/kota plan (its own region) and a
    province plan (shared by every partition), each with its realisasi table, and a second region."""
    shutil.copytree(REAL, tmp_path / "plans")
    hostile_table(tmp_path / "plans")
    other = (tmp_path / "plans" / "renstra-2021.yaml").read_text().replace("contoh.renstra-2021", "lain.renstra-2021")
    (tmp_path / "plans" / "lain.yaml").write_text(other.replace('"35.77", name: Kota Madiun', '"35.19", name: Kabupaten Madiun'))
    one = lint([str(tmp_path / "plans")], by_region=False).report
    split = lint([str(tmp_path / "plans")], by_region=True, jobs=2).report
    assert [(f.code, f.ref, f.line, f.column, f.cell, f.message) for f in one] == [
        (f.code, f.ref, f.line, f.column, f.cell, f.message) for f in split]
    assert {f.code for f in one} >= {"CAS702", "CAS706", "CAS707"}
    code, out, _ = run("lint", str(tmp_path / "plans"), "--jobs", "2", "--by-region", "--format", "json", "--no-cache", "-q")
    by_cli = [(f["code"], f["ref"], f["line"], f.get("cell")) for f in json.loads(out)["findings"]]
    assert by_cli == [(f.code, f.ref, f.line, f.cell) for f in one]


def test_a_sasaran_banner_row_tells_equal_names_apart(tmp_path: Path) -> None:
    """The header and the first row of Tabel 3.1 "Pencapaian Kinerja" of the LKjIP 2019 of the Inspektorat
    Daerah Kabupaten Sampang as printed (text mirror https://123dok.com/document/zx5dll94-baik-baik-cukup-
    kurang-kurang.html): the sasaran printed as a banner row above its indicators, "55%" and "n/a". The plan
    is illustrative: the same indicator name under a second sasaran, which only the banner tells apart."""
    (tmp_path / "renstra.yaml").write_text("""document:
  id: sampang.inspektorat.renstra-2019
  kind: renstra
  title: Renstra Inspektorat Daerah Kabupaten Sampang 2019-2024 (illustrative)
  period: {start: 2019, end: 2024}
  region: {code: "35.27", name: Kabupaten Sampang}
  agency: {name: Inspektorat Daerah}
elements:
  - id: S1
    kind: sasaran
    name: Meningkatnya Akuntabilitas Keuangan Dan Kinerja Pemerintah Daerah
    indicators:
      - {id: S1.I1, name: Persentase penurunan temuan keuangan yang bersifat materil, unit: "%", targets: {2019: 55}}
  - id: S2
    kind: sasaran
    name: Meningkatnya kualitas pengawasan (illustrative)
    indicators:
      - {id: S2.I1, name: Persentase penurunan temuan keuangan yang bersifat materil, unit: "%", targets: {2019: 50}}
""")
    (tmp_path / "lkjip-2019.csv").write_text(
        "N0;Indikator Kinerja Utama;Satuan;Target;Realisasi;Capaian\n"
        "Sasaran Strategis 1. Meningkatnya Akuntabilitas Keuangan Dan Kinerja Pemerintah Daerah;;;;;\n"
        '1;"Persentase penurunan temuan\nkeuangan yang bersifat materil";%;55%;n/a;n/a\n')  # a line break in the cell
    (tmp_path / "lkjip-2019.cascade.yaml").write_text(
        "document: {id: sampang.inspektorat.realisasi-2019, kind: realisasi, for: sampang.inspektorat.renstra-2019}\n"
        "layout: realisasi\nyear: 2019\n")
    ws = cascade.load(str(tmp_path))
    [row] = ws.graph.graph["realisasi_docs"]["sampang.inspektorat.realisasi-2019"].model.rows
    assert (row.sasaran, row.targets, row.realized, row.capaian) == (
        "Sasaran Strategis 1. Meningkatnya Akuntabilitas Keuangan Dan Kinerja Pemerintah Daerah", {2019: 55}, {}, {})
    assert not [f for f in ws.validate() if f.code.startswith(("CAS0", "CAS706"))]
    # the row's target went to S1's indicator (the banner's sasaran), not S2's
    items = ws.graph.graph["realisasi"]["sampang.inspektorat.realisasi-2019"]
    assert [(node, kind, year) for node, kind, year, _, _ in items] == [("sampang.inspektorat.renstra-2019:S1.I1", "pk", 2019)]


@pytest.mark.parametrize("cell, problem", [("101,29", None), ("101,29%", None), ("101,29 persen", None),
                                           ("101,29 persen lagi", "lkjip!E2"), ("101,29 orang", "lkjip!E2")])
def test_a_printed_capaian_carries_no_unit_but_per_cent(tmp_path: Path, cell: str, problem: str | None) -> None:
    """A capaian cell ``95 persen lagi`` was read as 95, its words dropped without a finding."""
    (tmp_path / "plan.yaml").write_text(PLAN)
    table = f"Sasaran;Indikator Kinerja;Target;Realisasi;Capaian\nMeningkatnya kualitas pendidikan;Rata-rata lama sekolah;8,5;8,61;{cell}\n"
    (tmp_path / "lkjip.csv").write_text(table)
    (tmp_path / "lkjip.cascade.yaml").write_text(SIDECAR + "year: 2023\n")
    found = [(f.code, f.variant, f.cell) for f in lint([str(tmp_path)]).report if f.code.startswith(("CAS0", "CAS707"))]
    assert found == ([("CAS007", "not-number", problem)] if problem else [])
