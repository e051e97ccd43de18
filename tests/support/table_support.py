"""Small plan tables for the workbook tests: an IKU and a realisasi sidecar, a one-sheet workbook writer,
and a workbook whose XML parts a test rewrites."""

from __future__ import annotations

import zipfile
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

#: The sidecar of an illustrative realisasi table for :data:`IKU_SIDECAR`'s plan (``layout: realisasi``).
REALISASI_SIDECAR = """document:
  id: contoh.realisasi-2024
  kind: realisasi
  for: contoh.iku-2024
layout: realisasi
year: 2024
"""

#: The worksheet part of a workbook written by :func:`write_sheet`.
SHEET = "xl/worksheets/sheet1.xml"


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


def rewritten_workbook(path: Path, edit=lambda xml: xml, part: str = SHEET, extra: dict[str, bytes] | None = None) -> None:
    """A small IKU workbook at ``path`` whose ``part`` (the sheet XML) is ``edit(xml)``, with the
    ``extra`` parts added: how the hostile-workbook tests write what openpyxl would never write."""
    plain = path.with_name("plain.xlsx")
    write_sheet(plain, [["Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target 2024"], ["s", "i", "%", 1]])
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, edit(data) if item.filename == part else data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    plain.unlink()
