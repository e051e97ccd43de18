#!/usr/bin/env python3
"""A copy of a generated workspace written more like real plans: names that do not repeat, and no
``polarity:`` (real tables rarely state it), so that the rules report what they report on real plans.

    python benchmarks/generate.py --elements 100000 --out /tmp/ws100k
    python benchmarks/noisy.py /tmp/ws100k /tmp/ws100k-noisy
    python benchmarks/bench_ratio.py --path /tmp/ws100k-noisy --repeat 1

``benchmarks/generate.py`` writes a clean workspace (no findings) whose names repeat from a
catalogue of a few hundred, with every polarity written: the goal runs of issue 22 measure reading,
models, graph and checks, but never what findings cost (their positions, the reports) nor the
rules' caches of names. In the copy every ``name:`` of a block line gets a number of its own
(indicators, elements, units, employees) and every ``polarity:`` is removed; with 100,000 elements
the lint then reports about 107,000 findings (CAS514: an indicator with a target path and no
polarity, written or read from its name). Standard library only.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil

_NAME = re.compile(r"^(\s+(?:- )?name: )(.*)$")
_POLARITY_LINE = re.compile(r"^\s*polarity: .*\n?$")
_POLARITY_FLOW = re.compile(r", polarity: [a-z]+")


def make_noisy(source: str, target: str) -> int:
    """Copy ``source`` to ``target`` (which must not exist) as described above; returns the names changed."""
    shutil.copytree(source, target)
    n = 0
    for base, dirs, files in os.walk(target):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith((".yaml", ".yml")):
                continue
            path = os.path.join(base, name)
            out = []
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    if _POLARITY_LINE.match(line):
                        continue
                    line = _POLARITY_FLOW.sub("", line)
                    m = _NAME.match(line.rstrip("\n"))
                    value = m.group(2) if m else ""
                    quoted = value[:1] in ("'", '"')
                    # a quoted name followed by a comment, or a plain one with a comment: left as it is
                    if m and (value[-1:] == value[:1] if quoted else " #" not in value):
                        n += 1
                        value = value[:-1] + f" {n}" + value[0] if quoted else f"{value} {n}"
                        line = m.group(1) + value + "\n"
                    out.append(line)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write("".join(out))
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", help="a workspace written by benchmarks/generate.py")
    ap.add_argument("target", help="the folder to write the copy into (must not exist)")
    args = ap.parse_args(argv)
    print(f"{make_noisy(args.source, args.target):,} names made distinct in {args.target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
