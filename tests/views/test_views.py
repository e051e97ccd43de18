"""The planners' views on a small broken workspace (tests/fixtures/notebook): trace, descendants,
coverage, the matriks keterkaitan, the pohon kinerja and its renderers, pandas tables and HTML views.

The fixture cascades rpjmn-2020 > jatim > kota-madiun > dinkes/dinsos renstra > dinkes skp, with an
orphan sasaran whose name is markup (S2, a broken ``supports``), an external reference (S3), a
kegiatan without parent (K9) and an rhk whose superior does not exist (R3).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import cascade
from cascade.core.errors import MissingExtraError
from cascade import Report
from cascade.core.findings import Finding, Severity
from cascade.views.tree import dot_escape, mermaid_escape
from cascade.views.trace import Chain, DocumentCounts, Step, Tracer, _finding_documents, coverage_counts, coverage_rows, coverage_table

FIXTURE = Path(__file__).parents[1] / "fixtures" / "notebook"
KOTA = "kota-madiun.rpjmd-2019"
DINKES = "kota-madiun.dinkes.renstra-2019"
DINSOS = "kota-madiun.dinsos.renstra-2019"
SKP = "kota-madiun.dinkes.skp-2023"
JATIM = "jatim.rpjmd-2019"
RPJMN = "rpjmn-2020"


@pytest.fixture(scope="module")
def ws() -> cascade.Cascade:
    return cascade.load(str(FIXTURE))


@pytest.fixture(scope="module")
def report(ws: cascade.Cascade) -> Report:
    # Only the reference rule, so that these exact expectations do not move as rules are added.
    return ws.validate(select=["CAS202"])


def refs(chains: list[Chain]) -> list[tuple[tuple[str, ...], str]]:
    return [(c.refs, c.end) for c in chains]


# -- trace and descendants -----------------------------------------------------------------------

def test_trace_staff_target_gives_every_chain_to_the_rpjmn(ws: cascade.Cascade) -> None:
    chains = ws.trace(f"{SKP}:R2")
    head = (f"{SKP}:R2", f"{SKP}:R1", f"{DINKES}:S1")
    via_kota = head + (f"{DINKES}:T1", f"{KOTA}:S1")
    assert refs(chains) == [
        (via_kota + (f"{KOTA}:T1", f"{KOTA}:M1", f"{JATIM}:M1", f"{RPJMN}:PN3"), "national"),
        (via_kota + (f"{JATIM}:S1", f"{JATIM}:T1", f"{JATIM}:M1", f"{RPJMN}:PN3"), "national"),
        (via_kota + (f"{JATIM}:S1", f"{RPJMN}:PP3.1", f"{RPJMN}:PN3"), "national"),
        (via_kota + (f"{RPJMN}:PP3.1", f"{RPJMN}:PN3"), "national"),
        (head + (f"{DINSOS}:S1", f"{KOTA}:T1", f"{KOTA}:M1", f"{JATIM}:M1", f"{RPJMN}:PN3"), "national"),
    ]
    assert [s.link for s in chains[4]] == ["parent", "supports", "crosscuts", "supports", "parent", "supports", "supports", None]
    assert chains[0][0] == Step(f"{SKP}:R2", "rhk", "Terakreditasinya puskesmas", "parent")
    assert chains[0].top == Step(f"{RPJMN}:PN3", "prioritas_nasional",
                                 "Meningkatkan Sumber Daya Manusia Berkualitas dan Berdaya Saing", None)
    assert str(chains[3]).startswith(f"{SKP}:R2 -parent-> {SKP}:R1 -supports-> {DINKES}:S1")


def test_trace_indicator_climbs_supported_indicators_then_its_element(ws: cascade.Cascade) -> None:
    (chain,) = ws.trace(f"{SKP}:R1.I1")
    assert chain.refs == (f"{SKP}:R1.I1", f"{DINKES}:S1.I1", f"{KOTA}:S1.I1", f"{JATIM}:S1.I1",
                          f"{RPJMN}:PP3.1.I1", f"{RPJMN}:PP3.1", f"{RPJMN}:PN3")
    assert [s.kind for s in chain] == ["indicator"] * 5 + ["program_prioritas", "prioritas_nasional"]
    assert [s.link for s in chain] == ["supports"] * 4 + ["indicator_of", "parent", None]
    assert chain.end == "national"


def test_trace_ends_at_external_reference_or_break(ws: cascade.Cascade) -> None:
    (external,) = ws.trace(f"{KOTA}:S3")
    assert external.steps == (
        Step(f"{KOTA}:S3", "sasaran", "Meningkatnya pertumbuhan ekonomi", "supports"),
        Step("bappenas.rkp-2023:EK1", "external", None, None),
    )
    assert external.end == "external"
    assert refs(ws.trace(f"{KOTA}:S2.I1")) == [((f"{KOTA}:S2.I1", f"{KOTA}:S2"), "broken")]
    assert refs(ws.trace(f"{DINKES}:K9")) == [((f"{DINKES}:K9",), "broken")]
    assert refs(ws.trace(f"{RPJMN}:PN7")) == [((f"{RPJMN}:PN7",), "national")]


def test_trace_rejects_what_is_not_an_element_or_indicator(ws: cascade.Cascade) -> None:
    for ref in (KOTA, f"{DINKES}#KADIN", "nope:X"):
        with pytest.raises(KeyError, match="is not an element or indicator"):
            ws.trace(ref)
    with pytest.raises(cascade.UsageError):
        ws.trace(42)  # type: ignore[arg-type]


def _skp(elements: list[dict]) -> dict:
    return {"document": {"id": "a.skp-2023", "kind": "skp", "title": "SKP", "period": {"start": 2023, "end": 2023}},
            "elements": elements}


def test_trace_stops_at_cycles_without_memoising_them() -> None:
    ws = cascade.load(_skp([
        {"id": "A", "kind": "rhk", "name": "a", "parent": "B"},
        {"id": "B", "kind": "rhk", "name": "b", "parent": "C"},
        {"id": "C", "kind": "rhk", "name": "c", "parent": "A"},
    ]))
    assert refs(ws.trace("a.skp-2023:A")) == [(("a.skp-2023:A", "a.skp-2023:B", "a.skp-2023:C", "a.skp-2023:A"), "cycle")]
    assert refs(ws.trace("a.skp-2023:B")) == [(("a.skp-2023:B", "a.skp-2023:C", "a.skp-2023:A", "a.skp-2023:B"), "cycle")]


def test_trace_of_a_deep_chain_does_not_recurse() -> None:
    n = 5000
    elements = [{"id": "R0", "kind": "rhk", "name": "top", "supports": ["x.renstra-2019:S1"]}]
    elements += [{"id": f"R{i}", "kind": "rhk", "name": f"r{i}", "parent": f"R{i - 1}"} for i in range(1, n)]
    ws = cascade.load(_skp(elements))
    (chain,) = ws.trace(f"a.skp-2023:R{n - 1}")
    assert len(chain) == n + 1 and chain.end == "external"
    (mid,) = ws.trace("a.skp-2023:R10")  # memoised on the way
    assert len(mid) == 12


def test_trace_is_memoised_per_node(ws: cascade.Cascade) -> None:
    tracer = Tracer(ws.graph)
    first = tracer.trace(f"{SKP}:R2")
    assert f"{KOTA}:S1" in tracer._memo and f"{SKP}:R1" in tracer._memo
    assert tracer.trace(f"{SKP}:R2") == first
    assert tracer.trace(f"{SKP}:R1") == [Chain(c.steps[1:], c.end) for c in first]


def test_descendants_breadth_first(ws: cascade.Cascade) -> None:
    below = ws.descendants(f"{KOTA}:T1")
    assert [(s.ref, s.link) for s in below] == [
        (f"{KOTA}:S1", "parent"), (f"{DINSOS}:S1", "supports"), (f"{DINKES}:T1", "supports"),
        (f"{DINKES}:S1", "crosscuts"), (f"{DINKES}:1.02.02", "parent"), (f"{SKP}:R1", "supports"), (f"{SKP}:R2", "parent"),
    ]
    assert [s.ref for s in ws.descendants(f"{RPJMN}:PP3.1.I1")] == [
        f"{JATIM}:S1.I1", f"{KOTA}:S1.I1", f"{DINKES}:S1.I1", f"{SKP}:R1.I1"]
    assert ws.descendants(f"{SKP}:R2") == []


# -- coverage and the matriks keterkaitan -----------------------------------------------------------

def test_coverage_one_row_per_document(ws: cascade.Cascade, report: Report) -> None:
    cov = ws.coverage(report)
    assert list(cov.index) == [RPJMN, JATIM, KOTA, DINKES, DINSOS, SKP]
    assert list(cov.columns) == [
        "kind", "tier", "title", "elements", "indicators", "elements.prioritas_nasional", "elements.program_prioritas",
        "elements.misi", "elements.tujuan", "elements.sasaran", "elements.program", "elements.kegiatan", "elements.rhk",
        "indicators.impact", "indicators.outcome", "indicators.output", "linked_up", "supported", "orphan_elements",
        "orphan_indicators", "errors", "warnings", "infos",
    ]
    kota = cov.loc[KOTA]
    assert (kota["elements"], kota["indicators"], kota["elements.sasaran"], kota["indicators.impact"]) == (5, 3, 3, 1)
    assert (kota["linked_up"], kota["supported"]) == (0.8, 0.6)
    assert (kota["orphan_elements"], kota["orphan_indicators"], kota["errors"], kota["warnings"]) == (1, 1, 1, 0)
    assert cov.loc[RPJMN, "linked_up"] == 1.0 and cov.loc[RPJMN, "orphan_indicators"] == 0
    assert cov.loc[SKP, ["orphan_elements", "errors"]].tolist() == [1, 1]
    assert cov.loc[DINSOS, "indicators"] == 0


def test_coverage_runs_validate_unless_given_a_report(ws: cascade.Cascade) -> None:
    assert ws.coverage()["errors"].sum() == len(ws.validate().errors) >= 2
    assert ws.coverage(Report([]))["errors"].sum() == 0


def test_coverage_counts_of_some_documents_are_those_of_the_whole_table(ws: cascade.Cascade, report: Report) -> None:
    counts = {c.document: c for c in coverage_counts(ws)}
    assert list(counts) == list(ws.parsed)
    assert coverage_counts(ws, {KOTA, SKP}) == [counts[KOTA], counts[SKP]]
    kota = counts[KOTA]
    assert (kota.elements, kota.linked_up, kota.supported, kota.orphan_elements, kota.kinds["sasaran"]) == (5, 4, 3, 1, 3)
    assert coverage_table(counts.values(), _finding_documents(report, ws)) == coverage_rows(ws, report)


def test_coverage_table_counts_findings_by_severity_on_their_documents() -> None:
    counts = [
        DocumentCounts("b.renstra", "renstra", 3, "B", elements=2, indicators=1, kinds={"program": 1, "sasaran": 1},
                       types={"outcome": 1}, linked_up=1, supported=2, orphan_elements=1, orphan_indicators=1),
        DocumentCounts("a.rpjmd", "rpjmd", 2, "A"),
    ]

    def finding(severity: str) -> Finding:
        return Finding("CAS301", "orphan-element", Severity(severity), None, None, None, None, None, None, "m")

    placed = [("b.renstra", finding("error")), ("b.renstra", finding("error")), ("b.renstra", finding("info")),
              ("a.rpjmd", finding("warning")), (None, finding("error")), ("absent.skp", finding("error"))]
    assert coverage_table(counts, placed) == [
        {"document": "a.rpjmd", "kind": "rpjmd", "tier": 2, "title": "A", "elements": 0, "indicators": 0,
         "elements.sasaran": 0, "elements.program": 0, "indicators.outcome": 0, "linked_up": None, "supported": None,
         "orphan_elements": 0, "orphan_indicators": 0, "errors": 0, "warnings": 1, "infos": 0},
        {"document": "b.renstra", "kind": "renstra", "tier": 3, "title": "B", "elements": 2, "indicators": 1,
         "elements.sasaran": 1, "elements.program": 1, "indicators.outcome": 1, "linked_up": 0.5, "supported": 1.0,
         "orphan_elements": 1, "orphan_indicators": 1, "errors": 2, "warnings": 0, "infos": 1},
    ]
    columns = ["elements.sasaran", "elements.program", "indicators.outcome"]
    assert [list(r)[6:9] for r in coverage_table(counts, [])] == [columns, columns]
    assert coverage_table([], placed) == []


def test_alignment_matrix_marks_direct_and_indirect(ws: cascade.Cascade) -> None:
    m = ws.alignment_matrix(KOTA, JATIM)
    assert (m.index.name, m.columns.name) == (KOTA, JATIM)
    assert m.to_dict(orient="index") == {
        "M1": {"M1": "●", "S1": ""}, "S1": {"M1": "○", "S1": "●"}, "S2": {"M1": "", "S1": ""}, "S3": {"M1": "", "S1": ""},
    }
    words = ws.alignment_matrix(KOTA, RPJMN, symbols=False)
    assert words.to_dict(orient="index") == {"S1": {"PP3.1": "direct"}, "S2": {"PP3.1": ""}, "S3": {"PP3.1": ""}}
    full = ws.alignment_matrix(KOTA, RPJMN, full=True)
    assert list(full.index) == ["M1", "T1", "S1", "S2", "S3"] and list(full.columns) == ["PN3", "PP3.1", "PN7"]
    assert full.loc["T1"].tolist() == ["○", "", ""] and full.loc["S1"].tolist() == ["○", "●", ""]
    with pytest.raises(KeyError, match="is not a document"):
        ws.alignment_matrix(KOTA, "nope")


def test_alignment_matrix_without_direct_links_shows_top_kinds(ws: cascade.Cascade) -> None:
    m = ws.alignment_matrix(SKP, KOTA)
    assert list(m.index) == ["R1", "R2", "R3"] and list(m.columns) == ["M1"]
    assert m["M1"].tolist() == ["○", "○", ""]


# -- pandas --------------------------------------------------------------------------------------

def test_report_to_pandas(report: Report) -> None:
    frame = report.to_pandas(lang="id")
    assert list(frame.columns) == ["rule", "code", "severity", "ref", "file", "line", "column", "end_line", "end_column",
                                   "message", "pointer", "cell"]
    assert frame[["code", "severity", "ref", "line", "column"]].values.tolist() == [
        ["CAS202", "error", f"{KOTA}:S2", 40, 16], ["CAS202", "error", f"{SKP}:R3", 36, 13]]
    assert frame.loc[1, "message"] == "parent 'R9' tidak merujuk ke apa pun"
    assert str(frame["line"].dtype) == "Int64"
    assert Report([]).to_pandas().empty


def test_pandas_missing_is_a_clear_error(ws: cascade.Cascade, report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    for call in (lambda: ws.coverage(report), lambda: ws.alignment_matrix(KOTA, JATIM), report.to_pandas):
        with pytest.raises(MissingExtraError, match=r"needs pandas \(the notebook extra of sakip-cascade\): pip install pandas"):
            call()
    assert issubclass(MissingExtraError, ImportError)


# -- pohon kinerja ------------------------------------------------------------------------------------

def test_tree_of_a_document(ws: cascade.Cascade, report: Report) -> None:
    tree = ws.tree(KOTA, report=report)
    assert [n.ref for n in tree.roots] == [f"{KOTA}:M1", f"{KOTA}:S2", f"{KOTA}:S3"]
    assert [(d, n.ref, n.link) for d, n in tree.walk()] == [
        (0, f"{KOTA}:M1", None), (1, f"{KOTA}:T1", "parent"), (2, f"{KOTA}:S1", "parent"), (3, f"{DINKES}:T1", "supports"),
        (4, f"{DINKES}:S1", "parent"), (5, f"{DINKES}:1.02.02", "parent"), (5, f"{SKP}:R1", "supports"),
        (6, f"{SKP}:R2", "parent"), (2, f"{DINSOS}:S1", "supports"), (0, f"{KOTA}:S2", None), (0, f"{KOTA}:S3", None),
    ]
    s2 = tree.roots[1]
    assert [f.code for f in s2.all_findings] == ["CAS202"] and s2.worst is Severity.ERROR
    assert [i.ref for i in s2.indicators] == [f"{KOTA}:S2.I1"]
    assert set(tree.titles) == {KOTA, DINKES, DINSOS, SKP}


def test_tree_of_the_workspace_repeats_shared_elements_once(ws: cascade.Cascade, report: Report) -> None:
    tree = ws.tree(report=report)
    assert [n.ref for n in tree.roots] == [f"{RPJMN}:PN3", f"{RPJMN}:PN7", f"{KOTA}:S2", f"{KOTA}:S3", f"{DINKES}:K9", f"{SKP}:R3"]
    seen = [n.ref for _, n in tree.walk() if not n.repeated]
    assert len(seen) == len(set(seen)) == 19 - 0
    assert sorted(n.ref for _, n in tree.walk() if n.repeated) == [f"{JATIM}:S1", f"{KOTA}:S1", f"{KOTA}:S1"]


def test_tree_depth_and_roots(ws: cascade.Cascade, report: Report) -> None:
    tree = ws.tree(f"{KOTA}:T1", depth=1, report=report)
    assert [(d, n.ref, n.truncated) for d, n in tree.walk()] == [
        (0, f"{KOTA}:T1", False), (1, f"{KOTA}:S1", True), (1, f"{DINSOS}:S1", False)]
    assert [n.truncated for n in ws.tree(KOTA, depth=0, report=report).roots] == [True, False, False]
    with pytest.raises(KeyError):
        ws.tree("nope", report=report)
    with pytest.raises(ValueError):
        ws.tree(KOTA, depth=-1, report=report)


def test_mermaid_escapes_labels_and_marks_findings(ws: cascade.Cascade, report: Report) -> None:
    text = ws.to_mermaid(KOTA, depth=0, report=report, lang="en")
    assert text.splitlines() == [
        "flowchart TD",
        '  subgraph d0["RPJMD Kota Madiun 2019-2024"]',
        '    n0["M1 · misi<br/>Mewujudkan masyarakat sehat #38; sejahtera"]',
        '    n1["S2 · sasaran<br/>#60;script#62;alert(\'x\')#60;/script#62; #34;Tata#34; kelola #123;bersih#125; #35;1<br/>⚠ 1 error"]',
        '    n2["S3 · sasaran<br/>Meningkatnya pertumbuhan ekonomi"]',
        "  end",
        "  classDef error fill:#fde2e1,stroke:#c0392b,stroke-width:2px",
        "  class n1 error",
    ]
    full = ws.to_mermaid(f"{KOTA}:T1", report=report)
    assert "  n0 --> n1" in full and "  n0 -.-> n7" in full  # parent solid, supports dotted
    assert mermaid_escape('a"b<c>#&`\n x') == "a#34;b#60;c#62;#35;#38;#96; x"


def test_dot_escapes_labels_and_marks_findings(ws: cascade.Cascade, report: Report) -> None:
    text = ws.to_dot(KOTA, depth=0, report=report, lang="en")
    assert text.splitlines()[:6] == [
        "digraph pohon_kinerja {", "  rankdir=TB;",
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
        "  subgraph cluster_0 {", '    label="RPJMD Kota Madiun 2019-2024";',
        f'    "{KOTA}:M1" [label="M1 · misi\\nMewujudkan masyarakat sehat & sejahtera"];',
    ]
    assert (f'    "{KOTA}:S2" [label="S2 · sasaran\\n<script>alert(\'x\')</script> \\"Tata\\" kelola {{bersih}} #1\\n1 error", '
            'fillcolor="#fde2e1", color="#c0392b"];') in text
    assert f'  "{KOTA}:T1" -> "{KOTA}:S1";' in ws.to_dot(f"{KOTA}:T1", report=report)
    assert f'  "{KOTA}:S1" -> "{DINKES}:T1" [style=dashed];' in ws.to_dot(f"{KOTA}:T1", report=report)
    assert dot_escape('a\\"b\n c') == 'a\\\\\\"b c'


def test_tree_mimebundle(ws: cascade.Cascade, report: Report) -> None:
    tree = ws.tree(KOTA, depth=0, report=report, lang="en")
    bundle = tree._repr_mimebundle_()
    assert set(bundle) == {"text/vnd.mermaid", "text/plain"}
    assert bundle["text/vnd.mermaid"] == tree.to_mermaid()
    assert bundle["text/plain"].splitlines()[1] == (
        f"{KOTA}:S2 [sasaran] <script>alert('x')</script> \"Tata\" kelola {{bersih}} #1  1 error")


def test_tree_labels_count_findings_in_the_language() -> None:
    """The labels read '1 error, 1 warning, 1 info' and '2 warning' whatever the language: now
    '1 kesalahan, 2 peringatan' by default (Bahasa Indonesia has no plural) and '2 warnings' in English."""
    from cascade.views.tree import TreeNode, PerformanceTree
    from cascade.core.findings import Finding, Severity

    def finding(sev: Severity) -> Finding:
        return Finding(code="CAS302", rule="orphan-indicator", severity=sev, ref="d:S1", file="f.yaml", line=1, column=1,
                       end_line=None, end_column=None, message="m")

    node = TreeNode("d:S1", "sub_kegiatan", "Penyediaan", "d",
                    findings=(finding(Severity.ERROR), finding(Severity.WARNING), finding(Severity.WARNING), finding(Severity.INFO)))
    tree = PerformanceTree([node], {"d": "Dokumen"})
    assert tree.outline() == "d:S1 [Sub Kegiatan] Penyediaan  1 kesalahan, 2 peringatan, 1 info"
    assert "S1 · Sub Kegiatan<br/>Penyediaan<br/>⚠ 1 kesalahan, 2 peringatan, 1 info" in tree.to_mermaid()
    assert "\\n1 kesalahan, 2 peringatan, 1 info" in tree.to_dot()
    english = PerformanceTree([node], {"d": "Dokument"}, lang="en")
    assert english.outline() == "d:S1 [Sub Kegiatan] Penyediaan  1 error, 2 warnings, 1 info"
    node.findings = (finding(Severity.ERROR), finding(Severity.ERROR))
    assert english.outline().endswith("  2 errors") and tree.outline().endswith("  2 kesalahan")


def test_tree_lang_of_the_api(ws: cascade.Cascade, report: Report) -> None:
    assert "⚠ 1 kesalahan" in ws.to_mermaid(KOTA, depth=0, report=report)
    assert "⚠ 1 error" in ws.to_mermaid(KOTA, depth=0, report=report, lang="en")
    with pytest.raises(cascade.UsageError):
        ws.tree(KOTA, report=report, lang="fr")


# -- notebook HTML views -----------------------------------------------------------------------------

def test_report_repr_html_is_escaped(report: Report) -> None:
    bad = Finding("CAS202", "unknown-reference", Severity.ERROR, "d:<b>", "x.yaml", 3, 4, 3, 9, "<script>alert(1)</script>")
    html = Report([bad, *report])._repr_html_()
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "d:&lt;b&gt;" in html
    assert "<b>3 temuan</b>: 3 kesalahan, 0 peringatan, 0 info" in html  # a notebook shows Bahasa Indonesia first
    assert html.count("<tr>") == 4
    assert "… 50 temuan lain tidak ditampilkan" in Report([bad] * 250)._repr_html_()
    from cascade.views.html import report_html

    assert "<b>3 findings</b>: 3 errors, 0 warnings, 0 infos" in report_html(Report([bad, *report]), "en")


def test_cascade_repr_html(ws: cascade.Cascade) -> None:
    html = ws._repr_html_()
    assert "<b>Cascade</b>: 6 dokumen, 19 elemen, 11 indikator" in html
    assert f"<code>{SKP}</code> SKP Dinas Kesehatan Kota Madiun 2023" in html
    assert "<script" not in html and "CAS202" in html


def test_core_import_does_not_load_pandas() -> None:
    import subprocess

    code = "import sys, cascade; cascade.load({}); print('pandas' in sys.modules, cascade.MissingExtraError.__mro__[1].__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path(__file__).parents[2])
    assert out.stdout.split() == ["False", "ImportError"]


def test_alignment_matrix_through_a_crosscutting_ring() -> None:
    period = {"start": 2019, "end": 2024}
    region = {"code": "35.77"}

    def renstra(doc: str, elements: list[dict]) -> dict:
        return {"document": {"id": doc, "kind": "renstra", "title": doc, "period": period, "region": region,
                             "aligns_to": ["k.rpjmd-2019"]}, "elements": elements}

    ws = cascade.load(
        {"document": {"id": "k.rpjmd-2019", "kind": "rpjmd", "title": "K", "period": period, "region": region},
         "elements": [{"id": "S1", "kind": "misi", "name": "s1"}, {"id": "S2", "kind": "misi", "name": "s2"}]},
        renstra("a.renstra-2019", [{"id": "T1", "kind": "tujuan", "name": "a1", "supports": ["k.rpjmd-2019:S1"]},
                                   {"id": "T2", "kind": "tujuan", "name": "a2", "crosscuts": ["b.renstra-2019:T1"]}]),
        renstra("b.renstra-2019", [{"id": "T1", "kind": "tujuan", "name": "b1", "supports": ["k.rpjmd-2019:S2"],
                                    "crosscuts": ["a.renstra-2019:T2"]}]),
    )
    assert ws.alignment_matrix("a.renstra-2019", "k.rpjmd-2019", full=True).to_dict(orient="index") == {
        "T1": {"S1": "●", "S2": ""}, "T2": {"S1": "", "S2": "○"}}
    assert ws.alignment_matrix("b.renstra-2019", "a.renstra-2019", full=True).to_dict(orient="index") == {
        "T1": {"T1": "", "T2": "●"}}
    assert ws.alignment_matrix("b.renstra-2019", "k.rpjmd-2019").to_dict(orient="index") == {"T1": {"S1": "", "S2": "●"}}


def test_tree_shows_elements_on_a_closed_cycle(report: Report) -> None:
    ws = cascade.load(_skp([
        {"id": "A", "kind": "rhk", "name": "a", "parent": "B"},
        {"id": "B", "kind": "rhk", "name": "b", "parent": "A"},
        {"id": "C", "kind": "rhk", "name": "c", "parent": "B"},
        {"id": "D", "kind": "rhk", "name": "d"},
    ]))
    for root in (None, "a.skp-2023"):
        tree = ws.tree(root, report=Report([]))
        assert [(d, n.ref, n.repeated) for d, n in tree.walk()] == [
            (0, "a.skp-2023:D", False), (0, "a.skp-2023:A", False), (1, "a.skp-2023:B", False),
            (2, "a.skp-2023:A", True), (2, "a.skp-2023:C", False)]
    assert [n.ref for n in ws.tree("a.skp-2023", depth=0, report=Report([])).roots] == ["a.skp-2023:D", "a.skp-2023:A"]
