"""The ``cascade report`` command: write the self-contained HTML report of a workspace.

``cascade report --html OUT PATH...`` runs the same review as ``cascade lint`` (:func:`cascade.lint`:
the configuration's exclusions, rule selection, severities, suppressions and baseline) and writes its
findings with the workspace's tree and matrices as one HTML file (:func:`cascade.htmlreport.render_html`).
Exit codes follow ``cascade lint``: 0 clean, 1 when findings reach the fail level, 2 for usage errors,
a bad configuration or unreadable paths.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TextIO

from ..review.config import DEFAULT_LANG, ConfigError, load_config
from ..core.findings import LANGUAGES
from ..graph import Workspace
from ..views.html import render_html
from ..review.pipeline import lint

__all__ = ["add_report_parser", "run_report"]


def add_report_parser(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> argparse.ArgumentParser:
    """Add the ``report`` subcommand to the ``cascade`` command's subparsers."""
    report = sub.add_parser(
        "report",
        help="write an HTML report (tree, findings, alignment matrices) / tulis laporan HTML",
        description="Write one self-contained HTML file: summary per document, pohon kinerja, findings, matriks keterkaitan.",
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders (searched recursively)")
    report.add_argument("--html", required=True, metavar="OUT", help="the HTML file to write")
    report.add_argument("--lang", choices=LANGUAGES, help=f"report language (default: {DEFAULT_LANG}, or config 'lang')")
    report.add_argument("--config", metavar="FILE", help="use this cascade.toml or pyproject.toml instead of searching for one")
    report.add_argument("--show-personal", action="store_true",
                        help="show employee numbers (NIP) and names instead of masking them")
    return report


def run_report(args: argparse.Namespace, err: TextIO | None = None) -> int:
    """Run ``cascade report``; returns the exit code. Problems go to ``err`` (default: standard error)."""
    err = err or sys.stderr
    missing = [p for p in args.paths if not os.path.exists(p)]
    for p in missing:
        err.write(f"cascade: {p}: no such file or folder / berkas atau folder tidak ada\n")
    if missing:
        return 2
    try:
        settings = load_config(args.config).override(lang=args.lang)
        result = lint(args.paths, settings, show_personal=args.show_personal)
    except ConfigError as exc:
        err.write(f"cascade: {exc}\n")
        return 2
    # partitioned by region, no process held the whole graph: the page then has the findings only
    workspace = result.workspace if result.workspace is not None else Workspace([], [], [], {"files": len(result.files)})
    page = render_html(workspace, result.report, lang=settings.lang, show_personal=args.show_personal, as_of=settings.as_of)
    try:
        with open(args.html, "w", encoding="utf-8") as out:
            out.write(page)
    except OSError as exc:
        err.write(f"cascade: {args.html}: {exc.strerror} / tidak dapat menulis berkas\n")
        return 2
    return 1 if result.failed() else 0
