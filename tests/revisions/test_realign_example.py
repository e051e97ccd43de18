"""examples/realign: the committed mapping.csv is what the command its README names writes (plus the
confirm marks it describes), and what the README says --apply, diff and lint do is what they do."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

import cascade
from cascade.cli.commands import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "realign"
README = (EXAMPLE / "README.md").read_text(encoding="utf-8")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_mapping_csv_is_the_documented_command_with_the_documented_confirmations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    command = ("cascade realign --from rpjmn-2020 --to rpjmn-2025 specs examples/realign/rpjmn-2025.yaml "
               "--format csv --output examples/realign/mapping.csv")
    assert command in " ".join(README.split())
    out = tmp_path / "mapping.csv"
    assert run(*command.split()[1:-1], str(out)) == (0, "", "")
    fresh = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    committed = list(csv.reader(io.StringIO((EXAMPLE / "mapping.csv").read_text(encoding="utf-8"))))
    assert [row[:-1] for row in committed] == [row[:-1] for row in fresh]  # all but the confirm column
    assert len(committed) - 1 == 114 and "114 rows" in README
    confirmed = [row for row in committed[1:] if row[-1] == "x"]
    assert confirmed == [row for row in committed[1:] if row[5] == "1" and float(row[8]) >= 0.9] and len(confirmed) == 8
    assert all(row[-1] == "" for row in committed[1:] if row not in confirmed)


def test_apply_diff_and_lint_say_what_the_readme_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    work = tmp_path / "madiun"
    shutil.copytree(ROOT / "specs", work)
    shutil.copy(EXAMPLE / "rpjmn-2025.yaml", work)
    before = {p: (work / p).read_text(encoding="utf-8").splitlines() for p in ("jatim/rpjmd-2019.yaml", "kota-madiun/rpjmd-2019.yaml")}
    code, out, _ = run("realign", "--from", "rpjmn-2020", "--to", "rpjmn-2025", str(work), "--apply", str(EXAMPLE / "mapping.csv"))
    assert (code, out) == (0, f"{work}/jatim/rpjmd-2019.yaml: 7 tautan diubah\n{work}/kota-madiun/rpjmd-2019.yaml: 1 tautan diubah\n")
    changed = {p: [i for i, (a, b) in enumerate(zip(lines, (work / p).read_text(encoding="utf-8").splitlines()), 1) if a != b]
               for p, lines in before.items()}
    assert changed == {"jatim/rpjmd-2019.yaml": [44, 215, 246, 264, 330, 342, 489], "kota-madiun/rpjmd-2019.yaml": [113]}
    assert "(lines 44, 215, 246, 264, 330, 342 and 489)" in README and "(line 113)" in README
    code, out, _ = run("diff", "specs", str(work))
    shown = out.replace(str(work), "/tmp/madiun")
    blocks = [b.split("```text\n", 1)[1] for b in README.split("\n```\n") if "```text\n" in b]
    sentence, excerpt = blocks[2], blocks[3]
    assert code == 0 and sentence.strip() in shown.splitlines()
    lines = shown.splitlines()
    assert all(line in lines for line in excerpt.splitlines())


def test_lint_of_the_folder_reports_what_the_readme_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run("lint", "examples/realign", "--format", "concise", "--lang", "en")
    found = [(line.split(":")[0].rsplit("/", 1)[1], line.split(":")[1], line.split()[1]) for line in out.splitlines()]
    assert code == 0
    assert found == [("mapping.csv", "1", "CAS009"), ("rpjmn-2025.yaml", "69", "CAS502"), ("rpjmn-2025.yaml", "76", "CAS502"),
                     ("rpjmn-2025.yaml", "94", "CAS502"), ("rpjmn-2025.yaml", "109", "CAS512")]
    assert "`rpjmn-2025.yaml:109`" in README and "CAS009" in README and "three sasaran makro" in README
    ws = cascade.load(str(EXAMPLE / "rpjmn-2025.yaml"))
    assert [ws.get(f"rpjmn-2025:{i}").name for i in ("PN3.I1", "PN3.I2", "PN4.I2")] == [
        "Pertumbuhan Ekonomi", "GNI per Kapita (Atlas)", "Indeks Pembangunan Manusia"]


def test_candidate_reasons_follow_the_language() -> None:
    from cascade.revisions.realign import reason_in

    reason = "same measure tingkat-kemiskinan; name 0.41; same unit %"
    assert reason_in(reason, "en") == reason
    assert reason_in(reason, "id") == "ukuran (measure) sama tingkat-kemiskinan; nama 0.41; satuan sama %"
    assert reason_in("name vs old target 0.38; name vs this element 0.24; indicator PN6.I1 0.52", "id") == (
        "nama vs target lama 0.38; nama vs elemen ini 0.24; indikator PN6.I1 0.52")
