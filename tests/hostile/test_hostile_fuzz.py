"""A seeded, time-bounded mutation fuzzer over the example workspaces (fixtures, specs/, examples/).

Every mutant of a seed file (byte flips, deleted and repeated lines, broken indentation and tabs,
truncation, stray aliases, tags and document markers, junk Unicode) is linted through the command
line in-process, and must give: no exception, exit code 0 or 1, valid JSON in the contract's shape,
a position on every finding, and, when the file yields no document, a finding naming that file. Every
tenth mutant is also rendered in every other report format.

Run longer or with another seed::

    CASCADE_FUZZ_SECONDS=600 CASCADE_FUZZ_SEED=7 python -m pytest -q -rA tests/hostile/test_hostile_fuzz.py

A failing mutant is written to ``fuzz-failure-<seed>-<n>.yaml`` in pytest's temporary folder and its
path is in the assertion message.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

import pytest

from cascade.cli.commands import main
from cascade.reporters import FORMATS

REPO = Path(__file__).resolve().parents[2]

FUZZ_SECONDS = float(os.environ.get("CASCADE_FUZZ_SECONDS", "60"))
FUZZ_SEED = int(os.environ.get("CASCADE_FUZZ_SEED", "20240601"))

JUNK = [
    b"\x00", b"\x07", b"\x1b", b"\x7f", b"\t", b"\r", b"\r\n", b"\n\n",
    "\ufeff".encode(), "\u200f".encode(), "\u202e".encode(), "\u200b".encode(), "\u2028".encode(),
    "\u0085".encode(), "\uff1a".encode(), "\ufffe".encode(),
    b"\xed\xa0\x80",  # a UTF-16 surrogate encoded as if it were a character (invalid UTF-8)
    b"\xff", b"\xc3", b"\xe9", b"\xf4\x90\x80\x80",
]
TOKENS = [
    b"*a", b"&a ", b"<<: *a", b"!!python/object/apply:os.system [\"true\"] ", b"!tag ", b"!!str ",
    b"---\n", b"...\n", b"%YAML 1.2\n---\n", b"%TAG ! tag:x,2000:\n", b"? ", b": ", b"- ", b"{", b"}",
    b"[", b"]", b",", b"\"", b"'", b"|", b">-", b"#", b"@", b"`", b"%", b"~", b"null", b"1.10", b"no",
    b"010", b"2024-01-01", b"1e999", b".nan", b"{a: 1, a: 2}", b"key: value\nkey: value\n",
    # suppression comments, well and badly formed
    b"  # cascade: ignore[CAS301]", b"# cascade: ignore-file[ALL]\n", b" # cascade: ignore[", b"# cascade: ignore[]\n",
    b" # cascade: ignore[nope, CAS9, ,, orphan-element] alasan", b"# cascade: ignore-file[CAS3\n", b" #cascade:ignore[ALL]",
]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def flip_bit(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1 :]


def replace_byte(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + bytes([rng.randrange(256)]) + data[i + 1 :]


def delete_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines.insert(rng.randrange(len(lines) + 1), lines[i])
    return b"\n".join(lines)


def swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def damage_indent(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    line = lines[i]
    body = line.lstrip(b" ")
    indent = len(line) - len(body)
    choice = rng.randrange(4)
    if choice == 0:
        lines[i] = b" " * (indent + rng.randint(1, 3)) + body
    elif choice == 1:
        lines[i] = b" " * max(0, indent - rng.randint(1, 3)) + body
    elif choice == 2:
        lines[i] = b"\t" * max(1, indent // 2) + body
    else:
        lines[i] = line[:indent] + b"\t" + body
    return b"\n".join(lines)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def insert_token(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice(TOKENS) + data[i:]


def insert_junk(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice(JUNK) * rng.randint(1, 3) + data[i:]


def line_start_token(rng: random.Random, data: bytes) -> bytes:
    """A token (alias, tag, marker) at the start of a line's value or the line itself."""
    lines = _lines(data)
    i = rng.randrange(len(lines))
    line = lines[i]
    colon = line.find(b": ")
    token = rng.choice(TOKENS)
    lines[i] = line[: colon + 2] + token + line[colon + 2 :] if colon >= 0 else token + line
    return b"\n".join(lines)


VALUES = [
    b"1.10", b"010", b"no", b"yes", b"~", b"null", b"", b"[]", b"{}", b"-5", b"1e400", b"0x1F", b"2019-01-01",
    b'"72,6"', b'"1.234"', b"72,6", b"[1, [2, [3]]]", b"{min: 9, max: 1}", b"{year: x}", b"true", b".inf",
    b'"\\u0000"', "Pen\u0301duduk \u202eRTL".encode(), "\u0627\u0644\u0639\u0631\u0628\u064a\u0629".encode(),
    b"|\n  block\n", b"'it''s'", b"PN3", b"rpjmn-2020:PN3", b"S1", b"[S1, S1, T1]", b"9" * 40,
]


def replace_value(rng: random.Random, data: bytes) -> bytes:
    """A value after ``key: `` replaced by a typed-wrong, ambiguous or odd one (YAML mostly stays valid)."""
    lines = _lines(data)
    candidates = [i for i, line in enumerate(lines) if b": " in line]
    if not candidates:
        return data
    i = rng.choice(candidates)
    line = lines[i]
    cut = line.index(b": ") + 2
    lines[i] = line[:cut] + rng.choice(VALUES)
    return b"\n".join(lines)


def rename_key(rng: random.Random, data: bytes) -> bytes:
    """A key misspelt, translated, or swapped for another key of the format."""
    lines = _lines(data)
    candidates = [i for i, line in enumerate(lines) if b": " in line or line.rstrip().endswith(b":")]
    if not candidates:
        return data
    i = rng.choice(candidates)
    line = lines[i]
    body = line.lstrip(b" -")
    start = len(line) - len(body)
    end = start + body.find(b":")
    key = line[start:end]
    new = rng.choice([key[:-1], key + key[-1:], b"satuan", b"target", b"id", b"parent", b"kind", b"document", b"1"])
    lines[i] = line[:start] + new + line[end:]
    return b"\n".join(lines)


def crlf(rng: random.Random, data: bytes) -> bytes:
    return data.replace(b"\n", b"\r\n")


MUTATORS: list[Callable[[random.Random, bytes], bytes]] = [
    flip_bit, replace_byte, delete_line, duplicate_line, swap_lines, damage_indent, damage_indent,
    truncate, insert_token, insert_token, insert_junk, insert_junk, line_start_token, line_start_token, crlf,
    replace_value, replace_value, replace_value, replace_value, rename_key, rename_key,
]


def mutate(rng: random.Random, data: bytes) -> bytes:
    """One to three mutations of ``data``."""
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        data = rng.choice(MUTATORS)(rng, data)
    return data


def lint_in_process(*paths: str, fmt: str = "json", lang: str = "id") -> tuple[int, str]:
    """Run ``cascade lint PATHS --format FMT`` in this process (no parse cache); returns exit code and stdout."""
    out = io.StringIO()
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["lint", *paths, "--format", fmt, "--lang", lang, "--no-cache", "--quiet"])  # quiet: no summary line
    assert err.getvalue() == "", err.getvalue()
    return code, out.getvalue()


def _realisasi(path: str) -> bool:
    """Whether ``path`` reads (with PyYAML) as a realisasi document."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except Exception:
        return False
    return isinstance(data, dict) and isinstance(data.get("document"), dict) and data["document"].get("kind") == "realisasi"


def check_output(code: int, stdout: str, mutant: str) -> dict[str, Any]:
    """The invariants of one run over ``mutant`` (alone): exit code, JSON shape, positions, no silence."""
    assert code in (0, 1)
    report = json.loads(stdout)
    assert report["version"] == 1
    assert set(report["summary"]) >= {"files", "documents", "errors", "warnings", "infos"}
    for f in report["findings"]:
        assert f["code"].startswith("CAS") and f["rule"] and f["severity"] in ("error", "warning", "info")
        assert f["file"] == mutant
        assert isinstance(f["line"], int) and f["line"] >= 1, f
        assert isinstance(f["column"], int) and f["column"] >= 1, f
        assert f["message"]
    if report["summary"]["documents"] == 0 and not _realisasi(mutant):
        # a realisasi document is no plan: alone, its plan is external and it may well be clean
        assert any(f["file"] == mutant and f["severity"] == "error" for f in report["findings"]), report
    assert code == (1 if report["summary"]["errors"] else 0)
    return report


def test_mutants_never_crash(seed_files: list[Path], tmp_path: Path, hostile_stats: dict[str, Any]) -> None:
    rng = random.Random(FUZZ_SEED)
    seeds = [p.read_bytes() for p in seed_files]
    target = tmp_path / "mutant.yaml"
    deadline = time.monotonic() + FUZZ_SECONDS
    started = time.monotonic()
    count = no_document = 0
    codes: set[str] = set()
    while time.monotonic() < deadline:
        data = mutate(rng, rng.choice(seeds))
        target.write_bytes(data)
        try:
            code, stdout = lint_in_process(str(target), lang=rng.choice(("id", "en")))
            report = check_output(code, stdout, str(target))
            if count % 10 == 0:  # now and then, every other report format of the same mutant
                for fmt in FORMATS:
                    assert lint_in_process(str(target), fmt=fmt)[0] == code
        except Exception as exc:
            kept = tmp_path / f"fuzz-failure-{FUZZ_SEED}-{count}.yaml"
            kept.write_bytes(data)
            raise AssertionError(f"mutant {count} (seed {FUZZ_SEED}) failed; kept as {kept}") from exc
        count += 1
        no_document += report["summary"]["documents"] == 0
        codes.update(f["code"] for f in report["findings"])
    hostile_stats["fuzz mutants"] = count
    hostile_stats["fuzz mutants without a document"] = no_document
    hostile_stats["fuzz seconds"] = time.monotonic() - started
    hostile_stats["fuzz seed"] = FUZZ_SEED
    hostile_stats["fuzz finding codes"] = " ".join(sorted(codes))
    assert count > 0
    # the mutations reach the load rules, not only clean documents
    assert {"CAS001", "CAS003", "CAS004", "CAS005"} <= codes


def test_mutants_through_subprocess(seed_files: list[Path], tmp_path: Path) -> None:
    """A handful of mutants through the real command: same invariants, and nothing on stderr."""
    rng = random.Random(FUZZ_SEED + 1)
    seeds = [p.read_bytes() for p in seed_files]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for n in range(5):
        target = tmp_path / f"mutant{n}.yaml"
        target.write_bytes(mutate(rng, rng.choice(seeds)))
        proc = subprocess.run(
            [sys.executable, "-m", "cascade", "lint", str(target), "--format", "json", "--no-cache", "--quiet"],
            capture_output=True, text=True, env=env, timeout=60,
        )
        assert proc.stderr == ""
        check_output(proc.returncode, proc.stdout, str(target))


@pytest.mark.parametrize("root", ["tests/fixtures/hostile/workspace", "specs"])
def test_mutants_in_a_workspace(root: str, tmp_path: Path, hostile_stats: dict[str, Any]) -> None:
    """Mutants linted together with the clean rest of their workspace: cross-document code paths."""
    source = REPO / root
    if not source.is_dir():
        pytest.skip(f"{root} is not in this checkout")
    rng = random.Random(FUZZ_SEED + 2)
    ws = tmp_path / "ws"
    seeds = {p.relative_to(source): p.read_bytes() for p in sorted(source.rglob("*.y*ml"))}
    for name, data in seeds.items():
        (ws / name).parent.mkdir(parents=True, exist_ok=True)
        (ws / name).write_bytes(data)
    deadline = time.monotonic() + max(1.0, FUZZ_SECONDS / 12)
    count = 0
    while time.monotonic() < deadline:
        name = rng.choice(sorted(seeds))
        (ws / name).write_bytes(mutate(rng, seeds[name]))
        code, stdout = lint_in_process(str(ws))
        assert code in (0, 1)
        report = json.loads(stdout)
        assert {f["file"] for f in report["findings"]} <= {str(ws / n) for n in seeds}
        assert all(isinstance(f["line"], int) for f in report["findings"])
        (ws / name).write_bytes(seeds[name])
        count += 1
    hostile_stats[f"fuzz mutants in the {root} workspace"] = count
