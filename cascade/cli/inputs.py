"""The paths every command reads plans from, checked the one way ``cascade lint`` checks them.

Each command that reads a workspace (``lint``, ``report``, ``export``, ``capaian``, ``sakip``,
``review``, ``diff``, ``realign``) calls :func:`workspace_paths` before loading anything:

- A reserved file named on the command line is not read as a plan (``docs/pipelines.md``: sidecars,
  ``cascade.lock`` and ``sakip-answers.yaml`` are never plans). A sidecar ``x.cascade.yaml`` stands for
  its table (``x.xlsx``, ``x.xlsm`` or ``x.csv``), which is checked in its place; a ``cascade.lock``,
  ``sakip-answers.yaml`` or a sidecar without its table is left out, with a note on standard error.
  This is what a hook that passes the changed files' names needs (``pre-commit`` with
  ``pass_filenames``): a commit that changes only the lock file is not a plan error.
- Then every path left must exist and hold a plan file (:func:`cascade.cli.paths.plan_files`, the
  check and the messages of ``cascade lint``): else exit code 2, so that a mistyped folder never
  passes green with an empty result.
- When only reserved files were named, nothing is left to check: ``cascade lint`` says so and exits 0
  with an empty report (the hook's commit is clean); every other command needs plans to work on and
  exits 2 with the same sentence.

Also :func:`localized`: the message of an exception of the library in the run's language, for the
exceptions that carry one (``localized(lang)``, as :class:`cascade.review.config.ConfigError`).
"""

from __future__ import annotations

import os
from typing import Any, Sequence, TextIO

__all__ = ["NOTHING", "load_plans", "localized", "named_paths", "no_documents", "workspace_paths"]

_MESSAGES = {
    "lock": {"en": "{path}: the lock file of reviewed links, not a plan; skipped",
             "id": "{path}: berkas kunci tinjauan tautan, bukan rencana; dilewati"},
    "answers": {"en": "{path}: SAKIP answers, not a plan; skipped",
                "id": "{path}: jawaban SAKIP, bukan rencana; dilewati"},
    "tool": {"en": "{path}: another tool's file, not a plan; skipped",
             "id": "{path}: berkas perangkat lain, bukan rencana; dilewati"},
    "sidecar": {"en": "{path}: the sidecar of a table that is not there ({tables}); skipped",
                "id": "{path}: sidecar dari tabel yang tidak ada ({tables}); dilewati"},
    "unreadable": {"en": "no plan document could be read from {paths}",
                   "id": "tidak ada dokumen rencana yang dapat dibaca dari {paths}"},
    "nothing": {"en": "nothing to check: every file named is a reserved file, not a plan",
                "id": "tidak ada yang diperiksa: semua berkas yang disebut adalah berkas khusus, bukan rencana"},
}

#: What :func:`workspace_paths` returns when only reserved files were named (the caller decides).
NOTHING: list[str] = []


def _msg(key: str, lang: str, **args: object) -> str:
    return _MESSAGES[key].get(lang, _MESSAGES[key]["en"]).format(**args)


def named_paths(paths: Sequence[str], lang: str, err: TextIO | None) -> list[str]:
    """``paths`` with the reserved files named directly replaced: a sidecar by its table(s), a lock
    file, SAKIP answers or a sidecar without a table left out (a note on ``err`` for each, unless
    ``err`` is None). Folders and every other path are kept as given; duplicates are dropped."""
    from ..read.discovery import RESERVED_NAMES, RESERVED_SUFFIXES, TOOL_FILE_NAMES, WORKBOOK_SUFFIXES, declares_document, table_link

    out: list[str] = []
    for path in paths:
        name = os.path.basename(os.fsdecode(path).rstrip("/" + os.sep)).lower()
        reserved = (name in RESERVED_NAMES or name.endswith(RESERVED_SUFFIXES)
                    or (name in TOOL_FILE_NAMES and not declares_document(os.fsdecode(path))))
        if not reserved or os.path.isdir(path) or not os.path.lexists(path):
            out.append(path)  # a missing path is the plan check's to report
            continue
        if name.endswith(RESERVED_SUFFIXES):
            stem = path[: -len(next(s for s in RESERVED_SUFFIXES if name.endswith(s)))]
            # a table that is a link out of its folder stays an OutsideLink: reported (CAS005), never read
            tables = [table_link(stem + s) for s in WORKBOOK_SUFFIXES if os.path.isfile(stem + s)]
            if tables:
                out.extend(tables)
                continue
            note = _msg("sidecar", lang, path=path, tables=", ".join(os.path.basename(stem) + s for s in WORKBOOK_SUFFIXES))
        else:
            note = _msg("lock" if name == "cascade.lock" else "tool" if name in TOOL_FILE_NAMES else "answers", lang, path=path)
        if err is not None:
            err.write(f"cascade: {note}\n")
    return list(dict.fromkeys(out))


def workspace_paths(paths: Sequence[str], settings: Any, lang: str, err: TextIO, *, quiet: bool = False,
                    nothing_is_clean: bool = False, cache: bool = False) -> list[str] | None:
    """The paths to load (as the user gave them, reserved files named directly resolved), or None
    after saying on ``err`` why the run cannot go on (exit code 2).

    ``settings`` (a :class:`cascade.review.config.Settings`, or None) applies its ``exclude`` as
    ``cascade lint`` does. When only reserved files were named, :data:`NOTHING` (an empty list) is
    returned if ``nothing_is_clean`` (``lint``: exit 0), else None; the sentence is written either way.
    ``cache``: the run uses the parse cache (``lint`` without ``--no-cache``), so a cache folder that
    cannot be one is warned about (:func:`cascade.cli.paths.plan_files`).
    """
    from .paths import plan_files

    kept = named_paths(paths, lang, None if quiet else err)
    if not kept and paths:
        if not (quiet and nothing_is_clean):
            err.write(f"cascade: {_msg('nothing', lang)}\n")
        return NOTHING if nothing_is_clean else None
    if plan_files(kept, settings, lang, err, cache=cache) is None:
        return None
    return kept


def no_documents(ws: Any, paths: Sequence[str], lang: str, err: TextIO) -> bool:
    """Whether nothing of ``ws`` could be read: no plan and no realisasi document (``cascade capaian
    notes.txt``: a named file that is not a plan). Then the load's errors that say why, and a
    sentence, are written on ``err`` (the caller exits 2: there is no workspace to work on)."""
    if ws.parsed or ws.graph.graph.get("realisasi_docs"):
        return False
    from ..core.findings import Severity

    for f in ws.findings:
        if f.severity == Severity.ERROR:
            where = f"{f.file}:{f.line}:{f.column}" if f.line else f"{f.file}"
            err.write(f"cascade: {where}: {f.code} {f.localized(lang)}\n")
    err.write(f"cascade: {_msg('unreadable', lang, paths=', '.join(paths))}\n")
    return True


def localized(exc: object, lang: str) -> str:
    """The message of ``exc`` (an exception, or a problem string of the library) in ``lang`` when it
    carries one (``exc.localized(lang)``), else ``str(exc)``."""
    method = getattr(exc, "localized", None)
    if callable(method):
        try:
            return str(method(lang))
        except Exception:  # a localized() of another signature: the plain message
            pass
    return str(exc)


def load_plans(paths: Sequence[str], settings: Any, lang: str, err: TextIO, *, show_personal: bool = False) -> Any:
    """The workspace of the plan files under ``paths``, checked (:func:`workspace_paths`) and found as
    ``cascade lint`` finds them, without those the configuration's ``exclude`` leaves out; or None after
    saying on ``err`` why there is none to work on (the caller exits 2): a path that is not there or
    holds no plan, a named file that is no plan (:func:`no_documents`)."""
    checked = workspace_paths(paths, settings, lang, err)
    if checked is None:
        return None
    from ..api import load
    from ..read.discovery import discover

    ws = load(*[p for p in discover(checked) if not settings.is_excluded(p)], show_personal=show_personal)
    return None if no_documents(ws, checked, lang, err) else ws
