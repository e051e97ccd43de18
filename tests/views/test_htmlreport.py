"""The self-contained HTML report and ``cascade report``, read as text (the browser test drives it live)."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

import cascade
from cascade.cli.commands import main
from cascade.views import html
from cascade.views.html import Masker, outline, render_html

FIXTURE = Path(__file__).parents[1] / "fixtures" / "notebook"


@pytest.fixture(scope="module")
def ws() -> cascade.Cascade:
    return cascade.load(str(FIXTURE))


@pytest.fixture(scope="module")
def page(ws: cascade.Cascade) -> str:
    # Only the reference rule, so that these exact expectations do not move as rules are added.
    return render_html(ws, ws.validate(select=["CAS202"]), lang="en")


def test_report_is_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert page.count("<script>") == 1 and page.count("</script>") == 1
    assert re.findall(r"\b(?:src|href)=\"(?!#)[^\"]*\"", page) == []
    assert "http://" not in page and "https://" not in page and "@import" not in page
    assert "default-src 'none'" in page


def test_plan_text_is_escaped(page: str) -> None:
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &quot;Tata&quot; kelola {bersih} #1" in page


def test_sections_tree_findings_and_matrices(page: str) -> None:
    assert [m for m in re.findall(r'<section id="(\w+)">', page)] == ["summary", "tree", "findings", "matrices", "sakip"]
    # one summary row per document, tier order
    summary = page[page.index('id="summary-table"'):page.index("</table>", page.index('id="summary-table"'))]
    assert re.findall(r"<tr><td><code>([^<]+)</code>", summary) == [
        "rpjmn-2020", "jatim.rpjmd-2019", "kota-madiun.rpjmd-2019", "kota-madiun.dinkes.renstra-2019",
        "kota-madiun.dinsos.renstra-2019", "kota-madiun.dinkes.skp-2023"]
    # tree: national roots open, deeper nodes closed, badges on the broken nodes, shared nodes linked
    assert page.count("<details") == page.count("</details>") > 0
    assert re.findall(r'<details id="[^"]+" open>', page) == ['<details id="node-0" open>']
    assert page.count('class="badge error" title="CAS202 unknown-reference:') == 2
    assert page.count('<div class="repeated">') == 3
    # findings table rows carry their filter keys; filters list what is there
    assert re.findall(r'<tr data-severity="(\w+)" data-rule="([\w-]+)" data-doc="([^"]+)">', page) == [
        ("error", "unknown-reference", "kota-madiun.rpjmd-2019"), ("error", "unknown-reference", "kota-madiun.dinkes.skp-2023")]
    assert '<option value="kota-madiun.dinkes.skp-2023">' in page and '<option value="warning">' not in page
    # a matrix per document and each document it aligns to
    assert re.findall(r'<table class="matrix" data-lower="([^"]+)" data-upper="([^"]+)">', page) == [
        ("jatim.rpjmd-2019", "rpjmn-2020"), ("kota-madiun.rpjmd-2019", "jatim.rpjmd-2019"),
        ("kota-madiun.rpjmd-2019", "rpjmn-2020"), ("kota-madiun.dinkes.renstra-2019", "kota-madiun.rpjmd-2019"),
        ("kota-madiun.dinsos.renstra-2019", "kota-madiun.rpjmd-2019"), ("kota-madiun.dinkes.skp-2023", "kota-madiun.dinkes.renstra-2019")]


def test_personal_data_masked_by_default(ws: cascade.Cascade) -> None:
    masked = render_html(ws)
    for secret in ("000000000000000102", "Siti Rahayu", "Budi Santoso", "Agus Wijaya"):
        assert secret not in masked
    # the position, which with the unit names one person, is outlined as the name is (excerpts blot it)
    assert "Pemegang: K•••••••••••, d•••••••••••••••••••••, NIP 0000••••••••••0102" in masked
    shown = render_html(ws, show_personal=True)
    assert "Pemegang: Kepala Dinas, dr. Siti Rahayu, M.Kes, NIP 000000000000000102" in shown


@pytest.mark.parametrize("nip", ["0000000000000042", "0000-00-42", "ABC000000000000042", "00000000 000000 0 042x"])
def test_a_malformed_nip_is_masked_whole(tmp_path: Path, nip: str) -> None:
    # Only 18 digits were recognised: 'Pemegang: B••••, NIP 1970051219950310' in clear.
    (tmp_path / "skp.yaml").write_text(
        "document: {id: contoh.skp-2026, kind: skp, title: SKP, period: {start: 2026, end: 2026}, region: {code: \"33.10\"},"
        " agency: {name: Dinas}}\nelements:\n  - id: R1\n    kind: rhk\n    name: Pelayanan\n"
        f"    employee: {{nip: \"{nip}\", name: Budi, position: Kepala Dinas Kesehatan, unit: KADIN}}\n", encoding="utf-8")
    ws = cascade.load(str(tmp_path))
    assert f"Pemegang: K•••••••••••••••••••••, B•••, NIP {'•' * len(nip)}</div>" in render_html(ws)
    assert f"Pemegang: Kepala Dinas Kesehatan, Budi, NIP {nip}</div>" in render_html(ws, show_personal=True)


def test_masker(ws: cascade.Cascade) -> None:
    mask = Masker(ws)
    assert mask("NIP 19750101 200003 1 001 dan Budi Santoso") == "NIP 1975•••• •••••• 1 001 dan B•••••••••••"  # one NIP pattern: cascade.core.privacy
    assert outline("000000000000000108") == "0000••••••••••0108" and outline("Agus") == "A•••"
    assert mask(None) == ""
    assert Masker(ws, show_personal=True)("Budi Santoso 000000000000000102") == "Budi Santoso 000000000000000102"


def _alternation(names: set[str]) -> "re.Pattern[str]":
    """The names pattern before the prefix tree: every name in turn, the longest first."""
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def test_the_names_tree_finds_what_the_alternation_finds() -> None:
    # the prefix tree is an optimisation of a privacy mask: never a name left visible
    rng = random.Random(7)
    first = ["Ani", "Anita", "Agus", "Budi", "Siti", "Sri", "Dr. Sri", "Nur", "Nur'aini", "Eko", "Ça", "(Hadi)"]
    names = {"Ani", "Ani S", "Anita", "A", "a.b*c", "Nur [x]", "Ani Sutrisno, S.E."}
    while len(names) < 800:
        tail = "".join(rng.choices("abcdeirnstuw .,'", k=rng.randint(1, 9))).rstrip()
        names.add(f"{rng.choice(first)} {tail}".strip())
    ordered = sorted(names)
    texts = [
        " ".join(rng.choice(ordered) if rng.random() < 0.3 else rng.choice(["Persentase", "layanan", "Anit", "Ani", "a.bxc", "oleh"])
                 for _ in range(rng.randint(1, 12)))
        for _ in range(3000)
    ]
    texts += ["Anita Ani S Ani Sutrisno, S.E. Ani", "AAAA", "a.b*ca.b*c", "Nur [x]Nur [x"]
    tree, plain = html._names_pattern(names), _alternation(names)
    assert tree.pattern != plain.pattern
    for text in texts:
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_hostile_names_find_what_the_alternation_finds() -> None:
    # names that are prefixes of each other hundreds deep, very long names beside short ones
    text = "b" + "a" * 300 + " x" * 20 + "y" + "ab" * 120 + "x" * 600 + "xy"
    for names in ({"a" * k for k in range(1, 199)}, {"x" * 500, "xy", "x" * 250 + "y", "x"}, {"ab" * k for k in range(1, 99)}):
        found = html._names_pattern(names)
        assert [m.span() for m in found.finditer(text)] == [m.span() for m in _alternation(names).finditer(text)]


def test_a_tree_too_deep_for_the_compiler_falls_back_to_the_alternation() -> None:
    # called with little stack left, compiling the tree of a deep prefix chain raises RecursionError
    names = {"a" * k for k in range(1, 150)}
    text = "b" + "a" * 400
    plain = _alternation(names)
    results = []

    def at_depth(n: int) -> None:
        if n > 0:
            at_depth(n - 1)
            return
        results.append(html._names_pattern(names))

    at_depth(sys.getrecursionlimit() - 120)
    (found,) = results
    assert found.pattern == plain.pattern  # the tree could not be compiled there
    assert [m.span() for m in found.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert html._names_pattern(names).pattern != plain.pattern  # with stack to spare it is a tree


def test_language(ws: cascade.Cascade) -> None:
    page = render_html(ws)
    assert "<title>Laporan keterkaitan kinerja</title>" in page
    assert "supports &#x27;jatim.rpjmd-2019:S9&#x27; tidak merujuk ke apa pun" in page
    assert "<title>Performance cascade report</title>" in render_html(ws, lang="en")
    with pytest.raises(ValueError, match="unknown language"):
        render_html(ws, lang="fr")


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["report", "--html", str(out), str(FIXTURE)]) == 1
    text = out.read_text(encoding="utf-8")
    assert "<title>Laporan keterkaitan kinerja</title>" in text and "000000000000000102" not in text
    assert main(["report", "--html", str(out), "--lang", "en", "--show-personal", str(FIXTURE / "rpjmn.yaml")]) == 0
    assert "<title>Performance cascade report</title>" in out.read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""


def test_cli_report_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--html", str(tmp_path / "r.html"), str(tmp_path / "missing")]) == 2
    assert "missing: berkas atau folder tidak ada" in capsys.readouterr().err
    assert main(["report", "--html", str(tmp_path / "no" / "dir" / "r.html"), str(FIXTURE)]) == 2
    assert capsys.readouterr().err == f"cascade: tidak dapat menulis {tmp_path / 'no' / 'dir' / 'r.html'}: berkas atau folder tidak ada\n"
    # without --output (or --html) the page goes to the terminal, as every text format does
    assert main(["report", str(FIXTURE), "-q"]) == 1  # the fixture has errors
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_findings_of_unparsed_files_filter_by_path(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("document: [unclosed\n", encoding="utf-8")
    ws = cascade.load(str(tmp_path))
    report = ws.validate()
    page = render_html(ws, report, lang="en")
    path = str(tmp_path / "broken.yaml")
    assert [f.code for f in report] == ["CAS001"]
    assert f'data-rule="yaml-syntax" data-doc="{path}">' in page and f'<option value="{path}">' in page


def test_cli_report_follows_the_configuration(tmp_path: Path) -> None:
    config = tmp_path / "cascade.toml"
    out = tmp_path / "r.html"
    config.write_text('lang = "en"\nselect = ["unknown-reference"]\n', encoding="utf-8")
    assert main(["report", "--html", str(out), "--config", str(config), str(FIXTURE)]) == 1
    text = out.read_text(encoding="utf-8")
    assert "<title>Performance cascade report</title>" in text
    assert re.findall(r'data-rule="([\w-]+)"', text) == ["unknown-reference", "unknown-reference"]
    config.write_text('select = ["CAS5"]\nfail-level = "error"\nignore = ["CAS501", "CAS503", "CAS511"]\n', encoding="utf-8")
    assert main(["report", "--html", str(out), "--config", str(config), "--lang", "en", str(FIXTURE)]) == 0
    assert "unknown-reference" not in out.read_text(encoding="utf-8")
    config.write_text('lang = "fr"\n', encoding="utf-8")
    assert main(["report", "--html", str(out), "--config", str(config), str(FIXTURE)]) == 2


def test_cascade_to_html_is_the_report(ws: cascade.Cascade) -> None:
    report = ws.validate(select=["CAS202"])
    assert ws.to_html(report, lang="en") == render_html(ws, report, lang="en")
    assert "000000000000000102" in ws.to_html(report, show_personal=True)


def test_tree_shows_kinds_as_planners_write_them() -> None:
    """The pohon kinerja showed prioritas_nasional, program_prioritas, sub_kegiatan as the YAML spells them."""
    defects = cascade.load(str(Path(__file__).parents[2] / "examples" / "defects"))
    for lang in ("id", "en"):
        html = render_html(defects, lang=lang)
        kinds = set(re.findall(r'<span class="kind">([^<]*)</span>', html))
        assert {"Prioritas Nasional", "Program Prioritas", "Sub Kegiatan", "sasaran"} <= kinds
        assert not {k for k in kinds if "_" in k}
