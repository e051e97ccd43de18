"""What a web portal embedding the library relies on: dicts in, typed findings out, in a threaded
server (an outside review's findings: positions of dict input, lone surrogates, argument checks,
the collector, personal data in the views)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cascade


def S(name: str = "Derajat kesehatan") -> dict:
    return {"document": {"id": "kota-x.rpjmd-2019", "kind": "rpjmd", "title": "X",
                         "period": {"start": 2019, "end": 2024}, "region": {"code": "35.77", "name": "X"}},
            "elements": [{"id": "S1", "kind": "sasaran", "name": name,
                          "indicators": [{"id": "S1.I1", "name": "AHH", "type": "outcome", "unit": "tahun",
                                          "polarity": "positive", "baseline": {"year": 2018, "value": 72.4},
                                          "targets": {2019: 72.5, 2020: 72.6}}]}]}


def test_a_lone_surrogate_from_a_json_payload_is_escaped_in_every_output() -> None:
    name = json.loads('"Derajat \\ud83d"')
    ws = cascade.load(S(name))
    r = ws.validate()
    # the name is no text (a required text is checked in pydantic's Rust core, which refuses it):
    # the finding quotes it escaped, in both languages
    [bad] = r.by_code("CAS103")
    assert (bad.pointer, bad.message) == ("/elements/0/name", "'name' must be text of whole Unicode characters, not 'Derajat \\ud83d'")
    assert bad.localized("id") == "'name' harus berupa teks dengan karakter Unicode yang utuh, bukan 'Derajat \\ud83d'"
    d = S("Derajat")
    d["elements"][0]["indicators"][0]["definition"] = name  # an optional text keeps it, escaped where shown
    ws = cascade.load(d)
    r = ws.validate()
    json.dumps(r.as_dict(), ensure_ascii=False).encode()
    json.dumps(r.as_dict("id"), ensure_ascii=False).encode()
    ws.to_html(r).encode()
    assert ws.documents["kota-x.rpjmd-2019"].elements[0].indicators[0].definition == name
    ws.to_mermaid(report=r).encode()
    ws.to_dot(report=r).encode()


NIP = "199001012015031001"


def test_a_nip_in_a_name_is_masked_in_the_tree_and_the_trace_unless_asked_for() -> None:
    doc = S(f"Kinerja pegawai {NIP}")
    ws = cascade.load(doc)
    r = ws.validate()
    for text in (ws.to_mermaid(report=r), ws.to_dot(report=r), str(ws.tree(report=r)),
                 repr(ws.trace("kota-x.rpjmd-2019:S1")), repr(ws.descendants("kota-x.rpjmd-2019:S1.I1"))):
        assert NIP not in text
    assert "1990••••••••••1001" in ws.to_dot(report=r)
    assert ws.trace("kota-x.rpjmd-2019:S1")[0].steps[0].name == "Kinerja pegawai 1990••••••••••1001"
    shown = cascade.load(doc, show_personal=True)
    assert NIP in shown.to_dot(report=r) and NIP in shown.to_mermaid(report=r)
    assert shown.trace("kota-x.rpjmd-2019:S1")[0].steps[0].name == f"Kinerja pegawai {NIP}"


def _resolves(target: str) -> bool:
    import importlib

    parts = target.lstrip("~").split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for name in parts[cut:]:
                obj = getattr(obj, name)
        except AttributeError:
            return False
        return True
    return False


def test_the_api_docstrings_name_objects_that_exist() -> None:
    import re

    import cascade.api

    docs = [cascade.api.load.__doc__, cascade.api.lint.__doc__,
            *(m.__doc__ for m in vars(cascade.api.Cascade).values() if callable(m) and m.__doc__)]
    targets = {t for d in docs for t in re.findall(r":(?:class|func|mod):`([\w.~]+)`", d or "") if "." in t}
    assert "cascade.Limits" in targets
    assert [t for t in sorted(targets) if not _resolves(t)] == []


def test_the_package_is_marked_typed_and_ships_the_marker() -> None:
    import tomllib
    from pathlib import Path

    root = Path(cascade.__file__).parent
    assert (root / "py.typed").is_file()
    data = tomllib.loads((root.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in data["tool"]["setuptools"]["package-data"]["cascade"]


def test_findings_of_a_dict_carry_their_pointer_in_json_and_sarif_and_messages_name_no_line() -> None:
    from cascade.reporters import sarif
    from cascade.reporters.base import RenderContext

    doc = S()
    doc["elements"][0]["indicators"][0]["targets"]["2019"] = 72.9
    r = cascade.load(doc).validate()
    first = r.as_dict()["findings"][0]
    assert first == {"code": "CAS301", "rule": "orphan-element", "severity": "error", "ref": "kota-x.rpjmd-2019:S1",
                     "file": "<input 1>", "line": None, "column": None, "end_line": None, "end_column": None,
                     "message": "sasaran 'Derajat kesehatan' has no path up to the national tier; cut off with it: "
                                "0 element(s) below it, 1 indicator(s)",
                     "pointer": "/elements/0"}
    assert all(f["pointer"] == g.pointer for f, g in zip(r.as_dict()["findings"], r.findings))
    (dup,) = r.by_code("CAS002")
    assert dup.message == ("duplicate key '2019': the same year as '2019' (at /elements/0/indicators/0/targets/2019); "
                           "the first value is kept")
    assert dup.localized("id") == ("kunci '2019' ganda: tahun yang sama dengan '2019' "
                                   "(di /elements/0/indicators/0/targets/2019); nilai pertama yang dipakai")
    assert "?" not in json.dumps(r.as_dict()) and "?" not in json.dumps(r.as_dict("id"))
    results = json.loads(sarif.render(r, RenderContext()))["runs"][0]["results"]
    assert [x["properties"]["pointer"] for x in results] == [f.pointer for f in r.findings]


def test_findings_with_a_line_keep_exactly_their_json_keys(tmp_path) -> None:
    import yaml

    (tmp_path / "plan.yaml").write_text(yaml.safe_dump(S()), encoding="utf-8")
    r = cascade.load(str(tmp_path)).validate()
    assert r.findings and all(f.line is not None and f.pointer for f in r)
    assert {tuple(f) for f in r.as_dict()["findings"]} == {
        ("code", "rule", "severity", "ref", "file", "line", "column", "end_line", "end_column", "message")}


@pytest.mark.parametrize("path", [True, 1, 0, 3.5, None, b"x.xlsx", [], object()])
def test_to_excel_takes_a_path_or_a_binary_file_only(path, capfd) -> None:
    pytest.importorskip("openpyxl")
    ws = cascade.load(S())
    with pytest.raises(cascade.UsageError, match="path must be a file name"):
        ws.to_excel(path)
    import io
    with pytest.raises(cascade.UsageError, match="not a text file object"):
        ws.to_excel(io.StringIO())
    assert capfd.readouterr().out == ""
    buffer = io.BytesIO()
    ws.to_excel(buffer)
    assert buffer.getvalue()[:2] == b"PK"


def _sakip_ws():
    return cascade.load(S())


def _answer(result, cid: str = "perencanaan.1.1"):
    (c,) = [c for c in result.criteria if c.id == cid]
    return c.answer, c.origin


@pytest.mark.parametrize("raw, got", [
    (("Z", ""), "'Z'"), ((1, ""), "1"), ((True, ""), "True"), ("ya", "'ya'"), (None, "None"), (("", None), "''")])
def test_a_mapping_of_answers_gets_a_finding_per_bad_answer(raw, got) -> None:
    result = _sakip_ws().sakip(answers={"perencanaan.1.1": raw})
    assert [(f.code, f.pointer, f.file) for f in result.findings] == [
        ("CAS104", "/perencanaan.1.1" + ("/0" if isinstance(raw, tuple) else ""), "<answers>")]
    assert result.findings[0].message == f"'perencanaan.1.1.answer' is {got}; expected one of Y, T"
    assert _answer(result)[1] != "answers"


@pytest.mark.parametrize("raw", [("y", ""), ("Y", "Perwali 12/2022"), "Y", " y ", {"answer": "y", "note": "x"}, ["Y", None]])
def test_a_good_answer_in_a_mapping_is_scored_as_in_the_file(raw) -> None:
    result = _sakip_ws().sakip(answers={"perencanaan.1.1": raw})
    assert result.findings == () and _answer(result) == ("Y", "answers")


def test_a_mapping_of_answers_is_checked_as_the_file_is(tmp_path) -> None:
    ws = _sakip_ws()
    mapping = {"perencanaan.1.1": "Y", "perencanan.1.2": ("Y", ""), "perencanaan.1.2": ("Y", 5),
               "perencanaan.1.3": ("Y",), "pelaporan.1.1": {"answer": "T", "notes": "x"}}
    result = ws.sakip(answers=mapping)
    assert [(f.code, f.pointer) for f in result.findings] == [
        ("CAS102", "/perencanan.1.2"), ("CAS103", "/perencanaan.1.2/1"), ("CAS103", "/perencanaan.1.3"),
        ("CAS102", "/pelaporan.1.1/notes")]
    assert result.findings[0].message == "unknown field 'perencanan.1.2'; did you mean 'perencanaan.1.2'?"
    (tmp_path / "a.yaml").write_text("perencanaan.1.1: Y\nperencanan.1.2: Y\npelaporan.1.1: {answer: T, notes: x}\n")
    from_file = ws.sakip(answers=tmp_path / "a.yaml")
    assert [(f.code, f.pointer, f.message) for f in from_file.findings] == [
        (f.code, f.pointer, f.message) for f in result.findings if f.pointer in ("/perencanan.1.2", "/pelaporan.1.1/notes")]


@pytest.mark.parametrize("call, match", [
    (lambda ws: cascade.lint([S()]), "paths must be paths"),
    (lambda ws: cascade.lint(None), "paths must be a path"),
    (lambda ws: cascade.lint(5), "paths must be a path"),
    (lambda ws: cascade.lint(["specs"], settings={"select": ["CAS3"]}), "settings must be a cascade.Settings"),
    (lambda ws: cascade.lint(["specs"], show_personal="yes"), "show_personal must be True or False"),
    (lambda ws: ws.capaian(options=5), "options must map rule names"),
    (lambda ws: ws.capaian_rollup(options={"x": 5}), "options must map rule names"),
    (lambda ws: ws.lkjip("2023"), "year must be a year"),
    (lambda ws: ws.lkjip(None), "year must be a year"),
    (lambda ws: ws.sakip(year="2023"), "year must be a year"),
    (lambda ws: ws.sakip(as_of="2023"), "as_of must be a year"),
    (lambda ws: ws.sakip(options={"thresholds": "x"}), "thresholds must be 4 numbers"),
    (lambda ws: ws.sakip(options=5), "options must be a mapping"),
    (lambda ws: ws.sakip(capaian=[1]), "capaian must be a list of cascade.sakip.CapaianRow"),
    (lambda ws: ws.sakip(capaian=5), "capaian must be a list"),
    (lambda ws: ws.sakip(answers=5), "answers must be a path, a mapping"),
    (lambda ws: ws.sakip(document=5), "document must be a document id"),
    (lambda ws: ws.sakip(report=5), "report must be a cascade.Report"),
    (lambda ws: ws.sakip(lang="xx"), "lang must be one of 'en', 'id', not 'xx'"),
    (lambda ws: ws.to_html(lang="xx"), "lang must be one of 'en', 'id', not 'xx'"),
    (lambda ws: ws.to_html(show_personal="yes"), "show_personal must be True or False"),
    (lambda ws: ws.validate().to_pandas(lang="xx"), "lang must be one of"),
])
def test_wrong_arguments_are_usage_errors_saying_what_is_expected(call, match) -> None:
    ws = _sakip_ws()
    with pytest.raises(cascade.UsageError, match=match):
        call(ws)


def test_sakip_options_with_no_meaning_are_value_errors() -> None:
    ws = _sakip_ws()
    with pytest.raises(ValueError, match="no option 'treshold'"):
        ws.sakip(options={"treshold": [0.9, 0.8, 0.7, 0.6]})
    with pytest.raises(ValueError, match="highest first"):
        ws.sakip(options={"thresholds": [0.5, 0.7, 0.8, 0.9]})
    assert ws.sakip(options={"thresholds": [0.9, 0.8, 0.7, 0.6]}).findings == ()


def test_the_library_leaves_the_collector_of_its_host_alone() -> None:
    import gc

    from cascade.core import pool

    assert not pool.owns_process()  # pytest is the host: only the command and cascade's workers own their process
    seen: list[bool] = []
    was = gc.isenabled()
    try:
        gc.enable()
        ws = cascade.load(S(), progress=lambda *a: seen.append(gc.isenabled()))
        ws.validate(jobs=1)
        with pool.bulk():
            seen.append(gc.isenabled())
        assert seen and all(seen) and gc.isenabled()
        gc.disable()  # a host that manages the collector itself: cascade never turns it back on
        cascade.load(S()).validate(jobs=1)
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_the_command_owns_its_process_and_pauses_the_collector_while_loading() -> None:
    import subprocess
    import sys

    code = ("import gc; from cascade.core import pool; pool.own_process(); "
            "c = gc.get_freeze_count()\n"
            "with pool.bulk(): inside = gc.isenabled()\n"
            "print(inside, gc.isenabled(), gc.get_freeze_count() == c)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(cascade.__file__).parents[1]))
    assert out.stdout.split() == ["False", "True", "True"]
    import inspect

    from cascade.cli import commands
    assert "own_process()" in inspect.getsource(commands.run)


def test_a_long_text_is_quoted_shortened_in_every_language() -> None:
    name = "Derajat kesehatan " + "x" * 60_000  # within the longest line a file may hold
    r = cascade.load(S(name)).validate()
    (f,) = r.by_code("CAS301")
    head = name[:200]
    assert f.message == (f"sasaran '{head}… (60018 characters)' has no path up to the national tier; "
                         "cut off with it: 0 element(s) below it, 1 indicator(s)")
    assert f"'{head}… (60018 karakter)'" in f.localized("id")
    assert len(json.dumps(r.as_dict())) < 5_000
    short = cascade.load(S("x" * 200)).validate().by_code("CAS301")[0]
    assert f"'{'x' * 200}'" in short.message


def test_a_text_longer_than_a_files_line_is_a_file_limit_at_its_pointer() -> None:
    """A 1,000,000-character name (a web form's paste) made a 43 MB JSON report and a 150 MB page;
    a file with such a line is not read (CAS005): a dict's text is held to the same limit."""
    d = S("N" * 1_000_000)
    ws = cascade.load(d)
    assert [(f.code, f.variant, f.pointer, f.message) for f in ws.findings] == [
        ("CAS005", "text", "/elements/0/name", "a text of 1000000 characters, over the limit of 65536; the document was not read")]
    assert ws.documents == {}
    d = S("Derajat")
    d["elements"][0]["K" * 70_000] = 1
    assert [(f.code, f.variant, f.pointer) for f in cascade.load(d).findings] == [("CAS005", "text", "/elements/0")]
    assert cascade.load(S("N" * 65_536)).documents  # at the limit: read


def test_model_dump_of_salvaged_documents_warns_nothing() -> None:
    """A document whose elements were salvaged one by one (examples/defects) held its indicators and
    elements as lists where the models declare tuples: ``model_dump()`` (a planner's
    ``pd.DataFrame([e.model_dump() ...])``) printed a screenful of PydanticSerializationUnexpectedValue."""
    import warnings

    root = Path(__file__).resolve().parents[2]
    for path in ("examples/defects", "specs"):
        ws = cascade.load(str(root / path))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            for doc in ws.documents.values():
                doc.model_dump()
                assert all(isinstance(e.indicators, tuple) for e in doc.elements)
                assert isinstance(doc.elements, tuple) and isinstance(doc.organization, tuple)
