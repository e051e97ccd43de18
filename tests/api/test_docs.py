"""What a newcomer copies from the README, the docs and the tour must work: install lines and Python snippets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

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


def _python_blocks(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    return [(text[: m.start()].count("\n") + 2, m.group(1)) for m in re.finditer(r"```python\n(.*?)```", text, re.S)]


#: Statements that cannot run here, and why: each is a copy of a runnable one with another address.
NOT_RUN = {"tcp://": "needs a Dask scheduler at that address"}
#: Files whose Python snippets are run elsewhere.
RUN_ELSEWHERE = {
    "benchmarks/README.md": "writes a 20,000-element workspace; tests/test_generate.py runs generate_workspace",
}
SNIPPET_FILES = sorted(
    p for p in [ROOT / "README.md"] + list((ROOT / "docs").glob("*.md")) + list((ROOT / "specs").glob("*.md"))
    + list((ROOT / "examples").rglob("*.md")) + [ROOT / "benchmarks" / "README.md"]
    if _python_blocks(p)
)


def test_every_file_with_snippets_is_run_or_says_why_not() -> None:
    names = {str(p.relative_to(ROOT)) for p in SNIPPET_FILES}
    assert {"README.md", "docs/notebook.md", "docs/distributed.md", "docs/hostile-input.md"} <= names
    assert set(RUN_ELSEWHERE) <= names


@pytest.mark.parametrize("path", [p for p in SNIPPET_FILES if str(p.relative_to(ROOT)) not in RUN_ELSEWHERE],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_python_snippets_run_from_the_repository_root(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file's ``python`` blocks run in order in one namespace, from the repository root, as a reader
    pastes them into one session; an expression a snippet shows must give something (not None)."""
    import ast
    import warnings

    pytest.importorskip("pandas", reason='the notebook extra is not installed: pip install -e ".[notebook]"')
    monkeypatch.chdir(ROOT)
    namespace: dict = {"__name__": "__snippet__"}
    for line, block in _python_blocks(path):
        for stmt in ast.parse(block).body:
            source = ast.get_source_segment(block, stmt) or ""
            where = f"{path.relative_to(ROOT)}:{line + stmt.lineno - 1}: {source}"
            if any(marker in source for marker in NOT_RUN):
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("error", UserWarning)  # NoPlanFileWarning: a snippet naming a folder that is not there
                # Dask's dashboard moving off a busy port 8787 (another cluster on the machine) is not the snippet's fault
                warnings.filterwarnings("ignore", message=r"Port \d+ is already in use", category=UserWarning)
                if isinstance(stmt, ast.Expr):
                    value = eval(compile(ast.Expression(stmt.value), where, "eval"), namespace)
                    is_print = isinstance(stmt.value, ast.Call) and getattr(stmt.value.func, "id", "") == "print"
                    assert is_print or value is not None, f"{where} gives None"
                else:
                    exec(compile(ast.Module([stmt], []), where, "exec"), namespace)
