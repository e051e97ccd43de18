"""Plan revisions: diff (each change kind, renames recognised and not, impact, git), cascade.lock and
CAS208 (hostile lock files, one process vs by region), realign and --apply keeping the layout."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import cascade
from cascade.cli.commands import main
from cascade.revisions.lock import dump_lock, lock_entries, parse_lock, read_lock

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"

RPJMN = """\
document: {id: rpjmn, kind: rpjmn, title: RPJMN, period: {start: 2020, end: 2024}}
elements:
  - id: PN1
    kind: prioritas_nasional
    name: Meningkatkan Sumber Daya Manusia Berkualitas
    indicators:
      - id: PN1.I1
        name: Tingkat Kemiskinan
        measure: kemiskinan
        unit: "%"
        polarity: negative
        targets: {2020: 9.0, 2024: {min: 6.0, max: 7.0}}
  - id: PN2
    kind: prioritas_nasional
    name: Membangun Lingkungan Hidup
"""

RPJMD = """\
# Kota Contoh
document:
  id: kota
  kind: rpjmd
  title: RPJMD Kota Contoh
  period: {start: 2020, end: 2024}
  region: {code: "35.77", name: Kota Contoh}
  aligns_to: [rpjmn]
elements:
  - id: M1
    kind: misi
    name: Mewujudkan masyarakat sejahtera
    supports: [rpjmn:PN1]
  - id: T1
    kind: tujuan
    name: Menurunkan kemiskinan dan pengangguran
    parent: M1
    indicators:
      - id: T1.I1
        name: Tingkat Kemiskinan
        measure: kemiskinan
        unit: "%"
        polarity: negative
        targets: {2020: 8.0, 2024: 6.0}
        supports: [rpjmn:PN1.I1]   # the national target
  - id: S1
    kind: sasaran
    name: Meningkatnya derajat kesehatan masyarakat
    parent: T1
    indicators:
      - id: S1.I1
        name: Angka Harapan Hidup
        unit: tahun
        targets: {2020: 72.0, 2024: 73.0}
  - id: P1
    kind: program
    name: Program Perlindungan Sosial
    parent: T1
    indicators:
      - id: P1.I1
        name: Penduduk miskin penerima bantuan
        unit: "%"
        targets: {2020: 80, 2024: 95}
        supports:
          - T1.I1
"""


def _workspace(folder: Path, rpjmn: str = RPJMN, rpjmd: str = RPJMD) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rpjmn.yaml").write_text(rpjmn, encoding="utf-8")
    (folder / "kota.yaml").write_text(rpjmd, encoding="utf-8")
    return folder


# -- diff --------------------------------------------------------------------------------------------


def test_diff_of_identical_workspaces_is_empty(tmp_path: Path) -> None:
    result = cascade.diff(_workspace(tmp_path / "a"), _workspace(tmp_path / "b"))
    assert result.as_dict() == {"version": 1, "changes": [], "impacted": []}


def test_lowered_target_is_reported_per_year_with_impact_down_the_cascade(tmp_path: Path) -> None:
    old = _workspace(tmp_path / "a")
    new = _workspace(tmp_path / "b", RPJMN.replace("2024: {min: 6.0, max: 7.0}", "2024: {min: 4.5, max: 5.0}"))
    result = cascade.diff(old, new)
    assert [c.as_dict() for c in result.changes] == [{
        "ref": "rpjmn:PN1.I1", "element_kind": "indicator", "change": "modified", "fields": ["targets"],
        "before": {"targets": {"2024": {"min": 6.0, "max": 7.0}}}, "after": {"targets": {"2024": {"min": 4.5, "max": 5.0}}},
        "renamed_from": None, "guess": False}]
    assert result.changes[0].direction == "lowered"
    assert [i.as_dict() for i in result.impacted] == [
        {"ref": "kota:T1.I1", "because": ["rpjmn:PN1.I1"], "path": ["kota:T1.I1", "rpjmn:PN1.I1"]},
        {"ref": "kota:P1.I1", "because": ["rpjmn:PN1.I1"], "path": ["kota:P1.I1", "kota:T1.I1", "rpjmn:PN1.I1"]},
    ]
    md = cascade.revisions.render.render_diff(result, "markdown", "en")
    assert "This change lowers 1 RPJMN target; 2 RPJMD kab/kota indicators below depend on them." in md


def test_field_changes_unit_polarity_name_and_links(tmp_path: Path) -> None:
    old = _workspace(tmp_path / "a")
    rpjmd = (RPJMD.replace('name: Angka Harapan Hidup\n        unit: tahun', 'name: Usia Harapan Hidup\n        unit: hari')
             .replace("        supports:\n          - T1.I1\n", "        polarity: negative\n"))
    result = cascade.diff(old, _workspace(tmp_path / "b", rpjmd=rpjmd))
    got = {c.ref: (c.change, c.fields) for c in result.changes}
    assert got == {"kota:S1.I1": ("modified", ("name", "unit")), "kota:P1.I1": ("modified", ("polarity", "supports"))}
    s1 = result.get("kota:S1.I1")
    assert s1.before == {"name": "Angka Harapan Hidup", "unit": "tahun"} and s1.after == {"name": "Usia Harapan Hidup", "unit": "hari"}


def test_removed_sasaran_leaves_its_programs_impacted(tmp_path: Path) -> None:
    old = _workspace(tmp_path / "a")
    rpjmd = RPJMD.replace("""  - id: S1
    kind: sasaran
    name: Meningkatnya derajat kesehatan masyarakat
    parent: T1
    indicators:
      - id: S1.I1
        name: Angka Harapan Hidup
        unit: tahun
        targets: {2020: 72.0, 2024: 73.0}
""", "")
    result = cascade.diff(old, _workspace(tmp_path / "b", rpjmd=rpjmd))
    assert [(c.ref, c.change) for c in result.changes] == [("kota:S1", "removed"), ("kota:S1.I1", "removed")]
    assert result.changes[0].before == {"kind": "sasaran", "name": "Meningkatnya derajat kesehatan masyarakat", "parent": "kota:T1"}
    assert result.impacted == ()


def test_renamed_id_is_recognised_as_a_guess(tmp_path: Path) -> None:
    old = _workspace(tmp_path / "a")
    rpjmd = RPJMD.replace("- id: T1\n", "- id: T01\n").replace("parent: T1", "parent: T01").replace("- T1.I1", "- T01.I1") \
        .replace("id: T1.I1", "id: T01.I1")
    result = cascade.diff(old, _workspace(tmp_path / "b", rpjmd=rpjmd))
    renamed = result.by_change("renamed")
    assert [(c.renamed_from, c.ref, c.guess) for c in renamed] == [("kota:T1", "kota:T01", True), ("kota:T1.I1", "kota:T01.I1", True)]
    assert renamed[0].as_dict()["renamed_from"] == "kota:T1" and renamed[0].score == 1.0
    # the elements below the renamed tujuan depend on it
    assert {i.ref for i in result.impacted} >= {"kota:S1", "kota:P1"}


def test_a_different_element_under_a_new_id_is_not_a_rename(tmp_path: Path) -> None:
    old = _workspace(tmp_path / "a")
    rpjmd = RPJMD.replace("- id: S1\n", "- id: S9\n").replace(
        "name: Meningkatnya derajat kesehatan masyarakat", "name: Meningkatnya kualitas pendidikan dasar").replace(
        "id: S1.I1\n        name: Angka Harapan Hidup", "id: S9.I1\n        name: Angka Partisipasi Murni SD")
    result = cascade.diff(old, _workspace(tmp_path / "b", rpjmd=rpjmd))
    assert sorted((c.ref, c.change, c.renamed_from) for c in result.changes) == [
        ("kota:S1", "removed", None), ("kota:S1.I1", "removed", None), ("kota:S9", "added", None), ("kota:S9.I1", "added", None)]


def test_added_document_and_unreadable_file(tmp_path: Path) -> None:
    old = _workspace(tmp_path / "a")
    new = _workspace(tmp_path / "b", rpjmd="document: [broken\n")
    result = cascade.diff(old, new)
    assert result.changes == () and len(result.skipped) == 1  # not reported as a removed RPJMD
    (new / "kota.yaml").write_text(RPJMD)
    (new / "other.yaml").write_text(RPJMN.replace("id: rpjmn,", "id: rpjmn-2025,"))
    result = cascade.diff(old, new)
    assert result.changes[0].as_dict()["ref"] == "rpjmn-2025" and result.changes[0].change == "added"


def test_employee_numbers_and_names_are_masked(tmp_path: Path) -> None:
    shutil.copytree(SPECS, tmp_path / "b")
    skp = tmp_path / "b" / "kota-madiun" / "dinkes" / "skp-2023.yaml"
    skp.write_text(skp.read_text().replace("dr. Kepala Contoh, M.Kes.", "dr. Kepala Baru, M.Kes."))
    out = io.StringIO()
    assert main(["diff", str(SPECS), str(tmp_path / "b"), "--format", "json"], stdout=out) == 0
    text = out.getvalue()
    assert "Kepala Contoh" not in text and "Kepala Baru" not in text and "000000000000000001" not in text
    assert "0000••••••••••0001" in text
    assert set(json.loads(text)) == {"version", "changes", "impacted"}
    out = io.StringIO()
    main(["diff", str(SPECS), str(tmp_path / "b"), "--format", "json", "--show-personal"], stdout=out)
    assert "dr. Kepala Baru, M.Kes." in out.getvalue()


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_against_git_revisions(tmp_path: Path) -> None:
    repo = _workspace(tmp_path / "repo" / "plans").parent
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    (repo / "plans" / "rpjmn.yaml").write_text(RPJMN.replace("unit: \"%\"", "unit: persen"))
    _git(repo, "commit", "-qam", "second")
    (repo / "plans" / "rpjmn.yaml").write_text(RPJMN.replace("unit: \"%\"", "unit: poin"))  # working tree
    for rev, unit in (("HEAD~1..HEAD", "persen"), ("HEAD", "poin")):
        out, err = io.StringIO(), io.StringIO()
        code = main(["diff", "--git", rev, str(repo / "plans"), "--format", "json", "--fail-on-impact"], stdout=out, stderr=err)
        data = json.loads(out.getvalue())
        assert [(c["ref"], c["fields"], c["after"]) for c in data["changes"]] == [("rpjmn:PN1.I1", ["unit"], {"unit": unit})]
        assert code == 1 and [i["ref"] for i in data["impacted"]] == ["kota:T1.I1", "kota:P1.I1"]
    err = io.StringIO()
    assert main(["diff", "--git", "no-such-rev", str(repo / "plans")], stdout=io.StringIO(), stderr=err) == 2
    assert main(["diff", "--git", "--upload-pack=x", str(repo)], stdout=io.StringIO(), stderr=io.StringIO()) == 2


# -- cascade.lock and CAS208 --------------------------------------------------------------------------


def test_lock_init_change_accept(tmp_path: Path) -> None:
    ws_dir = _workspace(tmp_path / "w")
    assert cascade.load(ws_dir).validate(select=["CAS208"]).findings == ()  # no lock: silent
    err = io.StringIO()
    assert main(["review", "--init", str(ws_dir)], stdout=io.StringIO(), stderr=err) == 0
    lock_text = (ws_dir / "cascade.lock").read_text()
    assert lock_text.splitlines()[1:] == ["version 1", *sorted(lock_text.splitlines()[2:])]
    assert [l.split()[0] for l in lock_text.splitlines()[2:]] == ["kota:T1.I1", "rpjmn:PN1", "rpjmn:PN1.I1"]
    assert main(["review", "--init", str(ws_dir)], stdout=io.StringIO(), stderr=io.StringIO()) == 2
    (ws_dir / "rpjmn.yaml").write_text(RPJMN.replace("2024: {min: 6.0, max: 7.0}", "2024: {min: 4.5, max: 5.0}"))
    report = cascade.load(ws_dir).validate(select=["CAS208"])
    assert [(f.ref, f.line, f.column, f.severity.value) for f in report] == [("kota:T1.I1", 25, 20, "warning")]
    assert "rpjmn:PN1.I1 changed since this link was last reviewed" in report.findings[0].message
    out = io.StringIO()
    assert main(["review", str(ws_dir)], stdout=out, stderr=io.StringIO()) == 1
    assert main(["review", "--accept", "rpjmn:PN1.I1", str(ws_dir)], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert cascade.load(ws_dir).validate(select=["CAS208"]).findings == ()
    # a link to an item the lock does not know yet; accepted by the file it is defined in
    (ws_dir / "kota.yaml").write_text(RPJMD.replace("    supports: [rpjmn:PN1]", "    supports: [rpjmn:PN1, rpjmn:PN2]"))
    state = cascade.load(ws_dir).review_state()
    assert [(s.ref, s.target, s.status) for s in state.suspect] == [("kota:M1", "rpjmn:PN2", "unreviewed")]
    assert main(["review", "--accept", str(ws_dir / "rpjmn.yaml"), str(ws_dir)], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert cascade.load(ws_dir).review_state().clean


def test_hostile_lock_files_are_findings_never_crashes(tmp_path: Path) -> None:
    lock = parse_lock(b"# c\nversion 1\nrpjmn:PN1 0123456789abcdef\nrpjmn:PN1 0123456789abcdef\n"
                      b"../../etc/passwd 0123456789abcdef\nrpjmn:PN2 XYZ\n" + b"x" * 5000 + b"\n", "cascade.lock")
    assert dict(lock.entries) == {"rpjmn:PN1": "0123456789abcdef"}
    assert [(f.line, f.column, f.variant) for f in lock.findings] == [
        (4, 1, "lock-duplicate"), (5, 1, "lock-line"), (6, 11, "lock-line"), (7, 1, "lock-line")]
    assert all("passwd" not in f.message for f in lock.findings)
    assert [f.variant for f in parse_lock(b"\xff\xfe version 1").findings] == ["lock-encoding"]
    flood = parse_lock(b"version 1\n" + b"bad\n" * 5000)
    assert len(flood.findings) == 101 and "4900 more bad lines" in flood.findings[-1].message
    assert not parse_lock(b"rpjmn:PN1 0123456789abcdef\n").usable
    big = tmp_path / "cascade.lock"
    big.write_bytes(b"version 1\n" + b"#" * 100)
    assert [f.variant for f in read_lock(big, max_bytes=50).findings] == ["lock-size"]
    outside = tmp_path / "secret"
    outside.write_text("token")
    inner = tmp_path / "w"
    _workspace(inner)
    os.symlink(outside, inner / "cascade.lock")
    report = cascade.load(inner).validate(select=["CAS208"])
    assert [(f.variant, "token" in f.message) for f in report] == [("lock-unreadable", False)]
    os.remove(inner / "cascade.lock")
    os.mkfifo(inner / "cascade.lock")
    assert [f.variant for f in cascade.load(inner).validate(select=["CAS208"])] == ["lock-unreadable"]


def test_suspect_links_are_the_same_in_one_process_and_by_region(tmp_path: Path) -> None:
    ws_dir = tmp_path / "w"
    shutil.copytree(SPECS, ws_dir)
    entries = lock_entries(cascade.load(ws_dir).graph)
    entries["rpjmn-2020:PN3.I2"] = "0" * 16
    entries["kota-madiun.rpjmd-2019:S2.1.1"] = "1" * 16
    del entries["jatim.rpjmd-2019:M1"]
    (ws_dir / "cascade.lock").write_text(dump_lock(entries) + "junk\n")
    one = cascade.lint([ws_dir], by_region=False).report.by_code("CAS208")
    regions = cascade.lint([ws_dir], by_region=True, jobs=2).report.by_code("CAS208")
    assert one == regions
    assert [(os.path.relpath(f.file, ws_dir), f.line, f.ref, f.variant) for f in one] == [
        ("cascade.lock", 156, None, "lock-line"),
        ("jatim/rpjmd-2019.yaml", 330, "jatim.rpjmd-2019:T2.2.I1", "default"),
        ("kota-madiun/dinkes/renstra-2019.yaml", 110, "kota-madiun.dinkes.renstra-2019:T1", "default"),
        ("kota-madiun/dinkes/renstra-2019.yaml", 143, "kota-madiun.dinkes.renstra-2019:S1.1", "default"),
        ("kota-madiun/rpjmd-2019.yaml", 360, "kota-madiun.rpjmd-2019:M3", "unreviewed"),
        ("rpjmn-2020.yaml", 279, "rpjmn-2020:PN3.PP2.I1", "default"),
    ]
    assert cascade.lint([ws_dir], by_region=False, settings=cascade.Settings(ignore=("CAS208",))).report.by_code("CAS208") == ()


# -- realign -------------------------------------------------------------------------------------------


def test_realign_proposes_the_new_rpjmn_indicator_and_applies_it_in_place(tmp_path: Path) -> None:
    work = tmp_path / "specs"
    shutil.copytree(SPECS, work)
    shutil.copy(ROOT / "examples" / "realign" / "rpjmn-2025.yaml", work)
    ws = cascade.load(work)
    table = cascade.realign(ws, "rpjmn-2020", "rpjmn-2025")
    first = [c for c in table.candidates if c.ref == "jatim.rpjmd-2019:T2.2.I1" and c.rank == 1][0]
    assert (first.old_target, first.candidate, first.score) == ("rpjmn-2020:PN3.I2", "rpjmn-2025:PN6.I1", 1.0)
    assert "same measure tingkat-kemiskinan" in first.reason
    mapping = tmp_path / "mapping.csv"
    rows = [r for r in table.to_csv().splitlines()]
    confirmed = [rows[0]] + [r + "x" for r in rows[1:] if r.startswith("jatim.rpjmd-2019:T2.2.I1,") and ",1,rpjmn-2025:PN6.I1," in r]
    mapping.write_text("\n".join(confirmed) + "\n")
    before = (work / "jatim" / "rpjmd-2019.yaml").read_text()
    out = io.StringIO()
    assert main(["realign", "--from", "rpjmn-2020", "--to", "rpjmn-2025", str(work), "--apply", str(mapping)], stdout=out) == 0
    after = (work / "jatim" / "rpjmd-2019.yaml").read_text()
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [("        supports: [rpjmn-2020:PN3.I2]", "        supports: [rpjmn-2025:PN6.I1]")]
    assert len(before.splitlines()) == len(after.splitlines())


def test_apply_into_a_block_list_with_two_targets(tmp_path: Path) -> None:
    ws_dir = _workspace(tmp_path / "w", RPJMN + "  - id: PN3\n    kind: prioritas_nasional\n    name: Baru\n")
    (ws_dir / "kota.yaml").write_text(RPJMD.replace("          - T1.I1\n", "          - rpjmn:PN1.I1   # keep me\n"))
    ws = cascade.load(ws_dir)
    from cascade.revisions.realign import apply_mapping

    result = apply_mapping(ws, [("kota:P1.I1", "rpjmn:PN1.I1", "rpjmn:PN1.I1")], old="rpjmn", new="rpjmn")
    assert result.edited == {str(ws_dir / "kota.yaml"): 1}
    result = apply_mapping(cascade.load(ws_dir), [("kota:M1", "rpjmn:PN1", "rpjmn:PN2"), ("kota:M1", "rpjmn:PN1", "rpjmn:PN3")],
                           old="rpjmn", new="rpjmn")
    assert "    supports: [rpjmn:PN2, rpjmn:PN3]\n" in (ws_dir / "kota.yaml").read_text()
    assert result.problems == []
    bad = apply_mapping(cascade.load(ws_dir), [("kota:M1", "rpjmn:PN1", "other:X")], old="rpjmn", new="rpjmn")
    assert bad.problems == ["kota:M1: other:X is not in rpjmn"]


def test_an_element_moved_to_another_document_is_a_guessed_rename(tmp_path: Path) -> None:
    old = _workspace(tmp_path / "a")
    program = RPJMD[RPJMD.index("  - id: P1\n"):]
    new = _workspace(tmp_path / "b", rpjmd=RPJMD[: RPJMD.index("  - id: P1\n")])
    (new / "kota2.yaml").write_text(
        'document: {id: kota2, kind: rpjmd, title: RPJMD Kota Dua, period: {start: 2020, end: 2024}, region: {code: "35.78"}}\n'
        "elements:\n" + program.replace("id: P1", "id: P9").replace("- T1.I1", "- kota:T1.I1"))
    result = cascade.diff(old, new)
    moved = [(c.renamed_from, c.ref, c.guess) for c in result.by_change("renamed")]
    assert moved == [("kota:P1", "kota2:P9", True), ("kota:P1.I1", "kota2:P9.I1", True)]
    assert "moved to kota2" in result.get("kota2:P9").reason


def test_realign_command_formats_and_usage_errors(tmp_path: Path) -> None:
    ws_dir = _workspace(tmp_path / "w")
    (ws_dir / "new.yaml").write_text(RPJMN.replace("id: rpjmn,", "id: rpjmn-new,").replace("id: PN1\n", "id: X1\n")
                                     .replace("id: PN1.I1", "id: X1.I1").replace("id: PN2", "id: X2"))
    args = ["realign", "--from", "rpjmn", "--to", "rpjmn-new", str(ws_dir)]
    out = io.StringIO()
    assert main(args + ["--format", "csv"], stdout=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "ref,file,line,old_target,old_name,rank,candidate,candidate_name,score,reason,confirm"
    assert any(l.startswith("kota:T1.I1,") and ",1,rpjmn-new:X1.I1,Tingkat Kemiskinan,1.00," in l for l in lines)
    out = io.StringIO()
    assert main(args + ["--format", "json"], stdout=out) == 0 and json.loads(out.getvalue())["to"] == "rpjmn-new"
    err = io.StringIO()
    assert main(["realign", "--from", "nope", "--to", "rpjmn-new", str(ws_dir)], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue() == "cascade: dokumen 'nope' tidak ada di workspace\n"  # Indonesian by default
    err = io.StringIO()
    assert main(["realign", "--from", "nope", "--to", "rpjmn-new", str(ws_dir), "--lang", "en"], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue() == "cascade: document 'nope' is not in the workspace\n"
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        err = io.StringIO()
        assert main(args + ["--format", "xlsx", "--output", str(tmp_path / "t.xlsx")], stdout=io.StringIO(), stderr=err) == 2
        assert "pip install openpyxl (paket tambahan xlsx dari sakip-cascade)" in err.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_text("ref,candidate\nx,y\n")
    assert main(args + ["--apply", str(bad)], stdout=io.StringIO(), stderr=io.StringIO()) == 2


def test_review_json_lists_suspect_and_stale(tmp_path: Path) -> None:
    ws_dir = _workspace(tmp_path / "w")
    (ws_dir / "cascade.lock").write_text("version 1\nrpjmn:PN1 0000000000000000\nrpjmn:GONE 0000000000000000\n")
    out = io.StringIO()
    assert main(["review", str(ws_dir), "--format", "json"], stdout=out, stderr=io.StringIO()) == 1
    data = json.loads(out.getvalue())
    assert [(s["ref"], s["target"], s["status"]) for s in data["suspect"]] == [
        ("kota:M1", "rpjmn:PN1", "changed"), ("kota:T1.I1", "rpjmn:PN1.I1", "unreviewed"),
        ("kota:P1.I1", "kota:T1.I1", "unreviewed")]
    assert data["stale"] == ["rpjmn:GONE"]
    assert main(["review", "--accept", "--all", str(ws_dir)], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert "GONE" not in (ws_dir / "cascade.lock").read_text()


def test_realign_csv_and_xlsx_follow_the_language_and_apply_reads_either_header(tmp_path: Path) -> None:
    """`realign --format csv --lang id` gave English reasons while the text said 'nama vs target lama';
    the CSV keeps its English columns (docs/revisions.md), the xlsx for people has Indonesian headers,
    and --apply reads both."""
    work = tmp_path / "specs"
    shutil.copytree(SPECS, work)
    shutil.copy(ROOT / "examples" / "realign" / "rpjmn-2025.yaml", work)
    args = ["realign", "--from", "rpjmn-2020", "--to", "rpjmn-2025", str(work)]
    out = io.StringIO()
    assert main(args + ["--format", "csv"], stdout=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "ref,file,line,old_target,old_name,rank,candidate,candidate_name,score,reason,confirm"
    m1 = [l for l in lines if l.startswith("jatim.rpjmd-2019:M1,") and ",1,rpjmn-2025:PN6," in l][0]
    assert m1.endswith(",0.28,nama vs target lama 0.38; nama vs elemen ini 0.24,")
    assert not any("name vs" in l or "same measure" in l for l in lines)
    out = io.StringIO()
    assert main(args + ["--format", "csv", "--lang", "en"], stdout=out) == 0
    assert "0.28,name vs old target 0.38; name vs this element 0.24," in out.getvalue()
    out = io.StringIO()
    assert main(args + ["--format", "json"], stdout=out) == 0  # JSON keeps the English reason
    assert any(c["reason"] == "name vs old target 0.38; name vs this element 0.24" for c in json.loads(out.getvalue())["candidates"])

    # a mapping whose headers a planner put in Bahasa Indonesia is applied as the English one is
    confirmed = [l + "x" for l in lines[1:] if l.startswith("jatim.rpjmd-2019:T2.2.I1,") and ",1,rpjmn-2025:PN6.I1," in l]
    mapping = tmp_path / "pemetaan.csv"
    mapping.write_text("Ref,Berkas,Baris,Target lama,Nama target lama,Peringkat,Kandidat,Nama kandidat,Skor,Alasan,Konfirmasi\n"
                       + "\n".join(confirmed) + "\n")
    out = io.StringIO()
    assert main(args + ["--apply", str(mapping)], stdout=out) == 0
    assert out.getvalue() == f"{work / 'jatim' / 'rpjmd-2019.yaml'}: 1 tautan diubah\n"
    assert "supports: [rpjmn-2025:PN6.I1]" in (work / "jatim" / "rpjmd-2019.yaml").read_text()
    bad = tmp_path / "bad.csv"
    bad.write_text("Ref,Kandidat\nx,y\n")
    err = io.StringIO()
    assert main(args + ["--apply", str(bad)], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().endswith("kolom tidak ada: Target lama (old_target), Konfirmasi (confirm)\n")

    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "usulan.xlsx"
    assert main(args + ["--format", "xlsx", "--output", str(book)]) == 0
    sheet = openpyxl.load_workbook(book).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0] == ["Ref", "Berkas", "Baris", "Target lama", "Nama target lama", "Peringkat", "Kandidat", "Nama kandidat",
                       "Skor", "Alasan", "Konfirmasi"]
    assert any(r[9] == "nama vs target lama 0.38; nama vs elemen ini 0.24" for r in rows[1:])
    # the planner confirms the T1 -> PN6 row of the Jatim RPJMD in the workbook and applies it
    for r in sheet.iter_rows(min_row=2):
        if r[0].value == "jatim.rpjmd-2019:M1" and r[6].value == "rpjmn-2025:PN6":
            r[10].value = "ya"
    wb = sheet.parent
    wb.save(book)
    out = io.StringIO()
    assert main(args + ["--apply", str(book)], stdout=out) == 0 and "1 tautan diubah" in out.getvalue()
    english = tmp_path / "en.xlsx"
    assert main(args + ["--format", "xlsx", "--output", str(english), "--lang", "en"]) == 0
    assert [c.value for c in openpyxl.load_workbook(english).active[1]][:4] == ["ref", "file", "line", "old_target"]


def test_diff_names_the_kinds_as_planners_write_them(tmp_path: Path) -> None:
    """`cascade diff` showed [document], [indicator] and [prioritas_nasional] in its Indonesian text,
    markdown and HTML; JSON keeps the codes."""
    new = tmp_path / "new"
    shutil.copytree(SPECS, new)
    rpjmn = new / "rpjmn-2020.yaml"
    rpjmn.write_text(rpjmn.read_text().replace("name: Memperkuat Ketahanan Ekonomi untuk Pertumbuhan yang Berkualitas dan Berkeadilan",
                                               "name: Memperkuat Ketahanan Ekonomi"))
    rpjmd = new / "kota-madiun" / "rpjmd-2019.yaml"
    rpjmd.write_text(rpjmd.read_text().replace("name: Angka Harapan Hidup\n", "name: Angka Harapan Hidup Baru\n", 1))

    def diff(*extra: str) -> str:
        out = io.StringIO()
        main(["diff", str(SPECS), str(new), *extra], stdout=out, stderr=io.StringIO())
        return out.getvalue()

    text = diff()
    assert "~ rpjmn-2020:PN1 [Prioritas Nasional] diubah: name" in text
    assert "~ kota-madiun.rpjmd-2019:S2.1.1.I1 [indikator] diubah: name" in text
    assert "[indicator]" not in text and "[prioritas_nasional]" not in text
    assert "| `kota-madiun.rpjmd-2019:S2.1.1.I1` | indikator | diubah |" in diff("--format", "markdown")
    assert "| `rpjmn-2020:PN1` | Prioritas Nasional | diubah |" in diff("--format", "markdown")
    html_out = diff("--format", "html")
    assert "<td>indikator</td>" in html_out and "<td>Prioritas Nasional</td>" in html_out
    assert "~ kota-madiun.rpjmd-2019:S2.1.1.I1 [indicator] modified: name" in diff("--lang", "en")
    kinds = {c["element_kind"] for c in json.loads(diff("--format", "json"))["changes"]}
    assert kinds == {"prioritas_nasional", "indicator"}


def test_the_html_heading_counts_the_rows_it_heads(tmp_path: Path) -> None:
    """A diff that adds the RPJMN 2025-2029 (24 items, folded into the document's one row) was
    headed "Perubahan (33)" over a table of 9 rows."""
    new = tmp_path / "new"
    shutil.copytree(SPECS, new)
    shutil.copy(ROOT / "examples" / "realign" / "rpjmn-2025.yaml", new / "rpjmn-2025.yaml")
    out = io.StringIO()
    main(["diff", str(SPECS), str(new), "--format", "html"], stdout=out, stderr=io.StringIO())
    page = out.getvalue()
    rows = page.count('<tr class="')
    assert f"<h2>Perubahan ({rows} baris; {rows + 24} perubahan, 24 di antaranya dilipat ke baris dokumennya)</h2>" in page
    out = io.StringIO()
    main(["diff", str(SPECS), str(SPECS), "--format", "html", "--lang", "en"], stdout=out, stderr=io.StringIO())
    assert "<h2>Changes (0)</h2>" in out.getvalue()
