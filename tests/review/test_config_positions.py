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


def test_a_huge_dotted_key_costs_its_length_and_is_a_usage_error(tmp_path: Path) -> None:
    """Every prefix of a dotted key was stored: 60,000 parts exhausted 4 GB (MemoryError, exit 1)."""
    import subprocess
    import sys
    import textwrap

    k = 60000
    (tmp_path / "cascade.toml").write_text("zz = 1\nx = '''a \"\"\"\n\"\"\"\n" + ".".join(["a"] * k) + " = 1\n'''\n")
    (tmp_path / "plain.toml").write_text(".".join(["a"] * 30000) + " = 1\nzz = 2\n")
    (tmp_path / "p").mkdir()
    script = textwrap.dedent(f"""
        import io, resource, sys, time
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
        from cascade.cli import main
        from cascade.review.config import _key_position
        t = time.perf_counter()
        err = io.StringIO()
        code = main(["lint", {str(tmp_path / 'p')!r}, "--no-cache", "--lang", "en"], stdout=io.StringIO(), stderr=err)
        print(code, err.getvalue().strip())
        text = open({str(tmp_path / 'plain.toml')!r}).read()
        print(_key_position(text, "zz"), _key_position(text, "a"), _key_position(text, ".".join(["a"] * 65)))
        print(time.perf_counter() - t < 5)
    """)
    import os

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env)
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        f"2 cascade: configuration error: {tmp_path / 'cascade.toml'}:1:1: unknown key 'zz'",
        "(2, 1) (1, 1) None",
        "True",
    ]


@pytest.mark.parametrize("text, where", [
    # U+2028 and NEL end no TOML line (splitlines() broke there: line 5)
    ('# a\u2028b \u0085 c\nlang = "id"\nas-of = "x"\n', "3:1"),
    ('# a\r\nlang = "id"\r\n\r\n  as-of = "x"\r\n', "4:3"),
    # three quotes inside a comment start no string
    ('lang = "id"  # see """ below\nas-of = "x"\n', "2:1"),
    # ''' inside a basic string starts nothing; a multi-line string hides the keys it holds
    ('baseline = "\'\'\'"\nexclude = """\nas-of = 1\n"""\nas-of = "x"\n', "5:1"),
    ("baseline = '''x\"\"\"\nas-of = 1\n'''\nas-of = \"x\"\n", "4:1"),
    ('baseline = """x\\"""\nas-of = 1\n"""\nas-of = "x"\n', "4:1"),
    ('baseline = """x""""\nas-of = "x"\n', "2:1"),
    ('exclude = [\n  "a", # as-of = 1\n  """\nas-of = 2\n""",\n]\nas-of = "x"\n', "7:1"),
])
def test_positions_follow_tomls_lexical_rules(tmp_path: Path, text: str, where: str) -> None:
    config = tmp_path / "cascade.toml"
    config.write_bytes(text.encode())
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value) == f"{config}:{where}: as-of must be a year such as 2024, not 'x'"


def test_a_string_holding_a_table_header_in_pyproject(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.x]\na = "\'\'\'"\nb = """\n[tool.cascade]\nas-of = 1\n"""\n\n[tool.cascade]\nlang = "id"  # """\nas-of = "x"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value) == f"{config}:10:1: tool.cascade.as-of must be a year such as 2024, not 'x'"


def test_per_file_ignores_lines_follow_the_same_rules(tmp_path: Path) -> None:
    text = ('s = """\n"b/*.yaml" = 1\n"""\n# x\u2028y\n[per-file-ignores]\n"a/*.yaml" = ["CAS301"]\n'
            "'b/*.yaml' = [\"CAS302\"]\n")
    config = tmp_path / "cascade.toml"
    config.write_text(text.replace("s = ", "exclude = "))
    settings = load_config(config)
    assert [(e.pattern, e.line) for e in settings.per_file_ignores] == [("a/*.yaml", 6), ("b/*.yaml", 7)]
