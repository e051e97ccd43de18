"""Employee numbers (NIP) and names of skp documents never reach findings unless asked for.

Reports are shared beyond HR (review pipelines, dashboards); a finding about a badly written NIP must
say where and what is wrong without printing the NIP. ``cascade.load(..., show_personal=True)`` and
``cascade lint --show-personal`` show it.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

import cascade
from cascade.cli.commands import main
from cascade.reporters import FORMATS

NIP = "199001012015031001"
OTHER_NIP = "198502022010012002"
THIRD_NIP = "197003032000031003"
NAMES = ("Budi Santoso", "Siti Aminah")

SKP = f"""\
document:
  id: dinkes.skp-2021
  kind: skp
  title: SKP Dinas Kesehatan 2021
  period: {{start: 2021, end: 2021}}
  region: {{code: "35.77", name: Kota Madiun}}
  agency: {{code: "1.02.0.00.0.00.01.0000", name: Dinas Kesehatan}}
elements:
  - id: R1
    kind: rhk
    name: Meningkatnya cakupan imunisasi
    employee: {{nip: {NIP}, name: Budi Santoso, unit: YANKES}}
  - id: R2
    kind: rhk
    name: Meningkatnya cakupan imunisasi dasar
    employee: "{OTHER_NIP} Siti Aminah"
"""


def outputs(report: cascade.Report) -> str:
    """Everything a reporter could print: both languages of the JSON contract, refs and pointers."""
    return "\n".join(
        [json.dumps(report.as_dict(lang), ensure_ascii=False) for lang in ("en", "id")]
        + [f"{f.ref} {f.pointer} {f.args}" for f in report]
    )


@pytest.fixture
def skp(tmp_path: Path) -> Path:
    path = tmp_path / "skp.yaml"
    path.write_text(SKP)
    return path


def test_nip_and_names_are_masked(skp: Path) -> None:
    report = cascade.load(str(skp)).validate(select=["CAS0", "CAS1"])
    assert [(f.code, f.line, f.column, f.message) for f in report] == [
        ("CAS006", 12, 21, "'nip: 1990••••••••••1001' is read as text here, but YAML 1.1 tools read it as a number; "
                           "quote it: \"1990••••••••••1001\""),
        ("CAS103", 16, 15, "'employee' must be a mapping, not '1•••••••••••••••••••••••••••••'"),
    ]
    text = outputs(report)
    for secret in (NIP, OTHER_NIP, *NAMES, "Budi", "Siti"):
        assert secret not in text


def test_show_personal_shows_them(skp: Path) -> None:
    report = cascade.load(str(skp), show_personal=True).validate(select=["CAS0", "CAS1"])
    assert [f.message for f in report] == [
        f"'nip: {NIP}' is read as text here, but YAML 1.1 tools read it as a number; quote it: \"{NIP}\"",
        f"'employee' must be a mapping, not '{OTHER_NIP} Siti Aminah'",
    ]
    text = outputs(report)
    assert NIP in text and OTHER_NIP in text and "Siti Aminah" in text


def test_an_object_under_employee_is_named_by_its_type_not_its_masked_repr() -> None:
    doc = {
        "document": {"id": "x.skp-2021", "kind": "skp", "title": "SKP", "period": {"start": 2021, "end": 2021},
                     "region": {"code": "35.77"}, "agency": {"name": "Dinas Kesehatan"}},
        "elements": [{"id": "R1", "kind": "rhk", "name": "Target",
                      "employee": {"nip": NIP, "name": "Budi", "unit": "YANKES", "position": object()}}],
    }
    report = cascade.load(doc).validate(select=["CAS0", "CAS1"])
    assert [(f.code, f.pointer, f.message) for f in report] == [
        ("CAS103", "/elements/0/employee/position", "'position' must be text, not a value of type 'object'"),
    ]


def test_dict_input_with_wrong_types_is_masked() -> None:
    doc = {
        "document": {"id": "x.skp-2021", "kind": "skp", "title": "SKP", "period": {"start": 2021, "end": 2021},
                     "region": {"code": "35.77"}, "agency": {"name": "Dinas Kesehatan"}},
        "elements": [{"id": "R1", "kind": "rhk", "name": "Target",
                      "employee": {"nip": int(NIP), "name": ["Budi", "Santoso"], "unit": "YANKES", int(OTHER_NIP): "x", THIRD_NIP: "y"}}],
    }
    report = cascade.load(doc).validate(select=["CAS0", "CAS1"])
    assert [(f.code, f.pointer, f.message) for f in report] == [
        ("CAS102", "/elements/0/employee/1970••••••••••1003", "unknown field '1970••••••••••1003' (allowed: name, nip, position, unit)"),
        # a key that is not text at all
        ("CAS001", "/elements/0/employee/1985••••••••••2002", "a mapping key must be text, not '1985••••••••••2002'; the key was left out"),
        ("CAS103", "/elements/0/employee/name", "'name' must be text, not a list"),
        ("CAS103", "/elements/0/employee/nip", "'nip' must be text, not '1990••••••••••1001'"),
    ]
    for nip in (NIP, OTHER_NIP, THIRD_NIP):
        assert nip not in outputs(report) and nip not in "".join(f.pointer for f in report)
    shown = cascade.load(doc, show_personal=True).validate(select=["CAS0", "CAS1"])
    assert all(nip in outputs(shown) for nip in (NIP, OTHER_NIP, THIRD_NIP))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_command_masks_in_every_format_unless_asked(fmt: str, skp: Path) -> None:
    def run(*extra: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            assert main(["lint", str(skp), "--format", fmt, "--no-cache", *extra]) == 1
        return out.getvalue() + err.getvalue()

    hidden = run()
    assert "1990••••••••••1001" in hidden  # the finding is there, masked
    for secret in (NIP, OTHER_NIP, "Siti Aminah"):
        assert secret not in hidden
    assert NIP in run("--show-personal")


def test_source_excerpts_are_masked(skp: Path) -> None:
    """The default format quotes the source line; an employee's values are blotted out, layout kept."""
    ws = cascade.load(str(skp))
    lines = ws.sources()[str(skp)].splitlines()
    assert lines[11] == "    employee: {nip: ••••••••••••••••••, name: •••• •••••••, unit: ••••••}"
    assert lines[15] == "    employee: " + "•" * 19 + " •••• " + "•" * 7  # quotes too
    assert lines[:11] == SKP.splitlines()[:11]
    assert cascade.load(str(skp), show_personal=True).sources()[str(skp)] == SKP


def test_only_the_files_a_reporter_quotes_are_masked(skp: Path, tmp_path: Path, monkeypatch) -> None:
    """Masking needs a file's source map (a second pass over it): a clean SKP file, or a format
    that quotes no source line, never pays for it."""
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "skp.yaml").write_text(SKP.replace("1990", "1991"))  # the same layout, another holder
    masked: list[str] = []
    from cascade.build import loading

    real = loading.mask_personal_text
    monkeypatch.setattr(loading, "mask_personal_text", lambda text, sm: masked.append(sm.file) or real(text, sm))
    ws = cascade.load(str(skp), str(clean / "skp.yaml"))
    sources = ws.sources()
    assert sorted(sources) == sorted([str(skp), str(clean / "skp.yaml")]) and masked == []
    assert "1990••••••••••1001" not in sources[str(skp)] and NIP not in sources[str(skp)]
    assert sources[str(skp)] is sources[str(skp)]  # masked once
    assert masked == [str(skp)]


# -- issue 15: NIPs in messages by pattern, and every line of an employee block in excerpts ---------

SECRET_NIP = "199001012020121001"
BLOCK = f"""\
document:
  id: dinkes.skp-2021
  kind: skp
  title: SKP Dinas Kesehatan 2021
  period: {{start: 2021, end: 2021}}
  region: {{code: "35.77", name: Kota Madiun}}
  agency: {{code: "1.02.0.00.0.00.01.0000", name: Dinas Kesehatan}}
elements:
  - id: R1
    kind: rhk
    name: Meningkatnya cakupan imunisasi
    employee:
      nip: "{SECRET_NIP}"
      name: Budi Rahasiawan
      unit: YANKES
"""
NAME_LINE = "      name: Budi Rahasiawan\n"
#: Each breaks the employee block so that the file (or the block) does not parse as it should.
BROKEN_BLOCKS = {
    "duplicate-nip": BLOCK + f'      nip: "{SECRET_NIP}"\n',
    "colon-in-name": BLOCK.replace(NAME_LINE, "      name: Budi: Rahasiawan\n"),
    "tab": BLOCK.replace(NAME_LINE, "      name:\tBudi Rahasiawan\n\t  position: Budi Rahasiawan\n"),
    "at-sign": BLOCK.replace(NAME_LINE, "      name: @Budi Rahasiawan\n"),
    "percent": BLOCK.replace(NAME_LINE, "      name: %Budi Rahasiawan\n"),
    "bad-escape": BLOCK.replace(NAME_LINE, '      name: "Budi \\q Rahasiawan"\n'),
    "nul": BLOCK.replace(NAME_LINE, "      name: Budi\0 Rahasiawan\n"),
    "esc": BLOCK.replace(NAME_LINE, "      name: Budi\x1b Rahasiawan\n"),
    "over-long": BLOCK.replace(NAME_LINE, "      name: Budi Rahasiawan " + "x" * 70_000 + "\n"),
    "nesting": BLOCK.replace(NAME_LINE, "      name: " + "[" * 60 + "Budi Rahasiawan" + "]" * 60 + "\n"),
    "nip-as-key": BLOCK.replace(NAME_LINE, f'      name: Budi Rahasiawan\n      "{SECRET_NIP}": Budi Rahasiawan\n'),
    "printed-nip": BLOCK.replace(f'"{SECRET_NIP}"', '"19900101 202012 1 001"') + "      rank: Budi Rahasiawan\n",
    "crlf-and-cr": BLOCK.replace("\n", "\r") + f'      nip: "{SECRET_NIP}"\r',
}
SECRETS = (SECRET_NIP, "Rahasiawan", "19900101 202012 1 001", "01012020")


def run_cli(path: Path, fmt: str, *extra: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["lint", str(path), "--format", fmt, "--no-cache", *extra], stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize("case", sorted(BROKEN_BLOCKS))
def test_every_line_of_an_employee_block_is_masked_in_excerpts(case: str, tmp_path: Path) -> None:
    path = tmp_path / "skp.yaml"
    path.write_bytes(BROKEN_BLOCKS[case].encode())
    for fmt in FORMATS:
        code, text = run_cli(path, fmt)
        assert code == 1, (fmt, text)
        for secret in SECRETS:
            assert secret not in text, (fmt, secret, text[:3000])
    code, text = run_cli(path, "full", "--show-personal")
    assert "Rahasiawan" in text or SECRET_NIP in text or "19900101 202012 1 001" in text


def test_a_duplicate_key_that_is_a_nip_is_masked_everywhere(tmp_path: Path) -> None:
    """CAS002 quotes the duplicate key: here the NIP itself, in every format, to_pandas and repr."""
    path = tmp_path / "skp.yaml"
    path.write_text(BLOCK + f'      "{SECRET_NIP}": a\n      "{SECRET_NIP}": a\n')
    for fmt in FORMATS:
        code, text = run_cli(path, fmt)
        assert code == 1, fmt
        assert SECRET_NIP not in text and "1990••••••••••1001" in text, (fmt, text)
    report = cascade.load(str(path)).validate()
    dup = report.by_code("CAS002")
    assert [(f.line, f.column) for f in dup] == [(17, 7)]
    assert SECRET_NIP not in repr(dup[0]) and "1990••••••••••1001" in repr(dup[0])
    assert SECRET_NIP not in outputs(report)
    pd = pytest.importorskip("pandas")
    frame = report.to_pandas("id")
    assert isinstance(frame, pd.DataFrame) and SECRET_NIP not in frame.to_csv()
    shown = cascade.load(str(path), show_personal=True).validate()
    assert SECRET_NIP in shown.by_code("CAS002")[0].message


def test_a_nip_outside_an_employee_block_is_masked_by_its_pattern(tmp_path: Path) -> None:
    """A NIP typed anywhere (an element name, a reference): 18 digits or the printed 8-6-1-3 form."""
    path = tmp_path / "skp.yaml"
    path.write_text(BLOCK.replace("name: Meningkatnya cakupan imunisasi",
                                  "name: Capaian 19900101 202012 1 001\n    parent: R199001012020121001"))
    for fmt in FORMATS:
        code, text = run_cli(path, fmt)
        for secret in SECRETS:
            assert secret not in text, (fmt, secret, text)
    assert "R1990••••••••••1001" in run_cli(path, "concise")[1]
    from cascade.core.privacy import mask_nips

    assert mask_nips("19900101 202012 1 001 dan 199001012020121001") == "1990•••• •••••• 1 001 dan 1990••••••••••1001"
    assert mask_nips("1990010120201210011") == "1990010120201210011"  # 19 digits: not a NIP


# -- an employee whose block fails validation keeps its name masked --------------------------------

HIDDEN = "Budi Rahasiawan"
HIDDEN_SHOWN = "B••••••••••••••"


def _skp_with(employee_key: str, employee: object) -> dict:
    """An skp of two rhk: R1's employee block as given, its name repeated in R1's and R2's names."""
    return {
        "document": {"id": "x.skp-2021", "kind": "skp", "title": "SKP", "period": {"start": 2021, "end": 2021},
                     "region": {"code": "35.77"}, "agency": {"name": "Dinas Kesehatan"}},
        "elements": [
            {"id": "R1", "kind": "rhk", "name": f"Kinerja {HIDDEN} meningkat", employee_key: employee,
             "indicators": [{"id": "R1.I1", "name": f"Nilai {HIDDEN}", "targets": {2021: 80}, "realized": {2021: 76}}]},
            {"id": "R2", "kind": "rhk", "name": f"Mendukung {HIDDEN}", "parent": "R1",
             "employee": {"nip": OTHER_NIP, "name": "Siti Aminah", "unit": "YANKES"}},
        ],
    }


INVALID_EMPLOYEES = {
    "missing-unit": ("employee", {"nip": NIP, "name": HIDDEN}),
    "nip-a-mapping": ("employee", {"nip": {"no": NIP}, "name": HIDDEN, "unit": "YANKES"}),
    "unit-a-number": ("employee", {"nip": NIP, "name": HIDDEN, "unit": 5}),
    "misspelt-field": ("employee", {"nip": NIP, "nmae": HIDDEN, "unit": "YANKES"}),
    "nama": ("employee", {"nip": NIP, "nama": HIDDEN, "unit": "YANKES"}),
    "misspelt-key": ("employe", {"nip": NIP, "name": HIDDEN, "unit": "YANKES"}),
    "pegawai": ("pegawai", {"nip": NIP, "name": HIDDEN, "unit": "YANKES"}),
    "name-a-list": ("employee", {"nip": NIP, "name": ["Budi", "Rahasiawan"], "unit": "YANKES"}),
    "a-string": ("employee", f"{NIP} {HIDDEN}"),
}


def _views(ws: cascade.Cascade) -> dict[str, str]:
    tree = ws.tree()
    return {
        "trace": repr(ws.trace("x.skp-2021:R2")), "descendants": repr(ws.descendants("x.skp-2021:R1")),
        "tree": tree.outline(), "mermaid": tree.to_mermaid(), "dot": tree.to_dot(),
        "html": ws.to_html(show_personal=ws.show_personal),
    }


@pytest.mark.parametrize("case", sorted(INVALID_EMPLOYEES))
def test_the_name_of_an_invalid_employee_is_masked_in_every_view(case: str) -> None:
    key, employee = INVALID_EMPLOYEES[case]
    ws = cascade.load(_skp_with(key, employee))
    assert ws.documents["x.skp-2021"].elements[0].employee is None  # the block failed: no model
    assert [f.ref for f in ws.findings if f.severity.value == "error"][:1] == ["x.skp-2021:R1"]
    for view, text in _views(ws).items():
        assert "Rahasiawan" not in text, (case, view)
    assert f"Kinerja {HIDDEN_SHOWN} meningkat" in _views(ws)["tree"] or case == "name-a-list"
    shown = _views(cascade.load(_skp_with(key, employee), show_personal=True))
    assert all(HIDDEN in text for text in shown.values()), case


def test_a_list_of_names_masks_each_part() -> None:
    ws = cascade.load(_skp_with("employee", {"nip": NIP, "name": ["Budi", "Rahasiawan"], "unit": "YANKES"}))
    assert "x.skp-2021:R1 [RHK] Kinerja B••• R••••••••• meningkat" in ws.tree().outline()


def test_an_invalid_employee_in_yaml_is_masked_in_the_commands(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "skp.yaml").write_text(SKP, encoding="utf-8")
    path = tmp_path / "skp.yaml"  # R1's employee has no unit: no model
    path.write_text(SKP.replace("name: Meningkatnya cakupan imunisasi\n", f"name: Kinerja {HIDDEN}\n", 1)
                    .replace("name: Budi Santoso, unit: YANKES}", f"name: {HIDDEN}}}"), encoding="utf-8")

    def run(*argv: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        assert main(list(argv), stdout=out, stderr=err) in (0, 1), err.getvalue()
        return out.getvalue() + err.getvalue()

    for argv in (["trace", "dinkes.skp-2021:R1", str(path)], ["trace", "dinkes.skp-2021:R1", str(path), "--format", "json"],
                 ["trace", "dinkes.skp-2021:R1", str(path), "--format", "csv"], ["report", str(path)],
                 ["diff", str(tmp_path / "old" / "skp.yaml"), str(path), "--format", "json"]):
        text = run(*argv)
        assert "Rahasiawan" not in text and HIDDEN_SHOWN in text, argv
        assert HIDDEN in run(*argv, "--show-personal"), argv


def test_the_workbook_masks_the_name_of_an_invalid_employee() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    buf = io.BytesIO()
    cascade.load(_skp_with("employee", {"nip": NIP, "name": HIDDEN})).to_excel(buf)
    cells = [str(c.value) for sheet in openpyxl.load_workbook(io.BytesIO(buf.getvalue())) for row in sheet.iter_rows()
             for c in row if c.value is not None]
    assert not [c for c in cells if "Rahasiawan" in c]
    assert any(f"Kinerja {HIDDEN_SHOWN} meningkat" in c for c in cells)


# -- capaian: NIPs outlined as everywhere, employees' names masked -------------------------------

def _measured_skp(valid: bool) -> dict:
    """R1's indicator measured, its source naming a NIP; R1's employee valid or without unit."""
    doc = _skp_with("employee", {"nip": NIP, "name": HIDDEN, **({"unit": "YANKES"} if valid else {})})
    doc["elements"][0]["indicators"][0]["realized"] = {2021: {"value": 76, "source": f"BKD, verifikator {THIRD_NIP}"}}
    doc["elements"][0]["indicators"].append(
        {"id": NIP, "name": "Nilai perilaku", "polarity": "positive", "targets": {2021: 80}, "realized": {2021: 60}})
    return doc


@pytest.mark.parametrize("valid", [True, False], ids=["valid", "no-unit"])
def test_capaian_outlines_nips_and_masks_names_in_every_form(valid: bool) -> None:
    ws = cascade.load(_measured_skp(valid))
    table = ws.capaian(as_of=2021)
    forms = {"text": table.to_text(), "text-en": table.to_text("en"), "json": table.to_json(), "csv": table.to_csv(),
             "html": table.to_html(), "dicts": repr(table.to_dicts()), "lkjip": repr(ws.lkjip(2021))}
    pandas = pytest.importorskip("pandas")
    assert pandas
    forms["pandas"] = table.to_pandas().to_csv()
    for form, text in forms.items():
        assert "Rahasiawan" not in text, form
        # the typed rows keep their refs, as a trace's steps do (a ref must find its element)
        assert form == "lkjip" or (NIP not in text and THIRD_NIP not in text), form
        assert "*" not in text, form  # capaian outlined NIPs as 1990************** where all else wrote 1990••••••••••1001
    assert "BKD, verifikator 1970••••••••••1003" in forms["json"] and "x.skp-2021:1990••••••••••1001" in forms["json"]
    assert "x.skp-2021:1990••••••••••1001" in forms["text"] and "x.skp-2021:1990••••••••••1001" in forms["html"]
    assert f"— Nilai {HIDDEN_SHOWN}" in forms["text"] and f"Nilai {HIDDEN_SHOWN}" in forms["html"]
    assert f"Nilai {HIDDEN_SHOWN}" in forms["pandas"]
    row = ws.lkjip(2021)[0]
    assert (row.sasaran_name, row.name) == (f"Kinerja {HIDDEN_SHOWN} meningkat", f"Nilai {HIDDEN_SHOWN}")
    shown = cascade.load(_measured_skp(valid), show_personal=True)
    text = shown.capaian(as_of=2021).to_text() + shown.capaian(as_of=2021).to_json() + repr(shown.lkjip(2021))
    assert HIDDEN in text and NIP in text and THIRD_NIP in text


@pytest.mark.parametrize("extra", [[], ["--lkjip", "--year", "2021"], ["--by-document"]], ids=["rows", "lkjip", "by-document"])
@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_the_capaian_command_outlines_nips_and_masks_names(fmt: str, extra: list[str], tmp_path: Path) -> None:
    path = tmp_path / "skp.yaml"
    path.write_text(f"""\
document: {{id: x.skp-2021, kind: skp, title: SKP, period: {{start: 2021, end: 2021}}, region: {{code: "35.77"}}}}
elements:
  - id: R1
    kind: rhk
    name: Kinerja {HIDDEN} meningkat
    employee: {{nip: "{NIP}", name: {HIDDEN}}}
    indicators:
      - {{id: "{NIP}", name: "Nilai {HIDDEN}", polarity: positive, targets: {{2021: 80}},
          realized: {{2021: {{value: 76, source: "BKD {THIRD_NIP}"}}}}}}
""", encoding="utf-8")

    def run(*more: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        assert main(["capaian", str(path), "--as-of", "2021", "--format", fmt, *extra, *more], stdout=out, stderr=err) == 0, err.getvalue()
        return out.getvalue()

    text = run()
    assert "Rahasiawan" not in text and NIP not in text and THIRD_NIP not in text and "*" not in text
    if not extra or (fmt, extra[0]) == ("json", "--lkjip"):  # the LKjIP's text and CSV name the sasaran only
        assert "1990••••••••••1001" in text
    if extra:
        assert HIDDEN_SHOWN in text or extra == ["--by-document"]
    else:
        assert ("1970••••••••••1003" in text) == (fmt != "text") and (HIDDEN_SHOWN in text) == (fmt == "text")
    shown = run("--show-personal")
    if not extra or (fmt, extra[0]) == ("json", "--lkjip"):
        assert NIP in shown
    if extra != ["--by-document"] and (extra or fmt == "text"):
        assert HIDDEN in shown


# -- findings quote names: an rhk or an indicator named after its holder ---------------------------

NAMED_SKP = f"""\
document: {{id: x.skp-2021, kind: skp, title: SKP, period: {{start: 2021, end: 2021}}, region: {{code: "35.77"}}}}
elements:
  - {{id: R1, kind: rhk, name: Kinerja {HIDDEN} meningkat, indicators: [{{id: R1.I1, name: Nilai {HIDDEN}}}],
     employee: {{nip: "{NIP}", name: {HIDDEN}{{unit}}}}}}
"""


@pytest.mark.parametrize("valid", [True, False], ids=["valid", "no-unit"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_findings_and_their_excerpts_mask_the_names_they_quote(fmt: str, valid: bool, tmp_path: Path) -> None:
    """``indicator 'Nilai Budi Rahasiawan' has no unit``: the findings funnel outlined NIPs only, so
    every lint format showed the name an rhk or indicator repeats (the HTML report masked it)."""
    path = tmp_path / "skp.yaml"
    path.write_text(NAMED_SKP.replace("{unit}", ", unit: YANKES" if valid else ""), encoding="utf-8")

    def run(*extra: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        assert main(["lint", str(path), "--format", fmt, "--no-cache", *extra], stdout=out, stderr=err) == 1, err.getvalue()
        return out.getvalue() + err.getvalue()

    hidden = run()
    assert "Rahasiawan" not in hidden and "Rahasiawan" not in run("--by-region")
    if fmt in ("full", "concise", "json", "sarif"):
        assert f"Nilai {HIDDEN_SHOWN}" in hidden
    if fmt == "full":  # the quoted lines: the rhk's name line is outside the employee block
        assert f"3 |   - {{id: R1, kind: rhk, name: Kinerja {HIDDEN_SHOWN} meningkat, indicators: [{{id: R1.I1, name: Nilai {HIDDEN_SHOWN}}}]," in hidden
    assert "Rahasiawan" in run("--show-personal")


def test_a_report_and_the_workspace_findings_mask_names_in_every_language() -> None:
    ws = cascade.load(_skp_with("employee", {"nip": NIP, "name": HIDDEN}))
    report = ws.validate()
    assert "Rahasiawan" not in outputs(report)
    assert f"indicator 'Nilai {HIDDEN_SHOWN}' has no unit" in [f.message for f in report]
    assert f"indikator 'Nilai {HIDDEN_SHOWN}' tidak memiliki satuan" in [d["message"] for d in report.as_dict("id")["findings"]]
    assert "Rahasiawan" in outputs(cascade.load(_skp_with("employee", {"nip": NIP, "name": HIDDEN}), show_personal=True).validate())


def test_an_edit_in_the_editor_masks_the_names_its_findings_quote(tmp_path: Path) -> None:
    """The incremental run (``Cascade.update``, the language server's) ends where a full run ends."""
    path = tmp_path / "skp.yaml"
    path.write_text(NAMED_SKP.replace("{unit}", ", unit: YANKES"), encoding="utf-8")
    ws = cascade.load(str(tmp_path))
    report = ws.update(str(path), NAMED_SKP.replace("{unit}", ""))
    assert f"indicator 'Nilai {HIDDEN_SHOWN}' has no unit" in [f.message for f in report]
    assert "Rahasiawan" not in outputs(report)


def test_import_outlines_the_nip_a_cell_quotes(tmp_path: Path) -> None:
    """``cascade import`` printed its findings without the funnel: a capaian cell holding a NIP
    showed whole where ``cascade lint`` of the same table outlines it."""
    repo = Path(__file__).resolve().parents[2]
    (tmp_path / "lkjip-2025.cascade.yaml").write_text(
        (repo / "examples" / "defects" / "klaten" / "dinsos" / "lkjip-2025.cascade.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    table = tmp_path / "lkjip-2025.csv"
    table.write_text("No;Sasaran;Indikator Kinerja;Satuan;Target 2025;Realisasi 2025;Capaian (%)\n"
                     f"1;Meningkatnya perlindungan;Jumlah fakir miskin;jiwa;100;52;diverifikasi {NIP}\n", encoding="utf-8")

    def run(*extra: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        assert main(["import", str(table), "-o", str(tmp_path / "out"), *extra], stdout=out, stderr=err) == 1, err.getvalue()
        return out.getvalue()

    assert f"{table}:2:61: CAS007 table-cell 'diverifikasi 1990••••••••••1001' bukan angka; nilainya tidak dibaca" in run()
    assert NIP not in run()
    assert f"'diverifikasi {NIP}'" in run("--show-personal")
    _, findings = cascade.import_table(str(table), str(tmp_path / "out"))
    assert [f.args for f in findings] == [(("text", "diverifikasi 1990••••••••••1001"),)]
    with pytest.raises(cascade.UsageError):
        cascade.import_table(str(table), str(tmp_path / "out"), show_personal="yes")


def test_the_names_of_a_file_without_a_document_stay_masked_elsewhere(tmp_path: Path) -> None:
    """A header error leaves a file without a document, and its employee blocks without a model:
    another file that repeats one of their names masks it all the same."""
    broken = NAMED_SKP.replace("{unit}", ", unit: YANKES").replace("period: {start: 2021, end: 2021}", "period: 2021")
    (tmp_path / "broken.yaml").write_text(broken, encoding="utf-8")
    (tmp_path / "other.yaml").write_text(
        NAMED_SKP.replace("x.skp-2021", "y.skp-2021").replace(f"name: {HIDDEN}{{unit}}", "name: Siti Aminah, unit: YANKES"),
        encoding="utf-8")
    ws = cascade.load(str(tmp_path))
    assert list(ws.documents) == ["y.skp-2021"]
    report = ws.validate()
    assert "Rahasiawan" not in outputs(report) + ws.tree().outline() + ws.to_html()
    assert f"Kinerja {HIDDEN_SHOWN} meningkat" in ws.tree().outline()


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_coverage_masks_a_title_that_names_the_employee(fmt: str, tmp_path: Path) -> None:
    """An skp's title names its holder (``SKP Budi Rahasiawan 2021``): the coverage table (its
    ``title`` column: JSON, CSV, ``Cascade.coverage()``) showed it whole, where the tree masks it."""
    path = tmp_path / "skp.yaml"
    path.write_text(NAMED_SKP.replace("{unit}", ", unit: YANKES").replace("title: SKP,", f"title: SKP {HIDDEN} 2021,"),
                    encoding="utf-8")

    def run(*extra: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        assert main(["coverage", str(path), "--format", fmt, *extra], stdout=out, stderr=err) in (0, 1), err.getvalue()
        return out.getvalue()

    assert "Rahasiawan" not in run()
    if fmt != "text":  # the text table has no title column
        assert f"SKP {HIDDEN_SHOWN} 2021" in run()
        assert f"SKP {HIDDEN} 2021" in run("--show-personal")
    from cascade.views import coverage_rows

    ws = cascade.load(str(path))
    assert [r["title"] for r in coverage_rows(ws, ws.validate())] == [f"SKP {HIDDEN_SHOWN} 2021"]


def test_diff_masks_the_names_of_a_file_without_a_document(tmp_path: Path) -> None:
    for side in ("old", "new"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "other.yaml").write_text(NAMED_SKP.replace("x.skp-2021", "y.skp-2021").replace(
            f"name: {HIDDEN}{{unit}}", "name: Siti Aminah, unit: YANKES").replace(
            f"Kinerja {HIDDEN} meningkat", "Kinerja lama" if side == "old" else f"Kinerja {HIDDEN} meningkat"), encoding="utf-8")
    broken = NAMED_SKP.replace("{unit}", ", unit: YANKES").replace("period: {start: 2021, end: 2021}", "period: 2021")
    (tmp_path / "new" / "broken.yaml").write_text(broken, encoding="utf-8")
    result = cascade.diff(str(tmp_path / "old"), str(tmp_path / "new"))
    text = json.dumps(result.as_dict(), ensure_ascii=False)
    assert "Rahasiawan" not in text and f"Kinerja {HIDDEN_SHOWN} meningkat" in text
