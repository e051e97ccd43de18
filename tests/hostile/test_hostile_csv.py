"""Hostile CSV plan tables (docs/hostile-input.md, "Workbooks are input too"): read without openpyxl,
so these run on the core install. Each is a finding on that file, never a traceback."""

from __future__ import annotations

from pathlib import Path

from cascade.review.pipeline import lint

SIDECAR = """document:
  id: contoh.iku-2024
  kind: renstra
  title: IKU contoh (illustrative)
  period: {start: 2024, end: 2025}
  region: {code: "75.01", name: Kabupaten Boalemo}
  agency: {code: "1.02.0.00.0.00.01.0000", name: Dinas Kesehatan}
layout: iku
"""
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
