"""Report details a pipeline maintainer relies on: JUnit and the fail level, repository-relative paths,
``cascade report`` exit codes, ``explain`` of a group, the editor schema agreeing with lint."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from cli_support import PLAN, run

ROOT = Path(__file__).resolve().parents[2]


def _junit(text: str) -> ET.Element:
    return ET.fromstring(text.split("\n", 1)[1])


def test_junit_failures_count_cases_and_follow_the_fail_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text(PLAN, encoding="utf-8")
    # two errors in one file: one failed case, not two failures
    (tmp_path / "plans" / "b.yaml").write_text(
        PLAN.replace("id: rpjmn-2020", "id: rpjmn-b").replace("title:", "tittle:", 1).replace("name:", "nama:", 1), encoding="utf-8")
    # a warning only (CAS006: an unquoted title that YAML 1.1 tools read as a number)
    (tmp_path / "plans" / "c.yaml").write_text(PLAN.replace("id: rpjmn-2020", "id: rpjmn-c").replace("title: ", "title: 2020 #", 1), encoding="utf-8")
    select = ["--select", "CAS0,CAS1", "--no-cache", "-q"]
    code, out, _ = run("lint", "plans", "--format", "junit", *select)
    suite = _junit(out)
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert code == 1 and set(cases) == {"plans/a.yaml", "plans/b.yaml", "plans/c.yaml"}
    assert len(cases["plans/b.yaml"].findall("failure")) >= 2
    assert (suite.get("tests"), suite.get("failures")) == ("3", "1")
    assert cases["plans/c.yaml"].findall("failure") == [] and "CAS006" in cases["plans/c.yaml"].find("system-out").text
    code, out, _ = run("lint", "plans", "--format", "junit", "--fail-level", "warning", *select)
    suite = _junit(out)
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert code == 1 and (suite.get("tests"), suite.get("failures")) == ("3", "2")
    assert [f.get("type") for f in cases["plans/c.yaml"].findall("failure")] == ["CAS006 ambiguous-scalar"]


def test_gitlab_paths_and_fingerprints_do_not_depend_on_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    (tmp_path / ".git").mkdir()
    (tmp_path / "plans" / "sub").mkdir(parents=True)
    (tmp_path / "plans" / "sub" / "a.yaml").write_text(PLAN.replace("title:", "tittle:", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, from_root, _ = run("lint", "plans", "--format", "gitlab", "--no-cache", "-q")
    monkeypatch.chdir(tmp_path / "plans")
    _, from_plans, _ = run("lint", ".", "--format", "gitlab", "--no-cache", "-q")
    monkeypatch.chdir(tmp_path / "plans" / "sub")
    _, from_sub, _ = run("lint", "a.yaml", "--format", "gitlab", "--no-cache", "-q")
    root = json.loads(from_root)
    assert root and {i["location"]["path"] for i in root} == {"plans/sub/a.yaml"}
    assert json.loads(from_plans) == root == json.loads(from_sub)
    # GitLab's CI_PROJECT_DIR names the root when the job runs inside it
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path / "plans"))
    _, out, _ = run("lint", "a.yaml", "--format", "gitlab", "--no-cache", "-q")
    assert {i["location"]["path"] for i in json.loads(out)} == {"sub/a.yaml"}


def test_report_has_exit_zero_and_says_where_the_file_went(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(PLAN.replace("title:", "tittle:", 1), encoding="utf-8")
    code, out, err = run("report", "--html", "r.html", "a.yaml", "--lang", "en")
    assert (code, out) == (1, "")
    assert err == f"cascade: checked 1 file, 0 documents\ncascade: wrote the report (2 findings) to {tmp_path / 'r.html'}\n"
    assert run("report", "--html", "r.html", "a.yaml", "--exit-zero")[0] == 0
    assert run("report", "--html", "r.html", "a.yaml", "--exit-zero", "-q")[1:] == ("", "")


@pytest.mark.parametrize("group", ["CAS3", "CAS3xx", "cas3"])
def test_explain_a_group_lists_its_rules(group: str) -> None:
    code, out, err = run("explain", group, "--lang", "en")
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "SUMMARY"]
    assert [line.split()[0] for line in lines[1:]] == ["CAS301", "CAS302", "CAS303", "CAS304", "CAS305", "CAS306", "CAS307"]
    assert run("explain", "CAS8")[0] == 2


def test_the_editor_schema_agrees_with_lint_on_ambiguous_scalars(tmp_path: Path) -> None:
    """``code: 35.20`` is a lint warning (CAS006), so the schema must not make it an error in the editor;
    and a wrong value of an optional field is one match, without "is not of type 'null'"."""
    from jsonschema import Draft7Validator

    from cascade.build.json_schema import document_json_schema

    validator = Draft7Validator(document_json_schema())
    text = (ROOT / "specs" / "kota-madiun" / "rpjmd-2019.yaml").read_text(encoding="utf-8")
    assert 'code: "35.77"' in text
    ambiguous = text.replace('code: "35.77"', "code: 35.70", 1)
    (tmp_path / "a.yaml").write_text(ambiguous, encoding="utf-8")
    code, out, _ = run("lint", str(tmp_path / "a.yaml"), "--format", "json", "--select", "CAS0,CAS1", "--no-cache", "-q")
    assert [(f["code"], f["severity"]) for f in json.loads(out)["findings"]] == [("CAS006", "warning")]
    assert list(validator.iter_errors(yaml.safe_load(ambiguous))) == []  # an editor reads 35.70 as a number
    plan = yaml.safe_load(text)
    element = next(e for e in plan["elements"] if e.get("indicators") and e.get("parent"))
    element["parent"] = ["T1", "T2"]
    element["indicators"][0]["baseline"] = 72
    messages = sorted(e.message for e in validator.iter_errors(plan))
    assert len(messages) == 2 and not any(m.endswith("is not of type 'null'") for m in messages)
    plan = yaml.safe_load(text)
    next(e for e in plan["elements"] if e.get("indicators"))["indicators"][0]["baseline"] = None  # lint accepts an empty baseline (CAS502 says it is missing)
    assert list(validator.iter_errors(plan)) == []
