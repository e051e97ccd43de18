"""HTML for people: the self-contained report file, and the notebook views of a report and a workspace.

The report (:func:`render_html`) is one file with inline CSS and a small inline script, no network
access (a Content-Security-Policy forbids any load): a summary per document, the pohon kinerja as a
collapsible outline with finding badges, the findings table with filters by severity, rule and
document, and the matriks keterkaitan of every document against each document it aligns to. All plan
text is escaped. Employee numbers (NIP) and names are masked unless ``show_personal=True``: a NIP
keeps its first and last four digits, a name its first letter (:func:`outline`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..core.findings import LANGUAGES, SEVERITY_WORDS, Finding, Report
from ..core.privacy import NameMask, mask_nip_value, mask_nips, outline, workspace_names
from ..core.privacy import _names_pattern  # noqa: F401 - where it lived (tests/views/test_htmlreport.py)
from ..core.text import html_text, escape_unsafe
from ..core.words import kind_word
from .tree import TreeNode, build_tree
from ..core.refs import document_of
from ..validate import validate
from ..sakip import evaluate as sakip_evaluate, read_answers
from ..sakip.render import render_html as sakip_html
from ..core.capaian import CATEGORIES, category
from .capaian import CATEGORY_COLOURS, CapaianTable, RollupRow, by_document_head, by_document_of, capaian_table, rollup_of, svg_chart
from .trace import COVERAGE_COLUMNS, alignment, coverage_rows

if TYPE_CHECKING:
    from ..graph import Workspace

__all__ = ["render_html", "report_html", "cascade_html", "Masker", "outline"]

#: Interface text, English and Bahasa Indonesia.
TEXT: dict[str, dict[str, str]] = {
    "title": {"en": "Performance cascade report", "id": "Laporan keterkaitan kinerja"},
    "summary": {"en": "Summary per document", "id": "Ringkasan per dokumen"},
    "tree": {"en": "Performance tree (pohon kinerja)", "id": "Pohon kinerja"},
    "findings": {"en": "Findings", "id": "Temuan"},
    "matrices": {"en": "Alignment matrices (matriks keterkaitan)", "id": "Matriks keterkaitan"},
    "sakip": {"en": "SAKIP pre-evaluation (LKE 88/2021)", "id": "Pra-evaluasi SAKIP (LKE 88/2021)"},
    "sakip_none": {"en": "No pemda plans to pre-evaluate.", "id": "Tidak ada dokumen pemda untuk dipra-evaluasi."},
    **COVERAGE_COLUMNS,  # the summary table's columns, as every surface names them
    "severity": {"en": "Severity", "id": "Tingkat"},
    "rule": {"en": "Rule", "id": "Aturan"},
    "ref": {"en": "Reference", "id": "Rujukan"},
    "location": {"en": "Location", "id": "Lokasi"},
    "message": {"en": "Message", "id": "Pesan"},
    "all": {"en": "all", "id": "semua"},
    "shown": {"en": "findings shown", "id": "temuan ditampilkan"},
    "expand": {"en": "Expand all", "id": "Buka semua"},
    "collapse": {"en": "Collapse all", "id": "Tutup semua"},
    "repeated": {"en": "also under another parent, see above", "id": "juga di bawah induk lain, lihat di atas"},
    "truncated": {"en": "more below", "id": "ada lanjutan"},
    "direct": {"en": "direct", "id": "langsung"},
    "indirect": {"en": "indirect", "id": "tidak langsung"},
    "no_findings": {"en": "No findings.", "id": "Tidak ada temuan."},
    "no_matrix": {"en": "No document aligns to another document of this workspace.",
                  "id": "Tidak ada dokumen yang selaras dengan dokumen lain di ruang kerja ini."},
    "unlinked": {"en": "not linked", "id": "tidak terhubung"},
    "holder": {"en": "Holder", "id": "Pemegang"},
    "more": {"en": "more findings not shown", "id": "temuan lain tidak ditampilkan"},
    "documents": {"en": "documents", "id": "dokumen"},
    "capaian": {"en": "Achievement (capaian)", "id": "Capaian kinerja"},
    "heatmap": {"en": "Capaian per element and year (mean of its measured indicators)",
                "id": "Capaian per elemen dan tahun (rata-rata indikator yang terukur)"},
    "per_indicator": {"en": "Target and realisasi per indicator", "id": "Target dan realisasi per indikator"},
    "per_document": {"en": "Capaian per document and level (measured indicators)",
                     "id": "Capaian per dokumen dan tingkat (indikator yang terukur)"},
    "target": {"en": "target", "id": "target"},
    "realized": {"en": "realisasi", "id": "realisasi"},
    "as_of": {"en": "as of", "id": "per"},
    "element": {"en": "Element", "id": "Elemen"},
}



class Masker:
    """Masks employee numbers and names in text, unless personal data is to be shown.

    Names are those of the ``employee`` entries of the workspace's skp documents, read from the
    models and from the documents' data (:attr:`ParsedDocument.personal_names`: an entry that
    failed validation has no model, and its name is still personal); NIPs are any
    18-digit employee number (also written in its 8-6-1-3 groups). Both become their :func:`outline`.
    """

    def __init__(self, cascade: "Workspace", show_personal: bool = False):
        self.show = show_personal
        # the workspace's own, compiled once (a Workspace keeps it for its findings)
        names = getattr(cascade, "name_mask", None)
        self._names = names if isinstance(names, NameMask) else NameMask(workspace_names(cascade))

    def __call__(self, text: str | None) -> str:
        """``text`` with personal data masked (or unchanged with ``show_personal``); None becomes ``""``."""
        if text is None:
            return ""
        if self.show:
            return text
        return self._names(mask_nips(text))


_CSS = """.heatmap td.cap{color:#fff;text-align:right}.cap{display:inline-block;min-width:1.2em;color:#fff;padding:0 .25rem;border-radius:3px}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.charts figure{margin:0}.charts figcaption{font-size:12px;max-width:260px}

:root{--err:#c0392b;--errbg:#fde2e1;--warn:#9a7d0a;--warnbg:#fff4ce;--info:#2e6da4;--infobg:#e8f1fb;--line:#d0d4d9}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1200px;padding:1rem 1.5rem;color:#1d2125}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid var(--line)}h3{font-size:1rem}
nav a{margin-right:1rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:13px}th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:.7rem;padding:0 .45rem;margin-left:.3rem;font-size:12px;font-weight:600}
.badge.error,.sev-error{background:var(--errbg);color:var(--err)}.badge.warning,.sev-warning{background:var(--warnbg);color:var(--warn)}
.badge.info,.sev-info{background:var(--infobg);color:var(--info)}
.tree details{margin-left:1.1rem}.tree summary{cursor:pointer;padding:.1rem 0}.tree .kind{color:#5b6570;font-size:12px;margin-right:.3rem}
.tree code,.matrix code{background:#f3f5f7;padding:0 .25rem;border-radius:3px}
.tree .leaf{margin-left:2.2rem;padding:.1rem 0}.tree .repeated{margin-left:2.2rem;color:#5b6570;font-style:italic}
.tree ul.ind{margin:.1rem 0 .3rem 2.2rem;padding-left:1rem;color:#38414a;font-size:13px}.tree .holder{margin-left:2.2rem;font-size:12px;color:#5b6570}
.tree .doc{color:#5b6570;font-size:12px;margin-left:.4rem}
.filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;margin:.5rem 0}
.matrix td{text-align:center;min-width:1.6rem}.matrix th.row{text-align:left;font-weight:normal}.matrix tr.gap th.row,.matrix th.gap{background:var(--errbg)}
.matrix th.col{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;max-height:14rem}
.legend{color:#5b6570}
"""

_JS = """
(function () {
  function openAll(open) {
    document.querySelectorAll("#tree details").forEach(function (d) { d.open = open; });
  }
  document.getElementById("tree-expand").addEventListener("click", function () { openAll(true); });
  document.getElementById("tree-collapse").addEventListener("click", function () { openAll(false); });
  var table = document.getElementById("findings-table");
  if (!table) { return; }  // a clean workspace has no findings table and no filters
  var keys = ["severity", "rule", "doc"];
  var selects = keys.map(function (key) { return document.getElementById("f-" + key); });
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = selects.every(function (sel, i) { return !sel.value || row.dataset[keys[i]] === sel.value; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.getElementById("f-count").textContent = String(shown);
  }
  selects.forEach(function (sel) { sel.addEventListener("change", apply); });
  apply();
})();
"""


def _e(text: str | None) -> str:
    return html_text(text)  # escaped, line breaks as character references


def _badges(findings: tuple[Finding, ...], mask: Callable[[str | None], str], lang: str) -> str:
    out = []
    for sev in ("error", "warning", "info"):
        group = [f for f in findings if f.severity.value == sev]
        if group:
            tip = "\n".join(f"{f.code} {f.rule}: {mask(f.localized(lang))}" for f in group)
            out.append(f'<span class="badge {sev}" title="{_e(tip)}">{len(group)} {_e(_word(sev, lang))}</span>')
    return "".join(out)


def _word(severity: str, lang: str) -> str:
    """The one word for a severity in ``lang`` (the HTML report is read by people, not parsed)."""
    return SEVERITY_WORDS.get(lang, SEVERITY_WORDS["en"])[severity]


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _summary(cascade: "Workspace", report: Report, t: Callable[[str], str], mask: Callable[[str | None], str]) -> str:
    cols = ("elements", "indicators", "linked_up", "supported", "orphan_elements", "orphan_indicators", "errors", "warnings", "infos")
    head = "".join(f"<th>{_e(t(c))}</th>" for c in ("document", "kind", *cols))
    body = []
    for row in coverage_rows(cascade, report):
        cells = [f'<td><code>{_e(row["document"])}</code><br>{_e(mask(row["title"]))}</td>', f'<td>{_e(row["kind"])}</td>']
        for c in cols:
            value = _percent(row[c]) if c in ("linked_up", "supported") else str(row[c])
            cells.append(f'<td class="num">{_e(value)}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table id="summary-table"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _capaian_badges(rollup: list[RollupRow]) -> dict[str, str]:
    """Element ref -> a badge of its measured capaian in the latest year measured (the pohon kinerja's badges)."""
    latest: dict[str, tuple[int, float]] = {}
    for r in rollup:
        if r.measured is not None and (r.ref not in latest or r.year > latest[r.ref][0]):
            latest[r.ref] = (r.year, r.measured)
    return {ref: f' <span class="cap" data-capaian="{v:.2f}" style="background:{CATEGORY_COLOURS[category(v)]}" '
                 f'title="capaian {y}">{v:.2f}</span>' for ref, (y, v) in latest.items()}


def _tree(cascade: "Workspace", report: Report, t: Callable[[str], str], mask: Callable[[str | None], str], lang: str,
          rollup: list[RollupRow]) -> str:
    titles = {k: v.model.document.title for k, v in cascade.parsed.items()}
    tree = build_tree(cascade.graph, titles, report, lang=lang)
    anchors: dict[str, str] = {}
    out: list[str] = []
    capaian = _capaian_badges(rollup)

    def label(node: TreeNode) -> str:
        return (f'<span class="kind">{_e(kind_word(node.kind, lang))}</span><code>{_e(mask(node.local_id))}</code> {_e(mask(node.name))}'
                f'<span class="doc">{_e(node.doc)}</span>{_badges(node.all_findings, mask, lang)}{capaian.get(node.ref, "")}')

    def details(node: TreeNode) -> str:
        parts = []
        model = cascade.graph.nodes[node.ref]["model"]
        if model.employee is not None:
            emp = model.employee
            # the NIP whole whatever its form, and the position, which with the unit names one person
            # (the source excerpts blot it too)
            nip, position = (emp.nip, emp.position) if mask.show else (mask_nip_value(emp.nip), emp.position and outline(emp.position))
            who = ", ".join(x for x in (position, mask(emp.name), f"NIP {nip}") if x)
            parts.append(f'<div class="holder">{_e(t("holder"))}: {_e(who)}</div>')
        if node.indicators:
            items = "".join(f"<li><code>{_e(i.local_id)}</code> {_e(mask(i.name))}{_badges(i.findings, mask, lang)}</li>"
                            for i in node.indicators)
            parts.append(f'<ul class="ind">{items}</ul>')
        return "".join(parts)

    # Iterative: open tags on the way down, close them when a node's last child is done.
    stack: list[tuple[str, TreeNode | None, int]] = [("open", n, 0) for n in reversed(tree.roots)]
    while stack:
        action, node, level = stack.pop()
        if action == "close":
            out.append("</details>")
            continue
        assert node is not None
        if node.repeated:
            target = anchors.get(node.ref, "")
            out.append(f'<div class="repeated">↑ <a href="#{_e(target)}">{label(node)}</a> ({_e(t("repeated"))})</div>')
            continue
        anchor = anchors.setdefault(node.ref, f"node-{len(anchors)}")
        extra = details(node)
        if not node.children and not extra:
            more = f' <span class="legend">… {_e(t("truncated"))}</span>' if node.truncated else ""
            out.append(f'<div class="leaf" id="{anchor}">{label(node)}{more}</div>')
            continue
        is_open = " open" if level == 0 and cascade.graph.nodes[node.ref]["tier"] == 0 else ""
        out.append(f'<details id="{anchor}"{is_open}><summary>{label(node)}</summary>{extra}')
        stack.append(("close", None, level))
        stack.extend(("open", c, level + 1) for c in reversed(node.children))
    buttons = (f'<button type="button" id="tree-expand">{_e(t("expand"))}</button> '
               f'<button type="button" id="tree-collapse">{_e(t("collapse"))}</button>')
    return f'<div class="filters">{buttons}</div><div class="tree">{"".join(out)}</div>'


def _findings(cascade: "Workspace", report: Report, t: Callable[[str], str], mask: Callable[[str | None], str], lang: str) -> str:
    if not len(report):
        return f"<p>{_e(t('no_findings'))}</p>"
    by_file = {p.file: d for d, p in cascade.parsed.items()}

    def doc_of(f: Finding) -> str:
        # A file that never became a document (unparseable YAML) is filtered by its path instead.
        return document_of(f.ref, cascade.graph) or by_file.get(f.file or "") or f.file or ""

    rows = []
    for f in report:
        doc = doc_of(f)
        where = ":".join(str(x) for x in (f.file, f.line, f.column) if x is not None) or (f.pointer or "")
        if f.cell:
            where += f" [{f.cell}]"  # the workbook cell of a finding in a plan table
        rows.append(
            f'<tr data-severity="{_e(f.severity.value)}" data-rule="{_e(f.rule)}" data-doc="{_e(doc)}">'
            f'<td class="sev-{_e(f.severity.value)}">{_e(_word(f.severity.value, lang))}</td><td><code>{_e(f.code)}</code> {_e(f.rule)}</td>'
            f"<td><code>{_e(mask(f.ref))}</code></td><td>{_e(where)}</td><td>{_e(mask(f.localized(lang)))}</td></tr>"
        )

    def select(ident: str, name: str, values: list[str], label: Callable[[str], str] = str) -> str:
        opts = "".join(f'<option value="{_e(v)}">{_e(label(v))}</option>' for v in values)
        return f'<label>{_e(t(name))} <select id="{ident}"><option value="">({_e(t("all"))})</option>{opts}</select></label>'

    docs = sorted({d for d in map(doc_of, report) if d})
    filters = (
        select("f-severity", "severity", [s for s in ("error", "warning", "info") if any(f.severity.value == s for f in report)],
               lambda s: _word(s, lang))
        + select("f-rule", "rule", sorted({f.rule for f in report}))
        + select("f-doc", "document", docs)
        + f'<span><span id="f-count">{len(report)}</span> {_e(t("shown"))}</span>'
    )
    head = "".join(f"<th>{_e(t(c))}</th>" for c in ("severity", "rule", "ref", "location", "message"))
    return (f'<div class="filters">{filters}</div><table id="findings-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _matrices(cascade: "Workspace", t: Callable[[str], str], mask: Callable[[str | None], str]) -> str:
    graph = cascade.graph
    docs = sorted(cascade.parsed, key=lambda d: (graph.nodes[d]["tier"], d))
    out = []
    for lower in docs:
        for upper in cascade.parsed[lower].model.document.aligns_to:
            if upper not in cascade.parsed or upper == lower:
                continue
            m = alignment(cascade, lower, upper)
            marked_cols = {c for _, c in m.cells}
            head = "".join(
                f'<th class="col{"" if c in marked_cols else " gap"}" title="{_e(mask(graph.nodes[c]["name"]))}">{_e(c[len(upper) + 1:])}</th>'
                for c in m.columns
            )
            body = []
            for r in m.rows:
                cells = "".join(
                    f'<td title="{_e(t(m.cells[(r, c)]))}">{"●" if m.cells[(r, c)] == "direct" else "○"}</td>' if (r, c) in m.cells else "<td></td>"
                    for c in m.columns
                )
                gap = "" if any((r, c) in m.cells for c in m.columns) else ' class="gap"'
                body.append(f'<tr{gap}><th class="row"><code>{_e(r[len(lower) + 1:])}</code> {_e(mask(graph.nodes[r]["name"]))}</th>{cells}</tr>')
            out.append(
                f'<h3><code>{_e(lower)}</code> → <code>{_e(upper)}</code></h3>'
                f'<table class="matrix" data-lower="{_e(lower)}" data-upper="{_e(upper)}"><thead><tr><th></th>{head}</tr></thead>'
                f'<tbody>{"".join(body)}</tbody></table>'
            )
    if not out:
        return f"<p>{_e(t('no_matrix'))}</p>"
    legend = f'<p class="legend">● {_e(t("direct"))} · ○ {_e(t("indirect"))} · <span class="sev-error">&nbsp;&nbsp;</span> {_e(t("unlinked"))}</p>'
    return legend + "".join(out)


def _capaian(cascade: "Workspace", table: CapaianTable, rollup: list[RollupRow], t: Callable[[str], str],
             mask: Callable[[str | None], str], lang: str) -> str | None:
    """The capaian section: a heat map (element x year, coloured by category) and, per indicator,
    target vs realisasi as inline SVG. None when nothing in the workspace carries realisasi."""
    if not table.rows:
        return None
    rollup = [r for r in rollup if r.measured is not None]
    years = sorted({r.year for r in table.rows})
    cells: dict[str, dict[int, float]] = {}
    for r in rollup:
        cells.setdefault(r.ref, {})[r.year] = r.measured
    G = cascade.graph
    head = "".join(f"<th>{y}</th>" for y in years)
    out = [f'<p>{_e(t("as_of"))} {table.as_of} · ' + " ".join(
        f'<span class="cap" style="background:{c}">&nbsp;</span> {_e(name)}' for name, c in CATEGORY_COLOURS.items()) + "</p>",
        f'<h3>{_e(t("heatmap"))}</h3><table class="heatmap"><thead><tr><th>{_e(t("element"))}</th>{head}</tr></thead><tbody>']
    for ref, by_year in cells.items():
        tds = []
        for y in years:
            v = by_year.get(y)
            if v is None:
                tds.append("<td></td>")
            else:
                cat = category(v)
                tds.append(f'<td class="cap" data-category="{_e(cat)}" style="background:{CATEGORY_COLOURS[cat]}" title="{_e(cat)}">{v:.2f}</td>')
        out.append(f'<tr><td><code>{_e(mask(ref))}</code> {_e(mask(G._node[ref]["name"]))}</td>{"".join(tds)}</tr>')
    out.append("</tbody></table>")
    levels = by_document_of(cascade, table)
    if levels:
        out.append(f'<h3>{_e(t("per_document"))}</h3><table class="by-document"><thead><tr>'
                   # the roll-up's own headings (as in `cascade capaian --by-document`); the category
                   # columns get their colour swatch
                   + "".join(f"<th>{_e(h)}</th>" for h in by_document_head(lang, tier=False)[:-len(CATEGORIES)])
                   + "".join(f'<th><span class="cap" style="background:{c}">&nbsp;</span> {_e(n)}</th>' for n, c in CATEGORY_COLOURS.items())
                   + "</tr></thead><tbody>")
        for r in levels:
            out.append(f"<tr><td><code>{_e(r.document)}</code></td><td>{_e(kind_word(r.kind, lang))}</td><td>{r.year}</td><td>{r.indicators}</td>"
                       f'<td class="level-cap" style="background:{CATEGORY_COLOURS[category(r.mean)]}">{r.mean:.2f}</td>'
                       f'<td class="level-cap" style="background:{CATEGORY_COLOURS[category(r.min)]}">{r.min:.2f}</td>'
                       + "".join(f"<td>{n}</td>" for _, n in r.categories) + "</tr>")
        out.append("</tbody></table>")
    out.append(f'<h3>{_e(t("per_indicator"))}</h3><div class="charts">')
    by_ind: dict[str, list] = {}
    for r in table.rows:
        by_ind.setdefault(r.ref, []).append(r)
    for ref, rows in by_ind.items():
        last = [r for r in rows if r.capaian is not None]
        badge = (f' <span class="cap" style="background:{CATEGORY_COLOURS[last[-1].category]}">{last[-1].capaian:.2f}</span>'
                 if last else "")
        out.append(f'<figure><figcaption><code>{_e(mask(ref))}</code> {_e(mask(G._node[ref]["name"]))}{badge}</figcaption>'
                   f"{svg_chart(rows, t)}</figure>")
    out.append("</div>")
    return "".join(out)


def _translator(lang: str) -> Callable[[str], str]:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return lambda key: TEXT[key][lang]


def _sakip(cascade: "Workspace", report: Report, t: Callable[[str], str], lang: str, answers: str | None) -> str:
    """The SAKIP pre-evaluation of the whole pemda (:mod:`cascade.sakip`), with the team's answers file if any."""
    if not any(d.document.kind != "rpjmn" for d in cascade.documents.values()):
        return f"<p>{_e(t('sakip_none'))}</p>"
    given, found = read_answers(answers) if answers else ({}, [])
    result = sakip_evaluate(cascade, report.findings, answers=given, answer_findings=found, lang=lang)
    return sakip_html(result, lang, full=False, heading=False)


def render_html(cascade: "Workspace", report: Report | None = None, *, lang: str = "id", show_personal: bool = False,
                sakip_answers: str | None = None, as_of: int | None = None) -> str:
    """The report as one self-contained HTML page (no network, inline CSS and script).

    Validates with every rule (:func:`cascade.validate.validate`) unless ``report`` is given. Interface text and messages are in
    ``lang`` (``id`` or ``en``; ValueError otherwise). Employee NIPs and names are masked unless
    ``show_personal``. Where indicators carry realisasi, a capaian section (heat map and charts) as
    of ``as_of`` (default: the current year) follows.
    """
    t = _translator(lang)
    report = validate(cascade) if report is None else report
    mask = Masker(cascade, show_personal)
    counts = report.counts()
    stats = cascade.stats
    table = capaian_table(cascade, None, as_of)  # once, for the tree's badges and the capaian section
    rollup = rollup_of(cascade, table)
    headline = (f'{stats.get("documents", 0)} {_e(t("documents"))} · {stats.get("elements", 0)} {_e(t("elements")).lower()} · '
                f'{stats.get("indicators", 0)} {_e(t("indicators")).lower()} · '
                + " ".join(f'<span class="badge {s}">{counts[s + "s"]} {_e(t(s + "s")).lower()}</span>' for s in ("error", "warning", "info")))
    sections = [
        ("summary", _summary(cascade, report, t, mask)),
        ("tree", _tree(cascade, report, t, mask, lang, rollup)),
        ("findings", _findings(cascade, report, t, mask, lang)),
        ("matrices", _matrices(cascade, t, mask)),
        ("sakip", _sakip(cascade, report, t, lang, sakip_answers if sakip_answers is not None else getattr(cascade, "answers_path", None))),
    ]
    capaian = _capaian(cascade, table, rollup, t, mask, lang)
    if capaian is not None:  # only where some indicator carries realisasi
        sections.append(("capaian", capaian))
    nav = "".join(f'<a href="#{k}">{_e(t(k))}</a>' for k, _ in sections)
    body = "".join(f'<section id="{k}"><h2>{_e(t(k))}</h2>{v}</section>' for k, v in sections)
    csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
    # a plan's control and direction characters (ESC, BEL, U+202E) shown as \uXXXX: the page may be
    # printed on a terminal (``cascade report`` without --output) and must not drive it
    return escape_unsafe(
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{_e(t("title"))}</title>\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n<header><h1>{_e(t('title'))}</h1><p>{headline}</p><nav>{nav}</nav></header>\n"
        f"<main>{body}</main>\n<script>{_JS}</script>\n</body>\n</html>\n",
        keep="\n\t",
    )


#: Findings shown by the notebook view of a report before it says how many more there are.
NOTEBOOK_ROWS = 200


def report_html(report: Report, lang: str = "id") -> str:
    """The notebook view of a report: its counts and a table of findings (no script, escaped)."""
    t = _translator(lang)
    c = report.counts()
    head = "".join(f"<th>{_e(t(k))}</th>" for k in ("severity", "rule", "ref", "location", "message"))
    rows = []
    for f in report.findings[:NOTEBOOK_ROWS]:
        where = ":".join(str(x) for x in (f.file, f.line, f.column) if x is not None) or (f.pointer or "")
        if f.cell:
            where += f" [{f.cell}]"  # the workbook cell of a finding in a plan table
        rows.append(f'<tr><td>{_e(_word(f.severity.value, lang))}</td><td>{_e(f.code)} {_e(f.rule)}</td><td>{_e(f.ref)}</td>'
                    f"<td>{_e(where)}</td><td>{_e(f.localized(lang))}</td></tr>")
    more = len(report) - NOTEBOOK_ROWS
    tail = f"<p>… {more} {_e(t('more'))}</p>" if more > 0 else ""
    summary = f"<p><b>{len(report)} {_e(t('findings')).lower()}</b>: {c['errors']} {_e(t('errors')).lower()}, {c['warnings']} {_e(t('warnings')).lower()}, {c['infos']} {_e(t('infos')).lower()}</p>"
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>" if rows else ""
    return f"<div>{summary}{table}{tail}</div>"


def cascade_html(cascade: "Workspace", lang: str = "id") -> str:
    """The notebook view of a workspace: its counts, its documents, and its load findings."""
    t = _translator(lang)
    s = cascade.stats
    head = "".join(f"<th>{_e(t(k))}</th>" for k in ("document", "kind", "elements", "indicators"))
    rows = []
    for doc_id in sorted(cascade.parsed, key=lambda d: (cascade.graph.nodes[d]["tier"], d)):
        model = cascade.parsed[doc_id].model
        rows.append(f"<tr><td><code>{_e(doc_id)}</code> {_e(model.document.title)}</td><td>{_e(model.kind)}</td>"
                    f'<td class="num">{len(model.elements)}</td><td class="num">{sum(len(e.indicators) for e in model.elements)}</td></tr>')
    load = Report(cascade.findings)
    return (f"<div><p><b>Cascade</b>: {s['documents']} {_e(t('documents'))}, {s['elements']} {_e(t('elements')).lower()}, "
            f"{s['indicators']} {_e(t('indicators')).lower()}</p><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f"{report_html(load, lang) if len(load) else ''}</div>")
