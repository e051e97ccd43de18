"""Small plan tables for the workbook tests: an IKU sidecar and a one-sheet workbook writer."""

from __future__ import annotations

from pathlib import Path

#: The sidecar of an illustrative IKU table (the ``iku`` layout preset).
IKU_SIDECAR = """document:
  id: contoh.iku-2024
  kind: renstra
  title: IKU contoh (illustrative)
  period: {start: 2024, end: 2025}
  region: {code: "75.01", name: Kabupaten Boalemo}
  agency: {code: "1.02.0.00.0.00.01.0000", name: Dinas Kesehatan}
layout: iku
"""


def write_sheet(path: Path, rows: list[list], merges: list[str] = ()) -> None:
    """A workbook at ``path`` with one sheet ``IKU`` holding ``rows`` and the merged ranges ``merges``."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "IKU"
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
