"""The workbook export's capaian and SAKIP sheets, read back with openpyxl (not only "the file exists")."""

from __future__ import annotations

from pathlib import Path

import pytest

import cascade

openpyxl = pytest.importorskip("openpyxl", reason="the xlsx extra (openpyxl) is needed: pip install -e '.[xlsx]'")

SPECS = Path(__file__).resolve().parents[2] / "specs"


def _sheet(wb, name: str) -> list[tuple]:
    return [tuple(c.value for c in row) for row in wb[name].iter_rows()]


def test_capaian_and_sakip_sheets_read_back(tmp_path: Path) -> None:
    ws = cascade.load(str(SPECS))
    out = tmp_path / "laporan.xlsx"
    ws.to_excel(out, ws.validate(as_of=2026), as_of=2026)
    wb = openpyxl.load_workbook(out)
    assert {"Capaian", "SAKIP"} <= set(wb.sheetnames)
    capaian = _sheet(wb, "Capaian")
    assert capaian[0] == ("Rujukan", "Tahun", "Target", "Realisasi", "Capaian", "Kategori", "Polaritas", "Status",
                          "Sumber", "Catatan")  # for people: Bahasa Indonesia by default
    rows = {(r[0], r[1]): r for r in capaian[1:]}
    # the same row `cascade capaian specs --year 2022` prints: Tingkat Kemiskinan 4.1 -> 4.76, 83.90, tinggi
    assert rows[("kota-madiun.rpjmd-2019:T2.2.I1", 2022)][2:6] == (4.1, 4.76, 83.9, "tinggi")
    cell = next(c for c in wb["Capaian"]["F"] if c.value == "tinggi")
    assert cell.fill.fgColor.rgb.endswith("4AC26B")  # coloured by its category
    assert wb["Capaian"].freeze_panes == "A2" and wb["Capaian"].auto_filter.ref
    sakip = _sheet(wb, "SAKIP")
    assert sakip[0] == ("Kriteria", "Mode", "Jawaban", "Nilai", "Bobot", "Terpenuhi", "Jumlah", "Bukti", "Ref")
    by_id = {r[0]: r for r in sakip[1:]}
    assert by_id["perencanaan.2.5"][:3] == ("perencanaan.2.5", "otomatis", "A")
    assert by_id["jumlah"][2] == ws.sakip(as_of=2026).predikat and by_id["jumlah"][7].endswith(" / 100 (indikatif)")
    at = sakip.index(by_id["jumlah"])  # under the total, where it can still land
    assert sakip[at + 1][7].startswith("Rentang bila bobot yang belum dinilai bernilai nol sampai penuh: ")
    assert sakip[at + 1][7].endswith(" (D) - 94.47 (AA)")


def test_no_capaian_sheet_without_realisasi_and_names_stay_masked(tmp_path: Path) -> None:
    plans = [p for p in SPECS.rglob("*.yaml") if "realisasi" not in p.name]
    ws = cascade.load(*map(str, plans))
    out = tmp_path / "laporan.xlsx"
    ws.to_excel(out, lang="en")
    wb = openpyxl.load_workbook(out)
    assert "Capaian" not in wb.sheetnames and "SAKIP" in wb.sheetnames
    text = " ".join(str(c.value) for sheet in wb for row in sheet.iter_rows() for c in row if c.value is not None)
    for holder in (e.employee for d in ws.documents.values() for e in d.elements if e.employee is not None):
        assert holder.nip not in text and holder.name not in text


def test_findings_coverage_capaian_sakip_speak_the_language_english_on_request(tmp_path: Path) -> None:
    """`cascade export examples/defects`: the planner reads kesalahan/peringatan (as the CLI text says),
    Indonesian column names and capaian notes; ``lang="en"`` keeps the English keys and words."""
    ws = cascade.load(str(SPECS.parent / "examples" / "defects"))
    report = ws.validate(as_of=2026)
    ws.to_excel(tmp_path / "id.xlsx", report, as_of=2026)
    ws.to_excel(tmp_path / "en.xlsx", report, as_of=2026, lang="en")
    wb, en = openpyxl.load_workbook(tmp_path / "id.xlsx"), openpyxl.load_workbook(tmp_path / "en.xlsx")
    assert {r[0] for r in _sheet(wb, "Temuan")[1:]} == {"kesalahan", "peringatan", "info"}
    assert {r[0] for r in _sheet(en, "Findings")[1:]} == {"error", "warning", "info"}
    rules = wb["Temuan"].conditional_formatting
    assert sorted(r.formula[0] for cf in rules for r in cf.rules) == ['"info"', '"kesalahan"', '"peringatan"']
    coverage = _sheet(wb, "Cakupan")[0]
    assert coverage[:6] == ("Dokumen", "Jenis", "Jenjang", "Judul", "Elemen", "Indikator")
    assert "Elemen: Prioritas Nasional" in coverage and "Elemen: Sub Kegiatan" in coverage and "Indikator: outcome" in coverage
    assert coverage[-7:] == ("Tertaut ke atas", "Didukung dari bawah", "Elemen yatim", "Indikator yatim", "Kesalahan",
                             "Peringatan", "Info")
    assert _sheet(en, "Coverage")[0][:5] == ("document", "kind", "tier", "title", "elements")
    rows = {(r[0], r[1]): r for r in _sheet(wb, "Capaian")[1:]}
    assert rows[("klaten.dinsos.renstra-2025:K4.1.I1", 2026)][6:] == ("positif", None, None, "tidak ada realisasi")
    assert rows[("klaten.dinsos.renstra-2025:T1.I1", 2024)][9] == "tidak ada target"
    assert rows[("klaten.dinsos.renstra-2025:P6.I1", 2026)][7] == "sementara"
    en_rows = {(r[0], r[1]): r for r in _sheet(en, "Capaian")}
    assert en_rows[("ref", "year")] == ("ref", "year", "target", "realized", "capaian", "category", "polarity", "status", "source", "note")
    assert en_rows[("klaten.dinsos.renstra-2025:K4.1.I1", 2026)][6:] == ("positive", None, None, "no realisasi")
    en_sakip = _sheet(en, "SAKIP")
    assert en_sakip[0][:3] == ("id", "mode", "answer") and [r[0] for r in en_sakip].count("total") == 1
    assert en_sakip[[r[0] for r in en_sakip].index("total") + 1][7].startswith("Range if the weight not assessed scores")
    criteria = _sheet(wb, "SAKIP")[1:[r[0] for r in _sheet(wb, "SAKIP")].index("jumlah")]
    assert {r[1] for r in criteria} <= {"otomatis", "sebagian", "manual"}
