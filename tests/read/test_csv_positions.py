"""A CSV is text: a finding on one of its cells stands at the cell's characters (line and column in
the file, as an editor and a CI annotation count them), not at (row, column index) as a workbook's
cells do (``iku.csv:2:4`` pointed at the fourth character of a line whose cell D starts at 32)."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from cascade.read.grid import csv_cell_spans


def test_cells_stand_at_their_characters() -> None:
    text = 'Sasaran;Indikator;Target\r\nAkses;"Layanan;\n""baru""";1.100\nMutu;;\n'
    assert csv_cell_spans(text, ";") == {
        (1, 1): (1, 1, 1, 8), (1, 2): (1, 9, 1, 18), (1, 3): (1, 19, 1, 25),
        (2, 1): (2, 1, 2, 6), (2, 2): (2, 7, 3, 10), (2, 3): (3, 11, 3, 16),
        (3, 1): (4, 1, 4, 5), (3, 2): (4, 6, 4, 6), (3, 3): (4, 7, 4, 7),
    }


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list('ab;,"\n\r é'), max_size=40), st.sampled_from([";", ","]))
def test_rows_and_cells_are_those_the_csv_module_reads(text: str, delimiter: str) -> None:
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:  # the reader refuses it: CAS005, no cell to place
        return
    spans = csv_cell_spans(text, delimiter)
    for r, row in enumerate(rows, start=1):
        assert sorted(k for k in spans if k[0] == r) == [(r, c) for c in range(1, len(row) + 1)]
    lines = text.split("\n")
    for (r, c), (line, col, end_line, end_col) in spans.items():
        if r <= len(rows) and c <= len(rows[r - 1]) and line == end_line and "\r" not in text and '"' not in text:
            assert lines[line - 1][col - 1:end_col - 1] == rows[r - 1][c - 1]
