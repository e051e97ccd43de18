"""Attacks on the hostile-input promises (issue 15, items 3 to 8), each reproduced and stated exactly.

Items 1 (the parse cache) and 2 (personal data) are in ``test_hostile_cache.py`` and
``test_hostile_privacy.py``; a later attack on the cache (FIFOs planted as entries, a ``cache-dir``
outside the workspace) and on configured paths (NUL, empty) is in section 4 here.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

import cascade
from cascade.reporters import FORMATS
from cli_support import run

REPO = Path(__file__).resolve().parents[2]
RPJMN = (REPO / "tests" / "fixtures" / "hostile" / "workspace" / "rpjmn-2020.yaml").read_text()


def where(findings: Any) -> list[tuple]:
    return [(f.code, f.variant, f.line, f.column) for f in findings]


# -- 3. a huge or mistyped period.end ----------------------------------------------------------


def _indicators(n: int) -> str:
    return "".join(
        f"  - id: E{i}\n    kind: prioritas_nasional\n    name: Elemen {i}\n    indicators:\n"
        f"      - {{id: E{i}.I1, name: Indikator {i}, type: impact, unit: persen, targets: {{2020: 1}}}}\n"
        for i in range(n)
    )


@pytest.mark.parametrize("end, message", [
    ("99999999999999999999", "'period' 2020-99999999999999999999 spans 99999999999999997980 years; a plan covers at most 30"),
    ("1002019", "'period' 2020-1002019 spans 1000000 years; a plan covers at most 30"),
    ("2050", "'period' 2020-2050 spans 31 years; a plan covers at most 30"),
    ("2019", "'period' ends in 2019, before it starts in 2020"),
])
def test_a_period_longer_than_any_plan_is_a_finding(end: str, message: str, tmp_path: Path) -> None:
    """``end: 99999999999999999999`` ended in a MemoryError (``set(period)``); ``end: 1002019`` with
    100 indicators ran for minutes at 4 GB. Now: one CAS104 at ``end``, and no year is asked for."""
    path = tmp_path / "rpjmn.yaml"
    path.write_text(f"document:\n  id: rpjmn-2020\n  kind: rpjmn\n  title: T\n  period: {{start: 2020, end: {end}}}\nelements:\n" + _indicators(100))
    started = time.perf_counter()
    report = cascade.load(str(path)).validate(select=["CAS104", "CAS503"])
    assert time.perf_counter() - started < 30
    assert [(f.code, f.line, f.column, f.message) for f in report] == [("CAS104", 5, 30, message)]
    code, out, _ = run("lint", str(path), "--no-cache", "--format", "json")
    assert code == 1 and len(out) < 200_000


def test_a_period_of_thirty_years_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "rpjmn.yaml"
    path.write_text("document:\n  id: rpjmn-2020\n  kind: rpjmn\n  title: T\n  period: {start: 2020, end: 2049}\nelements:\n" + _indicators(1))
    report = cascade.load(str(path)).validate(select=["CAS104", "CAS503"])
    assert where(report) == [("CAS503", "default", 11, 68)]  # at the targets key
    assert report.findings[0].message.endswith("2047, 2048, 2049")


def test_a_1000_digit_year_in_a_dict_is_a_finding() -> None:
    doc = {"document": {"id": "rpjmn-2020", "kind": "rpjmn", "title": "T", "period": {"start": 2020, "end": 10**1000}},
           "elements": []}
    report = cascade.load(doc).validate()
    assert [(f.code, f.pointer, f.message) for f in report] == [
        ("CAS104", "/document/period/end", "'period' 2020-10000… (1001 digits) spans 99999… (1000 digits) years; a plan covers at most 30"),
    ]
    json.dumps(report.as_dict())


def test_no_rule_materialises_a_range_of_years() -> None:
    """The guard for later rules: years are walked only through ``Period.years``, which is empty for an
    implausible period; no ``range(start, end)`` or ``set(period)`` of raw numbers anywhere else."""
    import re

    offenders = []
    for path in sorted((REPO / "cascade").rglob("*.py")):
        for line in path.read_text().splitlines():
            if re.search(r"range\([^)]*(\.start\b|\.end\b|year|min\(|max\()", line) or re.search(r"set\(period\b", line):
                offenders.append(f"{path.relative_to(REPO)}: {line.strip()}")
    assert offenders == [
        "cascade/core/models.py: return range(self.start, self.end + 1) if self.plausible else range(0)",
        "cascade/rules/measurability.py: years[doc] = (period, set(period))",  # period = Period.years, at most 30
    ]


# -- 6. terminal escapes in the default format; invisible marks in file names and names ----------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"


def test_terminal_escapes_in_a_plan_line_are_escaped_in_the_full_excerpt(tmp_path: Path) -> None:
    """The ``full`` excerpt echoed the raw line: the title of the window set, the screen cleared."""
    path = tmp_path / "rpjmn.yaml"
    path.write_text(RPJMN.replace("    kind: program_prioritas\n", f"    kind: program_prioritas\n    bogus: x{ESCAPES}y\n", 1))
    code, out, _ = run("lint", str(path), "--no-cache", "--lang", "en")
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert out.split("\n")[:4] == [
        f"{path}:25:13: CAS001 yaml-syntax [error] character #x001b is not allowed in YAML",
        "   |",
        "25 |     bogus: x\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[31my",
        "   |             ^^^^^^",  # under the first ESC, escaped
    ]
    for fmt in FORMATS:
        assert "\x1b" not in run("lint", str(path), "--no-cache", "--format", fmt)[1], fmt


def test_carets_follow_escaped_characters(tmp_path: Path) -> None:
    path = tmp_path / "rpjmn.yaml"
    path.write_text(RPJMN.replace("    kind: program_prioritas\n", "    kind: program_prioritas\n    b\u200bogus: \u202ex\n", 1))
    code, out, _ = run("lint", str(path), "--no-cache", "--lang", "en", "--select", "CAS102")
    assert out.split("\n")[0].startswith(f"{path}:25:5: CAS102 unknown-field [error] unknown field 'b\\u200bogus' (allowed: ")
    assert out.split("\n")[1:4] == [
        "   |",
        "25 |     b\\u200bogus: \\u202ex",
        "   |     ^^^^^^^^^^^",
    ]


@pytest.mark.parametrize("mark", ["\u202e", "\u200b", "\u061c", "\U000e0041", "\u2066"])
def test_invisible_marks_in_file_names_and_names_are_escaped_in_every_format(mark: str, tmp_path: Path) -> None:
    """The docs promised it; concise, github and json printed U+202E, U+200B, U+061C and tags raw."""
    folder = tmp_path / "ws"
    folder.mkdir()
    path = folder / f"rpjmn{mark}.yaml"
    path.write_text(RPJMN.replace("name: Peningkatan Akses dan Mutu Pelayanan Kesehatan",
                                  f"name: Peningkatan{mark} Akses\n    parent: X{mark}9"))
    for fmt in FORMATS:
        code, out, err = run("lint", str(folder), "--no-cache", "--format", fmt)
        assert code == 1, fmt
        assert mark not in out + err, (fmt, out[:2000])
        escaped = f"\\u{ord(mark):04x}" if ord(mark) <= 0xFFFF else f"\\U{ord(mark):08x}"
        assert escaped in out, fmt


# -- 4. configuration that points at special files ----------------------------------------------


def _lint_subprocess(cwd: Path, *argv: str, cache: bool = False) -> "subprocess.CompletedProcess[str]":
    """``cascade lint`` in a child with 2 GB of address space and its stdin an open pipe nobody writes:
    what was a 24 GB read or a hang before ends in the time limit or a MemoryError there. Without
    ``cache``, ``--no-cache``; the signing key is kept in ``<cwd>/.xdg``."""
    import resource
    import subprocess
    import sys

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(cascade.__file__)),  # the cascade under test
               XDG_CACHE_HOME=str(cwd / ".xdg"))
    try:
        return subprocess.run([sys.executable, "-m", "cascade", "lint", "plans", *(() if cache else ("--no-cache",)), *argv],
                              cwd=cwd, env=env,
                              stdin=subprocess.PIPE, capture_output=True, text=True, timeout=60, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        pytest.fail("hung")


@pytest.fixture
def plan_ws(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "rpjmn.yaml").write_text(RPJMN)
    os.mkfifo(tmp_path / "fifo")
    return tmp_path


SPECIAL = {
    "config-baseline-dev-zero": ("cascade.toml", 'baseline = "/dev/zero"\n', ()),
    "pyproject-baseline-dev-stdin": ("pyproject.toml", '[tool.cascade]\nbaseline = "/dev/stdin"\n', ()),
    "config-baseline-fifo": ("cascade.toml", 'baseline = "fifo"\n', ()),
    "flag-config-dev-zero": (None, None, ("--config", "/dev/zero")),
    "flag-baseline-dev-zero": (None, None, ("--baseline", "/dev/zero")),
    "flag-config-fifo": (None, None, ("--config", "fifo")),
    "flag-baseline-dev-stdin": (None, None, ("--baseline", "/dev/stdin")),
    "config-is-a-symlink-to-dev-zero": ("cascade.toml", "-> /dev/zero", ()),
    "flag-config-a-folder": (None, None, ("--config", "plans")),  # os.open takes a folder; fdopen then raised
    "flag-baseline-a-folder": (None, None, ("--baseline", "plans")),
    "config-baseline-a-folder": ("cascade.toml", 'baseline = "plans"\n', ()),
    "config-baseline-empty": ("cascade.toml", 'baseline = ""\n', ()),  # the config's folder
    "config-baseline-dot": ("cascade.toml", 'baseline = "."\n', ()),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="POSIX special files")
@pytest.mark.parametrize("case", sorted(SPECIAL))
def test_config_and_baseline_that_are_special_files_are_usage_errors(case: str, plan_ws: Path) -> None:
    name, text, argv = SPECIAL[case]
    if name is not None:
        if text.startswith("-> "):
            os.symlink(text[3:], plan_ws / name)
        else:
            (plan_ws / name).write_text(text)
    done = _lint_subprocess(plan_ws, *argv)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert "bukan berkas biasa" in done.stderr, done.stderr  # "not a regular file": Indonesian by default


#: Paths that cannot be paths, and a ``cache-dir`` a shipped configuration aims outside its folder:
#: ``(file, its text, flags, the whole standard error in Indonesian, in English)``; ``{ws}`` is the
#: workspace. ``baseline = "\u0000"`` and ``cache-dir = "\u0000"`` were a ValueError traceback with
#: exit code 1 (what findings give), ``--baseline ""`` silently meant no baseline, ``--config ""``
#: did not say what was missing, and ``cache-dir = "/anywhere"`` created that folder and wrote there.
PATHS = {
    "config-baseline-nul": ("cascade.toml", 'baseline = "\\u0000"\n', (),
                            "{ws}/cascade.toml:1:1: baseline harus berupa jalur berkas tanpa karakter NUL",
                            "{ws}/cascade.toml:1:1: baseline must be a file path without NUL characters"),
    "config-cache-dir-nul": ("cascade.toml", 'cache-dir = "ci\\u0000"\n', (),
                             "{ws}/cascade.toml:1:1: cache-dir harus berupa jalur folder tanpa karakter NUL",
                             "{ws}/cascade.toml:1:1: cache-dir must be a folder path without NUL characters"),
    "pyproject-cache-dir-nul": ("pyproject.toml", '[tool.cascade]\ncache-dir = "\\u0000"\n', (),
                                "{ws}/pyproject.toml:2:1: tool.cascade.cache-dir harus berupa jalur folder tanpa karakter NUL",
                                "{ws}/pyproject.toml:2:1: tool.cascade.cache-dir must be a folder path without NUL characters"),
    "flag-config-empty": (None, None, ("--config", ""),
                          "konfigurasi tidak dapat dibaca: jalurnya kosong", "cannot read the configuration: the path is empty"),
    "flag-config-nul": (None, None, ("--config", "a\0b"),
                        "a\\u0000b: konfigurasi tidak dapat dibaca: jalurnya memuat karakter NUL",
                        "a\\u0000b: cannot read the configuration: the path holds a NUL character"),
    "flag-baseline-empty": (None, None, ("--baseline", ""), "--baseline memerlukan jalur berkas, bukan teks kosong",
                            "--baseline needs a file path, not an empty text"),
    "flag-baseline-nul": (None, None, ("--baseline", "b\0"), "--baseline harus berupa jalur berkas tanpa karakter NUL",
                          "--baseline must be a file path without NUL characters"),
    "flag-cache-dir-empty": (None, None, ("--cache-dir", ""), "--cache-dir memerlukan jalur folder, bukan teks kosong",
                             "--cache-dir needs a folder path, not an empty text"),
    "flag-cache-dir-nul": (None, None, ("--cache-dir", "c\0"), "--cache-dir harus berupa jalur folder tanpa karakter NUL",
                           "--cache-dir must be a folder path without NUL characters"),
    "config-baseline-forges-a-log-line": ("cascade.toml", 'baseline = "x\\n::error file=a::forged"\n', (),
                                          "{ws}/x\\u000a::error file=a::forged: baseline tidak dapat dibaca: berkas atau folder tidak ada",
                                          "{ws}/x\\u000a::error file=a::forged: cannot read the baseline: No such file or directory"),
    "config-cache-dir-absolute": ("cascade.toml", 'cache-dir = "{ws}-elsewhere"\n', (),
                                  "{ws}/cascade.toml:1:1: cache-dir harus berupa folder di dalam {ws} (folder konfigurasi ini), bukan "
                                  "'{ws}-elsewhere'; untuk menyimpan cache di tempat lain, gunakan --cache-dir",
                                  "{ws}/cascade.toml:1:1: cache-dir must be a folder inside {ws} (the folder of this configuration), "
                                  "not '{ws}-elsewhere'; to keep the cache elsewhere, pass --cache-dir"),
    "config-cache-dir-up": ("cascade.toml", 'cache-dir = "ci/../../elsewhere"\n', (),
                            "{ws}/cascade.toml:1:1: cache-dir harus berupa folder di dalam {ws} (folder konfigurasi ini), bukan "
                            "'ci/../../elsewhere'; untuk menyimpan cache di tempat lain, gunakan --cache-dir",
                            "{ws}/cascade.toml:1:1: cache-dir must be a folder inside {ws} (the folder of this configuration), "
                            "not 'ci/../../elsewhere'; to keep the cache elsewhere, pass --cache-dir"),
    "config-cache-dir-through-a-symlink": ("cascade.toml", 'cache-dir = "link/cache"\n', (),  # link -> ../elsewhere
                                           "{ws}/cascade.toml:1:1: cache-dir harus berupa folder di dalam {ws} (folder konfigurasi "
                                           "ini), bukan 'link/cache'; untuk menyimpan cache di tempat lain, gunakan --cache-dir",
                                           "{ws}/cascade.toml:1:1: cache-dir must be a folder inside {ws} (the folder of this "
                                           "configuration), not 'link/cache'; to keep the cache elsewhere, pass --cache-dir"),
}


@pytest.mark.parametrize("case", sorted(PATHS))
def test_paths_that_cannot_be_used_are_usage_errors(case: str, plan_ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name, text, argv, message_id, message_en = PATHS[case]
    monkeypatch.chdir(plan_ws)
    monkeypatch.setenv("XDG_CACHE_HOME", str(plan_ws / ".xdg"))
    ws = os.getcwd()
    elsewhere = Path(ws).parent / (Path(ws).name + "-elsewhere") if "absolute" in case else Path(ws).parent / "elsewhere"
    if "symlink" in case:
        os.symlink(os.path.join("..", "elsewhere"), "link")
        elsewhere.mkdir()
    if name is not None:
        (plan_ws / name).write_text(text.replace("{ws}", ws))
    for lang, message in (("id", message_id), ("en", message_en)):
        code, out, err = run("lint", "plans", *argv, *(("--lang", "en") if lang == "en" else ()))
        heading = "kesalahan konfigurasi" if lang == "id" else "configuration error"
        assert (code, out, err) == (2, "", f"cascade: {heading}: {message.replace('{ws}', ws)}\n"), lang
    assert not (elsewhere / "cache").exists() and not (Path(ws).parent / (Path(ws).name + "-elsewhere")).exists()
    assert not (Path(ws).parent / "elsewhere").exists() or list((Path(ws).parent / "elsewhere").iterdir()) == []


def test_a_cache_dir_inside_the_configuration_folder_is_used_and_the_flag_is_free(plan_ws: Path, tmp_path_factory,
                                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The policy keeps the documented uses: a folder in the repository (``.ci-cache/cascade``,
    ``ci/../ci-cache``), and any folder given by ``--cache-dir`` on the command line."""
    monkeypatch.chdir(plan_ws)
    monkeypatch.setenv("XDG_CACHE_HOME", str(plan_ws / ".xdg"))
    for value, folder in ((".ci-cache/cascade", plan_ws / ".ci-cache" / "cascade"), ("ci/../ci-cache", plan_ws / "ci-cache")):
        (plan_ws / "cascade.toml").write_text(f'cache-dir = "{value}"\n')
        assert run("lint", "plans")[0] == 0
        assert len(list(folder.glob("*/*.pickle"))) == 2  # the parse and its document findings
    elsewhere = tmp_path_factory.mktemp("ci") / "cache"
    assert run("lint", "plans", "--cache-dir", str(elsewhere))[0] == 0
    assert len(list(elsewhere.glob("*/*.pickle"))) == 2


@pytest.mark.parametrize("how", ["config-file", "flag-file", "flag-symlink"])
def test_a_cache_dir_that_is_not_a_folder_is_a_warning_and_the_run_goes_on(how: str, plan_ws: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``cache-dir`` that is a regular file was silently ignored (every run cold): now one warning."""
    monkeypatch.chdir(plan_ws)
    monkeypatch.setenv("XDG_CACHE_HOME", str(plan_ws / ".xdg"))
    (plan_ws / "ci-cache").write_text("not a folder\n")
    (plan_ws / "real").mkdir()
    os.symlink("real", plan_ws / "link")
    argv: tuple[str, ...] = ("--cache-dir", "link" if how == "flag-symlink" else "ci-cache") if how.startswith("flag") else ()
    expected = run("lint", "plans", "--no-cache", "--lang", "en")
    if how == "config-file":
        (plan_ws / "cascade.toml").write_text('cache-dir = "ci-cache"\n')
    shown = os.path.join(os.getcwd(), "ci-cache") if how == "config-file" else argv[1]
    code, out, err = run("lint", "plans", *argv, "--lang", "en")
    what = "is a symbolic link, which the cache never follows" if how == "flag-symlink" else "is not a folder"
    assert (code, out, err) == (expected[0], expected[1], f"cascade: warning: cache-dir {shown} {what}; running without the parse cache\n"
                                + expected[2])
    code, _, err = run("lint", "plans", *argv)
    word = "adalah tautan simbolik, yang tidak pernah diikuti cache" if how == "flag-symlink" else "bukan folder"
    assert code == 0 and err.startswith(f"cascade: peringatan: cache-dir {shown} {word}; berjalan tanpa cache\n")
    assert (plan_ws / "ci-cache").read_text() == "not a folder\n" and list((plan_ws / "real").iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
@pytest.mark.parametrize("plant", ["fifo", "symlink-out", "folder"])
def test_special_files_planted_as_cache_entries_are_misses(plant: str, plan_ws: Path) -> None:
    """Entry names are content hashes anyone can compute, so a pull request can ship ``ci-cache/`` with
    a FIFO under each: the open blocked and ``cascade lint`` hung for ever. Now each is a miss, the
    run reports what it reports without the cache, and the rewrite neither opens the FIFO nor writes
    through a symlink (the entry is renamed over the planted name)."""
    (plan_ws / "plans" / "rpjmn.yaml").write_text(RPJMN.replace("    kind: program_prioritas\n", "    kind: program_prioritas\n    bogus: x\n", 1))
    (plan_ws / "cascade.toml").write_text('cache-dir = "ci-cache"\n')
    cold = _lint_subprocess(plan_ws, "--lang", "en")
    assert cold.returncode == 1 and "CAS102" in cold.stdout
    warm = _lint_subprocess(plan_ws, "--lang", "en", cache=True)  # fills ci-cache/, learning the names
    assert (warm.returncode, warm.stdout, warm.stderr) == (1, cold.stdout, cold.stderr)
    entries = sorted((plan_ws / "ci-cache").glob("*/*.pickle"))
    assert len(entries) == 2
    outside = plan_ws / "outside.txt"
    outside.write_text("mine\n")
    for entry in entries:
        entry.unlink()
        if plant == "fifo":
            os.mkfifo(entry)
        elif plant == "symlink-out":
            os.symlink(outside, entry)
        else:
            entry.mkdir()
    done = _lint_subprocess(plan_ws, "--lang", "en", cache=True)
    assert (done.returncode, done.stdout, done.stderr) == (1, cold.stdout, cold.stderr)
    assert outside.read_text() == "mine\n"
    if plant != "folder":  # rewritten as regular files; a folder stays (a rename cannot replace it) and stays a miss
        assert all(e.is_file() and not e.is_symlink() for e in entries)
        again = _lint_subprocess(plan_ws, "--lang", "en", cache=True)
        assert (again.returncode, again.stdout) == (1, cold.stdout)


def test_an_oversized_configuration_is_a_usage_error(plan_ws: Path) -> None:
    with open(plan_ws / "cascade.toml", "wb") as fh:
        fh.write(b"# " + b"x" * (5 << 20) + b"\n")
    code, _, err = run("lint", str(plan_ws / "plans"), "--no-cache", "--config", str(plan_ws / "cascade.toml"))
    assert code == 2 and "lebih dari 4,194,304 byte" in err  # "larger than ... bytes", in the default language


# -- 7. a target silently lost: year keys that mean the same year ---------------------------------

YEARS = """\
document:
  id: rpjmn-2020
  kind: rpjmn
  title: T
  period: {start: 2019, end: 2020}
elements:
  - id: PN3
    kind: prioritas_nasional
    name: Meningkatkan
    indicators:
      - id: PN3.I1
        name: Angka
        unit: tahun
        polarity: positive
        baseline: {year: 2018, value: 70}
        targets: {2019: 71, 02019: 99, 2020: 72}
      - id: PN3.I2
        name: Angka
        unit: tahun
        polarity: positive
        baseline: {year: 2018, value: 0}
        targets:
          2_019: 1
          +2019: 2
          2019.0: 3
          " 2019": 4
          2020: 5
"""


def test_two_keys_meaning_the_same_year_are_a_duplicate_key_and_the_first_value_wins(tmp_path: Path) -> None:
    """The model kept 99 from ``02019`` (the documented first-value rule reversed), nothing was reported,
    and the lost value made a false CAS505."""
    path = tmp_path / "rpjmn.yaml"
    path.write_text(YEARS)
    ws = cascade.load(str(path))
    assert [i.targets for i in ws.documents["rpjmn-2020"].elements[0].indicators] == [{2019: 71, 2020: 72}, {2019: 1, 2020: 5}]
    report = ws.validate(select=["CAS0", "CAS1", "CAS505"])
    assert [(f.code, f.line, f.column, f.message) for f in report] == [
        ("CAS002", 16, 29, "duplicate key '02019': the same year as '2019' (line 16); the first value is kept"),
        ("CAS104", 23, 11, "target year '2_019' is not written plainly; write 2019"),
        ("CAS002", 24, 11, "duplicate key '+2019': the same year as '2_019' (line 23); the first value is kept"),
        ("CAS002", 25, 11, "duplicate key '2019.0': the same year as '2_019' (line 23); the first value is kept"),
        ("CAS002", 26, 11, "duplicate key ' 2019': the same year as '2_019' (line 23); the first value is kept"),
    ]


@pytest.mark.parametrize("key", ["02019", "2_019", "+2019", "2019.0", '" 2019"'])
def test_a_year_key_not_plainly_written_says_how_to_write_it(key: str, tmp_path: Path) -> None:
    path = tmp_path / "rpjmn.yaml"
    path.write_text(YEARS.replace("{2019: 71, 02019: 99, 2020: 72}", f"{{{key}: 71, 2020: 72}}"))
    report = cascade.load(str(path)).validate(select=["CAS0", "CAS1"])
    shown = key.strip('"')
    assert [(f.code, f.line, f.column, f.message) for f in report][:1] == [
        ("CAS104", 16, 19, f"target year '{shown}' is not written plainly; write 2019"),
    ]


def test_year_keys_of_a_dict_are_checked_and_the_dict_is_not_changed() -> None:
    targets = {2019: 71, "02019": 99, 2020: 72}
    doc = {"document": {"id": "rpjmn-2020", "kind": "rpjmn", "title": "T", "period": {"start": 2019, "end": 2020}},
           "elements": [{"id": "P", "kind": "prioritas_nasional", "name": "n",
                         "indicators": [{"id": "I", "name": "n", "unit": "%", "targets": targets}]}]}
    ws = cascade.load(doc)
    assert [(f.code, f.pointer) for f in ws.findings] == [("CAS002", "/elements/0/indicators/0/targets/02019")]
    assert ws.documents["rpjmn-2020"].elements[0].indicators[0].targets == {2019: 71, 2020: 72}
    assert targets == {2019: 71, "02019": 99, 2020: 72}


# -- 5. API misuse raises the right exception; odd dicts are content ------------------------------


@pytest.fixture(scope="module")
def small_ws() -> cascade.Cascade:
    return cascade.load(RPJMN and str(REPO / "tests" / "fixtures" / "hostile" / "workspace" / "rpjmn-2020.yaml"))


@pytest.mark.parametrize("kwargs", [
    {"select": [None]}, {"ignore": [None]}, {"extend_select": [1]}, {"severity": "x"}, {"severity": {1: 2}},
    {"options": 5}, {"options": "x"}, {"options": {"weak-target": 5}}, {"select": 123}, {"extend_select": 5},
    {"select": b"CAS"}, {"jobs": "2"}, {"inline_suppressions": "no"}, {"suppressions": "x"},
], ids=repr)
def test_wrong_types_are_usage_errors(kwargs: dict, small_ws: cascade.Cascade) -> None:
    with pytest.raises(cascade.UsageError):
        small_ws.validate(**kwargs)


@pytest.mark.parametrize("kwargs", [
    {"select": ["CASX"]}, {"severity": {"CAS301": "fatal"}}, {"options": {"no-such-rule": {}}},
    {"options": {"weak-target": {"no-such-option": 1}}}, {"jobs": 0},
], ids=repr)
def test_wrong_values_are_value_errors(kwargs: dict, small_ws: cascade.Cascade) -> None:
    with pytest.raises(ValueError) as info:
        small_ws.validate(**kwargs)
    assert not isinstance(info.value, TypeError)


def test_a_single_string_is_one_selector(small_ws: cascade.Cascade) -> None:
    """``select="CAS"`` was iterated letter by letter (C, A, S: unknown selectors)."""
    assert [f.code for f in small_ws.validate(select="CAS302")] == [f.code for f in small_ws.validate(select=["CAS302"])] == ["CAS302"]
    assert len(small_ws.validate(select="CAS")) == len(small_ws.validate())
    assert len(small_ws.validate(select=None, ignore="CAS302")) == len(small_ws.validate()) - 1
    assert len(small_ws.validate(select=("CAS302",), severity={"CAS302": cascade.Severity.INFO}).by_code("CAS302")) == 1


@pytest.mark.parametrize("call", [
    lambda ws: ws.coverage(report=5), lambda ws: ws.tree(depth="x"), lambda ws: ws.tree(root=5),
    lambda ws: ws.to_mermaid(depth=1.5), lambda ws: ws.to_html(report="x"),
], ids=["coverage-report", "tree-depth", "tree-root", "mermaid-depth", "html-report"])
def test_view_arguments_of_the_wrong_type_are_usage_errors(call: Any, small_ws: cascade.Cascade) -> None:
    with pytest.raises(cascade.UsageError):
        call(small_ws)


def _user_dict_chain(depth: int) -> Any:
    from collections import UserDict

    root = node = UserDict()
    for _ in range(depth):
        node["a"] = UserDict()
        node = node["a"]
    return root


GOOD_HEADER = {"id": "a", "kind": "rpjmn", "title": "t", "period": {"start": 2020, "end": 2024}}


def _indicator(targets: Any) -> dict:
    return {"document": GOOD_HEADER, "elements": [{"id": "P", "kind": "prioritas_nasional", "name": "n",
                                                   "indicators": [{"id": "I", "name": "n", "targets": targets}]}]}


@pytest.mark.parametrize("doc, expected", [
    ({"document": GOOD_HEADER, "elements": [_user_dict_chain(100_000)]},
     [("CAS005", "/elements/0" + "/a" * 46, "nesting deeper than 48 levels; the file was not read further")]),
    (_indicator({2020: 10**5000}),
     [("CAS005", "/elements/0/indicators/0/targets/2020", "a number of more than 4000 digits; the document was not read")]),
    (_indicator({10**5000: 1}),
     [("CAS005", "/elements/0/indicators/0/targets", "a number of more than 4000 digits; the document was not read")]),
    ({"document": dict(GOOD_HEADER, title=10**1000)},
     [("CAS103", "/document/title", "'title' must be text, not the number 10000… (1001 digits)")]),
], ids=["userdict-100k-deep", "5000-digit-value", "5000-digit-key", "1000-digit-title"])
def test_odd_dicts_are_content(doc: Any, expected: list, small_ws: cascade.Cascade) -> None:
    """A deeply nested UserDict gave a RecursionError and a 5000-digit int a ValueError."""
    report = cascade.load(doc).validate()
    assert [(f.code, f.pointer, f.message) for f in report if f.code < "CAS2"] == expected
    json.dumps(report.as_dict())


def test_a_user_dict_document_is_read_as_a_dict() -> None:
    from collections import UserDict

    doc = UserDict({"document": UserDict(GOOD_HEADER), "elements": [UserDict(_indicator({2020: 1})["elements"][0])]})
    ws = cascade.load(doc)
    assert ws.findings == [] and list(ws.documents) == ["a"]


# -- 8. smaller ones ----------------------------------------------------------------------------


def test_a_long_string_survives_the_dump_round_trip(tmp_path: Path) -> None:
    """One 80k-character line reloaded as CAS005 (a line over 65,536 characters): long text is folded."""
    from cascade.read.dump import dump_document

    text = ("Meningkatnya kualitas pelayanan kesehatan dasar " * 1700)[:80_000].strip()
    data = cascade.load(str(REPO / "tests" / "fixtures" / "hostile" / "workspace" / "rpjmn-2020.yaml")).documents["rpjmn-2020"]
    doc = data.model_copy(update={"elements": (data.elements[0].model_copy(update={"name": text}),) + tuple(data.elements[1:])})
    dumped = dump_document(doc)
    assert max(len(line) for line in dumped.splitlines()) <= 200
    path = tmp_path / "round.yaml"
    path.write_text(dumped)
    back = cascade.load(str(path))
    assert back.findings == []
    assert back.documents["rpjmn-2020"] == doc


def test_cr_only_line_ends_are_line_ends(tmp_path: Path) -> None:
    """A file with CR-only line ends (old Mac) was refused as one over-long line."""
    lines = [f"  - id: E{i}\r    kind: prioritas_nasional\r    name: Elemen nomor {i} dengan nama yang cukup panjang\r" for i in range(1500)]
    text = "document:\r  id: rpjmn-2020\r  kind: rpjmn\r  title: T\r  period: {start: 2020, end: 2024}\relements:\r" + "".join(lines)
    assert len(text) > 65_536
    path = tmp_path / "mac.yaml"
    path.write_bytes(text.encode())
    ws = cascade.load(str(path))
    assert [f.code for f in ws.findings] == [] and len(ws.documents["rpjmn-2020"].elements) == 1500
    path.write_bytes(text.replace("name: Elemen nomor 7 ", "name: Elemen " + "x" * 70_000 + " ").encode())
    assert [(f.code, f.line) for f in cascade.load(str(path)).findings] == [("CAS005", 6 + 7 * 3 + 3)]


def test_full_width_digits_are_not_ascii_digits(tmp_path: Path) -> None:
    """``code: "３５.７７"`` passed the region-code pattern, and ``７１.５９`` was read as the number 71.59."""
    path = tmp_path / "rpjmd.yaml"
    path.write_text("document:\n  id: kota-madiun.rpjmd-2019\n  kind: rpjmd\n  title: T\n  period: {start: 2019, end: 2024}\n"
                    "  region: {code: \"３５.７７\"}\nelements:\n  - id: S1\n    kind: sasaran\n    name: n\n    indicators:\n"
                    "      - {id: S1.I1, name: n, unit: persen, targets: {2019: ７１.５９, 2020: \"７２\"}}\n")
    report = cascade.load(str(path)).validate(select=["CAS1"])
    assert [(f.code, f.line, f.column, f.message) for f in report] == [
        ("CAS101", 2, 3, "a document of kind rpjmd needs 'region'"),
        ("CAS104", 6, 18, "'code' has an invalid form: '３５.７７'"),
        ("CAS103", 12, 60, "'2019: ７１.５９' is not a number cascade will guess; write 71.59"),
        ("CAS103", 12, 73, "'2020: ７２' is not a number cascade will guess; write 72"),
    ]


def test_arabic_indic_digits_are_not_a_qualitative_target(tmp_path: Path) -> None:
    """A quoted ``"٧٢"`` (Arabic-Indic digits) was kept as a qualitative target, and counted as the
    year's target, where full-width ``"７２"`` was CAS103: both now say how to write the number."""
    path = tmp_path / "rpjmd.yaml"
    path.write_text("document:\n  id: kota-madiun.rpjmd-2019\n  kind: rpjmd\n  title: T\n  period: {start: 2019, end: 2024}\n"
                    "  region: {code: \"35.77\"}\nelements:\n  - id: S1\n    kind: sasaran\n    name: n\n    indicators:\n"
                    "      - {id: S1.I1, name: n, unit: persen, targets: {2019: \"٧٢\", 2020: ١٢٣٫٤, 2021: \"WTP ٢\"}}\n")
    report = cascade.load(str(path)).validate(select=["CAS1"])
    assert [(f.code, f.line, f.column, f.message) for f in report] == [
        ("CAS103", 12, 60, "'2019: ٧٢' is not a number cascade will guess; write 72"),
        ("CAS103", 12, 72, "'2020: ١٢٣٫٤' is not a number cascade will guess; write 123.4"),
    ]


@pytest.mark.parametrize("content", ["ghp_SECRETTOKEN1234567890abcdefXYZ\n", "12345678\n", "- ghp_SECRET\n"])
def test_a_file_that_is_not_yaml_is_not_quoted(content: str, tmp_path: Path) -> None:
    """A token or a text file named *.yaml had its first 40 characters quoted in CAS103."""
    path = tmp_path / "token.yaml"
    path.write_text(content)
    for fmt in FORMATS:
        out = run("lint", str(path), "--no-cache", "--format", fmt, "--lang", "en")[1]
        assert "SECRET" not in out and "12345678" not in out, (fmt, out)
    finding = cascade.load(str(path)).findings[0]
    assert (finding.code, finding.message) == ("CAS103", "a plan document is a mapping starting with 'document:', not " + (
        "a list" if content.startswith("-") else f"text of {len(content) - 1} characters"))


def test_aliases_count_as_events_and_stop_early() -> None:
    """4M aliases in 12 MB cost 86 s and 4.6 GB (400,000: 22 s and 300 MB) before the limits stopped them:
    each alias was a finding. After 1000 anchors, aliases, tags or duplicate keys the file is refused."""
    from cascade.read.loader import load_text

    for text in ("a: &a x\nb:\n" + "  - *a\n" * 400_000, "a:\n" + "  - !!str x\n" * 400_000):
        started = time.perf_counter()
        loaded = load_text(text, "aliases.yaml")
        assert time.perf_counter() - started < 10
        codes = [(f.code, f.variant) for f in loaded.findings]
        assert codes[-1] == ("CAS005", "many") and loaded.data is None
        assert len(codes) == 1001
        assert loaded.findings[-1].message == "more than 1000 anchors, aliases, tags or duplicate keys; the file was not read further"
