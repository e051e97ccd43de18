"""A pull request's configuration or baseline cannot hide a file that yields no document: CAS001,
CAS005 and the CAS101/CAS103 that says a file holds no plan document are kept at error severity
whatever ``select``, ``ignore``, ``[severity]``, ``per-file-ignores`` or a baseline say (each of
these gave exit 0 with no error naming ``broken.yaml``); so is any other error on a header that
leaves the file without a document (``kind: rpjmdd``)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import cascade
from cascade.cli import main

PLAN = (Path(__file__).resolve().parents[2] / "specs" / "rpjmn-2020.yaml").read_text(encoding="utf-8")
SYNTAX = "p/broken.yaml:2:1: CAS001 yaml-syntax invalid YAML: did not find expected node content while parsing a flow node"


def _lint(tmp_path: Path, *argv: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = main(["lint", "p", "--no-cache", "--format", "concise", "--lang", "en", *argv], stdout=out, stderr=io.StringIO())
    return code, [line for line in out.getvalue().splitlines() if line.startswith("p/broken")]


@pytest.mark.parametrize("config", [
    'baseline = "bl.json"\n',
    'ignore = ["CAS001"]\n',
    'ignore = ["CAS0", "yaml-syntax"]\n',
    '[severity]\nCAS001 = "info"\n',
    '[severity]\nALL = "info"\n',
    'select = ["CAS9"]\n',
    '[per-file-ignores]\n"p/*.yaml" = ["CAS001", "CAS9"]\n',
])
def test_a_shipped_configuration_cannot_hide_a_file_that_is_not_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                        config: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "rpjmn-2020.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "p" / "broken.yaml").write_text("document: [\n")
    assert main(["lint", "p", "--no-cache", "-q", "--write-baseline", "bl.json"], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert '"rule": "yaml-syntax"' in (tmp_path / "bl.json").read_text()
    (tmp_path / "cascade.toml").write_text(config)
    assert _lint(tmp_path) == (1, [SYNTAX])


@pytest.mark.parametrize("text, line", [
    ("", "p/broken.yaml:1:1: CAS101 missing-field the file is empty: a plan document starts with 'document:'"),
    ("- a\n", "p/broken.yaml:1:1: CAS103 wrong-type a plan document is a mapping starting with 'document:', not a list"),
    ("foo: 1\n", "p/broken.yaml:1:1: CAS101 missing-field required field 'document' is missing"),
    ("document: 5\n", "p/broken.yaml:1:11: CAS103 wrong-type 'document' must be a mapping, not '5'"),
])
def test_a_file_without_a_plan_document_cannot_be_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, line: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "rpjmn-2020.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "p" / "broken.yaml").write_text(text)
    (tmp_path / "cascade.toml").write_text('ignore = ["CAS1"]\n[severity]\nCAS1 = "info"\n[per-file-ignores]\n"p/broken.yaml" = ["CAS1"]\n')
    code, lines = _lint(tmp_path)
    assert (code, lines[:1]) == (1, [line])


def test_the_api_keeps_reading_errors_at_error_severity(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("document: [\n")
    (tmp_path / "big.yaml").write_text("document:\n  id: x\n")
    ws = cascade.load(str(tmp_path), limits=cascade.Limits(max_file_bytes=12))
    report = ws.validate(select=["CAS9"], ignore=["CAS0"], severity={"ALL": "info"})
    assert sorted((f.code, f.severity.value, Path(f.file).name) for f in report) == [
        ("CAS001", "error", "broken.yaml"), ("CAS005", "error", "big.yaml")]


HEADER = "document:\n  id: x.rpjmd-2019\n  kind: rpjmd\n  title: X\n  period: {start: 2019, end: 2024}\n  region: {code: '35.77', name: X}\nelements: []\n"


@pytest.mark.parametrize("old, new, line", [
    ("kind: rpjmd", "kind: rpjmdd", "p/broken.yaml:3:9: CAS104 invalid-value 'kind' is 'rpjmdd'; expected one of rpjmn, rpjmd, rpd, renstra, skp (x.rpjmd-2019)"),
    ("id: x.rpjmd-2019", "id: 'x y'", "p/broken.yaml:2:7: CAS104 invalid-value 'id' has an invalid form: 'x y' (x y)"),
    ("period: {start: 2019, end: 2024}", "period: 2019", "p/broken.yaml:5:11: CAS103 wrong-type 'period' must be a mapping, not '2019' (x.rpjmd-2019)"),
    ("title: X", "title: [X]", "p/broken.yaml:4:10: CAS103 wrong-type 'title' must be text, not a list (x.rpjmd-2019)"),
])
def test_a_header_error_that_leaves_no_document_cannot_be_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  old: str, new: str, line: str) -> None:
    """``kind: rpjmdd`` leaves its file out of the run as surely as broken YAML: ignoring CAS104 gave
    exit 0 with the file checked by nothing."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "rpjmn-2020.yaml").write_text(PLAN, encoding="utf-8")
    assert old in HEADER
    (tmp_path / "p" / "broken.yaml").write_text(HEADER.replace(old, new))
    (tmp_path / "cascade.toml").write_text('ignore = ["CAS1"]\n[severity]\nCAS1 = "info"\n[per-file-ignores]\n"p/broken.yaml" = ["CAS1"]\n')
    assert _lint(tmp_path) == (1, [line])


def test_a_header_error_on_a_document_that_is_built_stays_ignorable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "broken.yaml").write_text(HEADER.replace("{start: 2019, end: 2024}", "{start: 2024, end: 2019}"))
    (tmp_path / "cascade.toml").write_text('ignore = ["CAS104"]\n')
    assert _lint(tmp_path) == (0, [])
    (tmp_path / "cascade.toml").write_text('ignore = ["CAS0"]\n')
    assert _lint(tmp_path)[1] == ["p/broken.yaml:5:30: CAS104 invalid-value 'period' ends in 2019, before it starts in 2024 (x.rpjmd-2019)"]


def test_the_api_keeps_a_header_error_that_leaves_no_document(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(HEADER.replace("kind: rpjmd", "kind: rpjmdd"))
    report = cascade.load(str(tmp_path)).validate(ignore=["CAS104"], severity={"ALL": "info"})
    assert [(f.code, f.severity.value, f.pointer) for f in report] == [("CAS104", "error", "/document/kind")]
    report = cascade.load({"document": {"id": "x.r", "kind": "realisasi", "for": ["x"]}, "realized": {}}).validate(ignore=["CAS1"])
    assert [(f.code, f.severity.value, f.pointer) for f in report] == [("CAS103", "error", "/document/for")]


def test_a_suppression_naming_a_header_error_that_leaves_no_document_is_not_called_unused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The error is kept, but the comment and the per-file-ignores did name it: CAS901 said 'matched no
    finding; remove it' of both, which is not so (a CAS103 the file does not have is still unused)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p").mkdir()
    text = "# cascade: ignore-file[CAS104, CAS103]\n" + HEADER.replace("kind: rpjmd", "kind: rpjmdd")
    (tmp_path / "p" / "broken.yaml").write_text(text)
    (tmp_path / "cascade.toml").write_text('[per-file-ignores]\n"p/broken.yaml" = ["invalid-value"]\n')
    out = io.StringIO()
    code = main(["lint", "p", "--no-cache", "--format", "concise", "--lang", "en"], stdout=out, stderr=io.StringIO())
    assert (code, out.getvalue().splitlines()) == (1, [
        "p/broken.yaml:1:1: CAS901 unused-suppression suppression of CAS103 matched no finding; remove it",
        "p/broken.yaml:4:9: CAS104 invalid-value 'kind' is 'rpjmdd'; expected one of rpjmn, rpjmd, rpd, renstra, skp (x.rpjmd-2019)",
    ])
