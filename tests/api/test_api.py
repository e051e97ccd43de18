"""The public API: load from files and dicts, the graph, findings, the CLI contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cascade
from cascade.cli.commands import main

RPJMN = {
    "document": {"id": "rpjmn-2020", "kind": "rpjmn", "title": "RPJMN 2020-2024", "period": {"start": 2020, "end": 2024}},
    "elements": [
        {
            "id": "PN3",
            "kind": "prioritas_nasional",
            "name": "Meningkatkan Sumber Daya Manusia Berkualitas dan Berdaya Saing",
            "indicators": [{"id": "PN3.I1", "name": "IPM", "type": "impact", "unit": "indeks", "targets": {2024: 75.54}}],
        }
    ],
}
RPJMD = {
    "document": {
        "id": "kota-madiun.rpjmd-2019", "kind": "rpjmd", "title": "RPJMD Kota Madiun 2019-2024",
        "period": {"start": 2019, "end": 2024}, "region": {"code": "35.77", "name": "Kota Madiun"},
        "aligns_to": ["rpjmn-2020"],
    },
    "elements": [
        {"id": "M1", "kind": "misi", "name": "Misi", "supports": ["rpjmn-2020:PN3"]},
        {"id": "T1", "kind": "tujuan", "name": "Tujuan", "parent": "M1",
         "indicators": [{"id": "T1.I1", "name": "IPM", "targets": {2020: 80.91, 2021: "81,25"}, "supports": ["rpjmn-2020:PN3.I1"]}]},
        {"id": "T2", "kind": "tujuan", "name": "Tujuan", "parent": "M9"},
    ],
}


def test_dicts_load_into_typed_models_and_a_graph() -> None:
    ws = cascade.load(RPJMN, RPJMD)
    assert set(ws.documents) == {"rpjmn-2020", "kota-madiun.rpjmd-2019"}
    assert ws.get("rpjmn-2020:PN3.I1").targets == {2024: 75.54}
    G = ws.graph
    assert G.nodes["kota-madiun.rpjmd-2019:T1"]["type"] == "element"
    assert G.nodes["kota-madiun.rpjmd-2019"]["tier"] == 2
    assert G.edges["kota-madiun.rpjmd-2019:T1", "kota-madiun.rpjmd-2019:M1"]["type"] == "parent"
    assert G.edges["kota-madiun.rpjmd-2019:M1", "rpjmn-2020:PN3"]["type"] == "supports"
    assert G.edges["kota-madiun.rpjmd-2019:T1.I1", "rpjmn-2020:PN3.I1"]["type"] == "supports"
    assert G.edges["kota-madiun.rpjmd-2019:T1.I1", "kota-madiun.rpjmd-2019:T1"]["type"] == "indicator_of"
    assert G.edges["kota-madiun.rpjmd-2019", "rpjmn-2020"]["type"] == "aligns_to"


def test_dict_findings_carry_json_pointers() -> None:
    report = cascade.load(RPJMN, RPJMD).validate(select=["CAS1", "CAS2"])
    got = [(f.code, f.ref, f.file, f.pointer, f.line) for f in report]
    assert ("CAS103", "kota-madiun.rpjmd-2019:T1.I1", "<input 2>", "/elements/1/indicators/0/targets/2021", None) in got
    assert ("CAS202", "kota-madiun.rpjmd-2019:T2", "<input 2>", "/elements/2/parent", None) in got
    # strings from dicts were never YAML scalars: no ambiguous-scalar warnings
    assert not cascade.load(RPJMN, RPJMD).validate(select=["CAS006"]).findings


def test_external_references_are_not_reported() -> None:
    report = cascade.load(RPJMD).validate(select=["CAS202"])
    assert [f.pointer for f in report] == ["/elements/2/parent"]
    assert cascade.load(RPJMD).graph.nodes["kota-madiun.rpjmd-2019:M1"]["external"] == (("supports", "rpjmn-2020:PN3"),)


def test_misuse_raises_usage_error_only() -> None:
    with pytest.raises(cascade.UsageError):
        cascade.load(42)
    with pytest.raises(TypeError):
        cascade.load(RPJMN).get(3)
    with pytest.raises(ValueError):
        cascade.load(RPJMN).validate(select=["no-such-rule"])
    # bad content is never an exception
    report = cascade.load({"document": 5}, {"elements": "x"}, {}).validate()
    assert [f.code for f in report] == ["CAS103", "CAS101", "CAS101"]


def test_findings_are_immutable_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("a: 1\na: 2\n")
    (tmp_path / "a.yaml").write_text("x: [\n")
    report = cascade.load(str(tmp_path)).validate()
    assert [(Path(f.file).name, f.line, f.code) for f in report] == [
        ("a.yaml", 2, "CAS001"), ("b.yaml", 1, "CAS101"), ("b.yaml", 1, "CAS102"), ("b.yaml", 2, "CAS002")
    ]
    with pytest.raises(Exception):
        report.findings[0].code = "X"  # type: ignore[misc]


def test_cli_text_json_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("plan").mkdir()
    Path("plan/a.yaml").write_text("document:\n  id: x\n  kind: rpjmn\n  title: X\n  period: {start: 2020, end: 2024}\n  colour: red\n")
    assert main(["lint", "plan", "--format", "json", "--lang", "en"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert list(payload) == ["version", "findings", "summary"]
    assert payload["version"] == 1
    assert list(payload["findings"][0]) == ["code", "rule", "severity", "ref", "file", "line", "column", "end_line", "end_column", "message"]
    assert payload["findings"][0]["file"] == "plan/a.yaml"
    assert payload["findings"][0]["message"] == "unknown field 'colour' (allowed: agency, aligns_to, id, kind, part_of, period, region, title, vision)"
    assert payload["summary"] == {"files": 1, "documents": 1, "elements": 0, "indicators": 0, "errors": 1, "warnings": 0, "infos": 0}
    assert main(["lint", "missing-folder"]) == 2
    Path("plan/a.yaml").write_text("document:\n  id: x\n  kind: rpjmn\n  title: X\n  period: {start: 2020, end: 2024}\n")
    capsys.readouterr()
    assert main(["lint", "plan"]) == 0


@pytest.mark.parametrize(
    ("aligns_to", "reported"),
    [("rpjmn-202", True), ("rpjnm-2020", True), ("rpjmn-2025", False), ("jateng.rpjmd-2025", False)],
)
def test_aligns_to_typos_are_told_from_absent_documents(aligns_to: str, reported: bool) -> None:
    rpjmd = {**RPJMD, "document": {**RPJMD["document"], "aligns_to": [aligns_to]}}
    found = [f.message for f in cascade.load(RPJMN, rpjmd).validate(select=["CAS202"]) if f.pointer == "/document/aligns_to/0"]
    assert bool(found) is reported
    if reported:
        assert found == [f"aligns_to '{aligns_to}' is not in the workspace; did you mean 'rpjmn-2020'?"]


def test_a_pair_linked_twice_keeps_the_tree_link() -> None:
    rpjmd = {**RPJMD, "elements": [*RPJMD["elements"][:2], {"id": "T3", "kind": "tujuan", "name": "T", "parent": "M1", "crosscuts": ["M1"]}]}
    edge = cascade.load(RPJMN, rpjmd).graph.edges["kota-madiun.rpjmd-2019:T3", "kota-madiun.rpjmd-2019:M1"]
    assert edge == {"type": "parent", "also": ("crosscuts",)}


def test_node_attributes_are_plain_dicts_that_share_their_keys() -> None:
    # memory (issue 22): each node's attribute dict keeps only its values, the keys once per node
    # type; to anyone reading or copying the graph it is an ordinary dict
    import platform
    import sys

    rpjmd = {**RPJMD, "elements": [*RPJMD["elements"], {"id": "T9", "kind": "tujuan", "name": "T", "parent": "rpjmd-lain:M1"}]}
    G = cascade.load(RPJMN, rpjmd).graph
    doc = "kota-madiun.rpjmd-2019"
    attrs = G.nodes[f"{doc}:M1"]
    assert type(attrs) is dict
    assert list(attrs) == ["type", "doc", "kind", "level", "tier", "name", "model", "path"]
    assert attrs["type"] == "element" and attrs["doc"] == doc and attrs["path"] == ("elements", 0)
    outside = G.nodes[f"{doc}:T9"]  # a reference into a document not loaded: the key added last
    assert outside["external"] == (("parent", "rpjmd-lain:M1"),)
    assert list(G.nodes[doc]) == ["type", "kind", "tier", "region", "model", "file"]
    if platform.python_implementation() == "CPython":
        assert sys.getsizeof(attrs) < sys.getsizeof(dict(attrs))
    copy = G.copy()
    copy.nodes[f"{doc}:M1"]["note"] = "mine"
    assert "note" not in attrs and copy.nodes[f"{doc}:M1"]["name"] == attrs["name"]
    attrs2 = G.nodes[f"{doc}:T9"]
    attrs2["mark"] = 1  # another key still goes in (the dict becomes one of its own)
    assert attrs2["mark"] == 1 and attrs2["name"] == "T"


def test_edges_share_one_attribute_dict_per_link_type_and_a_pair_linked_twice_has_its_own() -> None:
    # memory (issue 22): one {"type": ...} per link type instead of one per edge; the merge of a pair
    # linked twice must not edit the shared dict, or every parent edge would read "also: crosscuts"
    rpjmd = {**RPJMD, "elements": [*RPJMD["elements"][:2], {"id": "T3", "kind": "tujuan", "name": "T", "parent": "M1", "crosscuts": ["M1"]},
                                   {"id": "T4", "kind": "tujuan", "name": "U", "parent": "M1"}]}
    G = cascade.load(RPJMN, rpjmd).graph
    doc = "kota-madiun.rpjmd-2019"
    parents = [d for _, _, d in G.edges(data=True) if d["type"] == "parent"]
    plain = [d for d in parents if "also" not in d]
    assert len(plain) >= 2 and all(d is plain[0] for d in plain)
    assert G.edges[f"{doc}:T4", f"{doc}:M1"] == {"type": "parent"}
    assert G.edges[f"{doc}:T3", f"{doc}:M1"] == {"type": "parent", "also": ("crosscuts",)}
    # an edge keeps its ends as the nodes' own key objects, not second copies of the ids
    keys = {n: n for n in G.nodes}
    for u, v in G.edges:
        assert G._succ[u] is G._succ[keys[u]]
    for n, succ in G._succ.items():
        for v in succ:
            assert v is keys[v]
