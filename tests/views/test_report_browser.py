"""The HTML report in a real browser: headless Chromium driven over the DevTools protocol (tests/support/cdp.py).

Chromium is installed by ``.ci/install-browser`` (Debian ``chromium``); this test installs nothing
and skips only where no Chromium executable is on PATH.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

import cascade
from cascade.cli.commands import main
from cascade.views.html import render_html

from cdp import Browser, find_chromium

FIXTURE = Path(__file__).parents[1] / "fixtures" / "notebook"
CHROMIUM = find_chromium()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on PATH: run .ci/install-browser (apt-get install chromium) to run the browser test"
)


@pytest.fixture
def page(tmp_path: Path):
    out = tmp_path / "report.html"
    assert main(["report", "--html", str(out), "--lang", "en", str(FIXTURE)]) == 1
    browser = Browser(CHROMIUM, str(tmp_path / "profile"))
    try:
        browser.navigate(out.as_uri())
        yield browser
    finally:
        browser.close()


def test_report_opens_without_errors_or_network_and_plan_text_stays_text(page: Browser) -> None:
    assert page.evaluate("document.title") == "Performance cascade report"
    assert page.evaluate("document.querySelectorAll('section').length") == 5  # summary, tree, findings, matrices, sakip
    # the goal named "<script>..." is shown as text and never ran (alert would open a dialog)
    assert "<script>alert('x')</script>" in page.evaluate("document.getElementById('tree').innerText")
    assert not [e for e in page.events if e["method"] == "Page.javascriptDialogOpening"]
    requests = [e["params"]["request"]["url"] for e in page.events if e["method"] == "Network.requestWillBeSent"]
    assert requests and all(u.startswith("file://") for u in requests)
    assert page.errors() == []


def test_expanding_a_tree_node_and_filtering_findings(page: Browser, tmp_path: Path) -> None:
    closed = "#tree details:not([open])"
    target = page.evaluate(f"document.querySelector({json.dumps(closed)}).id")
    selector = f"#{target} > summary"
    assert page.evaluate(f"document.getElementById('{target}').open") is False
    page.click(selector)
    assert page.evaluate(f"document.getElementById('{target}').open") is True
    page.click(selector)
    assert page.evaluate(f"document.getElementById('{target}').open") is False
    page.click("#tree-expand")
    assert page.evaluate("Array.from(document.querySelectorAll('#tree details')).every(d => d.open)") is True

    def choose(select: str, value: str) -> None:
        page.evaluate(f"(function(){{var s=document.getElementById({json.dumps(select)});s.value={json.dumps(value)};"
                      "s.dispatchEvent(new Event('change'));})()")

    report = cascade.load(str(FIXTURE)).validate()
    total = len(report)
    visible = "Array.from(document.querySelectorAll('#findings-table tbody tr')).filter(r => !r.hidden).length"
    assert page.evaluate(visible) == total
    want = sum(1 for f in report if f.ref and f.ref.startswith("kota-madiun.rpjmd-2019:"))
    assert 0 < want < total
    choose("f-doc", "kota-madiun.rpjmd-2019")
    assert page.evaluate(visible) == want
    assert page.evaluate("document.getElementById('f-count').textContent") == str(want)
    choose("f-severity", "error")
    choose("f-rule", "unknown-reference")
    both = sum(1 for f in report if f.ref and f.ref.startswith("kota-madiun.rpjmd-2019:")
               and f.severity.value == "error" and f.rule == "unknown-reference")
    assert page.evaluate(visible) == both >= 1
    for ident in ("f-doc", "f-severity", "f-rule"):
        choose(ident, "")
    assert page.evaluate(visible) == total
    choose("f-severity", "error")
    assert page.evaluate(visible) == len(report.errors)

    shot = tmp_path / "report.png"
    shot.write_bytes(base64.b64decode(page.call("Page.captureScreenshot", format="png")["data"]))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    assert page.errors() == []


def test_clean_workspace_report_has_no_errors(tmp_path: Path) -> None:
    out = tmp_path / "clean.html"
    out.write_text(render_html(cascade.load(str(FIXTURE)), cascade.Report([])), encoding="utf-8")
    assert 'id="findings-table"' not in out.read_text(encoding="utf-8")
    browser = Browser(CHROMIUM, str(tmp_path / "profile"))
    try:
        browser.navigate(out.as_uri())
        browser.click("#tree-expand")
        assert browser.evaluate("Array.from(document.querySelectorAll('#tree details')).every(d => d.open)") is True
        assert browser.errors() == []
    finally:
        browser.close()


def test_capaian_section_heat_map_and_charts(tmp_path: Path) -> None:
    """The specs carry realisasi: the report gets a capaian section, a heat map coloured by category
    and one inline SVG chart per indicator with numeric values; nothing is fetched."""
    specs = Path(__file__).parents[2] / "specs"
    ws = cascade.load(str(specs))
    out = tmp_path / "capaian.html"
    out.write_text(render_html(ws, ws.validate(as_of=2026), lang="id", as_of=2026), encoding="utf-8")
    browser = Browser(CHROMIUM, str(tmp_path / "profile"))
    try:
        browser.navigate(out.as_uri())
        assert browser.evaluate("document.querySelectorAll('section').length") == 6  # summary, tree, findings, matrices, sakip, capaian
        assert browser.evaluate("document.querySelector('#capaian h2').innerText") == "Capaian kinerja"
        # 8 measured indicators in 6 elements; the qualitative Opini BPK has no chart
        assert browser.evaluate("document.querySelectorAll('#capaian figure').length") == 8
        assert browser.evaluate("document.querySelectorAll('#capaian svg polyline').length") == 14
        cells = browser.evaluate("Array.from(document.querySelectorAll('#capaian td.cap')).map(td => td.dataset.category + ':' + td.innerText)")
        assert "tinggi:83.90" in cells and len(cells) == browser.evaluate("document.querySelectorAll('.heatmap td.cap').length")
        # the heat map cell of 2022 for the tujuan T2.2 (Tingkat Kemiskinan 4.1 -> 4.76)
        colour = browser.evaluate(
            "getComputedStyle(Array.from(document.querySelectorAll('.heatmap td.cap')).find(td => td.innerText == '83.90')).backgroundColor")
        assert colour == "rgb(74, 194, 107)"  # 'tinggi'
        # per document and level: Kota Madiun's RPJMD, tujuan/sasaran/program x 2019-2024 (hand-computed for 2023:
        # tujuan 101.59 and 81.5 -> 91.55)
        assert browser.evaluate("document.querySelectorAll('#capaian table.by-document tbody tr').length") == 18
        row = browser.evaluate("Array.from(document.querySelectorAll('#capaian table.by-document tbody tr'))"
                               ".map(tr => tr.innerText.split('\\t').slice(0, 6).join('|')).find(t => t.includes('tujuan|2023'))")
        assert row == "kota-madiun.rpjmd-2019|tujuan|2023|2|91.55|81.50"
        # badges on the pohon kinerja: each measured element's capaian of its latest measured year
        badges = browser.evaluate("Array.from(document.querySelectorAll('#tree [data-capaian]')).map(b => b.dataset.capaian)")
        # 7 measured elements, some shown again under a second parent; T2.2 Tingkat Kemiskinan 2024: 4.38 against 3.9
        assert len(badges) >= 7 and "87.69" in badges
        requests = [e["params"]["request"]["url"] for e in browser.events if e["method"] == "Network.requestWillBeSent"]
        assert all(u.startswith("file://") for u in requests)
        assert browser.errors() == []
    finally:
        browser.close()


def test_no_capaian_section_without_realisasi() -> None:
    assert 'id="capaian"' not in render_html(cascade.load(str(FIXTURE)), cascade.Report([]))
