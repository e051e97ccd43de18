#!/usr/bin/env python3
"""The national scale measured (issue 22): lint a generated nation by region and on Dask, compare.

    python benchmarks/generate.py --elements 10000000 --regions 552 --seed 1 --defects 40 \\
        --out /work/bench10m/ws --manifest /work/bench10m/defects.json          # 7.5 GB, 27,087 files
    python benchmarks/bench_national.py /work/bench10m/ws --work /work/bench10m    # both runs
    python benchmarks/bench_national.py /work/bench10m/ws --only by-region

*By region*: ``cascade lint PATH --format json --no-cache --by-region --jobs 2`` as a whole process
(the command users run), its wall time, and the peak resident memory (``VmHWM``) of every process of
its tree, sampled from ``/proc`` every ``--sample`` seconds while it runs (Linux).
*Dask*: a ``LocalCluster`` of ``--workers`` worker processes (one thread each) and
:class:`cascade.scale.distributed.Run` in this process as the coordinator; wall time, each worker's
peak RSS (asked of the workers at the end) and the coordinator's.
Both reports are written to ``--work`` and compared: the findings must be identical. Prints a
Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


def _hwm(pid: int) -> int:
    """Peak resident memory of a process in bytes (VmHWM), 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def by_region(path: str, work: Path, jobs: int, sample: float) -> dict:
    out = work / "by-region.json"
    cmd = [sys.executable, "-m", "cascade", "lint", path, "--format", "json", "--no-cache", "--by-region",
           "--jobs", str(jobs), "--output", str(out), "--quiet"]
    peaks: dict[int, tuple[str, int]] = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=str(ROOT))
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            for pid in _tree(proc.pid):
                rss = _hwm(pid)
                if rss:
                    peaks[pid] = ("coordinator" if pid == proc.pid else "worker", max(rss, peaks.get(pid, ("", 0))[1]))
            stop.wait(sample)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    code = proc.wait()
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its workers, all waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stop.set()
    watcher.join()
    if code not in (0, 1):
        raise SystemExit(f"cascade lint exited with {code}")
    report = json.loads(out.read_text())
    return {"wall": wall, "cpu": cpu, "exit": code, "coordinator_rss": max((r for k, r in peaks.values() if k == "coordinator"), default=0),
            "worker_rss": sorted(r for k, r in peaks.values() if k == "worker"), "findings": report["findings"],
            "summary": report.get("summary")}


def _cpu_seconds() -> float:
    """User and system CPU time of the calling process (asked of each Dask worker)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def on_dask(path: str, work: Path, workers: int) -> dict:
    from distributed import Client, LocalCluster

    from cascade.read.discovery import discover
    from cascade.scale import distributed
    from cascade.scale.distributed import tasks
    from cascade.validate import RunSettings

    t = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           memory_limit="2GiB")
    client = Client(cluster)
    start = time.perf_counter() - t
    try:
        entries = list(enumerate(discover([path])))
        run = distributed.Run(client, entries, RunSettings())
        t = time.perf_counter()
        report = run.run()
        wall = time.perf_counter() - t
        rss = sorted(client.run(tasks._peak_rss).values())
        cpu = sum(client.run(_cpu_seconds).values()) + _cpu_seconds()
        findings = [f.as_dict() for f in report]
        (work / "dask.json").write_text(json.dumps(findings))
        return {"wall": wall, "cpu": cpu, "cluster_start": start, "worker_rss": rss,
                "coordinator_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                "findings": findings, "rounds": run.rounds, "stats": report.stats}
    finally:
        client.close()
        cluster.close()


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path")
    ap.add_argument("--work", default="/tmp/cascade-bench-national")
    ap.add_argument("--only", choices=["by-region", "dask"], default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sample", type=float, default=1.0)
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    rows, results = [], {}
    if args.only in (None, "by-region"):
        r = by_region(args.path, work, args.jobs, args.sample)
        results["by_region"] = r
        rows.append((f"by region, --jobs {args.jobs} (CPU {r['cpu'] / 60:.1f} min)", r["wall"], r["worker_rss"],
                     r["coordinator_rss"], len(r["findings"])))
    if args.only in (None, "dask"):
        r = on_dask(args.path, work, args.workers)
        results["dask"] = r
        rows.append((f"Dask LocalCluster, {args.workers} workers (CPU {r['cpu'] / 60:.1f} min)", r["wall"], r["worker_rss"],
                     r["coordinator_rss"], len(r["findings"])))
    print("| run | wall (min) | peak RSS per worker (MB) | coordinator (MB) | findings |")
    print("|---|---:|---:|---:|---:|")
    for name, wall, rss, coord, n in rows:
        print(f"| {name} | {wall / 60:.1f} | {', '.join(_mb(x) for x in rss) if len(rss) <= 4 else f'max {_mb(max(rss))} of {len(rss)}'} "
              f"| {_mb(coord)} | {n} |")
    if "by_region" in results and "dask" in results:
        # the CLI's JSON and the API's as_dict carry the same fields (the message in the CLI's language)
        key = lambda f: (f["code"], f["severity"], f.get("ref"), f.get("file"), f.get("line"), f.get("column"),  # noqa: E731
                         f.get("end_line"), f.get("end_column"))
        same = sorted(map(key, results["by_region"]["findings"])) == sorted(map(key, results["dask"]["findings"]))
        print(f"\nfindings identical: {same}")
    (work / "national.json").write_text(json.dumps({k: {x: y for x, y in v.items() if x != "findings"}
                                                    for k, v in results.items()}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
