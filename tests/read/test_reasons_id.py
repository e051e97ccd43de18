"""The reasons of CAS005 (``file-limit``) and CAS008 (``table-layout``) in Bahasa Indonesia.

The read layer writes each reason it composes itself in both languages (``reason`` and
``reason_id``); the Indonesian message takes ``reason_id`` and the English message is unchanged.
The system's reasons (``strerror``) stay English in the English message and are translated for the
common ones (:mod:`cascade.core.oserror`); the csv module's and openpyxl's error texts stay as they
are in both. CSV, FIFO and layout cases need no openpyxl; the workbook cases skip
without it.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from cascade.read import workbook
from cascade.read.tableimport import import_table
from cascade.review.pipeline import lint
from table_support import IKU_SIDECAR, REALISASI_SIDECAR, SHEET

HEADER = "Sasaran Strategis,Indikator Kinerja Utama,Satuan,Target 2024\n"
ROW = "Meningkatnya akses,Persentase layanan,%,90\n"
PRESETS = ", ".join(workbook.layout_names())


def messages(folder: Path, *, cache: str | None = None) -> list[tuple[str, str, str, str]]:
    """(code, variant, English message, Indonesian message) of the CAS005/CAS008 findings of ``folder``."""
    report = lint([str(folder)], cache=cache, jobs=1).report
    return [(f.code, f.variant, f.message, f.localized("id")) for f in report if f.code in ("CAS005", "CAS008")]


# ------------------------------------------------------------------ files that are no regular files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("name, sidecar", [("iku.csv", True), ("plan.yaml", False)])
def test_a_fifo_is_not_a_regular_file(tmp_path: Path, name: str, sidecar: bool) -> None:
    os.mkfifo(tmp_path / name)  # opened without blocking: no writer needed
    if sidecar:
        (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    assert messages(tmp_path) == [(
        "CAS005", "unreadable", "cannot read the file: not a regular file", "berkas tidak dapat dibaca: bukan berkas biasa",
    )]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_the_systems_reason_is_translated(tmp_path: Path) -> None:
    """A plan file, a configuration and a lock file that are a loop of symbolic links: the English
    message keeps the system's text, the Indonesian one said it in English too."""
    from cascade.review.config import ConfigError, read_regular_file
    from cascade.revisions.lock import read_lock

    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    report = lint([str(tmp_path / "a.yaml")], cache=None, jobs=1).report
    assert [(f.code, f.variant, f.message, f.localized("id")) for f in report] == [(
        "CAS005", "unreadable", "cannot read the file: Too many levels of symbolic links",
        "berkas tidak dapat dibaca: terlalu banyak tingkat tautan simbolik",
    )]
    with pytest.raises(ConfigError) as err:
        read_regular_file(str(tmp_path / "a.yaml"), 1000, "configuration")
    assert err.value.message_id.endswith("konfigurasi tidak dapat dibaca: terlalu banyak tingkat tautan simbolik")
    lock = read_lock(str(tmp_path / "a.yaml"))
    assert [f.localized("id") for f in lock.findings] == [
        "berkas kunci tidak dapat dibaca: terlalu banyak tingkat tautan simbolik; tidak ada tautan yang diperiksa terhadapnya"]


# ------------------------------------------------------------------ CSV tables


def test_a_csv_error_names_its_line_in_indonesian_and_keeps_the_modules_text(tmp_path: Path) -> None:
    (tmp_path / "iku.csv").write_text(HEADER + '"' + "x" * 200_000 + '",i,%,1\n')
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    assert messages(tmp_path) == [(
        "CAS005", "unreadable",
        "cannot read the file: line 2: field larger than field limit (131072)",
        "berkas tidak dapat dibaca: baris 2: field larger than field limit (131072)",
    )]


def test_a_csv_over_the_column_limit(tmp_path: Path) -> None:
    (tmp_path / "iku.csv").write_text(HEADER + ",".join(["x"] * 257) + "\n")
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    assert messages(tmp_path) == [(
        "CAS005", "workbook",
        "workbook over a limit: more than 200000 rows or 256 columns; it was not read",
        "buku kerja melampaui batas: lebih dari 200000 baris atau 256 kolom; berkas tidak dibaca",
    )]


# ------------------------------------------------------------------ layouts


LAYOUT_EN = "; it was not read (a layout file lies in the sidecar's folder or a subfolder)"
LAYOUT_ID = "; berkas tidak dibaca (berkas layout terletak di folder sidecar atau subfoldernya)"


@pytest.mark.parametrize("layout, why, why_id", [
    ("../outside/iku.yaml", "leads outside the sidecar's folder", "mengarah ke luar folder sidecar"),
    ("/proc/self/environ", "is not a relative path", "bukan jalur relatif"),
    (".cascade/iku.yaml", "leads to a hidden file or folder", "mengarah ke berkas atau folder tersembunyi"),
])
def test_a_refused_layout_file(tmp_path: Path, layout: str, why: str, why_id: str) -> None:
    ws, outside = tmp_path / "ws", tmp_path / "outside"
    (ws / ".cascade").mkdir(parents=True)
    outside.mkdir()
    for folder in (outside, ws / ".cascade"):
        shutil.copy(Path(workbook.LAYOUT_DIR) / "iku.yaml", folder / "iku.yaml")
    (ws / "iku.csv").write_text(HEADER + ROW)
    (ws / "iku.cascade.yaml").write_text(IKU_SIDECAR.replace("layout: iku", f"layout: {layout}"))
    for cache in (None, str(tmp_path / "cache")):  # a parse from the cache says it in both languages too
        assert messages(ws, cache=cache) == [(
            "CAS008", "layout",
            f"cannot use the layout: layout file {layout!r} {why}{LAYOUT_EN}",
            f"layout tidak dapat dipakai: berkas layout {layout!r} {why_id}{LAYOUT_ID}",
        )]


def test_no_such_layout(tmp_path: Path) -> None:
    (tmp_path / "iku.csv").write_text(HEADER + ROW)
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR.replace("layout: iku", "layout: mine.yaml"))
    assert messages(tmp_path) == [(
        "CAS008", "layout",
        f"cannot use the layout: no preset or layout file named 'mine.yaml' (presets: {PRESETS})",
        f"layout tidak dapat dipakai: tidak ada preset atau berkas layout bernama 'mine.yaml' (preset: {PRESETS})",
    )]


def test_no_such_layout_in_cascade_import(tmp_path: Path) -> None:
    (tmp_path / "iku.csv").write_text(HEADER + ROW)
    written, findings = import_table(str(tmp_path / "iku.csv"), str(tmp_path / "out"), layout="nope",
                                     document={"id": "contoh.iku-2024", "kind": "renstra"})
    assert written == []
    assert [(f.code, f.message, f.localized("id")) for f in findings] == [(
        "CAS008",
        f"cannot use the layout: no preset or layout file named 'nope' (presets: {PRESETS})",
        f"layout tidak dapat dipakai: tidak ada preset atau berkas layout bernama 'nope' (preset: {PRESETS})",
    )]


def test_a_layout_file_that_is_no_layout(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("name: mine\n")
    (tmp_path / "iku.csv").write_text(HEADER + ROW)
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR.replace("layout: iku", "layout: mine.yaml"))
    assert messages(tmp_path) == [(
        "CAS008", "layout",
        f"cannot use the layout: layout 'mine.yaml' is not a layout (presets: {PRESETS})",
        f"layout tidak dapat dipakai: layout 'mine.yaml' bukan layout (preset: {PRESETS})",
    )]


REALISASI_CSV = "Indikator Kinerja;Target 2024;Realisasi 2024\nPersentase layanan;90;88\n"


@pytest.mark.parametrize("sidecar, en, id_", [
    (REALISASI_SIDECAR.replace("layout: realisasi", "layout: iku"),
     "layout iku reads plans; a realisasi document needs layout: realisasi",
     "layout iku membaca dokumen rencana; dokumen realisasi memerlukan layout: realisasi"),
    (REALISASI_SIDECAR.replace("kind: realisasi\n  for: contoh.iku-2024\n", "kind: renstra\n"),
     "layout realisasi reads realisasi tables: the sidecar's document needs kind: realisasi and for: <plan id>",
     "layout realisasi membaca tabel realisasi: document di sidecar memerlukan kind: realisasi dan for: <id rencana>"),
    (REALISASI_SIDECAR.replace("year: 2024", "year: abc"),
     "year: 'abc' is not a year such as 2024",
     "year: 'abc' bukan tahun seperti 2024"),
    (REALISASI_SIDECAR + "names: [a, b]\n",
     "names: must map printed indicator names to indicator references",
     "names: harus memetakan nama indikator yang tercetak ke rujukan indikator"),
])
def test_a_realisasi_sidecar_that_does_not_fit_its_layout(tmp_path: Path, sidecar: str, en: str, id_: str) -> None:
    (tmp_path / "lkjip.csv").write_text(REALISASI_CSV)
    (tmp_path / "lkjip.cascade.yaml").write_text(sidecar)
    assert messages(tmp_path) == [
        ("CAS008", "layout", f"cannot use the layout: {en}", f"layout tidak dapat dipakai: {id_}"),
    ]


def test_a_producer_without_reason_id_falls_back_to_its_reason() -> None:
    from cascade.rules.catalog import make_finding

    f = make_finding("CAS008", "layout", reason="something else")
    assert (f.message, f.localized("id")) == ("cannot use the layout: something else", "layout tidak dapat dipakai: something else")


# ------------------------------------------------------------------ workbooks


def _workbook(path: Path, edit=lambda xml: xml, part: str = SHEET, extra: dict[str, bytes] | None = None) -> None:
    """:func:`table_support.rewritten_workbook` with its IKU sidecar beside it."""
    from table_support import rewritten_workbook

    rewritten_workbook(path, edit, part, extra)
    (path.parent / "iku.cascade.yaml").write_text(IKU_SIDECAR)


def _ranges(refs: list[str], tag: str = "mergeCell"):
    outer = "hyperlinks" if tag == "hyperlink" else "mergeCells"
    block = f"<{outer}>" + "".join(f'<{tag} ref="{r}"/>' for r in refs) + f"</{outer}>"
    return lambda xml: xml.replace(b"</sheetData>", b"</sheetData>" + block.encode())


_MAIN_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_COMMENTS = {"xl/comments1.xml": b"<comments " + _MAIN_NS + b'><commentList><comment ref="A1:XFD1048576">'
                                 b"<text><t>x</t></text></comment></commentList></comments>"}


@pytest.mark.parametrize("edit, part, extra, en, id_", [
    (_ranges(["A3:XFD1048576"]), SHEET, None,
     f"merged range A3:XFD1048576 in {SHEET} reaches beyond 200000 rows or 256 columns",
     f"rentang gabungan A3:XFD1048576 di {SHEET} melampaui 200000 baris atau 256 kolom"),
    (_ranges(["A3:XFD1048576"], tag="hyperlink"), SHEET, None,
     f"hyperlinked range A3:XFD1048576 in {SHEET} reaches beyond 200000 rows or 256 columns",
     f"rentang berhyperlink A3:XFD1048576 di {SHEET} melampaui 200000 baris atau 256 kolom"),
    (lambda xml: xml, SHEET, _COMMENTS,
     "commented range A1:XFD1048576 in xl/comments1.xml reaches beyond 200000 rows or 256 columns",
     "rentang berkomentar A1:XFD1048576 di xl/comments1.xml melampaui 200000 baris atau 256 kolom"),
    (_ranges(["A1 B2"]), SHEET, None,
     f"merged range 'A1 B2' in {SHEET} is not a cell range",
     f"rentang gabungan 'A1 B2' di {SHEET} bukan rentang sel"),
    (_ranges([f"A{i}:IV{i + 1}" for i in range(3, 403)]), SHEET, None,
     f"merged, hyperlinked and commented ranges cover more than 200000 cells (at A393:IV394 in {SHEET})",
     f"rentang gabungan, berhyperlink dan berkomentar mencakup lebih dari 200000 sel (pada A393:IV394 di {SHEET})"),
    (lambda xml: xml.replace(b"</sheetData>", b'<row r="9">' + b"<c/>" * 500_001 + b"</row></sheetData>"), SHEET, None,
     f"more than 500,000 cells (in {SHEET})",
     f"lebih dari 500,000 sel (di {SHEET})"),
    (lambda xml: xml.replace(b"</cellXfs>", b"<xf/>" * 130_001 + b"</cellXfs>"), "xl/styles.xml", None,
     "more than 130,000 cell formats (in xl/styles.xml)",
     "lebih dari 130,000 format sel (di xl/styles.xml)"),
    (lambda xml: xml.replace(b"</sheetData>", b'</sheetData><dataValidations count="1"><dataValidation sqref="'
                             + b" ".join([b"A1"] * 100_001) + b'"/></dataValidations>'), SHEET, None,
     f"more than 100,000 ranges in conditional formatting or data validation (in {SHEET})",
     f"lebih dari 100,000 rentang dalam pemformatan bersyarat atau validasi data (di {SHEET})"),
])
def test_a_workbook_over_a_range_or_element_limit(tmp_path: Path, edit, part: str, extra, en: str, id_: str) -> None:
    pytest.importorskip("openpyxl")
    _workbook(tmp_path / "iku.xlsx", edit, part, extra)
    assert messages(tmp_path) == [
        ("CAS005", "workbook", f"workbook over a limit: {en}; it was not read",
         f"buku kerja melampaui batas: {id_}; berkas tidak dibaca"),
    ]


def test_a_workbook_of_too_many_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("openpyxl")
    _workbook(tmp_path / "iku.xlsx")
    parts = len(zipfile.ZipFile(tmp_path / "iku.xlsx").infolist())
    monkeypatch.setattr(workbook, "MAX_MEMBERS", parts - 1)
    assert messages(tmp_path) == [(
        "CAS005", "workbook", f"workbook over a limit: {parts} parts in the zip; it was not read",
        f"buku kerja melampaui batas: {parts} bagian di dalam zip; berkas tidak dibaca",
    )]


def test_a_zip_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("openpyxl")
    _workbook(tmp_path / "iku.xlsx")
    infos = zipfile.ZipFile(tmp_path / "iku.xlsx").infolist()
    unpacked, packed = sum(i.file_size for i in infos), sum(i.compress_size for i in infos)
    monkeypatch.setattr(workbook, "MAX_UNPACKED", 1000)
    assert messages(tmp_path) == [(
        "CAS005", "workbook",
        f"workbook over a limit: unpacks to {unpacked} bytes from {packed} (a zip bomb?); it was not read",
        f"buku kerja melampaui batas: terurai menjadi {unpacked} byte dari {packed} (bom zip?); berkas tidak dibaca",
    )]


def test_a_sheet_over_the_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("openpyxl")
    _workbook(tmp_path / "iku.xlsx")
    monkeypatch.setattr(workbook, "MAX_ROWS", 1)
    assert messages(tmp_path) == [(
        "CAS005", "workbook",
        "workbook over a limit: sheet 'IKU' has 2 rows and 4 columns (limits 1 and 256); it was not read",
        "buku kerja melampaui batas: sheet 'IKU' memiliki 2 baris dan 4 kolom (batasnya 1 dan 256); berkas tidak dibaca",
    )]


def test_a_file_that_is_not_a_zip(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    (tmp_path / "iku.xlsx").write_bytes(b"not a zip at all")
    (tmp_path / "iku.cascade.yaml").write_text(IKU_SIDECAR)
    assert messages(tmp_path) == [(
        "CAS005", "unreadable", "cannot read the file: not an .xlsx workbook (not a zip file)",
        "berkas tidak dapat dibaca: bukan buku kerja .xlsx (bukan berkas zip)",
    )]


def test_openpyxls_own_text_stays_as_it_is(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    _workbook(tmp_path / "iku.xlsx", lambda xml: b"<worksheet " + _MAIN_NS + b"><sheetData><row")  # broken XML
    [(code, variant, en, id_)] = messages(tmp_path)
    assert (code, variant) == ("CAS005", "unreadable")
    assert en.startswith("cannot read the file: ")
    assert id_ == "berkas tidak dapat dibaca: " + en.removeprefix("cannot read the file: ")
