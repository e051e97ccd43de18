"""A finding on a table's ``document:`` block stands where the sidecar writes it: ``kind: renstraa``
in ``x.cascade.yaml`` was reported at ``x.xlsx:1:1`` (cell A1), a place that says nothing of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("openpyxl", reason="the xlsx extra (openpyxl) is needed: pip install -e '.[xlsx]'")

from cascade.review.pipeline import lint  # noqa: E402

TABLES = Path(__file__).resolve().parents[1] / "fixtures" / "tables"
ROOT = Path(__file__).resolve().parents[2]
NAME = "boalemo-dinkes-tc27"


def _workspace(tmp_path: Path, old: str, new: str) -> Path:
    plans = tmp_path / "plans"
    (plans / "boalemo").mkdir(parents=True)
    for suffix in (".xlsx", ".cascade.yaml"):
        shutil.copy(TABLES / f"{NAME}{suffix}", plans / "boalemo")
    side = plans / "boalemo" / f"{NAME}.cascade.yaml"
    text = side.read_text(encoding="utf-8")
    assert old in text
    side.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plans


def _header_findings(report) -> list[tuple]:
    return [(Path(f.file).name, f.line, f.column, f.code, f.cell) for f in report if f.code.startswith("CAS10")]


def test_a_bad_kind_in_the_sidecar_stands_at_its_line(tmp_path: Path) -> None:
    plans = _workspace(tmp_path, "  kind: renstra\n", "  kind: renstraa\n")
    assert _header_findings(lint([str(plans)]).report) == [(f"{NAME}.cascade.yaml", 6, 9, "CAS104", None)]


def test_a_misspelt_field_and_the_missing_one_stand_in_the_sidecar(tmp_path: Path) -> None:
    plans = _workspace(tmp_path, "  title: ", "  titel: ")
    assert _header_findings(lint([str(plans)]).report) == [
        (f"{NAME}.cascade.yaml", 5, 3, "CAS101", None), (f"{NAME}.cascade.yaml", 7, 3, "CAS102", None)]


def test_by_region_keeps_the_findings_in_the_sidecar(tmp_path: Path) -> None:
    plans = _workspace(tmp_path, "  title: ", "  titel: ")
    shutil.copytree(ROOT / "specs" / "kota-madiun", plans / "kota-madiun")
    shutil.copy(ROOT / "specs" / "rpjmn-2020.yaml", plans)
    one = lint([str(plans)], by_region=False).report
    split = lint([str(plans)], by_region=True, jobs=2).report
    assert _header_findings(split) == _header_findings(one) == [
        (f"{NAME}.cascade.yaml", 5, 3, "CAS101", None), (f"{NAME}.cascade.yaml", 7, 3, "CAS102", None)]


@pytest.mark.parametrize("by_region", [False, True])
def test_a_suppression_comment_in_the_sidecar_silences_the_finding_there(tmp_path: Path, by_region: bool) -> None:
    """The finding stands on the sidecar's line, so the comment written on that line silences it, as
    on any YAML line; the comment was never read (the sidecar is no plan file of its own)."""
    plans = _workspace(tmp_path, "  kind: renstra\n", "  kind: renstra\n  vison: x  # cascade: ignore[CAS102] dicek\n")
    if by_region:
        shutil.copytree(ROOT / "specs" / "kota-madiun", plans / "kota-madiun")
    report = lint([str(plans)], by_region=by_region, jobs=1, cache=None).report
    assert _header_findings(report) == []
    assert report.stats["suppressed"] == 1
    assert [f.code for f in report if f.code.startswith("CAS9")] == []


def test_the_live_workspace_reads_the_sidecars_comments_too(tmp_path: Path) -> None:
    from cascade.incremental import LiveWorkspace

    plans = _workspace(tmp_path, "  kind: renstra\n", "  kind: renstra\n  vison: x  # cascade: ignore[CAS102] dicek\n")
    report = LiveWorkspace([str(plans)]).report()
    assert _header_findings(report) == [] and report.stats["suppressed"] == 1
