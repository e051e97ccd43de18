"""Which files are plans: reserved names, hidden files, symbolic links, and wrong folders that must not pass green."""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest

import cascade
from cascade.read.discovery import HiddenLink, OutsideLink, discover
from cli_support import PLAN, run

ROOT = Path(__file__).resolve().parents[2]


def test_cascade_workspace_discover_is_still_importable() -> None:
    from cascade.workspace import discover as old

    assert old is discover


def test_reserved_names_are_never_plans(tmp_path: Path) -> None:
    (tmp_path / "rpjmn.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "NOTES.YAML").write_text("not: read\n", encoding="utf-8")  # the suffix is case-sensitive, as it always was
    for name in ("tools.cascade.yaml", "x.Cascade.yml", "sakip-answers.yaml", "SAKIP-answers.yml", "cascade.lock", ".hidden.yaml"):
        (tmp_path / name).write_text("not: a plan\n", encoding="utf-8")
    assert discover([tmp_path]) == [str(tmp_path / "rpjmn.yaml")]


def _symlink(link: Path, target: str) -> None:
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError):  # pragma: no cover - Windows without the privilege
        pytest.skip("symbolic links cannot be made here")


def test_a_link_to_a_hidden_token_inside_the_checked_folder_is_not_read(tmp_path: Path, monkeypatch) -> None:
    # The attack: the repository is checked from its root, so the link stays inside the folder.
    secret = "ghp_SECRETTOKEN123456"
    (tmp_path / ".ci-token").write_text(secret + "\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text(secret + "\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(secret + "\n", encoding="utf-8")
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.yaml").write_text(PLAN, encoding="utf-8")
    _symlink(plans / "b.yaml", "../.ci-token")
    _symlink(plans / "c.yaml", "../notes.txt")
    _symlink(plans / "d.yaml", "../.git/config")
    _symlink(plans / "e.yaml", "a.yaml")  # a plan inside the folder: read
    monkeypatch.chdir(tmp_path)
    found = discover(["."])
    kinds = {os.path.basename(p): type(p) for p in found}
    assert kinds == {"a.yaml": str, "b.yaml": HiddenLink, "c.yaml": HiddenLink, "d.yaml": HiddenLink, "e.yaml": str}
    code, out, err = run("lint", ".", "--format", "concise", "--no-cache", "--select", "CAS0,CAS1")
    assert secret not in out + err
    lines = sorted(line for line in out.splitlines() if "CAS005" in line)
    assert lines == [
        f"{os.path.join('plans', n)}:1:1: CAS005 file-limit tautan simbolik ke berkas tersembunyi atau ke berkas yang "
        "bukan dokumen rencana; berkas tidak dibaca (sebutkan berkasnya langsung untuk memeriksanya)"
        for n in ("b.yaml", "c.yaml", "d.yaml")
    ]
    assert code == 1
    # The Python API and the partitioned run refuse the same links.
    ws = cascade.load(".")
    assert sorted(f.file for f in ws.findings if f.code == "CAS005") == [os.path.join("plans", n) for n in ("b.yaml", "c.yaml", "d.yaml")]
    from cascade.scale import distributed

    report = distributed.validate(["."], scheduler="processes", n_workers=1)
    assert secret not in str([f.message for f in report])
    assert sorted(f.file for f in report if f.code == "CAS005") == [os.path.join(".", "plans", n) for n in ("b.yaml", "c.yaml", "d.yaml")]


def test_a_link_out_of_the_folder_keeps_its_message(tmp_path: Path) -> None:
    (tmp_path / "outside.yaml").write_text(PLAN, encoding="utf-8")
    plans = tmp_path / "plans"
    plans.mkdir()
    _symlink(plans / "x.yaml", "../outside.yaml")
    [found] = discover([plans])
    assert type(found) is OutsideLink
    [finding] = cascade.load(plans).findings
    assert (finding.code, finding.line, finding.localized("en")) == (
        "CAS005", 1, "a symbolic link to a file outside the folder being checked; it was not read (name the file itself to check it)")


@pytest.mark.parametrize("make", ["missing", "empty", "docs", "excluded"])
def test_a_wrong_folder_is_a_usage_error(tmp_path: Path, monkeypatch, make: str) -> None:
    monkeypatch.chdir(tmp_path)
    if make == "empty":
        (tmp_path / "plans").mkdir()
        (tmp_path / "plans" / "sakip-answers.yaml").write_text("a: 1\n", encoding="utf-8")
    elif make == "docs":
        shutil.copytree(ROOT / "docs", tmp_path / "plans")
    elif make == "excluded":
        (tmp_path / "plans").mkdir()
        (tmp_path / "plans" / "a.yaml").write_text(PLAN, encoding="utf-8")
        (tmp_path / "cascade.toml").write_text('exclude = ["plans/*"]\n', encoding="utf-8")
    code, out, err = run("lint", "plans", "--lang", "en")
    assert (code, out) == (2, "")
    expected = {
        "missing": "cascade: plans: no such file or folder\n",
        "empty": "cascade: plans: no plan file found (searched for *.yaml and *.yml (and *.xlsx, *.xlsm, *.csv with a *.cascade.yaml "
        "sidecar), subfolders included; hidden folders "
                 "and files, reserved names (*.cascade.yaml, cascade.lock, sakip-answers.yaml) and other tools' files "
                 "(mkdocs.yml, docker-compose.yml...) are skipped)\n",
        "docs": "cascade: plans: no plan file found (searched for *.yaml and *.yml (and *.xlsx, *.xlsm, *.csv with a *.cascade.yaml "
        "sidecar), subfolders included; hidden folders "
                "and files, reserved names (*.cascade.yaml, cascade.lock, sakip-answers.yaml) and other tools' files "
                "(mkdocs.yml, docker-compose.yml...) are skipped)\n",
        "excluded": f"cascade: every plan file under plans is left out by 'exclude' in {tmp_path / 'cascade.toml'}; nothing to check\n",
    }[make]
    assert err.endswith(expected)
    assert run("report", "--html", str(tmp_path / "r.html"), "plans", "--lang", "en")[0] == 2


def test_one_wrong_path_among_good_ones_stops_the_run() -> None:
    code, out, err = run("lint", str(ROOT / "specs"), str(ROOT / "docs"), "--format", "concise")
    assert (code, out) == (2, "")
    assert "docs: tidak ada berkas rencana" in err


def test_concise_stays_one_line_per_finding_and_the_summary_goes_to_stderr() -> None:
    code, out, err = run("lint", str(ROOT / "specs"), "--format", "concise", "--no-cache")
    assert (code, out, err) == (0, "", "cascade: 6 berkas, 5 dokumen dan 1 dokumen realisasi diperiksa\n")
    code, out, err = run("lint", str(ROOT / "specs" / "rpjmn-2020.yaml"), "--no-cache", "--lang", "en", "--quiet", "--format", "json")
    assert code == 0 and err == ""
    code, out, err = run("lint", str(ROOT / "specs" / "rpjmn-2020.yaml"), "--no-cache", "--lang", "en", "--format", "json")
    assert err == "cascade: checked 1 file, 1 document\n"


def test_the_api_says_when_a_path_holds_no_plan(tmp_path: Path) -> None:
    with pytest.warns(cascade.NoPlanFileWarning, match="no plan file found in 'specs-typo': no such file or folder"):
        ws = cascade.load("specs-typo")
    assert repr(ws) == "<Cascade 0 documents, 0 elements, 0 indicators; no plan file found in 'specs-typo'>"
    [f] = ws.findings
    assert (f.code, f.file, f.line, f.column, f.localized("en")) == ("CAS005", "specs-typo", 1, 1, "no such file or folder; nothing was checked here")
    with pytest.warns(cascade.NoPlanFileWarning, match="a folder without plan files"):
        ws = cascade.load(str(tmp_path))
    assert repr(ws).endswith(f"; no plan file found in {str(tmp_path)!r}>")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert repr(cascade.load(ROOT / "specs")) == "<Cascade 5 documents, 127 elements, 151 indicators>"
