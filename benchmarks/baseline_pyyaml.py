#!/usr/bin/env python3
"""PyYAML baseline: how fast can plain PyYAML (libyaml) read a workspace, before any linting?

    python benchmarks/baseline_pyyaml.py DIR [DIR_OR_FILE ...] [--repeat N] [--pure]

Times, over all ``*.yaml``/``*.yml`` files found (recursively) under the given paths:
  (a) ``yaml.load(f, Loader=yaml.CSafeLoader)``: libyaml parsing plus building Python objects;
  (b) ``yaml.parse(f, Loader=yaml.CLoader)``: bare event iteration, no objects built (a floor for any
      PyYAML-based loader);
  (c) with ``--pure``, also the pure-Python ``yaml.SafeLoader`` (what ``yaml.safe_load`` uses without libyaml).
and prints MB/s and elements/s for each (elements = entries of the documents' ``elements:`` lists).

``pyyaml_load_seconds(paths)`` and ``pyyaml_parse_seconds(paths)`` are importable for other benchmarks.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import yaml

__all__ = ["yaml_files", "pyyaml_load_seconds", "pyyaml_parse_seconds", "measure", "main"]

_CSAFE = getattr(yaml, "CSafeLoader", None)
_CLOADER = getattr(yaml, "CLoader", None)


def yaml_files(paths) -> list:
    """The YAML files of ``paths`` (files, or folders searched recursively), sorted."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out = []
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                out += [os.path.join(root, f) for f in sorted(files) if f.endswith((".yaml", ".yml"))]
        else:
            out.append(p)
    return out


def _load(paths, loader) -> tuple:
    files = yaml_files(paths)
    elements = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for path in files:
        with open(path, "rb") as fh:
            data = yaml.load(fh, Loader=loader)
        if isinstance(data, dict):
            elements += len(data.get("elements") or ())
    return time.perf_counter() - t0, elements, time.process_time() - c0


def _parse(paths, loader) -> tuple:
    files = yaml_files(paths)
    events = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for path in files:
        with open(path, "rb") as fh:
            for _ in yaml.parse(fh, Loader=loader):
                events += 1
    return time.perf_counter() - t0, events, time.process_time() - c0


def pyyaml_load_seconds(paths) -> float:
    """Seconds to ``yaml.load(f, Loader=yaml.CSafeLoader)`` every YAML file of ``paths``."""
    if _CSAFE is None:
        raise RuntimeError("PyYAML is installed without libyaml (no yaml.CSafeLoader)")
    return _load(paths, _CSAFE)[0]


def pyyaml_parse_seconds(paths) -> float:
    """Seconds to iterate the parse events (``yaml.parse(f, Loader=yaml.CLoader)``) of every YAML file of ``paths``."""
    if _CLOADER is None:
        raise RuntimeError("PyYAML is installed without libyaml (no yaml.CLoader)")
    return _parse(paths, _CLOADER)[0]


def measure(paths, repeat: int = 1, pure: bool = False) -> dict:
    """Best-of-``repeat`` timings (wall seconds, and CPU seconds under ``*_cpu``):
    {"files", "bytes", "elements", "events", "load", "load_cpu", "parse", "parse_cpu"[, "pure", "pure_cpu"]}."""
    files = yaml_files(paths)
    size = sum(os.path.getsize(f) for f in files)
    inf = float("inf")
    out = {"files": len(files), "bytes": size, "elements": 0, "events": 0,
           "load": inf, "load_cpu": inf, "parse": inf, "parse_cpu": inf}
    if pure:
        out.update(pure=inf, pure_cpu=inf)
    for _ in range(max(1, repeat)):
        wall, out["elements"], cpu = _load(files, _CSAFE)
        out["load"], out["load_cpu"] = min(out["load"], wall), min(out["load_cpu"], cpu)
        wall, out["events"], cpu = _parse(files, _CLOADER)
        out["parse"], out["parse_cpu"] = min(out["parse"], wall), min(out["parse_cpu"], cpu)
        if pure:
            wall, _, cpu = _load(files, yaml.SafeLoader)
            out["pure"], out["pure_cpu"] = min(out["pure"], wall), min(out["pure_cpu"], cpu)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Time PyYAML (libyaml) on a cascade workspace.")
    ap.add_argument("paths", nargs="+", help="workspace folders or YAML files")
    ap.add_argument("--repeat", type=int, default=1, help="repeat and keep the best time (default 1)")
    ap.add_argument("--pure", action="store_true", help="also time the pure-Python yaml.SafeLoader (slow)")
    args = ap.parse_args(argv)
    if _CSAFE is None or _CLOADER is None:
        print("baseline_pyyaml.py: PyYAML has no libyaml binding (CSafeLoader/CLoader)", file=sys.stderr)
        return 2
    r = measure(args.paths, args.repeat, args.pure)
    mb = r["bytes"] / 1e6
    print(f"files={r['files']} bytes={r['bytes']} elements={r['elements']} events={r['events']} "
          f"pyyaml={yaml.__version__} libyaml={yaml.__with_libyaml__}")
    rows = [("CSafeLoader load", "load"), ("CLoader parse events", "parse")]
    if "pure" in r:
        rows.append(("SafeLoader (pure Python) load", "pure"))
    for label, key in rows:
        s, c = r[key], r[key + "_cpu"]
        print(f"{label:30s} wall {s:8.3f} s {mb / s:7.2f} MB/s {r['elements'] / s:10,.0f} elements/s"
              f" | cpu {c:8.3f} s {mb / c:7.2f} MB/s {r['elements'] / c:10,.0f} elements/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
