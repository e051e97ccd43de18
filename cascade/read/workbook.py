"""Plan tables in workbooks (.xlsx) and CSV files, read through a layout into plan documents.

A workbook is a plan when a sidecar ``<name>.cascade.yaml`` stands next to it, holding the
``document:`` block of the format, the ``layout:`` (a preset name or a path to a layout file) and
optionally ``sheet:``, ``range:``, ``locale:`` and ``links:`` (what the table has no column for,
by element id: ``{T1: {supports: [...]}}``); several documents of one workbook are a list of such
entries. Each document comes back as the format's data with a source map whose spans are cells
(:class:`~cascade.core.findings.CellSpan`: line = row, column = column, ``cell`` = ``"Sheet!E14"``),
so every finding of the rules points at the cell it is about.

Hostile input: the file is opened without blocking and read only when it is a regular file (a FIFO
named ``x.csv`` cannot hang the run), its size checked on that descriptor and everything read from
the bytes read there; the zip members' sizes and ratio are checked before unpacking (a zip bomb is a
CAS005 finding), and the merged and hyperlinked ranges of every part before openpyxl expands them
cell by cell; rows and columns are capped, formulas are never evaluated (a formula cell is a CAS007
finding and gives no value), external links are not loaded. A sidecar that is a symbolic link out of
its folder is not read (CAS005), and a layout file must lie inside the sidecar's folder (CAS008).
See docs/hostile-input.md.
"""

from __future__ import annotations

import csv
import io
import os
import posixpath
import re
import zipfile
from typing import IO, Any
from xml.parsers import expat


from ..core.errors import MissingExtraError
from ..core.findings import Finding, Span
from ..core.sourcemap import SourceMap
from ..rules.base import make_finding
from .grid import Grid, TableDocument, _a1, _clean, _numbering_row, _year_of, cell_name, column_letter, field_of, norm
from .discovery import HiddenLink, OutsideLink, leaves, sidecar_link
from .loader import DEFAULT_LIMITS, LoadedFile, Limits, load_bytes, read_bytes, read_file
from .realisasitable import LayoutMismatch, realisasi_table
from .tablevalues import read_number, read_target

__all__ = ["WORKBOOK_SUFFIXES", "SIDECAR_SUFFIX", "sidecar_of", "Grid", "TableDocument", "read_grid", "read_workbook",
           "load_layout", "layout_names", "layout_path", "table_to_documents", "cell_name"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".csv")
SIDECAR_SUFFIX = ".cascade.yaml"
LAYOUT_DIR = os.path.join(os.path.dirname(__file__), "layouts")

#: Limits of one workbook: bytes unpacked, the unpacked/packed ratio, members, rows and columns.
MAX_UNPACKED = 256 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 2000
MAX_ROWS = 200_000
MAX_COLUMNS = 256
#: Cells that merged ranges and hyperlinked ranges may cover in one workbook together (overlaps
#: counted twice). openpyxl makes an object for every cell of such a range and the grid maps every
#: merged cell to its top-left: about 500 bytes and 15 µs a cell, so the limit costs at most ~100 MB
#: and ~3 s, while one ``A3:XFD1048576`` would be 17 billion cells. Plan tables merge a few thousand.
MAX_MERGED_CELLS = 200_000
#: Elements of the workbook's XML that openpyxl turns into one object each before any row or column
#: limit can be checked, counted over the whole workbook by the same scan: cells (``<c>``, about
#: 500 bytes each with the grid), shared strings (``<si>``), cell formats (``<xf>``: Excel itself
#: allows 64,000 distinct ones), other style records, and the ranges of ``sqref`` lists (conditional
#: formatting, data validation). A Renstra T-C.27 table of 300 rows and 40 columns is 12,000 cells;
#: a 1.4 MB workbook of 7.5 million empty ``<c/>`` took 3.7 GB before it was refused.
MAX_ELEMENTS = {
    "c": 500_000,
    "row": MAX_ROWS,
    "si": 500_000,
    "xf": 130_000,
    "style": 100_000,
    "sqref": 100_000,
    # every element of every part: openpyxl parses some parts (styles) into a whole tree, elements it
    # does not know included (25 million <a/> in an extLst took 2.4 GB); as the YAML reader's 4,000,000 events
    "element": 4_000_000,
}
#: The longest text of one shared string: Excel's own limit for a cell. One long string that many
#: cells point at is read once per cell (a 7.9 KB workbook with a 1 MB string in 400 cells: 47 s, 3 GB).
MAX_CELL_TEXT = 32_767
#: The characters of cell text a workbook may hand the reader in all, a shared string counted once
#: for every cell that reads it: the reader's work is per character of every cell (one 32,500-character
#: string read by 4,000 cells of a 15.8 KB workbook: 13.5 s and 720 MB). 240,000 cells of 20
#: characters are 4.8 million.
MAX_WORKBOOK_TEXT = 20_000_000
#: Style records counted together under ``style`` in :data:`MAX_ELEMENTS`.
_STYLE_RECORDS = frozenset(("font", "fill", "border", "numFmt", "dxf", "cellStyle"))
#: A part of the zip is scanned for merged ranges in pieces of this many bytes (bounded memory).
_SCAN_CHUNK = 64 * 1024


def sidecar_of(path: str) -> str:
    """``renstra.xlsx`` -> ``renstra.cascade.yaml`` (in the same folder)."""
    return os.path.splitext(path)[0] + SIDECAR_SUFFIX


class WorkbookError(Exception):
    """A workbook that cannot be read; carries the finding that says why."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


class LayoutError(ValueError):
    """A layout that cannot be used (reported as CAS008 ``layout``); ``str()`` is the English reason
    and ``reason_id`` the Indonesian one."""

    def __init__(self, reason: str, reason_id: str | None = None):
        super().__init__(reason)
        self.reason_id = reason if reason_id is None else reason_id


def _limit(file: str, variant: str, **args: Any) -> WorkbookError:
    return WorkbookError(make_finding("CAS005", variant, file=file, span=Span(1, 1, 1, 2), **args))


def _check_zip(source: str | IO[bytes], file: str) -> None:
    try:
        with zipfile.ZipFile(source) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise _limit(file, "workbook", reason=f"{len(infos)} parts in the zip",
                             reason_id=f"{len(infos)} bagian di dalam zip")
            unpacked = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if unpacked > MAX_UNPACKED or unpacked / packed > MAX_RATIO and unpacked > 10 * 1024 * 1024:
                raise _limit(file, "workbook", reason=f"unpacks to {unpacked} bytes from {packed} (a zip bomb?)",
                             reason_id=f"terurai menjadi {unpacked} byte dari {packed} (bom zip?)")
            _check_ranges(zf, file)
    except zipfile.BadZipFile:
        raise _limit(file, "unreadable", reason="not an .xlsx workbook (not a zip file)",
                     reason_id="bukan buku kerja .xlsx (bukan berkas zip)") from None


#: openpyxl's cell range pattern (``openpyxl.utils.cell.ABSOLUTE_RE``): what it accepts, read the same way.
_RANGE = re.compile(r"^[$]?([A-Za-z]{1,3})?[$]?(\d+)?(:[$]?([A-Za-z]{1,3})?[$]?(\d+)?)?$")
#: Excel's last row and column: a range that leaves out its rows or columns (``A:XFD``, ``3:9``) spans them all.
_SHEET_ROWS, _SHEET_COLUMNS = 1_048_576, 16_384


def _range_extent(ref: str) -> tuple[int, int, int] | None:
    """(last row, last column, cells) of a range as openpyxl reads it; None when it is not a range."""
    m = _RANGE.match(ref) if len(ref) <= 40 else None  # $XFD$1048576:$XFD$1048576 is 25 characters
    if not m:
        return None
    c1, r1, _, c2, r2 = m.groups()

    def col(letters: str | None, default: int) -> int:
        n = 0
        for ch in (letters or "").upper():
            n = n * 26 + ord(ch) - 64
        return n or default

    top, bottom = int(r1) if r1 else 1, int(r2 or r1) if (r2 or r1) else _SHEET_ROWS
    left, right = col(c1, 1), col(c2 or c1, _SHEET_COLUMNS)
    top, bottom = min(top, bottom), max(top, bottom)
    left, right = min(left, right), max(left, right)
    return bottom, right, (bottom - top + 1) * (right - left + 1)


_ELEMENT_WORDS = {"c": "cells", "row": "rows", "si": "shared strings", "xf": "cell formats", "style": "style records",
                  "sqref": "ranges in conditional formatting or data validation", "element": "XML elements"}
_ELEMENT_WORDS_ID = {"c": "sel", "row": "baris", "si": "string bersama (shared strings)", "xf": "format sel",
                     "style": "catatan gaya", "sqref": "rentang dalam pemformatan bersyarat atau validasi data",
                     "element": "elemen XML"}
#: The ranges openpyxl expands cell by cell, by element: (English, Indonesian).
_RANGED = {"mergeCell": ("merged range", "rentang gabungan"), "hyperlink": ("hyperlinked range", "rentang berhyperlink"),
           "comment": ("commented range", "rentang berkomentar")}


def _check_ranges(zf: zipfile.ZipFile, file: str) -> None:
    """Refuse a workbook whose merged, hyperlinked or commented ranges openpyxl would expand into too
    many cells, or that holds more cells, strings, formats or ranges than :data:`MAX_ELEMENTS`.

    openpyxl's ``load_workbook`` makes a ``MergedCell`` for every cell of a ``<mergeCell ref>`` and a
    cell for every cell of a ``<hyperlink ref>`` or ``<comment ref>`` range, and an object for every
    cell, string and format, before any row or column limit can be checked:
    a 5 KB workbook with ``A3:XFD1048576`` asks for 17 billion cells. Every part of the zip (a sheet is
    wherever the workbook's relations say) is fed in pieces to expat, the parser openpyxl uses, so
    encodings, namespace prefixes, character references and entities are read as openpyxl reads them,
    with no tree and no text kept. A part expat cannot parse (an image, a broken sheet) is left to
    openpyxl, which fails on it in the same way.
    """
    total = 0
    counts = dict.fromkeys(MAX_ELEMENTS, 0)

    def count(kind: str, n: int = 1) -> None:
        counts[kind] += n
        if counts[kind] > MAX_ELEMENTS[kind]:
            raise _limit(file, "workbook", reason=f"more than {MAX_ELEMENTS[kind]:,} {_ELEMENT_WORDS[kind]} (in {part})",
                         reason_id=f"lebih dari {MAX_ELEMENTS[kind]:,} {_ELEMENT_WORDS_ID[kind]} (di {part})")

    sheets: list[tuple[str, str]] = []  # (the workbook part, the relation id) of each <sheet>
    targets: dict[tuple[str, str], str] = {}  # (relations part, relation id) -> target
    shared = 0  # characters of the shared string being read; -1 outside one
    shared_lengths: list[int] = []  # the length of each shared string, in order
    reads: dict[int, int] = {}  # shared string index -> cells that read it
    cell = -1  # characters of the cell being read (its inline string, value, formula); -1 outside one
    index = ""  # the <v> of a shared-string cell: the index it reads
    by_index = False  # whether the cell being read reads a shared string
    cell_text = 0  # characters of every cell's own text

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal total, shared, cell, index, by_index
        count("element")
        local = name.rpartition("}")[2]
        if local == "si":
            shared = 0
        elif local == "c":
            cell, index, by_index = 0, "", attrs.get("t") == "s"
        elif local == "sheet":
            sheets.extend((part, v) for k, v in attrs.items() if k.endswith("}id"))
        elif local == "Relationship" and "Id" in attrs:  # relation ids are per relations part
            targets.setdefault((part, attrs["Id"]), attrs.get("Target", ""))
        if local in counts:
            count(local)
        elif local in _STYLE_RECORDS:
            count("style")
        if "sqref" in attrs:
            count("sqref", attrs["sqref"].count(" ") + 1)
        if local not in _RANGED or "ref" not in attrs:
            return
        what, what_id = _RANGED[local]
        ref = attrs["ref"]
        extent = _range_extent(ref)
        if extent is None:
            raise _limit(file, "workbook", reason=f"{what} {ref[:40]!r} in {part} is not a cell range",
                         reason_id=f"{what_id} {ref[:40]!r} di {part} bukan rentang sel")
        bottom, right, cells = extent
        if bottom > MAX_ROWS or right > MAX_COLUMNS:
            raise _limit(file, "workbook", reason=f"{what} {ref[:40]} in {part} reaches beyond {MAX_ROWS} rows "
                                                  f"or {MAX_COLUMNS} columns",
                         reason_id=f"{what_id} {ref[:40]} di {part} melampaui {MAX_ROWS} baris atau {MAX_COLUMNS} kolom")
        total += cells
        if total > MAX_MERGED_CELLS:
            raise _limit(file, "workbook", reason=f"merged, hyperlinked and commented ranges cover more than {MAX_MERGED_CELLS} "
                                                  f"cells (at {ref[:40]} in {part})",
                         reason_id=f"rentang gabungan, berhyperlink dan berkomentar mencakup lebih dari {MAX_MERGED_CELLS} "
                                   f"sel (pada {ref[:40]} di {part})")

    def end(name: str) -> None:
        nonlocal shared, cell
        local = name.rpartition("}")[2]
        if local == "si" and shared >= 0:
            shared_lengths.append(shared)
            shared = -1
        elif local == "c" and cell >= 0:
            if by_index and index.strip().isdigit() and len(index.strip()) < 10:
                i = int(index)
                reads[i] = reads.get(i, 0) + 1
            cell = -1

    def too_long(what: str, what_id: str) -> WorkbookError:
        return _limit(file, "workbook", reason=f"{what} longer than {MAX_CELL_TEXT:,} characters (in {part})",
                      reason_id=f"{what_id} lebih panjang dari {MAX_CELL_TEXT:,} karakter (di {part})")

    def text(data: str) -> None:
        nonlocal shared, cell, index, cell_text
        if shared >= 0:
            shared += len(data)
            if shared > MAX_CELL_TEXT:
                raise too_long("a shared string", "string bersama")
        elif cell >= 0:
            if by_index:
                index = (index + data)[:12]
                return
            cell += len(data)
            cell_text += len(data)
            if cell > MAX_CELL_TEXT:  # an inline string, a value or a formula: Excel's limit for a cell
                raise too_long("a cell's text", "teks sel")

    shared = -1
    for info in zf.infolist():
        if info.is_dir():
            continue
        part = info.filename[:80]
        parser = expat.ParserCreate(namespace_separator="}")  # as xml.etree, which openpyxl parses sheets with
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        parser.buffer_text = True
        try:
            with zf.open(info) as fh:
                while True:
                    chunk = fh.read(_SCAN_CHUNK)
                    parser.Parse(chunk, not chunk)
                    if not chunk:
                        break
        except WorkbookError:
            raise
        except Exception:  # noqa: BLE001 - not XML, or broken (expat, zlib, a bad CRC, encrypted): openpyxl
            continue  # reads a sheet with the same parser and fails on it the same way (CAS005 unreadable)
        finally:
            shared = cell = -1
    read = cell_text + sum(n * shared_lengths[i] for i, n in reads.items() if i < len(shared_lengths))
    if read > MAX_WORKBOOK_TEXT:
        raise _limit(file, "workbook", reason=f"the cells' text adds up to more than {MAX_WORKBOOK_TEXT:,} characters "
                                              f"(a shared string counted for every cell that reads it)",
                     reason_id=f"teks sel seluruhnya lebih dari {MAX_WORKBOOK_TEXT:,} karakter "
                               f"(string bersama dihitung untuk setiap sel yang membacanya)")
    # openpyxl reads a sheet part once for every <sheet> that names it: 12 sheets on one part of
    # 450,000 cells were 5.4 million cells past every count above (2.7 GB); Excel never writes that
    named = [_part_of(book, targets.get((_rels_of(book), rid), rid)) for book, rid in sheets]
    seen: set[str] = set()
    twice = next((t for t in named if t in seen or seen.add(t)), None)  # the first part named again
    if twice is not None:
        raise _limit(file, "workbook", reason=f"two sheets read the same part {twice[:60]!r}",
                     reason_id=f"dua sheet membaca bagian yang sama {twice[:60]!r}")


def _part_of(source: str, target: str) -> str:
    """The zip part a relation of ``source`` names: ``/xl/x.xml`` from the root, ``x.xml`` beside it."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _rels_of(part: str) -> str:
    """The relations part of a zip part: ``xl/_rels/workbook.xml.rels`` for ``xl/workbook.xml``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _read_table_bytes(path: str, file: str, limits: Limits) -> bytes:
    """The bytes of a table, read only from a regular file of at most ``max_file_bytes``.

    :func:`~cascade.read.loader.read_bytes` opens it without blocking and checks the open descriptor
    (a FIFO or device named ``x.csv`` or ``x.xlsx`` is CAS005 ``unreadable``: not a regular file); all
    that follows reads these bytes, never the path again.
    """
    raw = read_bytes(path, file, limits)
    if isinstance(raw, LoadedFile):
        raise WorkbookError(raw.findings[0])
    if len(raw) > limits.max_file_bytes:  # grew while being read
        raise _limit(file, "size", size=len(raw), limit=limits.max_file_bytes)
    return raw


def read_grid(path: str, file: str, sheet: str | None = None, limits: Limits = DEFAULT_LIMITS) -> tuple[list[Grid], list[Finding]]:
    """The sheets of a workbook or CSV (only ``sheet`` when given). Raises :class:`WorkbookError`."""
    raw = _read_table_bytes(path, file, limits)
    if path.lower().endswith(".csv"):
        return [_read_csv(raw, file)], []
    _check_zip(io.BytesIO(raw), file)
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - the extra is missing
        raise MissingExtraError("reading workbooks needs openpyxl: pip install 'sakip-cascade[xlsx]'") from None
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # formulas stay formulas (data_only=False: never evaluated, no cached value trusted); no external links
            wb = openpyxl.load_workbook(io.BytesIO(raw), data_only=False, keep_links=False, keep_vba=False, rich_text=False)
    except Exception as err:  # openpyxl raises many kinds for broken files
        raise _limit(file, "unreadable", reason=f"{type(err).__name__}: {str(err)[:120]}") from None
    grids = []
    names = wb.sheetnames
    if sheet is not None and sheet not in names:
        raise WorkbookError(make_finding("CAS008", "sheet", file=file, span=Span(1, 1, 1, 2), sheet=sheet,
                                         sheets=", ".join(names)[:200]))
    for name in names if sheet is None else [sheet]:
        ws = wb[name]
        if ws.max_row > MAX_ROWS or ws.max_column > MAX_COLUMNS:
            raise _limit(file, "workbook", reason=f"sheet {name!r} has {ws.max_row} rows and {ws.max_column} columns "
                                                  f"(limits {MAX_ROWS} and {MAX_COLUMNS})",
                         reason_id=f"sheet {name!r} memiliki {ws.max_row} baris dan {ws.max_column} kolom "
                                   f"(batasnya {MAX_ROWS} dan {MAX_COLUMNS})")
        values: dict[tuple[int, int], Any] = {}
        formulas: set[tuple[int, int]] = set()
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None or getattr(c, "coordinate", None) is None:
                    continue
                if c.data_type == "f":  # a formula (or array formula): kept as its text, never evaluated
                    formulas.add((c.row, c.column))
                    v = str(v)
                elif not isinstance(v, (str, int, float)):
                    v = str(v)
                values[(c.row, c.column)] = v
        merged = {(m.min_row, m.min_col): (m.max_row, m.max_col) for m in ws.merged_cells.ranges}
        grids.append(Grid(file, name, values, merged, formulas, ws.max_row, ws.max_column))
    return grids, []


def _read_csv(raw: bytes, file: str) -> Grid:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _limit(file, "encoding", byte=f"0x{raw[err.start]:02x}") from None
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    values: dict[tuple[int, int], Any] = {}
    max_col = 0
    r = 0
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for r, row in enumerate(rows, start=1):
            if r > MAX_ROWS or len(row) > MAX_COLUMNS:
                raise _limit(file, "workbook", reason=f"more than {MAX_ROWS} rows or {MAX_COLUMNS} columns",
                             reason_id=f"lebih dari {MAX_ROWS} baris atau {MAX_COLUMNS} kolom")
            for c, v in enumerate(row, start=1):
                if v.strip():
                    values[(r, c)] = v
            max_col = max(max_col, len(row))
    except csv.Error as err:  # a field over the csv module's limit (128 KiB), a NUL byte: never a traceback
        # the csv module's own text (``field larger than field limit``) stays as it is in both languages
        raise _limit(file, "unreadable", reason=f"line {rows.line_num}: {str(err)[:120]}",
                     reason_id=f"baris {rows.line_num}: {str(err)[:120]}") from None
    sheet = os.path.splitext(os.path.basename(file))[0]
    return Grid(file, sheet, values, {}, set(), r, max_col, csv_text=text, delimiter=delimiter)


# ---------------------------------------------------------------- layouts


def layout_names() -> list[str]:
    return sorted(f[:-5] for f in os.listdir(LAYOUT_DIR) if f.endswith(".yaml"))


def _is_preset(name: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9-]+", name)) and name in layout_names()


def layout_path(name: str, base: str = ".", *, confine: bool = True) -> str:
    """The file a layout that is no preset names, relative to ``base`` (the sidecar's folder).

    With ``confine`` (a layout named by a sidecar, which comes with the workspace) the name must be a
    relative path that resolves, links followed, to a file inside ``base`` or a subfolder of it, with
    no hidden folder or file on the way: ``/etc/passwd``, ``../../x``, ``/proc/self/environ`` or
    ``sub/l.yaml -> ~/.config/x`` raise ValueError before anything is read. Without it (a layout the
    user names on the command line) any path is taken.
    """
    if not confine:
        return name if os.path.isabs(name) else os.path.join(base, name)
    def refuse(why: str, why_id: str) -> LayoutError:
        return LayoutError(f"layout file {name[:60]!r} {why}; it was not read (a layout file lies in the sidecar's "
                           f"folder or a subfolder)",
                           f"berkas layout {name[:60]!r} {why_id}; berkas tidak dibaca (berkas layout terletak di "
                           f"folder sidecar atau subfoldernya)")

    if "\0" in name or os.path.isabs(name) or os.path.splitdrive(name)[0]:
        raise refuse("is not a relative path", "bukan jalur relatif")
    top = os.path.realpath(base)
    real = os.path.realpath(os.path.join(top, name))
    where = leaves(real, top)  # the rule discovery holds links found in a folder to
    if where == "outside":
        raise refuse("leads outside the sidecar's folder", "mengarah ke luar folder sidecar")
    if where == "hidden":
        raise refuse("leads to a hidden file or folder", "mengarah ke berkas atau folder tersembunyi")
    return real


def load_layout(name: str, base: str = ".", *, confine: bool = True) -> dict:
    """A preset by name (``renstra-tc27``, ``rpjmd``, ``iku``) or a layout file (a path, relative to ``base``;
    with ``confine``, inside it: :func:`layout_path`)."""
    if _is_preset(name):
        path = os.path.join(LAYOUT_DIR, name + ".yaml")
    else:
        path = layout_path(name, base, confine=confine)
        if not os.path.isfile(path):
            raise LayoutError(f"no preset or layout file named {name!r} (presets: {', '.join(layout_names())})",
                              f"tidak ada preset atau berkas layout bernama {name!r} (preset: {', '.join(layout_names())})")
    loaded = read_file(path)
    data = loaded.data
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise LayoutError(f"layout {name!r} is not a layout (presets: {', '.join(layout_names())})",
                          f"layout {name!r} bukan layout (preset: {', '.join(layout_names())})")
    return data


# ---------------------------------------------------------------- table -> documents


_YEAR = re.compile(r"^(19|20)\d\d$")


def _find_header(grid: Grid, layout: dict, top: int, bottom: int) -> tuple[int, int, dict[int, tuple[str, ...]]] | None:
    """(first header row, first data row, column -> header path) of the table starting at or after ``top``."""
    columns = {f: [norm(p) for p in pats] for f, pats in layout["columns"].items()}

    last = min(bottom, top + 60)  # header rows are looked for near the top only
    for r in range(top, last + 1):
        fields = {field_of(columns, grid.shown(r, c)) for c in range(1, grid.max_col + 1)} - {None}
        if len(fields) >= 3 and ("indicator" in fields or "name" in fields):
            # the header block: this row and the rows below that only hold sub-headers (years, target/Rp, numbers)
            end = r
            while end + 1 <= bottom and _subheader_row(grid, end + 1, layout):
                end += 1
            paths: dict[int, tuple[str, ...]] = {}
            for c in range(1, grid.max_col + 1):
                parts: list[str] = []
                for rr in range(r, end + 1):
                    v = grid.shown(rr, c)
                    if v is not None and (not parts or norm(v) != norm(parts[-1])):
                        parts.append(str(v))
                if parts:
                    f = field_of(columns, parts[0])
                    paths[c] = ((f or "?"),) + tuple(parts)
            first_data = end + 1
            if _numbering_row(grid, first_data):
                first_data += 1
            return r, first_data, paths
    return None


def _subheader_row(grid: Grid, r: int, layout: dict) -> bool:
    words = {norm(w) for w in layout.get("target", []) + layout.get("money", [])} | {"satuan", "target", "rp", "rp000", "realisasi", "capaian"}
    seen = False
    for c in range(1, grid.max_col + 1):
        if (r, c) in grid.covered:
            continue
        v = grid.values.get((r, c))
        if v is None:
            continue
        n = norm(v)
        if not (n in words or _YEAR.match(n) or (n.startswith("tahun") and _YEAR.match(n[5:]))):
            return False
        seen = True
    return seen


def _role(parts: tuple[str, ...], layout: dict) -> str:
    words = str(parts[-1]).split()
    last = norm(words[-1]) if len(parts) == 2 and words else norm(parts[-1])
    if any(last.startswith(norm(w)) for w in layout.get("money", ["rp"])):
        return "money"
    return "target"


def _code_text(parts: list[Any]) -> str | None:
    """Code parts from one or several columns: ``1 | 02 | 02 | 2 | 01`` or ``1 02 01 2.02`` -> ``1.02.02.2.01``."""
    tokens: list[str] = []
    for p in parts:
        if p is None:
            continue
        if isinstance(p, float) and p.is_integer():
            p = int(p)
        tokens.extend(t for t in re.split(r"[\s.]+", str(p).strip()) if t)
    return ".".join(tokens) if tokens else None


def table_to_documents(grid: Grid, entry: dict, layout: dict, base_findings: list[Finding] | None = None) -> list[TableDocument]:
    """The plan documents of one sheet, read with ``layout`` and the sidecar ``entry``."""
    file = grid.file
    locale = entry.get("locale", layout.get("locale"))
    top, bottom, left, right = 1, grid.max_row, 1, grid.max_col
    if isinstance(entry.get("range"), str) and ":" in entry["range"]:
        (top, left), (bottom, right) = (_a1(x) for x in entry["range"].split(":", 1))
    found = _find_header(grid, layout, top, bottom) if top <= bottom and left <= right else None
    header_doc = dict(entry.get("document") or {})
    if found is None:
        f = make_finding("CAS008", "no-header", ref=header_doc.get("id") if isinstance(header_doc.get("id"), str) else None,
                         file=file, span=grid.span(top, left), layout=str(layout.get("name", "?")), sheet=grid.sheet)
        return [TableDocument({"document": header_doc, "elements": []}, SourceMap.from_spans(file, {(): grid.span(top, left)}, {}),
                              [f], {}, grid.sheet)]
    head_row, first, paths = found
    paths = {c: p for c, p in paths.items() if left <= c <= right}
    header_sig = [norm(grid.shown(head_row, c)) for c in range(left, right + 1)]
    by_field: dict[str, list[int]] = {}
    for c, p in sorted(paths.items()):
        by_field.setdefault(p[0], []).append(c)
    findings: list[Finding] = list(base_findings or [])
    doc_id = header_doc.get("id") if isinstance(header_doc.get("id"), str) else None
    values: dict[tuple, Span] = {(): grid.span(head_row, left)}
    ranges: dict[tuple, str] = {}
    elements: list[dict] = []
    key_all = bool(layout.get("key"))
    anchors = tuple(norm(p) for f in ("indicator", "name") for p in layout["columns"].get(f, [])) or ("\0",)
    skip_words = [norm(w) for w in layout.get("skip_rows", [])]

    def cell_problem(r: int, c: int, variant: str, ref: str | None, **args: Any) -> None:
        findings.append(make_finding("CAS007", variant, ref=ref, file=file, span=grid.span(r, c), **args))

    def text_at(r: int, c: int, ref: str | None = None) -> Any:
        if (r, c) in grid.formulas:
            cell_problem(r, c, "formula", ref, formula=str(grid.values[(r, c)])[:60])
            return None
        return grid.own(r, c)

    # the year columns
    yearly: list[tuple[int, int, str]] = []  # (col, year, role)
    final_cols: list[tuple[int, str]] = []
    scale: dict[int, int] = {}
    for c in by_field.get("yearly", []):
        year = _year_of(paths[c][1:])
        if year is None:
            continue
        yearly.append((c, year, _role(paths[c], layout)))
        if norm(paths[c][-1]) == "rp000":
            scale[c] = 1000
    for c in by_field.get("final", []):
        final_cols.append((c, _role(paths[c], layout)))
        if norm(paths[c][-1]) == "rp000":
            scale[c] = 1000
    baseline_cols = by_field.get("baseline", [])
    baseline_year = _year_of(paths[baseline_cols[0]]) if baseline_cols else None
    if baseline_year is None and yearly:
        baseline_year = min(y for _, y, _ in yearly) - 1

    levels = layout.get("levels", [])
    counters: dict[str, int] = {}
    current: dict[int, int] = {}  # level index -> element index
    used_ids: set[str] = set()
    n_ind: dict[int, int] = {}
    code_cols = by_field.get("code", [])
    by_code: dict[str, int] = {}  # code -> index of the first element with it

    def new_element(kind: str, name: str, r: int, c: int, code: str | None, level: int) -> int:
        if code and kind == "by-code":
            kind = {3: "program", 5: "kegiatan", 6: "sub_kegiatan", 2: "bidang"}.get(len(code.split(".")), "program")
        if code and code not in used_ids and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", code):
            eid = code
        else:
            pattern = levels[level].get("id") if level < len(levels) and levels[level].get("id") else kind[0].upper() + "{n}"
            counters[pattern] = counters.get(pattern, 0) + 1
            eid = pattern.replace("{n}", str(counters[pattern]))
            while eid in used_ids:
                counters[pattern] += 1
                eid = pattern.replace("{n}", str(counters[pattern]))
        used_ids.add(eid)
        el: dict[str, Any] = {"id": eid, "kind": kind, "name": name}
        i = len(elements)
        path = ("elements", i)
        parent = None
        for lv in range(level - 1, -1, -1):
            if lv in current:
                parent = elements[current[lv]]
                break
        if kind in ("kegiatan", "sub_kegiatan") and code:
            # a kegiatan's parent is the program (or kegiatan) whose code it extends: the longest such code
            parts = code.split(".")
            for n in range(len(parts) - 1, 0, -1):
                j = by_code.get(".".join(parts[:n]))
                if j is not None and elements[j]["kind"] != kind:
                    parent = elements[j]
                    break
        if parent is not None:
            el["parent"] = parent["id"]
        if code:
            el["code"] = code
            by_code.setdefault(code, i)
        elements.append(el)
        span = grid.span(r, c)
        values[path] = span
        values[path + ("name",)] = span
        values[path + ("id",)] = span
        end = grid.merged.get((r, c))
        ranges[path] = cell_name(grid.sheet, r, c) + (f":{column_letter(end[1])}{end[0]}" if end else "")
        for lv in list(current):
            if lv >= level:
                del current[lv]
        current[level] = i
        return i

    r = first
    while r <= bottom:
        row_vals = [grid.own(r, c) for c in range(left, right + 1)]
        if all(v is None for v in row_vals):
            r += 1
            continue  # spacer row (or continuation of merges only)
        # a header (repeated after a page break, or another table's) names an indicator or name column
        candidate = any(isinstance(v, str) and len(v) < 200 and norm(v).startswith(anchors) for v in row_vals)
        sig = [norm(grid.shown(r, c)) for c in range(left, right + 1)] if candidate else None
        if sig == header_sig:  # a header repeated after a page break
            r += 1
            while r <= bottom and (_subheader_row(grid, r, layout) or _numbering_row(grid, r)):
                r += 1
            continue
        texts = [norm(v) for v in row_vals if v is not None]
        if texts and any(texts[0].startswith(w) for w in skip_words) and all(
            grid.own(r, c) is None for c in (by_field.get("indicator", []))
        ):
            r += 1
            continue  # a subtotal row (Jumlah / Total): not an element
        if len([v for v in row_vals if v is not None]) == 1 and texts and texts[0].startswith("misi") and "misi" not in by_field:
            r += 1
            continue  # a full-width "Misi 1: ..." banner above the tujuan
        other = _find_header(grid, layout, r, min(bottom, r)) if candidate else None
        if other is not None and other[0] == r and [norm(grid.shown(r, c)) for c in range(left, right + 1)] != header_sig:
            findings.append(make_finding("CAS008", "another-table", ref=doc_id, file=file, span=grid.span(r, left),
                                         sheet=grid.sheet, row=r))
            break
        started: int | None = None
        for lv, level in enumerate(levels):
            col_name = level.get("column")
            cols = by_field.get(col_name, [])
            if not cols:
                continue
            c = cols[0]
            text = _clean(text_at(r, c))
            if text is None:
                continue
            code = None
            if level.get("kind") == "by-code":
                code = _code_text([grid.own(r, cc) for cc in code_cols])
                if code is None:
                    m = re.match(r"^(\d+(?:[ .]\d+){1,6})\s+(.*)$", text)
                    if m:  # code written in front of the name
                        code, text = _code_text([m.group(1)]), m.group(2)
            started = new_element(level["kind"], text, r, c, code, lv)
        target_el = started if started is not None else (current[max(current)] if current else None)
        if target_el is None:
            ind_cols = by_field.get("indicator", [])
            if ind_cols and _clean(grid.own(r, ind_cols[0])) is not None:
                # an indicator row before any tujuan/sasaran/program: never dropped silently
                findings.append(make_finding("CAS008", "no-element", ref=doc_id, file=file, span=grid.span(r, ind_cols[0]), row=r))
            r += 1
            continue
        el = elements[target_el]
        eref = f"{doc_id}:{el['id']}" if doc_id else None
        # budget (Rp per year) goes to the element of the row
        for c, year, role in yearly:
            if role != "money":
                continue
            raw = text_at(r, c, eref)
            if raw is None:
                continue
            got = read_number(raw, locale, money=True)
            if got.problem:
                cell_problem(r, c, got.problem[0], eref, **got.problem[1])
                continue
            if got.value is not None:
                bpath = ("elements", target_el, "budget")
                budget = el.setdefault("budget", {})
                budget.setdefault(year, got.value * scale.get(c, 1))  # a continuation row repeats it at most
                values.setdefault(bpath, grid.span(r, c))
                values[bpath + (year,)] = grid.span(r, c)
        ind_cols = by_field.get("indicator", [])
        ind_name = _clean(text_at(r, ind_cols[0], eref)) if ind_cols else None
        if ind_name is not None:
            n_ind[target_el] = n_ind.get(target_el, 0) + 1
            inds = el.setdefault("indicators", [])
            j = len(inds)
            iid = f"{el['id']}.I{n_ind[target_el]}"
            while iid in used_ids:
                n_ind[target_el] += 1
                iid = f"{el['id']}.I{n_ind[target_el]}"
            used_ids.add(iid)
            ind: dict[str, Any] = {"id": iid, "name": ind_name}
            ipath = ("elements", target_el, "indicators", j)
            values[ipath] = values[ipath + ("name",)] = values[ipath + ("id",)] = grid.span(r, ind_cols[0])
            ranges[ipath] = cell_name(grid.sheet, r, ind_cols[0])
            units: list[tuple[str, int]] = []
            for fname in ("unit", "definition", "source"):
                cols = by_field.get(fname, [])
                v = _clean(text_at(r, cols[0], eref)) if cols else None
                if v is not None:
                    ind[fname] = v
                    values[ipath + (fname,)] = grid.span(r, cols[0])

            iref = f"{doc_id}:{iid}" if doc_id else None

            def target(c: int) -> Any:
                raw = text_at(r, c, iref)
                got = read_target(raw, locale)
                if got.problem:
                    cell_problem(r, c, got.problem[0], iref, **got.problem[1])
                if got.unit:
                    units.append((got.unit, c))
                return got.value

            if baseline_cols and baseline_year is not None:
                v = target(baseline_cols[0])
                if v is not None:
                    ind["baseline"] = {"year": baseline_year, "value": v}
                    values[ipath + ("baseline",)] = values[ipath + ("baseline", "value")] = grid.span(r, baseline_cols[0])
            for c, year, role in yearly:
                if role != "target":
                    continue
                v = target(c)
                ind.setdefault("targets", {})
                if v is not None:
                    ind["targets"][year] = v
                    values[ipath + ("targets", year)] = grid.span(r, c)
            if not ind.get("targets"):
                ind.pop("targets", None)
            else:
                values[ipath + ("targets",)] = values[ipath + ("targets", min(ind["targets"]))]
            for c, role in final_cols:
                if role == "target":
                    v = target(c)
                    if v is not None:
                        ind["final"] = v
                        values[ipath + ("final",)] = grid.span(r, c)
                    break
            if units and "unit" not in ind:
                names = {u for u, _ in units}
                if len(names) == 1:
                    ind["unit"] = units[0][0]
                    values[ipath + ("unit",)] = grid.span(r, units[0][1])
                else:
                    cell_problem(r, units[0][1], "units", iref, units=", ".join(sorted(names)))
            if key_all:
                ind["key"] = True
            inds.append(ind)
        owner_cols = by_field.get("owner", [])
        if owner_cols and started is not None:
            v = _clean(text_at(r, owner_cols[0], eref))
            if v is not None:
                el.setdefault("_owner_text", v)
        r += 1

    # links the table has no column for, from the sidecar
    links = entry.get("links") or {}
    if isinstance(links, dict):
        by_id = {e["id"]: e for e in elements}
        ind_by_id = {i["id"]: i for e in elements for i in e.get("indicators", [])}
        for eid, extra in links.items():
            if str(eid) in by_id and isinstance(extra, dict):
                for k in ("supports", "crosscuts", "justification", "parent"):
                    if k in extra:
                        by_id[str(eid)][k] = extra[k]
            elif str(eid) in ind_by_id and isinstance(extra, dict):
                # an indicator's links and what a table rarely has a column for
                for k in ("supports", "polarity", "type", "measure", "key", "definition", "source"):
                    if k in extra:
                        ind_by_id[str(eid)][k] = extra[k]
            else:
                findings.append(make_finding("CAS008", "link", ref=doc_id, file=file, span=grid.span(head_row, left),
                                             id=str(eid)))
    for e in elements:
        e.pop("_owner_text", None)  # the owner is an organisation unit id; the table prints a name (see the docs)
    data = {"document": header_doc, "elements": elements}
    return [TableDocument(data, SourceMap.from_spans(file, values, {}), findings, ranges, grid.sheet)]


# ---------------------------------------------------------------- sidecar


def read_sidecar(path: str, display: str) -> tuple[list[dict], list[Finding]]:
    """The entries of a sidecar (a mapping or a list of them) and the findings on the sidecar file.

    A sidecar that is a symbolic link out of its folder is not read: no entries and CAS005 ``outside``
    or ``hidden-link`` on ``display``."""
    entries, findings, _ = read_sidecar_file(path, display)
    return entries, findings


def read_sidecar_file(path: str, display: str) -> tuple[list[dict], list[Finding], LoadedFile | None]:
    """:func:`read_sidecar`, with the sidecar as it was read (None when it was refused)."""
    refused = _sidecar_refused(path, display)
    if refused is not None:
        return [], [refused], None
    loaded = read_file(path, display)
    entries, findings = _sidecar_entries(loaded)
    return entries, findings, loaded


def _header_at(loaded: LoadedFile | None, entry: dict) -> tuple[str, SourceMap, tuple] | None:
    """Where ``entry``'s ``document:`` block stands in the sidecar ``loaded``."""
    if loaded is None:
        return None
    if isinstance(loaded.data, list):
        index = next((i for i, e in enumerate(loaded.data) if e is entry), None)
        return None if index is None else (loaded.file, loaded.sourcemap, (index, "document"))
    return (loaded.file, loaded.sourcemap, ("document",)) if loaded.data is entry else None


def _sidecar_refused(side: str, display: str) -> Finding | None:
    """CAS005 ``outside`` / ``hidden-link`` on a sidecar that is a symbolic link out of its folder
    (:func:`~cascade.read.discovery.sidecar_link`); None when it may be read."""
    checked = sidecar_link(side)
    if not isinstance(checked, OutsideLink):
        return None
    variant = "hidden-link" if isinstance(checked, HiddenLink) else "outside"
    return make_finding("CAS005", variant, file=display, span=Span(1, 1, 1, 2))


def _sidecar_entries(loaded: LoadedFile) -> tuple[list[dict], list[Finding]]:
    if loaded.findings:
        return [], list(loaded.findings)
    data = loaded.data
    entries = data if isinstance(data, list) else [data]
    good = [e for e in entries if isinstance(e, dict) and isinstance(e.get("document"), dict)]
    if not good:
        span = Span(1, 1, 1, 2)
        return [], [make_finding("CAS008", "sidecar", file=loaded.file, span=span)]
    return good, []


def several_documents(path: str) -> bool:
    """Whether the sidecar of the table at ``path`` describes more than one document."""
    side = sidecar_of(path)
    if not os.path.isfile(side):
        return False
    entries, _ = read_sidecar(side, side)
    return len(entries) > 1


def cache_bytes(path: str, limits: Limits = DEFAULT_LIMITS) -> bytes | None:
    """What a workbook's parse depends on, for the parse cache: the workbook, its sidecar and the layout
    files the sidecar names (presets are code). None when it cannot be cached (missing, too large, not a
    regular file, a sidecar that is a link out of its folder). Files are read as :func:`read_grid` reads
    them (never blocking), and a layout file only where :func:`layout_path` allows it."""
    side = sidecar_of(path)
    parts = []
    try:
        if _sidecar_refused(side, side) is not None:
            return None
        for p in (path, side):
            raw = read_bytes(p, p, limits)
            if isinstance(raw, LoadedFile) or len(raw) > limits.max_file_bytes:
                return None
            parts.append(raw)
        entries, _ = _sidecar_entries(load_bytes(parts[1], side, limits))
        for e in entries:
            name = str(e.get("layout", ""))
            if name and not _is_preset(name):
                try:
                    lp = layout_path(name, os.path.dirname(side))
                except ValueError:
                    parts.append(b"\0refused layout\0")  # the parse says why; nothing of it is read
                    continue
                got = read_bytes(lp, lp, limits) if os.path.isfile(lp) else None
                ok = isinstance(got, bytes) and len(got) <= limits.max_file_bytes
                parts.append(got if isinstance(got, bytes) and ok else b"\0no layout file\0")  # the key changes when it appears
    except (OSError, ValueError):
        return None
    return b"\0cascade-table\0".join(parts)


def read_workbook(path: str, display: str, limits: Limits = DEFAULT_LIMITS, *, entries: list[dict] | None = None,
                  base: str | None = None, sidecar_out: list[LoadedFile] | None = None,
                  text_out: list[str] | None = None) -> tuple[list[TableDocument], list[Finding]]:
    """The documents of a workbook with its sidecar (or the given ``entries``); never raises for content.

    Findings that stop a document (the workbook unreadable, an unknown layout) come back in the
    second list; findings at cells come with their document. ``sidecar_out``, when given, receives
    the sidecar as it was read (its text holds the ``# cascade: ignore`` comments of the findings
    that stand in it).
    """
    findings: list[Finding] = []
    side_loaded: LoadedFile | None = None
    if entries is None:
        side = sidecar_of(path)
        side_display = sidecar_of(display)
        if not os.path.exists(side):
            return [], [make_finding("CAS009", file=display, span=Span(1, 1, 1, 2), sidecar=os.path.basename(side_display))]
        entries, side_findings, side_loaded = read_sidecar_file(side, side_display)  # a link out of its folder: CAS005
        findings.extend(side_findings)
        if side_loaded is not None and sidecar_out is not None:
            sidecar_out.append(side_loaded)
        base = os.path.dirname(side)
    # a layout file named by a sidecar must lie inside its folder; one the caller names (cascade import
    # --layout, without a sidecar) is the user's own
    confine = base is not None
    out: list[TableDocument] = []
    grids_cache: dict[str | None, list[Grid]] = {}
    for entry in entries:
        sheet = entry.get("sheet")
        sheet = str(sheet) if sheet is not None else None
        try:
            kind = (entry.get("document") or {}).get("kind")
            layout = load_layout(str(entry.get("layout", "realisasi" if kind == "realisasi" else "renstra-tc27")), base or ".",
                                 confine=confine)
        except (ValueError, OSError) as err:  # an OSError's text is the system's, in both languages
            findings.append(make_finding("CAS008", "layout", file=display, span=Span(1, 1, 1, 2), reason=str(err)[:200],
                                         reason_id=str(getattr(err, "reason_id", err))[:200]))
            continue
        try:
            if sheet not in grids_cache:
                grids_cache[sheet] = read_grid(path, display, sheet, limits)[0]
        except WorkbookError as err:
            findings.append(err.finding)
            return out, findings
        except MissingExtraError:  # without the xlsx extra a workbook is a finding, and the rest is checked
            findings.append(make_finding("CAS005", "extra", file=display, span=Span(1, 1, 1, 2)))
            return out, findings
        grids = grids_cache[sheet]
        if not grids:
            continue
        if text_out is not None and not text_out and grids[0].csv_text is not None:
            text_out.append(grids[0].csv_text)  # a CSV is text: its lines can be quoted beside a finding
        rng = entry.get("range")
        if rng is not None and not (isinstance(rng, str) and re.fullmatch(r"\$?[A-Za-z]{1,3}\$?\d{1,7}:\$?[A-Za-z]{1,3}\$?\d{1,7}", rng.strip())):
            findings.append(make_finding("CAS008", "range", file=display, span=Span(1, 1, 1, 2), range=str(rng)[:40]))
            continue
        document = entry.get("document") or {}
        made = len(out)
        try:
            if layout.get("kind") == "realisasi":
                out.extend(realisasi_table(grids[0], entry, layout))
            elif document.get("kind") == "realisasi":
                findings.append(make_finding("CAS008", "layout", file=display, span=Span(1, 1, 1, 2),
                                             reason=f"layout {layout.get('name', '?')} reads plans; a realisasi document needs layout: realisasi",
                                             reason_id=f"layout {layout.get('name', '?')} membaca dokumen rencana; dokumen realisasi "
                                                       "memerlukan layout: realisasi"))
            else:
                out.extend(table_to_documents(grids[0], entry, layout))
        except LayoutMismatch as err:  # the entry and the layout do not fit together
            findings.append(make_finding("CAS008", "layout", file=display, span=Span(1, 1, 1, 2), reason=str(err)[:200],
                                         reason_id=err.reason_id[:200]))
        except Exception as err:  # a table this reader cannot follow is a finding, never a traceback
            findings.append(make_finding("CAS008", "layout", file=display, span=Span(1, 1, 1, 2),
                                         reason=f"{type(err).__name__}: {str(err)[:160]}"))
        at = _header_at(side_loaded, entry)
        for table in out[made:]:
            table.header_at = at
    return out, findings
