"""Findings of the graph builder whose message arguments share names with the builder's own."""

from __future__ import annotations

import cascade


def test_duplicate_local_id_is_a_finding_not_a_traceback() -> None:
    # the CAS201 message takes a 'doc' argument; it once collided with the builder's parameter
    doc = {
        "document": {"id": "klaten.dinsos.renstra-2025", "kind": "renstra", "title": "Renstra Dinas Sosial",
                     "period": {"start": "2025", "end": "2029"}, "region": {"code": "33.10"}, "agency": {"name": "Dinas Sosial"}},
        "elements": [
            {"id": "S1", "kind": "sasaran", "name": "Meningkatnya rehabilitasi sosial bagi PPKS"},
            {"id": "S1", "kind": "sasaran", "name": "Meningkatnya perlindungan sosial"},
        ],
    }
    report = cascade.load(doc).validate(select=["duplicate-id"])
    assert [(f.code, f.ref, f.pointer, f.message) for f in report] == [
        ("CAS201", "klaten.dinsos.renstra-2025:S1", "/elements/1/id",
         "id 'S1' is used twice in klaten.dinsos.renstra-2025; the second is left out"),
    ]


def _renstra(elements: list, organization: list | None = None) -> dict:
    doc = {
        "document": {"id": "klaten.dinsos.renstra-2025", "kind": "renstra", "title": "Renstra Dinas Sosial",
                     "period": {"start": "2025", "end": "2029"}, "region": {"code": "33.10"},
                     "agency": {"name": "Dinas Sosial"}},
        "elements": elements,
    }
    if organization is not None:
        doc["organization"] = organization
    return doc


def test_a_repeated_indicator_id_keeps_the_first_and_the_second_adds_nothing() -> None:
    """The second indicator of a repeated id is left out whole: no node, no edge, no finding of its links."""
    ws = cascade.load(_renstra([
        {"id": "T1", "kind": "tujuan", "name": "Meningkatnya kesejahteraan sosial", "indicators": [
            {"id": "T1.I1", "name": "Persentase PPKS yang tertangani", "unit": "%"},
            {"id": "T1.I1", "name": "Indeks kepuasan", "unit": "indeks", "supports": ["T9.I9", "absent-doc:X"]},
        ]},
    ]))
    node = "klaten.dinsos.renstra-2025:T1.I1"
    assert ws.get(node).name == "Persentase PPKS yang tertangani"
    assert [(u, v) for u, v in ws.graph.out_edges(node)] == [(node, "klaten.dinsos.renstra-2025:T1")]
    assert "external" not in ws.graph.nodes[node]
    assert [(f.code, f.ref, f.pointer, f.message) for f in ws.findings] == [
        ("CAS201", node, "/elements/0/indicators/1/id",
         "id 'T1.I1' is used twice in klaten.dinsos.renstra-2025; the second is left out"),
    ]


def test_a_repeated_unit_id_keeps_the_first_and_the_second_adds_nothing() -> None:
    ws = cascade.load(_renstra(
        [{"id": "T1", "kind": "tujuan", "name": "Meningkatnya kesejahteraan sosial", "owner": "KADIS"}],
        [{"id": "KADIS", "name": "Kepala Dinas Sosial"},
         {"id": "KADIS", "name": "Sekretariat", "parent": "NOWHERE"}],
    ))
    unit = "klaten.dinsos.renstra-2025#KADIS"
    assert ws.get(unit).name == "Kepala Dinas Sosial"
    assert list(ws.graph.out_edges(unit)) == []  # the second's parent adds no edge
    assert [(f.code, f.ref, f.pointer) for f in ws.findings] == [("CAS201", unit, "/organization/1/id")]
