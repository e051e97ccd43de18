"""What the language server answers, without the protocol (cascade.lsp.features): the reference under
the cursor, hover, completion and the quick fixes, on a generated workspace edited in place."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import cascade  # noqa: E402
from benchmarks.generate import generate_workspace  # noqa: E402
from cascade.lsp import features  # noqa: E402


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    root = tmp_path_factory.mktemp("plans")
    generate_workspace(str(root), elements=150, seed=7, defects=0)
    renstra = sorted(root.rglob("renstra-*.yaml"))[0]
    return root, str(renstra), renstra.read_text(encoding="utf-8")


def _line(text: str, pattern: str) -> int:
    return next(i for i, line in enumerate(text.split("\n")) if re.search(pattern, line))


def test_hover_on_an_indicator_id_shows_its_numbers_and_chain(plans):
    root, renstra, text = plans
    ws = cascade.load(str(root))
    i = _line(text, r"- id: S1\.1\.I1$")
    spot = features.spot_at(text, i, text.split("\n")[i].index("S1"))
    assert (spot.field, spot.token, spot.section) == ("id", "S1.1.I1", "indicator")
    node = features.resolve(ws, renstra, spot)
    assert node == "r35-77.dindik.renstra-2025:S1.1.I1"
    hover = features.hover_text(ws, node)
    assert "- satuan: nilai" in hover
    assert "- polaritas: positif (dinyatakan)" in hover
    assert "- kondisi awal: 75.21 (2024)" in hover
    assert "2025: 77.02" in hover
    assert hover.rstrip().endswith("Prioritas Nasional `rpjmn-2025:PN4` (nasional (RPJMN))")
    assert "realisasi" not in hover  # no realized values in this tree


def test_hover_shows_realisasi_and_capaian_as_cascade_capaian_computes_them():
    """The Kota Madiun RPJMD's unemployment rate (negative polarity; realisasi inline and from
    specs/kota-madiun/realisasi-2024.yaml): the same numbers as ``cascade capaian specs --as-of 2024``,
    up to the configured as-of year."""
    specs = Path(__file__).resolve().parents[2] / "specs"
    ws = cascade.load(str(specs))
    node = "kota-madiun.rpjmd-2019:T2.2.I1"
    hover = features.hover_text(ws, node, {"missing-realization": {"as_of": 2024}})
    assert ("- realisasi: 2019: 4.35, 2020: 4.98, 2021: 4.31 (sementara), 2022: 4.76, 2023: 4.74, "
            "2024: 4.38") in hover
    assert ("- capaian: 2019: 100 (sangat tinggi), 2020: 84.19 (tinggi), 2021: 97.38 (sangat tinggi), "
            "2022: 83.9 (tinggi), 2023: 81.5 (tinggi), 2024: 87.69 (tinggi)") in hover
    early = features.hover_text(ws, node, {"missing-realization": {"as_of": 2020}})
    assert "- capaian: 2019: 100 (sangat tinggi), 2020: 84.19 (tinggi)\n" in early


def test_hover_shows_an_inferred_polarity(plans):
    root, renstra, text = plans
    changed = re.sub(r"^ *polarity: positive\n", "", text, count=1, flags=re.M)
    ws = cascade.load(str(root))
    report = ws.update(renstra, changed)
    del report
    node = next(n for n, a in ws.graph.nodes(data=True) if a["type"] == "indicator" and a["model"].polarity is None
                and a["doc"] == "r35-77.dindik.renstra-2025")
    hover = features.hover_text(ws, node)
    pol = ws.graph.nodes[node]["model"].effective_polarity
    if pol.value is None:
        assert "tidak diketahui (tidak dinyatakan, tidak terbaca dari nama)" in hover
    else:
        assert f"(dibaca dari '{pol.word}')" in hover


def test_completion_of_enums_fields_and_parents(plans):
    root, renstra, text = plans
    ws = cascade.load(str(root))
    lines = text.split("\n")
    j = _line(text, r"^\s+polarity: ")
    assert [i.label for i in features.completions(ws, renstra, text, j, len(lines[j]))] == ["positive", "negative", "stable"]
    k = _line(text, r"^\s+type: ")
    assert [i.label for i in features.completions(ws, renstra, text, k, len(lines[k]))] == [
        "impact", "outcome", "output", "process", "input"]
    # parent of a sasaran: the tujuan of this renstra, with their names
    p = next(i for i, line in enumerate(lines) if "parent: T1" in line)
    items = features.completions(ws, renstra, text, p, len(lines[p]))
    kinds = {ws.graph.nodes[f"r35-77.dindik.renstra-2025:{i.label}"]["kind"] for i in items}
    assert kinds == {"tujuan"} and all(i.detail for i in items)
    # a key position inside an indicator: the indicator's field names
    i1 = _line(text, r"- id: S1\.1\.I1$")
    labels = [i.label for i in features.completions(ws, renstra, text, i1 + 1, 4)]
    assert {"unit", "polarity", "baseline", "targets", "supports"} <= set(labels) and "employee" not in labels


def test_a_cursor_past_the_end_of_the_line_is_at_its_end(plans):
    """Clients may send a character past the line's end (LSP: it then means the end); hover and
    completion used to raise IndexError there."""
    root, renstra, text = plans
    ws = cascade.load(str(root))
    lines = text.split("\n")
    p = next(i for i, line in enumerate(lines) if "parent: T1" in line)
    spot = features.spot_at(text, p, len(lines[p]) + 50)
    assert (spot.field, spot.token) == ("parent", "T1")
    assert features.resolve(ws, renstra, spot) == "r35-77.dindik.renstra-2025:T1"
    assert features.spot_at(text, 0, 10_000) is not None
    assert features.completions(ws, renstra, text, p, len(lines[p]) + 50)


def test_completion_after_a_document_id_and_its_colon_offers_references(plans):
    """``supports: [doc-id:`` as typed (':' is a trigger character) is a reference being written,
    not a key: completion offers the document's elements, not the field names of a mapping."""
    root, _, _ = plans
    ws = cascade.load(str(root))
    skp = str(sorted(root.rglob("skp-*.yaml"))[0])
    text = open(skp, encoding="utf-8").read()
    lines = text.split("\n")
    m = next(re.search(r"^(\s*supports: \[)([a-z0-9.-]+:)", line) for line in lines
             if re.search(r"^\s*supports: \[[a-z0-9.-]+:", line))
    j = next(i for i, line in enumerate(lines) if line.startswith(m.group(0)))
    typed = lines[:j] + [m.group(0)] + lines[j + 1:]
    spot = features.spot_at("\n".join(typed), j, len(m.group(0)))
    assert (spot.field, spot.token) == ("supports", m.group(2)[:-1])
    labels = [i.label for i in features.completions(ws, skp, "\n".join(typed), j, len(m.group(0)))]
    assert labels and all(label.startswith(m.group(2)) for label in labels), labels[:5]


def test_quick_fixes(plans, tmp_path):
    root, renstra, text = plans
    bad = text.replace("2025: 77.02,", '2025: "72,6",', 1)
    bad = re.sub(r'code: "([0-9.]+)"', r"code: \1", bad, count=1)
    ws = cascade.load(str(root))
    report = ws.update(renstra, bad)
    lines = bad.split("\n")
    by_code = {f.code: f for f in report.findings if f.file == renstra}
    assert {"CAS103", "CAS006"} <= set(by_code), sorted(by_code)
    comma = features.fixes(by_code["CAS103"], bad)
    assert comma[0].title == "Write 72.6"
    line = lines[comma[0].line]
    assert line[comma[0].start:comma[0].end] == '"72,6"'
    assert comma[-1].new_text == "  # cascade: ignore[wrong-type] REASON" and not comma[-1].preferred
    assert features.fixes(by_code["CAS103"], bad, "id")[0].title == "Tuliskan 72.6"
    quote = features.fixes(by_code["CAS006"], bad)[0]
    fixed_line = lines[quote.line][:quote.start] + quote.new_text + lines[quote.line][quote.end:]
    assert re.search(r'code: "[0-9.]+"', fixed_line)
    # the quick fixes, applied, make the findings go away
    lines[comma[0].line] = line[:comma[0].start] + comma[0].new_text + line[comma[0].end:]
    lines[quote.line] = fixed_line
    after = ws.update(renstra, "\n".join(lines))
    assert not [f for f in after.findings if f.file == renstra and f.code in ("CAS103", "CAS006")]
    ws.update(renstra, text)


def test_missing_extra_message(monkeypatch, capsys):
    import builtins

    from cascade.cli.commands import main

    real = builtins.__import__

    def no_pygls(name, *args, **kwargs):
        if name.startswith(("pygls", "lsprotocol")):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pygls)
    monkeypatch.delitem(sys.modules, "cascade.lsp.server", raising=False)
    import io

    err = io.StringIO()
    assert main(["server"], stderr=err) == 2
    assert 'pip install -e ".[lsp]"' in err.getvalue()


def test_hover_speaks_the_language_of_the_run():
    """Bahasa Indonesia by default, English with ``lang="en"`` (``cascade server --lang en`` or the
    workspace's ``lang``): the hover used to be English first ("unit / satuan", "Chain up")."""
    specs = Path(__file__).resolve().parents[2] / "specs"
    ws = cascade.load(str(specs))
    node = "kota-madiun.rpjmd-2019:T2.2.I1"
    options = {"missing-realization": {"as_of": 2024}}
    lines = features.hover_text(ws, node, options).splitlines()
    assert lines[1] == "indikator `kota-madiun.rpjmd-2019:T2.2.I1`  "
    assert lines[4:8] == ["- satuan: %", "- polaritas: negatif (dinyatakan)", "- kondisi awal: 4.49 (2018)",
                          "- target: 2019: 4.35, 2020: 4.3, 2021: 4.2, 2022: 4.1, 2023: 4, 2024: 3.9"]
    assert lines[-2:] == ["Rantai ke atas:", "- indikator `jatim.rpjmd-2019:T2.2.I1` → indikator `rpjmn-2020:PN3.I2` → "
                          "Prioritas Nasional `rpjmn-2020:PN3` (nasional (RPJMN))"]
    english = features.hover_text(ws, node, options, "en").splitlines()
    assert english[1] == "indicator `kota-madiun.rpjmd-2019:T2.2.I1`  "
    assert english[4:6] == ["- unit: %", "- polarity: negative (declared)"]
    assert "2021: 4.31 (preliminary)" in english[8]
    assert english[-2] == "Chain up:" and english[-1].endswith("(national (RPJMN))")


def test_completion_uses_the_last_good_parse_while_the_buffer_is_not_yaml(plans):
    """``supports: [doc-id:`` typed without its ``]`` (an editor without auto-closing brackets) is
    not YAML: the file yields no document, and completion offered nothing exactly when a reference
    is being written. The server keeps the file's last good parse and completes from it."""
    root, _, _ = plans
    ws = cascade.load(str(root))
    skp = str(sorted(root.rglob("skp-*.yaml"))[0])
    text = open(skp, encoding="utf-8").read()
    lines = text.split("\n")
    j, m = next((i, re.search(r"^(\s*supports: \[)([a-z0-9.-]+:)", line)) for i, line in enumerate(lines)
                if re.search(r"^\s*supports: \[[a-z0-9.-]+:", line))
    typed = "\n".join(lines[:j] + [m.group(0)] + lines[j + 1:])  # the bracket left open
    good = ws.parsed[features._file_doc(ws, skp)]
    report = ws.update(skp, typed)
    assert features._file_doc(ws, skp) is None and any(f.code == "CAS001" and f.file == skp for f in report)
    assert features.completions(ws, skp, typed, j, len(m.group(0))) == []  # nothing to complete from
    labels = [i.label for i in features.completions(ws, skp, typed, j, len(m.group(0)), good)]
    assert labels and all(label.startswith(m.group(2)) for label in labels), labels[:5]
    parent = next(i for i, line in enumerate(lines) if re.match(r"^\s*parent: \S", line))
    at = lines[parent].index("parent:") + len("parent: ")
    typed_parent = "\n".join(lines[:parent] + [lines[parent][:at]] + lines[parent + 1:j] + [m.group(0)] + lines[j + 1:])
    own = {e.id for e in good.model.elements}
    offered = [i.label for i in features.completions(ws, skp, typed_parent, parent, at, good)]
    assert offered and set(offered) <= own


def test_the_suppression_quick_fix_goes_before_a_crlf_line_end(plans):
    root, renstra, text = plans
    bad = text.replace("2025: 77.02,", '2025: "72,6",', 1).replace("\n", "\r\n")
    ws = cascade.load(str(root))
    report = ws.update(renstra, bad)
    finding = next(f for f in report.findings if f.file == renstra and f.code == "CAS103")
    ignore = features.fixes(finding, bad)[-1]
    line = bad.split("\n")[ignore.line]
    assert line.endswith("\r") and ignore.start == ignore.end == len(line) - 1


SKP_WITH_NAMES = """\
document: {id: x.skp-2021, kind: skp, title: SKP Budi Rahasiawan, period: {start: 2021, end: 2021}, region: {code: "35.77"}}
elements:
  - id: R1
    kind: rhk
    name: Kinerja Budi Rahasiawan meningkat
    employee: {nip: "199001012015031001", name: Budi Rahasiawan, unit: YANKES}
    indicators:
      - {id: "199001012015031555", name: Nilai Siti Aminah, targets: {2021: 80}}
  - id: R2
    kind: rhk
    name: Mendukung Siti Aminah
    parent: R1
    employee: {nip: "198502022010012002", name: Siti Aminah}
"""


def test_hover_and_completion_mask_employees_names_and_nips(tmp_path):
    """The editor's hover and the details of a completion are outputs too: a name of an skp employee
    (also one whose block failed: Siti Aminah has no unit) and a NIP are outlined, as in the trace."""
    path = tmp_path / "skp.yaml"
    path.write_text(SKP_WITH_NAMES, encoding="utf-8")
    ws = cascade.load(str(path))
    hovers = [features.hover_text(ws, n) for n in ("x.skp-2021", "x.skp-2021:R1", "x.skp-2021:R2", "x.skp-2021:199001012015031555")]
    for text in hovers:
        assert "Rahasiawan" not in text and "Aminah" not in text and "199001012015031555" not in text, text
    assert hovers[1].startswith("**Kinerja B•••••••••••••• meningkat**  \nRHK `x.skp-2021:R1`")
    assert hovers[3].startswith("**Nilai S••••••••••**  \nindikator `x.skp-2021:1990••••••••••1555`")
    lines = SKP_WITH_NAMES.split("\n")
    p = next(i for i, line in enumerate(lines) if "parent: R1" in line)
    items = features.completions(ws, str(path), SKP_WITH_NAMES, p, len(lines[p]))
    assert [(i.label, i.detail) for i in items] == [("R1", "Kinerja B•••••••••••••• meningkat"), ("R2", "Mendukung S••••••••••")]
    shown = cascade.load(str(path), show_personal=True)
    assert "Budi Rahasiawan" in features.hover_text(shown, "x.skp-2021:R1")


def test_an_unquoted_nip_gets_its_quote_fix_without_showing_it(tmp_path):
    """CAS006 on ``- id: 197005121995031002`` shows the NIP outlined; the quick fix was lost when the
    findings were masked (the outline no longer matched the text). Its title keeps the outline, its
    edit quotes what the file holds."""
    import shutil

    specs = tmp_path / "specs"
    shutil.copytree(Path(__file__).resolve().parents[2] / "specs", specs)
    skp = specs / "kota-madiun" / "dinkes" / "skp-2023.yaml"
    text = skp.read_text(encoding="utf-8").replace("  - id: R1\n", "  - id: 197005121995031002\n", 1)
    skp.write_text(text, encoding="utf-8")
    report = cascade.load(str(specs)).validate()
    finding = next(f for f in report if f.code == "CAS006" and f.file == str(skp))
    assert "197005121995031002" not in finding.message
    fix = features.fixes(finding, text, "id")[0]
    line = text.split("\n")[fix.line]
    assert (line[fix.start:fix.end], fix.new_text) == ("197005121995031002", '"197005121995031002"')
    assert fix.title == 'Beri tanda kutip: "1970••••••••••1002"'
