"""The parse cache and the findings it keeps: a warm run reports exactly what a cold run reports.

Each test runs on a copy of ``examples/defects`` (one planted instance of every rule), with the
signing key in a temporary ``XDG_CACHE_HOME``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import cascade
from cascade.cli import commands as cli
from cascade.rules import all_rules
from cascade.rules.context import Context
from cascade.validate import Remembered

ROOT = Path(__file__).parents[2]
DEFECTS = ROOT / "examples" / "defects"
FIXTURES = ROOT / "tests" / "fixtures" / "rules"
RENSTRA = "klaten/dinsos/renstra-2025.yaml"
DOCUMENT_RULES = [r.code for r in all_rules() if r.scope == "document"]


@pytest.fixture(autouse=True)
def signing_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    out = tmp_path / "ws"
    shutil.copytree(DEFECTS, out)
    return out


def rows(report: cascade.Report) -> list[tuple]:
    return [(f.file, f.line, f.column, f.code, f.ref, f.severity.value, f.message) for f in report]


def lint(ws: Path, cache: Path | None, **kwargs) -> list[tuple]:
    kwargs.setdefault("as_of", 2026)  # pinned as the examples are: no finding changes on 1 January
    return rows(cascade.load(str(ws), cache=str(cache) if cache else None, jobs=1).validate(jobs=1, **kwargs))


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*/*.pickle"))


def scopes(monkeypatch: pytest.MonkeyPatch) -> list[frozenset | None]:
    """The scope of every rule context created from now on."""
    seen: list[frozenset | None] = []
    init = Context.__init__

    def spy(self, *args, **kwargs):
        init(self, *args, **kwargs)
        seen.append(self.scope)

    monkeypatch.setattr(Context, "__init__", spy)
    return seen


def test_the_rules_that_are_remembered() -> None:
    assert DOCUMENT_RULES == [
        "CAS204", "CAS304", "CAS404", "CAS409", "CAS501", "CAS502", "CAS503", "CAS504", "CAS505", "CAS506", "CAS507", "CAS508",
        "CAS509", "CAS510", "CAS511", "CAS512", "CAS513", "CAS514", "CAS516", "CAS601", "CAS602", "CAS603", "CAS604", "CAS605",
    ]


def test_warm_runs_report_what_a_cold_run_reports(ws: Path, tmp_path: Path, monkeypatch) -> None:
    cold = lint(ws, None)
    cache = tmp_path / "cache"
    assert lint(ws, cache) == cold  # fills the cache
    # a parse per file (13 YAML, broken ones and the realisasi document too, and the 3 tables with a
    # sidecar, the LKjIP realisasi table among them) and the findings of each of the 11 plan documents
    # (one of them from a table; realisasi documents are no plans)
    assert len(entries(cache)) == 13 + 3 + 11
    assert (cache / ".gitignore").read_text().endswith("*\n") and (cache / "CACHEDIR.TAG").exists()
    seen = scopes(monkeypatch)
    assert lint(ws, cache) == cold
    # every document's findings came from the cache: no document-scoped rule ran at all
    assert seen == [None]
    assert len(cold) == 87  # examples/defects: every planted finding (tables and realisasi included), the suspect link of cascade.lock included


def test_after_one_file_changed_only_its_document_is_checked_again(ws: Path, tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    lint(ws, cache)
    path = ws / RENSTRA
    text = path.read_text()
    assert text.count('unit: "%"') >= 2
    path.write_text(text.replace('unit: "%"', "unit: persen", 1))
    seen = scopes(monkeypatch)
    warm = lint(ws, cache)
    assert seen[1:] == [frozenset({"klaten.dinsos.renstra-2025"})]
    assert warm == lint(ws, None)


def test_a_new_finding_in_the_changed_file_is_reported(ws: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = lint(ws, cache, select=["CAS501"])
    path = ws / RENSTRA
    text = path.read_text()
    assert text.splitlines()[39:43] == [
        "      - id: S1.I2", "        name: Jumlah PPKS", "        type: outcome", "        unit: orang"
    ]
    path.write_text(text.replace("        unit: orang\n", "", 1))  # S1.I2 loses its unit
    after = lint(ws, cache, select=["CAS501"])
    new = [r[1:5] for r in after if r not in before]
    assert new == [(40, 9, "CAS501", "klaten.dinsos.renstra-2025:S1.I2")]
    assert after == lint(ws, None, select=["CAS501"])


def test_a_selection_fills_in_the_rules_it_left_out(ws: Path, tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    assert lint(ws, cache, select=["CAS501"]) == lint(ws, None, select=["CAS501"])
    seen = scopes(monkeypatch)
    assert lint(ws, cache) == lint(ws, None)
    # the first full run checks every document again, for the rules the selection left out
    assert seen[0] is None and seen[1] is None


def test_options_are_part_of_the_key(ws: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    options = {"process-indicator": {"process_words": ["penyaluran"]}}
    default = lint(ws, cache, select=["CAS507"])
    changed = lint(ws, cache, select=["CAS507"], options=options)
    assert changed == lint(ws, None, select=["CAS507"], options=options)
    assert changed != default
    assert lint(ws, cache, select=["CAS507"]) == default


def test_corrupt_and_forged_entries_are_misses_and_are_rewritten(ws: Path, tmp_path: Path) -> None:
    cold = lint(ws, None)
    cache = tmp_path / "cache"
    lint(ws, cache)
    files = entries(cache)
    for i, path in enumerate(files):
        data = path.read_bytes()
        if i % 3 == 0:
            path.write_bytes(b"garbage")
        elif i % 3 == 1:
            path.write_bytes(data[:-10])  # truncated
        else:  # the payload changed under a valid-looking signature
            path.write_bytes(data[:32] + bytes([data[32] ^ 1]) + data[33:])
    assert lint(ws, cache) == cold
    assert [p.read_bytes() != b"garbage" for p in entries(cache)] == [True] * len(files)
    assert lint(ws, cache) == cold


def test_without_a_signing_key_nothing_is_cached(ws: Path, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    cache = tmp_path / "cache"
    assert lint(ws, cache) == lint(ws, None)
    assert not cache.exists()


def test_the_library_code_is_part_of_the_key(ws: Path, tmp_path: Path, monkeypatch) -> None:
    from cascade.read import cache as cache_module

    cache = tmp_path / "cache"
    lint(ws, cache)
    before = set(entries(cache))
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another build")
    lint(ws, cache)
    assert len(set(entries(cache)) - before) == 27


def test_a_parent_in_another_document_is_never_remembered() -> None:
    case = FIXTURES / "CAS204" / "fail"
    ws = cascade.load(str(case))
    keys = {d: "k" for d in ws.parsed}
    usable = Remembered(None, keys, None).usable(ws.parsed)
    assert sorted(set(ws.parsed) - set(usable)) == ["klaten.dinsos.renstra-2025", "klaten.dinsos.skp-2026"]


def _workspaces() -> list[Path]:
    cases = sorted(p for p in FIXTURES.glob("*/*") if p.is_dir())
    return [DEFECTS, ROOT / "specs", *cases]


@pytest.mark.parametrize("case", _workspaces(), ids=lambda p: os.path.relpath(p, ROOT))
def test_document_scoped_rules_read_nothing_but_their_document(case: Path) -> None:
    """What makes remembering them safe: each file alone gets the findings it gets in its workspace."""
    whole = cascade.load(str(case))
    usable = Remembered(None, {d: "k" for d in whole.parsed}, None).usable(whole.parsed)
    together = rows(whole.validate(select=DOCUMENT_RULES))
    for doc_id in usable:
        file = whole.parsed[doc_id].file
        alone = rows(cascade.load(file).validate(select=DOCUMENT_RULES))
        assert alone == [r for r in together if r[0] == file], file


def test_cli_keeps_the_cache_in_the_user_cache_folder_unless_told_not_to(ws: Path, monkeypatch, capsys, signing_key: Path) -> None:
    from cascade.read.cache import default_cache_dir

    monkeypatch.chdir(ws)
    user_dir = Path(default_cache_dir())
    assert user_dir.parent == signing_key / "cascade" / "parse"  # one folder per workspace
    assert cli.main(["lint", ".", "--no-cache", "--format", "concise"]) == 1
    assert not user_dir.exists()
    cold = capsys.readouterr().out
    assert cli.main(["lint", ".", "--format", "concise"]) == 1
    assert len(entries(user_dir)) == 27
    assert not (ws / ".cascade_cache").exists()  # never in the checked-out tree
    assert capsys.readouterr().out == cold
    assert cli.main(["lint", ".", "--format", "concise"]) == 1
    assert capsys.readouterr().out == cold


def test_with_the_rules_on_two_processes_too(ws: Path, tmp_path: Path) -> None:
    cold = lint(ws, None)
    cache = tmp_path / "cache"
    for _ in range(2):  # fills, then reads
        assert rows(cascade.load(str(ws), cache=str(cache), jobs=2).validate(jobs=2)) == cold
    assert len(entries(cache)) == 27


def test_a_finding_outside_the_scope_is_reported_and_nothing_is_stored(ws: Path, tmp_path: Path, monkeypatch) -> None:
    """A guard for a rule wrongly marked document-scoped: its finding on another document is kept,
    and the run stores no findings entry, so that no later run reads an incomplete one."""
    from cascade.rules import REGISTRY

    cache = tmp_path / "cache"
    lint(ws, cache)
    rule = REGISTRY["CAS501"]
    original = rule.check

    def leaky(self, ctx):
        yield from original(self, ctx)
        if ctx.scope is not None:
            yield ctx.finding(self, "rpjmn-2025", ref="rpjmn-2025")

    monkeypatch.setattr(rule, "check", leaky)
    (ws / RENSTRA).write_text((ws / RENSTRA).read_text() + "# edited\n")
    before = set(entries(cache))
    found = lint(ws, cache, select=["CAS501"])
    assert [r[4] for r in found if r[4] == "rpjmn-2025"] == ["rpjmn-2025"]
    # the edited file's parse is new; no findings entry was written
    assert len(set(entries(cache)) - before) == 1


def test_the_code_fingerprint_covers_every_layer_of_the_package() -> None:
    """A changed rule or model must miss every cache entry: the fingerprint reads the whole package."""
    from cascade.read.cache import package_sources

    names = {os.path.relpath(p, ROOT).replace(os.sep, "/") for p in package_sources()}
    assert {"cascade/core/models.py", "cascade/rules/base.py", "cascade/graph.py", "cascade/read/loader.py",
            "cascade/build/documents.py"} <= names


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_entries_that_are_not_regular_files_are_misses_without_blocking(ws: Path, tmp_path: Path) -> None:
    """A FIFO under an entry's name (names are computable, so a pull request can ship one in a
    ``cache-dir`` of the repository) blocked the open for ever; a folder or an entry larger than any
    cascade writes is a miss too, without a byte read. The next write replaces a FIFO, never opens it."""
    import threading

    from cascade.read import cache as cache_module

    cold = lint(ws, None)
    cache = tmp_path / "cache"
    lint(ws, cache)
    files = entries(cache)
    fifos = files[0::3]
    for i, path in enumerate(files):
        path.unlink()
        if i % 3 == 0:
            os.mkfifo(path)
        elif i % 3 == 1:
            path.mkdir()
        else:  # sparse: no disk used
            with open(path, "wb") as fh:
                fh.truncate(cache_module._MAX_ENTRY + 1)
    got: list = []
    worker = threading.Thread(target=lambda: got.append(lint(ws, cache)), daemon=True)
    worker.start()
    worker.join(120)
    if worker.is_alive():  # let the blocked open go (a writer end opened) before failing
        for path in fifos:
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        pytest.fail("a FIFO entry blocked the run")
    assert got == [cold]
    assert all(p.is_file() for p in fifos)  # rewritten by a rename over the FIFO
    reader = cache_module.Cache(cache)
    assert [reader.get(p.stem) is None for p in files[1::3]] == [True] * len(files[1::3])
    assert reader.hits == 0 and reader.misses == len(files[1::3])
