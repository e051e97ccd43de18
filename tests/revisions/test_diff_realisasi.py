"""``cascade diff`` of realisasi documents (kind: realisasi, FORMAT.md "Realisasi and capaian"): read
like plans (no false "could not be read"), their values compared per indicator and year, rows by
printed name; "no changes" said once; an unknown git revision named."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

import cascade
from cascade.cli.commands import main

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
REALISASI = Path("kota-madiun") / "realisasi-2024.yaml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _revised(tmp_path: Path) -> Path:
    """A copy of specs/ whose realisasi document was revised (the changes are listed by their line): one value and its status, one PK target,
    an indicator's entry removed and one added, and a row by printed name added."""
    new = tmp_path / "new"
    shutil.copytree(SPECS, new)
    path = new / REALISASI
    text = path.read_text(encoding="utf-8")
    edits = [
        ('2024: {value: 84.35, status: preliminary, source: "illustrative (seri baru)"}', '2024: {value: 84.40, source: "BPS Kota Madiun"}'),
        ("S2.1.1.I3: {2023: 7.0}", "S2.1.1.I3: {2023: 6.8}"),
        ("  S1.1.1.I2:     # Opini BPK", "  S2.1.1.I2:\n    2023: 90\n  S1.1.1.I2:     # Opini BPK"),
    ]
    for old, replacement in edits:
        assert old in text
        text = text.replace(old, replacement)
    start = text.index("  S2.2.2.I1:")
    text = text[:start] + text[text.index("  S2.1.1.I3:", start):]
    text += "rows:\n  - indicator: Angka Harapan  Hidup\n    realized: {2024: 73.3}\n"
    path.write_text(text, encoding="utf-8")
    return new


def test_identical_workspaces_with_a_realisasi_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert run("diff", "specs", "specs") == (0, "Perubahan rencana: specs -> specs\nTidak ada perubahan.\n", "")
    assert run("diff", "specs", "specs", "--lang", "en") == (0, "Plan changes: specs -> specs\nNo changes.\n", "")


def test_realisasi_changes_per_indicator_year_and_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    new = _revised(tmp_path)
    code, out, err = run("diff", "specs", str(new), "--lang", "en")
    assert (code, err) == (0, "")
    assert out == (
        f"Plan changes: specs -> {new}\n"
        "This change changes the realisasi of 5 RPJMD kab/kota indicators; nothing below depends on them.\n"
        "\n"
        f"~ kota-madiun.realisasi-2024:T2.1.I1 [realisasi] modified: realized  ({new / REALISASI}:27)\n"
        "    realized 2024: 84.35 (preliminary; illustrative (seri baru)) -> 84.4 (BPS Kota Madiun)\n"
        f"- kota-madiun.realisasi-2024:S2.2.2.I1 [realisasi] removed  (specs/{REALISASI}:50)\n"
        f"+ kota-madiun.realisasi-2024:S2.1.1.I2 [realisasi] added  ({new / REALISASI}:{_line(new, '  S2.1.1.I2:') + 1})\n"
        f"~ kota-madiun.realisasi-2024:S2.1.1.I3 [realisasi] modified: pk_targets  ({new / REALISASI}:{_line(new, 'S2.1.1.I3: {2023: 6.8}')})\n"
        "    pk_targets 2023: 7 -> 6.8\n"
        f"+ kota-madiun.realisasi-2024:rows[Angka Harapan Hidup] [realisasi] added  ({new / REALISASI}:{_line(new, 'rows:') + 1})\n"
        "\n"
        "Impact below (0):\n"
        "  nothing below depends on the changed items\n"
    )
    data = json.loads(run("diff", "specs", str(new), "--format", "json")[1])
    first = data["changes"][0]
    assert first == {"ref": "kota-madiun.realisasi-2024:T2.1.I1", "element_kind": "realisasi", "change": "modified",
                     "fields": ["realized"],
                     "before": {"realized": {"2024": {"value": 84.35, "status": "preliminary", "source": "illustrative (seri baru)"}}},
                     "after": {"realized": {"2024": {"value": 84.4, "status": "final", "source": "BPS Kota Madiun"}}},
                     "renamed_from": None, "guess": False}
    assert data["impacted"] == []


def _line(folder: Path, text: str) -> int:
    lines = (folder / REALISASI).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_a_row_reprinted_with_other_spacing_is_no_change_and_a_realisasi_document_added_is_folded(tmp_path: Path) -> None:
    new = _revised(tmp_path)
    again = tmp_path / "again"
    shutil.copytree(new, again)
    path = again / REALISASI
    path.write_text(path.read_text(encoding="utf-8").replace("Angka Harapan  Hidup", "ANGKA HARAPAN HIDUP"), encoding="utf-8")
    assert cascade.diff(new, again).changes == ()
    old = tmp_path / "old"
    shutil.copytree(SPECS, old)
    (old / REALISASI).unlink()
    result = cascade.diff(old, SPECS)
    assert [(c.ref, c.element_kind, c.change) for c in result.changes][:1] == [("kota-madiun.realisasi-2024", "document", "added")]
    assert {c.element_kind for c in result.changes[1:]} == {"realisasi"} and len(result.changes) == 9
    text = cascade.revisions.render.render_diff(result, "text", "id")
    assert "+ kota-madiun.realisasi-2024 [dokumen] ditambah" in text and "    8 entri realisasi\n" in text
    assert "+ kota-madiun.realisasi-2024 [document] added" in cascade.revisions.render.render_diff(result, "text", "en")
    assert "Perubahan ini mengubah realisasi 8 indikator RPJMD kab/kota" in text


def test_a_header_only_change_is_said_in_the_sentence(tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(SPECS, new)
    path = new / REALISASI
    path.write_text(path.read_text(encoding="utf-8").replace("title: Realisasi Kinerja RPJMD", "title: Laporan Realisasi RPJMD"),
                    encoding="utf-8")
    code, out, err = run("diff", str(SPECS), str(new))
    assert (code, err) == (0, "")
    assert out.splitlines()[1:4] == [
        "Perubahan ini mengubah blok document: pada 1 dokumen; tidak ada yang bergantung padanya di bawah.", "",
        f"~ kota-madiun.realisasi-2024 [dokumen] diubah: title  ({path})"]


def test_an_unreadable_realisasi_file_is_still_left_out_on_both_sides(tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(SPECS, new)
    (new / REALISASI).write_text("document: [broken\n", encoding="utf-8")
    result = cascade.diff(SPECS, new)
    assert result.changes == () and result.skipped == (str(new / REALISASI),)
    code, out, err = run("diff", str(SPECS), str(new))
    assert code == 0 and err == f"cascade: {new / REALISASI}: tidak terbaca; dokumennya tidak dibandingkan\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_unknown_revision_and_no_repository_are_named(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(SPECS, repo / "plans")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    plans = str(repo / "plans")
    assert run("diff", "--git", "nosuchrev", plans) == (
        2, "", f"cascade: revisi git 'nosuchrev' tidak dikenal (tidak ada commit bernama itu di repositori {plans})\n")
    assert run("diff", "--git", "nosuchrev", plans, "--lang", "en") == (
        2, "", f"cascade: unknown git revision 'nosuchrev' (no commit of that name in the repository of {plans})\n")
    # the realisasi document read at the revision too: no false warning, no change
    assert run("diff", "--git", "HEAD", plans) == (0, f"Perubahan rencana: HEAD -> {plans}\nTidak ada perubahan.\n", "")
    outside = tmp_path / "outside"
    shutil.copytree(SPECS, outside)
    in_repository = subprocess.run(["git", "rev-parse"], cwd=outside, capture_output=True).returncode == 0
    if not in_repository:  # the temporary folder may itself sit inside a repository
        assert run("diff", "--git", "HEAD", str(outside), "--lang", "en") == (2, "", f"cascade: {outside}: not in a git repository\n")
        assert run("diff", "--git", "HEAD", str(outside)) == (2, "", f"cascade: {outside}: tidak berada di dalam repositori git\n")


def test_diff_usage_messages_follow_lang() -> None:
    assert run("diff", "specs") == (2, "", "cascade: diff memerlukan OLD NEW, atau --git REV [PATH]\n")
    assert run("diff", "specs", "--lang", "en") == (2, "", "cascade: diff takes OLD NEW, or --git REV [PATH]\n")
    assert run("diff", "--git", "HEAD", "a", "b", "--lang", "en") == (2, "", "cascade: diff --git takes one PATH\n")


def test_a_realisasi_whose_plan_is_absent_claims_no_tier_and_shows_for_as_written(tmp_path: Path) -> None:
    """Its ``for:`` names a plan in neither workspace: the sentence says "indikator", not "indikator
    RPJMN" (tier 0 was assumed), and a changed ``for`` is shown as the YAML names it, not ``for_``."""
    old, new = tmp_path / "old", tmp_path / "new"
    for side, plan, value in ((old, "x.rpjmd-2019", 1), (new, "y.rpjmd-2019", 2)):
        side.mkdir()
        (side / "realisasi.yaml").write_text(
            f"document: {{id: x.realisasi-2024, kind: realisasi, for: {plan}}}\nrealized:\n  S1.I1: {{2024: {value}}}\n",
            encoding="utf-8")
    code, out, _ = run("diff", str(old), str(new), "--format", "json")
    changes = json.loads(out)["changes"]
    header = [c for c in changes if c["element_kind"] == "document"]
    assert [c["fields"] for c in header] == [["for"]]
    code, out, _ = run("diff", str(old), str(new))
    # its entry S1.I1 is keyed by the plan it names, so another plan is one entry removed and one added
    assert out.splitlines()[1] == "Perubahan ini mengubah realisasi 2 indikator; tidak ada yang bergantung padanya di bawah."
    assert "RPJMN" not in out
