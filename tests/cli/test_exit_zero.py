"""``--exit-zero`` on every command that exits 1 on findings (``lint`` and ``report`` had it; ``export``,
``import``, ``sakip``, ``review`` and ``realign --apply`` did not), and ``realign --top`` below 1 is a
usage error (it silently meant 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli_support import ROOT, run

DEFECTS = str(ROOT / "examples" / "defects")
SPECS = str(ROOT / "specs")
REALIGN = str(ROOT / "examples" / "realign")


def test_export_exit_zero(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    book = tmp_path / "x.xlsx"
    assert run("export", DEFECTS, "--output", str(book), "-q")[0] == 1
    assert run("export", DEFECTS, "--output", str(book), "-q", "--exit-zero") == (0, "", "")
    assert book.stat().st_size > 0


def test_review_exit_zero() -> None:
    code, out, _ = run("review", DEFECTS)
    assert code == 1 and "tautan perlu ditinjau" in out
    assert run("review", DEFECTS, "--exit-zero") == (0, out, "")


def test_sakip_exit_zero(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("nope.1: Y\n")
    code, out, err = run("sakip", SPECS, "--answers", str(answers))
    assert code == 1 and "CAS102" in err
    assert run("sakip", SPECS, "--answers", str(answers), "--exit-zero") == (0, out, err)


def test_import_exit_zero(tmp_path: Path) -> None:
    (tmp_path / "iku.csv").write_text("Sasaran;Indikator Kinerja;Target;Realisasi;Capaian\nMeningkatnya kualitas pendidikan;"
                                      "Rata-rata lama sekolah;8,5;8,61;101,29\n")
    (tmp_path / "doc.yaml").write_text("document:\n  id: contoh.realisasi-2023\n  kind: realisasi\n  region: contoh\n"
                                       "  period: [2023, 2023]\n  realizes: contoh.renstra-2021\n")
    argv = ("import", str(tmp_path / "iku.csv"), "-o", str(tmp_path / "o"), "--layout", "realisasi", "--document",
            str(tmp_path / "doc.yaml"), "--lang", "en")
    code, out, _ = run(*argv)
    assert code == 1 and "CAS008" in out  # 'Target' names no year
    assert run(*argv, "--exit-zero")[0] == 0


def test_realign_apply_exit_zero(tmp_path: Path) -> None:
    work = tmp_path / "w"
    shutil.copytree(SPECS, work / "specs")
    shutil.copytree(REALIGN, work / "realign")
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("ref,old_target,candidate,confirm\nnope:X,rpjmn-2020:PN1,rpjmn-2025:PN1,y\n")
    argv = ("realign", str(work / "specs"), str(work / "realign"), "--from", "rpjmn-2020", "--to", "rpjmn-2025",
            "--apply", str(mapping), "--dry-run")
    code, _, err = run(*argv)
    assert code == 1 and err
    assert run(*argv, "--exit-zero")[0] == 0


@pytest.mark.parametrize("top, lang, message", [
    ("-1", "id", "cascade realign: kesalahan: argumen --top: harus 1 atau lebih\n"),
    ("0", "en", "cascade realign: error: argument --top: must be 1 or more\n"),
    ("x", "en", "cascade realign: error: argument --top: invalid int value: 'x'\n"),
])
def test_realign_top_below_1_is_a_usage_error(top: str, lang: str, message: str) -> None:
    code, out, err = run("realign", SPECS, REALIGN, "--from", "rpjmn-2020", "--to", "rpjmn-2025", "--top", top, "--lang", lang)
    assert (code, out) == (2, "") and err.endswith(message)
    assert run("realign", SPECS, REALIGN, "--from", "rpjmn-2020", "--to", "rpjmn-2025", "--top", "1")[0] == 0
