#!/usr/bin/env python3
"""The goal ratio of issue 22, as stated: a whole ``cascade lint`` process against a whole process of
PyYAML's C loader reading the same files, interleaved, best of ``--repeat``.

    python benchmarks/bench_ratio.py --elements 20000 100000 --repeat 3
    python benchmarks/bench_ratio.py --path /tmp/ws20k --repeat 5

For each size (generated with ``benchmarks/generate.py``, seed 1, into ``--work``) it alternates

- ``python -m cascade lint DIR --format json --no-cache --quiet --output FILE`` (start-up, imports,
  parse, models, graph, rules, report: what a pipeline pays; ``--jobs`` as the command decides), and
- ``python -c "<yaml.load(f, Loader=yaml.CSafeLoader) for every YAML file>"`` (start-up included),

and reports the best wall time of each, their ratio, and the lint's peak RSS (``ru_maxrss`` of the
largest process of its tree) in total and per element. Both runs read the files from the page cache
(a first untimed round warms it), and Python's bytecode is written as an installed package has it
(``PYTHONDONTWRITEBYTECODE`` is dropped; the first round writes it).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_PYYAML = textwrap.dedent("""
    import os, sys, yaml
    for base, dirs, files in os.walk(sys.argv[1]):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")):
                with open(os.path.join(base, name), "rb") as fh:
                    yaml.load(fh, Loader=yaml.CSafeLoader)
""")


#: Both commands run as installed code does, with bytecode written (and a first run to write it):
#: with ``PYTHONDONTWRITEBYTECODE`` set, a checkout's changed modules compile on every run.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and the peak RSS (bytes) of the largest process of the command's tree.

    The peak is the one ``wait4`` gives for this child (Linux: the largest of the child and of the
    children it waited for). ``RUSAGE_CHILDREN`` of this process, used before, only ever grows: a
    run that did not pass the first, untimed run's peak counted as 0 (the 10,000-element row).
    """
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=str(ROOT), stdout=subprocess.DEVNULL, stderr=err, env=_ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{cmd[:4]} failed: {err.read().decode(errors='replace')[-2000:]}")
    return wall, usage.ru_maxrss * 1024


def measure(path: str, elements: int, repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "report.json")
        lint = [sys.executable, "-m", "cascade", "lint", path, "--format", "json", "--no-cache", "--quiet", "--output", out]
        pyyaml = [sys.executable, "-c", _PYYAML, path]
        _timed(pyyaml)  # warm the page cache
        _timed(lint)  # and write the bytecode
        best_lint, best_yaml, rss = float("inf"), float("inf"), 0
        for _ in range(repeat):
            wall, peak = _timed(lint)
            best_lint, rss = min(best_lint, wall), max(rss, peak)
            best_yaml = min(best_yaml, _timed(pyyaml)[0])
        report = json.loads(Path(out).read_text())
        findings = len(report["findings"])
        elements = elements or (report.get("summary") or {}).get("elements", 0)
    return {"elements": elements, "lint": best_lint, "pyyaml": best_yaml, "ratio": best_lint / best_yaml,
            "rss": rss, "findings": findings}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--elements", type=int, nargs="*", default=[20_000])
    ap.add_argument("--path", default=None, help="an existing workspace instead of generated ones")
    ap.add_argument("--work", default="/tmp/cascade-bench-ratio")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    rows = []
    for n in ([None] if args.path else args.elements):
        path = args.path
        if path is None:
            from benchmarks.generate import generate_workspace

            path = os.path.join(args.work, f"ws{n}")
            if not os.path.isdir(path):
                generate_workspace(path, elements=n, seed=1)
        rows.append(measure(path, n or 0, args.repeat))
    print("| elements | lint (whole process) s | PyYAML CSafeLoader (whole process) s | ratio | lint peak RSS MB | KB per element | findings |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        per = r["rss"] / 1024 / r["elements"] if r["elements"] else float("nan")
        print(f"| {r['elements']:,} | {r['lint']:.2f} | {r['pyyaml']:.2f} | {r['ratio']:.2f}x | {r['rss'] / 2**20:,.0f} | "
              f"{per:.1f} | {r['findings']} |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
