"""Several formats of one report (``cascade lint --format json --output FILE`` writes the JSON and
prints the full text): with many findings the formats after the first are rendered in a forked
process beside this one; the texts are those rendered one after the other."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cascade import reporters
from cascade.review.pipeline import lint

DEFECTS = str(Path(__file__).resolve().parents[2] / "examples" / "defects")


def _context(result) -> dict:
    return {"lang": "id", "sources": result.sources, "files": result.files}


def test_the_forked_render_gives_the_same_texts(monkeypatch, tmp_path, forkable: bool) -> None:
    if not forkable:
        return
    result = lint([DEFECTS], cache=None)
    assert len(result.report) > 50
    formats = ["json", "full", "github", "sarif"]
    one_by_one = [reporters.render_report(result.report, fmt, **_context(result)) for fmt in formats]
    where = tmp_path / "pid"
    real = reporters.REPORTERS["github"]

    def recorded(report, context) -> str:
        where.write_text(str(os.getpid()))
        return real(report, context)

    monkeypatch.setitem(reporters.REPORTERS, "github", recorded)
    monkeypatch.setattr(reporters, "PARALLEL_RENDER_MIN", 1)
    assert reporters.render_reports(result.report, formats, **_context(result)) == one_by_one
    assert int(where.read_text()) != os.getpid()  # the formats after the first, in another process
    assert reporters._RENDER_STATE == []


def test_few_findings_or_one_format_stay_in_this_process(monkeypatch) -> None:
    result = lint([DEFECTS], cache=None)

    def no_fork(workers: int):
        raise AssertionError("forked")

    monkeypatch.setattr("cascade.core.pool.fork_pool", no_fork)
    texts = reporters.render_reports(result.report, ["json", "full"], **_context(result))  # 87 findings < 5,000
    assert texts == [reporters.render_report(result.report, f, **_context(result)) for f in ("json", "full")]
    monkeypatch.setattr(reporters, "PARALLEL_RENDER_MIN", 1)
    assert reporters.render_reports(result.report, ["concise"], **_context(result)) == [
        reporters.render_report(result.report, "concise", **_context(result))]


def test_an_unknown_format_is_refused_before_any_rendering(monkeypatch) -> None:
    result = lint([DEFECTS], cache=None)
    rendered: list = []
    monkeypatch.setitem(reporters.REPORTERS, "json", lambda report, context: rendered.append("json") or "")
    with pytest.raises(KeyError, match="unknown format 'xml'"):
        reporters.render_reports(result.report, ["json", "xml"], **_context(result))
    assert rendered == []


def test_a_failing_render_in_the_fork_is_raised_here(monkeypatch, forkable: bool) -> None:
    if not forkable:
        return
    result = lint([DEFECTS], cache=None)

    def broken(report, context):
        raise ValueError("broken reporter")

    monkeypatch.setitem(reporters.REPORTERS, "sarif", broken)
    monkeypatch.setattr(reporters, "PARALLEL_RENDER_MIN", 1)
    with pytest.raises(ValueError, match="broken reporter"):
        reporters.render_reports(result.report, ["json", "sarif"], **_context(result))
    assert reporters._RENDER_STATE == []


def test_the_command_prints_and_writes_the_same_either_way(monkeypatch, tmp_path, forkable: bool) -> None:
    """``cascade lint --format json --output FILE`` on GitHub Actions: the JSON file, the full text
    and the annotations, with the second and third rendered in a forked process or not."""
    from cli_support import run

    if not forkable:
        return
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    outputs = []
    for least in (10**9, 1):
        monkeypatch.setattr(reporters, "PARALLEL_RENDER_MIN", least)
        target = tmp_path / f"out-{least}.json"
        code, out, err = run("lint", DEFECTS, "--format", "json", "--no-cache", "--quiet", "--output", str(target))
        outputs.append((code, out, err, target.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1]
    code, out, _, written = outputs[0]
    assert code == 1 and '"findings"' in written and "::error " in out and "CAS" in out.split("::")[0]
