"""A long run shows a progress line on a terminal, and nothing anywhere else; the library only calls back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import cascade
from cascade.cli import main
from cascade.cli.progress import ProgressLine, progress_for

ROOT = Path(__file__).resolve().parents[2]
SPECS = str(ROOT / "specs")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_library_calls_back_and_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[tuple[str, int, int]] = []
    ws = cascade.load(SPECS, progress=lambda *a: calls.append(a))
    assert calls == [("files", n, 6) for n in range(1, 7)]
    assert ws.stats["documents"] == 5
    calls.clear()
    cascade.lint([SPECS], progress=lambda *a: calls.append(a))
    assert calls[-1] == ("rules", 0, 1) and calls[-2] == ("files", 6, 6)
    assert capsys.readouterr() == ("", "")
    with pytest.raises(cascade.UsageError):
        cascade.load(SPECS, progress="yes")


def test_the_partitioned_run_reports_files_and_partitions() -> None:
    from cascade.scale import distributed

    calls: list[tuple[str, int, int]] = []
    distributed.validate(SPECS, scheduler="processes", n_workers=1, progress=lambda *a: calls.append(a))
    stages = [c[0] for c in calls]
    assert stages[0] == "files" and calls[stages.index("partitions") - 1] == ("files", 6, 6)
    partitions = [c for c in calls if c[0] == "partitions"]
    assert partitions and partitions[-1][1] == partitions[-1][2] and [c[1] for c in partitions] == list(range(1, len(partitions) + 1))


def test_the_line_redraws_in_place_throttled_with_an_estimate() -> None:
    now = [0.0]
    stream = io.StringIO()
    line = ProgressLine(stream, "en", interval=0.2, clock=lambda: now[0])
    line("files", 1, 100)  # first draw, no estimate before a second has passed
    now[0] = 0.1
    line("files", 2, 100)  # throttled
    now[0] = 2.0
    line("files", 50, 100)
    now[0] = 2.05
    line("files", 100, 100)  # the end of a stage is always drawn
    line("partitions", 1, 3)
    line.clear()
    texts = ["cascade: 1/100 files parsed", "cascade: 50/100 files parsed, ~2 s left", "cascade: 100/100 files parsed",
             "cascade: 1/3 partitions done"]
    expected, width = "", 0
    for text in texts:  # each draw overwrites the longer line before it with spaces
        expected += "\r" + text + " " * max(0, width - len(text))
        width = len(text)
    assert stream.getvalue() == expected + "\r" + " " * width + "\r"


def test_only_a_terminal_gets_the_line_and_quiet_silences_it() -> None:
    assert progress_for(io.StringIO(), quiet=False, lang="id") is None
    assert progress_for(Terminal(), quiet=True, lang="id") is None
    assert isinstance(progress_for(Terminal(), quiet=False, lang="id"), ProgressLine)

    err = Terminal()
    out = io.StringIO()
    assert main(["lint", SPECS, "--format", "concise", "--no-cache"], stdout=out, stderr=err) == 0
    text = err.getvalue()
    assert text.startswith("\rcascade: 1/6 berkas dibaca") and "\rcascade: 6/6 berkas dibaca" in text
    # erased before the summary, which stays on its own line
    assert text.endswith("\rcascade: 6 berkas, 5 dokumen dan 1 dokumen realisasi diperiksa\n") and out.getvalue() == ""

    err = Terminal()
    assert main(["lint", SPECS, "--format", "concise", "--no-cache", "-q"], stdout=io.StringIO(), stderr=err) == 0
    assert err.getvalue() == ""
    err = io.StringIO()  # a CI log: no carriage returns
    assert main(["lint", SPECS, "--format", "concise", "--no-cache"], stdout=io.StringIO(), stderr=err) == 0
    assert err.getvalue() == "cascade: 6 berkas, 5 dokumen dan 1 dokumen realisasi diperiksa\n"
