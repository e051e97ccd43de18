#!/usr/bin/env python3
"""Benchmark cascade on generated workspaces: phases, throughput, memory, PyYAML ratio, cache.

    python benchmarks/bench.py                          # 10k, 20k, 100k and 1M elements
    python benchmarks/bench.py --sizes 20000 --repeat 3

For each size it generates a workspace (``benchmarks/generate.py``, seed 1, into ``--work``), then
measures, each in a fresh process so that memory and caches do not leak between measurements:

- phases, serially (one process): read/parse (libyaml events), models (pydantic + schema checks),
  graph, rules (every rule), reporting (the JSON report);
- ``lint``: the whole of ``cascade lint --format json`` as the command runs it
  (:func:`cascade.pipeline.lint` and the JSON reporter, no cache: parallel parsing, and from 200 MB on
  partitioned by region on local processes): wall time, elements/s, MB/s, peak RSS of the main
  process and of the largest worker;
- ``pyyaml``: ``yaml.load(f, Loader=yaml.CSafeLoader)`` over the same files, and lint/pyyaml;
- ``warm``: lint with the parse cache after one file changed (best of ``--repeat``, a different edit each time), against the same run cold.

Above ``--pyyaml-sample-above`` elements, PyYAML loads every k-th file only and its time is scaled
by bytes (said in the table), since loading 1M elements through it takes many minutes; above
``--lint-only-above``, only the lint and PyYAML columns are measured (the serial phases and the
cache runs would take three times as long again).
Results are printed as a Markdown table and written to ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate_workspace  # noqa: E402

_CHILD = textwrap.dedent(
    """
    import gc, json, os, resource, sys, time
    sys.path.insert(0, {root!r})
    mode, path, arg = sys.argv[1], sys.argv[2], sys.argv[3]
    out = {{}}
    if mode == "phases":
        gc.disable()
        from cascade.workspace import discover
        from cascade.read.loader import read_file
        from cascade.build.documents import parse_document
        from cascade.graph import build_graph
        from cascade.validate import run_rules
        from cascade.rules import all_rules
        from cascade.core.findings import Report
        paths = discover([path])
        t = time.perf_counter(); loaded = [read_file(p) for p in paths]; out["parse"] = time.perf_counter() - t
        t = time.perf_counter(); parsed = [parse_document(l.data, l.file, l.sourcemap)[0] for l in loaded]
        out["models"] = time.perf_counter() - t
        t = time.perf_counter(); G, docs, _ = build_graph([p for p in parsed if p is not None]); out["graph"] = time.perf_counter() - t
        t = time.perf_counter(); findings = run_rules(G, docs, all_rules()); out["rules"] = time.perf_counter() - t
        t = time.perf_counter(); json.dumps(Report(findings).as_dict()); out["report"] = time.perf_counter() - t
        out["findings"] = len(findings)
    elif mode == "pyyaml":
        from benchmarks.baseline_pyyaml import pyyaml_load_seconds, yaml_files
        paths = yaml_files([path])[:: int(arg)]
        out["seconds"] = pyyaml_load_seconds(paths)
        out["bytes"] = sum(os.path.getsize(p) for p in paths)
    else:  # lint as the command runs it (by region from 200 MB on), optionally with a cache folder
        from cascade.review.pipeline import lint
        from cascade.reporters import render_report
        t = time.perf_counter()
        result = lint([path], cache=arg if arg != "-" else None)
        render_report(result.report, "json", sources=result.sources, files=result.files)
        out["seconds"] = time.perf_counter() - t
        out["findings"] = len(result.report)
        out["by_region"] = result.workspace is None or not result.workspace.documents
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["worker_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(out))
    """
).format(root=str(ROOT))


def child(mode: str, path: Path, arg: str = "-") -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, mode, str(path), arg], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed ({mode}):\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def best(mode: str, path: Path, arg: str, repeat: int) -> dict:
    runs = [child(mode, path, arg) for _ in range(repeat)]
    return min(runs, key=lambda r: r.get("seconds", sum(r.get(k, 0) for k in ("parse", "models", "graph", "rules", "report"))))


def bench_size(n: int, work: Path, repeat: int, sample_above: int, lint_only_above: int) -> dict:
    ws = work / f"ws{n}"
    if not (ws / "rpjmn-2025.yaml").exists():
        # about 20,000 elements per kab/kota: a city's full cascade with staff targets
        generate_workspace(ws, elements=n, seed=1, regions=max(1, n // 20_000))
    files = sorted(ws.rglob("*.yaml"))
    size = sum(f.stat().st_size for f in files)
    row: dict = {"elements": n, "files": len(files), "mb": size / 1e6}
    full = n <= lint_only_above
    row["phases"] = best("phases", ws, "-", repeat) if full else None
    lint = best("lint", ws, "-", repeat)
    row["lint"] = lint
    step = max(1, len(files) // 20) if n > sample_above else 1
    py = best("pyyaml", ws, str(step), 1 if n > sample_above else repeat)
    row["pyyaml_s"] = py["seconds"] * size / py["bytes"]
    row["pyyaml_sampled"] = step > 1
    row["ratio"] = lint["seconds"] / row["pyyaml_s"]
    if not full:
        row["cache_cold_s"] = row["warm_s"] = row["warm_ratio"] = None
        return row
    cache = work / f"cache{n}"
    subprocess.run(["rm", "-rf", str(cache)], check=True)
    cold = child("lint", ws, str(cache))
    victim = files[len(files) // 2]
    original = victim.read_bytes()
    try:
        runs = []
        for i in range(repeat):  # each run finds one file changed since the run before
            victim.write_bytes(original + f"# touched by the benchmark ({i})\n".encode())
            runs.append(child("lint", ws, str(cache)))
        warm = min(runs, key=lambda r: r["seconds"])
    finally:
        victim.write_bytes(original)
    row["cache_cold_s"], row["warm_s"] = cold["seconds"], warm["seconds"]
    row["warm_ratio"] = warm["seconds"] / lint["seconds"]
    return row


def table(rows: list[dict]) -> str:
    head = (
        "| elements | files | MB | parse s | models s | graph s | rules s | report s | lint s | elements/s | MB/s "
        "| peak RSS MB (main / worker) | PyYAML load s | lint / PyYAML | warm s (1 file changed) | warm / cold |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    lines = [head]
    for r in rows:
        p, l = r["phases"], r["lint"]
        phases = " | ".join(f"{p[k]:.2f}" for k in ("parse", "models", "graph", "rules", "report")) if p else " | ".join("-" * 5)
        warm = f"{r['warm_s']:.2f} | {r['warm_ratio']:.2f}" if r["warm_s"] is not None else "- | -"
        lines.append(
            f"| {r['elements']:,} | {r['files']} | {r['mb']:.1f} | {phases} | {l['seconds']:.2f}{' (by region)' if l.get('by_region') else ''} "
            f"| {r['elements'] / l['seconds']:,.0f} | {r['mb'] / l['seconds']:.1f} | {l['rss_mb']:.0f} / {l['worker_rss_mb']:.0f} "
            f"| {r['pyyaml_s']:.1f}{' (sampled)' if r['pyyaml_sampled'] else ''} | {r['ratio']:.2f} | {warm} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,20000,100000,1000000")
    ap.add_argument("--work", default="/tmp/cascade-bench", help="where workspaces and caches are written")
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement (the best is kept)")
    ap.add_argument("--pyyaml-sample-above", type=int, default=200_000)
    ap.add_argument("--lint-only-above", type=int, default=200_000, help="above this size, measure only lint and PyYAML")
    ap.add_argument("--json", default=None, help="also write the results here")
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        t = time.perf_counter()
        rows.append(bench_size(n, work, args.repeat, args.pyyaml_sample_above, args.lint_only_above))
        print(f"# {n:,} elements benchmarked in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        print(table(rows[-1:]).splitlines()[-1], file=sys.stderr)
    print(table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
