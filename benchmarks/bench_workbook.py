#!/usr/bin/env python3
"""Benchmark reading a plan table: a T-C.27 workbook of N rows (default 10,000), read and linted.

    python benchmarks/bench_workbook.py [--rows 10000] [--work DIR] [--realisasi]

Writes a renstra T-C.27 table in the layout of tests/fixtures/tables/make_tables.py (three merged
header rows, Kode over five columns, four years of Target | Rp, one sasaran merged over every row:
50 programs, each with kegiatan rows), then times, each once in this process:
openpyxl loading the workbook (the floor), cascade reading it into a document (workbook -> data ->
model), linting it (every rule), and `cascade import` writing the YAML. Prints one line per phase and
the rows per second of the read.

With ``--realisasi`` the table is an LKjIP realisasi table (``layout: realisasi``) of N indicator
rows (sasaran merged over every 20 rows, "Realisasi 2023" and "Tahun 2024" over Target | Realisasi |
Capaian, text numbers with decimal commas) beside a plan YAML with those N indicators: the read
gives the realisasi document, and the lint matches every row to its indicator by name and sasaran
(and checks every printed capaian).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def write(path: str, rows: int) -> None:
    import openpyxl

    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "tables"))
    from make_tables import header  # the fixture's header (three merged rows and the column numbers)

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "T-C.27"
    header(ws, 1)
    r = 5
    ws.cell(r, 1, "Meningkatkan Kualitas pelayanan kesehatan bagi masyarakat")
    ws.cell(r, 2, "Meningkatnya akses kesehatan bagi masyarakat")
    ws.cell(r, 9, "Angka Kematian Ibu Melahirkan (/100.000 KH)")
    ws.cell(r, 10, 243.8)
    r += 1
    n = 0
    program = 0
    while n < rows:
        program += 1
        ws.cell(r, 3, "1"), ws.cell(r, 4, "02"), ws.cell(r, 5, f"{program:02d}")
        ws.cell(r, 8, f"Program {program} (illustrative)")
        ws.cell(r, 9, f"Persentase capaian program {program}")
        for i in range(4):
            ws.cell(r, 11 + 2 * i, f"{70 + i},5%")
            ws.cell(r, 12 + 2 * i, f"{1_000_000_000 + i * 50_000_000:,}".replace(",", "."))
        r += 1
        n += 1
        for k in range(1, 200):
            if n >= rows:
                break
            ws.cell(r, 3, "1"), ws.cell(r, 4, "02"), ws.cell(r, 5, f"{program:02d}"), ws.cell(r, 6, "2"), ws.cell(r, 7, f"{k:02d}")
            ws.cell(r, 8, f"Kegiatan {program}.{k} (illustrative)")
            ws.cell(r, 9, f"Jumlah dokumen kegiatan {program}.{k}")
            for i in range(4):
                ws.cell(r, 11 + 2 * i, 10 + i)
                ws.cell(r, 12 + 2 * i, 100_000_000 + i * 1_000_000)
            r += 1
            n += 1
    ws.merge_cells(start_row=5, start_column=1, end_row=r - 1, end_column=1)
    ws.merge_cells(start_row=5, start_column=2, end_row=r - 1, end_column=2)
    wb.save(path)
    with open(os.path.splitext(path)[0] + ".cascade.yaml", "w") as fh:
        fh.write("document:\n  id: bench.renstra-2022\n  kind: renstra\n  title: Bench (illustrative)\n"
                 "  period: {start: 2022, end: 2026}\n  region: {code: \"75.01\", name: Kabupaten Boalemo}\n"
                 "  agency: {code: \"1.02.0.00.0.00.01.0000\", name: Dinas Kesehatan}\nlayout: renstra-tc27\n")


def write_realisasi(path: str, rows: int) -> None:
    """An LKjIP realisasi table of ``rows`` indicator rows, its sidecar, and the plan it reports on."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Pengukuran Kinerja"
    for c, v in ((1, "No"), (2, "Sasaran Strategis"), (3, "Indikator Kinerja"), (4, "Satuan"), (5, "Realisasi 2023"),
                 (6, "Tahun 2024")):
        ws.cell(1, c, v)
    for c, v in ((6, "Target"), (7, "Realisasi"), (8, "Capaian (%)")):
        ws.cell(2, c, v)
    for c in range(1, 6):
        ws.merge_cells(start_row=1, start_column=c, end_row=2, end_column=c)
    ws.merge_cells("F1:H1")
    plan = ["document:\n  id: bench.renstra-2022\n  kind: renstra\n  title: Bench (illustrative)\n"
            "  period: {start: 2022, end: 2026}\n  region: {code: \"75.01\", name: Kabupaten Boalemo}\n"
            "  agency: {name: Dinas Kesehatan}\nelements:\n"]
    for i in range(rows):
        r = 3 + i
        s = i // 20
        if i % 20 == 0:
            ws.cell(r, 2, f"Meningkatnya layanan kelompok {s} (illustrative)")
            ws.merge_cells(start_row=r, start_column=2, end_row=min(r + 19, 2 + rows), end_column=2)
            plan.append(f"  - id: S{s}\n    kind: sasaran\n    name: Meningkatnya layanan kelompok {s} (illustrative)\n"
                        "    indicators:\n")
        # every tenth name is shared with the next sasaran's: the sasaran column tells them apart
        name = f"Cakupan layanan nomor {i - 20 if i % 10 == 0 and i >= 20 else i}"
        plan.append(f"      - {{id: S{s}.I{i}, name: {name}, unit: \"%\", targets: {{2023: 80, 2024: 85}}}}\n")
        ws.cell(r, 1, i + 1)
        ws.cell(r, 3, name)
        ws.cell(r, 4, "%")
        ws.cell(r, 5, "78,5")
        ws.cell(r, 6, 85)
        ws.cell(r, 7, "86,7")
        ws.cell(r, 8, "102,00")
    wb.save(path)
    base = os.path.splitext(path)[0]
    with open(base + ".cascade.yaml", "w") as fh:
        fh.write("document:\n  id: bench.realisasi-2024\n  kind: realisasi\n  for: bench.renstra-2022\nlayout: realisasi\n")
    with open(os.path.join(os.path.dirname(path), "renstra.yaml"), "w") as fh:
        fh.write("".join(plan))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--work", default=None)
    ap.add_argument("--realisasi", action="store_true", help="an LKjIP realisasi table (layout: realisasi) and its plan")
    args = ap.parse_args(argv)
    work = args.work or tempfile.mkdtemp(prefix="cascade-wb-")
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "realisasi.xlsx" if args.realisasi else "tc27.xlsx")
    t = time.perf_counter()
    (write_realisasi if args.realisasi else write)(path, args.rows)
    t_write = time.perf_counter() - t
    size = os.path.getsize(path)

    import openpyxl

    import cascade
    from cascade.read.tableimport import import_table
    from cascade.review.pipeline import lint

    t = time.perf_counter()
    openpyxl.load_workbook(path)
    t_open = time.perf_counter() - t
    t = time.perf_counter()
    ws = cascade.load(path)
    t_read = time.perf_counter() - t
    if args.realisasi:
        rows = ws.graph.graph["realisasi_docs"]["bench.realisasi-2024"].model.rows
        shape = f"{len(rows)} rows"
    else:
        doc = ws.parsed["bench.renstra-2022"].model
        shape = f"{len(doc.elements)} elements, {sum(len(e.indicators) for e in doc.elements)} indicators"
    t = time.perf_counter()
    result = lint([work], by_region=False, jobs=1)
    report = result.report
    t_lint = time.perf_counter() - t
    if args.realisasi:
        assert not [f for f in report if f.code in ("CAS706", "CAS707")], "every row matches, every capaian is right"
        matched = sum(1 for r in cascade.Cascade.of(result.workspace).capaian(as_of=2025).rows if r.year == 2024 and r.capaian is not None)
        shape += f", {matched} matched to the plan's indicators"
    t = time.perf_counter()
    import_table(path, os.path.join(work, "yaml"))
    t_import = time.perf_counter() - t
    print(f"workbook: {args.rows} rows, {size / 1e6:.2f} MB (written in {t_write:.1f} s)")
    print(f"openpyxl load          {t_open:7.2f} s")
    print(f"cascade read (model)   {t_read:7.2f} s  {args.rows / t_read:9.0f} rows/s  {shape}")
    print(f"cascade lint           {t_lint:7.2f} s  {len(report)} findings")
    print(f"cascade import (YAML)  {t_import:7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
