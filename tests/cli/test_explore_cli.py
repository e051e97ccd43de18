"""``cascade trace`` and ``cascade coverage``: the notebook's trace and coverage table on the command
line (a planner reviewer found neither there), in both languages and every format, with exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from cascade.cli.commands import main

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
DEFECTS = ROOT / "examples" / "defects"
RHK = "kota-madiun.dinkes.skp-2023:R1"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_trace_writes_every_chain_up_to_the_rpjmn() -> None:
    code, out, err = run("trace", RHK, str(SPECS))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Rantai ke atas dari {RHK}: 8 rantai, 8 sampai ke tingkat nasional atau dokumen di luar ruang kerja"
    assert lines[2:8] == [
        "Rantai 1: sampai ke tingkat nasional (RPJMN)",
        f"  RHK                {RHK}  Meningkatnya derajat kesehatan masyarakat Kota Madiun",
        "    ↑ mendukung (supports)",
        "  tujuan             kota-madiun.dinkes.renstra-2019:T1  Meningkatkan derajat kesehatan masyarakat",
        "    ↑ mendukung (supports)",
        "  sasaran            kota-madiun.rpjmd-2019:S2.1.1  Meningkatnya derajat kesehatan masyarakat",
    ]
    # the links read as a planner says them; in English as the plan writes them
    assert "    ↑ induk (parent)" in lines and "    ↑ parent" not in lines
    english = run("trace", RHK, str(SPECS), "--lang", "en")[1].splitlines()
    assert english[3:5] == [f"  RHK                {RHK}  Meningkatnya derajat kesehatan masyarakat Kota Madiun", "    ↑ supports"]
    code, out, _ = run("trace", RHK, str(SPECS), "--format", "json")
    data = json.loads(out)
    assert [c["end"] for c in data["chains"]] == ["national"] * 8
    assert [s["ref"] for s in data["chains"][-1]["steps"]] == [
        RHK, "kota-madiun.dinkes.renstra-2019:T1", "kota-madiun.rpjmd-2019:S2.1.1", "jatim.rpjmd-2019:S2.1.1", "rpjmn-2020:PN3"]
    code, out, _ = run("trace", RHK, str(SPECS), "--format", "csv", "--lang", "en")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["chain", "end", "step", "ref", "kind", "name", "link"]
    assert rows[1][:5] == ["1", "national", "1", RHK, "rhk"]


def test_trace_of_an_orphan_exits_1_and_down_lists_what_is_below() -> None:
    code, out, _ = run("trace", "klaten.dinsos.renstra-2025:T2", str(DEFECTS), "--lang", "en")
    assert code == 1
    assert out.splitlines()[2] == "Chain 1: cut off: no link goes further up"
    assert run("trace", "klaten.dinsos.renstra-2025:T2", str(DEFECTS), "--exit-zero")[0] == 0
    code, out, _ = run("trace", "kota-madiun.rpjmd-2019:S2.1.1", str(SPECS), "--down", "--format", "json")
    below = json.loads(out)["below"]
    assert code == 0 and len(below) == 40 and below[0]["ref"] == "kota-madiun.rpjmd-2019:P1.02.02"
    assert RHK in {b["ref"] for b in below}


def test_trace_of_a_reference_that_names_nothing_is_a_usage_error() -> None:
    code, out, err = run("trace", "kota-madiun.dinkes.skp-2023:RX99", str(SPECS))
    assert (code, out) == (2, "")
    assert err == ("cascade: 'kota-madiun.dinkes.skp-2023:RX99' bukan elemen atau indikator di ruang kerja; "
                   "maksudnya 'kota-madiun.dinkes.skp-2023:R9'?\n")
    code, _, err = run("trace", RHK, str(ROOT / "no-such-folder"))
    assert code == 2 and "no-such-folder" in err


def test_coverage_table_in_both_languages_and_formats(tmp_path: Path) -> None:
    code, out, err = run("coverage", str(DEFECTS), "--lang", "en")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Coverage per document"
    assert lines[2].split("  ")[0] == "Document"
    dinsos = next(line for line in lines if line.startswith("klaten.dinsos.renstra-2025 "))
    assert dinsos.split() == ["klaten.dinsos.renstra-2025", "renstra", "3", "17", "19", "65%", "71%", "6", "2", "23", "21", "6"]
    assert lines[-1].startswith("Orphan elements count every element cut off from the national tier")
    code, out, _ = run("coverage", str(SPECS))
    assert out.splitlines()[0] == "Cakupan per dokumen" and "Elemen yatim" in out.splitlines()[2]
    target = tmp_path / "coverage.json"
    assert run("coverage", str(SPECS), "--format", "json", "--output", str(target))[:2] == (0, "")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [(d["document"], d["orphan_elements"], d["linked_up"]) for d in data["documents"]][:2] == [
        ("rpjmn-2020", 0, 1.0), ("jatim.rpjmd-2019", 0, 1.0)]
    code, out, _ = run("coverage", str(SPECS), "--format", "csv")
    header = next(csv.reader(io.StringIO(out)))
    assert header[:6] == ["document", "kind", "tier", "title", "elements", "indicators"]


def test_trace_text_shows_ten_chains_unless_asked_and_down_says_what_it_lists() -> None:
    """R14 has 53 chains (about 750 lines); --down of an element listed elements as 'elements or indicators'."""
    code, out, _ = run("trace", "kota-madiun.dinkes.skp-2023:R14", str(SPECS))
    assert code == 0 and sum(line.startswith("Rantai ") and line[7].isdigit() for line in out.splitlines()) == 10
    assert out.splitlines()[-1] == "… 43 rantai lainnya (--limit 0 menampilkan semua; --format json atau csv memuat semuanya)"
    _, out, _ = run("trace", "kota-madiun.dinkes.skp-2023:R14", str(SPECS), "--limit", "0")
    assert sum(line.startswith("Rantai ") and line[7].isdigit() for line in out.splitlines()) == 53
    _, out, _ = run("trace", "kota-madiun.dinkes.skp-2023:R14", str(SPECS), "--format", "json")
    assert len(json.loads(out)["chains"]) == 53
    _, out, _ = run("trace", "klaten.dinsos.renstra-2025:T2", str(DEFECTS), "--down", "--lang", "en")
    assert out.splitlines()[0] == ("Below klaten.dinsos.renstra-2025:T2: 5 element(s) whose links reach it "
                                   "(their indicators: trace an indicator)")
