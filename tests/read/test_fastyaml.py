"""The line scanner (cascade.read.fastyaml) against the event stream it stands in for.

The contract: ``parse_plain(text, limits)`` either declines or returns exactly what
``loader._construct_lean(text, limits)`` returns, with the same types at every level and the same
key order; wherever ``_construct_lean`` restarts (a finding) or the parser fails, ``parse_plain`` must have
declined. :func:`same` checks that on every input here: the shipped YAML files, every case of the
YAML test suite (valid and invalid), a generated workspace (where nothing may be declined),
documents dumped by PyYAML from generated data, and a seeded mutation fuzzer. The real files are
also checked with PyYAML's pure-Python parser, the loader's fallback where libyaml is missing.

Every text is also given to the positions scanner (cascade.read.fastpositions): it declines or
gives exactly the spans of ``loader._positions`` (:func:`same_fast_positions`).
"""

from __future__ import annotations

import contextlib
import os
import random
from pathlib import Path
from typing import Any, Iterator
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cascade.core import sourcemap
from cascade.read import loader
from cascade.read.fastpositions import positions_plain
from cascade.read.fastyaml import DECLINE, _Scan, parse_plain
from cascade.read.loader import DEFAULT_LIMITS, Limits, Text, load_text

REPO = Path(__file__).resolve().parents[2]
#: ``shared/yaml-test-suite`` beside the checkout, or beside a folder holding it (git worktrees).
SUITE = next(
    (d / "shared" / "yaml-test-suite" / "cases" for d in REPO.parents if (d / "shared" / "yaml-test-suite").is_dir()),
    REPO.parent / "shared" / "yaml-test-suite" / "cases",
)
CASES = sorted(SUITE.glob("*.yaml")) if SUITE.is_dir() else []
#: Why the suite's test skips, and where the suite comes from.
SUITE_MISSING = (
    f"the YAML test suite is not at {SUITE}: it comes from ../shared/yaml-test-suite beside the checkout "
    "(one file per case of https://github.com/yaml/yaml-test-suite, MIT licence; *.error.yaml are the invalid ones)"
)
#: ``CASCADE_HYPOTHESIS_EXAMPLES`` sets the number of examples per property (default 300).
EXAMPLES = int(os.environ.get("CASCADE_HYPOTHESIS_EXAMPLES", "300"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

_RESTART = object()


def repo_yaml_files() -> list[Path]:
    found: list[Path] = []
    for folder in ("specs", "examples", "tests/fixtures", "tests/hostile"):
        found += sorted(p for p in (REPO / folder).rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    return found


#: The text ``load_bytes`` would pass on (UTF-8, no leading BOM), or None.
as_text = loader._text_of


@contextlib.contextmanager
def parser(pure_python: bool) -> Iterator[None]:
    with mock.patch.object(loader, "_CParser", None) if pure_python else contextlib.nullcontext():
        yield


def lean(text: str, limits: Limits) -> Any:
    try:
        return loader._construct_lean(text, limits)
    except loader._Restart:
        return _RESTART
    except Exception:  # not a YAMLError: libyaml cannot even encode the text (a lone surrogate)
        return _RESTART


def assert_identical(got: Any, want: Any, where: str = "") -> None:
    """Equal values, the same type for every node and key, and the same key order."""
    assert type(got) is type(want), f"{where or '/'}: {type(got).__name__} {got!r} != {type(want).__name__} {want!r}"
    if isinstance(want, dict):
        assert list(got) == list(want), f"{where or '/'}: keys {list(got)!r} != {list(want)!r}"
        for (gk, gv), (wk, wv) in zip(got.items(), want.items()):
            assert type(gk) is type(wk), f"{where}/{wk}: key type {type(gk).__name__} != {type(wk).__name__}"
            assert_identical(gv, wv, f"{where}/{wk}")
    elif isinstance(want, list):
        assert len(got) == len(want), f"{where or '/'}: {len(got)} items != {len(want)}"
        for i, (g, w) in enumerate(zip(got, want)):
            assert_identical(g, w, f"{where}/{i}")
    else:
        assert got == want, f"{where or '/'}: {got!r} != {want!r}"


def same(text: str, limits: Limits = DEFAULT_LIMITS, pure_python: bool = False) -> bool:
    """Check the contract on ``text``; True when ``parse_plain`` read it, False when it declined.

    The positions scanner's contract is checked on the same text (:func:`same_fast_positions`)."""
    same_fast_positions(text, limits, pure_python)
    got = parse_plain(text, limits)
    with parser(pure_python):
        want = lean(text, limits)
    if got is DECLINE:
        return False
    assert want is not _RESTART, f"parse_plain read a text the event stream restarts on:\n{text!r}\n-> {got!r}"
    assert_identical(got, want)
    same_positions(text, limits, pure_python)
    return True


#: How many texts ``positions_plain`` read and declined in this test run (tests assert it reads).
FAST_POSITIONS = {"read": 0, "declined": 0}


def same_fast_positions(text: str, limits: Limits, pure_python: bool = False) -> bool:
    """``positions_plain`` declines ``text`` or gives exactly the spans ``loader._positions`` gives
    (which it stands in for), and declines wherever that pass restarts or the parser fails.

    The spans are libyaml's, always: the pure-Python parser (the loader's fallback where libyaml
    is missing) ends a last line without a line break elsewhere, and the loader then does not use
    the scanner (``test_the_pure_python_parser_keeps_its_own_positions``)."""
    got = positions_plain(text, limits)
    if got is DECLINE:
        FAST_POSITIONS["declined"] += 1
        return False
    with contextlib.nullcontext():
        try:
            want = loader._positions(text, limits)
        except Exception as exc:  # noqa: BLE001 - _Restart, or a text the parser cannot even read
            raise AssertionError(f"positions_plain read a text the event stream does not ({exc!r}):\n{text!r}") from None
    assert got == want, text
    FAST_POSITIONS["read"] += 1
    return True


def same_positions(text: str, limits: Limits, pure_python: bool = False) -> None:
    """The spans-only pass (what a file's first finding pays for) gives every span the full pass records."""
    with parser(pure_python):
        _, findings, values, keys = loader._construct(text, "f.yaml", limits)
        try:
            fast_values, fast_keys = loader._positions(text, limits)
        except loader._Restart:
            return
    assert not findings, text
    as_spans = lambda spans: {p: sourcemap._span(s) for p, s in spans.items()}  # noqa: E731
    assert as_spans(fast_values) == values, text
    assert as_spans(fast_keys) == keys, text


# --------------------------------------------------------------------------- the subset, by example

#: Texts the scanner must read (not decline), each checked against the event stream.
SUPPORTED = [
    "",
    "# only a comment\n\n",
    "---\n",
    "# a comment first\n--- # and one here\na: 1\n",
    "a: 1\nb: x y  z\nc:\nd: ~\ne: null\nf: Null\ng: NULL\nh: nULL\n",
    "a: 1.10\nb: 010\nc: no\nd: 35.20\ne: 2019-2024\nf: -5\ng: --x\nh: x:y\ni: b#c\nj: ---\n",
    "a: b # comment\nc: 'q' # comment\nd: \"q\"   # comment\ne: [x]  # comment\nf: # nothing\n",
    "a: 'it''s'\nb: ''\nc: \"\"\nd: ' padded '\ne: \"a # b: c\"\nf: '[x]'\n",
    'a: "\\x41\\u00e9\\U0001F600 \\t\\n\\\\ \\" \\/ \\0 \\a \\b \\v \\f \\r \\e \\N \\_ \\L \\P \\ "\n',
    "a: \u00e9t\u00e9 \u2013 \u4e2d\u6587 \U0001f600\nb: \u00a0x\u00a0\n",
    "null: 1\n",
    "'null': 1\n\"a b\": 2\n'c''d': 3\n",
    "key:\n- a\n- b\nnext: 1\n",
    "key:\n  - a\n  -\n  - - x\n    - y\n  - k: v\n    l: w\n",
    "- a:\n  - x\n  b: 1\n- c: 2\n",
    "-\n  a: 1\n- \n- # c\n  - deeper\n",
    "- - - x\n    - y\n  - z\n- w\n",
    "-   k: v\n    l: w\n",
    "a:\n    b:\n       c: 1\n    d: 2\ne: 3\n",
    "  a: 1\n  b: 2\n",
    "a: [a, \"b\", 'c', ~, null, -1, x y, rpjmn-2020:PN3, 'x, y']\nb: []\nc: [ ]\nd: {}\n",
    "a: {start: 2025, end: 2029}\nb: {code: \"35.77\", name: Kota Madiun}\nc: {null: 1}\nd: {'k': v}\n",
    "a: {x: [1, 2, {y: z}], w: {}}\nb: [[a], [b, [c]]]\n",
    "a: [a:b, c:d]\nb: {k: a:b}\n",
    "[a, {b: c}]\n",
    "{a: 1, b: [x, y]}\n",
    "a: 1\n\n\n# c\n   # c\nb: 2\n",
    "a: b\n   # an indented comment after a value\nc: d\n",
    "- x # c\n- 'y' # c\n- \"z\"  # c\n- [a:b, c] # c\n- {k: v}  # c\n- ~\n- null\n-   spaced\n- a:b\n- -1\n",
    "a: # comment\n  b: 1\nc: # comment\n- x\nd: #\n",
    "- a: # c\n    b: 1\n  c: [x]\n",
    "a:   \nb: 1\n",
]

#: Texts the scanner must decline: the event stream restarts on them, or they are outside the subset.
DECLINED = [
    "a: 1\na: 2\n",  # duplicate key
    "null: 1\n~: 2\n",  # two null keys
    "a: 1\n'a': 2\n",  # duplicate key, quoted
    "<<: 1\n",
    "'<<': 1\n",
    "a: &x 1\n",
    "a: *x\n",
    "a: !!str 1\n",
    "a: !tag 1\n",
    "a: 1\n---\nb: 2\n",
    "---\na: 1\n...\n",
    "%YAML 1.1\n---\na: 1\n",
    "a: |\n  text\n",
    "a: >-\n  text\n",
    "a: b\n  continued\n",
    "- a\n  b\n",
    "a:\n  just a scalar\n",
    "? a\n: b\n",
    "a: [1,\n  2]\n",
    "a:\tb\n",
    "a: b\r\nc: d\r\n",
    "a: b\x85c\n",
    "a: b\u2028c\n",
    "a: \ufeffb\n",
    "a: \x07\n",
    "a: b\x7f\n",
    "a: 'x\ud800'\n",
    'a: "\\\'"\n',  # libyaml reads \' , the pure-Python parser does not
    'a: "\\ud800"\n',
    'a: "\\x4"\n',
    'a: "\\q"\n',
    "a: -\n",
    "a: - b\n",
    "a: b: c\n",
    "a: b:\n",
    "a: %x\n",
    "a: @x\n",
    "a: `x\n",
    "a: [a, ]\n",
    "a: [a,, b]\n",
    "a: [a: b]\n",
    "a: {a:1}\n",
    "a: {a}\n",
    "a: {[a]: b}\n",
    "a: [a?b]\n",
    "a: [a #c]\n",
    "a: 'x' y\n",
    "a: 'x'#c\n",
    "a: 1\n- b\n",
    "- a\nb: 1\n",
    "a:\n    b: 1\n  c: 2\n",
    "  a: 1\nb: 2\n",
    "plain scalar document\n",
    "[a]\nb: 1\n",
    "a:b\n",
    "k" * 300 + ": v\n",
]


@pytest.fixture(params=[True, False], ids=["fast-path", "general-path"])
def fast_path(request: pytest.FixtureRequest) -> Iterator[bool]:
    """Run a test as is, and with the fast path off: the general path alone reads the same lines."""
    with contextlib.nullcontext() if request.param else mock.patch.object(_Scan, "line", lambda self, line: False):
        yield request.param


@pytest.mark.parametrize("text", SUPPORTED)
def test_the_subset_is_read(text: str, fast_path: bool) -> None:
    assert same(text), f"declined: {text!r}"
    assert same(text, pure_python=True)


@pytest.mark.parametrize("text", DECLINED)
def test_outside_the_subset_declines(text: str, fast_path: bool) -> None:
    assert parse_plain(text, DEFAULT_LIMITS) is DECLINE
    same(text)
    same(text, pure_python=True)


def test_types() -> None:
    data = parse_plain("a: x\nb: 'x'\nc: \"x\"\nd: ~\n'e': [x, 'x', ~]\n", DEFAULT_LIMITS)
    assert data == {"a": "x", "b": "x", "c": "x", "d": None, "e": ["x", "x", None]}
    assert [type(v) for v in data.values()][:4] == [str, Text, Text, type(None)]
    assert [type(k) for k in data] == [str, str, str, str, Text]
    assert [type(v) for v in data["e"]] == [str, Text, type(None)]


def test_flow_values_are_not_shared() -> None:
    """A flow collection read once per scan is copied for each line it is on."""
    data = parse_plain("a: [x]\nb: [x]\nc: {k: v}\nd: {k: v}\n", DEFAULT_LIMITS)
    assert data["a"] == data["b"] and data["a"] is not data["b"] and data["c"] is not data["d"]


# --------------------------------------------------------------------------- limits


def nested(depth: int, flow_tail: bool = False) -> str:
    lines = [" " * (2 * i) + "k:" for i in range(depth - 1)]
    lines.append(" " * (2 * (depth - 1)) + ("k: [x]" if flow_tail else "k: v"))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("flow_tail", [False, True])
def test_depth_declines_before_the_loader_limit(flow_tail: bool) -> None:
    for max_depth in (1, 2, 3, 5, 8):
        limits = Limits(max_depth=max_depth)
        for depth in range(1, max_depth + 3):
            text = nested(depth, flow_tail)
            read = same(text, limits)
            levels = depth + flow_tail
            assert read == (levels < max_depth), (max_depth, depth, flow_tail)
    text = "- - - - [[[[x]]]]\n"
    for max_depth in range(1, 12):
        same(text, Limits(max_depth=max_depth))


def test_events_decline_at_half_the_node_limit() -> None:
    text = "".join(f"k{i}: [a, b]\n" for i in range(50)) + "- x\n" * 0
    events = 3 + 2 + 50 * (1 + 2 + 2)  # stream, document, the mapping, 50 x (key, flow, 2 items)
    assert same(text, Limits(max_nodes=2 * events))
    assert parse_plain(text, Limits(max_nodes=2 * events - 1)) is DECLINE
    for max_nodes in range(1, 2 * events + 2, 7):
        same(text, Limits(max_nodes=max_nodes))


@pytest.mark.parametrize("long_line", ["b: " + "x" * 78, "# " + "x" * 79, " " * 81, "- x\n" + "y" * 81, "c: [" + "x" * 77 + "]"])
def test_a_line_over_the_limit_declines(long_line: str) -> None:
    """``load_text`` looks for a line over ``max_line_length`` only in a text the scanner declined."""
    limits = Limits(max_line_length=80)
    text = "a: 1\n" + long_line + "\n"
    assert parse_plain(text, limits) is DECLINE
    assert [(f.code, f.variant) for f in load_text(text, "l.yaml", limits).findings] == [("CAS005", "line")]
    assert same("a: 1\nb: " + "x" * 77 + "\n", limits)


# --------------------------------------------------------------------------- real files


@pytest.mark.parametrize("pure_python", [False, True], ids=["libyaml", "pure-python"])
def test_repository_files(pure_python: bool, fast_path: bool) -> None:
    files = repo_yaml_files()
    assert len(files) > 100
    read = 0
    for path in files:
        text = as_text(path.read_bytes())
        if text is not None:
            read += same(text, pure_python=pure_python)
    assert read > 0.8 * len(files)


def test_shipped_specs_are_never_declined() -> None:
    specs = sorted((REPO / "specs").rglob("*.yaml"))
    assert specs
    for path in specs:
        assert same(path.read_text(encoding="utf-8")), path


def test_load_text_gives_what_the_event_stream_gives() -> None:
    """Data, findings and positions of ``load_text`` with the scanner are those without it."""
    for path in [p for p in repo_yaml_files() if p.is_relative_to(REPO / "specs") or p.is_relative_to(REPO / "examples")]:
        text = as_text(path.read_bytes())
        if text is None:
            continue
        fast = load_text(text, str(path))
        with mock.patch.object(loader, "parse_plain", lambda text, limits: DECLINE):
            slow = load_text(text, str(path))
        assert_identical(fast.data, slow.data, str(path))
        assert fast.findings == slow.findings
        assert fast.sourcemap.spans() == slow.sourcemap.spans()
        assert fast.sourcemap._keys == slow.sourcemap._keys


@pytest.mark.skipif(not CASES, reason=SUITE_MISSING)
@pytest.mark.parametrize("pure_python", [False, True], ids=["libyaml", "pure-python"])
def test_yaml_test_suite(pure_python: bool) -> None:
    """Every case, the invalid ones too: a case is read exactly as the event stream reads it, or declined."""
    assert len(CASES) == 402
    read = 0
    positions_before = FAST_POSITIONS["read"]
    for path in CASES:
        text = as_text(path.read_bytes())
        if text is not None:
            read += same(text, pure_python=pure_python)
    assert read >= 20  # the plain cases are read, not all declined
    assert FAST_POSITIONS["read"] - positions_before >= 20  # by the positions scanner too


def test_generated_workspace_is_never_declined(tmp_path: Path, fast_path: bool) -> None:
    from benchmarks.generate import generate_workspace

    generate_workspace(tmp_path, elements=2000)
    files = sorted(tmp_path.rglob("*.yaml"))
    assert len(files) > 5
    for path in files:
        assert same(path.read_text(encoding="utf-8")), path


# --------------------------------------------------------------------------- generated documents

WORD = "abcxyzABZ019_"
NASTY = [
    ": ", " #", "#", "-", "- ", "-x", "--", "---", "...", "'", "''", '"', "\\", "\\n", "null", "Null", "NULL",
    "~", "yes", "no", "1.10", "010", "", " ", " x ", "x ", "[", "]", "{", "}", ",", "?", ":", "x:", ":x",
    "a: b", "a:b", "*a", "&a", "!a", "%", "@", "`", "|", ">", "<<", "\u00e9", "\u2013", "\u4e2d", "\U0001f600",
    "\u00a0", "\x85", "\u2028", "\ufeff", "\t", "\n", "\r", "\x07", "x" * 90, "a b " * 30,
]
scalar_text = st.one_of(
    st.sampled_from(NASTY),
    st.lists(st.sampled_from(NASTY), max_size=4).map("".join),
    st.builds(lambda a, b: a + b, st.sampled_from(WORD), st.text(WORD + " ._:/-", max_size=15)),
    st.text(max_size=8),
)
leaf = st.one_of(scalar_text, st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False))
tree = st.recursive(
    leaf,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(scalar_text, children, max_size=4)
    ),
    max_leaves=24,
)
dump_options = st.fixed_dictionaries(
    {
        "default_flow_style": st.sampled_from([False, True, None]),
        "width": st.sampled_from([20, 80, 10_000]),
        "allow_unicode": st.booleans(),
        "indent": st.sampled_from([2, 4]),
        "explicit_start": st.booleans(),
        "sort_keys": st.booleans(),
    }
)


@SETTINGS
@given(st.one_of(st.dictionaries(scalar_text, tree, max_size=6), st.lists(tree, max_size=6), tree), dump_options)
def test_dumped_documents(data: Any, options: dict) -> None:
    event("read" if same(yaml.safe_dump(data, **options)) else "declined")


plain_word = st.builds(lambda a, b: a + b, st.sampled_from(WORD), st.text(WORD + ".-", max_size=10))
words = st.lists(st.text(WORD, min_size=1, max_size=8), min_size=1, max_size=5).map(" ".join)
plan_like = st.recursive(
    st.one_of(plain_word, words),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(plain_word, children, max_size=4)),
    max_leaves=30,
)


@SETTINGS
@given(st.dictionaries(plain_word, plan_like, min_size=1, max_size=5), st.sampled_from([False, None]), st.booleans())
def test_plan_like_documents_are_read(data: dict, flow: bool | None, explicit_start: bool) -> None:
    """Documents in the style of plan files: the scanner reads all of them (but for content on the
    `---` line, `--- {a: b}`, which it declines)."""
    text = yaml.safe_dump(data, default_flow_style=flow, width=10_000, explicit_start=explicit_start)
    assert same(text) or text.startswith("--- "), text


# --------------------------------------------------------------------------- mutation fuzzer

INSERTS = list(":#-'\"[]{},&*!|> \t\n") + [": ", " #", "- ", "  "]


def mutate(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    kind = rng.randrange(6)
    if kind == 0 and text:  # delete a character
        i = rng.randrange(len(text))
        return text[:i] + text[i + 1 :]
    if kind == 1:  # insert an indicator, a space, a tab or a line break
        i = rng.randrange(len(text) + 1)
        return text[:i] + rng.choice(INSERTS) + text[i:]
    if kind == 2:  # duplicate a line
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    elif kind == 3:  # change an indentation
        i = rng.randrange(len(lines))
        stripped = lines[i].lstrip(" ")
        lines[i] = " " * max(0, len(lines[i]) - len(stripped) + rng.choice((-2, -1, 1, 2))) + stripped
    elif kind == 4:  # swap two lines
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    else:  # delete a line
        del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


def indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def windows(rng: random.Random, texts: list[str], count: int) -> Iterator[str]:
    """Windows of up to 40 lines of the seed texts: from a line to before the first line indented
    less (a whole node, mostly), dedented by the indentation of their first line."""
    for _ in range(count):
        lines = rng.choice(texts).split("\n")
        start = rng.randrange(len(lines))
        cut = indentation(lines[start])
        window = [lines[start][cut:]]
        for line in lines[start + 1 : start + 40]:
            stripped = line.lstrip(" ")
            if stripped and not stripped.startswith("#") and indentation(line) < cut:
                break
            window.append(line[min(cut, indentation(line)) :])
        yield "\n".join(window)


def test_mutation_fuzzer(tmp_path: Path) -> None:
    from benchmarks.generate import generate_workspace

    generate_workspace(tmp_path, elements=300, seed=3)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "specs").rglob("*.yaml"))]
    seeds += [p.read_text(encoding="utf-8") for p in sorted(tmp_path.rglob("*.yaml"))]
    rng = random.Random(20250101)
    mutants = read = 0
    positions_before = FAST_POSITIONS["read"]
    for window in windows(rng, seeds, 4000):
        text = window
        for _ in range(rng.randint(1, 3)):
            text = mutate(rng, text)
        mutants += 1
        read += same(text)
    small_files = [s for s in seeds if len(s) < 30_000]
    for _ in range(60):  # whole files too: the root, `---` and the end of a file
        text = mutate(rng, rng.choice(small_files))
        mutants += 1
        read += same(text)
    assert mutants == 4060
    print(f"mutants: {mutants}, read by the scanner: {read}")
    assert read > mutants // 4  # most mutants keep to the subset: the fuzzer tests the scanner, not only declines
    positions_read = FAST_POSITIONS["read"] - positions_before
    print(f"read by the positions scanner: {positions_read}")
    assert positions_read > mutants // 4  # the positions scanner too


# --------------------------------------------------------------------------- the positions scanner


def test_the_positions_scanner_reads_what_the_data_scanner_reads() -> None:
    """The texts of the subset get their spans from the scanner, not from the event stream."""
    read = [text for text in SUPPORTED if positions_plain(text, DEFAULT_LIMITS) is not DECLINE]
    # declined: no content at all, and the documents that are one flow collection
    assert sorted(set(SUPPORTED) - set(read)) == ["", "# only a comment\n\n", "---\n", "[a, {b: c}]\n", "{a: 1, b: [x, y]}\n"]
    for text in SUPPORTED:
        same_fast_positions(text, DEFAULT_LIMITS)
    for text in DECLINED:
        assert positions_plain(text, DEFAULT_LIMITS) is DECLINE or not same_positions_differ(text), text


def same_positions_differ(text: str) -> bool:
    """Whether ``_positions`` fails on ``text`` (a text the scanner must then have declined)."""
    try:
        loader._positions(text, DEFAULT_LIMITS)
    except Exception:  # noqa: BLE001
        return True
    return False


@pytest.mark.parametrize(
    ("text", "values", "keys"),
    [
        # a last line without a line break: libyaml ends the stream at column 0 of the line after it
        ("a: 1\nb: x", {("a",): (0, 3, 0, 4), ("b",): (1, 3, 1, 4), (): (0, 0, 2, 0)},
         {("a",): (0, 0, 0, 1), ("b",): (1, 0, 1, 1)}),
        # empty values end after their `:` or `-`; a block collection ends where the next shallower token starts
        ("k:\n- x\n-\n  # c\nm:   # c\nn: 1\n",
         {("k", 0): (1, 2, 1, 3), ("k", 1): (2, 1, 2, 1), ("k",): (1, 0, 4, 0), ("m",): (4, 2, 4, 2),
          ("n",): (5, 3, 5, 4), (): (0, 0, 6, 0)},
         {("k",): (0, 0, 0, 1), ("m",): (4, 0, 4, 1), ("n",): (5, 0, 5, 1)}),
        # compact forms, quotes, a nested flow collection with a key
        ("- - a\n  - 'it''s'\n- k: [x, {y: \"z\"}]  # c\n",
         {(0, 0): (0, 4, 0, 5), (0, 1): (1, 4, 1, 11), (0,): (0, 2, 2, 0), (1, "k", 0): (2, 6, 2, 7),
          (1, "k", 1, "y"): (2, 13, 2, 16), (1, "k", 1): (2, 9, 2, 17), (1, "k"): (2, 5, 2, 18), (1,): (2, 2, 3, 0),
          (): (0, 0, 3, 0)},
         {(1, "k"): (2, 2, 2, 3), (1, "k", 1, "y"): (2, 10, 2, 11)}),
    ],
    ids=["no-final-line-break", "empty-values-and-ends", "compact-quoted-flow"],
)
def test_positions_by_example(text: str, values: dict, keys: dict) -> None:
    assert positions_plain(text, DEFAULT_LIMITS) == (values, keys)
    assert loader._positions(text, DEFAULT_LIMITS) == (values, keys)


def test_the_loader_takes_the_scanners_spans_with_libyaml_only() -> None:
    text = "a: 1\nb: [x, y]\n"
    calls = []

    def counting(text: str, limits: Limits) -> Any:
        calls.append(text)
        return positions_plain(text, limits)

    with mock.patch.object(loader, "positions_plain", counting):
        assert load_text(text, "a.yaml").sourcemap.value(("b", 1)) == sourcemap.Span(2, 8, 2, 9)
        assert calls == [text]
        with parser(pure_python=True):  # the pure-Python parser's own spans: the scanner is not asked
            assert load_text(text, "a.yaml").sourcemap.value(("b", 1)) == sourcemap.Span(2, 8, 2, 9)
        assert calls == [text]

