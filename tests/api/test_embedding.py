"""What a web portal embedding the library relies on: dicts in, typed findings out, in a threaded
server (an outside review's findings: positions of dict input, lone surrogates, argument checks,
the collector, personal data in the views)."""

from __future__ import annotations

import json

import pytest

import cascade


def S(name: str = "Derajat kesehatan") -> dict:
    return {"document": {"id": "kota-x.rpjmd-2019", "kind": "rpjmd", "title": "X",
                         "period": {"start": 2019, "end": 2024}, "region": {"code": "35.77", "name": "X"}},
            "elements": [{"id": "S1", "kind": "sasaran", "name": name,
                          "indicators": [{"id": "S1.I1", "name": "AHH", "type": "outcome", "unit": "tahun",
                                          "polarity": "positive", "baseline": {"year": 2018, "value": 72.4},
                                          "targets": {2019: 72.5, 2020: 72.6}}]}]}


def test_a_lone_surrogate_from_a_json_payload_is_escaped_in_every_output() -> None:
    name = json.loads('"Derajat \\ud83d"')
    ws = cascade.load(S(name))
    r = ws.validate()
    cas301 = r.by_code("CAS301")[0]
    assert "'Derajat \\ud83d'" in cas301.message
    assert "'Derajat \\ud83d'" in cas301.localized("id")
    json.dumps(r.as_dict(), ensure_ascii=False).encode()
    json.dumps(r.as_dict("id"), ensure_ascii=False).encode()
    assert "Derajat \\ud83d" in ws.to_html(r).encode().decode()
    ws.to_mermaid(report=r).encode()
    ws.to_dot(report=r).encode()

