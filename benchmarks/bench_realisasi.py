#!/usr/bin/env python3
"""Cost of realisasi (issue 17): lint of a generated workspace without and with realisasi for every indicator.

    python benchmarks/bench_realisasi.py --elements 20000 --repeat 8

Generates the workspace (``benchmarks/generate.py``, seed 1), then writes beside each plan file a
``kind: realisasi`` document giving every indicator a realisasi for each target year up to 2025
(the target times a deterministic factor 0.85-1.15), and times ``cascade.lint`` (one process, no cache,
as of 2026) on the plans alone and on the plans with their realisasi, each in a fresh process, for
``--repeat`` interleaved rounds; also ``cascade capaian --format json`` on the latter. Times are the
child's CPU time (import included, start-up of the interpreter not). Prints a Markdown table with the
best of the rounds and the median of each round's own ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate_workspace  # noqa: E402

_CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    mode, path = sys.argv[1], sys.argv[2]
    t = time.process_time()
    if mode == "lint":
        from cascade.review.config import Settings
        from cascade.review.pipeline import lint
        result = lint([path], Settings(as_of=2026), jobs=1, by_region=False)
        n = len(result.report)
    else:
        import cascade
        table = cascade.load(path, jobs=1).capaian(as_of=2026)
        text = table.to_json()
        n = len(table.rows)
    print(time.process_time() - t, n)
""")


def _run(mode: str, path: Path) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", _CHILD.format(root=str(ROOT)), mode, str(path)],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1])


def _interleaved(runs: list[tuple[str, Path]], repeat: int) -> tuple[list[tuple[float, int]], list[list[float]]]:
    """The best of ``repeat`` rounds of each (mode, path), and every round's times, the rounds
    interleaved so that a change of load or of the VM's speed touches every measurement alike."""
    best = [(float("inf"), 0)] * len(runs)
    rounds = []
    for _ in range(repeat):
        times = []
        for i, (mode, path) in enumerate(runs):
            seconds, count = _run(mode, path)
            best[i] = (min(best[i][0], seconds), count)
            times.append(seconds)
        rounds.append(times)
    return best, rounds


def add_realisasi(work: Path) -> int:
    """A realisasi document beside every plan file; returns the number of realised values written."""
    import yaml

    from cascade.read.discovery import discover

    written = 0
    for path in discover([str(work)]):
        data = yaml.load(open(path, encoding="utf-8"), Loader=yaml.CSafeLoader)
        doc_id = data["document"]["id"]
        lines = [f"document: {{id: {doc_id}.realisasi, kind: realisasi, for: {doc_id}}}", "realized:"]
        for e_i, element in enumerate(data.get("elements") or []):
            for i_i, ind in enumerate(element.get("indicators") or []):
                years = {}
                for year, target in (ind.get("targets") or {}).items():
                    if int(year) <= 2025 and isinstance(target, (int, float)) and not isinstance(target, bool):
                        factor = 0.85 + ((e_i * 7 + i_i * 13 + int(year)) % 31) / 100
                        years[int(year)] = round(float(target) * factor, 2)
                if years:
                    lines.append(f"  {ind['id']}: {{{', '.join(f'{y}: {v}' for y, v in sorted(years.items()))}}}")
                    written += len(years)
        Path(path).with_name(Path(path).stem + ".realisasi.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--elements", type=int, default=20_000)
    ap.add_argument("--work", default="/tmp/cascade-bench-realisasi")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    work = Path(args.work)
    plans, both = work / "plans", work / "with-realisasi"
    for d in (plans, both):
        shutil.rmtree(d, ignore_errors=True)
    generate_workspace(str(plans), elements=args.elements, seed=1)
    shutil.copytree(plans, both)
    values = add_realisasi(both)
    best, rounds = _interleaved([("lint", plans), ("lint", both), ("capaian", both)], args.repeat)
    (without, n0), (with_, n1), (cap, rows) = best
    # the median of each round's own ratio: a round's two lints ran back to back, so a drift of the
    # machine's speed between rounds (large on a shared VM) cancels out of it
    paired = statistics.median(r[1] / r[0] for r in rounds)
    print(f"| elements | realised values | lint without realisasi | lint with realisasi | ratio of the bests | median ratio per round | capaian JSON ({rows} rows) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.elements:,} | {values:,} | {without:.2f} s ({n0} findings) | {with_:.2f} s ({n1} findings) | "
          f"{with_ / without:.2f}x | {paired:.2f}x | {cap:.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
