"""A configuration error names the line and column of the offending key (``cascade.toml:1:1: ...``, as
findings are placed), in the run's language: tomllib gives no positions, so the key is found in the
text, through table headers (``[tool.cascade]``, ``[severity]``) and dotted keys. ``as-of``,
``cache-dir`` and ``--as-of`` were English in Indonesian runs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cascade.cli import main
from cascade.review.config import ConfigError, _key_position, load_config

PLAN = (Path(__file__).resolve().parents[2] / "specs" / "rpjmn-2020.yaml").read_text(encoding="utf-8")


def _lint(tmp_path: Path, *argv: str) -> tuple[int, str]:
    (tmp_path / "plans").mkdir(exist_ok=True)
    (tmp_path / "plans" / "rpjmn-2020.yaml").write_text(PLAN, encoding="utf-8")
    err = io.StringIO()
    code = main(["lint", str(tmp_path / "plans"), "--no-cache", "-q", *argv], stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


def test_the_brief_case_line_column_and_indonesian(tmp_path: Path) -> None:
    config = tmp_path / "cascade.toml"
    config.write_text('as-of = "2024"\n')
    assert _lint(tmp_path, "--config", str(config)) == (
        2, f"cascade: kesalahan konfigurasi: {config}:1:1: as-of harus berupa tahun seperti 2024, bukan '2024'\n")
    assert _lint(tmp_path, "--config", str(config), "--lang", "en") == (
        2, f"cascade: configuration error: {config}:1:1: as-of must be a year such as 2024, not '2024'\n")


def test_cache_dir_and_the_as_of_flag_in_indonesian(tmp_path: Path) -> None:
    config = tmp_path / "cascade.toml"
    config.write_text('# settings\nlang = "id"\n\n  cache-dir = 5\n')
    assert _lint(tmp_path, "--config", str(config)) == (
        2, f"cascade: kesalahan konfigurasi: {config}:4:3: cache-dir harus berupa jalur folder\n")
    config.write_text("")
    assert _lint(tmp_path, "--config", str(config), "--as-of", "-5") == (
        2, "cascade: kesalahan konfigurasi: --as-of harus berupa tahun seperti 2024, bukan -5\n")


@pytest.mark.parametrize("text, where, message", [
    ('[tool.other]\nas-of = 1\n\n[tool.cascade]\nlang = "en"\nas-of = "x"\n', "6:1", "tool.cascade.as-of must be a year such as 2024, not 'x'"),
    ('[tool.cascade]\nbogus = 1\n', "2:1", "unknown key 'tool.cascade.bogus'"),
    ('[tool.cascade.severity]\norphan-indicator = "loud"\n', "2:1",
     "tool.cascade.severity.orphan-indicator must be one of info, warning, error, not 'loud'"),
    ('[tool.cascade]\nseverity = {orphan-indicator = "loud"}\n', "2:1",
     "tool.cascade.severity.orphan-indicator must be one of info, warning, error, not 'loud'"),
    ('[tool]\ncascade.options.weak-target.ratio = "x"\n', "2:1",
     "tool.cascade.options.weak-target.ratio must be like the default 0.9, not 'x'"),
    ('[tool]\ncascade = 3\n', "2:1", "[tool.cascade] must be a table"),
])
def test_keys_in_pyproject_are_found_under_tool_cascade(tmp_path: Path, text: str, where: str, message: str) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value) == f"{config}:{where}: {message}"


def test_multiline_strings_and_quoted_keys() -> None:
    text = 'baseline = """\nas-of = 1\n"""\n[per-file-ignores]\n"a/*.yaml" = ["x"]\nas-of = 2\n'
    assert _key_position(text, 'per-file-ignores."a/*.yaml"') == (5, 1)
    assert _key_position(text, "as-of") is None  # line 2 is inside a string, line 6 is per-file-ignores.as-of
    assert _key_position('as-of = 1\n', "as-of") == (1, 1)
    assert _key_position('x = 1\n', "severity.CAS301") is None


def test_a_toml_syntax_error_keeps_its_own_position(tmp_path: Path) -> None:
    config = tmp_path / "cascade.toml"
    config.write_text("as-of = \n")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert caught.value.line is None and "(at line 1, column 9)" in str(caught.value)
