"""The workspace and its findings as one workbook a planner can open (``cascade export --xlsx``).

Sheets: ``Ringkasan`` (a summary row per document: elements, indicators, links, orphans, findings,
and the total pagu per year where the plan has ``budget``), ``Temuan`` (the findings, with an
autofilter, the source cell for a workbook plan or file:line for YAML, and colours by severity),
``Cakupan`` (coverage per document), one ``Matriks ...`` sheet per aligned pair of documents (the
matriks keterkaitan), ``Pagu`` (budget per element and year), ``Capaian`` (target, realisasi,
capaian and category per indicator and year, where the plans carry realisasi; coloured by category)
and ``SAKIP`` (the indicative pre-evaluation per criterion, where the scope holds pemda plans). Headers are frozen, columns sized,
numbers formatted; employee numbers and names are masked unless ``show_personal``. Formulas are never
written: every cell is a value (a text starting with ``=`` is written as text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.capaian import POLARITY_WORDS, STATUS_WORDS, note_in
from ..core.errors import MissingExtraError
from ..core.findings import SEVERITY_WORDS
from ..core.text import escape_unsafe
from ..core.findings import Report
from ..sakip import evaluate as sakip_evaluate
from ..sakip.render import MODES
from ..validate import validate
from .capaian import CATEGORY_COLOURS, capaian_table
from .html import Masker
from .labels import column_label
from .trace import alignment, coverage_rows

if TYPE_CHECKING:
    from ..graph import Workspace

__all__ = ["write_excel", "save_book", "SHEETS"]

SHEETS = {
    "id": {"summary": "Ringkasan", "findings": "Temuan", "coverage": "Cakupan", "budget": "Pagu", "matrix": "Matriks",
           "capaian": "Capaian", "sakip": "SAKIP"},
    "en": {"summary": "Summary", "findings": "Findings", "coverage": "Coverage", "budget": "Budget", "matrix": "Matrix",
           "capaian": "Capaian", "sakip": "SAKIP"},
}
_HEAD = {
    "id": {"document": "Dokumen", "title": "Judul", "kind": "Jenis", "period": "Periode", "source": "Sumber",
           "elements": "Elemen", "indicators": "Indikator", "errors": "Kesalahan", "warnings": "Peringatan", "infos": "Info",
           "severity": "Tingkat", "code": "Kode", "rule": "Aturan", "ref": "Rujukan", "where": "Lokasi (sel atau berkas:baris)",
           "message": "Pesan", "element": "Elemen", "name": "Nama", "budget_total": "Total pagu (Rp)"},
    "en": {"document": "Document", "title": "Title", "kind": "Kind", "period": "Period", "source": "Source",
           "elements": "Elements", "indicators": "Indicators", "errors": "Errors", "warnings": "Warnings", "infos": "Infos",
           "severity": "Severity", "code": "Code", "rule": "Rule", "ref": "Reference", "where": "Where (cell or file:line)",
           "message": "Message", "element": "Element", "name": "Name", "budget_total": "Total budget (Rp)"},
}
_FILL = {"error": "FDE2E1", "warning": "FFF4CE", "info": "E8F1FB"}
def _column(key: str, lang: str) -> str:
    """The header of a column ``key`` in ``lang``: in Bahasa Indonesia the words every table of the API
    is labelled with (:func:`cascade.views.tables.column_label`); in English the key itself, as
    ``coverage_rows``, ``cascade capaian`` and ``SakipResult.rows`` name it."""
    return column_label(key, lang) if lang == "id" else key


def _word(table: dict[str, dict[str, str]], value: Any, lang: str) -> Any:
    return table.get(lang, {}).get(value, value) if isinstance(value, str) else value


def _safe(value: Any) -> Any:
    """A value as a cell holds it: text that a spreadsheet would take for a formula stays text, and
    control characters (which the xlsx format cannot hold: openpyxl raised IllegalCharacterError on a
    title with an ESC) are written as ``\\uXXXX``, as the terminal reports show them."""
    if isinstance(value, str):
        value = escape_unsafe(value[:32000], keep="\n\t")
        if value[:1] == "=":
            return "'" + value  # openpyxl would write it as a formula; a plan's text is never one
    return value


def _personal(mask: Any, value: Any) -> Any:
    """``value`` with its NIPs outlined by ``mask`` (a :class:`Masker`): text, and an int of 18 digits."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, int) and not isinstance(value, bool) and 10**17 <= value < 10**18:
        shown = mask(str(value))
        return value if shown == str(value) else shown
    return value


def write_excel(workspace: "Workspace", path: Any, report: Report | None = None, *, lang: str = "id",
                show_personal: bool = False, as_of: int | None = None) -> None:
    """Write the workbook to ``path`` (a file name or a binary stream); capaian as of ``as_of``
    (default: the current year)."""
    try:
        from openpyxl import Workbook
        from openpyxl.formatting.rule import CellIsRule
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise MissingExtraError("the Excel export needs openpyxl: pip install 'sakip-cascade[xlsx]'",
                                message_id="ekspor Excel memerlukan openpyxl: pip install 'sakip-cascade[xlsx]'") from None
    report = validate(workspace) if report is None else report
    mask = Masker(workspace, show_personal)
    names = SHEETS.get(lang, SHEETS["en"])
    head = _HEAD.get(lang, _HEAD["en"])
    severity = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["en"])
    wb = Workbook()
    bold = Font(bold=True)

    def sheet(title: str, columns: list[str], rows: list[list[Any]], widths: list[int], formats: dict[int, str] | None = None):
        ws = wb.create_sheet(title[:31])
        ws.append(columns)
        for c in ws[1]:
            c.font = bold
        for row in rows:
            # every cell through the masker, not only those that hold names: an 18-digit element or
            # indicator id (a ref, an evidence line) is a NIP too, and so is an 18-digit number
            ws.append([_safe(_personal(mask, v)) for v in row])
        ws.freeze_panes = "A2"
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        for col, fmt in (formats or {}).items():
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.number_format = fmt
        if rows:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
        return ws

    # summary per document
    budget_years = sorted({y for d in workspace.parsed.values() for e in d.model.elements for y in e.budget})
    cov = {row["document"]: row for row in coverage_rows(workspace, report)}
    rows = []
    for doc_id in sorted(workspace.parsed):
        doc = workspace.parsed[doc_id]
        h = doc.model.document
        row = cov.get(doc_id, {})
        totals = [sum(v or 0 for e in doc.model.elements for y, v in e.budget.items() if y == year) or None for year in budget_years]
        rows.append([doc_id, mask(h.title), h.kind, f"{h.period.start}-{h.period.end}", doc.file,
                     row.get("elements", len(doc.model.elements)), row.get("indicators", 0),
                     row.get("errors", 0), row.get("warnings", 0), row.get("infos", 0), *totals])
    columns = [head[k] for k in ("document", "title", "kind", "period", "source", "elements", "indicators", "errors", "warnings", "infos")]
    columns += [f"Pagu {y}" if lang == "id" else f"Budget {y}" for y in budget_years]
    ws = sheet(names["summary"], columns, rows, [34, 48, 10, 11, 40, 9, 10, 10, 11, 8] + [18] * len(budget_years),
               {11 + i: "#,##0" for i, _ in enumerate(budget_years)})
    wb.remove(wb.worksheets[0])  # the default empty sheet

    # findings: filterable, the cell or file:line, coloured by severity
    frows = []
    for f in report:
        where = f"{f.file} [{f.cell}]" if f.cell else (f"{f.file}:{f.line}" if f.file and f.line else (f.file or ""))
        frows.append([severity[f.severity.value], f.code, f.rule, f.ref or "", where, mask(f.localized(lang))])
    ws = sheet(names["findings"], [head[k] for k in ("severity", "code", "rule", "ref", "where", "message")], frows,
               [10, 9, 26, 44, 44, 100])
    if frows:
        rng = f"A2:A{len(frows) + 1}"
        for sev, color in _FILL.items():
            ws.conditional_formatting.add(rng, CellIsRule(operator="equal", formula=[f'"{severity[sev]}"'],
                                                          fill=PatternFill(start_color=color, end_color=color, fill_type="solid")))

    # coverage
    crows = list(coverage_rows(workspace, report))
    if crows:
        keys = [k for k in crows[0].keys()]
        columns = [_column(k, lang) for k in keys]
        ws = sheet(names["coverage"], columns, [[mask(r[k]) if isinstance(r[k], str) else r[k] for k in keys] for r in crows],
                   [max(10, min(40, len(c) + 4)) for c in columns])
        for i, k in enumerate(keys, start=1):
            if k in ("linked_up", "supported"):
                for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = "0%"
        for i, k in enumerate(keys, start=1):
            if k in ("orphan_elements", "orphan_indicators", "errors"):
                letter = get_column_letter(i)
                ws.conditional_formatting.add(f"{letter}2:{letter}{len(crows) + 1}", CellIsRule(
                    operator="greaterThan", formula=["0"], fill=PatternFill(start_color=_FILL["error"], end_color=_FILL["error"], fill_type="solid")))

    # budget per element
    brow = []
    for doc_id in sorted(workspace.parsed):
        for e in workspace.parsed[doc_id].model.elements:
            if e.budget:
                brow.append([doc_id, e.id, e.kind, mask(e.name), len(e.indicators)] + [e.budget.get(y) for y in budget_years])
    if brow:
        sheet(names["budget"], [head["document"], head["element"], head["kind"], head["name"], head["indicators"]] + [str(y) for y in budget_years],
              brow, [34, 18, 12, 60, 10] + [18] * len(budget_years), {6 + i: "#,##0" for i, _ in enumerate(budget_years)})

    # alignment matrices (matriks keterkaitan) between tiers
    graph = workspace.graph
    n = 0
    for lower in sorted(workspace.parsed):
        for upper in workspace.parsed[lower].model.document.aligns_to:
            if upper not in workspace.parsed or upper == lower:
                continue
            m = alignment(workspace, lower, upper)
            n += 1
            cols = [c[len(upper) + 1:] for c in m.columns]
            rows = []
            for r in m.rows:
                rows.append([r[len(lower) + 1:], mask(graph.nodes[r]["name"])] +
                            [("●" if m.cells[(r, c)] == "direct" else "○") if (r, c) in m.cells else "" for c in m.columns])
            ws = sheet(f"{names['matrix']} {n}", [f"{lower} \u2192 {upper}", head["name"]] + cols, rows, [18, 50] + [6] * len(cols))
            ws.freeze_panes = "C2"
    # capaian, where the plans carry realisasi (the rows of `cascade capaian`, NIPs in sources masked)
    table = capaian_table(workspace, None, as_of, None, show_personal)
    if table.rows:
        keys = ["ref", "year", "target", "realized", "capaian", "category", "polarity", "status", "source", "note"]
        crows = []
        for r in table.to_dicts():
            target = r["target"]
            if isinstance(target, dict):
                target = "-".join("" if target.get(k) is None else format(target[k], "g") for k in ("min", "max"))
            crows.append([mask(r["ref"]), r["year"], target, r["realized"], r["capaian"], r["category"],
                          _word(POLARITY_WORDS, r["polarity"], lang), _word(STATUS_WORDS, r["status"], lang),
                          mask(r["source"]) if isinstance(r["source"], str) else r["source"], note_in(r["note"], lang)])
        ws = sheet(names["capaian"], [_column(k, lang) for k in keys], crows, [40, 6, 12, 12, 10, 14, 10, 12, 30, 30], {5: "0.00"})
        for row in ws.iter_rows(min_row=2, min_col=6, max_col=6):
            colour = CATEGORY_COLOURS.get(row[0].value or "")
            if colour:
                row[0].fill = PatternFill("solid", fgColor=colour.lstrip("#").upper())
    # the SAKIP pre-evaluation, where the scope holds pemda plans (indicative; manual criteria open)
    if any(d.document.kind not in ("rpjmn",) for d in workspace.documents.values()):
        try:
            result = sakip_evaluate(workspace, report.findings, lang=lang, as_of=as_of)
        except (KeyError, ValueError):  # no pemda scope to evaluate
            result = None
        if result is not None:
            keys = ["id", "mode", "answer", "value", "weight", "ok", "total", "evidence", "refs"]
            srows = [[mask(r[k]) if k == "evidence" else _word(MODES, r[k], lang) if k == "mode" else r[k] for k in keys]
                     for r in result.rows()]
            srows.append(["total" if lang != "id" else "jumlah", "", result.predikat, None, round(result.assessed_weight, 2),
                          None, None, f"{result.total_score:.2f} / 100 " + ("(indikatif)" if lang == "id" else "(indicative)"), ""])
            from ..sakip.render import LABELS, range_lines

            srows += [["", "", None, None, None, None, None, line, ""] for line in range_lines(result, LABELS.get(lang, LABELS["en"]))]
            sheet(names["sakip"], [_column(k, lang) for k in keys], srows, [20, 10, 8, 8, 8, 6, 6, 70, 40], {4: "0.00", 5: "0.00"})
    save_book(wb, path)


def save_book(book: Any, path: Any) -> None:
    """``book`` to ``path`` (a file name or a binary stream), built in memory first: openpyxl writing
    straight to a file that fails midway (a full disk, ``/dev/full``) leaves a half-closed zip whose
    destructor prints a second traceback after the error was reported."""
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if hasattr(path, "write"):
        path.write(data)
        return
    with open(path, "wb") as fh:
        fh.write(data)
