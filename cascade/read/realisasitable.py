"""Realisasi tables: an LKjIP "Pengukuran Kinerja" table read into a ``kind: realisasi`` document.

The table names indicators by their printed name (``Indikator Kinerja``), with the sasaran they
belong to (a ``Sasaran`` column, usually merged down over its indicators, or a sasaran banner row
above them), and per year a ``Target``, a ``Realisasi`` and a ``Capaian``. The year comes from the
header (``Tahun 2019`` over ``Target | Realisasi | Capaian``, ``Target 2023``, ``Realisasi`` over
``2022 | 2023``) or from the sidecar's ``year:``. Each indicator row becomes one entry of the
document's ``rows`` (:class:`~cascade.core.models.RealisasiRow`); the graph builder matches the
printed names to the indicators of the ``for`` plan (:meth:`cascade.graph._Builder._resolve_rows`),
which may be a YAML file or another workbook, so nothing is matched here.

Cells are read as the plan tables' are (:mod:`cascade.read.tablevalues`: the locale, ``NA``/``-``,
glued units, ranges; a formula or a text that reads two ways is CAS007 at its cell and no value).
Average and total rows (``Rata-rata Capaian Kinerja``), blank rows, a header repeated after a page
break and sasaran banner rows are not indicator rows; a row with values and no indicator name is
CAS008 at its name cell.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.findings import Finding, Span
from ..core.sourcemap import SourceMap
from ..core.text import name_key
from ..core.words import PERCENT_SPELLINGS
from ..rules.base import make_finding
from .tablevalues import read_target
from .grid import Grid, TableDocument, _a1, _clean, _numbering_row, _year_of, cell_name, column_letter, field_of, norm

__all__ = ["LayoutMismatch", "realisasi_table", "ROLES"]

#: The columns that give a value of a year, in the order rows write them.
ROLES = ("targets", "realized", "capaian")
#: The units a printed capaian may carry (it is a percentage).
_PERCENT = frozenset(PERCENT_SPELLINGS)
_ROLE_OF = {"target": "targets", "realized": "realized", "capaian": "capaian"}
_YEAR = re.compile(r"^(?:tahun)?((?:19|20)\d\d)$")


class LayoutMismatch(ValueError):
    """The sidecar entry and the layout do not fit together (reported as CAS008 with this reason);
    ``reason_id`` is the reason in Indonesian (``str()`` of the error stays the English one)."""

    def __init__(self, reason: str, reason_id: str | None = None):
        super().__init__(reason)
        self.reason_id = reason if reason_id is None else reason_id


def _entry_year(entry: dict) -> int | None:
    year = entry.get("year")
    if year is None:
        return None
    if isinstance(year, str) and year.strip().isdigit():
        year = int(year.strip())
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
        raise LayoutMismatch(f"year: {str(year)[:20]!r} is not a year such as 2024",
                             f"year: {str(year)[:20]!r} bukan tahun seperti 2024")
    return year


def _names(entry: dict) -> dict[str, tuple[str, str]]:
    """The sidecar's ``names:`` (printed name -> indicator ref), by :func:`name_key`."""
    names = entry.get("names")
    if names is None:
        return {}
    if not isinstance(names, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in names.items()):
        raise LayoutMismatch("names: must map printed indicator names to indicator references",
                             "names: harus memetakan nama indikator yang tercetak ke rujukan indikator")
    return {name_key(k): (k, v) for k, v in names.items()}


def realisasi_table(grid: Grid, entry: dict, layout: dict) -> list[TableDocument]:
    """The realisasi document of one table (see the module docstring). Raises :class:`LayoutMismatch`
    when the sidecar entry is not a realisasi document's."""
    header_doc = dict(entry.get("document") or {})
    if header_doc.get("kind") != "realisasi":
        raise LayoutMismatch(f"layout {layout.get('name', '?')} reads realisasi tables: the sidecar's document needs "
                             "kind: realisasi and for: <plan id>",
                             f"layout {layout.get('name', '?')} membaca tabel realisasi: document di sidecar memerlukan "
                             "kind: realisasi dan for: <id rencana>")
    year_default = _entry_year(entry)
    by_name = _names(entry)
    file = grid.file
    locale = entry.get("locale", layout.get("locale"))
    doc_id = header_doc.get("id") if isinstance(header_doc.get("id"), str) else None
    top, bottom, left, right = 1, grid.max_row, 1, grid.max_col
    if isinstance(entry.get("range"), str) and ":" in entry["range"]:
        (top, left), (bottom, right) = (_a1(x) for x in entry["range"].split(":", 1))
    columns = {f: [norm(p) for p in pats] for f, pats in layout["columns"].items()}
    found = _find_header(grid, columns, top, bottom, left, right)
    if found is None:
        f = make_finding("CAS008", "no-header", ref=doc_id, file=file, span=grid.span(top, left),
                         layout=str(layout.get("name", "?")), sheet=grid.sheet)
        return [TableDocument({"document": header_doc}, SourceMap.from_spans(file, {(): grid.span(top, left)}, {}),
                              [f], {}, grid.sheet)]
    head_row, first, roles = found
    findings: list[Finding] = []
    values: dict[tuple, Span] = {(): grid.span(head_row, left)}
    ranges: dict[tuple, str] = {}
    ind_col = next(c for c, (f, _, _) in sorted(roles.items()) if f == "indicator")
    sas_col = next((c for c, (f, _, _) in sorted(roles.items()) if f == "sasaran"), None)
    # the value columns: (col, role, year), the first column of each role and year
    value_cols: list[tuple[int, str, int]] = []
    taken: dict[tuple[str, int], int] = {}
    if year_default is None:
        # "Target 2016 | Realisasi 2016 | Capaian (%)": a column without its year has the one the others name
        named = {y for f, _, y in roles.values() if f in _ROLE_OF and y is not None}
        year_default = next(iter(named)) if len(named) == 1 else None
    for c, (f, parts, year) in sorted(roles.items()):
        role = _ROLE_OF.get(f)
        if role is None:
            continue
        if year is None:
            year = year_default
        if year is None:
            findings.append(make_finding("CAS008", "year", ref=doc_id, file=file, span=grid.span(head_row, c),
                                         header=" ".join(" ".join(map(str, parts)).split())[:60]))
            continue
        if (role, year) in taken:
            findings.append(make_finding("CAS008", "column-twice", ref=doc_id, file=file, span=grid.span(head_row, c),
                                         header=" ".join(" ".join(map(str, parts)).split())[:60],
                                         first=column_letter(taken[role, year])))
            continue
        taken[role, year] = c
        value_cols.append((c, role, year))
    header_sig = [norm(grid.shown(head_row, c)) for c in range(left, right + 1)]
    skip_words = tuple(norm(w) for w in layout.get("skip_rows", []))

    def cell_problem(r: int, c: int, variant: str, **args: Any) -> None:
        findings.append(make_finding("CAS007", variant, ref=doc_id, file=file, span=grid.span(r, c), **args))

    def text_at(r: int, c: int) -> Any:
        if (r, c) in grid.formulas:
            cell_problem(r, c, "formula", formula=str(grid.values[(r, c)])[:60])
            return None
        return grid.own(r, c)

    def read(r: int, c: int, role: str) -> Any:
        raw = text_at(r, c)
        got = read_target(raw, locale)
        if got.problem:
            cell_problem(r, c, got.problem[0], **got.problem[1])
            return None
        value = got.value
        if value is None:
            return None
        if role == "capaian" and (not isinstance(value, (int, float))
                                  or (got.unit is not None and got.unit.strip().casefold() not in _PERCENT)):
            # a capaian is a number, in per cent at most: "95 persen lagi" is no capaian of 95
            cell_problem(r, c, "not-number", text=" ".join(str(raw).split())[:60])
            return None
        if role == "realized" and isinstance(value, dict):  # a range is no realised value
            cell_problem(r, c, "not-number", text=" ".join(str(raw).split())[:60])
            return None
        return value

    rows: list[dict] = []
    sasaran: tuple[str, int, int] | None = None  # text, row, col of the sasaran in force
    used_names: set[str] = set()
    last: int | None = None  # index of the row a merged name cell continues
    r = first
    while r <= bottom:
        own = {c: grid.own(r, c) for c in range(left, right + 1)}
        filled = {c: v for c, v in own.items() if v is not None and str(v).strip()}
        if not filled:
            r += 1
            continue  # a spacer row, or one whose cells all continue merges from above
        texts = [(c, v) for c, v in sorted(filled.items()) if isinstance(v, str) and not _number_like(v)]
        first_text = norm(texts[0][1]) if texts else ""
        if own.get(ind_col) is not None and field_of(columns, own[ind_col]) == "indicator":
            if [norm(grid.shown(r, c)) for c in range(left, right + 1)] == header_sig:  # repeated after a page break
                r += 1
                while r <= bottom and (_subheader(grid, columns, r, left, right) or _numbering_row(grid, r)):
                    r += 1
                continue
            findings.append(make_finding("CAS008", "another-table", ref=doc_id, file=file, span=grid.span(r, left),
                                         sheet=grid.sheet, row=r))
            break
        if skip_words and first_text.startswith(skip_words):
            r += 1
            continue  # Rata-rata Capaian Kinerja, Jumlah
        if len(filled) == 1 and texts and (texts[0][0] != ind_col or first_text.startswith("sasaran")):
            c, v = texts[0]
            if first_text.startswith(("tujuan", "misi", "visi", "program")):
                r += 1
                continue  # a banner above the sasaran: not read
            if len(first_text) >= 6:
                sasaran = (_clean(v) or "", r, c)  # a sasaran banner row over its indicators
            r += 1
            continue
        if sas_col is not None and own.get(sas_col) is not None and _clean(own[sas_col]):
            sasaran = (_clean(own[sas_col]) or "", r, sas_col)
        name = _clean(text_at(r, ind_col))
        read_values = [(c, role, year, read(r, c, role)) for c, role, year in value_cols]
        read_values = [x for x in read_values if x[3] is not None]
        if name is None:
            if read_values and (r, ind_col) in grid.covered and last is not None:
                _continue_row(rows[last], read_values, r, grid, values, ranges, last, findings, doc_id, ind_col)
            elif read_values:
                findings.append(make_finding("CAS008", "no-indicator", ref=doc_id, file=file, span=grid.span(r, ind_col), row=r))
            r += 1
            continue
        i = len(rows)
        row: dict[str, Any] = {"indicator": name}
        path = ("rows", i)
        values[path] = values[path + ("indicator",)] = values[path + ("ref",)] = grid.span(r, ind_col)
        if sasaran is not None:
            row["sasaran"] = sasaran[0]
            values[path + ("sasaran",)] = grid.span(sasaran[1], sasaran[2])
            end = grid.merged.get((sasaran[1], sasaran[2]))
            ranges[path + ("sasaran",)] = cell_name(grid.sheet, sasaran[1], sasaran[2]) + (
                f":{column_letter(end[1])}{end[0]}" if end else "")
        mapped = by_name.get(name_key(name))
        if mapped is not None:
            row["ref"] = mapped[1]
            used_names.add(name_key(name))
        for c, role, year, value in read_values:
            row.setdefault(role, {})[year] = value
            values.setdefault(path + (role,), grid.span(r, c))
            values[path + (role, str(year))] = grid.span(r, c)
        last_col = max([ind_col] + [c for c, _, _, _ in read_values])
        ranges[path] = f"{cell_name(grid.sheet, r, ind_col)}:{column_letter(last_col)}{r}"
        rows.append(row)
        last = i
        r += 1
    for key, (printed, _) in by_name.items():
        if key not in used_names:
            findings.append(make_finding("CAS008", "name", ref=doc_id, file=file, span=grid.span(head_row, left),
                                         name=" ".join(printed.split())[:80]))
    data = {"document": header_doc, "rows": rows}
    return [TableDocument(data, SourceMap.from_spans(file, values, {}), findings, ranges, grid.sheet)]


def _continue_row(row: dict, read_values: list, r: int, grid: Grid, values: dict, ranges: dict, i: int,
                  findings: list[Finding], doc_id: str | None, ind_col: int) -> None:
    """A row under a name cell merged down from the row above: its values belong to that indicator
    where that row has none for the year; a different value for the same year is CAS008."""
    path = ("rows", i)
    for c, role, year, value in read_values:
        have = row.get(role, {}).get(year)
        if have is None:
            row.setdefault(role, {})[year] = value
            values[path + (role, str(year))] = grid.span(r, c)
        elif have != value:
            findings.append(make_finding("CAS008", "no-indicator", ref=doc_id, file=grid.file, span=grid.span(r, ind_col), row=r))
            return
    start = ranges[path].split("!", 1)[1].split(":", 1)[0]
    ranges[path] = f"{grid.sheet}!{start}:{column_letter(max(c for c, _, _, _ in read_values))}{r}"


def _number_like(value: str) -> bool:
    return bool(re.fullmatch(r"[\s\d.,%()+\-<>≤≥]*", value))


_SUBHEADER_FIELDS = frozenset({"target", "realized", "capaian", "unit", "ignore"})


def _subheader(grid: Grid, columns: dict[str, list[str]], r: int, left: int, right: int) -> bool:
    """A row of a header block: every cell of its own is a year, ``Tahun 2023`` or a short value
    header (``Target``, ``Realisasi``, ``Capaian Kinerja Tahun 2019``); a sasaran banner below the
    header (``Sasaran Strategis 1. Meningkatnya ...``) is not one."""
    seen = False
    for c in range(left, right + 1):
        if (r, c) in grid.covered:
            continue
        v = grid.values.get((r, c))
        if v is None:
            continue
        n = norm(v)
        if not (_YEAR.match(n) or (len(n) <= 40 and field_of(columns, v) in _SUBHEADER_FIELDS)):
            return False
        seen = True
    return seen


def _find_header(grid: Grid, columns: dict[str, list[str]], top: int, bottom: int, left: int, right: int
                 ) -> tuple[int, int, dict[int, tuple[str, tuple[str, ...], int | None]]] | None:
    """(header row, first data row, column -> (field, header texts, year)) of the table at or below
    ``top``: the first row naming the indicator column whose header block (with the sub-header rows
    below it) names at least two of target, realisasi and capaian."""
    last = min(bottom, top + 60)  # header rows are looked for near the top only
    for r in range(top, last + 1):
        if "indicator" not in {field_of(columns, grid.shown(r, c)) for c in range(left, right + 1)}:
            continue
        end = r
        while end + 1 <= bottom and _subheader(grid, columns, end + 1, left, right):
            end += 1
        roles: dict[int, tuple[str, tuple[str, ...], int | None]] = {}
        for c in range(left, right + 1):
            parts: list[str] = []
            for rr in range(r, end + 1):
                v = grid.shown(rr, c)
                if v is not None and norm(v) and (not parts or norm(v) != norm(parts[-1])):
                    parts.append(str(v))
            field = next((f for f in (field_of(columns, p) for p in reversed(parts)) if f is not None), None)
            if field is not None and field != "ignore":
                roles[c] = (field, tuple(parts), _year_of(tuple(parts)))
        kinds = {f for f, _, _ in roles.values()}
        if "indicator" in kinds and len(kinds & {"target", "realized", "capaian"}) >= 2:
            first = end + 1
            if _numbering_row(grid, first):
                first += 1
            return r, first, roles
    return None
