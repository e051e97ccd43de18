"""The messages of ``sakip``, ``review``, ``realign``, ``export`` and ``import`` in the run's language:
Bahasa Indonesia by default, English with ``--lang en``; never both side by side."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli_support import ROOT, run

SPECS = ROOT / "specs"


def test_sakip_evidence_and_modes_are_indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run("sakip", "specs")
    assert code == 0
    assert "  perencanaan.3.3      sebagian  B  7/8 indikator yang capaiannya sesuai jalur (88%)\n" in out
    assert "  perencanaan.2.5      otomatis  A  90/90 indikator yang SMART (100%)\n" in out
    assert "on the right track" not in out and "automated" not in out and "partial" not in out
    code, out, _ = run("sakip", "specs", "--lang", "en")
    assert "  perencanaan.3.3      partial   B  7/8 indicators on track (88%)\n" in out


def test_sakip_usage_errors_in_one_language(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    assert run("sakip", "specs", "--document", "nope") == (2, "", "cascade: dokumen 'nope' tidak dikenal\n")
    assert run("sakip", "specs", "--document", "nope", "--lang", "en") == (2, "", "cascade: unknown document 'nope'\n")
    assert run("sakip", "specs", "--answers", "nope.yaml") == (2, "", "cascade: nope.yaml: berkas atau folder tidak ada\n")
    out = tmp_path / "missing" / "s.txt"
    assert run("sakip", "specs", "--output", str(out), "--lang", "en") == (
        2, "", f"cascade: cannot write {out}: no such file or folder\n")


def test_review_messages(tmp_path: Path) -> None:
    ws = tmp_path / "w"
    shutil.copytree(SPECS, ws)
    lock = ws / "cascade.lock"
    code, out, err = run("review", str(ws))  # no lock yet: every link is unreviewed
    assert code == 1 and out.startswith("230 tautan perlu ditinjau, 154 unsur berubah\n")
    assert err == f"cascade: belum ada berkas kunci ({lock}); buat dengan: cascade review --init\n"
    assert run("review", str(ws), "--init") == (0, "", f"cascade: {lock} ditulis: 154 unsur yang ditaut\n")
    assert run("review", str(ws)) == (0, "0 tautan perlu ditinjau, 0 unsur berubah\n", "")
    assert run("review", str(ws), "--init", "--lang", "en") == (2, "", f"cascade: {lock} exists; update it with --accept\n")
    assert run("review", str(ws), "--accept", "nope:X") == (
        2, "", "cascade: nope:X: bukan unsur yang ditaut, unsur yang menaut, atau entri berkas kunci\n")
    assert run("review", str(ws), "--accept", "rpjmn-2020:PN3", "--lang", "en") == (
        0, "", f"cascade: accepted 1 item(s) in {lock}\n")


def test_realign_messages(tmp_path: Path) -> None:
    ws = tmp_path / "w"
    shutil.copytree(SPECS, ws)
    shutil.copy(ROOT / "examples" / "realign" / "rpjmn-2025.yaml", ws)
    args = ["realign", "--from", "rpjmn-2020", "--to", "rpjmn-2025", str(ws)]
    assert run("realign", "--from", "rpjmn-2020", "--to", "rpjmn-2099", str(ws)) == (2, "", "cascade: dokumen 'rpjmn-2099' tidak ada di workspace\n")
    assert run(*args, "--format", "xlsx") == (2, "", "cascade: --format xlsx memerlukan --output FILE\n")
    mapping = tmp_path / "m.csv"
    mapping.write_text("ref,old_target,candidate,confirm\n"
                       "jatim.rpjmd-2019:T2.2.I1,rpjmn-2020:PN3.I2,rpjmn-2025:NOPE,x\n,,,x\n", encoding="utf-8")
    assert run(*args, "--apply", str(mapping), "--dry-run") == (1, "", (
        f"cascade: {mapping}:3: baris yang dikonfirmasi memerlukan ref, old_target dan candidate\n"
        "cascade: jatim.rpjmd-2019:T2.2.I1: rpjmn-2025:NOPE tidak menunjuk apa pun di rpjmn-2025\n"))
    assert run(*args, "--apply", str(mapping), "--dry-run", "--lang", "en") == (1, "", (
        f"cascade: {mapping}:3: a confirmed row needs ref, old_target and candidate\n"
        "cascade: jatim.rpjmd-2019:T2.2.I1: rpjmn-2025:NOPE names nothing in rpjmn-2025\n"))
    mapping.write_text("ref,candidate\n", encoding="utf-8")
    assert run(*args, "--apply", str(mapping)) == (2, "", f"cascade: {mapping}: kolom tidak ada: Target lama (old_target), Konfirmasi (confirm)\n")


def test_export_and_import_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "missing" / "x.xlsx"
    pytest.importorskip("openpyxl")
    assert run("export", "specs", "--xlsx", str(out)) == (2, "", f"cascade: tidak dapat menulis {out}: berkas atau folder tidak ada\n")
    assert run("export", "specs", "--xlsx", str(out), "--lang", "en") == (2, "", f"cascade: cannot write {out}: no such file or folder\n")
    assert run("import", "nope.xlsx", "-o", str(tmp_path)) == (2, "", "cascade: nope.xlsx: berkas tidak ada\n")
    assert run("import", "nope.xlsx", "-o", str(tmp_path), "--lang", "en") == (2, "", "cascade: nope.xlsx: no such file\n")


def test_a_missing_extra_is_said_in_the_runs_language(monkeypatch) -> None:
    import sys

    from cli_support import run

    monkeypatch.setitem(sys.modules, "pygls.server", None)  # the lsp extra is not installed
    monkeypatch.delitem(sys.modules, "cascade.lsp.server", raising=False)
    import cascade.lsp

    monkeypatch.delattr(cascade.lsp, "server", raising=False)  # imported by an earlier test: the package keeps it
    assert run("server") == (2, "", 'cascade server memerlukan paket tambahan: pip install -e ".[lsp]" (pygls)\n')
    assert run("server", "--lang", "en") == (2, "", 'cascade server needs the optional extra: pip install -e ".[lsp]" (pygls)\n')


def test_missing_extra_errors_carry_both_languages() -> None:
    from cascade.core.errors import MissingExtraError, require_pandas

    exc = MissingExtraError("x needs y", message_id="x memerlukan y")
    assert (str(exc), exc.localized("en"), exc.localized("id")) == ("x needs y", "x needs y", "x memerlukan y")
    assert MissingExtraError("only english").localized("id") == "only english"
    try:
        require_pandas("the coverage table")
    except MissingExtraError as missing:  # pandas absent here: one language each
        assert missing.localized("id") == ("the coverage table membutuhkan pandas (paket tambahan notebook dari "
                                           "sakip-cascade): pip install pandas")
