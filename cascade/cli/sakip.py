"""The ``cascade sakip`` command: the SAKIP pre-evaluation against the LKE criteria (PermenPANRB 88/2021).

``cascade sakip PATH... [--document ID] [--year Y] [--answers FILE] --format text|json|html [--output FILE]``
loads the plans, runs the rules and scores the criteria the documents can evidence (see
``docs/sakip.md``). Exit codes: 0 done, 1 when ``sakip-answers.yaml`` has bad entries (they are listed
and skipped), 2 for usage errors (a path that does not exist or holds no plan file, checked as
``cascade lint`` checks it; an ``--answers`` file that is missing, unreadable, not YAML or not a
mapping; unknown document; unwritable output).
"""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from ..core.findings import DEFAULT_LANG, LANGUAGES, Severity
from ..core.text import json_text

__all__ = ["add_sakip_parser", "run_sakip"]


def add_sakip_parser(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> argparse.ArgumentParser:
    p = sub.add_parser("sakip", help="pre-evaluate the plans against the SAKIP LKE criteria / pra-evaluasi SAKIP (LKE 88/2021)")
    p.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="plan files or folders (default: .)")
    p.add_argument("--document", metavar="ID", help="evaluate one document and those aligned to it (an OPD), not the whole pemda")
    p.add_argument("--year", type=int, metavar="Y", help="the year evaluated (default: the latest skp year in scope)")
    p.add_argument("--answers", metavar="FILE", help="the team's answers to manual criteria (default: sakip-answers.yaml beside PATH)")
    p.add_argument("--format", choices=("text", "json", "html"), default="text", help="output format (default: text)")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    p.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANG, help=f"language (default: {DEFAULT_LANG})")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when sakip-answers.yaml has bad entries")
    p.add_argument("--all", action="store_true", help="text: list the open manual criteria too")
    p.add_argument("--show-personal", action="store_true", help="show employee numbers (NIP) and names instead of masking them")
    return p


_MESSAGES = {
    "missing": {"en": "{path}: no such file or folder", "id": "{path}: berkas atau folder tidak ada"},
    "unknown-document": {"en": "unknown document '{document}'", "id": "dokumen '{document}' tidak dikenal"},
    "no-year": {"en": "no plan in scope covers the year {year}; nothing to pre-evaluate",
                "id": "tidak ada rencana dalam cakupan yang meliputi tahun {year}; tidak ada yang dipra-evaluasi"},
}


def _say(err: TextIO, key: str, lang: str, **args: object) -> None:
    err.write(f"cascade: {_MESSAGES[key].get(lang, _MESSAGES[key]['en']).format(**args)}\n")


def run_sakip(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .inputs import no_documents, workspace_paths

    lang = args.lang
    if args.answers is not None:
        # answers named on the command line are an input, as lint's --baseline is: missing, unreadable,
        # not YAML or not a mapping is a usage error (exit 2) before anything is scored; bad entries
        # of a usable file are still listed and skipped (exit 1)
        if not os.path.lexists(args.answers):
            _say(err, "missing", lang, path=args.answers)
            return 2
        from ..core.text import escape_unsafe
        from ..sakip.answers import unusable_answers

        problems = unusable_answers(args.answers)
        for f in problems:
            err.write(escape_unsafe(f"cascade: {f.file}:{f.line}:{f.column}: {f.code} {f.localized(lang)}") + "\n")
        if problems:
            return 2
    # as lint checks its paths: each must exist and hold a plan file
    paths = workspace_paths(args.paths, None, lang, err)
    if paths is None:
        return 2
    from ..api import load
    from ..core.errors import UsageError
    from ..sakip.render import render_html, render_text

    ws = load(*paths, show_personal=args.show_personal)
    if no_documents(ws, paths, lang, err):
        return 2
    try:
        result = ws.sakip(document=args.document, year=args.year, answers=args.answers or "auto", lang=lang)
    except KeyError:
        _say(err, "unknown-document", lang, document=args.document)
        return 2
    except UsageError:  # --year 2030: no plan covers it (a grade of nothing would read as a verdict)
        _say(err, "no-year", lang, year=args.year)
        return 2
    if args.format == "json":
        text = json_text(result.to_dict())
    elif args.format == "html":
        text = render_html(result, lang)
    else:
        text = render_text(result, lang, all_criteria=args.all)
    from ..core.text import escape_unsafe

    if args.format != "json":  # a plan's ESC, BEL or direction marks shown as \uXXXX, as lint shows them
        text = escape_unsafe(text, keep="\n")
    from .paths import write_output

    if write_output(text, args.output, out, err, lang, show_personal=args.show_personal, json_text=args.format == "json"):
        return 2
    from .paths import personal_text

    for f in result.findings:
        line = f"{f.file}:{f.line}:{f.column}: {f.code} {f.localized(lang)}"
        err.write(escape_unsafe(personal_text(line, args.show_personal)) + "\n")
    return 1 if any(f.severity == Severity.ERROR for f in result.findings) and not args.exit_zero else 0
