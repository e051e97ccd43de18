"""Windows has no fork: every process pool must work with spawn and give the same results.

``CASCADE_START_METHOD=spawn`` forces spawn on Linux; these tests run the pools that way (the parse
pool, the partitioned run on local processes, the command with ``--jobs 2``) and compare with one
process. The whole suite can be run the same way: ``CASCADE_START_METHOD=spawn python -m pytest``.
"""

from __future__ import annotations

import io
import multiprocessing
from pathlib import Path

import pytest

import cascade
from cascade.cli import main
from cascade.core.processes import ENV, start_method
from findings_support import finding_rows

ROOT = Path(__file__).resolve().parents[2]
DEFECTS = str(ROOT / "examples" / "defects")

pytestmark = pytest.mark.skipif("spawn" not in multiprocessing.get_all_start_methods(), reason="no spawn here")


def test_the_environment_forces_the_start_method(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "spawn")
    assert start_method() == "spawn"
    assert start_method(needs_fork=True) is None  # the rule helper reads the parent's memory: not under spawn
    monkeypatch.setenv(ENV, "no-such-method")  # ignored
    assert start_method() in ("fork", "spawn", None)
    monkeypatch.delenv(ENV)
    import threading

    if "fork" in multiprocessing.get_all_start_methods():
        # fork only where no other thread runs (an earlier test may leave Dask's threads behind)
        expected = "fork" if threading.active_count() == 1 else None
        assert start_method() == expected and start_method(needs_fork=True) == expected


def test_the_parse_pool_spawns_and_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    methods: list[str] = []
    real = concurrent.futures.ProcessPoolExecutor

    class Recording(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, mp_context=None, **kwargs):
            methods.append(mp_context.get_start_method())
            super().__init__(*args, mp_context=mp_context, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Recording)
    monkeypatch.setenv(ENV, "spawn")
    pooled = cascade.load(DEFECTS, jobs=2)
    assert methods == ["spawn"]
    serial = cascade.load(DEFECTS, jobs=1)
    assert finding_rows(pooled.findings) == finding_rows(serial.findings)
    assert pooled.documents == serial.documents
    assert finding_rows(pooled.validate(jobs=2)) == finding_rows(serial.validate(jobs=1))


def test_the_partitioned_run_spawns_and_reports_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from cascade.scale import distributed

    monkeypatch.setenv(ENV, "spawn")
    client = distributed.LocalClient(2)
    try:
        assert client.start_method == "spawn"
        spread = distributed.validate(DEFECTS, scheduler=client)
    finally:
        client.close()
    assert finding_rows(spread) == finding_rows(cascade.load(DEFECTS).validate(lock=None))  # distributed.validate takes a lock only through options


def test_the_command_with_two_jobs_under_spawn(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(ENV, "spawn")
    outputs = []
    for argv in (["--jobs", "2", "--by-region"], ["--jobs", "2", "--no-by-region"], ["--jobs", "1"]):
        out = io.StringIO()
        code = main(["lint", DEFECTS, "--format", "json", "--no-cache", "-q", *argv], stdout=out, stderr=io.StringIO())
        outputs.append((code, out.getvalue()))
    assert outputs[0] == outputs[1] == outputs[2] and outputs[0][0] == 1


def test_windows_line_endings_give_the_same_findings_and_positions(tmp_path: Path) -> None:
    """A plan saved on Windows (CRLF) reads like the same plan saved on Linux."""
    text = (ROOT / "examples" / "defects" / "broken" / "cas002-duplicate-key.yaml").read_text(encoding="utf-8")
    (tmp_path / "lf").mkdir()
    (tmp_path / "crlf").mkdir()
    (tmp_path / "lf" / "a.yaml").write_bytes(text.encode("utf-8"))
    (tmp_path / "crlf" / "a.yaml").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    lf = cascade.load(tmp_path / "lf").validate()
    crlf = cascade.load(tmp_path / "crlf").validate()
    assert len(lf) > 0
    assert [(f.code, f.line, f.column, f.end_line, f.end_column, f.message) for f in lf] == [
        (f.code, f.line, f.column, f.end_line, f.end_column, f.message) for f in crlf]
