"""A sheet of a plan table as cells (:class:`Grid`), what a table reader returns (:class:`TableDocument`),
and the small helpers every table reader shares: cell names, header text matching, years in headers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..core.findings import CellSpan, Finding
from ..core.sourcemap import SourceMap
from ..core.text import escape_unsafe

__all__ = ["Grid", "TableDocument", "cell_name", "column_letter", "csv_cell_spans", "norm"]


def column_letter(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell_name(sheet: str, row: int, col: int) -> str:
    """``Sheet!A1``; the sheet name's control and direction characters (a tab, a line break, U+202E:
    a workbook may name a sheet so) written as ``\\uXXXX``, since every report prints the name."""
    return f"{escape_unsafe(sheet)}!{column_letter(col)}{row}"


def _a1(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})", ref.strip())
    if not m:
        raise ValueError(ref)
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


@dataclass
class Grid:
    """One sheet: values by (row, col), merged ranges (top-left -> bottom-right) and formula cells."""

    file: str
    sheet: str
    values: dict[tuple[int, int], Any]
    merged: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    formulas: set[tuple[int, int]] = field(default_factory=set)
    max_row: int = 0
    max_col: int = 0
    #: every cell covered by a merged range (not its top-left) -> the top-left
    covered: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    #: A CSV's text and delimiter: its cells stand at their characters (line and column in the file,
    #: as an editor and a CI annotation count them), not at (row, column index) as a workbook's do.
    csv_text: str | None = None
    delimiter: str = ","
    _chars: dict[tuple[int, int], tuple[int, int, int, int]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for (r1, c1), (r2, c2) in self.merged.items():
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        self.covered[(r, c)] = (r1, c1)

    def own(self, row: int, col: int) -> Any:
        """The value written in this cell; None for a cell covered by a merge (it continues the one above/left)."""
        return None if (row, col) in self.covered else self.values.get((row, col))

    def shown(self, row: int, col: int) -> Any:
        """The value the cell shows: a merged range shows its top-left value in every cell."""
        return self.values.get(self.covered.get((row, col), (row, col)))

    def span(self, row: int, col: int) -> CellSpan:
        if self.csv_text is not None:
            if self._chars is None:
                self._chars = csv_cell_spans(self.csv_text, self.delimiter)
            at = self._chars.get((row, col))
            if at is not None:
                line, column, end_line, end_column = at
                if (end_line, end_column) <= (line, column):
                    end_line, end_column = line, column + 1  # an empty cell: one character wide
                return CellSpan(line, column, end_line, end_column, cell_name(self.sheet, row, col))
        return CellSpan(row, col, row, col + 1, cell_name(self.sheet, row, col))


def csv_cell_spans(text: str, delimiter: str) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Where each cell of a CSV stands: (row, column index) -> (line, column, end line, end column),
    1-based, end exclusive, read as :mod:`csv` reads it (``"`` opens a quoted cell at its start, ``""``
    inside is a quote, a quoted cell may hold line breaks; outside quotes a row ends at a line feed,
    carriage returns before it included). Computed only when a finding needs a cell's place."""
    spans: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    line = col = row = cell = 1
    start: tuple[int, int] | None = None  # where the current cell started; None before its first character
    quoted = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if quoted:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    i, col = i + 2, col + 2
                    continue
                quoted = False
            elif ch == "\n" or (ch == "\r" and not (i + 1 < n and text[i + 1] == "\n")):
                i, line, col = i + 1, line + 1, 1
                continue
            i, col = i + 1, col + 1
            continue
        if ch == delimiter:
            spans[(row, cell)] = (*(start or (line, col)), line, col)
            cell, start = cell + 1, None
            i, col = i + 1, col + 1
            continue
        if ch == "\r" or ch == "\n":
            j = i
            while j < n and text[j] == "\r":
                j += 1
            if j < n and text[j] == "\n":
                j += 1
            if start is not None or cell > 1:  # an empty line is a row of no cells
                spans[(row, cell)] = (*(start or (line, col)), line, col)
            row, cell, start = row + 1, 1, None
            i, line, col = j, line + 1, 1
            continue
        if start is None:
            start = (line, col)
            if ch == '"':
                quoted = True
        i, col = i + 1, col + 1
    if start is not None or cell > 1:
        spans[(row, cell)] = (*(start or (line, col)), line, col)
    return spans


def norm(text: Any) -> str:
    """A header text for matching: lower case, only letters and digits (spacing, line breaks, punctuation dropped)."""
    return re.sub(r"[^0-9a-z]", "", str(text).lower())


@dataclass
class TableDocument:
    """One document read from a table: the format's data, its cell source map and the cell findings."""

    data: dict
    sourcemap: SourceMap
    findings: list[Finding]
    ranges: dict[tuple, str]  # path -> "Sheet!A5:A10" for import comments
    sheet: str
    #: Where the ``document:`` block was written: (the sidecar's name, its source map, the path of the
    #: block in it), so that a finding on the header stands at its line in the sidecar, not at A1.
    header_at: "tuple[str, SourceMap, tuple] | None" = None


def field_of(columns: dict[str, list[str]], text: Any) -> str | None:
    """The layout field a header text names: the one whose longest normalised pattern (``columns``:
    field -> patterns, already :func:`norm`-ed) the text starts with; None for an empty or unknown header."""
    n = norm(text)
    if not n:
        return None
    best, best_len = None, 0
    for f, pats in columns.items():
        for p in pats:
            if n.startswith(p) and len(p) > best_len:
                best, best_len = f, len(p)
    return best


def _numbering_row(grid: Grid, r: int) -> bool:
    vals = [grid.values.get((r, c)) for c in range(1, grid.max_col + 1) if (r, c) not in grid.covered]
    vals = [v for v in vals if v is not None]
    return len(vals) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", str(v).strip()) for v in vals)


def _year_of(parts: tuple[str, ...]) -> int | None:
    """The year a header names: a sub-header cell ``2023``/``Tahun 2023``, or the one year inside a
    single-row header (``Target 2023 Rp``, as CSV exports flatten merged headers)."""
    for p in parts:
        years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", str(p))
        if len(set(years)) == 1:
            return int(years[0])
    return None


def _clean(v: Any) -> str | None:
    if v is None:
        return None
    text = " ".join(str(v).split())
    return text or None
