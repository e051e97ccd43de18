"""Hostile and broken input: limits, alias bombs, payload tags, odd files and folders, API misuse.

Each case states the input and the exact finding it must give (code, variant, line, column); none may
raise, hang, or silently change a value.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import threading

import pytest

import cascade
from cascade.cli.commands import main
from cascade.read.loader import Limits, load_bytes, load_text, read_file
from cascade.reporters import FORMATS

from test_hostile_fuzz import lint_in_process

REPO = Path(__file__).resolve().parents[2]
WORKSPACE = REPO / "tests" / "fixtures" / "hostile" / "workspace"
HEADER = "document:\n  id: big\n  kind: rpjmn\n  title: Big\n  period: {start: 2020, end: 2024}\nelements:\n"


def where(findings: Any) -> list[tuple]:
    """Findings as ``(code, variant, line, column)``, the form the tests compare."""
    return [(f.code, f.variant, f.line, f.column) for f in findings]


# -- limits -----------------------------------------------------------------------------------


def test_default_limits() -> None:
    assert Limits() == Limits(max_file_bytes=32 * 1024 * 1024, max_depth=48, max_nodes=4_000_000, max_line_length=65_536)


def billion_laughs() -> str:
    """Nine levels of nine aliases: 9**9 (387 million) strings if expanded, under 500 bytes as text."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_without_expanding() -> None:
    text = billion_laughs()
    assert len(text.encode()) < 500
    started = time.perf_counter()
    loaded = load_text(text, "bomb.yaml")
    elapsed = time.perf_counter() - started
    assert {(f.code, f.variant) for f in loaded.findings} == {("CAS003", "anchor"), ("CAS003", "alias")}
    assert len(loaded.findings) == 9 + 8 * 9  # each anchor and each alias, once
    assert loaded.data["i"] == [None] * 9  # an alias reads as absent, never as the anchored value
    assert elapsed < 1.0  # sanity bound only: the work is one event per alias


def test_alias_bomb_file_through_the_command(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(billion_laughs())
    code, stdout = lint_in_process(str(bomb))
    report = json.loads(stdout)
    assert code == 1
    assert {f["code"] for f in report["findings"]} == {"CAS003", "CAS101", "CAS102"}


@pytest.mark.parametrize(
    "text, limits, expected",
    [
        ("a: 1\n" * 30, Limits(max_file_bytes=100), [("CAS005", "size", 1, 1)]),
        ("[\n" * 49 + "]" * 49, Limits(), [("CAS005", "depth", 49, 1)]),
        ("[\n" * 48 + "]" * 48, Limits(), []),
        ("[\n" * 100_000, Limits(), [("CAS005", "depth", 49, 1)]),
        ("a:\n  b:\n    c: 1\n", Limits(max_depth=2), [("CAS005", "depth", 3, 5)]),
        ("[" + "1, " * 200 + "]", Limits(max_nodes=100), [("CAS005", "nodes", 1, 293)]),
        ("a: 1\nb: " + "x" * 81 + "\n", Limits(max_line_length=80), [("CAS005", "line", 2, 1)]),
        ("a: 1\nb: " + "x" * 77 + "\n", Limits(max_line_length=80), []),
        ("[" * 70_000, Limits(), [("CAS005", "line", 1, 1)]),
    ],
    ids=["size", "depth", "depth-ok", "depth-100k", "depth-2", "nodes", "line", "line-ok", "line-default"],
)
def test_limits_are_findings(text: str, limits: Limits, expected: list[tuple]) -> None:
    loaded = load_bytes(text.encode(), "limit.yaml", limits)
    assert where(loaded.findings) == expected
    if expected:
        assert loaded.data is None and loaded.findings[0].file == "limit.yaml"


def test_many_lines_just_under_the_line_limit_are_quick() -> None:
    text = ("# " + "x" * 65_000 + "\n") * 100  # 6.5 MB: the old unanchored search took minutes
    started = time.perf_counter()
    assert load_text(text, "long.yaml").findings == []
    assert time.perf_counter() - started < 10.0


def test_oversized_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" * 100)
    loaded = read_file(path, limits=Limits(max_file_bytes=499))
    assert where(loaded.findings) == [("CAS005", "size", 1, 1)]
    assert loaded.findings[0].message == "file is 500 bytes, over the limit of 499; it was not read"


def test_limits_are_passed_through_load(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("document:\n  id: x\n")
    report = cascade.load(str(path), limits=Limits(max_depth=1)).validate()
    assert [(f.code, f.line, f.column, f.file) for f in report] == [("CAS005", 2, 3, str(path))]


def test_a_50k_element_document_loads(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(HEADER + "".join(f"  - {{id: PN{i}, kind: prioritas_nasional, name: Prioritas {i}}}\n" for i in range(50_000)))
    ws = cascade.load(str(path))
    assert ws.findings == []
    assert ws.stats["elements"] == 50_000
    assert ws.get("big:PN49999").name == "Prioritas 49999"


# -- references: nothing recurses --------------------------------------------------------------


def test_a_10k_parent_chain_and_a_parent_cycle_do_not_recurse(tmp_path: Path) -> None:
    chain = tmp_path / "chain.yaml"
    chain.write_text(
        HEADER.replace("id: big", "id: chain")
        + "  - {id: E0, kind: prioritas_nasional, name: top}\n"
        + "".join(f"  - {{id: E{i}, kind: prioritas_nasional, name: e{i}, parent: E{i - 1}}}\n" for i in range(1, 10_000))
    )
    cycle = tmp_path / "cycle.yaml"
    cycle.write_text(
        HEADER.replace("id: big", "id: cycle")
        + "  - {id: A, kind: prioritas_nasional, name: a, parent: B}\n"
        + "  - {id: B, kind: prioritas_nasional, name: b, parent: A}\n"
    )
    ws = cascade.load(str(chain), str(cycle))
    report = ws.validate()  # every rule over both: a recursive walk would hit Python's recursion limit
    assert ws.stats["elements"] == 10_002
    assert ws.graph.has_edge("chain:E9999", "chain:E9998") and ws.graph.has_edge("cycle:A", "cycle:B")
    assert not [f for f in report if f.code.startswith(("CAS0", "CAS1", "CAS201", "CAS202"))]
    # the planners' views walk the same links
    assert len(ws.trace("chain:E9999")) == 1 and len(ws.trace("chain:E9999")[0].steps) == 10_000
    assert len(ws.descendants("chain:E0")) == 9_999
    assert ws.tree() is not None and ws.trace("cycle:A") is not None


def test_thousands_of_broken_references_stay_linear(tmp_path: Path) -> None:
    """Each did-you-mean compares with every id; past a budget the findings carry no hint."""
    path = tmp_path / "broken.yaml"
    path.write_text(HEADER + "".join(f"  - {{id: PN{i}, kind: prioritas_nasional, name: x, parent: QX{i}}}\n" for i in range(20_000)))
    started = time.perf_counter()
    ws = cascade.load(str(path))
    assert time.perf_counter() - started < 60  # was hours: 20,000 x 20,000 comparisons
    assert [f.code for f in ws.findings] == ["CAS202"] * 20_000
    assert ws.findings[0].message == "parent 'QX0' names nothing"


def test_a_huge_numeric_looking_target_is_not_backtracked(tmp_path: Path) -> None:
    """CAS513 reads text values as numbers only up to 64 characters: "1.1.1.…" took minutes before."""
    rpjmd = (
        "document: {id: k.rpjmd, kind: rpjmd, title: R, period: {start: 2025, end: 2025}, region: {code: \"35.25\", name: K}}\n"
        "elements:\n"
        f"  - {{id: S1, kind: sasaran, name: X, indicators: [{{id: S1.I1, name: AKI, targets: {{2025: \"{'1.' * 100_000}\"}}}}]}}\n"
    )
    (tmp_path / "r.yaml").write_text(rpjmd)
    started = time.perf_counter()
    # the line is over the default line limit (a CAS005 that select=["CAS513"] hid before reading
    # errors were kept whatever the selection): raised, so that the value is read and CAS513 sees it
    report = cascade.load(str(tmp_path), limits=cascade.Limits(max_line_length=400_000)).validate(select=["CAS513"])
    assert time.perf_counter() - started < 30
    assert list(report) == []


# -- nothing runs from YAML --------------------------------------------------------------------


PAYLOADS = [
    "!!python/object/apply:os.mkdir [{marker}]",
    "!!python/object/apply:os.system [\"mkdir {marker}\"]",
    "!!python/object/new:os.mkdir [{marker}]",
    "!!python/name:os.mkdir",
    "!!python/object/apply:subprocess.check_call [[mkdir, {marker}]]",
]


def test_payload_is_live_for_an_unsafe_loader(tmp_path: Path) -> None:
    """The control: the same payload does run under ``yaml.unsafe_load``, so the test below means something."""
    import yaml

    marker = tmp_path / "control"
    yaml.unsafe_load("name: " + PAYLOADS[0].format(marker=json.dumps(str(marker))))
    assert marker.is_dir()


@pytest.mark.parametrize("payload", PAYLOADS, ids=["apply", "system", "new", "name", "subprocess"])
def test_python_tags_are_inert(payload: str, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    doc = tmp_path / "plan.yaml"
    doc.write_text(
        HEADER.replace("id: big", "id: evil")
        + "  - id: PN1\n    kind: prioritas_nasional\n    name: " + payload.format(marker=json.dumps(str(marker))) + "\n"
    )
    report = cascade.load(str(doc)).validate()
    code, stdout = lint_in_process(str(doc))
    assert not marker.exists()
    tags = report.by_code("CAS004")
    assert [(f.line, f.column) for f in tags] == [(9, 11)]
    assert tags[0].message.startswith("explicit tag 'tag:yaml.org,2002:python/")
    assert code == 1 and "CAS004" in stdout


# -- files and folders -------------------------------------------------------------------------


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    """A folder of everything that is not a plain plan file, beside one that is."""
    root = tmp_path / "ws"
    root.mkdir()
    (root / "plan.yml").write_bytes((WORKSPACE / "rpjmn-2020.yaml").read_bytes())
    (root / "README.md").write_text("# not YAML: ignored\n")
    (root / "data.json").write_text("{}")
    (root / "plan.yaml.bak").write_text(": broken")
    (root / ".hidden.yaml").write_text(": broken")
    (root / ".git").mkdir()
    (root / ".git" / "config.yaml").write_text(": broken")
    (root / "folder.yaml").mkdir()  # a folder named like a file: searched, not read
    (root / "folder.yaml" / "empty.yaml").write_text("")
    (root / "comments.yaml").write_text("# nothing but a comment\n")
    os.mkfifo(root / "pipe.yaml")  # reading it would block forever
    (root / "dangling.yaml").symlink_to(root / "missing.yaml")
    (root / "loop-a.yaml").symlink_to(root / "loop-b.yaml")
    (root / "loop-b.yaml").symlink_to(root / "loop-a.yaml")
    (root / "up").symlink_to(root)  # a folder symlink loop: not followed
    return root


def test_odd_files_are_findings_or_ignored(odd_folder: Path) -> None:
    report = cascade.load(str(odd_folder)).validate(select=["CAS0", "CAS1", "CAS2"])
    got = sorted((os.path.relpath(f.file, odd_folder), f.code, f.variant, f.line, f.column) for f in report)
    assert got == [
        ("comments.yaml", "CAS101", "empty", 1, 1),
        ("dangling.yaml", "CAS005", "unreadable", 1, 1),
        ("folder.yaml/empty.yaml", "CAS101", "empty", 1, 1),
        ("loop-a.yaml", "CAS005", "unreadable", 1, 1),
        ("loop-b.yaml", "CAS005", "unreadable", 1, 1),
        ("pipe.yaml", "CAS005", "unreadable", 1, 1),
    ]
    assert report.by_code("CAS005")[-1].message == "cannot read the file: not a regular file"
    assert report.stats["documents"] == 1  # plan.yml


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_file_name_that_is_not_utf8_in_every_format(fmt: str, tmp_path: Path) -> None:
    """Python hands the name over with lone surrogates; every report must still be UTF-8 text."""
    folder = tmp_path / "ws"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"\xffplan.yaml")).write_text("a: 1\n")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "cascade", "lint", str(folder), "--format", fmt, "--no-cache", "--quiet"],
        capture_output=True, env=env, timeout=120,
    )
    assert (proc.returncode, proc.stderr) == (1, b"")
    assert "\\xffplan.yaml" in proc.stdout.decode("utf-8")  # strict: raises if not UTF-8


def test_symlinks_out_of_the_folder_are_not_read(tmp_path: Path) -> None:
    """A pull request could link a plan file to a secret of the CI runner and read it in the findings."""
    secret = tmp_path / "home" / "token.yaml"
    secret.parent.mkdir()
    secret.write_text("TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n")  # text: would be quoted in CAS103
    ws = tmp_path / "ws"
    (ws / "sub").mkdir(parents=True)
    (ws / "rpjmn-2020.yaml").write_bytes((WORKSPACE / "rpjmn-2020.yaml").read_bytes())
    (ws / "leak.yaml").symlink_to(secret)
    (ws / "sub" / "leak.yaml").symlink_to(Path("..", "..", "home", "token.yaml"))
    (ws / "sub" / "inside.yml").symlink_to(Path("..", "rpjmn-2020.yaml"))  # inside the folder: read
    code, stdout = lint_in_process(str(ws))
    assert "ghp_" not in stdout and "TOKEN" not in stdout
    got = sorted((os.path.relpath(f["file"], ws), f["code"], f["line"]) for f in json.loads(stdout)["findings"] if f["code"] < "CAS3")
    assert got == [("leak.yaml", "CAS005", 1), ("sub/inside.yml", "CAS201", 3), ("sub/leak.yaml", "CAS005", 1)]
    assert json.loads(stdout)["findings"][0]["message"] == (  # the command's default language
        "tautan simbolik ke berkas di luar folder yang diperiksa; berkas tidak dibaca (sebutkan berkasnya langsung untuk memeriksanya)"
    )
    assert cascade.load(str(ws)).findings[0].message == (
        "a symbolic link to a file outside the folder being checked; it was not read (name the file itself to check it)"
    )
    named = cascade.load(str(ws / "leak.yaml")).findings  # named on purpose: read
    assert [f.code for f in named] == ["CAS103"]


FORGED = """\
document:
  id: rpjmn-2020
  kind: rpjmn
  title: t
  period: {start: 2020, end: 2024}
elements:
  - id: PN1
    kind: prioritas_nasional
    name: "Prioritas\\n::error file=README.md,line=1::forged"
    indicators:
      - {id: PN1.I1, name: "AHH\\r\\n::add-mask::x\\u2028::warning::y", targets: {2020: 1}}
"""


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_line_breaks_in_names_cannot_forge_log_lines(fmt: str, tmp_path: Path) -> None:
    """A CI runner reads any output line starting with '::' as a command (GitHub: ::error, ::add-mask)."""
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "a\n::warning::forged.yaml").write_text(FORGED)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["lint", str(folder), "--format", fmt, "--no-cache"]) == 1
    lines = out.getvalue().splitlines()
    report = cascade.load(str(folder)).validate()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == (len(report) if fmt == "github" else 0)  # one annotation per finding, nothing more
    assert all("\n" not in f.message and "\u2028" not in f.message and "\n" not in f.file for f in report)
    assert "'AHH\\u000d\\u000a::add-mask::x\\u2028::warning::y'" in report.by_code("CAS501")[0].message


def test_a_fifo_named_on_the_command_line(odd_folder: Path) -> None:
    code, stdout = lint_in_process(str(odd_folder / "pipe.yaml"))
    assert code == 1
    assert [f["code"] for f in json.loads(stdout)["findings"]] == ["CAS005"]


def test_bom_and_crlf_keep_positions(tmp_path: Path) -> None:
    text = (WORKSPACE / "kota-madiun.rpjmd-2019.yaml").read_text()
    text = text.replace("unit: tahun", "unti: tahun").replace('code: "35.77"', "code: 35.70")
    variants = {
        "lf.yaml": text.encode(),
        "crlf.yaml": text.replace("\n", "\r\n").encode(),
        "bom.yaml": b"\xef\xbb\xbf" + text.encode(),
        "bom-crlf.yaml": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
    }
    results = {}
    for name, raw in variants.items():
        (tmp_path / name).write_bytes(raw)
        results[name] = [(f.code, f.line, f.column, f.end_line, f.end_column) for f in cascade.load(str(tmp_path / name)).findings]
    assert results["lf.yaml"] == [("CAS102", 22, 9, 22, 13), ("CAS006", 6, 18, 6, 23)]
    assert results["crlf.yaml"] == results["bom.yaml"] == results["bom-crlf.yaml"] == results["lf.yaml"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a: 1\n\ufeffb: 2\n", [("CAS001", "default", 2, 2)]),  # a BOM mid-file is not YAML there
        ("a: \x00\n", [("CAS001", "character", 1, 4)]),
        ("a: \x1b[31m\n", [("CAS001", "character", 1, 4)]),
    ],
)
def test_junk_characters_are_syntax_findings(text: str, expected: list[tuple]) -> None:
    assert where(load_text(text, "junk.yaml").findings) == expected


def test_invisible_characters_are_shown_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(HEADER.replace("id: big", "id: big\ufeff") + "  - {id: \"PN\u202e1\", kind: prioritas_nasional, name: x}\n")
    report = cascade.load(str(path)).validate()
    assert [f.message for f in report] == [
        "'id' has an invalid form: 'big\\ufeff'",
        "'id' has an invalid form: 'PN\\u202e1'",
    ]


def test_not_utf8_is_a_finding_with_its_position() -> None:
    loaded = load_bytes("a: 1\nname: Caf\u00e9\n".encode("latin-1"), "latin1.yaml")
    assert where(loaded.findings) == [("CAS005", "encoding", 2, 10)]
    assert loaded.findings[0].message == "not UTF-8 (byte 0xe9); save the file as UTF-8"
    utf16 = load_bytes("a: 1\n".encode("utf-16"), "utf16.yaml")
    assert where(utf16.findings) == [("CAS005", "encoding", 1, 1)]


# -- the API: exceptions for misuse, findings for content ---------------------------------------


@pytest.mark.parametrize(
    "args, kwargs",
    [((42,), {}), ((None,), {}), ((b"plan.yaml",), {}), ((3.5,), {}), (([1, 2, 3],), {}),
     (("x",), {"limits": "x"}), (("x",), {"limits": None}), (("x",), {"show_personal": "yes"})],
    ids=["int", "none", "bytes", "float", "list-of-ints", "limits-str", "limits-none", "show-personal-str"],
)
def test_misuse_is_a_usage_error(args: tuple, kwargs: dict) -> None:
    with pytest.raises(cascade.UsageError) as info:
        cascade.load(*args, **kwargs)
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("field, value", [("max_depth", "48"), ("max_depth", 0), ("max_nodes", True), ("max_line_length", 2.5),
                                          ("max_file_bytes", -1), ("max_file_bytes", None)])
def test_a_bad_limit_is_a_usage_error(field: str, value: Any) -> None:
    with pytest.raises(cascade.UsageError, match=f"Limits.{field} must be a positive whole number"):
        Limits(**{field: value})


def test_get_with_a_non_string_is_a_usage_error() -> None:
    ws = cascade.load(str(WORKSPACE))
    with pytest.raises(cascade.UsageError):
        ws.get(5)  # type: ignore[arg-type]


def _nested(depth: int) -> dict:
    root: dict = {}
    node = root
    for _ in range(depth):
        node["a"] = {}
        node = node["a"]
    return root


def _self_referencing() -> dict:
    doc: dict = {"document": {"id": "loop", "kind": "rpjmn", "title": "t", "period": {"start": 2020, "end": 2024}}}
    doc["document"]["vision"] = doc
    return doc


GOOD_HEADER = {"id": "a", "kind": "rpjmn", "title": "t", "period": {"start": 2020, "end": 2024}}
GARBAGE = {
    "document-int": ({"document": 5}, [("CAS103", "/document")]),
    "elements-str": ({"document": GOOD_HEADER, "elements": "x"}, [("CAS103", "/elements")]),
    "elements-ints": ({"document": GOOD_HEADER, "elements": [1, 2]}, [("CAS103", "/elements/0"), ("CAS103", "/elements/1")]),
    "non-str-keys": ({1: 2, None: 3}, [("CAS101", ""), ("CAS102", "/1"), ("CAS001", "/None")]),
    "tuple-key": ({"document": GOOD_HEADER, (1, 2): 3}, [("CAS001", "/(1, 2)")]),  # keys are text
    "deep": ({"document": GOOD_HEADER, "elements": [_nested(10_000)]}, [("CAS005", "/elements/0" + "/a" * 46)]),
    "self-referencing": (_self_referencing(), [("CAS005", "/document" + "/vision/document" * 23 + "/vision")]),
    "nan-target": (
        {"document": GOOD_HEADER, "elements": [{"id": "P", "kind": "prioritas_nasional", "name": "n",
                                                "indicators": [{"id": "I", "name": "n", "targets": {2020: float("nan")}}]}]},
        [("CAS103", "/elements/0/indicators/0/targets/2020")],  # once: "must be a finite number", not per union branch
    ),
    "object-value": ({"document": dict(GOOD_HEADER, title=object())}, [("CAS103", "/document/title")]),
    "set-value": ({"document": dict(GOOD_HEADER, aligns_to={"x"})}, []),  # a set of ids is a fine list
    "bytes-value": ({"document": dict(GOOD_HEADER, title=b"\xff")}, [("CAS103", "/document/title")]),
    # a period that ends before it starts (issue 15: periods are checked)
    "huge-int-year": ({"document": dict(GOOD_HEADER, period={"start": 10**400, "end": 2024})}, [("CAS104", "/document/period/end")]),
}


@pytest.mark.parametrize("name", list(GARBAGE))
def test_garbage_dicts_are_findings(name: str) -> None:
    data, expected = GARBAGE[name]
    report = cascade.load(data).validate()
    assert [(f.code, f.pointer) for f in report if f.code < "CAS2"] == expected
    assert all(f.file == "<input 1>" and f.line is None for f in report)


# -- the other files a run reads: configuration and baseline ------------------------------------


@pytest.mark.parametrize(
    "option, name, text, message",
    [
        ("--config", "cascade.toml", "x = " + "[" * 100_000 + "]" * 100_000 + "\n", "invalid TOML: nested too deeply"),
        ("--baseline", "baseline.json", "[" * 100_000 + "]" * 100_000, "not a cascade baseline: nested too deeply"),
    ],
    ids=["config", "baseline"],
)
def test_deeply_nested_config_and_baseline_are_usage_errors(option: str, name: str, text: str, message: str, tmp_path: Path) -> None:
    """A pull request can ship both files; tomllib and json recurse per level and raised RecursionError."""
    path = tmp_path / name
    path.write_text(text)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["lint", str(WORKSPACE), option, str(path), "--no-cache", "--lang", "en"])
    assert code == 2
    assert err.getvalue() == f"cascade: configuration error: {path}: {message}\n"


# -- dicts from a web form: what pydantic would take silently (outside review) -----------------------

def _plan() -> dict:
    return {"document": {"id": "kota-x.rpjmd-2019", "kind": "rpjmd", "title": "X",
                         "period": {"start": 2019, "end": 2024}, "region": {"code": "35.77", "name": "X"}},
            "elements": [{"id": "S1", "kind": "sasaran", "name": "Derajat kesehatan",
                          "indicators": [{"id": "S1.I1", "name": "AHH", "type": "outcome", "unit": "tahun",
                                          "polarity": "positive", "baseline": {"year": 2018, "value": 72.4},
                                          "targets": {2019: 72.5, 2020: 72.6}}]}]}


def _set(path: tuple, value: Any) -> Any:
    def change(d: dict) -> None:
        for part in path[:-1]:
            d = d[part]
        d[path[-1]] = value
    return change


_IND = ("elements", 0, "indicators", 0)
_I = "/elements/0/indicators/0"
DICT_VALUES = {
    # 1: a bool is no year, an int is no bool
    "start-true": (_set(("document", "period", "start"), True), 0,
                   [("CAS103", "/document/period/start", "'start' must be a whole number (a year), not true/false")]),
    "baseline-year-true": (_set(_IND + ("baseline",), {"year": True, "value": 1}), 1,
                           [("CAS103", f"{_I}/baseline/year", "'year' must be a whole number (a year), not true/false")]),
    "target-key-true": (_set(_IND + ("targets",), {True: 2, 2019: 3}), 1,
                        [("CAS103", f"{_I}/targets/True", "'targets' must be a whole number (a year), not true/false")]),
    "key-1": (_set(_IND + ("key",), 1), 1, [("CAS103", f"{_I}/key", "'key' must be true or false, not the number 1")]),
    "key-1.0": (_set(_IND + ("key",), 1.0), 1, [("CAS103", f"{_I}/key", "'key' must be true or false, not the number 1.0")]),
    "key-0": (_set(_IND + ("key",), 0), 1, [("CAS103", f"{_I}/key", "'key' must be true or false, not the number 0")]),
    # 2: an iterator is never consumed
    "elements-generator": (lambda d: d.__setitem__("elements", (e for e in d["elements"])), 0,
                           [("CAS103", "/elements", "'elements' must be a list, not a value of type 'generator'")]),
    "supports-map": (_set(_IND + ("supports",), map(str, ["a:b"])), 1,
                     [("CAS103", f"{_I}/supports", "'supports' must be a list, not a value of type 'map'")]),
    "elements-tuple": (lambda d: d.__setitem__("elements", tuple(d["elements"])), 1, []),
    # 3: a key that is not text costs only itself
    "header-none-key": (_set(("document", None), 1), 1,
                        [("CAS001", "/document/None", "a mapping key must be text, not an empty value; the key was left out")]),
    "element-bytes-key": (_set(("elements", 0, b"name"), "x"), 1,
                          [("CAS001", "/elements/0/b'name'", "a mapping key must be text, not a value of type 'bytes'; the key was left out")]),
    "indicator-float-key": (_set(_IND + (3.5,), 1), 1,
                            [("CAS001", f"{_I}/3.5", "a mapping key must be text, not the number 3.5; the key was left out")]),
    # 4: one finding naming the field, not pydantic's union branches
    "realized-nan": (_set(_IND + ("realized",), {2019: float("nan")}), 1,
                     [("CAS103", f"{_I}/realized/2019", "'realized' must be a finite number, not the number nan")]),
    "realized-value-inf": (_set(_IND + ("realized",), {2019: {"value": float("inf")}}), 1,
                           [("CAS103", f"{_I}/realized/2019/value", "'value' must be a finite number, not the number inf")]),
    # 5: blank required text is missing text
    "name-spaces": (_set(("elements", 0, "name"), "   "), 0,  # left out, as without a name
                    [("CAS101", "/elements/0/name", "required field 'name' is empty")]),
    "title-empty": (_set(("document", "title"), ""), 0, [("CAS101", "/document/title", "required field 'title' is empty")]),
    "indicator-name-empty": (_set(_IND + ("name",), ""), 1, [("CAS101", f"{_I}/name", "required field 'name' is empty")]),
    # 7: a target year is a year
    "target-year-negative": (_set(_IND + ("targets",), {-2019: 1, 0: 2, 2019: 3}), 1,
                             [("CAS104", f"{_I}/targets/-2019", "target year '-2019' is not a year of four digits; the target was left out"),
                              ("CAS104", f"{_I}/targets/0", "target year '0' is not a year of four digits; the target was left out")]),
    # 6: no memory address in a message
    "object-unit": (_set(_IND + ("unit",), object()), 1,
                    [("CAS103", f"{_I}/unit", "'unit' must be text, not a value of type 'object'")]),
    # 8: what cannot be copied (a generator anywhere, a lock) raised TypeError from deepcopy
    "targets-generator": (_set(_IND + ("targets",), (x for x in [(2023, 1)])), 1,
                          [("CAS103", f"{_I}/targets", "'targets' must be a mapping, not a value of type 'generator'")]),
    "budget-generator": (_set(("elements", 0, "budget"), (x for x in [(2023, 1)])), 1,
                         [("CAS103", "/elements/0/budget", "'budget' must be a mapping, not a value of type 'generator'")]),
    "period-generator": (_set(("document", "period"), (x for x in [2019])), 0,
                         [("CAS103", "/document/period", "'period' must be a mapping, not a value of type 'generator'")]),
    "realized-value-generator": (_set(_IND + ("realized",), {2019: (x for x in [1])}), 1,
                                 [("CAS103", f"{_I}/realized/2019", "'realized' must be a number, a text or {value, status, source}, not a value of type 'generator'")]),
    "name-lock": (_set(("elements", 0, "name"), threading.Lock()), 0,
                  [("CAS103", "/elements/0/name", "'name' must be text, not a value of type 'lock'")]),
    "lock-key": (_set(("elements", 0, threading.Lock()), 1), 1,
                 [("CAS001", "/elements/0/<lock>", "a mapping key must be text, not a value of type 'lock'; the key was left out")]),
    # 9: pydantic's lax text took bytes silently
    "name-bytes": (_set(("elements", 0, "name"), b"Nama"), 0,
                   [("CAS103", "/elements/0/name", "'name' must be text, not a value of type 'bytes'")]),
    "id-bytes": (_set(("elements", 0, "id"), b"R1"), 0,
                 [("CAS103", "/elements/0/id", "'id' must be text, not a value of type 'bytes'")]),
    "document-id-bytes": (_set(("document", "id"), b"kota-x.rpjmd-2019"), 0,
                          [("CAS103", "/document/id", "'id' must be text, not a value of type 'bytes'")]),
    "target-bytes": (_set(_IND + ("targets",), {2019: b"1", 2020: 2}), 1,
                     [("CAS103", f"{_I}/targets/2019", "'targets' must be a number, a range or a text, not a value of type 'bytes'")]),
    "target-year-bytes": (_set(_IND + ("targets",), {b"2023": 1, 2020: 2}), 1,
                          [("CAS103", f"{_I}/targets/b'2023'", "'targets' must be a whole number (a year), not a value of type 'bytes'")]),
    "unit-bytearray": (_set(_IND + ("unit",), bytearray(b"%")), 1,
                       [("CAS103", f"{_I}/unit", "'unit' must be text, not a value of type 'bytearray'")]),
    "supports-bytes": (_set(_IND + ("supports",), [b"a:b"]), 1,
                       [("CAS103", f"{_I}/supports/0", "'supports' must be text, not a value of type 'bytes'")]),
}


@pytest.mark.parametrize("name", list(DICT_VALUES))
def test_dict_values_pydantic_would_take_silently_are_findings(name: str) -> None:
    change, elements, expected = DICT_VALUES[name]
    data = _plan()
    change(data)
    ws = cascade.load(data)
    assert [(f.code, f.pointer, f.message) for f in ws.findings if f.code < "CAS2"] == expected
    assert sum(len(d.elements) for d in ws.documents.values()) == elements


def test_values_that_cannot_be_copied_are_never_consumed_nor_raise() -> None:
    data = _plan()
    targets = (x for x in [(2023, 1)])
    budget = iter([(2023, 1)])
    data["elements"][0]["indicators"][0]["targets"] = targets
    data["elements"][0]["budget"] = budget
    data["elements"][0]["indicators"][0]["definition"] = threading.Lock()
    ws = cascade.load(data)
    assert [(f.code, f.pointer) for f in ws.findings if f.code < "CAS2"] == [
        ("CAS103", "/elements/0/budget"), ("CAS103", f"{_I}/targets"), ("CAS103", f"{_I}/definition")]
    assert next(targets) == (2023, 1) and next(budget) == (2023, 1)
    assert ws.get("kota-x.rpjmd-2019:S1.I1") is not None


def test_a_stray_key_keeps_the_rest_of_its_object() -> None:
    data = _plan()
    data["elements"][0][b"name"] = "x"
    data["elements"][0]["indicators"][0][3.5] = 1
    ws = cascade.load(data)
    indicator = ws.get("kota-x.rpjmd-2019:S1.I1")
    assert indicator is not None and indicator.targets == {2019: 72.5, 2020: 72.6}
    data = _plan()
    data["elements"][0]["indicators"][0]["key"] = True
    data["elements"][0]["indicators"][0]["targets"] = {True: 2, 2019: 3}
    ws = cascade.load(data)
    assert ws.get("kota-x.rpjmd-2019:S1.I1").targets == {2019: 3.0}


def test_blank_text_in_yaml_is_the_same_finding(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        'document: {id: kota-x.rpjmd-2019, kind: rpjmd, title: X, period: {start: 2019, end: 2024}, region: {code: "35.77"}}\n'
        'elements:\n  - {id: S1, kind: sasaran, name: ""}\n', encoding="utf-8")
    ws = cascade.load(str(tmp_path))
    assert [(f.code, f.line, f.column, f.message) for f in ws.findings if f.code < "CAS2"] == [
        ("CAS101", 3, 35, "required field 'name' is empty")]
