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

from ..core.findings import DEFAULT_LANG, LANGUAGES


__all__ = ["add_report_parser", "run_report"]


def add_report_parser(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> argparse.ArgumentParser:
    """Add the ``report`` subcommand to the ``cascade`` command's subparsers."""
    report = sub.add_parser(
        "report",
        help="write an HTML report (tree, findings, alignment matrices) / tulis laporan HTML",
        description="Write one self-contained HTML file: summary per document, pohon kinerja, findings, matriks keterkaitan.",
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders (searched recursively)")
    report.add_argument("--format", choices=("html",), default="html", help="output format (the one there is: html)")
    report.add_argument("--output", metavar="FILE", help="the HTML file to write (default: the terminal)")
    report.add_argument("--html", metavar="OUT", help="the HTML file to write (the same as --output; kept for existing scripts)")
    report.add_argument("--lang", choices=LANGUAGES, help=f"report language (default: {DEFAULT_LANG}, or config 'lang')")
    report.add_argument("--config", metavar="FILE", help="use this cascade.toml or pyproject.toml instead of searching for one")
    report.add_argument("--show-personal", action="store_true",
                        help="show employee numbers (NIP) and names instead of masking them")
    report.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
    report.add_argument("-q", "--quiet", action="store_true", help="say nothing on standard error unless something goes wrong")
    return report


def run_report(args: argparse.Namespace, err: TextIO | None = None, out: TextIO | None = None) -> int:
    """Run ``cascade report``; returns the exit code. The page goes to ``--output`` (or ``--html``),
    else to ``out`` (default: standard output); problems go to ``err`` (default: standard error)."""
    from ..core.errors import UsageError
    from ..review.config import ConfigError, load_config
    from ..review.pipeline import lint
    from ..sakip.answers import find_answers
    from ..views.html import render_html
    from .inputs import workspace_paths
    from .paths import config_error, summary_line, write_output
    from .progress import progress_for

    err = err or sys.stderr
    lang = args.lang or DEFAULT_LANG
    output, html_out = getattr(args, "output", None), getattr(args, "html", None)
    target = output if output is not None else html_out  # an empty name is a file that cannot be written, not the terminal
    if output is not None and html_out is not None and output != html_out:
        err.write(f"cascade: {_msg('two-outputs', lang, output=args.output, html=args.html)}\n")
        return 2
    try:
        settings = load_config(args.config).override(lang=args.lang)
        lang = settings.lang
        paths = workspace_paths(args.paths, settings, lang, err, quiet=getattr(args, "quiet", False))
        if paths is None:
            return 2
        progress = progress_for(err, getattr(args, "quiet", False), lang)
        try:
            result = lint(paths, settings, show_personal=args.show_personal, progress=progress)
        finally:
            if progress is not None:
                progress.clear()
    except ConfigError as exc:
        err.write(config_error(exc, lang))
        return 2
    except UsageError as exc:  # a rule option of the wrong shape, found when its rule reads it (as in lint)
        err.write(config_error(exc, lang))
        return 2
    workspace = result.workspace_for_views()
    page = render_html(workspace, result.report, lang=settings.lang, show_personal=args.show_personal,
                       sakip_answers=find_answers(list(paths)), as_of=settings.as_of)
    if write_output(page, target, out or sys.stdout, err, lang, show_personal=args.show_personal):
        return 2
    if not getattr(args, "quiet", False):
        stats = result.report.stats
        err.write(summary_line(stats.get("files", 0), stats.get("documents", 0), lang, stats.get("realisasi", 0)))
        if target is not None:
            err.write(f"cascade: {_msg('written', lang, path=os.path.abspath(target), n=len(result.report))}\n")
    return 1 if result.failed() and not getattr(args, "exit_zero", False) else 0


_MESSAGES = {
    "written": {"en": "wrote the report ({n} findings) to {path}", "id": "laporan ({n} temuan) ditulis ke {path}"},
    "two-outputs": {"en": "--output {output} and --html {html} name two files; give one",
                    "id": "--output {output} dan --html {html} menyebut dua berkas; berikan satu saja"},
}


def _msg(key: str, lang: str, **args: object) -> str:
    return _MESSAGES[key].get(lang, _MESSAGES[key]["en"]).format(**args)
