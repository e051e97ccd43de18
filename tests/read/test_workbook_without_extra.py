"""A workspace with a workbook, checked where the ``xlsx`` extra (openpyxl) is not installed.

The Quick start installs the core only; a plan repository that holds a T-C.27 workbook beside its
YAML must still be linted: the workbook is a CAS005 finding naming the extra, the YAML is checked.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import cascade
from cascade.cli import main

TABLES = Path(__file__).parents[1] / "fixtures" / "tables"
SPECS = Path(__file__).parents[2] / "specs"


@pytest.fixture
def no_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # ``import openpyxl`` now raises ImportError


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("boalemo-dinkes-tc27.xlsx", "boalemo-dinkes-tc27.cascade.yaml"):
        shutil.copy(TABLES / name, folder / name)
    shutil.copy(SPECS / "rpjmn-2020.yaml", folder / "rpjmn-2020.yaml")
    return folder


def test_the_api_gives_a_finding_at_the_workbook(no_openpyxl: None, plans: Path) -> None:
    report = cascade.lint([str(plans)], cache=None, jobs=1).report
    cas005 = [(f.code, f.rule, f.severity.value, f.file, f.line, f.column, f.message) for f in report.by_code("CAS005")]
    assert cas005 == [(
        "CAS005", "file-limit", "error", str(plans / "boalemo-dinkes-tc27.xlsx"), 1, 1,
        "a workbook, not read: reading workbooks needs openpyxl (pip install 'sakip-cascade[xlsx]')",
    )]
    ws = cascade.load(str(plans))
    assert "rpjmn-2020" in ws.documents  # the YAML beside it is read


def test_the_cli_exits_1_with_the_finding_in_indonesian(no_openpyxl: None, plans: Path, capsys) -> None:
    code = main(["lint", str(plans), "--no-cache", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert "Traceback" not in out + err
    assert ("boalemo-dinkes-tc27.xlsx:1:1: CAS005 file-limit [kesalahan] buku kerja, tidak dibaca: "
            "membaca buku kerja memerlukan openpyxl (pip install 'sakip-cascade[xlsx]')") in out
