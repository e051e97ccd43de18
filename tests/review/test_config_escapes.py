"""A configuration error never prints a raw line break or direction mark: keys, selectors and values
quoted from a shipped ``cascade.toml`` could forge a CI log line (``::error file=...::forged``) or turn
the text around (U+202E). ``ConfigError`` escapes its whole text, the one place every command and the
editor turn it into text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cascade.cli import main

PLAN = (Path(__file__).resolve().parents[2] / "specs" / "rpjmn-2020.yaml").read_text(encoding="utf-8")
FORGED = "x\n::error file=a.yaml,line=1::forged\u202e"


@pytest.mark.parametrize("toml, shown", [
    (f'"{FORGED}" = 1\n'.replace("\n::", "\\n::").replace("\u202e", "\\u202e"),
     ": unknown key 'x\\u000a::error file=a.yaml,line=1::forged\\u202e'"),
    ('select = ["x\\n::error::forged"]\n', ":1:1: select: unknown rule selector(s): 'x\\u000a::error::forged'"),
    ('[severity]\n"x\\n::error::forged\\u202e" = "info"\n', ":1:1: severity: unknown rule selector(s): 'x\\u000a::error::forged\\u202e'"),
    ('[per-file-ignores]\n"a.yaml" = ["CAS301\\n::error::forged"]\n',
     ":2:1: per-file-ignores.\"a.yaml\": unknown rule selector(s): 'CAS301\\u000a::error::forged'"),
])
@pytest.mark.parametrize("command", [["lint"], ["report", "--output", "r.html"], ["capaian"]])
def test_configuration_errors_are_escaped_in_every_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           toml: str, shown: str, command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "rpjmn-2020.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "cascade.toml").write_text(toml, encoding="utf-8")
    err = io.StringIO()
    code = main([*command, "plans", "--lang", "en"], stdout=io.StringIO(), stderr=err)
    assert (code, err.getvalue()) == (2, f"cascade: configuration error: {tmp_path / 'cascade.toml'}{shown}\n")
