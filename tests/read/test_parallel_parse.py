"""The parallel parse (:func:`cascade.build.loading._parse_all`): this process parses a share of the
files itself and takes a worker's results from a file; the documents and findings are those of one
process, whatever happens to the worker."""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from pathlib import Path

import pytest

import cascade
from cascade.build import loading
from findings_support import finding_rows

ROOT = Path(__file__).resolve().parents[2]
DEFECTS = str(ROOT / "examples" / "defects")

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")


def test_the_share_of_this_process_balances_the_transport() -> None:
    # with one worker both take half; with more, this process unpickles theirs and parses less
    assert loading._own_share(1) == pytest.approx(0.5)
    assert 0.1 < loading._own_share(3) < 0.15
    assert loading._own_share(5) == 0.0 and loading._own_share(16) == 0.0


@needs_fork
def test_this_process_and_the_worker_each_parse_files_and_read_as_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    log = tmp_path / "who.log"
    real = loading._parse_raw  # the parse in whichever process, recorded with its pid

    def recording(job, kept=True):
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()} {job[1]}\n")
        return real(job, kept)

    monkeypatch.setenv("CASCADE_START_METHOD", "fork")
    monkeypatch.setattr(loading, "_parse_raw", recording)
    serial = cascade.load(DEFECTS, jobs=1)
    parsed = sorted(line.split(" ", 1)[1] for line in log.read_text().splitlines())
    assert len(parsed) >= 10
    log.unlink()
    pooled = cascade.load(DEFECTS, jobs=2)
    who = [line.split(" ", 1) for line in log.read_text().splitlines()]
    assert sorted(name for _, name in who) == parsed  # every file once
    pids = {pid for pid, _ in who}
    assert str(os.getpid()) in pids and len(pids) == 2  # this process and the worker
    assert pooled.documents == serial.documents
    assert finding_rows(pooled.findings) == finding_rows(serial.findings)
    assert [f.file for f in pooled.files] == [f.file for f in serial.files]


def _failing_chunk(spec):
    raise OSError(28, "No space left on device")


@needs_fork
def test_a_chunk_whose_worker_failed_is_parsed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASCADE_START_METHOD", "fork")
    monkeypatch.setattr(loading, "_parse_chunk", _failing_chunk)
    pooled = cascade.load(DEFECTS, jobs=2)
    serial = cascade.load(DEFECTS, jobs=1)
    assert pooled.documents == serial.documents
    assert finding_rows(pooled.findings) == finding_rows(serial.findings)


@needs_fork
def test_the_results_never_have_a_name_on_disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # a run killed at any moment leaves nothing behind (the results hold employees' NIPs unmasked):
    # the workers write into anonymous files, so the temporary folder stays empty throughout
    seen: list[list[str]] = []
    real = loading._parse_raw

    def looking(job, kept=True):
        seen.append(os.listdir(tmp_path))
        return real(job, kept)

    monkeypatch.setenv("CASCADE_START_METHOD", "fork")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(loading, "_parse_raw", looking)
    cascade.load(DEFECTS, jobs=2)
    assert seen and all(listing == [] for listing in seen)
    assert os.listdir(tmp_path) == []


def _parent_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files this process parses itself (spawned workers do not see the wrapper)."""
    mine: list[str] = []
    real = loading._parse_raw
    pid = os.getpid()

    def counting(job, kept=True):
        if os.getpid() == pid:
            mine.append(job[1])
        return real(job, kept)

    monkeypatch.setattr(loading, "_parse_raw", counting)
    return mine


@needs_fork
def test_without_a_temporary_folder_the_results_come_through_the_pipe(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CASCADE_START_METHOD", "fork")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    mine = _parent_parses(monkeypatch)
    serial = cascade.load(DEFECTS, jobs=1)
    every = len(mine)
    mine.clear()
    pooled = cascade.load(DEFECTS, jobs=2)
    assert 0 < len(mine) < every  # the worker's chunks were not parsed again here
    assert finding_rows(pooled.findings) == finding_rows(serial.findings)
    assert pooled.documents == serial.documents


@pytest.mark.skipif("spawn" not in multiprocessing.get_all_start_methods(), reason="no spawn here")
def test_spawned_workers_parse_their_share(monkeypatch: pytest.MonkeyPatch) -> None:
    # a pool whose workers all failed would still give the right documents, parsed here: the
    # files this process parsed show that the workers' results were taken
    monkeypatch.setenv("CASCADE_START_METHOD", "spawn")
    mine = _parent_parses(monkeypatch)
    serial = cascade.load(DEFECTS, jobs=1)
    every = len(mine)
    mine.clear()
    pooled = cascade.load(DEFECTS, jobs=2)
    assert 0 < len(mine) < every
    assert finding_rows(pooled.findings) == finding_rows(serial.findings)
    assert pooled.documents == serial.documents


@needs_fork
def test_with_many_workers_they_parse_everything(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # from six processes on, this process's share would be nothing (it unpickles five workers'
    # results already), so all six are workers
    log = tmp_path / "who.log"
    real = loading._parse_raw

    def recording(job, kept=True):
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()} {kept}\n")
        return real(job, kept)

    monkeypatch.setenv("CASCADE_START_METHOD", "fork")
    monkeypatch.setattr(loading, "_parse_raw", recording)
    pooled = cascade.load(DEFECTS, jobs=6)
    who = [line.split() for line in log.read_text().splitlines()]
    pids = {pid for pid, _ in who}
    assert str(os.getpid()) not in pids and 1 <= len(pids) <= 6
    assert {kept for _, kept in who} == {"False"}  # pickled: not compacted in the worker
    monkeypatch.setattr(loading, "_parse_raw", real)
    assert finding_rows(pooled.findings) == finding_rows(cascade.load(DEFECTS, jobs=1).findings)


@needs_fork
def test_a_worker_without_its_jobs_leaves_them_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # a worker forked before the jobs were set, or one that finds another load's jobs (two loads
    # in two threads, with fork forced), refuses rather than return nothing or the wrong files
    with pytest.raises(LookupError):
        loading._parse_chunk((999_999, 0, 3, None, 0))
    other = next(loading._TOKENS)
    monkeypatch.setitem(loading._FORK_JOBS, other, ([(b"", "x.yaml", None, False, None)] * 5, [None] * 2))
    with pytest.raises(LookupError):
        loading._parse_chunk((other + 1, 0, 3, None, 0))
    monkeypatch.setenv("CASCADE_START_METHOD", "fork")
    monkeypatch.setattr(loading, "_FORK_JOBS", _Forgetful())
    serial = cascade.load(DEFECTS, jobs=1)
    pooled = cascade.load(DEFECTS, jobs=2)
    assert finding_rows(pooled.findings) == finding_rows(serial.findings)
    assert pooled.documents == serial.documents


class _Forgetful(dict):
    """A table of jobs that a forked worker finds empty (it forgets what it is given)."""

    def __setitem__(self, key, value) -> None:
        pass
