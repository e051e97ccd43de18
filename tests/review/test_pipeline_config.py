"""Configuration: discovery, precedence, validation of keys, rules and options, per-file ignores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cascade.review.config import ConfigError, Settings, find_config, load_config
from cascade.core.findings import Severity
from pipeline_support import FIXTURE, run

PLAN = (FIXTURE / "plans" / "kota-madiun.yaml").read_text(encoding="utf-8")


@pytest.fixture()
def ws(tmp_path: Path) -> Path:
    """A workspace with one plan that has CAS002, CAS103, CAS202 and CAS102 findings."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "kota-madiun.yaml").write_text(PLAN, encoding="utf-8")
    return tmp_path


def codes(out: str) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in out.splitlines()]


def test_cascade_toml_wins_over_pyproject(ws: Path) -> None:
    (ws / "pyproject.toml").write_text('[tool.cascade]\nlang = "en"\n', encoding="utf-8")
    (ws / "cascade.toml").write_text('lang = "id"\n', encoding="utf-8")
    assert find_config(ws) == str(ws / "cascade.toml")
    assert load_config(start=ws).lang == "id"


def test_found_upwards_and_pyproject_without_table_is_passed_over(ws: Path) -> None:
    (ws / "pyproject.toml").write_text('[tool.cascade]\nfail-level = "warning"\n', encoding="utf-8")
    (ws / "plans" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    settings = load_config(start=ws / "plans")
    assert (settings.path, settings.fail_level) == (str(ws / "pyproject.toml"), Severity.WARNING)


def test_defaults_without_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cascade.review.config.find_config", lambda start=None: None)
    settings = load_config()
    assert settings == Settings()
    assert (settings.lang, settings.fail_level, settings.select, settings.path) == ("id", Severity.ERROR, (), None)


def test_unknown_key_exits_2_with_did_you_mean(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (ws / "cascade.toml").write_text('selct = ["CAS1"]\n', encoding="utf-8")
    code, out, err = run(["lint", "plans", "--lang", "en"], ws, monkeypatch)
    assert (code, out) == (2, "")
    assert err == f"cascade: configuration error: {ws / 'cascade.toml'}:1:1: unknown key 'selct'; did you mean 'select'?\n"


def test_unknown_key_in_pyproject_names_the_table(ws: Path) -> None:
    (ws / "pyproject.toml").write_text('[tool.cascade]\nextend_select = ["CAS1"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown key 'tool.cascade.extend_select'; did you mean 'extend-select'\?") as info:
        load_config(start=ws)
    assert info.value.key == "extend_select"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('select = ["CAS1", "orphan-elemnt", "CAS8"]', "select: unknown rule selector(s): 'orphan-elemnt' (did you mean 'orphan-element'?), 'CAS8' (did you mean 'CAS508'?)"),
        ('lang = "jv"', "lang must be one of en, id, not 'jv'"),
        ('fail-level = "fatal"', "fail-level must be one of info, warning, error, not 'fatal'"),
        ("ignore = 3", "ignore must be a list of strings"),
        ('[severity]\nduplicate-key = "high"', "severity.duplicate-key must be one of info, warning, error, not 'high'"),
        ('[options.duplicate-key]\nratio = 0.8', "unknown option 'options.duplicate-key.ratio' (options of duplicate-key: none)"),
        ('[options.no-such-rule]\nratio = 0.8', "options: unknown rule 'no-such-rule'"),
        ("select = [", "invalid TOML"),
    ],
)
def test_invalid_values_are_config_errors(ws: Path, toml: str, message: str) -> None:
    (ws / "cascade.toml").write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(start=ws)
    assert message in str(info.value)


def test_options_are_checked_against_rule_options(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cascade.rules import REGISTRY

    # No rule with options exists in every checkout, so give one a known option for the test.
    monkeypatch.setattr(REGISTRY["CAS202"], "options", {"ratio": 0.9})
    (ws / "cascade.toml").write_text("[options.unknown-reference]\nratio = 0.8\n", encoding="utf-8")
    assert load_config(start=ws).validate_kwargs()["options"] == {"unknown-reference": {"ratio": 0.8}}
    (ws / "cascade.toml").write_text("[options.CAS202]\nratoi = 0.8\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown option 'options.CAS202.ratoi'; did you mean 'ratio'\?"):
        load_config(start=ws)
    (ws / "cascade.toml").write_text('[options.CAS202]\nratio = "high"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="must be like the default 0.9, not 'high'"):
        load_config(start=ws)


def test_select_ignore_and_severity_from_config(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (ws / "cascade.toml").write_text(
        'select = ["CAS1", "CAS0"]\nignore = ["CAS103"]\nlang = "en"\n[severity]\nunknown-field = "warning"\n', encoding="utf-8"
    )
    code, out, _ = run(["lint", "plans", "--format", "concise"], ws, monkeypatch)
    assert codes(out) == ["CAS002", "CAS102"]
    assert code == 1  # CAS002 is still an error
    code, out, _ = run(["lint", "plans", "--format", "json", "--ignore", "CAS002"], ws, monkeypatch)
    assert code == 0 and '"severity": "warning"' in out


def test_cli_flags_override_the_config(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (ws / "cascade.toml").write_text('select = ["CAS1"]\nlang = "id"\nfail-level = "warning"\n', encoding="utf-8")
    code, out, _ = run(["lint", "plans", "--format", "concise", "--select", "CAS0", "--lang", "en"], ws, monkeypatch)
    assert codes(out) == ["CAS002"]
    assert "duplicate key" in out
    code, _, _ = run(["lint", "plans", "--select", "CAS102", "--severity", "CAS102=warning"], ws, monkeypatch)
    assert code == 1  # fail-level warning from the config
    code, _, _ = run(["lint", "plans", "--select", "CAS102", "--severity", "CAS102=warning", "--fail-level", "error"], ws, monkeypatch)
    assert code == 0


def test_lang_from_config(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (ws / "cascade.toml").write_text('select = ["CAS002"]\nlang = "en"\n', encoding="utf-8")
    _, out, _ = run(["lint", "plans", "--format", "concise"], ws, monkeypatch)
    assert "duplicate key 'unit'" in out
    (ws / "cascade.toml").write_text('select = ["CAS002"]\n', encoding="utf-8")
    _, out, _ = run(["lint", "plans", "--format", "concise"], ws, monkeypatch)
    assert "kunci 'unit' ganda" in out  # Indonesian by default


def test_per_file_ignores_and_their_unused_entries(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (ws / "cascade.toml").write_text(
        'select = ["CAS0", "CAS1", "CAS9"]\nlang = "en"\n\n[per-file-ignores]\n'
        '"plans/*.yaml" = ["duplicate-key", "CAS103"]\n"rpjmn/*" = ["CAS102"]\n',
        encoding="utf-8",
    )
    _, out, _ = run(["lint", "plans", "--format", "concise"], ws, monkeypatch)
    assert out.splitlines() == [
        "cascade.toml:6:1: CAS901 unused-suppression per-file-ignores 'rpjmn/*' = CAS102 matched no finding; remove it",
        "plans/kota-madiun.yaml:35:9: CAS102 unknown-field unknown field 'polaritas'; did you mean 'polarity'? (kota-madiun.rpjmd-2019:S1.I1)",
    ]


def test_exclude(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(ws / "plans" / "kota-madiun.yaml", ws / "plans" / "draft.yaml")
    (ws / "cascade.toml").write_text('select = ["CAS002"]\nexclude = ["draft.yaml"]\n', encoding="utf-8")
    _, out, _ = run(["lint", ".", "--format", "concise"], ws, monkeypatch)
    assert [line.split(":")[0] for line in out.splitlines()] == ["plans/kota-madiun.yaml"]  # no leading ./: as when the file is named


def test_explicit_config_file(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (ws / "ci.toml").write_text('select = ["CAS103"]\n', encoding="utf-8")
    _, out, _ = run(["lint", "plans", "--format", "concise", "--config", "ci.toml"], ws, monkeypatch)
    assert codes(out) == ["CAS103"]
