"""Edit-to-diagnostics latency of the incremental engine against a cold lint, in the same run.

    python benchmarks/bench_incremental.py --elements 20000 [--out /tmp/ws20k] [--repeat 3]

Generates (or reuses) a workspace, times a cold ``cascade lint --no-cache --jobs 1`` of it in a
subprocess, then builds a :class:`cascade.incremental.LiveWorkspace` and times edits: a target, a
name, a reference broken and fixed in one SKP and in one renstra file, and a rename of an RPJMN
prioritas nasional (and back). Each edit's report is the full run's (tests/incremental checks
that). Memory: peak RSS of a process that loads and validates once, against one that keeps the
live workspace through every edit.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _cold_lint(ws: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cascade", "lint", ws, "--no-cache", "--jobs", "1", "--exit-zero",
                    "--format", "concise"], env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def _edits(ws: str) -> list[tuple[str, str, str]]:
    """(label, path, new text) pairs; each edit is followed by its undo."""
    files = sorted(str(p) for p in Path(ws).rglob("*.yaml"))
    skp = next(f for f in files if "skp-" in f)
    renstra = next(f for f in files if "renstra-" in f)
    rpjmn = next(f for f in files if os.path.basename(f).startswith("rpjmn"))
    out = []
    for label, path in (("skp", skp), ("renstra", renstra)):
        text = Path(path).read_text(encoding="utf-8")
        out.append((f"{label}: target", path, re.sub(r"(\{year: 20\d\d, value: )([0-9.]+)", r"\g<1>99", text, count=1)))
        out.append((f"{label}: name", path, re.sub(r"^(\s*name: .+)$", r"\1 baru", text, count=1, flags=re.M)))
        out.append((f"{label}: reference broken", path, text.replace("supports: [", "supports: [nowhere-", 1)))
    text = Path(rpjmn).read_text(encoding="utf-8")
    m = re.search(r"^\s*- id: (PN\d+)$", text, re.M)
    if m:
        out.append(("rpjmn: rename a prioritas nasional", rpjmn, text.replace(f"- id: {m.group(1)}\n", f"- id: {m.group(1)}X\n", 1)))
    return out


def _child(ws: str, mode: str, repeat: int, cold: float | None = None) -> None:
    import cascade
    from cascade.incremental import LiveWorkspace
    from cascade.rules.base import REGISTRY

    if mode == "load":
        start = time.perf_counter()
        report = cascade.load(ws, jobs=1).validate(jobs=1)
        print(f"in-process cold load+validate: {time.perf_counter() - start:.3f} s, {len(report.findings)} findings")
    else:
        start = time.perf_counter()
        live = LiveWorkspace([ws])
        live.report()
        print(f"live workspace built: {time.perf_counter() - start:.3f} s")
        for label, path, text in _edits(ws):
            original = Path(path).read_text(encoding="utf-8")
            times, undo, modes, spread = [], [], set(), 0
            for _ in range(repeat):
                t = time.perf_counter()
                live.update(path, text)
                times.append(time.perf_counter() - t)
                modes.add(live.last_mode)
                spread = max((n for code, n in live.last_scopes.items() if REGISTRY[code].reads != "whole"), default=0)
                t = time.perf_counter()
                live.update(path, original)
                undo.append(time.perf_counter() - t)
            edit = statistics.median(times)
            ratio = f"  {edit / cold:.3f}x cold" if cold else ""
            ratio += f"  first {times[0] * 1000:.0f} ms"
            print(f"  {label:40s} edit {edit * 1000:7.0f} ms  undo {statistics.median(undo) * 1000:7.0f} ms{ratio}"
                  f"  ({'/'.join(sorted(modes))}; scoped graph rules on at most {spread} of {len(live.workspace.parsed)} documents)")
    print(f"peak RSS ({mode}): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--elements", type=int, default=20_000)
    ap.add_argument("--out", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", choices=("load", "live"), help=argparse.SUPPRESS)
    ap.add_argument("--cold", type=float, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    ws = args.out or f"/tmp/cascade-bench-{args.elements}"
    if args.child:
        _child(ws, args.child, args.repeat, args.cold)
        return 0
    if not os.path.isdir(ws):
        from benchmarks.generate import generate_workspace

        generate_workspace(ws, elements=args.elements, seed=0)
    cold = [_cold_lint(ws) for _ in range(max(1, args.repeat // 2 + 1))]
    print(f"workspace {ws}: cold `cascade lint --no-cache --jobs 1`: median {statistics.median(cold):.3f} s "
          f"(0.05x = {statistics.median(cold) * 50:.0f} ms)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for mode in ("load", "live"):
        subprocess.run([sys.executable, __file__, "--out", ws, "--child", mode, "--repeat", str(args.repeat),
                        "--cold", str(statistics.median(cold))], env=env, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
