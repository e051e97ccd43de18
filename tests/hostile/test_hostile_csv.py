"""Hostile CSV plan tables (docs/hostile-input.md, "Workbooks are input too"): read without openpyxl,
so these run on the core install. Each is a finding on that file, never a traceback."""

from __future__ import annotations

import contextlib
import io
import os
import threading
from pathlib import Path

import pytest

from cascade.review.pipeline import lint
from table_support import IKU_SIDECAR

SIDECAR = IKU_SIDECAR  # the illustrative IKU sidecar (tests/support/table_support.py: no openpyxl needed)
HEADER = "Sasaran Strategis,Indikator Kinerja Utama,Satuan,Target 2024\n"


def test_a_field_over_the_csv_modules_limit_is_a_finding(tmp_path: Path) -> None:
    # the csv module refuses a field over 131,072 characters with csv.Error, which escaped as a traceback
    (tmp_path / "iku.csv").write_text(HEADER + '"' + "x" * 200_000 + '",i,%,1\n')
    (tmp_path / "iku.cascade.yaml").write_text(SIDECAR)
    (tmp_path / "other.yaml").write_text("document: [\n")  # the rest of the workspace is still read
    report = lint([str(tmp_path)], cache=None, jobs=1).report
    assert [(f.code, f.variant, f.file, f.line, f.column, f.message) for f in report] == [
        ("CAS005", "unreadable", str(tmp_path / "iku.csv"), 1, 1,
         "cannot read the file: line 2: field larger than field limit (131072)"),
        ("CAS001", "default", str(tmp_path / "other.yaml"), 2, 1, report.findings[1].message),
    ]


def test_one_path_as_a_string_is_that_path(tmp_path: Path) -> None:
    # lint("plans") iterated the string: it linted "/", "t", "m", "p"... (the whole file system)
    (tmp_path / "iku.csv").write_text(HEADER + "Meningkatnya akses,Persentase layanan,%,90\n")
    (tmp_path / "iku.cascade.yaml").write_text(SIDECAR)
    as_string = lint(str(tmp_path), cache=None, jobs=1)
    as_list = lint([str(tmp_path)], cache=None, jobs=1)
    assert as_string.report.stats == as_list.report.stats
    assert [f.sort_key for f in as_string.report] == [f.sort_key for f in as_list.report] != []


@contextlib.contextmanager
def _unblocked(fifo: Path, after: float = 10.0):
    """Should a read block on ``fifo`` (open() of a FIFO waits for a writer), open its other end after
    ``after`` seconds and again until the block ends: the test then fails on its findings instead of
    hanging the suite."""
    stop = threading.Event()

    def writer() -> None:
        if stop.wait(after):
            return
        while not stop.is_set():
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # ENXIO while nobody waits on it
            except OSError:
                pass
            stop.wait(0.2)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("cache", [False, True])
@pytest.mark.parametrize("name", ["iku.csv", "iku.xlsx"])  # refused before openpyxl is imported: no extra needed
def test_a_fifo_named_as_a_table_is_a_finding_not_a_hang(tmp_path: Path, cache: bool, name: str) -> None:
    # open() of a FIFO waits for a writer forever, and the parse cache read the table before the reader did
    ws = tmp_path / "ws"
    ws.mkdir()
    os.mkfifo(ws / name)
    (ws / "iku.cascade.yaml").write_text(SIDECAR)
    with _unblocked(ws / name):
        report = lint([str(ws)], cache=str(tmp_path / "cache") if cache else None, jobs=1).report
    assert [(f.code, f.variant, f.file, f.line, f.column, f.message) for f in report] == [
        ("CAS005", "unreadable", str(ws / name), 1, 1, "cannot read the file: not a regular file"),
    ]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_named_csv_is_a_finding(tmp_path: Path) -> None:
    # named directly, a link is read as given: /dev/zero never ends
    (tmp_path / "iku.csv").symlink_to("/dev/zero")
    (tmp_path / "iku.cascade.yaml").write_text(SIDECAR)
    report = lint([str(tmp_path / "iku.csv")], cache=None, jobs=1).report
    assert [(f.code, f.variant, f.file, f.line, f.column, f.message) for f in report] == [
        ("CAS005", "unreadable", str(tmp_path / "iku.csv"), 1, 1, "cannot read the file: not a regular file"),
    ]


SECRET = "oauth_token: ghp_SECRETSECRETSECRET\n"


@pytest.mark.parametrize("target, variant", [
    ("outside", "outside"),  # a.cascade.yaml -> ../outside/hosts.yml
    ("hidden", "hidden-link"),  # a.cascade.yaml -> .ci-token (in the folder, hidden)
    ("not-sidecar", "hidden-link"),  # a.cascade.yaml -> notes.txt (in the folder, not a sidecar)
])
def test_a_sidecar_that_links_out_of_its_folder_is_not_read(tmp_path: Path, target: str, variant: str) -> None:
    ws, outside = tmp_path / "ws", tmp_path / "outside"
    ws.mkdir()
    outside.mkdir()
    (outside / "hosts.yml").write_text(SECRET)
    (ws / ".ci-token").write_text(SECRET)
    (ws / "notes.txt").write_text(SECRET)
    (ws / "a.csv").write_text(HEADER + "Meningkatnya akses,Persentase layanan,%,90\n")
    link = {"outside": outside / "hosts.yml", "hidden": ws / ".ci-token", "not-sidecar": ws / "notes.txt"}[target]
    (ws / "a.cascade.yaml").symlink_to(link)
    for cache in (None, str(tmp_path / "cache")):
        report = lint([str(ws)], cache=cache, jobs=1).report
        assert [(f.code, f.variant, f.file, f.line, f.column) for f in report] == [
            ("CAS005", variant, str(ws / "a.cascade.yaml"), 1, 1),
        ]
        assert "ghp_" not in repr([(f.message, f.localized("id"), f.args) for f in report])
    # naming the table itself does not open the way either
    assert [(f.code, f.variant) for f in lint([str(ws / "a.csv")], cache=None, jobs=1).report] == [("CAS005", variant)]


def test_a_sidecar_linked_to_a_sidecar_in_a_subfolder_is_read(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "iku.cascade.yaml").write_text(SIDECAR)
    (tmp_path / "a.csv").write_text(HEADER + "Meningkatnya akses,Persentase layanan,%,90\n")
    (tmp_path / "a.cascade.yaml").symlink_to(Path("shared") / "iku.cascade.yaml")
    report = lint([str(tmp_path)], cache=None, jobs=1).report
    assert [f for f in report if f.code.startswith("CAS00")] == []
    assert report.stats["documents"] == 1


LAYOUT_REASON = "; it was not read (a layout file lies in the sidecar's folder or a subfolder)"


@pytest.mark.parametrize("layout, why", [
    ("{outside}/iku.yaml", "is not a relative path"),
    ("../outside/iku.yaml", "leads outside the sidecar's folder"),
    ("/proc/self/environ", "is not a relative path"),
    ("../../../../../../../../etc/passwd", "leads outside the sidecar's folder"),
    ("layouts/linked.layout", "leads outside the sidecar's folder"),  # a link inside -> the file outside
    (".cascade/iku.yaml", "leads to a hidden file or folder"),
])
def test_a_layout_file_outside_the_sidecars_folder_is_not_read(tmp_path: Path, layout: str, why: str) -> None:
    import shutil

    from cascade.read import workbook

    ws, outside = tmp_path / "ws", tmp_path / "outside"
    (ws / "layouts").mkdir(parents=True)
    (ws / ".cascade").mkdir()
    outside.mkdir()
    preset = Path(workbook.LAYOUT_DIR) / "iku.yaml"
    for folder in (outside, ws / ".cascade"):
        shutil.copy(preset, folder / "iku.yaml")  # a good layout: used, the table would read cleanly
    (ws / "layouts" / "linked.layout").symlink_to(outside / "iku.yaml")
    layout = layout.format(outside=outside)
    (ws / "iku.csv").write_text(HEADER + "Meningkatnya akses,Persentase layanan,%,90\n")
    (ws / "iku.cascade.yaml").write_text(SIDECAR.replace("layout: iku", f"layout: {layout}"))
    for cache in (None, str(tmp_path / "cache")):
        report = lint([str(ws)], cache=cache, jobs=1).report
        assert [(f.code, f.variant, f.file, f.line, f.column, f.message) for f in report] == [
            ("CAS008", "layout", str(ws / "iku.csv"), 1, 1, f"cannot use the layout: layout file {layout[:60]!r} {why}{LAYOUT_REASON}"),
        ]


def test_a_layout_file_in_a_subfolder_of_the_sidecar_is_read(tmp_path: Path) -> None:
    import shutil

    from cascade.read import workbook

    (tmp_path / "layouts").mkdir()
    shutil.copy(Path(workbook.LAYOUT_DIR) / "iku.yaml", tmp_path / "layouts" / "mine.yaml")
    (tmp_path / "iku.csv").write_text(HEADER + "Meningkatnya akses,Persentase layanan,%,90\n")
    (tmp_path / "iku.cascade.yaml").write_text(SIDECAR.replace("layout: iku", "layout: layouts/../layouts/mine.yaml"))
    report = lint([str(tmp_path)], cache=None, jobs=1).report
    assert [f for f in report if f.code.startswith("CAS00")] == []
    assert report.stats["indicators"] == 1


def test_numbers_a_table_cannot_hold_are_findings_at_their_cells(tmp_path: Path) -> None:
    """A target cell ``1e309`` was read as 1 with a glued unit "e309", ``0x1p3`` as 0: now CAS007
    ``not-number`` at the cell, and the year has no target (second-round attack)."""
    rows = ["1e309", "1e-400", "1_000e400", "0x1p3", "nan", "< 1e309", "minimal 1e999", "1 - 2e5", "1" + "0" * 310 + ",5", "1.5e3"]
    (tmp_path / "iku.csv").write_text(HEADER + "".join(f"Meningkatnya akses,Layanan {i},%,{v}\n" for i, v in enumerate(rows)))
    (tmp_path / "iku.cascade.yaml").write_text(SIDECAR)
    report = lint([str(tmp_path)], cache=None, jobs=1).report
    got = [(f.code, f.variant, f.line, f.column, f.cell) for f in report if f.code == "CAS007"]
    # at the cell's characters in the file (a CSV is text), the cell named beside them
    assert got == [("CAS007", "not-number", r, len(f"Meningkatnya akses,Layanan {r - 2},%,") + 1, f"iku!D{r}")
                   for r in range(2, 11)]
    import cascade

    doc = cascade.load(str(tmp_path)).documents["contoh.iku-2024"]
    targets = [i.targets for e in doc.elements for i in e.indicators]
    assert targets == [{}] * 9 + [{2024: 1500.0}]


def test_numbers_in_non_ascii_digits_are_findings_with_the_ascii_spelling(tmp_path: Path) -> None:
    """``١٢٣٫٤`` (Arabic-Indic digits and decimal mark) was read as 123 with the glued unit ``٫٤``,
    and ``７２`` (full width) as 72, where the same text in YAML is CAS103: now CAS007 ``digits`` at the
    cell with the ASCII spelling, the year without a target; a qualitative text keeps its digits."""
    rows = ["١٢٣٫٤", "７２", "٧٢ - ٨٠", "Level ３", "72"]
    (tmp_path / "iku.csv").write_text(HEADER + "".join(f"Meningkatnya akses,Layanan {i},%,{v}\n" for i, v in enumerate(rows)))
    (tmp_path / "iku.cascade.yaml").write_text(SIDECAR)
    report = lint([str(tmp_path)], cache=None, jobs=1).report
    got = [(f.code, f.variant, f.line, f.column, f.cell, f.message) for f in report if f.code == "CAS007"]
    assert got == [
        ("CAS007", "digits", 2, 32, "iku!D2", "'١٢٣٫٤' is written with non-ASCII digits; write 123.4; the value was left out"),
        ("CAS007", "digits", 3, 32, "iku!D3", "'７２' is written with non-ASCII digits; write 72; the value was left out"),
        ("CAS007", "digits", 4, 32, "iku!D4", "'٧٢ - ٨٠' is written with non-ASCII digits; write 72 - 80; the value was left out"),
    ]
    import cascade

    doc = cascade.load(str(tmp_path)).documents["contoh.iku-2024"]
    assert [i.targets for e in doc.elements for i in e.indicators] == [{}, {}, {}, {2024: "Level ３"}, {2024: 72.0}]


@pytest.mark.parametrize("by_region", [False, True])
def test_a_cell_is_no_suppression_comment_and_its_line_is_quoted(tmp_path: Path, by_region: bool) -> None:
    """A CSV keeps its text now, for the lines the full format quotes: a cell that reads like a
    ``# cascade:`` comment is still a cell, and silences nothing."""
    from cascade.cli import main

    (tmp_path / "iku.csv").write_text(HEADER + "Meningkatnya akses,Layanan # cascade: ignore-file[ALL],%,1e309\n")
    (tmp_path / "iku.cascade.yaml").write_text(SIDECAR)
    report = lint([str(tmp_path)], cache=None, jobs=2 if by_region else 1, by_region=by_region).report
    assert [(f.code, f.variant, f.line, f.column) for f in report if f.code.startswith("CAS0") or f.code == "CAS90"] == [
        ("CAS007", "not-number", 2, len("Meningkatnya akses,Layanan # cascade: ignore-file[ALL],%,") + 1)]
    out = io.StringIO()
    argv = ["lint", str(tmp_path), "--no-cache", "--lang", "en", *(["--by-region", "--jobs", "2"] if by_region else [])]
    main(argv, stdout=out, stderr=io.StringIO())
    assert "2 | Meningkatnya akses,Layanan # cascade: ignore-file[ALL],%,1e309\n  | " + " " * 57 + "^^^^^\n" in out.getvalue()
