"""Every command's output, attacked from the plan: an 18-digit id (a NIP) is outlined unless
``--show-personal``, no line starts with text a plan wrote (a forged ``::error`` annotation), and a
CSV cell a spreadsheet would run as a formula gets a leading ``'``.

The workspace is the Kota Madiun example with its Kepala Dinas rhk renamed to a NIP
(``197005121995031002``), one of its indicators to another (``197005121995031555``), and names that
hold a line break followed by a GitHub Actions annotation, a right-to-left override and a formula.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from cascade.cli.commands import main

REPO = Path(__file__).resolve().parents[2]
NIP = "197005121995031002"
IND_NIP = "197005121995031555"
SHOWN = "1970••••••••••1002"
IND_SHOWN = "1970••••••••••1555"
SKP = "kota-madiun.dinkes.skp-2023"
REF = f"{SKP}:{NIP}"
FORGED = "Mutu\\n::error file=x.yaml,line=1::forged \\u202e"  # as YAML writes it, in double quotes
RLO = "\u202e"


def _plant(folder: Path) -> None:
    shutil.copy(REPO / "specs" / "rpjmn-2020.yaml", folder)
    shutil.copytree(REPO / "specs" / "kota-madiun", folder / "kota-madiun")
    skp = folder / "kota-madiun" / "dinkes" / "skp-2023.yaml"
    text = skp.read_text(encoding="utf-8")
    text = text.replace("  - id: R1\n", f'  - id: "{NIP}"\n', 1).replace("parent: R1\n", f'parent: "{NIP}"\n')
    text = text.replace("      - id: R1.I1\n", f'      - id: "{IND_NIP}"\n', 1)
    # the indicator supports nothing above: CAS302, which sakip quotes as evidence
    text = text.replace("        supports: [kota-madiun.dinkes.renstra-2019:T1.I1]\n", "", 1)
    text = text.replace("name: Meningkatnya derajat kesehatan masyarakat Kota Madiun\n",
                        f'name: "=HYPERLINK(\\"http://x\\") {FORGED}"\n', 1)
    text = text.replace("        name: Angka Harapan Hidup\n", f'        name: "Harapan {FORGED}"\n', 1)
    skp.write_text(text, encoding="utf-8")
    (folder / "kota-madiun" / "dinkes" / "realisasi-skp.yaml").write_text(
        f"document:\n  id: kota-madiun.dinkes.realisasi-skp-2023\n  kind: realisasi\n  for: {SKP}\n"
        f"  title: Realisasi SKP 2023\nrealized:\n  \"{IND_NIP}\":\n"
        "    2023: {value: 72.5, source: \"=cmd|' /C calc'!A0\"}\n", encoding="utf-8")
    rpjmn = folder / "rpjmn-2020.yaml"
    rpjmn.write_text(rpjmn.read_text(encoding="utf-8").replace(
        "name: Meningkatkan Sumber Daya Manusia Berkualitas dan Berdaya Saing\n", f'name: "SDM {FORGED}"\n', 1), encoding="utf-8")


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the attacked workspace, the example as it was: the old side of a diff)."""
    root = tmp_path_factory.mktemp("outputs")
    (root / "new").mkdir()
    (root / "old").mkdir()
    _plant(root / "new")
    shutil.copy(REPO / "examples" / "realign" / "rpjmn-2025.yaml", root / "new")
    shutil.copy(REPO / "specs" / "rpjmn-2020.yaml", root / "old")
    shutil.copytree(REPO / "specs" / "kota-madiun", root / "old" / "kota-madiun")
    return root / "new", root / "old"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


#: (command line, format) of every command that prints plan data; {ws} the workspace, {old} the old side.
COMMANDS = {
    "trace": ["trace", REF, "{ws}"],
    "trace-down": ["trace", REF, "{ws}", "--down"],
    "coverage": ["coverage", "{ws}"],
    "capaian": ["capaian", "{ws}", "--as-of", "2024"],
    "capaian-lkjip": ["capaian", "{ws}", "--lkjip", "--year", "2023"],
    "capaian-by-document": ["capaian", "{ws}", "--by-document"],
    "sakip": ["sakip", "{ws}", "--all", "--document", SKP],
    "diff": ["diff", "{old}", "{ws}"],
    "diff-markdown": ["diff", "{old}", "{ws}", "--format", "markdown"],
    "review": ["review", "{ws}"],
    "realign": ["realign", "{ws}", "--from", "rpjmn-2020", "--to", "rpjmn-2025"],
    # pages printed to standard output (a CI step without --output): a line break is a character reference
    "report-html": ["report", "{ws}"],
    "diff-html": ["diff", "{old}", "{ws}", "--format", "html"],
    "sakip-html": ["sakip", "{ws}", "--all", "--document", SKP, "--format", "html"],
}


def _argv(name: str, planted: tuple[Path, Path], *extra: str) -> list[str]:
    ws, old = planted
    return [a.format(ws=ws, old=old) for a in COMMANDS[name]] + list(extra)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_no_line_of_a_text_output_starts_with_what_a_plan_wrote(name: str, planted: tuple[Path, Path]) -> None:
    code, out, err = run(*_argv(name, planted))
    assert code in (0, 1), err
    if name in ("trace", "capaian-lkjip", "diff", "diff-markdown", "realign"):  # these print the planted names
        assert "::error" in out, out[:2000]
    for line in (out + err).splitlines():
        assert not line.startswith("::"), (name, line)
        assert RLO not in line, (name, line)
    if name == "diff-markdown":  # a table cell: the line break folded to a space, as markdown tables need
        assert "Mutu ::error file=x.yaml,line=1::forged \\u202e" in out
    elif name.endswith("-html"):
        if name != "sakip-html":
            assert "&#10;::error file=x.yaml,line=1::forged" in out, out[:2000]
    elif "::error" in out:
        assert "\\u000a::error file=x.yaml,line=1::forged \\u202e" in out


FORMATS = {
    "trace": ("text", "json", "csv"),
    "trace-down": ("text", "json", "csv"),
    "coverage": ("text", "json", "csv"),
    "capaian": ("text", "json", "csv"),
    "capaian-lkjip": ("text", "json", "csv"),
    "sakip": ("text", "json", "html"),
    "diff": ("text", "json", "markdown", "html"),
    "review": ("text", "json"),
}


@pytest.mark.parametrize("name,fmt", [(n, f) for n, fs in sorted(FORMATS.items()) for f in fs])
def test_an_18_digit_id_is_outlined_in_every_format(name: str, fmt: str, planted: tuple[Path, Path]) -> None:
    argv = [a for a in _argv(name, planted) if a != "markdown"]
    if "--format" in argv:
        argv = argv[: argv.index("--format")]
    code, out, err = run(*argv, "--format", fmt)
    assert code in (0, 1), err
    assert NIP not in out + err and IND_NIP not in out + err, (name, fmt)
    if name not in ("review", "coverage", "sakip") and (name, fmt) != ("trace-down", "csv"):  # these may not name it
        assert SHOWN in out or IND_SHOWN in out, (name, fmt, out[:2000])
    if fmt == "json":
        json.loads(out)  # outlined in place, still JSON
    code, shown, err = run(*argv, "--format", fmt, "--show-personal")
    if name not in ("review", "coverage", "sakip") and (name, fmt) != ("trace-down", "csv"):
        assert NIP in shown or IND_NIP in shown, (name, fmt)


def test_the_report_and_the_did_you_mean_outline_it(planted: tuple[Path, Path], tmp_path: Path) -> None:
    ws, _ = planted
    code, out, err = run("report", str(ws), "--output", str(tmp_path / "r.html"))
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert NIP not in page and IND_NIP not in page and f"<code>{SKP}:{SHOWN}</code>" in page
    code, out, err = run("trace", f"{SKP}:197005121995031003", str(ws))
    assert code == 2
    assert err.endswith(f"; maksudnya '{SKP}:{SHOWN}'?\n") and NIP not in err
    code, out, err = run("trace", f"{SKP}:197005121995031003", str(ws), "--show-personal")
    assert err.endswith(f"; maksudnya '{REF}'?\n")


def test_the_workbook_outlines_every_cell(planted: tuple[Path, Path], tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    ws, _ = planted
    target = tmp_path / "w.xlsx"
    run("export", str(ws), "--output", str(target), "--exit-zero")
    cells = [str(c.value) for sheet in openpyxl.load_workbook(target) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c for c in cells if NIP in c or IND_NIP in c]
    assert any(SHOWN in c for c in cells) and any(IND_SHOWN in c for c in cells)
    run("export", str(ws), "--output", str(target), "--exit-zero", "--show-personal")
    cells = [str(c.value) for sheet in openpyxl.load_workbook(target) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any(NIP in c for c in cells)


def test_json_outlines_an_18_digit_number_as_a_string() -> None:
    from cascade.core.privacy import mask_output

    text = json.dumps({"ref": f"x:{NIP}", "value": int(NIP), "capaian": -3.5, "big": 1234567890123456789, "fp": "0123456789abcdef"})
    assert json.loads(mask_output(text, json_text=True)) == {
        "ref": f"x:{SHOWN}", "value": SHOWN, "capaian": -3.5, "big": 1234567890123456789, "fp": "0123456789abcdef"}


@pytest.mark.parametrize("name", ["trace", "trace-down", "coverage", "capaian", "realign"])
def test_a_csv_cell_is_never_a_formula(name: str, planted: tuple[Path, Path]) -> None:
    code, out, err = run(*_argv(name, planted), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    cells = [c for row in rows[1:] for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and c != "-" and not _number(c))], name
    if name == "trace":
        assert any(c.startswith("'=HYPERLINK(") for c in cells)
    if name == "capaian":
        assert "'=cmd|' /C calc'!A0" in cells
    assert len(rows) == len(out.splitlines())  # no cell spans lines


def _number(text: str) -> bool:
    try:
        float(text.rstrip("%"))
    except ValueError:
        return False
    return True


def test_csv_cell_keeps_numbers() -> None:
    from cascade.core.text import csv_cell

    assert [csv_cell(v) for v in ("-3.5", "+2", "-12%", "-", "=1+1", "+62 812", "@SUM(A1)", "-1+A1", "a\nb", 7)] == [
        "-3.5", "+2", "-12%", "-", "'=1+1", "'+62 812", "'@SUM(A1)", "'-1+A1", "a\\u000ab", 7]


JSON_OUTPUTS = [(n, "json") for n, fs in sorted(FORMATS.items()) if "json" in fs] + [("lint", "json"), ("lint", "sarif"), ("lint", "gitlab")]


@pytest.mark.parametrize("name,fmt", JSON_OUTPUTS)
def test_json_outputs_escape_the_marks_a_plan_wrote(name: str, fmt: str, planted: tuple[Path, Path]) -> None:
    """The JSON outputs write a plan's U+202E as ``\\u202e``: a terminal, an editor or a pull
    request's diff showing the file is not turned around, and a JSON reader still decodes the
    plan's own text (the escape is JSON's)."""
    argv = ["lint", str(planted[0]), "--no-cache"] if name == "lint" else _argv(name, planted)
    code, out, err = run(*argv, "--format", fmt)
    assert code in (0, 1), err
    assert RLO not in out
    if name in ("trace", "capaian-lkjip", "diff", "lint"):  # these quote the planted names
        assert "\\u202e" in out

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for k, v in value.items() for s in strings(k) + strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    decoded = strings(json.loads(out))
    if name in ("trace", "capaian-lkjip", "diff"):  # names as the plan wrote them (lint escapes its messages)
        assert any(RLO in s for s in decoded)


def test_json_text_escapes_marks_above_the_bmp_as_json_can_read_them() -> None:
    from cascade.core.text import json_text

    value = {"tag": "x\U000e0041y", "lone": "\ud83d", "esc": "\x1b[2J\x85", "id": "é\u200b"}
    text = json_text(value)
    assert text == ('{\n  "tag": "x\\udb40\\udc41y",\n  "lone": "\\ud83d",\n  "esc": "\\u001b[2J\\u0085",\n'
                    '  "id": "é\\u200b"\n}\n')
    assert json.loads(text) == value
    text.encode("utf-8")  # a lone surrogate written raw could not be encoded


def test_json_text_prefilter_misses_no_unsafe_character() -> None:
    """json_text looks first for characters outside a few safe ranges: every UNSAFE one is among them."""
    from cascade.core.text import _JSON_CANDIDATE, UNSAFE

    assert [c for c in range(0x110000) if c != 10 and UNSAFE.match(chr(c)) and not _JSON_CANDIDATE.match(chr(c))] == []
