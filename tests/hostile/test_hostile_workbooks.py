"""Hostile workbooks (docs/hostile-input.md, "Workbooks are input too"): zip bombs, files that are not
workbooks, huge sheets, formulas and external links. Each is a finding, never a traceback or a hang."""

from __future__ import annotations

import signal
import zipfile
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

import cascade
from cascade.review.pipeline import lint
from table_support import IKU_SIDECAR, REALISASI_SIDECAR, SHEET, rewritten_workbook, write_sheet







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
    # the scan before openpyxl reads the expanded text and stops at a cell's 32,767 characters
    # (before it, openpyxl's parser stopped at its amplification limit: CAS005 unreadable)
    assert [(f.code, f.variant, f.message) for f in report] == [(
        "CAS005", "workbook",
        "workbook over a limit: a cell's text longer than 32,767 characters (in xl/worksheets/sheet1.xml); it was not read")]


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


# ------------------------------------------------------------------ realisasi tables (layout: realisasi)

def _iku_plan(folder: Path, n: int) -> None:
    rows = [["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024"]]
    rows += [["Meningkatnya akses", f"Persentase layanan nomor {i}", "%", 90] for i in range(n)]
    write_sheet(folder / "iku.xlsx", rows)
    (folder / "iku.cascade.yaml").write_text(IKU_SIDECAR)


@pytest.mark.parametrize("sidecar_extra", ["", "range: A1:E3\n", "names: {x: S1.I1, 'Persentase layanan nomor 1': '../../etc'}\n", "year: 99999\n", "year: [1]\n"])
def test_a_hostile_realisasi_table_is_findings_never_a_traceback(tmp_path: Path, sidecar_extra: str) -> None:
    _iku_plan(tmp_path, 3)
    header = ["Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
    rows = [header, ["Meningkatnya akses", "Persentase layanan nomor 9\u202e", "90", "=1/0", "sangat baik"],
            [None, None, None, None, None], [None, 7, "1.234", "88,5", "98,33"], header,
            ["", "Persentase layanan nomor 1", "< 9O", "60 - 70", "-"], [None, None, 1, 2, 3]]
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    ws.merge_cells("A5:A6")
    wb.save(tmp_path / "lkjip.xlsx")
    sidecar = REALISASI_SIDECAR.replace("year: 2024\n", "") if sidecar_extra.startswith("year") else REALISASI_SIDECAR
    (tmp_path / "lkjip.cascade.yaml").write_text(sidecar + sidecar_extra)
    report = lint([str(tmp_path)]).report  # never raises
    got = [(f.code, f.variant, f.cell) for f in report if f.code.startswith(("CAS0", "CAS706", "CAS707"))]
    if sidecar_extra.startswith(("year: 9", "year: [")):
        assert [(c, v) for c, v, _ in got] == [("CAS008", "layout")]
        return
    if sidecar_extra.startswith("names"):  # no row prints 'x'; a ref that is not one is the schema's finding at its row
        assert ("CAS008", "name", "Sheet!A1") in got
        assert [(f.code, f.cell) for f in report if f.code == "CAS104"] == [("CAS104", "Sheet!B6")]
    assert ("CAS007", "formula", "Sheet!D2") in got and ("CAS007", "not-number", "Sheet!E2") in got
    # no plan indicator is number 9; the bidi override is escaped in the message (invisible marks are
    # no letters: "nomor 0\u202e" would be indicator 0's name)
    [bidi] = [f for f in report if f.code == "CAS706" and f.cell == "Sheet!B2"]
    assert "\u202e" not in bidi.message and "\\u202e" in bidi.message
    if sidecar_extra.startswith("range"):
        return
    assert ("CAS007", "not-number", "Sheet!D6") in got  # a range is no realisasi
    assert ("CAS008", "no-indicator", "Sheet!B7") in got
    assert ("CAS706", "default", "Sheet!B4") in got  # a name that is a number: matched to nothing, never guessed


def test_many_unmatched_rows_stop_asking_for_hints(tmp_path: Path) -> None:
    """The did-you-mean of CAS706 compares a name with every indicator name of the plan: past the graph
    builder's hint budget the findings simply carry no hint (no hours of comparisons)."""
    from cascade import graph

    _iku_plan(tmp_path, 400)
    lines = ["Indikator Kinerja;Target 2024;Realisasi 2024"] + [f"Cakupan lain {i};1;1" for i in range(600)]
    (tmp_path / "lkjip.csv").write_text("\n".join(lines) + "\n")
    (tmp_path / "lkjip.cascade.yaml").write_text(REALISASI_SIDECAR)
    report = [f for f in cascade.load(str(tmp_path)).validate() if f.code == "CAS706"]
    assert len(report) == 600
    assert graph.HINT_BUDGET // 400 < 600  # the budget runs out before the last row
    assert report[-1].variant == "default"


# ------------------------------------------------------------------ files that are no files, range bombs




def _blocked(*_: object) -> None:
    raise TimeoutError("the lint blocked or ran away")


def _lint_within_30_s(folder: Path):
    """The report of ``folder``, or a failure (not a hang) when the lint takes more than 30 s."""
    signal.signal(signal.SIGALRM, _blocked)
    signal.alarm(30)
    try:
        return lint([str(folder)], cache=None, jobs=1).report
    finally:
        signal.alarm(0)


_with_sheet_xml = rewritten_workbook


def _merges(refs: list[str], tag: str = "mergeCell", prefix: str = "") -> callable:
    p = f"{prefix}:" if prefix else ""
    ns = f' xmlns:{prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' if prefix else ""
    outer = "hyperlinks" if tag == "hyperlink" else "mergeCells"
    block = f"<{p}{outer}{ns}>" + "".join(f'<{p}{tag} ref="{r}"/>' for r in refs) + f"</{p}{outer}>"
    return lambda xml: xml.replace(b"</sheetData>", b"</sheetData>" + block.encode())




@pytest.mark.parametrize("edit, reason", [
    # 5 KB that asked openpyxl for 17 billion MergedCell objects (killed at 120 s and 14 GB)
    (_merges(["A3:XFD1048576"]), f"merged range A3:XFD1048576 in {SHEET} reaches beyond 200000 rows or 256 columns"),
    # 400 one-row merges across every column: 110 s and 2.2 GB
    (_merges([f"A{i}:XFD{i + 1}" for i in range(3, 403)]), f"merged range A3:XFD4 in {SHEET} reaches beyond 200000 rows or 256 columns"),
    # inside the sheet limits, but 400 x 512 cells together
    (_merges([f"A{i}:IV{i + 1}" for i in range(3, 403)]),
     f"merged, hyperlinked and commented ranges cover more than 200000 cells (at A393:IV394 in {SHEET})"),
    # a hyperlink on a range makes a cell for each of its cells
    (_merges(["A3:XFD1048576"], tag="hyperlink"), f"hyperlinked range A3:XFD1048576 in {SHEET} reaches beyond 200000 rows or 256 columns"),
    # a whole column is every row
    (_merges(["C:C"]), f"merged range C:C in {SHEET} reaches beyond 200000 rows or 256 columns"),
    # what a byte search misses, the XML parser sees: a namespace prefix, character references, UTF-16
    (_merges(["A3:XFD&#49;048576"], prefix="x"), f"merged range A3:XFD1048576 in {SHEET} reaches beyond 200000 rows or 256 columns"),
    (lambda xml: _merges(["A3:XFD1048576"])(xml).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
     f"merged range A3:XFD1048576 in {SHEET} reaches beyond 200000 rows or 256 columns"),
    (_merges(["A1 B2"]), f"merged range 'A1 B2' in {SHEET} is not a cell range"),
])
def test_a_merged_cell_bomb_is_a_finding_before_openpyxl_expands_it(tmp_path: Path, edit, reason: str) -> None:
    _with_sheet_xml(tmp_path / "iku.xlsx", edit)
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    report = _lint_within_30_s(tmp_path)
    assert [(f.code, f.variant, f.file, f.line, f.column, f.message) for f in report] == [
        ("CAS005", "workbook", str(tmp_path / "iku.xlsx"), 1, 1, f"workbook over a limit: {reason}; it was not read"),
    ]


_MAIN_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


@pytest.mark.parametrize("edit, part, extra, reason", [
    # a comment on a range: openpyxl sets it on every cell of the range (5.5 KB: 23 s and 3.8 GB)
    (lambda xml: xml, SHEET, {"xl/comments1.xml": b'<comments ' + _MAIN_NS + b'><commentList><comment ref="A1:XFD1048576">'
                                                   b'<text><t>x</t></text></comment></commentList></comments>'},
     "commented range A1:XFD1048576 in xl/comments1.xml reaches beyond 200000 rows or 256 columns"),
    # empty cells load in full before any row or column limit (1.4 MB: 40 s and 3.7 GB)
    (lambda xml: xml.replace(b"</sheetData>", b'<row r="9">' + b"<c/>" * 500_001 + b"</row></sheetData>"), SHEET, None,
     f"more than 500,000 cells (in {SHEET})"),
    # cell formats (19 KB of <xf/>: 21 s and 1.3 GB)
    (lambda xml: xml.replace(b"</cellXfs>", b"<xf/>" * 130_001 + b"</cellXfs>"), "xl/styles.xml", None,
     "more than 130,000 cell formats (in xl/styles.xml)"),
    # rows without cells: one object each (3 million <row ht="3"/> in 341 KB: 22 s and 2.0 GB)
    (lambda xml: xml.replace(b"</sheetData>", b'<row ht="3"/>' * 200_001 + b"</sheetData>"), SHEET, None,
     f"more than 200,000 rows (in {SHEET})"),
    # elements openpyxl does not know, in a part it parses whole (25 million <a/> in styles: 2.4 GB)
    (lambda xml: xml.replace(b"</styleSheet>", b"<extLst><ext uri='x'>" + b"<a/>" * 4_000_001 + b"</ext></extLst></styleSheet>"),
     # with 100 KB that does not compress, so that the zip's unpacked/packed ratio stays under 200
     "xl/styles.xml", {"xl/media/pad.bin": __import__("random").Random(0).randbytes(100_000)},
     "more than 4,000,000 XML elements (in xl/styles.xml)"),
    # one shared string that many cells read: read once per cell (a 1 MB string in 400 cells: 47 s, 3 GB)
    (lambda xml: xml, SHEET, {"xl/sharedStrings.xml": b"<sst " + _MAIN_NS + b"><si><t>" + b"kata " * 6_554 + b"</t></si></sst>"},
     "a shared string longer than 32,767 characters (in xl/sharedStrings.xml)"),
    # an inline string longer than a cell holds (240 cells of 1 MB: 2.9 GB, then a MemoryError)
    (lambda xml: xml.replace(b"</sheetData>", b'<row r="9"><c r="A9" t="inlineStr"><is><t>' + b"k" * 32_768
                             + b"</t></is></c></row></sheetData>"), SHEET, None,
     f"a cell's text longer than 32,767 characters (in {SHEET})"),
    # one shared string of 32,000 characters read by 700 cells: 22.4 million characters for the reader
    # (4,000 such cells in 15.8 KB: 13.5 s and 720 MB)
    (lambda xml: xml.replace(b"</sheetData>", b'<row r="9">' + b'<c t="s"><v>0</v></c>' * 700 + b"</row></sheetData>"),
     SHEET, {"xl/sharedStrings.xml": b"<sst " + _MAIN_NS + b"><si><t>" + b"k" * 32_000 + b"</t></si></sst>"},
     "the cells' text adds up to more than 20,000,000 characters (a shared string counted for every cell that reads it)"),
    # twelve <sheet>s on one part: openpyxl loads it twelve times, past every count (2.7 GB)
    (lambda xml: xml.replace(b"</sheets>", b"".join(
        b'<sheet name="S%d" sheetId="%d" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
        % (i, i + 10) for i in range(11)) + b"</sheets>"), "xl/workbook.xml", None,
     "two sheets read the same part 'xl/worksheets/sheet1.xml'"),
    # a data validation over 100,001 ranges (each a range object)
    (lambda xml: xml.replace(b"</sheetData>", b'</sheetData><dataValidations count="1"><dataValidation sqref="'
                             + b" ".join([b"A1"] * 100_001) + b'"/></dataValidations>'), SHEET, None,
     f"more than 100,000 ranges in conditional formatting or data validation (in {SHEET})"),
])
def test_what_openpyxl_builds_before_any_limit_is_counted_first(tmp_path: Path, edit, part: str, extra, reason: str) -> None:
    _with_sheet_xml(tmp_path / "iku.xlsx", edit, part, extra)
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    report = _lint_within_30_s(tmp_path)
    assert [(f.code, f.variant, f.file, f.line, f.column, f.message) for f in report] == [
        ("CAS005", "workbook", str(tmp_path / "iku.xlsx"), 1, 1, f"workbook over a limit: {reason}; it was not read"),
    ]


def test_merged_cells_within_the_limits_are_read(tmp_path: Path) -> None:
    rows = [["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024"], ["s", "i", "%", 1], [None, "j", "%", 2]]
    write_sheet(tmp_path / "iku.xlsx", rows, merges=["A2:A3"])
    _with_sheet_xml(tmp_path / "big.xlsx", _merges(["F1:IV700"]))  # 179,200 cells: under the limit
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    (tmp_path / "big.cascade.yaml").write_text(IKU_SIDECAR.replace("contoh.iku-2024", "contoh.big-2024"))
    report = lint([str(tmp_path)], cache=None, jobs=1).report
    assert [f for f in report if f.code.startswith("CAS00")] == []
    assert report.stats["indicators"] == 3


def test_a_sheet_name_with_control_characters_is_shown_escaped(tmp_path: Path) -> None:
    """A sheet named ``IK\\u202eU`` (or with a tab or line break) was printed raw in every finding's cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "IK\u202eU\tX"
    for row in [["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024"], ["s", "i", "%", 1]]:
        sheet.append(row)
    book.save(tmp_path / "iku.xlsx")
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    report = lint([str(tmp_path)], cache=None, jobs=1).report
    cells = {f.cell for f in report if f.cell}
    assert cells and all(c.startswith("IK\\u202eU\\u0009X!") for c in cells)
    from cascade.reporters import render_report

    for fmt in ("concise", "github", "json"):
        shown = render_report(report, fmt)
        assert "\u202e" not in shown and "\t" not in shown.replace("\\t", "")


def test_a_workbook_of_two_sheets_is_read(tmp_path: Path) -> None:
    """Two sheets on two parts, as Excel writes them: nothing refused (only one part per sheet is)."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = "IKU"
    for row in [["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024"], ["s", "i", "%", 1]]:
        first.append(row)
    book.create_sheet("Catatan").append(["catatan"])
    book.save(tmp_path / "iku.xlsx")
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR.replace("layout: iku", "layout: iku\nsheet: IKU"))
    report = lint([str(tmp_path)], cache=None, jobs=1).report
    assert [f for f in report if f.code.startswith("CAS00")] == [] and report.stats["indicators"] == 1
