#!/usr/bin/env python3
"""Benchmark ``cascade.distributed`` on a generated national workspace: 1 and 2 Dask workers against one process.

    python benchmarks/bench_dask.py --elements 50000 --regions 100
    python benchmarks/bench_dask.py --elements 300000 --regions 552 --workers 2 --no-single

The workspace comes from ``benchmarks/generate.py`` (seed 1, 8 planted defects) and is kept in
``--work`` for the next run. Measured, each in a fresh process or a fresh cluster so that memory and
caches do not leak between measurements:

- ``single``: ``cascade.load(path, jobs=1).validate()`` in a child process (one core, as a
  partition's worker works): wall time, elements/s, peak RSS;
- ``dask N``: ``cascade.scale.distributed.validate(path, scheduler=client)`` on a new
  ``LocalCluster(n_workers=N, threads_per_worker=1, processes=True)``: wall time (cluster start
  excluded), elements/s, the peak RSS of each worker process (``getrusage`` in the worker) and of
  the coordinator (this process, which also hosts the scheduler), the number of partitions.

The findings of every Dask run are compared with the single-process run (when there is one); a
difference fails the benchmark. Results are printed as a Markdown table and written to ``--json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate_workspace  # noqa: E402

_SINGLE = textwrap.dedent(
    """
    import json, resource, sys, time
    sys.path.insert(0, {root!r})
    import cascade
    t = time.perf_counter()
    report = cascade.load(sys.argv[1], jobs=1).validate()
    wall = time.perf_counter() - t
    with open(sys.argv[2], "w") as fh:
        json.dump({{"wall": wall, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                   "stats": report.stats, "findings": [f.as_dict() for f in report]}}, fh)
    """
)


def _workspace(work: Path, elements: int, regions: int) -> tuple[Path, dict]:
    """The generated workspace for this size, made once and reused."""
    out = work / f"national-{elements}-{regions}"
    manifest = out / ".generated.json"
    if not manifest.exists():
        res = generate_workspace(out, elements=elements, seed=1, defects=8, regions=regions)
        manifest.write_text(json.dumps({"files": res.files, "bytes": res.bytes, "elements": res.elements,
                                        "indicators": res.indicators, "seconds": res.seconds}))
    return out, json.loads(manifest.read_text())


def _single(path: Path, work: Path) -> dict:
    out = work / "single.json"
    subprocess.run([sys.executable, "-c", _SINGLE.format(root=str(ROOT)), str(path), str(out)], check=True)
    return json.loads(out.read_text())


def _dask(path: Path, n_workers: int) -> dict:
    from distributed import Client, LocalCluster

    from cascade.read.discovery import discover
    from cascade.scale import distributed
    from cascade.scale.distributed import tasks as distributed_tasks
    from cascade.validate import RunSettings

    t = time.perf_counter()
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    start = time.perf_counter() - t
    try:
        entries = list(enumerate(discover([str(path)])))
        run = distributed.Run(client, entries, RunSettings())
        t = time.perf_counter()
        report = run.run()
        wall = time.perf_counter() - t
        worker_rss = sorted(client.run(distributed_tasks._peak_rss).values())
        return {"wall": wall, "cluster_start": start, "worker_rss": worker_rss,
                "coordinator_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                "partitions": len(run._jobs()), "rounds": run.rounds, "stats": report.stats,
                "findings": [f.as_dict() for f in report]}
    finally:
        client.close()
        cluster.close()


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--elements", type=int, default=50_000, help="total elements of the workspace")
    ap.add_argument("--regions", type=int, default=100, help="kab/kota regions (552 = every daerah otonom)")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    ap.add_argument("--no-single", action="store_true", help="skip the single-process run")
    ap.add_argument("--work", default="/tmp/cascade-bench-dask", help="folder for workspaces (kept between runs)")
    ap.add_argument("--json", default=None, help="also write the results to this file")
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    path, size = _workspace(work, args.elements, args.regions)
    rows = []
    findings = 0
    single = None if args.no_single else _single(path, work)
    if single is not None:
        rows.append(("single process", single["wall"], [single["rss"]], None, "cascade.load(jobs=1).validate()"))
        findings = len(single["findings"])
    results = {"size": size, "regions": args.regions, "single": single and {k: v for k, v in single.items() if k != "findings"}}
    for n in [int(w) for w in args.workers.split(",")]:
        res = _dask(path, n)
        if single is not None and (res["findings"] != single["findings"] or res["stats"] != single["stats"]):
            print(f"dask {n}: findings differ from the single-process run", file=sys.stderr)
            return 1
        rows.append((f"dask, {n} worker{'s' if n > 1 else ''}", res["wall"], res["worker_rss"], res["coordinator_rss"],
                     f"{res['partitions']} partitions, {res['rounds']} rounds, cluster start {res['cluster_start']:.1f} s"))
        results[f"dask{n}"] = {k: v for k, v in res.items() if k != "findings"}
        findings = len(res["findings"])
    print(f"{size['elements']:,} elements, {size['indicators']:,} indicators, {size['files']:,} files, "
          f"{size['bytes'] / 2**20:,.0f} MB, {args.regions} kab/kota, {findings} findings\n")
    print("| run | wall (s) | elements/s | peak RSS per worker (MB) | coordinator + scheduler (MB) | notes |")
    print("|---|---:|---:|---:|---:|---|")
    for name, wall, rss, coord, notes in rows:
        print(f"| {name} | {wall:,.1f} | {size['elements'] / wall:,.0f} | {' / '.join(_mb(r) for r in rss)} | "
              f"{_mb(coord) if coord else '-'} | {notes} |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
