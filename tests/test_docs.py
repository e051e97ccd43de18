"""What a newcomer copies from the README, the docs and the tour must work: install lines and Python snippets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Everything a user reads or copies from: the README, the docs, the example READMEs, the tour, the
#: package's messages and docstrings, the pre-commit hook.
TEXTS = sorted(
    [ROOT / "README.md", ROOT / "CHANGELOG.md", ROOT / ".pre-commit-hooks.yaml", ROOT / "pyproject.toml"]
    + list((ROOT / "docs").glob("*.md")) + list((ROOT / "specs").glob("*.md")) + list((ROOT / "examples").rglob("*.md"))
    + list((ROOT / "examples").glob("*.ipynb")) + list((ROOT / "cascade").rglob("*.py")) + list((ROOT / "benchmarks").glob("*.md"))
)

#: The name ``cascade`` on the public package index is an unrelated e-mail tool; the distribution is sakip-cascade.
BARE_INSTALL = re.compile(r"""pip install\s+(-U\s+)?['"]?cascade(?![\w-])|(?<![\w.-])cascade\[(dask|notebook|test|xlsx|lsp)|['"]cascade @""")


def _text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        return "\n".join("".join(cell["source"]) for cell in json.loads(text)["cells"])
    return text


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_install_line_names_the_unrelated_cascade_distribution(path: Path) -> None:
    bad = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for n, line in enumerate(_text(path).splitlines(), 1)
        if BARE_INSTALL.search(line)
    ]
    assert bad == []


def test_the_distribution_name_is_the_one_the_docs_install() -> None:
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["name"] == "sakip-cascade"
    assert meta["scripts"] == {"cascade": "cascade.cli:run"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert '"sakip-cascade @ git+' in readme


def test_the_grep_catches_what_it_must() -> None:
    for line in ("pip install cascade", "pip install 'cascade[notebook]'", 'pip install "cascade @ git+x"', "pip install -U cascade"):
        assert BARE_INSTALL.search(line), line
    for line in ("pip install sakip-cascade", "pip install 'sakip-cascade[notebook]'", "pip install cascade-x", "ws.cascade[0]"):
        assert not BARE_INSTALL.search(line), line


def test_the_pre_commit_rev_names_no_tag_that_does_not_exist() -> None:
    """No release is tagged: a ``rev: v0.1.0`` a user copies makes pre-commit fail to clone."""
    for path in (ROOT / "README.md", ROOT / "docs" / "pipelines.md"):
        revs = re.findall(r"^\s*rev:\s*(\S+)", path.read_text(encoding="utf-8"), re.M)
        assert revs and all(r == "<full" for r in revs), (path, revs)


def test_the_quick_start_makes_a_virtual_environment_and_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", quick, re.S)
    assert len(blocks) == 2
    setup, tests = blocks
    assert setup.strip().startswith("python3 -m venv .venv && . .venv/bin/activate && ")
    assert setup.strip().endswith("cascade lint specs") and setup.count("\n") == 1
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().endswith("\n" + tests.strip())
