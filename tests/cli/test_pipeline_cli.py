"""The command line: exit codes, selection flags, --output, GitHub Actions, rules/explain/schema."""

from __future__ import annotations

import re

from pathlib import Path

import pytest
import yaml

import cascade
from pipeline_support import FIXTURE, golden, run

ROOT = Path(__file__).parents[2]
CLEAN = (FIXTURE / "plans" / "rpjmn.yaml").read_text(encoding="utf-8")


@pytest.fixture()
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    for name in ("rpjmn.yaml", "kota-madiun.yaml"):
        (tmp_path / name).write_text((FIXTURE / "plans" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "cascade.toml").write_text('select = ["CAS0", "CAS1", "CAS202"]\nlang = "en"\n', encoding="utf-8")
    return tmp_path


def test_clean_exits_0(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(["lint", "rpjmn.yaml"], ws, monkeypatch) == (0, "No findings.\n", "cascade: checked 1 file, 1 document\n")


def test_findings_exit_1_and_exit_zero(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(["lint", "."], ws, monkeypatch)[0] == 1
    assert run(["lint", ".", "--exit-zero"], ws, monkeypatch)[0] == 0


def test_fail_level(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    only_warning = ["lint", ".", "--select", "CAS102", "--severity", "unknown-field=warning"]
    assert run(only_warning, ws, monkeypatch)[0] == 0
    assert run([*only_warning, "--fail-level", "warning"], ws, monkeypatch)[0] == 1
    assert run([*only_warning, "--severity", "unknown-field=info", "--fail-level", "warning"], ws, monkeypatch)[0] == 0
    assert run([*only_warning, "--severity", "unknown-field=info", "--fail-level", "info"], ws, monkeypatch)[0] == 1


def test_selectors_comma_separated_and_repeatable(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(["lint", ".", "--format", "concise", "--select", "CAS002,wrong-type", "--select", "CAS202"], ws, monkeypatch)
    assert [line.split()[1] for line in out.splitlines()] == ["CAS002", "CAS103", "CAS202"]
    _, out, _ = run(["lint", ".", "--format", "concise", "--ignore", "CAS1", "--extend-select", "CAS102"], ws, monkeypatch)
    assert [line.split()[1] for line in out.splitlines()] == ["CAS002", "CAS202", "CAS102"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--select", "CAS1O3,no-such-rule"], "--select: unknown rule selector(s): 'CAS1O3' (did you mean 'CAS103'?), 'no-such-rule'"),
        (["--ignore", "unknown-referense"], "--ignore: unknown rule selector(s): 'unknown-referense' (did you mean 'unknown-reference'?)"),
        (["--severity", "unknown-field"], "--severity takes RULE=LEVEL"),
        (["--severity", "unknown-field=fatal"], "--severity unknown-field must be one of info, warning, error"),
    ],
)
def test_bad_selectors_exit_2_naming_them(ws: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], message: str) -> None:
    code, out, err = run(["lint", ".", "--lang", "en", *argv], ws, monkeypatch)
    assert (code, out) == (2, "")
    assert err.startswith("cascade: configuration error: ") and message in err


def test_usage_errors_exit_2(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the configuration of the workspace says lang = "en": usage errors follow it
    assert run(["lint", "nowhere"], ws, monkeypatch) == (2, "", "cascade: nowhere: no such file or folder\n")
    assert run(["lint", "nowhere", "--lang", "id"], ws, monkeypatch) == (2, "", "cascade: nowhere: berkas atau folder tidak ada\n")
    assert run(["lint", ".", "--format", "xml"], ws, monkeypatch)[0] == 2
    assert run([], ws, monkeypatch)[0] == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_rule_option_of_the_wrong_shape_is_a_configuration_error(ws: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    # right type for the config reader, wrong shape for the rule that reads it when the rules run
    # (with --jobs 2 in the forked helper, whose exception comes back to this process)
    (ws / "cascade.toml").write_text('lang = "en"\n[options.unit-name-mismatch]\nname_units = [{starts = ["x"]}]\n', encoding="utf-8")
    message = ("cascade: configuration error: unit-name-mismatch: name_units is a list of {starts: [...], allow: [...]} "
               "or {starts: [...], deny: [...]}\n")
    assert run(["lint", ".", "--no-cache", "--jobs", jobs], ws, monkeypatch) == (2, "", message)
    if jobs == "1":
        assert run(["report", "--html", "report.html", ".", "-q"], ws, monkeypatch) == (2, "", message)
        assert not (ws / "report.html").exists()


def test_output_writes_the_format_and_the_terminal_gets_full_text(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["lint", ".", "--format", "sarif", "--output", "cascade.sarif"], ws, monkeypatch)
    _, full, _ = run(["lint", "."], ws, monkeypatch)
    _, sarif, _ = run(["lint", ".", "--format", "sarif"], ws, monkeypatch)
    assert code == 1
    assert out == full
    assert (ws / "cascade.sarif").read_text(encoding="utf-8") == sarif


def test_unwritable_output_exits_2(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(["lint", ".", "--output", "missing/dir/out.txt"], ws, monkeypatch)
    assert code == 2 and err.startswith("cascade: cannot write missing/dir/out.txt")


def test_github_actions_adds_annotations_without_a_format(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, full, _ = run(["lint", "."], ws, monkeypatch)
    _, github, _ = run(["lint", ".", "--format", "github"], ws, monkeypatch)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(["lint", "."], ws, monkeypatch)
    assert out == full + github
    assert github.startswith("::error file=kota-madiun.yaml,line=22,col=9,endLine=22,endColumn=13,title=CAS002 duplicate-key::")
    _, concise, _ = run(["lint", ".", "--format", "concise"], ws, monkeypatch)
    assert "::error" not in concise  # a named format is left alone
    # ... but with --output the terminal gets the full text, and so the annotations too.
    _, out, _ = run(["lint", ".", "--format", "sarif", "--output", "cascade.sarif"], ws, monkeypatch)
    assert out == full + github


def test_bad_input_never_raises(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (ws / "broken.yaml").write_bytes(b"\xff\xfe\x00garbage: [\n")
    (ws / "empty.yml").write_text("", encoding="utf-8")
    code, out, err = run(["lint", ".", "--format", "concise", "--quiet"], ws, monkeypatch)
    assert code == 1 and err == ""
    assert "broken.yaml:1:1: CAS005" in out


def test_rules_table(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["rules", "--lang", "en"], ws, monkeypatch)
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["CODE", "NAME", "SEVERITY", "SUMMARY"]
    assert len(lines) == 1 + len(cascade.all_rules())
    row = next(line for line in lines if line.startswith("CAS901 "))
    assert row.split()[:3] == ["CAS901", "unused-suppression", "warning"]
    assert row.endswith("An inline or configured suppression that matched no finding.")


def test_explain(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["explain", "unused-suppression", "--lang", "en"], ws, monkeypatch)
    assert code == 0
    assert out.startswith("CAS901 unused-suppression (warning)\n\nAn inline or configured suppression")
    # reStructuredText shown as plain text
    assert "Basis:" in out and "\nFailing:\n" in out and "\nPassing:\n" in out and "::" not in out and "``" not in out
    assert run(["explain", "CAS902", "--lang", "en"], ws, monkeypatch)[1].startswith("CAS902 invalid-suppression (error)")


def test_explain_unknown_exits_2_with_did_you_mean(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(["explain", "unused-supression", "--lang", "en"], ws, monkeypatch) == (
        2,
        "",
        "cascade: unknown rule 'unused-supression'; did you mean 'unused-suppression'?\n",
    )
    assert run(["explain", "xyz"], ws, monkeypatch) == (2, "", "cascade: aturan 'xyz' tidak dikenal\n")


def test_schema_validates_plans_and_rejects_typos(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from jsonschema import Draft7Validator

    code, out, _ = run(["schema"], ws, monkeypatch)
    schema = json.loads(out)
    assert code == 0 and schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in out
    Draft7Validator.check_schema(schema)
    validator = Draft7Validator(schema)
    plan = yaml.safe_load(CLEAN)
    assert list(validator.iter_errors(plan)) == []
    plan["elements"][0]["indicators"][0]["polaritas"] = "positive"
    assert [e.message for e in validator.iter_errors(plan)] == ["Additional properties are not allowed ('polaritas' was unexpected)"]
    plan = yaml.safe_load(CLEAN)
    plan["elements"][0]["kind"] = "prioritas"
    assert len(list(validator.iter_errors(plan))) == 1
    element = schema["definitions"]["Element"]["properties"]
    assert "prioritas_nasional" in element["kind"]["enum"] and element["parent"]["description"]


def test_schema_accepts_a_single_reference_without_brackets() -> None:
    from jsonschema import Draft7Validator

    from cascade.build.json_schema import document_json_schema

    plan = yaml.safe_load(CLEAN)
    plan["elements"][0]["indicators"][0]["supports"] = "rpjmn-2020:X1"
    assert list(Draft7Validator(document_json_schema()).iter_errors(plan)) == []


def test_pre_commit_hook_manifest() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["cascade-lint"]
    hook = hooks[0]
    assert hook["entry"] == "cascade lint" and hook["language"] == "python"
    assert hook["files"] == r"\.(ya?ml|xlsx|xlsm|csv)$"  # plan tables and their sidecars too
    assert re.search(hook["files"], "renstra.xlsx") and re.search(hook["files"], "renstra.cascade.yaml")
    assert hook["additional_dependencies"] == ["openpyxl>=3.1"]
    assert hook["pass_filenames"] is False and hook["require_serial"] is True


def test_full_golden_names_the_language(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The fixture's golden full text must follow --lang over the config's lang.
    _, out, _ = run(["lint", "plans", "--lang", "id"], FIXTURE, monkeypatch)
    assert out == golden("full.id.txt", out)
