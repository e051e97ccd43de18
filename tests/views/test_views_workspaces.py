"""The planners' views on the example workspaces: the clean Kota Madiun cascade in ``specs/`` and the
defect workspace ``examples/defects/`` (skipped where that folder is absent).

Content can grow, so these tests check what must hold on any content: trace and descendants agree,
the matrices agree with the graph, the tree shows every element once, coverage adds up.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

import cascade
from cascade.views.html import render_html
from cascade.views.trace import UP_LINKS

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
DEFECTS = ROOT / "examples" / "defects"


def _load(path: Path) -> tuple[cascade.Cascade, cascade.Report]:
    ws = cascade.load(str(path))
    return ws, ws.validate(as_of=2026)  # pinned as the examples are (pyproject.toml [tool.cascade] as-of)


@pytest.fixture(scope="module")
def specs() -> tuple[cascade.Cascade, cascade.Report]:
    return _load(SPECS)


@pytest.fixture(scope="module", params=["specs", "defects"])
def any_ws(request: pytest.FixtureRequest) -> tuple[cascade.Cascade, cascade.Report]:
    if request.param == "defects" and not DEFECTS.is_dir():
        pytest.skip("examples/defects/ is not in this checkout")
    return _load(SPECS if request.param == "specs" else DEFECTS)


def _elements(ws: cascade.Cascade, kind: str | None = None) -> list[str]:
    return [n for n, a in ws.graph.nodes(data=True) if a["type"] == "element" and kind in (None, a["kind"])]


def test_every_staff_target_of_specs_reaches_the_rpjmn(specs: tuple[cascade.Cascade, cascade.Report]) -> None:
    ws, _ = specs
    rhk = _elements(ws, "rhk")
    assert rhk
    for ref in rhk:
        chains = ws.trace(ref)
        assert chains and {c.end for c in chains} == {"national"}
        for chain in chains:
            assert chain[0].ref == ref and chain.top.ref.startswith("rpjmn-2020:")
            assert ws.graph.nodes[chain.top.ref]["kind"] == "prioritas_nasional"
            assert [s.link for s in chain][:-1] and all(s.link in UP_LINKS for s in chain.steps[:-1])
            assert chain.top.link is None


def test_specs_coverage_is_complete(specs: tuple[cascade.Cascade, cascade.Report]) -> None:
    ws, report = specs
    cov = ws.coverage(report)
    assert list(cov.index) == ["rpjmn-2020", "jatim.rpjmd-2019", "kota-madiun.rpjmd-2019",
                               "kota-madiun.dinkes.renstra-2019", "kota-madiun.dinkes.skp-2023"]
    assert list(cov["tier"]) == [0, 1, 2, 3, 4]
    assert cov["linked_up"].tolist() == [1.0] * 5
    assert cov["orphan_elements"].sum() == 0 and cov["orphan_indicators"].sum() == 0


def test_trace_and_descendants_agree(any_ws: tuple[cascade.Cascade, cascade.Report]) -> None:
    ws, _ = any_ws
    above: dict[str, set[str]] = {}
    for ref in _elements(ws):
        chains = ws.trace(ref)
        assert chains and all(c[0].ref == ref for c in chains)
        above[ref] = {s.ref for c in chains for s in c.steps[1:] if s.kind != "external"}
    for ref in _elements(ws):
        below = {s.ref for s in ws.descendants(ref)}
        assert below == {b for b, ups in above.items() if ref in ups and b != ref}


def test_coverage_adds_up(any_ws: tuple[cascade.Cascade, cascade.Report]) -> None:
    ws, report = any_ws
    cov = ws.coverage(report)
    assert sorted(cov.index) == sorted(ws.parsed)
    assert cov["elements"].sum() == len(_elements(ws))
    kinds = [c for c in cov.columns if c.startswith("elements.")]
    assert (cov[kinds].sum(axis=1) == cov["elements"]).all()
    located = sum(1 for f in report if f.ref in ws.graph or f.file in {p.file for p in ws.parsed.values()})
    assert cov[["errors", "warnings", "infos"]].to_numpy().sum() == located


def test_matrices_agree_with_the_graph(any_ws: tuple[cascade.Cascade, cascade.Report]) -> None:
    ws, _ = any_ws
    G = ws.graph
    up = nx.DiGraph((u, v) for u, v, t in G.edges(data="type") if t in UP_LINKS)
    pairs = [(d, u) for d, p in ws.parsed.items() for u in p.model.document.aligns_to if u in ws.parsed and u != d]
    assert pairs
    for lower, upper in pairs:
        m = ws.alignment_matrix(lower, upper, full=True, symbols=False)
        assert len(m.index) == sum(1 for e in ws.documents[lower].elements if G.nodes.get(f"{lower}:{e.id}", {}).get("type") == "element")
        for row in m.index:
            r = f"{lower}:{row}"
            for col in m.columns:
                c = f"{upper}:{col}"
                want = "direct" if up.has_edge(r, c) else "indirect" if r in up and c in up and nx.has_path(up, r, c) else ""
                assert m.loc[row, col] == want, (r, c)


def test_tree_shows_every_element_once(any_ws: tuple[cascade.Cascade, cascade.Report]) -> None:
    ws, report = any_ws
    tree = ws.tree(report=report)
    expanded = [n.ref for _, n in tree.walk() if not n.repeated]
    assert sorted(expanded) == sorted(_elements(ws))
    mermaid = tree.to_mermaid()
    assert len(re.findall(r'^    n\d+\["', mermaid, re.M)) == len(expanded)
    dot = tree.to_dot()
    assert len(re.findall(r'^    "[^"]+" \[label=', dot, re.M)) == len(expanded)
    assert dot.count("{") == dot.count("}")


def test_html_report_covers_the_workspace(any_ws: tuple[cascade.Cascade, cascade.Report]) -> None:
    ws, report = any_ws
    page = render_html(ws, report, lang="en")
    pairs = [(d, u) for d, p in ws.parsed.items() for u in p.model.document.aligns_to if u in ws.parsed and u != d]
    assert len(re.findall(r'<table class="matrix"', page)) == len(pairs)
    assert page.count("<details") == page.count("</details>")
    assert len(re.findall(r"<tr data-severity=", page)) == len(report)
    assert page.count("<script>") == 1
    assert report.to_pandas().shape[0] == len(report)
