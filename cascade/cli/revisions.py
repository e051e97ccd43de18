"""The ``diff``, ``review`` and ``realign`` commands: plan revisions on the command line.

Exit codes as ``cascade lint``: 0 done; 1 ``diff --fail-on-impact`` when something below depends on
a change, ``review`` when suspect links remain, ``realign --apply`` when a confirmed row could not
be applied; 2 usage errors (missing path, not a git repository, unknown revision or document,
unreadable mapping, an existing lock for ``--init``).
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any, TextIO

from ..core.errors import MissingExtraError, UsageError
from ..core.findings import DEFAULT_LANG, LANGUAGES


__all__ = ["add_revision_parsers", "run_revision_command", "COMMANDS"]

COMMANDS = ("diff", "review", "realign")
#: ``cascade diff --format`` choices (:data:`cascade.revisions.render.DIFF_FORMATS`, kept here so that
#: building the parser imports nothing heavy).
DIFF_FORMATS = ("text", "json", "markdown", "html")


def add_revision_parsers(sub: Any) -> None:
    """Add ``diff``, ``review`` and ``realign`` to the ``cascade`` command's subparsers (nothing of
    :mod:`cascade.revisions` is imported until one of them runs)."""
    d = sub.add_parser("diff", help="what changed between two states of the plans, and what depends on it / apa yang berubah dan dampaknya")
    d.add_argument("paths", nargs="*", metavar="PATH", help="OLD NEW workspace folders; with --git: the PATH inside the repository (default .)")
    d.add_argument("--git", metavar="REV", help="compare against git revision REV (or A..B), read through git without checkout")
    d.add_argument("--format", choices=DIFF_FORMATS, default="text", help="output format (default: text)")
    d.add_argument("--output", metavar="FILE", help="write the output to FILE")
    d.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANG, help="language of text, markdown and html")
    d.add_argument("--fail-on-impact", action="store_true", help="exit 1 when anything below depends on a change")
    d.add_argument("--show-personal", action="store_true", help="show employee numbers (NIP) and names instead of masking them")

    r = sub.add_parser("review", help="suspect links and the review state in cascade.lock / tautan yang perlu ditinjau ulang")
    r.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="plan files or folders (default: .)")
    r.add_argument("--lock", metavar="FILE", help="the lock file (default: cascade.lock beside PATH, or PATH/cascade.lock)")
    action = r.add_mutually_exclusive_group()
    action.add_argument("--init", action="store_true", help="create the lock file from the current state")
    action.add_argument("--accept", action="append", nargs="?", const="", default=[], metavar="REF|PATH",
                        help="record that the links to REF (or to the items of files under PATH) were reviewed; repeatable")
    r.add_argument("--all", action="store_true", help="with --accept (or alone): record the whole current state, dropping stale lines")
    r.add_argument("--format", choices=("text", "json"), default="text", help="output format of the review state")
    r.add_argument("--output", metavar="FILE", help="write the review state to FILE")
    r.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANG)

    a = sub.add_parser("realign", help="propose re-alignment of links from an old upper plan to a new one / usulan penyelarasan ke RPJMN baru")
    a.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders holding both documents and the plans below")
    a.add_argument("--from", dest="old", required=True, metavar="DOC", help="the old document id (rpjmn-2020)")
    a.add_argument("--to", dest="new", required=True, metavar="DOC", help="the new document id (rpjmn-2025)")
    a.add_argument("--format", choices=("text", "csv", "xlsx", "json"), default="text", help="table format (xlsx needs --output and the xlsx extra: pip install openpyxl)")
    a.add_argument("--output", metavar="FILE", help="write the table to FILE")
    a.add_argument("--top", type=int, default=3, metavar="N", help="candidates per link (default 3)")
    a.add_argument("--apply", metavar="MAPPING", help="write the confirmed rows of MAPPING (CSV or xlsx with a 'confirm' column) into the YAML")
    a.add_argument("--dry-run", action="store_true", help="with --apply: show what would change, write nothing")
    a.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANG)


def _emit(text: str, output: str | None, out: TextIO) -> None:
    if output is None:
        out.write(text)
        return
    with open(output, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _missing(paths: list[str], err: TextIO) -> bool:
    gone = [p for p in paths if not os.path.exists(p)]
    for p in gone:
        err.write(f"cascade: {p}: no such file or folder / berkas atau folder tidak ada\n")
    return bool(gone)


def _diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..revisions.api import diff, diff_git
    from ..revisions.render import render_diff

    if args.git is None and len(args.paths) != 2:
        err.write("cascade: diff takes OLD NEW, or --git REV [PATH] / diff memerlukan OLD NEW, atau --git REV [PATH]\n")
        return 2
    if args.git is not None and len(args.paths) > 1:
        err.write("cascade: diff --git takes one PATH / diff --git menerima satu PATH\n")
        return 2
    paths = args.paths or ["."]
    if _missing(paths, err):
        return 2
    try:
        result = diff_git(args.git, paths[0], show_personal=args.show_personal) if args.git is not None else \
            diff(paths[0], paths[1], show_personal=args.show_personal)
    except UsageError as exc:
        err.write(f"cascade: {exc}\n")
        return 2
    for f in result.skipped:
        err.write(f"cascade: {f}: could not be read; its documents are left out / tidak terbaca; dokumennya tidak dibandingkan\n")
    try:
        _emit(render_diff(result, args.format, args.lang), args.output, out)
    except OSError as exc:
        err.write(f"cascade: cannot write {args.output}: {exc.strerror or exc}\n")
        return 2
    return 1 if args.fail_on_impact and result.impacted else 0


def _review(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..revisions.lock import LOCK_NAME, accept, dump_lock, find_lock, lock_entries, read_lock, review_state
    from ..api import load

    if _missing(args.paths, err):
        return 2
    first = args.paths[0]
    default = os.path.join(first if os.path.isdir(first) else (os.path.dirname(first) or os.curdir), LOCK_NAME)
    path = args.lock or find_lock(args.paths) or default
    ws = load(*args.paths)
    exists = os.path.lexists(path)

    def write(entries: dict[str, str]) -> int:
        try:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(dump_lock(entries))
        except OSError as exc:
            err.write(f"cascade: cannot write {path}: {exc.strerror or exc}\n")
            return 2
        return 0

    if args.init:
        if exists:
            err.write(f"cascade: {path} exists; update it with --accept / {path} sudah ada; perbarui dengan --accept\n")
            return 2
        entries = lock_entries(ws.graph)
        code = write(entries)
        if code == 0:
            err.write(f"cascade: wrote {path}: {len(entries)} linked-to items / {len(entries)} unsur yang ditaut\n")
        return code
    args.accept = [a for a in args.accept if a]
    if args.accept or args.all:
        lock = read_lock(path) if exists else None
        if lock is not None and not lock.usable and not args.all:
            for f in lock.findings:
                err.write(f"cascade: {f.file}:{f.line}: {f.localized(args.lang)}\n")
            return 2
        refs = [a for a in args.accept if not os.path.exists(a)]
        paths = [a for a in args.accept if os.path.exists(a)]
        entries, accepted, unknown = accept(ws, lock, refs, paths, args.all)
        for ref in unknown:
            err.write(f"cascade: {ref}: not a linked-to item, a linking item or a lock entry / bukan unsur yang ditaut\n")
        if unknown and not accepted:
            return 2
        code = write(entries)
        if code == 0:
            err.write(f"cascade: accepted {len(accepted)} item(s) in {path} / {len(accepted)} unsur diterima\n")
        return code
    state = review_state(ws, read_lock(path) if exists else None)
    if not exists:
        err.write(f"cascade: no lock file ({path}); create it with: cascade review --init / belum ada berkas kunci\n")
    if args.format == "json":
        text = json.dumps(state.as_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        lines = []
        for f in state.lock.findings if state.lock is not None else ():
            lines.append(f"{f.file}:{f.line}:{f.column}: {f.code} {f.localized(args.lang)}")
        for s in state.suspect:
            word = ("berubah" if args.lang == "id" else "changed") if s.status == "changed" else ("belum ditinjau" if args.lang == "id" else "unreviewed")
            lines.append(f"{s.file}:{s.line}:{s.column}: {s.ref} -> {s.target} ({word})")
        for ref in state.stale:
            lines.append(f"{path}: {ref}: " + ("tidak lagi ditaut (dibuang oleh --accept --all)" if args.lang == "id" else "no longer linked to (dropped by --accept --all)"))
        head = (f"{len(state.suspect)} tautan perlu ditinjau, {len(state.targets())} unsur berubah" if args.lang == "id"
                else f"{len(state.suspect)} suspect links, {len(state.targets())} changed items")
        text = "\n".join([head, *lines]) + "\n"
    try:
        _emit(text, args.output, out)
    except OSError as exc:
        err.write(f"cascade: cannot write {args.output}: {exc.strerror or exc}\n")
        return 2
    return 1 if state.suspect else 0


def _realign(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..revisions.realign import apply_mapping, read_mapping, realign
    from ..api import load

    if _missing(args.paths, err):
        return 2
    ws = load(*args.paths)
    try:
        if args.apply is not None:
            rows, problems = read_mapping(args.apply)
            result = apply_mapping(ws, rows, old=args.old, new=args.new, dry_run=args.dry_run)
            for p in problems + result.problems:
                err.write(f"cascade: {p}\n")
            for file, n in sorted(result.edited.items()):
                out.write(f"{file}: {n} " + ("tautan diubah" if args.lang == "id" else "links rewritten") + ("" if not args.dry_run else " (dry run)") + "\n")
            return 1 if problems or result.problems else 0
        table = realign(ws, args.old, args.new, top=max(1, args.top))
    except (UsageError, MissingExtraError) as exc:
        err.write(f"cascade: {exc}\n")
        return 2
    try:
        if args.format == "xlsx":
            if args.output is None:
                err.write("cascade: --format xlsx needs --output FILE / xlsx memerlukan --output\n")
                return 2
            table.to_xlsx(args.output)
            return 0
        if args.format == "csv":
            text = table.to_csv()
        elif args.format == "json":
            text = json.dumps({"version": 1, "from": table.old, "to": table.new, "candidates": [c.row() for c in table.candidates]},
                              ensure_ascii=False, indent=2) + "\n"
        else:
            text = table.to_text(args.lang)
        _emit(text, args.output, out)
    except MissingExtraError as exc:
        err.write(f"cascade: {exc}\n")
        return 2
    except OSError as exc:
        err.write(f"cascade: cannot write {args.output}: {exc.strerror or exc}\n")
        return 2
    return 0


def run_revision_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``diff``, ``review`` or ``realign``; returns the exit code."""
    return {"diff": _diff, "review": _review, "realign": _realign}[args.command](args, out, err)
