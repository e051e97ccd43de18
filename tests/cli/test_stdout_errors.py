"""Standard output that refuses the report (a full disk, ``> /dev/full``) is exit code 2 with one
message, for every command, as an ``--output FILE`` that cannot be written is: never a traceback and
exit code 1, which a CI job reads as "findings". A reader that leaves early (``| head -1``) is no
error of the command's: no traceback, no message."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import ROOT

from cascade.cli import main

COMMANDS = [
    ("lint", "specs", "--format", "json"),
    ("lint", "examples/defects", "--no-cache"),
    ("rules",),
    ("explain", "CAS302"),
    ("schema",),
    ("report", "specs"),
    ("capaian", "specs"),
    ("sakip", "specs"),
    ("diff", "specs", "specs"),
    ("review", "examples/defects"),
    ("realign", "specs", "examples/realign", "--from", "rpjmn-2020", "--to", "rpjmn-2025"),
]


class _Full(io.StringIO):
    """A standard output on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_full_standard_output_is_exit_2_in_process(argv: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    err = io.StringIO()
    assert main([*argv, "--lang", "en"], stdout=_Full(), stderr=err) == 2
    assert err.getvalue().endswith("cascade: cannot write standard output: no space left on the device\n")


def _cascade(argv: list[str], stdout: object) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "cascade", *argv], stdout=stdout, stderr=subprocess.PIPE, text=True,
                          env=env, cwd=ROOT)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("argv", [("lint", "specs", "--format", "json", "--no-cache"), ("lint", "examples/defects", "--no-cache"),
                                  ("rules",), ("explain", "CAS302"), ("schema",), ("--help",)], ids=" ".join)
def test_a_full_disk_on_standard_output_is_one_message_and_exit_2(argv: tuple) -> None:
    """Small outputs fail when the buffer is flushed at the end, large ones while being written."""
    with open("/dev/full", "w") as full:
        done = _cascade(list(argv), full)
    assert (done.returncode, done.stderr.splitlines()[-1:]) == (
        2, ["cascade: tidak dapat menulis keluaran standar: ruang penyimpanan penuh"]), done.stderr[-800:]
    assert done.stderr.count("keluaran standar") == 1 and "Traceback" not in done.stderr
    with open("/dev/full", "w") as full:
        done = _cascade(["rules", "--lang", "en"], full)
    assert (done.returncode, done.stderr) == (2, "cascade: cannot write standard output: no space left on the device\n")


@pytest.mark.parametrize("argv", [["rules"], ["schema"], ["explain", "CAS3"], ["capaian", "specs"]], ids=" ".join)
def test_a_reader_that_leaves_early_is_no_traceback(argv: list) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(["bash", "-c", '"$0" -m cascade "$@" | head -c 1 >/dev/null; exit "${PIPESTATUS[0]}"', sys.executable, *argv],
                          cwd=ROOT, capture_output=True, text=True, env=env)
    assert (done.returncode, done.stderr) == (0, "")
