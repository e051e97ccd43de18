"""Hostile workbooks (docs/hostile-input.md, "Workbooks are input too"): zip bombs, files that are not
workbooks, huge sheets, formulas and external links. Each is a finding, never a traceback or a hang."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

import cascade
from cascade.review.pipeline import lint
from table_support import IKU_SIDECAR, write_sheet







def test_a_zip_bomb_is_a_finding_not_a_hang(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    (tmp_path / "bomb.cascade.yaml").write_text(IKU_SIDECAR)
    report = lint([str(tmp_path)]).report
    assert [(f.code, f.variant) for f in report] == [("CAS005", "workbook")]
    assert "zip bomb" in list(report)[0].message


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_bytes(b"not a zip at all")
    (tmp_path / "x.cascade.yaml").write_text(IKU_SIDECAR)
    assert [(f.code, f.variant) for f in lint([str(tmp_path)]).report] == [("CAS005", "unreadable")]


def test_a_huge_sheet_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cascade.read import workbook

    monkeypatch.setattr(workbook, "MAX_ROWS", 3)
    write_sheet(tmp_path / "iku.xlsx", [["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024"]] + [["s", "i", "%", 1]] * 5)
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    report = lint([str(tmp_path)]).report
    assert [(f.code, f.variant) for f in report] == [("CAS005", "workbook")]


def test_formulas_are_never_evaluated_and_external_links_not_followed(tmp_path: Path) -> None:
    write_sheet(tmp_path / "iku.xlsx", [
        ["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024", "Target 2025"],
        ["S", "I", "%", "='[other.xlsx]Sheet1'!A1", '=WEBSERVICE("http://example.invalid/x")'],
    ])
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    report = lint([str(tmp_path)]).report
    cells = [(f.code, f.variant, f.cell) for f in report if f.code == "CAS007"]
    assert cells == [("CAS007", "formula", "IKU!D2"), ("CAS007", "formula", "IKU!E2")]
    ind = cascade.load(str(tmp_path)).parsed["contoh.iku-2024"].model.elements[0].indicators[0]
    assert ind.targets == {}



def test_export_writes_a_plan_text_starting_with_equals_as_text(tmp_path: Path) -> None:
    doc = {"document": {"id": "x.rpjmn", "kind": "rpjmn", "title": "=HYPERLINK(\"http://example.invalid\")",
                        "period": {"start": 2025, "end": 2029}},
           "elements": [{"id": "PN1", "kind": "prioritas_nasional", "name": "=1+1"}]}
    ws = cascade.load(doc)
    ws.to_excel(str(tmp_path / "r.xlsx"))
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    cells = [c for s in book for r in s.iter_rows() for c in r if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)


def test_an_entity_bomb_in_a_sheet_is_a_finding(tmp_path: Path) -> None:
    write_sheet(tmp_path / "plain.xlsx", [["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024"], ["s", "i", "%", 1]])
    levels = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    dtd = f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "lol">{levels}]>'
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as zin, zipfile.ZipFile(tmp_path / "iku.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode().split("?>", 1)[1] if data.startswith(b"<?xml") else data.decode()
                data = (dtd + text.replace("<t>s</t>", "<t>&l9;</t>", 1)).encode()
            zout.writestr(item, data)
    (tmp_path / "plain.xlsx").unlink()
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    report = lint([str(tmp_path)]).report
    assert [(f.code, f.variant) for f in report] == [("CAS005", "unreadable")]
    assert "amplification" in list(report)[0].message


@pytest.mark.parametrize("extra", ["range: ZZZZ9:1", "range: [1, 2]", "sheet: Nope", "layout: ../../etc/passwd",
                                   "layout: {a: 1}", "links: [1, 2]", "locale: xx", "range: B9:A1"])
def test_a_hostile_sidecar_is_a_finding(tmp_path: Path, extra: str) -> None:
    write_sheet(tmp_path / "iku.xlsx", [["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024"], ["s", "i", "%", 1]])
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR.replace("layout: iku\n", "") + ("" if extra.startswith("layout") else "layout: iku\n") + extra + "\n")
    report = lint([str(tmp_path)]).report  # never raises
    if extra.startswith(("links", "locale")):
        assert not [f for f in report if f.code.startswith("CAS00")]
    else:
        assert [f.code for f in report if f.code.startswith("CAS00")] == ["CAS008"]
