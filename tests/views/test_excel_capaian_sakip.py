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
    assert capaian[0][:6] == ("ref", "year", "target", "realized", "capaian", "category")
    rows = {(r[0], r[1]): r for r in capaian[1:]}
    # the same row `cascade capaian specs --year 2022` prints: Tingkat Kemiskinan 4.1 -> 4.76, 83.90, tinggi
    assert rows[("kota-madiun.rpjmd-2019:T2.2.I1", 2022)][2:6] == (4.1, 4.76, 83.9, "tinggi")
    cell = next(c for c in wb["Capaian"]["F"] if c.value == "tinggi")
    assert cell.fill.fgColor.rgb.endswith("4AC26B")  # coloured by its category
    assert wb["Capaian"].freeze_panes == "A2" and wb["Capaian"].auto_filter.ref
    sakip = _sheet(wb, "SAKIP")
    assert sakip[0][:3] == ("id", "mode", "answer")
    by_id = {r[0]: r for r in sakip[1:]}
    assert by_id["perencanaan.2.5"][2] == "A" and by_id["total"][2] == ws.sakip(as_of=2026).predikat


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
