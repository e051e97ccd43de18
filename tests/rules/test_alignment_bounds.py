"""CAS401 walks upward within bounds (32 links): beyond them a walk is inconclusive and reports nothing."""

from __future__ import annotations

import pytest

import cascade


def chain(length: int) -> dict:
    """A renstra whose sasaran C0 reaches C<length-1> through crosscuts; C0's indicator supports X's."""
    elements = [
        {"id": f"C{i}", "kind": "sasaran", "name": f"Sasaran {i}", **({"crosscuts": [f"C{i + 1}"]} if i + 1 < length else {})}
        for i in range(length)
    ]
    elements[0]["indicators"] = [{"id": "C0.I1", "name": "Angka Harapan Hidup", "unit": "tahun", "supports": ["X.I1"]}]
    elements.append({"id": "X", "kind": "sasaran", "name": "Sasaran lain",
                     "indicators": [{"id": "X.I1", "name": "Angka Harapan Hidup", "unit": "tahun"}]})
    return {
        "document": {"id": "dinkes-madiun.renstra-2019", "kind": "renstra", "title": "Renstra Dinas Kesehatan",
                     "period": {"start": 2020, "end": 2024}, "region": {"code": "35.77"}, "agency": {"name": "Dinas Kesehatan"}},
        "elements": elements,
    }


@pytest.mark.parametrize(("length", "found"), [(10, 1), (33, 1), (34, 0), (5000, 0)])
def test_upward_walk_bound(length: int, found: int) -> None:
    report = cascade.load(chain(length)).validate(select=["CAS401"])
    assert [(f.ref, f.pointer) for f in report] == [("dinkes-madiun.renstra-2019:C0.I1", "/elements/0/indicators/0/supports/0")] * found
