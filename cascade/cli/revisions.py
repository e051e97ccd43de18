"""The ``diff``, ``review`` and ``realign`` commands: plan revisions on the command line.

Exit codes as ``cascade lint``: 0 done; 1 ``diff --fail-on-impact`` when something below depends on
a change, ``review`` when suspect links remain, ``realign --apply`` when a confirmed row could not
be applied; 2 usage errors (a path that does not exist or holds no plan file, checked as ``cascade
lint`` checks it, :mod:`cascade.cli.inputs`; a side of ``diff`` or a named file that gives no
document; not a git repository, unknown revision or document, unreadable mapping, an existing lock
for ``--init``, a ``review --lock FILE`` that is missing or cannot be read). Messages are in the run's language (``--lang``), the library's errors through their
``localized``.
"""

from __future__ import annotations

import argparse
import os
from typing import Any, TextIO

from ..core.errors import MissingExtraError, UsageError
from ..core.findings import DEFAULT_LANG, LANGUAGES
from ..core.text import json_text


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
    r.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANG, help=f"language of the output (default: {DEFAULT_LANG})")
    r.add_argument("--exit-zero", action="store_true", help="exit 0 even when suspect links remain")
    r.add_argument("--show-personal", action="store_true", help="show employee numbers (NIP) instead of masking them")

    a = sub.add_parser("realign", help="propose re-alignment of links from an old upper plan to a new one / usulan penyelarasan ke RPJMN baru")
    a.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders holding both documents and the plans below")
    a.add_argument("--from", dest="old", required=True, metavar="DOC", help="the old document id (rpjmn-2020)")
    a.add_argument("--to", dest="new", required=True, metavar="DOC", help="the new document id (rpjmn-2025)")
    a.add_argument("--format", choices=("text", "csv", "xlsx", "json"), default="text", help="table format (xlsx needs --output and the xlsx extra: pip install openpyxl)")
    a.add_argument("--output", metavar="FILE", help="write the table to FILE")
    from .argtypes import positive

    a.add_argument("--top", type=positive, default=3, metavar="N", help="candidates per link, 1 or more (default 3)")
    a.add_argument("--apply", metavar="MAPPING", help="write the confirmed rows of MAPPING (CSV or xlsx with a 'confirm' column) into the YAML")
    a.add_argument("--dry-run", action="store_true", help="with --apply: show what would change, write nothing")
    a.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANG, help=f"language of the output (default: {DEFAULT_LANG})")
    a.add_argument("--exit-zero", action="store_true", help="with --apply: exit 0 even when a confirmed row could not be applied")
    a.add_argument("--show-personal", action="store_true", help="show employee numbers (NIP) instead of masking them")


_MESSAGES = {
    "diff-usage": {"en": "diff takes OLD NEW, or --git REV [PATH]", "id": "diff memerlukan OLD NEW, atau --git REV [PATH]"},
    "diff-git-one": {"en": "diff --git takes one PATH", "id": "diff --git menerima satu PATH"},
    "missing": {"en": "{path}: no such file or folder", "id": "{path}: berkas atau folder tidak ada"},
    "skipped": {"en": "{file}: could not be read; its documents are left out of the comparison",
                "id": "{file}: tidak terbaca; dokumennya tidak dibandingkan"},
    "lock-exists": {"en": "{path} exists; update it with --accept", "id": "{path} sudah ada; perbarui dengan --accept"},
    "lock-written": {"en": "wrote {path}: {n} linked-to items", "id": "{path} ditulis: {n} unsur yang ditaut"},
    "not-linked": {"en": "{ref}: not a linked-to item, a linking item or a lock entry",
                   "id": "{ref}: bukan unsur yang ditaut, unsur yang menaut, atau entri berkas kunci"},
    "accepted": {"en": "accepted {n} item(s) in {path}", "id": "{n} unsur diterima di {path}"},
    "no-lock": {"en": "no lock file ({path}); create it with: cascade review --init",
                "id": "belum ada berkas kunci ({path}); buat dengan: cascade review --init"},
    "xlsx-output": {"en": "--format xlsx needs --output FILE", "id": "--format xlsx memerlukan --output FILE"},
}


def _msg(key: str, lang: str, **args: object) -> str:
    return _MESSAGES[key].get(lang, _MESSAGES[key]["en"]).format(**args)


def _say(err: TextIO, key: str, lang: str, **args: object) -> None:
    err.write(f"cascade: {_msg(key, lang, **args)}\n")


def _write_error(err: TextIO, path: str | None, exc: OSError, lang: str) -> int:
    from .paths import write_error

    err.write(write_error(path, exc, lang))
    return 2


def _diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..graph import load_workspace
    from ..revisions.api import diff_git, diff_loaded
    from ..revisions.render import render_diff
    from .inputs import localized, no_documents, workspace_paths

    lang = args.lang
    if args.git is None and len(args.paths) != 2:
        _say(err, "diff-usage", lang)
        return 2
    if args.git is not None and len(args.paths) > 1:
        _say(err, "diff-git-one", lang)
        return 2
    paths = args.paths or ["."]
    if args.git is None:
        # each side as lint takes a path: it must exist and hold a plan file (`cascade diff specs
        # /tmp/empty` is a mistyped folder, not "every document removed")
        sides = [workspace_paths([p], None, lang, err) for p in paths]
        if any(side is None for side in sides):
            return 2
    elif not os.path.exists(paths[0]):  # the working tree may hold no plan file any more: a removal
        _say(err, "missing", lang, path=paths[0])
        return 2
    try:
        if args.git is not None:
            result = diff_git(args.git, paths[0], show_personal=args.show_personal)
        else:
            loaded = [load_workspace(p, show_personal=args.show_personal) for p in paths]
            if any(no_documents(ws, [p], lang, err) for ws, p in zip(loaded, paths)):
                return 2  # a side that is no plan at all (`cascade diff specs notes.txt`): not "everything removed"
            result = diff_loaded(loaded[0], loaded[1], old_root=paths[0], new_root=paths[1], show_personal=args.show_personal)
    except UsageError as exc:
        err.write(f"cascade: {localized(exc, lang)}\n")
        return 2
    for f in result.skipped:
        _say(err, "skipped", lang, file=f)
    from .paths import write_output

    if write_output(render_diff(result, args.format, lang), args.output, out, err, lang,
                    show_personal=args.show_personal, json_text=args.format == "json"):
        return 2
    return 1 if args.fail_on_impact and result.impacted else 0


def _load(args: argparse.Namespace, err: TextIO, **kwargs: Any) -> Any:
    """The workspace of ``args.paths``, checked as lint checks its paths; None after saying why not (exit 2)."""
    from ..api import load
    from .inputs import no_documents, workspace_paths

    paths = workspace_paths(args.paths, None, args.lang, err)
    if paths is None:
        return None
    ws = load(*paths, **kwargs)
    return None if no_documents(ws, paths, args.lang, err) else ws


def _review(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..revisions.lock import LOCK_NAME, accept, dump_lock, find_lock, lock_entries, read_lock, review_state

    lang = args.lang
    ws = _load(args, err)
    if ws is None:
        return 2
    first = args.paths[0]
    default = os.path.join(first if os.path.isdir(first) else (os.path.dirname(first) or os.curdir), LOCK_NAME)
    path = args.lock or find_lock(args.paths) or default
    exists = os.path.lexists(path)
    if args.lock is not None and not args.init and not args.all:
        # a lock file named on the command line is an input, as lint's --baseline and --config are: one
        # that is missing or cannot be read is a usage error (exit 2), not "every link unreviewed" (exit
        # 1). A lock found (or not) beside the plans keeps its meaning: none yet means nothing reviewed.
        # --init creates the file, --accept --all rewrites it from the current state; --accept REF
        # creates a missing one (below) and refuses an unreadable one.
        if not exists and not args.accept:
            _say(err, "no-lock", lang, path=path)
            return 2
        named = read_lock(path) if exists else None
        if named is not None and not named.usable:
            for f in named.findings:
                err.write(f"cascade: {f.file}:{f.line}:{f.column}: {f.code} {f.localized(lang)}\n")
            return 2

    def write(entries: dict[str, str]) -> int:
        try:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(dump_lock(entries))
        except OSError as exc:
            return _write_error(err, path, exc, lang)
        return 0

    if args.init:
        if exists:
            _say(err, "lock-exists", lang, path=path)
            return 2
        entries = lock_entries(ws.graph)
        code = write(entries)
        if code == 0:
            _say(err, "lock-written", lang, path=path, n=len(entries))
        return code
    args.accept = [a for a in args.accept if a]
    if args.accept or args.all:
        lock = read_lock(path) if exists else None
        if lock is not None and not lock.usable and not args.all:
            for f in lock.findings:
                err.write(f"cascade: {f.file}:{f.line}: {f.localized(lang)}\n")
            return 2
        refs = [a for a in args.accept if not os.path.exists(a)]
        paths = [a for a in args.accept if os.path.exists(a)]
        entries, accepted, unknown = accept(ws, lock, refs, paths, args.all)
        for ref in unknown:
            _say(err, "not-linked", lang, ref=ref)
        if unknown and not accepted:
            return 2
        code = write(entries)
        if code == 0:
            _say(err, "accepted", lang, n=len(accepted), path=path)
        return code
    state = review_state(ws, read_lock(path) if exists else None)
    if not exists:
        _say(err, "no-lock", lang, path=path)
    if args.format == "json":
        text = json_text(state.as_dict(lang))
    else:
        lines = []
        for f in state.lock.findings if state.lock is not None else ():
            lines.append(f"{f.file}:{f.line}:{f.column}: {f.code} {f.localized(lang)}")
        for s in state.suspect:
            word = ("berubah" if lang == "id" else "changed") if s.status == "changed" else ("belum ditinjau" if lang == "id" else "unreviewed")
            lines.append(f"{s.file}:{s.line}:{s.column}: {s.ref} -> {s.target} ({word})")
        for ref in state.stale:
            lines.append(f"{path}: {ref}: " + ("tidak lagi ditaut (dibuang oleh --accept --all)" if lang == "id" else "no longer linked to (dropped by --accept --all)"))
        head = (f"{len(state.suspect)} tautan perlu ditinjau, {len(state.targets())} unsur berubah" if lang == "id"
                else f"{len(state.suspect)} suspect links, {len(state.targets())} changed items")
        from ..core.text import join_lines

        text = join_lines([head, *lines])  # a reference's line break shown as \u000a within its line
    from .paths import write_output

    if write_output(text, args.output, out, err, lang, show_personal=args.show_personal, json_text=args.format == "json"):
        return 2
    return 1 if state.suspect and not args.exit_zero else 0


def _realign(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..revisions.realign import apply_mapping, read_mapping, realign
    from .inputs import localized

    lang = args.lang
    ws = _load(args, err)
    if ws is None:
        return 2
    try:
        if args.apply is not None:
            rows, problems = read_mapping(args.apply)
            result = apply_mapping(ws, rows, old=args.old, new=args.new, dry_run=args.dry_run)
            for p in problems + result.problems:
                err.write(f"cascade: {localized(p, lang)}\n")
            for file, n in sorted(result.edited.items()):
                out.write(f"{file}: {n} " + ("tautan diubah" if lang == "id" else "links rewritten")
                          + ("" if not args.dry_run else (" (uji coba, tidak ditulis)" if lang == "id" else " (dry run)")) + "\n")
            return 1 if (problems or result.problems) and not args.exit_zero else 0
        table = realign(ws, args.old, args.new, top=args.top)
    except (UsageError, MissingExtraError) as exc:
        err.write(f"cascade: {localized(exc, lang)}\n")
        return 2
    try:
        if args.format == "xlsx":
            if args.output is None:
                _say(err, "xlsx-output", lang)
                return 2
            table.to_xlsx(args.output, lang, show_personal=args.show_personal)
            return 0
        if args.format == "csv":
            text = table.to_csv(lang)
        elif args.format == "json":
            text = json_text({"version": 1, "from": table.old, "to": table.new, "candidates": [c.row() for c in table.candidates]})
        else:
            text = table.to_text(lang)
    except MissingExtraError as exc:
        err.write(f"cascade: {localized(exc, lang)}\n")
        return 2
    except OSError as exc:
        return _write_error(err, args.output, exc, lang)
    from .paths import write_output

    return write_output(text, args.output, out, err, lang, show_personal=args.show_personal, json_text=args.format == "json")


def run_revision_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``diff``, ``review`` or ``realign``; returns the exit code."""
    return {"diff": _diff, "review": _review, "realign": _realign}[args.command](args, out, err)
