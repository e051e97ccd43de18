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
