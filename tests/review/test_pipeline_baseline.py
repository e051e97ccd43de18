"""Baselines: written stable and line-free, then only new findings are reported, gone ones named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline_support import FIXTURE, run

PLAN = (FIXTURE / "plans" / "kota-madiun.yaml").read_text(encoding="utf-8")


@pytest.fixture()
def ws(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "kota-madiun.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "cascade.toml").write_text('select = ["CAS0", "CAS1", "CAS202"]\nlang = "en"\n', encoding="utf-8")
    return tmp_path


def test_write_baseline_is_sorted_counted_and_line_free(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (ws / "ci").mkdir()
    code, out, err = run(["lint", "plans", "--write-baseline", "ci/baseline.json"], ws, monkeypatch)
    assert (code, out, err) == (0, "", "cascade: wrote 4 findings to the baseline ci/baseline.json\n")
    assert json.loads((ws / "ci" / "baseline.json").read_text(encoding="utf-8")) == {
        "version": 1,
        "findings": [
            {"file": "../plans/kota-madiun.yaml", "rule": "duplicate-key", "ref": None, "count": 1},
            {"file": "../plans/kota-madiun.yaml", "rule": "unknown-field", "ref": "kota-madiun.rpjmd-2019:S1.I1", "count": 1},
            {"file": "../plans/kota-madiun.yaml", "rule": "unknown-reference", "ref": "kota-madiun.rpjmd-2019:S1", "count": 1},
            {"file": "../plans/kota-madiun.yaml", "rule": "wrong-type", "ref": "kota-madiun.rpjmd-2019:T1.I1", "count": 1},
        ],
    }


def test_only_new_findings_are_reported_and_gone_ones_named(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(["lint", "plans", "--write-baseline", "baseline.json"], ws, monkeypatch)
    plan = ws / "plans" / "kota-madiun.yaml"
    # Lines move (a new comment on top), one more wrong-type on the same indicator, T9 fixed.
    text = "# revisi 2021\n" + PLAN.replace("2022: 72.8", '2022: "72,8"').replace("parent: T9", "parent: T1")
    plan.write_text(text, encoding="utf-8")
    code, out, err = run(["lint", "plans", "--format", "concise", "--baseline", "baseline.json"], ws, monkeypatch)
    assert code == 1
    assert out == "plans/kota-madiun.yaml:25:51: CAS103 wrong-type '2022: 72,8' is not a number cascade will guess; write 72.8 (kota-madiun.rpjmd-2019:T1.I1)\n"
    assert err == (
        "cascade: checked 1 file, 1 document\n"
        "cascade: 1 baseline entries are gone (fixed); refresh the baseline with --write-baseline baseline.json\n"
        "  gone: plans/kota-madiun.yaml unknown-reference kota-madiun.rpjmd-2019:S1 (x1)\n"
    )


def test_baseline_from_config_and_json_contract_unchanged(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(["lint", "plans", "--write-baseline", "baseline.json"], ws, monkeypatch)
    with (ws / "cascade.toml").open("a", encoding="utf-8") as fh:
        fh.write('baseline = "baseline.json"\n')
    code, out, err = run(["lint", "plans", "--format", "json", "-q"], ws, monkeypatch)
    data = json.loads(out)
    assert (code, err, data["findings"]) == (0, "", [])
    assert list(data) == ["version", "findings", "summary"]
    assert data["summary"]["errors"] == 0


def test_baseline_is_independent_of_the_working_directory(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(["lint", "plans", "--write-baseline", "baseline.json"], ws, monkeypatch)
    code, out, _ = run(["lint", ".", "--format", "concise", "--baseline", "../baseline.json"], ws / "plans", monkeypatch)
    assert (code, out) == (0, "")


@pytest.mark.parametrize("content", ["not json", '{"version": 2, "findings": []}', '{"version": 1, "findings": [{"file": 1}]}'])
def test_malformed_baseline_is_a_usage_error(ws: Path, monkeypatch: pytest.MonkeyPatch, content: str) -> None:
    (ws / "baseline.json").write_text(content, encoding="utf-8")
    code, out, err = run(["lint", "plans", "--baseline", "baseline.json"], ws, monkeypatch)
    assert (code, out) == (2, "")
    assert err.startswith("cascade: configuration error: baseline.json: not a cascade baseline")


def test_missing_baseline_is_a_usage_error(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(["lint", "plans", "--baseline", "nope.json"], ws, monkeypatch)
    assert code == 2 and "cannot read the baseline" in err


def test_a_partitioned_result_gives_the_views_a_workspace_of_no_documents() -> None:
    """The HTML report and the workbook draw from ``workspace_for_views()``: the loaded workspace in one
    process, and for a run by region (which kept no graph) one of no documents with the run's files."""
    from pathlib import Path

    from cascade.review.pipeline import lint

    specs = str(Path(__file__).resolve().parents[2] / "specs")
    one = lint([specs], jobs=1)
    assert one.workspace_for_views() is one.workspace
    split = lint([specs], by_region=True, jobs=2)
    empty = split.workspace_for_views()
    assert split.workspace is None and empty.documents == {} and empty.stats["files"] == len(split.files) == 6
