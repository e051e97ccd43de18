"""pandas tables for notebooks: coverage per document, the matriks keterkaitan, and findings; and the
words people read for their columns and coded values (:func:`labelled`, :func:`column_label`).

pandas is an optional extra (``pip install 'sakip-cascade[notebook]'``); without it these functions raise
:class:`~cascade.errors.MissingExtraError`. The values come from :mod:`cascade.views`, which needs no pandas.

The DataFrames keep the documented column names and codes (``linked_up``, ``severity == "error"``):
scripts select and filter by them. :func:`labelled` gives the copy a planner reads, in Bahasa
Indonesia by default: ``labelled(ws.coverage(report))``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.errors import require_pandas
from ..core.findings import Report
from .labels import COLUMN_WORDS, _VALUE_WORDS, cell_word, column_label
from .trace import Matrix

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["coverage_frame", "matrix_frame", "findings_frame", "labelled", "column_label", "cell_word", "COLUMN_WORDS",
           "MATRIX_SYMBOLS"]

#: Cell marks of the matriks keterkaitan: with symbols, and as words.
MATRIX_SYMBOLS = {True: {"direct": "●", "indirect": "○"}, False: {"direct": "direct", "indirect": "indirect"}}

FINDING_COLUMNS = ("rule", "code", "severity", "ref", "file", "line", "column", "end_line", "end_column", "message", "pointer",
                   "cell")


def coverage_frame(rows: list[dict[str, Any]]) -> "pd.DataFrame":
    """The coverage rows of :func:`cascade.views.coverage_rows` as a DataFrame indexed by document id."""
    pd = require_pandas("Cascade.coverage()")
    return pd.DataFrame(rows).set_index("document")


def matrix_frame(matrix: Matrix, symbols: bool = True) -> "pd.DataFrame":
    """A :class:`~cascade.views.Matrix` as a DataFrame: local ids of the lower document as rows, of the
    upper document as columns, cells ``●``/``○`` (or ``direct``/``indirect``) and ``""`` where unlinked."""
    pd = require_pandas("Cascade.alignment_matrix()")
    marks = MATRIX_SYMBOLS[symbols]
    lo, up = len(matrix.lower) + 1, len(matrix.upper) + 1
    data = [[marks.get(matrix.cells.get((r, c), ""), "") for c in matrix.columns] for r in matrix.rows]
    return pd.DataFrame(data, index=pd.Index([r[lo:] for r in matrix.rows], name=matrix.lower),
                        columns=pd.Index([c[up:] for c in matrix.columns], name=matrix.upper), dtype=object)


def findings_frame(report: Report, lang: str = "id") -> "pd.DataFrame":
    """One row per finding, columns :data:`FINDING_COLUMNS`, messages in ``lang``; line numbers are
    nullable integers (None for a document given as a dict)."""
    pd = require_pandas("Report.to_pandas()")
    records = [
        {
            "rule": f.rule, "code": f.code, "severity": f.severity.value, "ref": f.ref, "file": f.file,
            "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
            "message": f.localized(lang), "pointer": f.pointer, "cell": f.cell,
        }
        for f in report
    ]
    frame = pd.DataFrame.from_records(records, columns=list(FINDING_COLUMNS))
    for col in ("line", "column", "end_line", "end_column"):
        frame[col] = frame[col].astype("Int64")
    return frame


#: Columns of a share (0..1) of the coverage table, which :func:`labelled` shows in per cent.
_SHARE_COLUMNS = frozenset({"linked_up", "supported"})


def labelled(frame: "pd.DataFrame", lang: str = "id") -> "pd.DataFrame":
    """A copy of ``frame`` (any table of the API: ``Report.to_pandas()``, ``Cascade.coverage()``,
    ``CapaianTable.to_pandas()``, ``SakipResult.to_pandas()``, a DataFrame of steps or rows) to be
    read: column headers and index names by :func:`column_label`, coded values by :func:`cell_word`,
    in ``lang`` (``id`` by default, ``en`` for English). Select and filter on the frame itself, by its
    documented names; label what is shown: ``labelled(report.to_pandas()[["code", "severity"]])``."""
    from ..core.findings import LANGUAGES

    pd = require_pandas("labelled()")
    if lang not in LANGUAGES:
        from ..core.errors import UsageError

        raise UsageError(f"lang must be one of {', '.join(repr(x) for x in LANGUAGES)}, not {lang!r}"[:200])
    if not isinstance(frame, pd.DataFrame):
        from ..core.errors import UsageError

        raise UsageError(f"labelled() takes a pandas DataFrame, not {type(frame).__name__}")
    out = frame.copy()
    names = list(out.columns)
    shares = _SHARE_COLUMNS.intersection(names)
    # by position: a frame may name two columns alike (pd.concat), where out[key] is a DataFrame
    for i, key in enumerate(names):
        col = out.iloc[:, i]
        if key in shares:  # shares in per cent, as the CLI and the report print them (95.5, not 0.954545), still numbers
            col = (col * 100).round(1)
        if isinstance(key, str) and (key in _VALUE_WORDS or key in ("kind", "note") or col.dtype == bool
                                     or col.map(lambda v: isinstance(v, (bool, list, tuple))).any()):
            col = col.map(lambda v, k=key: cell_word(k, v, lang)).astype(object)
        if col.dtype == object or pd.api.types.is_string_dtype(col.dtype):  # pandas 3 types text "str"
            col = col.where(col.notna(), "-")  # an empty cell of a text column reads "-", not "None"
        if key == "severity":  # sorted and grouped worst first (kesalahan, peringatan, info), not alphabetically
            order = [cell_word("severity", s, lang) for s in ("error", "warning", "info")]
            if set(col.dropna()) <= set(order):
                col = pd.Series(pd.Categorical(col, categories=order, ordered=True), index=col.index, name=col.name)
        out.isetitem(i, col)

    def label(name: Any) -> Any:
        if not isinstance(name, str):
            return name
        return column_label(name, lang) + (" (%)" if name in shares else "")

    out.columns = out.columns.map(label)
    out.columns.name = label(frame.columns.name)
    out.index.names = [label(n) for n in frame.index.names]
    return out
