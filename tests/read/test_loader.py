"""The loader: text-first scalars, exact positions, structural findings."""

from __future__ import annotations

import pytest

from cascade.core.findings import Span
from cascade.read.loader import Limits, Text, load_bytes, load_text, read_file

DOC = """\
document:
  id: kota-madiun.rpjmd-2019
  kind: rpjmd
  period: {start: 2019, end: 2024}
elements:
  - id: S1
    code: 1.10
    flags: [no, "010", 010, ~, '', null]
    name: >
      Meningkatnya derajat
      kesehatan
"""


def test_scalars_stay_text_and_quoted_ones_are_marked() -> None:
    data = load_text(DOC, "a.yaml").data
    element = data["elements"][0]
    assert element["code"] == "1.10" and type(element["code"]) is str
    assert element["flags"] == ["no", "010", "010", None, "", None]
    assert [type(v) for v in element["flags"]] == [str, Text, str, type(None), Text, type(None)]
    assert type(element["name"]) is Text
    assert data["document"]["period"] == {"start": "2019", "end": "2024"}


def test_positions_of_keys_values_and_list_items() -> None:
    sm = load_text(DOC, "a.yaml").sourcemap
    assert sm.value(("document", "id")) == Span(2, 7, 2, 29)
    assert sm.key(("document", "id")) == Span(2, 3, 2, 5)
    assert sm.value(("document", "period", "end")) == Span(4, 30, 4, 34)
    assert sm.value(("elements", 0)) == Span(6, 5, 12, 1)
    assert sm.value(("elements", 0, "flags", 2)) == Span(8, 24, 8, 27)
    assert sm.value(("elements", 0, "name")).line == 9
    # a path that does not exist falls back to its nearest ancestor
    assert sm.value(("elements", 0, "indicators", 3)) == sm.value(("elements", 0))


def test_lean_and_recording_passes_agree() -> None:
    lean = load_text(DOC, "a.yaml")
    recorded = load_text(DOC + "  - id: S1\n    id: S2\n", "a.yaml")  # a duplicate key forces positions
    assert recorded.data["elements"][0] == lean.data["elements"][0]
    assert [f.code for f in recorded.findings] == ["CAS002"]


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("a: [1, 2\n", "CAS001", 2, 1),
        ("a: 1\na: 2\n", "CAS002", 2, 1),
        ("a: &x 1\nb: *x\n", "CAS003", 1, 4),
        ("a: {<<: {b: 1}}\n", "CAS003", 1, 5),
        ("a: !!python/object/apply:os.system [ls]\n", "CAS004", 1, 4),
        ("a: 1\n---\nb: 2\n", "CAS001", 2, 1),
        ("a: \x00\n", "CAS001", 1, 4),
        ("? [a]\n: 1\n", "CAS001", 1, 3),
    ],
)
def test_structural_findings_have_positions(text: str, code: str, line: int, column: int) -> None:
    findings = load_text(text, "x.yaml").findings
    assert (findings[0].code, findings[0].line, findings[0].column) == (code, line, column)
    assert findings[0].file == "x.yaml"


def test_duplicate_key_keeps_first_and_names_its_line() -> None:
    loaded = load_text("a: 1\nb: 2\na: 3\n", "x.yaml")
    assert loaded.data == {"a": "1", "b": "2"}
    assert loaded.findings[0].message == "duplicate key 'a' (first at line 1); the first value is kept"


def test_alias_bomb_is_not_expanded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    loaded = load_text("\n".join(lines) + "\n", "bomb.yaml")
    assert loaded.data["i"] == [None] * 9
    assert {f.code for f in loaded.findings} == {"CAS003"}


def test_limits() -> None:
    deep = "a: " + "[" * 60 + "]" * 60 + "\n"
    assert [(f.code, f.variant) for f in load_text(deep, "d.yaml").findings] == [("CAS005", "depth")]
    small = Limits(max_file_bytes=10, max_line_length=8, max_nodes=10)
    assert load_bytes(b"a: 123456789012\n", "s.yaml", small).findings[0].variant == "size"
    assert load_text("abcdefgh: 1\n", "l.yaml", small).findings[0].variant == "line"
    assert load_text("- 1\n- 2\n- 3\n- 4\n- 5\n- 6\n- 7\n- 8\n- 9\n", "n.yaml", small).findings[0].variant == "nodes"


def test_encoding_and_bom_and_crlf() -> None:
    bad = load_bytes(b"a: 1\nb: caf\xe9\n", "latin1.yaml")
    f = bad.findings[0]
    assert (f.code, f.variant, f.line, f.column) == ("CAS005", "encoding", 2, 7)
    bom = load_bytes("\ufeffa: 1\r\nb: 2\r\n".encode(), "bom.yaml")
    assert bom.data == {"a": "1", "b": "2"} and bom.findings == []
    assert bom.sourcemap.value(("b",)) == Span(2, 4, 2, 5)


def test_empty_file_has_no_data() -> None:
    assert load_text("", "e.yaml").data is None
    assert load_text("# only a comment\n", "e.yaml").data is None


def test_unquoted_percent_gets_a_fix() -> None:
    f = load_text("indicators:\n  - unit: %\n", "x.yaml").findings[0]
    assert (f.code, f.line, f.column) == ("CAS001", 2, 11)
    assert f.message == "a value cannot start with '%' unquoted; write it in quotes, e.g. unit: \"%\""


def test_a_lone_surrogate_in_text_from_python_is_a_finding_not_a_traceback() -> None:
    # load_bytes cannot produce one (invalid UTF-8 is reported on reading); a str built in Python can
    loaded = load_text("a: 1\nb: x\ud800\n", "x.yaml")
    assert loaded.data is None
    assert [(f.code, f.line, f.column, f.message) for f in loaded.findings] == [
        ("CAS001", 2, 5, "character #xd800 is not allowed in YAML")
    ]


def test_anchors_aliases_and_tags_point_at_their_own_node() -> None:
    """The pointer of a CAS003/CAS004 finding names the node written with it, in a mapping or a list."""
    text = "x: &a 1\ny: *a\nz:\n  - *a\n  - !!str q\n"
    found = [(f.code, f.variant, f.line, f.column, f.pointer) for f in load_text(text, "x.yaml").findings]
    assert found == [
        ("CAS003", "anchor", 1, 4, "/x"),
        ("CAS003", "alias", 2, 4, "/y"),
        ("CAS003", "alias", 4, 5, "/z/0"),
        ("CAS004", "default", 5, 5, "/z/1"),
    ]


def test_a_document_that_is_only_an_alias_is_one_finding_and_no_data() -> None:
    loaded = load_text("*a\n", "only.yaml")
    assert loaded.data is None
    assert [(f.code, f.variant, f.line, f.column, f.pointer, f.message) for f in loaded.findings] == [
        ("CAS003", "alias", 1, 1, "", "alias '*a' is not allowed and is not expanded: write the value out"),
    ]


def test_the_text_of_a_file_with_a_byte_order_mark_starts_after_it(tmp_path) -> None:
    """Positions count from the first character after the BOM, and the text reporters quote has no BOM."""
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\nb: [\n")
    loaded = read_file(str(path), "bom.yaml")
    assert loaded.text == "a: 1\nb: [\n"
    assert [(f.code, f.line, f.column) for f in loaded.findings] == [("CAS001", 3, 1)]
