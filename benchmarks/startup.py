"""Start-up time of the ``cascade`` command against a bare Python and yamllint (a benchmark, not a test).

    python benchmarks/startup.py [--runs 20] [--file specs/jatim/rpjmd-2019.yaml] [--yamllint PATH]

Runs each command ``--runs`` times in fresh processes, as hyperfine would, and prints the best and the
median wall time and the median CPU time (user + system; steadier than wall time on a shared
machine) of each, with the ratios of the best and of the CPU time to the reference: ``cascade --version`` against
``python -c pass`` (goal: within 3x), ``cascade lint FILE`` against ``yamllint FILE`` on the same small
file (goal: within 2x). ``import cascade`` is timed too. The ``cascade`` command is run as the console
script does (``python -c "from cascade.cli import run; run()"``), so that no shell wrapper (a pyenv
shim) is measured. yamllint is looked up on PATH unless ``--yamllint`` names it; without it, that line
is skipped. ``python -X importtime -c "import cascade"`` shows where an import's time goes.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def best_and_median(cmd: list[str], runs: int, root: str = ROOT) -> tuple[float, float, float]:
    env = dict(os.environ, PYTHONPATH=root + os.pathsep + os.environ.get("PYTHONPATH", ""))
    # An installed package has its bytecode compiled (pip does it); without it every run compiles the
    # sources again. Let Python write __pycache__ and warm up once before timing.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=root, env=env, check=False)
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=root, env=env, check=False)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times), statistics.median(times), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--file", default=os.path.join("specs", "jatim", "rpjmd-2019.yaml"))
    ap.add_argument("--yamllint", default=shutil.which("yamllint"))
    ap.add_argument("--root", default=ROOT, help="the checkout to measure (default: this one), e.g. an older commit's export")
    args = ap.parse_args(argv)
    py = sys.executable
    cli = [py, "-c", "from cascade.cli import run; run()"]
    rows = [
        ("python -c pass", [py, "-c", "pass"], None),
        ("cascade --version", cli + ["--version"], "python -c pass"),
        ("python -c 'import cascade'", [py, "-c", "import cascade"], "python -c pass"),
    ]
    if args.yamllint:
        rows.append(("yamllint FILE", [args.yamllint, args.file], None))
    rows.append(("cascade lint --no-cache FILE", cli + ["lint", "--no-cache", args.file], "yamllint FILE" if args.yamllint else None))
    measured: dict[str, tuple[float, float, float]] = {}
    print(f"{'command':<32} {'best s':>8} {'median s':>9} {'CPU s':>7}  ratio (best; CPU)")
    for name, cmd, ref in rows:
        measured[name] = best_and_median(cmd, args.runs, args.root)
        best, med, cpu = measured[name]
        ratio = f"{best / measured[ref][0]:.2f}x; {cpu / measured[ref][2]:.2f}x {ref}" if ref else ""
        print(f"{name:<32} {best:8.3f} {med:9.3f} {cpu:7.3f}  {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
