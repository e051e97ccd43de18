"""A pull request's configuration or baseline cannot hide a file that yields no document: CAS001,
CAS005 and the CAS101/CAS103 that says a file holds no plan document are kept at error severity
whatever ``select``, ``ignore``, ``[severity]``, ``per-file-ignores`` or a baseline say (each of
these gave exit 0 with no error naming ``broken.yaml``)."""

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
    ("document: 5\n", "p/broken.yaml:1:11: CAS103 wrong-type 'value' must be a mapping, not '5'"),
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
