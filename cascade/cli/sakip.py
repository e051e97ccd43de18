"""The ``cascade sakip`` command: the SAKIP pre-evaluation against the LKE criteria (PermenPANRB 88/2021).

``cascade sakip PATH... [--document ID] [--year Y] [--answers FILE] --format text|json|html [--output FILE]``
loads the plans, runs the rules and scores the criteria the documents can evidence (see
``docs/sakip.md``). Exit codes: 0 done, 1 when ``sakip-answers.yaml`` has bad entries (they are listed
and skipped), 2 for usage errors (missing path, unknown document, unwritable output).
"""

from __future__ import annotations

import argparse
import json
import os
from typing import TextIO

from ..core.findings import DEFAULT_LANG, LANGUAGES, Severity

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
    p.add_argument("--all", action="store_true", help="text: list the open manual criteria too")
    p.add_argument("--show-personal", action="store_true", help="show employee numbers (NIP) and names instead of masking them")
    return p


def run_sakip(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    missing = [p for p in list(args.paths) + ([args.answers] if args.answers else []) if not os.path.exists(p)]
    for p in missing:
        err.write(f"cascade: {p}: no such file or folder / berkas atau folder tidak ada\n")
    if missing:
        return 2
    from ..api import load
    from ..sakip.render import render_html, render_text

    ws = load(*args.paths, show_personal=args.show_personal)
    try:
        result = ws.sakip(document=args.document, year=args.year, answers=args.answers or "auto", lang=args.lang)
    except KeyError:
        err.write(f"cascade: unknown document '{args.document}' / dokumen '{args.document}' tidak dikenal\n")
        return 2
    if args.format == "json":
        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "html":
        text = render_html(result, args.lang)
    else:
        text = render_text(result, args.lang, all_criteria=args.all)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as exc:
            err.write(f"cascade: cannot write {args.output}: {exc.strerror or exc} / tidak dapat menulis berkas\n")
            return 2
    else:
        out.write(text)
    for f in result.findings:
        err.write(f"{f.file}:{f.line}:{f.column}: {f.code} {f.localized(args.lang)}\n")
    return 1 if any(f.severity == Severity.ERROR for f in result.findings) else 0
