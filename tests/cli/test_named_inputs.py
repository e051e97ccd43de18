"""Files named on the command line are inputs, as ``lint --baseline`` and ``--config`` are: one that is
missing or cannot be used is a usage error (exit code 2, nothing on standard output), not findings
(exit code 1). ``review --lock FILE`` and ``sakip --answers FILE``; a lock or answers file found beside
the plans keeps its meaning (no lock yet: every link unreviewed; bad answers: listed, exit 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli_support import ROOT, run

SPECS = str(ROOT / "specs")


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(SPECS, tmp_path / "plans")
    return tmp_path / "plans"


def test_a_named_lock_that_is_missing_is_exit_2(workspace: Path, tmp_path: Path) -> None:
    lock = tmp_path / "nonexist.lock"
    assert run("review", str(workspace), "--lock", str(lock)) == (
        2, "", f"cascade: belum ada berkas kunci ({lock}); buat dengan: cascade review --init\n")
    assert run("review", str(workspace), "--lock", str(lock), "--lang", "en") == (
        2, "", f"cascade: no lock file ({lock}); create it with: cascade review --init\n")
    # --init creates it; then it is read
    assert run("review", str(workspace), "--lock", str(lock), "--init")[0] == 0 and lock.exists()
    assert run("review", str(workspace), "--lock", str(lock))[0] == 0


def test_a_named_lock_that_is_a_folder_or_garbage_is_exit_2(workspace: Path, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    assert run("review", str(workspace), "--lock", str(folder), "--lang", "en") == (
        2, "", f"cascade: {folder}:1:1: CAS208 cannot read the lock file: Is a directory; no link is checked against it\n")
    garbage = tmp_path / "garbage.lock"
    garbage.write_bytes(b"garbage\0\xff")
    assert run("review", str(workspace), "--lock", str(garbage)) == (
        2, "", f"cascade: {garbage}:1:1: CAS208 berkas kunci bukan teks UTF-8; tidak ada tautan yang diperiksa terhadapnya\n")
    no_version = tmp_path / "no-version.lock"
    no_version.write_text("hello\n")
    code, out, err = run("review", str(workspace), "--lock", str(no_version))
    assert (code, out) == (2, "") and err.startswith(f"cascade: {no_version}:1:1: CAS208 ")
    # --accept --all writes the whole current state over it (the way to repair a lock)
    assert run("review", str(workspace), "--lock", str(no_version), "--accept", "--all")[0] == 0
    assert run("review", str(workspace), "--lock", str(no_version))[0] == 0


def test_no_lock_beside_the_plans_is_still_every_link_unreviewed(workspace: Path) -> None:
    code, out, err = run("review", str(workspace))
    assert code == 1 and "belum ditinjau" in out
    assert err == f"cascade: belum ada berkas kunci ({workspace / 'cascade.lock'}); buat dengan: cascade review --init\n"


@pytest.mark.parametrize("content, expected", [
    ("a: [1,\n", "{path}:2:1: CAS001 YAML tidak valid: "),
    ("- 1\n", "{path}:1:1: CAS103 'sakip-answers' harus berupa mapping id kriteria ke jawaban, bukan list"),
    (b"\xff\xfe", "{path}:1:1: CAS005 bukan UTF-8 (byte 0xff); simpan berkas sebagai UTF-8"),
])
def test_named_answers_that_cannot_be_used_are_exit_2(tmp_path: Path, content: str | bytes, expected: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_bytes(content if isinstance(content, bytes) else content.encode())
    code, out, err = run("sakip", SPECS, "--answers", str(answers))
    assert (code, out) == (2, "")
    assert err.startswith("cascade: " + expected.format(path=answers)) and err.count("\n") == 1


def test_named_answers_that_are_a_folder_are_exit_2(tmp_path: Path) -> None:
    assert run("sakip", SPECS, "--answers", str(tmp_path), "--lang", "en") == (
        2, "", f"cascade: {tmp_path}:1:1: CAS005 cannot read the file: Is a directory\n")


def test_named_answers_with_bad_entries_are_still_listed_and_skipped(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("perencanaan.1.1: Y\nnope.1: Y\n")
    code, out, err = run("sakip", SPECS, "--answers", str(answers))
    assert code == 1 and out != "" and "CAS102" in err
    answers.write_text("")  # empty: no answers, not an error
    assert run("sakip", SPECS, "--answers", str(answers))[0] == 0
