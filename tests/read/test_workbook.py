"""Plan tables in workbooks and CSV: read through a layout and a sidecar, findings at the cell.

The T-C.27 fixture is written by tests/fixtures/tables/make_tables.py (its docstring names the source).
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

import cascade
from cascade.cli import main
from cascade.read.tablevalues import read_number, read_target
from cascade.read.tableimport import import_table
from cascade.review.pipeline import lint
from table_support import IKU_SIDECAR, write_sheet

TABLES = Path(__file__).parents[1] / "fixtures" / "tables"
XLSX = "boalemo-dinkes-tc27.xlsx"
SIDECAR = "boalemo-dinkes-tc27.cascade.yaml"
DOC = "boalemo.dinkes.renstra-2022"


@pytest.fixture
def table(tmp_path: Path) -> Path:
    """A fresh copy of the fixture, written by its generator (so the script stays in step with the file)."""
    import runpy

    folder = tmp_path / "plans"
    folder.mkdir()
    runpy.run_path(str(TABLES / "make_tables.py"), run_name="make")["tc27"](str(folder / XLSX))
    shutil.copy(TABLES / SIDECAR, folder / SIDECAR)
    return folder


def where(report) -> list[tuple]:
    return [(f.code, f.ref, f.line, f.column, f.cell) for f in report]


def test_the_generator_writes_the_committed_table(table: Path) -> None:
    a = openpyxl.load_workbook(table / XLSX)["T-C.27"]
    b = openpyxl.load_workbook(TABLES / XLSX)["T-C.27"]
    assert [[c.value for c in r] for r in a.iter_rows()] == [[c.value for c in r] for r in b.iter_rows()]
    assert sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))


def test_tc27_reads_into_the_tree_with_merged_tujuan_and_sasaran(table: Path) -> None:
    ws = cascade.load(str(table))
    doc = ws.parsed[DOC].model
    assert [(e.id, e.kind, e.parent) for e in doc.elements] == [
        ("T1", "tujuan", None),
        ("S1", "sasaran", "T1"),
        ("1.02.01", "program", "S1"),  # code split over five columns: 1 | 02 | 01
        ("1.02.01.2.02", "kegiatan", "1.02.01"),
        ("1.02.01.2.06", "kegiatan", "1.02.01"),  # after a spacer and a subtotal row
        ("1.02.02", "program", "S1"),  # after the header repeated at a page break
        ("1.02.05", "program", "S1"),
    ]
    by_id = {e.id: e for e in doc.elements}
    aki = by_id["S1"].indicators[0]
    assert (aki.name, aki.baseline.year, aki.baseline.value, aki.targets, aki.final) == (
        "Angka Kematian Ibu Melahirkan (/100.000 KH)", 2022, 243.8, {2023: 203.2, 2024: 162.5, 2025: 121.9, 2026: 81.3}, 81.3)
    # two indicator rows under one merged program name
    assert [i.name for i in by_id["1.02.01"].indicators] == ["Persentase Tindak Lanjut Temuan Inspektorat/BPK/BPKP", "Jumlah Posyandu aktif"]
    # thousands dots in Rp text, locale id from the preset
    assert by_id["1.02.01"].budget == {2023: 9_850_000_000, 2024: 10_120_500_000, 2025: 10_400_000_000, 2026: 10_650_000_000}
    keu = by_id["1.02.01.2.02"].indicators[0]
    # "97,5%": decimal comma and a glued unit; "-" is no target; the formula Rp cell is left out
    assert (keu.unit, keu.baseline.value, keu.targets) == ("%", 95, {2023: 97.5, 2024: 100, 2025: 100})
    assert by_id["1.02.01.2.02"].budget == {2023: 8_500_000_000, 2024: 8_700_000_000, 2026: 9_200_000_000}
    acc = by_id["1.02.02"].indicators[0]
    assert acc.baseline is None and acc.targets[2023].min == 60 and acc.targets[2023].max == 70  # "NA"; "60 - 70"
    assert by_id["T1"].indicators[0].targets == {2023: "B", 2024: "BB", 2025: "BB", 2026: "A"}  # as printed


def test_lint_findings_stand_at_their_cells(table: Path) -> None:
    report = lint([str(table)]).report
    got = where(report)
    assert ("CAS007", f"{DOC}:1.02.01.2.02", 11, 16, "T-C.27!P11") in got  # the formula, never evaluated
    assert ("CAS516", f"{DOC}:1.02.01.2.06", 14, 12, "T-C.27!L14") in got  # pagu and no indicator
    assert ("CAS301", f"{DOC}:T1", 7, 1, "T-C.27!A7") in got
    assert ("CAS503", f"{DOC}:1.02.01.2.02.I1", 11, 11, "T-C.27!K11") in got  # no 2026 target ("-")
    assert ("CAS501", f"{DOC}:S1.I1", 8, 9, "T-C.27!I8") in got
    assert all(f.file.endswith(XLSX) and f.cell.startswith("T-C.27!") for f in report)
    assert not any(f.code == "CAS304" for f in report)  # CAS516 takes its place


def test_every_output_format_carries_the_cell(table: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(table)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    main(["lint", ".", "--no-cache", "--format", "json", "--select", "CAS007"])
    data = json.loads(capsys.readouterr().out)
    [f] = data["findings"]
    assert (f["file"], f["line"], f["column"], f["cell"]) == (XLSX, 11, 16, "T-C.27!P11")
    main(["lint", ".", "--no-cache", "--format", "sarif", "--select", "CAS007"])
    [result] = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert result["properties"]["cell"] == "T-C.27!P11"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 11
    main(["lint", ".", "--no-cache", "--format", "github", "--select", "CAS007"])
    assert "title=CAS007 table-cell T-C.27!P11::" in capsys.readouterr().out
    for fmt in ("concise", "full", "junit", "gitlab"):
        main(["lint", ".", "--no-cache", "--format", fmt, "--select", "CAS007"])
        assert "T-C.27!P11" in capsys.readouterr().out, fmt


def test_yaml_findings_have_no_cell_key() -> None:
    example = Path(__file__).parents[2] / "examples"
    report = lint([str(example)]).report
    yaml_findings = [f for f in report if f.file.endswith(".yaml")]
    assert len(yaml_findings) > 50 and all("cell" not in f.as_dict() for f in yaml_findings)
    assert all(f.as_dict()["cell"] for f in report if f.file.endswith(".csv") and f.line != 1)


def test_import_then_lint_gives_the_same_findings_as_the_workbook(table: Path, tmp_path: Path) -> None:
    written, import_findings = import_table(str(table / XLSX), str(tmp_path / "out"), lang="en")
    assert [os.path.basename(p) for p in written] == [f"{DOC}.yaml"]
    assert [(f.code, f.cell) for f in import_findings] == [("CAS007", "T-C.27!P11")]
    text = Path(written[0]).read_text()
    assert "# T-C.27!H9:H10" in text and "# CAS007 table-cell at T-C.27!P11" in text
    direct = lint([str(table)]).report
    via_yaml = lint([str(tmp_path / "out")]).report
    key = lambda r: sorted((f.code, f.ref, f.severity.value, f.message) for f in r)  # noqa: E731
    # the table-reading findings (CAS007) belong to the table; the import reports them
    assert key(f for f in direct if f.code != "CAS007") == key(via_yaml)
    assert len(via_yaml) > 10


def test_cascade_import_comments_in_bahasa_indonesia_by_default(table: Path, tmp_path: Path) -> None:
    """`cascade import` wrote '# Imported by cascade import from ...' under the default --lang id."""
    assert main(["import", str(table / XLSX), "-o", str(tmp_path / "id")], stdout=io.StringIO()) == 1
    text = (tmp_path / "id" / f"{DOC}.yaml").read_text()
    assert text.startswith(f"# Diimpor oleh cascade import dari {XLSX}, lembar T-C.27.\n"
                           "# Komentar menyebut sel sumbernya; ubah tabelnya lalu impor lagi, atau ubah berkas ini dan simpan.\n")
    assert "# CAS007 table-cell di T-C.27!P11: sel berisi rumus" in text
    assert main(["import", str(table / XLSX), "-o", str(tmp_path / "en"), "--lang", "en"], stdout=io.StringIO()) == 1
    english = (tmp_path / "en" / f"{DOC}.yaml").read_text()
    assert english.startswith(f"# Imported by cascade import from {XLSX}, sheet T-C.27.\n")
    # the plan is the same in both: only the comments differ
    strip = lambda t: [l for l in t.splitlines() if not l.lstrip().startswith("#")]  # noqa: E731
    assert strip(text) == strip(english)


def test_by_region_equals_one_process(table: Path) -> None:
    one = lint([str(table)], by_region=False).report
    split = lint([str(table)], by_region=True, jobs=2).report
    assert [(f.code, f.ref, f.line, f.column, f.cell, f.message) for f in one] == [
        (f.code, f.ref, f.line, f.column, f.cell, f.message) for f in split]


def test_a_workbook_without_sidecar_is_a_note(table: Path) -> None:
    (table / SIDECAR).unlink()
    report = lint([str(table)]).report
    assert [(f.code, f.severity.value, f.line) for f in report] == [("CAS009", "info", 1)]
    assert lint([str(table)]).failed() is False


@pytest.mark.parametrize("text,locale,value,problem", [
    ("1.250.000.000", "id", 1_250_000_000, None),
    ("Rp 1.500.000,-", "id", 1_500_000, None),
    ("72,6", "id", 72.6, None),
    ("1.234", None, None, "ambiguous"),
    ("2,500", None, None, "ambiguous"),
    ("1.250.000", None, 1_250_000, None),
    ("1,234.5", None, 1234.5, None),
    ("1,234", "en", 1234, None),
    ("12,34,5", "id", None, "locale"),
    ("3.5", "id", None, "locale"),
    ("lima", "id", None, "not-number"),
    ("-", None, None, None),
    ("NA", None, None, None),
])
def test_money_by_locale(text, locale, value, problem) -> None:
    got = read_number(text, locale, money=True)
    assert (got.value, got.problem and got.problem[0]) == (value, problem)


@pytest.mark.parametrize("text,locale,value,unit,problem", [
    ("72,6%", "id", 72.6, "%", None),
    ("60 - 70", "id", {"min": 60, "max": 70}, None, None),
    ("7,0-8,0", "id", {"min": 7.0, "max": 8.0}, None, None),
    ("11 Posyandu", "id", 11, "Posyandu", None),
    ("A (4)", "id", "A (4)", None, None),
    ("WTP", None, "WTP", None, None),
    ("2,500 orang", None, None, None, "ambiguous"),
    ("n/a", None, None, None, None),
    ("3.5", "id", None, None, "locale"),
    ("1.500bh", "id", 1500, "bh", None),
    ("60 kali", "id", 60, "kali", None),
])
def test_targets(text, locale, value, unit, problem) -> None:
    got = read_target(text, locale)
    assert (got.value, got.unit, got.problem and got.problem[0]) == (value, unit, problem)






def test_header_matching_ignores_case_spacing_and_line_breaks(tmp_path: Path) -> None:
    write_sheet(tmp_path / "iku.xlsx", [
        ["SASARAN\nSTRATEGIS", "Indikator  Kinerja\nUtama", "SATUAN", "Target\n2024", "target 2025"],
        ["Meningkatnya akses kesehatan bagi masyarakat", "Jumlah Posyandu aktif", "Posyandu Aktif", 11, "11"],
    ])
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    doc = cascade.load(str(tmp_path)).parsed["contoh.iku-2024"].model
    ind = doc.elements[0].indicators[0]
    assert (ind.unit, ind.targets, ind.key) == ("Posyandu Aktif", {2024: 11, 2025: 11}, True)


def test_a_second_table_on_the_sheet_is_a_finding(tmp_path: Path) -> None:
    header = ["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024", "Target 2025"]
    write_sheet(tmp_path / "iku.xlsx", [
        header, ["S satu", "I satu", "%", 1, 2], [None] * 5,
        ["Tujuan", "Indikator Kinerja Utama", "Satuan", "Kondisi Awal", "Target 2025"], ["T dua", "I dua", "%", 1, 2],
    ])
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    report = lint([str(tmp_path)]).report
    assert [(f.code, f.line, f.cell) for f in report if f.code == "CAS008"] == [("CAS008", 4, "IKU!A4")]


def test_a_sheet_without_the_layouts_header_is_a_finding(tmp_path: Path) -> None:
    write_sheet(tmp_path / "iku.xlsx", [["Nama", "Alamat"], ["a", "b"]])
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    report = lint([str(tmp_path)]).report
    assert [(f.code, f.variant, f.cell) for f in report if f.code.startswith("CAS00")] == [("CAS008", "no-header", "IKU!A1")]


def test_several_documents_from_one_workbook(tmp_path: Path) -> None:
    header = ["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024", "Target 2025"]
    write_sheet(tmp_path / "iku.xlsx", [header, ["S satu", "I satu", "%", 1, 2], [None] * 5, header, ["S dua", "I dua", "%", 3, 4]])
    one = "\n".join("  " + line for line in IKU_SIDECAR.splitlines())
    two = one.replace("contoh.iku-2024", "contoh.iku-b")
    (tmp_path / "iku.cascade.yaml").write_text(f"- {one[2:]}\n  range: A1:E2\n- {two[2:]}\n  range: A4:E5\n")
    ws = cascade.load(str(tmp_path))
    assert sorted(ws.parsed) == ["contoh.iku-2024", "contoh.iku-b"]
    # by region, such a workbook is checked in one process: the same report
    one = [(f.code, f.ref, f.cell) for f in lint([str(tmp_path)], by_region=False).report]
    assert [(f.code, f.ref, f.cell) for f in lint([str(tmp_path)], by_region=True, jobs=2).report] == one
    assert {r.split(":")[0] for _, r, _ in one if r} == {"contoh.iku-2024", "contoh.iku-b"}
    assert ws.parsed["contoh.iku-b"].model.elements[0].name == "S dua"
    assert ws.parsed["contoh.iku-2024"].model.elements[0].name == "S satu"


# ------------------------------------------------------------------ export


def test_export_reads_back(table: Path, tmp_path: Path) -> None:
    klaten = Path(__file__).parents[2] / "examples" / "defects" / "klaten"
    shutil.copytree(klaten, tmp_path / "klaten")
    skp = tmp_path / "klaten" / "dinsos" / "skp-2026.yaml"
    # a title naming its holder, as SKP titles do: masked in the workbook unless asked
    text = skp.read_text()
    title = next(l for l in text.splitlines() if l.strip().startswith("title:"))
    skp.write_text(text.replace(title, "  title: SKP Kadinsos Contoh 000000000000000101"))
    ws = cascade.load(str(table), str(tmp_path / "klaten"))
    out = tmp_path / "report.xlsx"
    report = ws.validate()
    ws.to_excel(str(out), report)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:4] == ["Ringkasan", "Temuan", "Cakupan", "Pagu"]
    assert any(n.startswith("Matriks") for n in wb.sheetnames)
    summary = wb["Ringkasan"]
    rows = {r[0]: r for r in summary.iter_rows(min_row=2, values_only=True)}
    head = [c.value for c in summary[1]]
    assert rows[DOC][head.index("Pagu 2023")] == 9_850_000_000 + 8_500_000_000 + 450_000_000 + 12_300_000_000 + 1_200_000_000
    assert summary.freeze_panes == "A2"
    findings = wb["Temuan"]
    got = list(findings.iter_rows(min_row=2, values_only=True))
    assert len(got) == len(report)
    assert ("kesalahan", "CAS007", "table-cell", f"{DOC}:1.02.01.2.02", f"{table / XLSX} [T-C.27!P11]") in [g[:5] for g in got]
    assert any(g[4].endswith(".yaml:" + g[4].rsplit(":", 1)[1]) for g in got if g[4] and ".yaml" in g[4])  # file:line for YAML
    assert findings.auto_filter.ref.startswith("A1:F")
    assert findings.conditional_formatting  # colours by severity
    assert findings.column_dimensions["F"].width == 100
    assert wb["Pagu"].cell(2, 6).number_format == "#,##0"

    def all_text(path: Path) -> str:
        book = openpyxl.load_workbook(path)
        return "\n".join(str(v) for s in book for r in s.iter_rows(values_only=True) for v in r if v is not None)

    assert "Kadinsos Contoh" not in all_text(out) and "000000000000000101" not in all_text(out)
    ws.to_excel(str(out), report, show_personal=True)
    assert "SKP Kadinsos Contoh 000000000000000101" in all_text(out)


def test_export_cli(table: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    assert main(["export", str(table), "--xlsx", str(out), "--lang", "en"]) == 1
    assert openpyxl.load_workbook(out).sheetnames[:2] == ["Summary", "Findings"]
    assert main(["export", str(tmp_path / "missing"), "--xlsx", str(out)]) == 2


def test_import_cli(table: Path, tmp_path: Path, capsys) -> None:
    assert main(["import", str(table / XLSX), "-o", str(tmp_path / "o"), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "CAS007 table-cell" in out and "[T-C.27!P11]" in out and "wrote" in out
    assert main(["import", str(tmp_path / "nope.xlsx"), "-o", str(tmp_path / "o")]) == 2


IKU = "biro-umum-iku.xlsx"


def test_the_real_iku_table_with_glued_units_and_mixed_decimals() -> None:
    ws = cascade.load(str(TABLES / IKU))
    doc = ws.parsed["contoh-prov.biro-umum.iku-2016"].model
    inds = {i.name: i for e in doc.elements for i in e.indicators}
    assert len(inds) == 12 and all(i.key for i in inds.values())
    naskah = inds["Jumlah naskah dinas yang dilayani dengan e-Arsip"]
    assert (naskah.unit, naskah.targets) == ("bh", {2016: 1500, 2017: 1550})  # "1.500bh", locale id
    keluhan = inds["Berkurangnya jumlah keluhan terhadap pelayanan kebersihan, alat pendingin dan penerangan bangunan"]
    assert (keluhan.unit, keluhan.baseline, keluhan.targets) == ("kali", None, {2017: 60})  # N/A, "60 kali"
    spm = inds["Waktu rata-rata penerbitan Surat Perintah Membayar (SPM)"]
    assert (spm.unit, spm.baseline.year, spm.baseline.value) == ("hari", 2015, 2)  # "Baseline 2015" names the year
    # "3.5" printed beside "3,75" in a table read as locale id: never guessed, a finding at its cell
    tamu = inds["Indeks Kepuasan Pelayanan Tamu"]
    assert tamu.targets == {2017: 3.75}
    report = lint([str(TABLES / IKU)]).report
    assert [(f.code, f.variant, f.ref, f.cell) for f in report if f.code == "CAS007"] == [
        ("CAS007", "locale", "contoh-prov.biro-umum.iku-2016:S1.I4", "IKU!G8")]


def test_an_indicator_row_without_element_is_a_finding(tmp_path: Path) -> None:
    write_sheet(tmp_path / "iku.xlsx", [
        ["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024", "Target 2025"],
        [None, "I tanpa sasaran", "%", 1, 2],
        ["S", "I", "%", 1, 2],
    ])
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    report = lint([str(tmp_path)]).report
    assert [(f.code, f.variant, f.cell) for f in report if f.code == "CAS008"] == [("CAS008", "no-element", "IKU!B2")]


RPJMD = "dinkes-tujuan-sasaran.xlsx"


def test_the_real_tujuan_sasaran_table_with_the_rpjmd_preset(tmp_path: Path) -> None:
    ws = cascade.load(str(TABLES / RPJMD))
    doc = ws.parsed["contoh.dinkes.renstra-2018"].model
    # the "Misi . 2 ..." banner row is skipped; the tujuan and sasaran merged down open their elements
    assert [(e.id, e.kind, e.parent, len(e.indicators)) for e in doc.elements] == [("T1", "tujuan", None, 1), ("S1", "sasaran", "T1", 18)]
    bblr = doc.elements[1].indicators[2]
    assert (bblr.name, bblr.baseline.year, bblr.baseline.value, bblr.targets) == (
        "Persentase BBLR (%)", 2017, 13.0, {2018: 10.0, 2019: 8.0, 2020: 7.0, 2021: 5.0, 2022: 5.0})
    # "72.80" printed with a point among decimal commas, read as locale id: a finding at each cell, no guess
    report = lint([str(TABLES / RPJMD)]).report
    assert [f.cell for f in report if f.code == "CAS007"] == [f"Tujuan Sasaran!{c}5" for c in "FGHIJK"]
    assert doc.elements[0].indicators[0].targets == {}
    # without a declared locale each text is read when it reads one way only: 72.80 and 13,0 both
    shutil.copy(TABLES / RPJMD, tmp_path / RPJMD)
    (tmp_path / "dinkes-tujuan-sasaran.cascade.yaml").write_text(
        (TABLES / "dinkes-tujuan-sasaran.cascade.yaml").read_text() + "locale: null\n")
    doc = cascade.load(str(tmp_path)).parsed["contoh.dinkes.renstra-2018"].model
    assert doc.elements[0].indicators[0].targets == {2018: 73.42, 2019: 73.72, 2020: 74.03, 2021: 74.34, 2022: 74.65}
    assert doc.elements[1].indicators[2].baseline.value == 13.0
    assert not [f for f in lint([str(tmp_path)]).report if f.code == "CAS007"]


def test_the_html_report_names_the_cell(table: Path) -> None:
    ws = cascade.load(str(table))
    assert "[T-C.27!P11]" in ws.to_html(ws.validate())


def test_the_parse_cache_keeps_a_workbook_until_it_or_its_sidecar_changes(table: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache = str(tmp_path / "cache")
    cold = [(f.code, f.ref, f.cell) for f in cascade.load(str(table)).validate()]
    assert [(f.code, f.ref, f.cell) for f in cascade.load(str(table), cache=cache).validate()] == cold
    assert [(f.code, f.ref, f.cell) for f in cascade.load(str(table), cache=cache).validate()] == cold  # warm
    side = table / SIDECAR
    side.write_text(side.read_text().replace(DOC, "boalemo.dinkes.renstra-2023"))
    warm = cascade.load(str(table), cache=cache).validate()
    assert {f.ref.split(":")[0] for f in warm} == {"boalemo.dinkes.renstra-2023"}


def test_import_with_options_instead_of_a_sidecar(tmp_path: Path) -> None:
    shutil.copy(TABLES / IKU, tmp_path / IKU)
    (tmp_path / "doc.yaml").write_text(IKU_SIDECAR.replace("layout: iku\n", ""))
    out = tmp_path / "out"
    code = main(["import", str(tmp_path / IKU), "-o", str(out), "--layout", "iku", "--sheet", "IKU", "--document",
                 str(tmp_path / "doc.yaml"), "--lang", "en"])
    assert code == 1  # the "3.5" cell (CAS007) is an error
    text = (out / "contoh.iku-2024.yaml").read_text()
    assert "# IKU!E12" in text and 'targets: {2016: 1500, 2017: 1550}' in text and "key: true" in text
    assert main(["import", str(tmp_path / IKU), "-o", str(out), "--sheet", "Nope", "--document", str(tmp_path / "doc.yaml"),
                 "--layout", "iku"]) == 1  # CAS008: no such sheet, a finding
