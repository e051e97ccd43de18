"""The ``cascade`` command: a thin layer over the public API (``cascade.load`` and ``validate``).

Exit codes: 0 clean, 1 findings at or above the fail level (default: error), 2 usage errors
or unreadable paths.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Sequence

from ._version import __version__
from .findings import Report
from .workspace import load

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cascade", description="Check that development plans cascade, from the RPJMN down to staff targets.")
    parser.add_argument("--version", action="version", version=f"cascade {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    lint = sub.add_parser("lint", help="check plan YAML files and folders")
    lint.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders (searched recursively)")
    lint.add_argument("--format", default="text", choices=("text", "json"), help="output format")
    lint.add_argument("--lang", default="en", choices=("en", "id"), help="message language")
    return parser


def _text(report: Report, lang: str) -> str:
    lines = [f"{f.file}:{f.line}:{f.column}: {f.code} {f.rule} {f.localized(lang)}" for f in report]
    return "\n".join(lines) + ("\n" if lines else "")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        for p in missing:
            print(f"cascade: {p}: no such file or folder", file=sys.stderr)
        return 2
    report = load(*args.paths).validate()
    if args.format == "json":
        sys.stdout.write(json.dumps(report.as_dict(args.lang), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_text(report, args.lang))
    return 1 if report.errors else 0


def run() -> None:  # console script entry point
    sys.exit(main())
