#!/usr/bin/env python3
"""Where the rule time goes: each graph check, and the shared indexes on their own lines (issue 22).

    python benchmarks/bench_rules.py /tmp/ws20k                 # an existing workspace
    python benchmarks/bench_rules.py --elements 20000          # generated (seed 1) into --work
    python benchmarks/bench_rules.py --elements 20000 --realisasi   # with a realisasi for every indicator

Loads the workspace once (one process, the collector paused as a lint has it), then runs every
graph check in rule-code order on one :class:`cascade.rules.context.Context`, as a lint does, best of
``--repeat`` fresh contexts. An index that a check builds through ``Context.index`` (``measures``,
``indicator_links``, ``capaian_rows``...) is timed on its own and left out of that check's time:
indexes are shared, so the first check to ask would otherwise carry them. Prints a Markdown table:
the indexes (with the checks that read them), then the checks, each as a share of all checks'
own time, flagging any above ``--limit`` (default 10 %) of the rest.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def measure(path: str, repeat: int = 3, options: dict | None = None) -> tuple[dict, dict, dict, int]:
    """(check code -> seconds, index name -> seconds, index name -> codes reading it, findings)."""
    from cascade.core.pool import bulk
    from cascade.graph import load_workspace
    from cascade.rules.base import iter_check_rules
    from cascade.rules.catalog import all_rules
    from cascade.rules.context import Context

    class TimedContext(Context):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.spent: dict[str, float] = defaultdict(float)
            self.readers: dict[str, set[str]] = defaultdict(set)
            self.current = ""
            self._inner: list[float] = []

        def index(self, name, build):
            key = name.split(":")[0]
            self.readers[key].add(self.current)
            if name in self._indexes:
                return self._indexes[name]
            self._inner.append(0.0)
            t = time.perf_counter()
            value = super().index(name, build)
            took = time.perf_counter() - t
            inner = self._inner.pop()
            self.spent[key] += took - inner  # an index built inside another counts once, as itself
            if self._inner:
                self._inner[-1] += took
            return value

    ws = load_workspace([path], jobs=1)
    best_checks: dict[str, float] = {}
    best_indexes: dict[str, float] = {}
    readers: dict[str, set[str]] = {}
    found = 0
    with bulk():
        for _ in range(repeat):
            ctx = TimedContext(ws.graph, ws.parsed, options or {})
            checks: dict[str, float] = {}
            found = 0
            for rule in iter_check_rules(all_rules()):
                ctx.current = rule.code
                before = sum(ctx.spent.values())
                t = time.perf_counter()
                found += sum(1 for _ in rule.check(ctx))
                checks[rule.code] = time.perf_counter() - t - (sum(ctx.spent.values()) - before)
            total = sum(checks.values()) + sum(ctx.spent.values())
            if not best_checks or total < sum(best_checks.values()) + sum(best_indexes.values()):
                best_checks, best_indexes, readers = checks, dict(ctx.spent), dict(ctx.readers)
    return best_checks, best_indexes, readers, found


def table(checks: dict, indexes: dict, readers: dict, limit: float) -> str:
    own = sum(checks.values())
    shared = sum(indexes.values())
    lines = [f"rules: {own + shared:.3f} s = checks {own:.3f} s + shared indexes {shared:.3f} s", "",
             "| shared index | s | read by |", "|---|---:|---|"]
    for name, seconds in sorted(indexes.items(), key=lambda kv: -kv[1]):
        codes = sorted(readers.get(name, ()))
        lines.append(f"| {name} | {seconds:.3f} | {len(codes)}: {', '.join(codes[:8])}{' ...' if len(codes) > 8 else ''} |")
    lines += ["", f"| check | s | % of checks | % of the rest | over {limit:.0%} |", "|---|---:|---:|---:|---|"]
    for code, seconds in sorted(checks.items(), key=lambda kv: -kv[1]):
        rest = own - seconds
        share = seconds / rest if rest else 0.0
        lines.append(f"| {code} | {seconds:.3f} | {seconds / own:.1%} | {share:.1%} | {'yes' if share > limit else ''} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", help="a workspace folder (else one is generated)")
    ap.add_argument("--elements", type=int, default=20_000)
    ap.add_argument("--work", default="/tmp/cascade-bench-rules")
    ap.add_argument("--realisasi", action="store_true", help="a realisasi document beside every plan")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=float, default=0.10)
    args = ap.parse_args(argv)
    path = args.path
    if path is None:
        import shutil

        from benchmarks.generate import generate_workspace

        shutil.rmtree(args.work, ignore_errors=True)
        generate_workspace(args.work, elements=args.elements, seed=1)
        if args.realisasi:
            from benchmarks.bench_realisasi import add_realisasi

            add_realisasi(Path(args.work))
        path = args.work
    checks, indexes, readers, found = measure(path, args.repeat, {"missing-realization": {"as_of": 2026}})
    print(table(checks, indexes, readers, args.limit))
    print(f"\n{len(checks)} checks, {found} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
