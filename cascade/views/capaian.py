"""Capaian tables for planners and tools: the measured rows, the roll-up along the cascade, the
LKjIP-shaped table, and their text, JSON and CSV forms (issue 17).

The rows come from :func:`cascade.rules.realization.capaian_rows` (the one place capaian is
computed, with :func:`cascade.core.capaian.capaian`); this module only arranges them. No pandas is
needed except for :meth:`CapaianTable.to_pandas`.

JSON (``cascade capaian --format json``)::

    {"version": 1, "as_of": 2024, "rows": [{"ref", "document", "tier", "year", "target", "realized",
     "capaian", "category", "polarity", "polarity_source", "status", "source", "note"}]}
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from ..core.capaian import CATEGORIES, note_in
from ..core.errors import UsageError, require_pandas
from ..core.models import Range
from ..core.privacy import mask_nips
from ..core.text import html_text, csv_cell, csv_text, join_lines
from ..core.words import kind_word
from ..graph import Workspace
from ..rules.context import Context
from ..rules.realization import CapaianRow, as_of as _as_of, capaian_rows
from ..core.text import json_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CapaianRow",
    "CapaianTable",
    "RollupRow",
    "LkjipRow",
    "JSON_FIELDS",
    "capaian_table",
    "capaian_rollup",
    "lkjip_rows",
    "capaian_context",
    "lkjip_text",
    "lkjip_json",
    "lkjip_csv",
    "svg_chart",
    "CATEGORY_COLOURS",
]

#: The fields of a JSON row, in order (a contract: pipelines read them).
JSON_FIELDS = ("ref", "document", "tier", "year", "target", "realized", "capaian", "category", "polarity",
               "polarity_source", "status", "source", "note")

#: Colours of the capaian categories (Permendagri 86/2017 scale), best first.
CATEGORY_COLOURS = {"sangat tinggi": "#1a7f37", "tinggi": "#4ac26b", "sedang": "#d4a72c", "rendah": "#e16f24",
                    "sangat rendah": "#cf222e"}


def _e(text: str | None) -> str:
    return html_text(text)  # escaped, line breaks as character references


def _number(value: object, polarity: str | None) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, Range):
        bound = value.max if polarity == "negative" else value.min
        return bound if bound is not None else (value.max if value.min is None else value.min)
    return None


def svg_chart(rows: list, t: Callable[[str], str]) -> str:
    """Target (dashed) and realisasi (solid) of one indicator over the years, as inline SVG."""
    years = [r.year for r in rows]
    pts_t = [(r.year, _number(r.target, r.polarity)) for r in rows]
    pts_r = [(r.year, _number(r.realized, r.polarity)) for r in rows]
    values = [v for _, v in pts_t + pts_r if v is not None]
    if not values:
        return ""
    lo, hi = min(values), max(values)
    span = (hi - lo) or abs(hi) or 1.0
    lo, hi = lo - span * 0.1, hi + span * 0.1
    w, h, pad = 260, 90, 24
    y0, y1 = min(years), max(years)

    def xy(year: int, v: float) -> str:
        x = pad + (0 if y1 == y0 else (year - y0) / (y1 - y0) * (w - 2 * pad))
        y = h - pad + 8 - (v - lo) / (hi - lo) * (h - pad - 8) if hi != lo else h / 2
        return f"{x:.1f},{y:.1f}"

    def line(pts: list, style: str, colour: str, label: str) -> str:
        pts = [(yr, v) for yr, v in pts if v is not None]
        if not pts:
            return ""
        path = " ".join(xy(yr, v) for yr, v in pts)
        dots = "".join(f'<circle cx="{xy(yr, v).split(",")[0]}" cy="{xy(yr, v).split(",")[1]}" r="2.5" fill="{colour}">'
                       f"<title>{_e(label)} {yr}: {v:g}</title></circle>" for yr, v in pts)
        return f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.5" {style}/>{dots}'

    dashed = 'stroke-dasharray="4 3"'
    axis = "".join(f'<text x="{xy(yr, lo).split(",")[0]}" y="{h - 4}" font-size="9" text-anchor="middle">{yr}</text>' for yr in years)
    return (f'<svg class="capaian-chart" xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img">'
            f"{line(pts_t, dashed, '#57606a', t('target'))}{line(pts_r, '', '#0969da', t('realized'))}{axis}</svg>")



def _mask_text(text: Any, show_personal: bool) -> Any:
    """``text`` with its NIPs outlined as every output outlines them (``0000••••••••••0001``,
    :func:`cascade.core.privacy.mask_nips`), unless ``show_personal``."""
    if show_personal or not isinstance(text, str):
        return text
    return mask_nips(text)


def _name_mask(ws: Workspace, show_personal: bool) -> Callable[[str], str]:
    """What a name of ``ws`` is shown as: NIPs and the skp employees' names outlined (as the HTML
    report's :class:`~cascade.views.html.Masker` does: the workspace's
    :attr:`~cascade.graph.Workspace.name_mask`), or as written with ``show_personal``."""
    if show_personal:
        return lambda text: text
    names = ws.name_mask
    return lambda text: names(mask_nips(text)) if isinstance(text, str) else text


def _with_as_of(as_of: int | None, options: dict[str, dict[str, Any]] | None) -> dict[str, dict[str, Any]]:
    """``options`` with ``as_of`` set on the rule that owns it (checked: a year, or None)."""
    if as_of is not None and (isinstance(as_of, bool) or not isinstance(as_of, int) or not 1900 <= as_of <= 2200):
        raise UsageError(f"as_of must be a year such as 2024, not {as_of!r}")
    from ..validate import _options

    opts = {k: dict(v) for k, v in (_options(options) or {}).items()}  # checked as validate(options=...) checks them
    if as_of is not None:
        opts.setdefault("missing-realization", {})["as_of"] = as_of
    return opts


def capaian_context(ws: Workspace, as_of: int | None = None, options: dict[str, dict[str, Any]] | None = None) -> Context:
    """A rules :class:`~cascade.rules.context.Context` on ``ws`` with ``as_of`` set (None: ``options``' or the current year)."""
    return Context(ws.graph, ws.parsed, _with_as_of(as_of, options))


def resolve_as_of(as_of: int | None = None, options: dict[str, dict[str, Any]] | None = None) -> int:
    """The year a capaian table of these arguments is as of (``as_of``, else the options', else this year)."""
    return _as_of(Context(None, {}, _with_as_of(as_of, options)))


def _json_value(value: Any) -> Any:
    if isinstance(value, Range):
        return {"min": value.min, "max": value.max}
    return value


def _text_value(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, Range):
        if value.min is None:
            return f"<= {value.max:g}"
        if value.max is None:
            return f">= {value.min:g}"
        return f"{value.min:g}-{value.max:g}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@dataclass(frozen=True)
class CapaianTable:
    """The capaian rows of a workspace as of a year: ``rows`` (typed :class:`CapaianRow`), ``as_of``,
    and the names of the indicators (``names``: ref -> name) for display."""

    as_of: int
    rows: tuple[CapaianRow, ...]
    names: dict[str, str]
    show_personal: bool = False

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as JSON-ready dicts with exactly :data:`JSON_FIELDS` (NIPs in ``ref``, ``document``
        and ``source`` outlined unless ``show_personal``)."""
        out = []
        for r in self.rows:
            out.append({
                "ref": _mask_text(r.ref, self.show_personal), "document": _mask_text(r.document, self.show_personal), "tier": r.tier, "year": r.year, "target": _json_value(r.target),
                "realized": r.realized, "capaian": r.capaian, "category": r.category, "polarity": r.polarity,
                "polarity_source": r.polarity_source, "status": r.status,
                "source": _mask_text(r.source, self.show_personal), "note": r.note or None,
            })
        return out

    def to_json(self) -> str:
        return json_text({"version": 1, "as_of": self.as_of, "rows": self.to_dicts()})

    def to_csv(self, lang: str = "en") -> str:
        """The rows as CSV: the columns are :data:`JSON_FIELDS` in every language (scripts read them);
        in ``id`` the ``note`` is written as people read it (``tidak ada realisasi``), in ``en`` as the code."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(JSON_FIELDS)
        for d in self.to_dicts():
            d["note"] = note_in(d["note"], lang)
            writer.writerow([csv_cell("" if d[f] is None else _text_value(Range(**d[f])) if isinstance(d[f], dict) else d[f])
                             for f in JSON_FIELDS])
        return buf.getvalue()

    def to_text(self, lang: str = "id") -> str:
        """A plain table: indicator, year, target, realisasi, capaian, category."""
        head = ("Indikator", "Tahun", "Target", "Realisasi", "Capaian", "Kategori") if lang == "id" else \
               ("Indicator", "Year", "Target", "Realisasi", "Capaian", "Category")
        lines = [[_mask_text(r.ref, self.show_personal), str(r.year), _text_value(r.target), _text_value(r.realized),
                  "-" if r.capaian is None else f"{r.capaian:.2f}", r.category or note_in(r.note, lang) or "-"] for r in self.rows]
        widths = [max(len(h), *(len(l[i]) for l in lines)) if lines else len(h) for i, h in enumerate(head)]
        title = f"Capaian kinerja per {self.as_of}" if lang == "id" else f"Capaian as of {self.as_of}"
        out = [title, "  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip()]
        previous = None
        for r, l in zip(self.rows, lines):
            if r.ref != previous:  # the indicator's name above its years (the ref alone says little to a planner)
                previous = r.ref
                name = _mask_text(self.names.get(r.ref), self.show_personal)
                if name:
                    out.append(f"— {name}")
            out.append("  ".join(c.ljust(w) for c, w in zip(l, widths)).rstrip())
        if not lines:
            out.append("(tidak ada realisasi)" if lang == "id" else "(no realisasi)")
        return join_lines(out)

    def to_html(self, lang: str = "id") -> str:
        """Per indicator, target vs realisasi as inline SVG and the last capaian (the charts of the HTML
        report; no plotting library needed), headed in ``lang`` (``id`` by default, ``en``)."""
        t = {"target": "target", "realized": "realisasi"}.get
        by_ind: dict[str, list[CapaianRow]] = {}
        for r in self.rows:
            by_ind.setdefault(r.ref, []).append(r)
        head = (f"Capaian kinerja per {self.as_of}: {len(by_ind)} indikator, {len(self.rows)} baris" if lang == "id" else
                f"Capaian as of {self.as_of}: {len(by_ind)} indicators, {len(self.rows)} rows")
        parts = [f"<p>{head}</p>", '<div style="display:flex;flex-wrap:wrap;gap:1rem">']
        for ref, rows in list(by_ind.items())[:60]:
            last = [r for r in rows if r.capaian is not None]
            badge = (f' <span style="background:{CATEGORY_COLOURS[last[-1].category]};color:#fff;padding:0 .25rem">'
                     f"{last[-1].capaian:.2f}</span>" if last else "")
            # NIPs outlined as in to_text (a notebook cell has no output funnel to mask them)
            shown, name = (_mask_text(x, self.show_personal) for x in (ref, self.names.get(ref)))
            parts.append(f'<figure style="margin:0"><figcaption style="font-size:12px;max-width:260px"><code>{_e(shown)}</code> '
                         f"{_e(name)}{badge}</figcaption>{svg_chart(rows, t)}</figure>")
        parts.append("</div>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        """A notebook cell shows :meth:`to_html` in Bahasa Indonesia."""
        return self.to_html()

    def to_pandas(self) -> "pd.DataFrame":
        """The rows as a DataFrame (columns :data:`JSON_FIELDS` plus ``name``); needs the ``notebook`` extra."""
        pd = require_pandas("CapaianTable.to_pandas()")
        rows = self.to_dicts()
        for r, d in zip(self.rows, rows):
            d["name"] = self.names.get(r.ref)
            if isinstance(d["target"], dict):
                d["target"] = _text_value(Range(**d["target"]))
        return pd.DataFrame(rows, columns=[*JSON_FIELDS, "name"])


def capaian_table(ws: Workspace, year: int | None = None, as_of: int | None = None,
                  options: dict[str, dict[str, Any]] | None = None, show_personal: bool = False) -> CapaianTable:
    """The capaian of every measured indicator of ``ws``, per year up to ``as_of`` (or only ``year``)."""
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise UsageError(f"year must be a year such as 2024, not {year!r}")
    ctx = capaian_context(ws, as_of, options)
    rows = tuple(capaian_rows(ctx, year))
    mask = _name_mask(ws, show_personal)
    names = {r.ref: mask(ws.graph._node[r.ref]["name"]) for r in rows}  # shown in every language and format
    return CapaianTable(_as_of(ctx), rows, names, show_personal)


class RollupRow(NamedTuple):
    """An element in a year: ``measured`` is the mean capaian of its own indicators (None if none
    is measured); ``below_mean``/``below_min`` those of the indicators of the elements that cascade
    into it (``parent``/``supports``), over ``below_count`` measured indicators. Kept apart: nothing
    rolled up is presented as measured."""

    ref: str
    document: str
    tier: str | None
    kind: str
    year: int
    measured: float | None
    below_mean: float | None
    below_min: float | None
    below_count: int


def capaian_rollup(ws: Workspace, year: int | None = None, as_of: int | None = None,
                   options: dict[str, dict[str, Any]] | None = None) -> list[RollupRow]:
    """Per element and year: its own measured capaian beside the mean and minimum from below."""
    return rollup_of(ws, capaian_table(ws, year, as_of, options))


def rollup_of(ws: Workspace, table: CapaianTable) -> list[RollupRow]:
    """:func:`capaian_rollup` of a table already computed."""
    G = ws.graph
    own: dict[tuple[str, int], list[float]] = {}
    for r in table.rows:
        if r.capaian is not None:
            own.setdefault((r.element, r.year), []).append(r.capaian)
    elements = {e for e, _ in own}
    above: dict[str, list[str]] = {}
    for e in list(elements):
        for upper, edge in G._succ[e].items():
            if edge.get("type") in ("parent", "supports") and G._node[upper]["type"] == "element":
                above.setdefault(upper, []).append(e)
    out = []
    years = sorted({y for _, y in own})
    for element in [n for n in G._node if n in elements or n in above]:
        attrs = G._node[element]
        for y in years:
            mine = own.get((element, y))
            below = [v for b in above.get(element, ()) for v in own.get((b, y), ())]
            if not mine and not below:
                continue
            out.append(RollupRow(element, attrs["doc"], attrs["tier"], attrs["kind"], y,
                                 round(sum(mine) / len(mine), 2) if mine else None,
                                 round(sum(below) / len(below), 2) if below else None,
                                 min(below) if below else None, len(below)))
    return out


class DocumentRollupRow(NamedTuple):
    """A document's measured indicators of one element kind in one year (the roll-up "for a
    document, per tier" of the plan's own levels: its tujuan, sasaran, program...): how many have a
    capaian, their mean and minimum, and how many fall in each category (scale order)."""

    document: str
    tier: int | None
    kind: str
    year: int
    indicators: int
    mean: float | None
    min: float | None
    categories: tuple[tuple[str, int], ...]


def capaian_by_document(ws: Workspace, year: int | None = None, as_of: int | None = None,
                        options: dict[str, dict[str, Any]] | None = None) -> list[DocumentRollupRow]:
    """Per document, element kind (its levels, in the order of the format) and year: the capaian of
    its measured indicators summarised. Only measured indicators count; nothing is rolled up from
    other documents (that is :func:`capaian_rollup`'s ``below`` columns)."""
    return by_document_of(ws, capaian_table(ws, year, as_of, options))


def by_document_of(ws: Workspace, table: CapaianTable) -> list[DocumentRollupRow]:
    """:func:`capaian_by_document` of a table already computed."""
    from ..core.models import ELEMENT_KINDS

    G = ws.graph
    groups: dict[tuple[str, str, int], list[CapaianRow]] = {}
    for r in table.rows:
        if r.capaian is not None:
            groups.setdefault((r.document, G._node[r.element]["kind"], r.year), []).append(r)
    order = {d: i for i, d in enumerate(ws.parsed)}
    # the element kinds top to bottom (tujuan before sasaran before program...), not the document kinds
    kinds = {k: i for i, k in enumerate(dict.fromkeys(k for levels in ELEMENT_KINDS.values() for k in levels))}
    out = []
    for (doc, kind, y), rows in sorted(groups.items(), key=lambda kv: (order.get(kv[0][0], len(order)), kinds.get(kv[0][1], len(kinds)), kv[0][2])):
        values = [r.capaian for r in rows]
        counts = tuple((c, sum(1 for r in rows if r.category == c)) for c in CATEGORIES)
        out.append(DocumentRollupRow(doc, rows[0].tier, kind, y, len(values), round(sum(values) / len(values), 2), min(values), counts))
    return out


_BY_DOCUMENT_HEAD = {
    "id": ("Dokumen", "Jenjang", "Tingkat", "Tahun", "Indikator", "Rata-rata", "Terendah", *CATEGORIES),
    "en": ("Document", "Tier", "Level", "Year", "Indicators", "Mean", "Lowest", *CATEGORIES),
}


def by_document_head(lang: str = "id", *, tier: bool = True) -> tuple[str, ...]:
    """The column headings of the per-document roll-up in ``lang``, without the tier's when ``tier``
    is false (the HTML report's table)."""
    head = _BY_DOCUMENT_HEAD.get(lang, _BY_DOCUMENT_HEAD["en"])
    return head if tier else head[:1] + head[2:]


def _by_document_cells(r: DocumentRollupRow) -> list[Any]:
    return [r.document, "" if r.tier is None else r.tier, r.kind, r.year, r.indicators, f"{r.mean:.2f}", f"{r.min:.2f}",
            *(n for _, n in r.categories)]


def by_document_text(rows: list[DocumentRollupRow], as_of: int, lang: str = "id") -> str:
    """The per-document roll-up as an aligned text table."""
    head = by_document_head(lang)
    title = f"Capaian per dokumen dan tingkat, keadaan tahun {as_of}" if lang == "id" else f"Capaian per document and level as of {as_of}"
    if not rows:
        return title + "\n" + ("(tidak ada realisasi)" if lang == "id" else "(no realisasi)") + "\n"
    cells = [[str(c) for c in head]] + [[str(c) for c in _by_document_cells(r)] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return join_lines([title, *lines])


def _csv(head: Any, rows: Any) -> str:
    return csv_text(head, rows)


def by_document_csv(rows: list[DocumentRollupRow], lang: str = "id") -> str:
    return _csv(by_document_head(lang), (_by_document_cells(r) for r in rows))


def by_document_json(rows: list[DocumentRollupRow], as_of: int) -> str:
    data = [{"document": r.document, "tier": r.tier, "kind": r.kind, "year": r.year, "indicators": r.indicators,
             "mean": r.mean, "min": r.min, "categories": dict(r.categories)} for r in rows]
    return json_text({"version": 1, "as_of": as_of, "documents": data})


class LkjipRow(NamedTuple):
    """One row of the LKjIP table (PermenPANRB 88/2021, Pelaporan 2.3-2.6): per sasaran and
    indicator, the year's target, realisasi and capaian, the previous years' realisasi and capaian,
    and the medium-term target (the plan's ``final``, else its last year's target) with the
    realisasi's progress toward it."""

    sasaran: str
    sasaran_name: str
    ref: str
    name: str
    unit: str | None
    year: int
    target: Any
    realized: Any
    capaian: float | None
    category: str | None
    previous: tuple[tuple[int, Any, float | None], ...]
    final_target: Any
    final_capaian: float | None
    #: The kind of the element ``sasaran`` names: a tujuan's, program's or kegiatan's indicator is
    #: measured too, and its row says so instead of calling the element a sasaran.
    sasaran_kind: str = "sasaran"


def lkjip_rows(ws: Workspace, year: int, as_of: int | None = None, options: dict[str, dict[str, Any]] | None = None) -> list[LkjipRow]:
    """The LKjIP table of ``year``: one row per measured indicator of a sasaran (or any element)."""
    from ..core.capaian import capaian as _capaian

    if isinstance(year, bool) or not isinstance(year, int):  # "2023" matched no year and gave no rows
        raise UsageError(f"year must be a year such as 2024, not {year!r}")
    table = capaian_table(ws, None, as_of, options, ws.show_personal)
    mask = _name_mask(ws, ws.show_personal)  # the names as the trace and the tree show them
    G = ws.graph
    by_ref: dict[str, dict[int, CapaianRow]] = {}
    for r in table.rows:
        by_ref.setdefault(r.ref, {})[r.year] = r
    out = []
    for ref, years in by_ref.items():
        row = years.get(year)
        if row is None:
            continue
        attrs = G._node[ref]
        ind = attrs["model"]
        element = G._node[attrs["element"]]
        final = ind.final if ind.final is not None else (ind.targets[max(ind.targets)] if ind.targets else None)
        formula = ind.capaian_formula or ((options or {}).get("low-achievement") or {}).get("formula") or "lkjip"
        final_capaian = (_capaian(final, row.realized, row.polarity, formula).value
                         if final is not None and row.note != "implausible" else None)  # CAS703: none from it
        previous = tuple((y, years[y].realized, years[y].capaian) for y in sorted(years) if y < year)
        out.append(LkjipRow(attrs["element"], mask(element["name"]), ref, table.names[ref], ind.unit, year, row.target, row.realized,
                            row.capaian, row.category, previous, final, final_capaian, element["kind"]))
    return out


_LKJIP_HEAD = {
    "id": ("Sasaran/elemen", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori", "Tahun sebelumnya",
           "Target akhir", "Capaian thd target akhir"),
    "en": ("Sasaran/element", "Indicator", "Unit", "Target", "Realisasi", "Capaian", "Category", "Previous years",
           "Final target", "Capaian of final target"),
}


def _lkjip_cells(r: LkjipRow) -> list[str]:
    previous = "; ".join(f"{y}: {_text_value(v)} ({'-' if c is None else f'{c:.2f}'})" for y, v, c in r.previous)
    kind = kind_word(r.sasaran_kind)
    kind = kind[:1].upper() + kind[1:]
    return [f"{kind} {r.sasaran.split(':', 1)[-1]} {r.sasaran_name}", r.name, r.unit or "", _text_value(r.target),
            _text_value(r.realized), "-" if r.capaian is None else f"{r.capaian:.2f}", r.category or "-", previous or "-",
            _text_value(r.final_target), "-" if r.final_capaian is None else f"{r.final_capaian:.2f}"]


def lkjip_text(rows: list[LkjipRow], year: int, lang: str = "id") -> str:
    """The LKjIP table as plain text, one block per indicator (the table is too wide for columns)."""
    head = _LKJIP_HEAD.get(lang, _LKJIP_HEAD["en"])
    out = [f"Pengukuran kinerja tahun {year}" if lang == "id" else f"Performance measurement {year}"]
    for r in rows:
        out.append("")
        out += [f"  {h}: {c}" for h, c in zip(head, _lkjip_cells(r))]
    if not rows:
        out.append("(tidak ada realisasi)" if lang == "id" else "(no realisasi)")
    return join_lines(out)


def lkjip_csv(rows: list[LkjipRow], lang: str = "id") -> str:
    return _csv(_LKJIP_HEAD.get(lang, _LKJIP_HEAD["en"]), (_lkjip_cells(r) for r in rows))


def lkjip_json(rows: list[LkjipRow], year: int, as_of: int) -> str:
    data = [{"sasaran": r.sasaran, "sasaran_name": r.sasaran_name, "sasaran_kind": r.sasaran_kind, "ref": r.ref, "name": r.name, "unit": r.unit,
             "year": r.year, "target": _json_value(r.target), "realized": r.realized, "capaian": r.capaian,
             "category": r.category, "previous": [{"year": y, "realized": v, "capaian": c} for y, v, c in r.previous],
             "final_target": _json_value(r.final_target), "final_capaian": r.final_capaian} for r in rows]
    return json_text({"version": 1, "as_of": as_of, "year": year, "rows": data})
