"""Every command checks its paths as ``cascade lint`` does (cascade/cli/inputs.py): a folder without
plan files, a missing path or a named file that is no plan is exit code 2 with lint's message, never
an empty result that passes CI; reserved files named on the command line are not read as plans."""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest

from cli_support import ROOT, run
from cascade.read.discovery import searched_description

SPECS = ROOT / "specs"
TABLES = ROOT / "tests" / "fixtures" / "tables"


def _empty(tmp_path: Path) -> Path:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.md").write_text("# not a plan\n", encoding="utf-8")
    return folder


def _commands(path: str, tmp_path: Path) -> dict[str, list[str]]:
    return {
        "lint": ["lint", path],
        "report": ["report", path, "--html", str(tmp_path / "r.html")],
        "capaian": ["capaian", path],
        "sakip": ["sakip", path],
        "review": ["review", path],
        "export": ["export", path, "--xlsx", str(tmp_path / "x.xlsx")],
        "realign": ["realign", "--from", "rpjmn-2020", "--to", "rpjmn-2025", path],
        "diff": ["diff", str(SPECS), path],
    }


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("command", ["lint", "report", "capaian", "sakip", "review", "export", "realign", "diff"])
def test_a_folder_without_plan_files_is_exit_2_with_lints_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  command: str, lang: str) -> None:
    monkeypatch.chdir(ROOT)
    folder = str(_empty(tmp_path))
    expected = {
        "id": f"cascade: {folder}: tidak ada berkas rencana (dicari: {searched_description('id')})\n",
        "en": f"cascade: {folder}: no plan file found (searched for {searched_description('en')})\n",
    }[lang]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no raw NoPlanFileWarning (it printed `ws = load(*args.paths)`)
        code, out, err = run(*_commands(folder, tmp_path)[command], "--lang", lang)
    assert (code, out, err) == (2, "", expected)
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("command", ["lint", "report", "capaian", "sakip", "review", "export", "realign", "diff"])
def test_a_missing_path_is_exit_2_with_lints_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.chdir(ROOT)
    missing = str(tmp_path / "specs-typo")
    assert run(*_commands(missing, tmp_path)[command]) == (2, "", f"cascade: {missing}: berkas atau folder tidak ada\n")


@pytest.mark.parametrize("command", ["capaian", "sakip", "review", "realign", "diff"])
def test_a_named_file_that_is_no_plan_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """`cascade capaian notes.txt` printed an empty table and exited 0; lint reports the file (CAS103,
    exit 1), a command that needs a workspace says why there is none and stops."""
    monkeypatch.chdir(ROOT)
    notes = tmp_path / "notes.txt"
    notes.write_text("hello\n", encoding="utf-8")
    code, out, err = run(*_commands(str(notes), tmp_path)[command], "--lang", "en")
    assert (code, out) == (2, "")
    assert err == (f"cascade: {notes}:1:1: CAS103 a plan document is a mapping starting with 'document:', not text of 5 characters\n"
                   f"cascade: no plan document could be read from {notes}\n")
    assert run("lint", str(notes), "--lang", "en", "--format", "concise", "-q")[0] == 1  # lint itself: a finding


def test_a_named_sidecar_means_its_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    sidecar = "tests/fixtures/tables/boalemo-dinkes-tc27.cascade.yaml"
    via_sidecar = run("lint", sidecar, "--format", "concise", "--lang", "en")
    direct = run("lint", "tests/fixtures/tables/boalemo-dinkes-tc27.xlsx", "--format", "concise", "--lang", "en")
    assert via_sidecar == direct
    assert "CAS102" not in via_sidecar[1] and "'layout'" not in via_sidecar[1]  # the sidecar was linted as a plan
    assert via_sidecar[1].startswith("tests/fixtures/tables/boalemo-dinkes-tc27.xlsx:")
    # both named (pre-commit passes both when both changed): the table once
    assert run("lint", sidecar, "tests/fixtures/tables/boalemo-dinkes-tc27.xlsx", "--format", "concise", "--lang", "en") == direct


def test_a_named_lock_file_is_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    lock = "examples/defects/cascade.lock"
    # only reserved files named (a commit that changes only the lock file): nothing to check, clean
    assert run("lint", lock) == (0, "Tidak ada temuan.\n",
                                 f"cascade: {lock}: berkas kunci tinjauan tautan, bukan rencana; dilewati\n"
                                 "cascade: tidak ada yang diperiksa: semua berkas yang disebut adalah berkas khusus, bukan rencana\n"
                                 "cascade: 0 berkas, 0 dokumen diperiksa\n")
    assert run("lint", lock, "--lang", "en", "-q") == (0, "No findings.\n", "")
    code, out, _ = run("lint", lock, "--format", "sarif", "--output", str(tmp_path / "r.sarif"), "-q")
    assert code == 0 and '"results": []' in (tmp_path / "r.sarif").read_text(encoding="utf-8")
    # with a plan: the plan is checked, the lock file is not (it gave CAS103)
    code, out, err = run("lint", lock, "specs/rpjmn-2020.yaml", "--format", "concise", "--lang", "en")
    assert code == 0 and "CAS103" not in out and "cascade.lock" not in out
    assert err == (f"cascade: {lock}: the lock file of reviewed links, not a plan; skipped\n"
                   "cascade: checked 1 file, 1 document\n")
    # a command that needs plans to work on: exit 2, the same sentence
    assert run("capaian", lock, "--lang", "en") == (2, "", f"cascade: {lock}: the lock file of reviewed links, not a plan; skipped\n"
                                                           "cascade: nothing to check: every file named is a reserved file, not a plan\n")


def test_a_named_sidecar_without_its_table_and_answers_are_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SPECS / "rpjmn-2020.yaml", "rpjmn.yaml")
    Path("orphan.cascade.yaml").write_text("layout: rpjmd\n", encoding="utf-8")
    Path("sakip-answers.yaml").write_text("answers: {}\n", encoding="utf-8")
    code, out, err = run("lint", "orphan.cascade.yaml", "sakip-answers.yaml", "rpjmn.yaml", "--lang", "en", "--select", "CAS1")
    assert (code, out) == (0, "No findings.\n")
    assert err == ("cascade: orphan.cascade.yaml: the sidecar of a table that is not there (orphan.xlsx, orphan.xlsm, orphan.csv); skipped\n"
                   "cascade: sakip-answers.yaml: SAKIP answers, not a plan; skipped\n"
                   "cascade: checked 1 file, 1 document\n")


def test_a_named_sidecars_table_linked_out_of_its_folder_is_not_read(tmp_path: Path) -> None:
    """The user names the sidecar; its table ``iku.csv -> ../../secret.csv`` must be refused as a link
    found in a folder is (CAS005), never read: its cells would be quoted in the findings."""
    secret = tmp_path / "secret.csv"
    secret.write_text("Sasaran Strategis,Indikator Kinerja Utama,Satuan,Target 2024\nghp_SECRETVALUE123,i,%,1\n")
    sub = tmp_path / "ws" / "sub"
    sub.mkdir(parents=True)
    (sub / "iku.csv").symlink_to("../../secret.csv")
    (sub / "iku.cascade.yaml").write_text(
        "document:\n  id: contoh.iku-2024\n  kind: renstra\n  title: IKU (illustrative)\n"
        "  period: {start: 2024, end: 2025}\n  region: {code: \"75.01\", name: Kabupaten Boalemo}\n"
        "  agency: {code: \"1.02.0.00.0.00.01.0000\", name: Dinas Kesehatan}\nlayout: iku\n")
    code, out, err = run("lint", str(sub / "iku.cascade.yaml"), "--no-cache", "--format", "json", "--lang", "en")
    assert code == 1 and "ghp_SECRETVALUE123" not in out + err
    import json

    assert [(f["code"], f["file"], f["line"], f["column"]) for f in json.loads(out)["findings"]] == [
        ("CAS005", str(sub / "iku.csv"), 1, 1)]


def test_other_tools_yaml_is_no_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``cascade lint .`` (the hook without args) in a plan repository with a documentation site read
    ``mkdocs.yml`` as a broken plan (CAS101, CAS102 'nav', exit 1): a folder search skips other
    tools' files by name, and naming one skips it with a note."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(SPECS / "rpjmn-2020.yaml", "rpjmn.yaml")
    Path("mkdocs.yml").write_text("site_name: Rencana\nnav:\n  - index.md\n", encoding="utf-8")
    Path("docs").mkdir()
    Path("docs/docker-compose.yaml").write_text("services: {}\n", encoding="utf-8")
    code, out, err = run("lint", ".", "--lang", "en", "--select", "CAS1")
    assert (code, out, err) == (0, "No findings.\n", "cascade: checked 1 file, 1 document\n")
    code, out, err = run("lint", "mkdocs.yml", "rpjmn.yaml", "--select", "CAS1")
    assert (code, out) == (0, "Tidak ada temuan.\n")
    assert err == "cascade: mkdocs.yml: berkas perangkat lain, bukan rencana; dilewati\ncascade: 1 berkas, 1 dokumen diperiksa\n"


def test_a_plan_under_another_tools_name_is_still_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Naming a broken plan ``mkdocs.yml`` (or ``Chart.yaml``) must not hide it from review: a file of
    another tool's name that starts a line with ``document:`` is read as a plan, found or named."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(SPECS / "rpjmn-2020.yaml", "rpjmn.yaml")
    broken = "document:\n  id: x.rpjmd-2019\n  kind: rpjmd\n  title: T\nelements: []\n"
    Path("mkdocs.yml").write_text(broken, encoding="utf-8")
    Path("sub").mkdir()
    Path("sub/Chart.yaml").write_bytes(b"\xef\xbb\xbf" + broken.encode())
    if hasattr(os, "mkfifo"):
        os.mkfifo("compose.yaml")  # never opened for reading: not a regular file
    code, out, err = run("lint", ".", "--lang", "en", "--select", "CAS101", "--format", "concise")
    assert code == 1
    assert sorted(line.split(":")[0] for line in out.splitlines()) == ["mkdocs.yml", "sub/Chart.yaml"]
    assert err == "cascade: checked 3 files, 1 document\n"
    code, out, err = run("lint", "mkdocs.yml", "--lang", "en", "--select", "CAS101", "--format", "concise")
    assert code == 1 and out.startswith("mkdocs.yml:2:3: CAS101 missing-field")


def test_a_realisasi_file_linted_alone_is_counted(tmp_path: Path) -> None:
    """A realisasi file is a document too: linted alone it said "0 dokumen diperiksa"."""
    (tmp_path / "r.yaml").write_text("document:\n  id: x.realisasi-2020\n  kind: realisasi\n  for: x.renstra-2019\n"
                                     "  title: R\nrealized:\n  S1.I1:\n    2020: 5\n", encoding="utf-8")
    for lang, line in (("id", "cascade: 1 berkas, 0 dokumen dan 1 dokumen realisasi diperiksa\n"),
                       ("en", "cascade: checked 1 file, 0 documents and 1 realisasi document\n")):
        assert run("lint", str(tmp_path), "--no-cache", "--lang", lang)[::2] == (0, line)
