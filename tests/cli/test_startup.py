"""Start-up: ``import cascade`` and ``cascade --version`` import no engine (times are in benchmarks/startup.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import cascade

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pydantic", "networkx", "yaml", "cascade.core.models", "cascade.workspace", "cascade.scale.distributed")


def _modules_after(code: str) -> set[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, env=env, cwd=ROOT, check=True).stdout
    return set(out.split())


def test_import_cascade_loads_no_engine() -> None:
    loaded = _modules_after("import cascade")
    assert [m for m in HEAVY if m in loaded] == []


def test_version_and_usage_errors_are_answered_before_the_engine_is_imported() -> None:
    code = "import io\nfrom cascade.cli import main\nmain(['--version'], stdout=io.StringIO())\nmain(['lint', '--bogus'], stderr=io.StringIO())"
    loaded = _modules_after(code)
    assert [m for m in HEAVY if m in loaded] == []


def test_a_lint_imports_one_reporter_and_not_the_partitioned_runner() -> None:
    code = "import io\nfrom cascade.cli import main\nmain(['lint', 'specs', '--format', 'concise', '--no-cache', '-q'], stdout=io.StringIO())"
    loaded = _modules_after(code)
    assert "cascade.reporters.concise" in loaded and "cascade.reporters.sarif" not in loaded
    assert "cascade.scale.distributed" not in loaded and "cascade.views.html" not in loaded


def test_the_public_names_are_all_there_lazily() -> None:
    import importlib

    for name in cascade.__all__:
        assert getattr(cascade, name) is not None, name
    assert set(cascade.__all__) <= set(dir(cascade))
    namespace: dict = {}
    exec("from cascade import *", namespace)
    assert namespace["load"] is cascade.load is importlib.import_module("cascade.workspace").load
    try:
        cascade.no_such_name  # noqa: B018
    except AttributeError as err:
        assert "no_such_name" in str(err)
    else:  # pragma: no cover
        raise AssertionError("AttributeError expected")


def test_the_parser_constants_match_the_engine() -> None:
    from cascade.cli import commands
    from cascade.reporters import FORMATS

    assert commands.FORMATS == FORMATS


def _cascade(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "cascade", *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_a_lint_that_ends_without_freeing_its_workspace_still_writes_everything(tmp_path: Path) -> None:
    """``cascade lint`` ends with os._exit (freeing the workspace object by object cost 0.12 s of 2.2 s):
    the report on standard output, the --output file and the summary on standard error are whole,
    and the exit code is the lint's."""
    import json

    defects = str(ROOT / "examples" / "defects")
    piped = _cascade("lint", defects, "--format", "json", "--no-cache", "--lang", "en")
    assert piped.returncode == 1
    report = json.loads(piped.stdout)
    assert len(report["findings"]) > 50 and report["summary"]["errors"] > 0
    assert "files" in piped.stderr  # the summary line
    out = tmp_path / "report.sarif"
    written = _cascade("lint", defects, "--format", "sarif", "--output", str(out), "--no-cache", "-q")
    assert written.returncode == 1
    sarif = json.loads(out.read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == len(report["findings"])
    clean = _cascade("lint", "specs", "--no-cache", "-q", "--exit-zero")
    assert clean.returncode == 0


def _hooked(tmp_path: Path, argv: list[str], **kw) -> tuple[subprocess.CompletedProcess, bool]:
    """Run ``argv`` with an atexit hook installed at start-up (a sitecustomize module); whether it ran."""
    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(
        "import atexit, os\nflag = os.environ['CASCADE_TEST_FLAG']\natexit.register(lambda: open(flag, 'w').write('ran'))\n")
    flag = tmp_path / f"flag{len(list(tmp_path.iterdir()))}"
    env = dict(os.environ, CASCADE_TEST_FLAG=str(flag),
               PYTHONPATH=os.pathsep.join([str(hook), str(ROOT), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT, **kw)
    return done, flag.exists()


def test_only_the_command_itself_ends_without_the_interpreters_clean_up(tmp_path: Path) -> None:
    """``python -m cascade lint`` skips the clean-up (an atexit hook does not run); a program that calls
    run() itself, a profiler and a runpy wrapper keep theirs, and a closed stderr changes no exit code."""
    lint = ["lint", "specs", "-q", "--no-cache"]
    done, hooked = _hooked(tmp_path, [sys.executable, "-m", "cascade", *lint])
    assert done.returncode == 0 and not hooked
    script = tmp_path / "cascade_script.py"  # what the console script's module does
    script.write_text("import sys\nfrom cascade.cli import run\nif __name__ == '__main__':\n    sys.exit(run())\n")
    done, hooked = _hooked(tmp_path, [sys.executable, str(script), "lint", "examples/defects", "-q", "--no-cache"])
    assert done.returncode == 1 and not hooked
    program = f"import sys\nfrom cascade.cli import run\nsys.argv = ['cascade', *{lint!r}]\nrun()"
    done, hooked = _hooked(tmp_path, [sys.executable, "-c", program])
    assert done.returncode == 0 and hooked
    profile = tmp_path / "lint.prof"
    done, hooked = _hooked(tmp_path, [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "cascade", *lint])
    assert done.returncode == 0 and hooked and profile.stat().st_size > 0
    wrapper = ("import runpy, sys\nsys.argv = ['cascade', *%r]\ntry:\n    runpy.run_module('cascade', run_name='__main__', alter_sys=True)\n"
               "except SystemExit as e:\n    print('exit', e.code)\nfinally:\n    print('finally')\n" % (lint,))
    done, hooked = _hooked(tmp_path, [sys.executable, "-c", wrapper])
    assert done.stdout.splitlines()[-2:] == ["exit 0", "finally"] and hooked
    for args, code in ((lint, 0), (["lint", "examples/defects", "-q", "--no-cache", "--exit-zero"], 0),
                       (["lint", "examples/defects", "-q", "--no-cache"], 1)):
        closed = subprocess.run(["sh", "-c", '"$0" -m cascade "$@" 2>&- >/dev/null', sys.executable, *args], cwd=ROOT,
                                env=dict(os.environ, PYTHONPATH=str(ROOT)))
        assert closed.returncode == code, args


def test_a_failing_lint_whose_reader_leaves_early_still_exits_1() -> None:
    """``cascade lint | true``: the reader is gone before the report is written (a broken pipe); the
    exit code is still the lint's, without a traceback."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for args, code in ((["examples/defects"], 1), (["examples/defects", "--exit-zero"], 0), (["specs"], 0)):
        done = subprocess.run(["bash", "-c", '"$0" -m cascade lint "$@" --no-cache | true; exit "${PIPESTATUS[0]}"',
                               sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=env)
        assert done.returncode == code, (args, done.stderr[-500:])
        assert "Traceback" not in done.stderr
