"""The paths a command was given: each must exist and hold a plan file, or the run is a usage error (exit 2).

A mistyped folder in a pre-commit ``args:`` or a CI line must not pass green with "no findings": a
path that does not exist, or that holds no plan file (``cascade lint docs``), stops the run before
anything is checked, and the message says what was searched for. A cache folder that cannot be one
(a file, a symbolic link: the cache never follows one) is a warning, and the run goes on without the
cache, as it would anyway.
"""

from __future__ import annotations

import os
import stat
from typing import Sequence, TextIO

from ..core.oserror import os_reason
from ..core.privacy import mask_nips, mask_output
from ..core.text import escape_unsafe
from ..read.discovery import discover, searched_description
from ..review.config import Settings

__all__ = ["cache_dir_warning", "config_error", "personal_text", "os_reason", "plan_files", "repository_root", "summary_line", "write_error", "write_output"]

_MESSAGES = {
    "write": {"en": "cannot write {path}: {error}", "id": "tidak dapat menulis {path}: {error}"},
    "missing": {"en": "{path}: no such file or folder", "id": "{path}: berkas atau folder tidak ada"},
    "empty": {
        "en": "{path}: no plan file found (searched for {searched})",
        "id": "{path}: tidak ada berkas rencana (dicari: {searched})",
    },
    "excluded": {
        "en": "every plan file under {paths} is left out by 'exclude' in {config}; nothing to check",
        "id": "semua berkas rencana di {paths} dikecualikan oleh 'exclude' di {config}; tidak ada yang diperiksa",
    },
    "cache-not-folder": {
        "en": "warning: cache-dir {path} is not a folder; running without the parse cache",
        "id": "peringatan: cache-dir {path} bukan folder; berjalan tanpa cache",
    },
    "cache-symlink": {
        "en": "warning: cache-dir {path} is a symbolic link, which the cache never follows; running without the parse cache",
        "id": "peringatan: cache-dir {path} adalah tautan simbolik, yang tidak pernah diikuti cache; berjalan tanpa cache",
    },
    "cache-unusable": {
        "en": "warning: cache-dir {path}: {reason}; running without the parse cache",
        "id": "peringatan: cache-dir {path}: {reason}; berjalan tanpa cache",
    },
    "config": {"en": "configuration error: {error}", "id": "kesalahan konfigurasi: {error}"},
    "summary": {
        "en": "cascade: checked {files} {files_word}, {documents} {documents_word}{realisasi}",
        "id": "cascade: {files} berkas, {documents} dokumen{realisasi} diperiksa",
    },
    "summary-realisasi": {"en": " and {n} realisasi {documents_word}", "id": " dan {n} dokumen realisasi"},
}


def _msg(key: str, lang: str, **args: object) -> str:
    return _MESSAGES[key].get(lang, _MESSAGES[key]["en"]).format(**args)


def cache_dir_warning(settings: Settings | None, lang: str) -> str | None:
    """A warning line when the chosen cache folder (``--cache-dir``, ``cache-dir``) exists and is not
    a folder, else None. The cache then reads and writes nothing; without the warning a run would be
    silently cold every time."""
    folder = settings.cache_dir if settings is not None else None
    if not folder:
        return None
    shown = escape_unsafe(folder)
    try:
        st = os.lstat(os.path.abspath(folder))  # as the cache opens it: 'link/' is the link itself
    except FileNotFoundError:
        return None  # created on first use
    except (OSError, ValueError) as exc:  # a part of the path is a file (ENOTDIR), no permission
        reason = os_reason(exc, lang) if isinstance(exc, OSError) else str(exc)
        return f"cascade: {_msg('cache-unusable', lang, path=shown, reason=reason)}\n"
    if stat.S_ISLNK(st.st_mode):
        return f"cascade: {_msg('cache-symlink', lang, path=shown)}\n"
    if not stat.S_ISDIR(st.st_mode):
        return f"cascade: {_msg('cache-not-folder', lang, path=shown)}\n"
    return None


def plan_files(paths: Sequence[str], settings: Settings | None, lang: str, err: TextIO, *, cache: bool = True) -> list[str] | None:
    """The plan files of the run, or None after saying on ``err`` why there are none to check.

    Every path must exist and hold at least one plan file (a file named directly counts as one);
    then the configuration's ``exclude`` must leave at least one. With ``cache`` (the run uses the
    parse cache), a cache folder that is not a folder is a warning on ``err`` (:func:`cache_dir_warning`).
    """
    problems = []
    found: list[str] = []
    for path in paths:
        if not os.path.lexists(path):
            problems.append(_msg("missing", lang, path=path))
            continue
        files = discover([path])
        if not files:
            problems.append(_msg("empty", lang, path=path, searched=searched_description(lang)))
        found.extend(files)
    if problems:
        for line in problems:
            err.write(f"cascade: {line}\n")
        return None
    if settings is not None:
        kept = [p for p in found if not settings.is_excluded(p)]
        if not kept:
            config = settings.path or "cascade.toml"
            err.write(f"cascade: {_msg('excluded', lang, paths=', '.join(paths), config=config)}\n")
            return None
        found = kept
    warning = cache_dir_warning(settings, lang) if cache else None
    if warning:
        err.write(warning)
    return found


def repository_root(start: str | None = None) -> str:
    """The root of the git repository around ``start`` (default: the working directory), else ``start``.

    Machine-readable reports (SARIF, GitLab Code Quality, JUnit) give paths relative to it, so that
    the paths and fingerprints of a finding do not depend on the folder the command was started in
    (``cd plans && cascade lint .`` and ``cascade lint plans`` report the same). GitLab's
    ``CI_PROJECT_DIR`` wins when the working directory is inside it.
    """
    here = os.path.abspath(start or os.curdir)
    project = os.environ.get("CI_PROJECT_DIR")
    if project and (here == os.path.abspath(project) or here.startswith(os.path.abspath(project).rstrip(os.sep) + os.sep)):
        return os.path.abspath(project)
    folder = here
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return here
        folder = parent


def config_error(error: Exception, lang: str) -> str:
    """The line for standard error that says the configuration is wrong (exit code 2): a
    :class:`~cascade.review.config.ConfigError` in ``lang``, another error (a rule option of the wrong
    shape, a :class:`~cascade.core.errors.UsageError`) as it says itself."""
    localized = getattr(error, "localized", None)
    return f"cascade: {_msg('config', lang, error=localized(lang) if callable(localized) else str(error))}\n"


def summary_line(files: int, documents: int, lang: str, realisasi: int = 0) -> str:
    """One line for standard error: how many files and documents the run checked (plan documents,
    and realisasi documents when there are some: a realisasi file linted alone checked "0 documents")."""
    extra = _msg("summary-realisasi", lang, n=realisasi, documents_word="document" if realisasi == 1 else "documents") if realisasi else ""
    return _msg(
        "summary", lang, files=files, documents=documents, realisasi=extra,
        files_word="file" if files == 1 else "files", documents_word="document" if documents == 1 else "documents",
    ) + "\n"


def personal_text(text: str, show_personal: bool) -> str:
    """A message for standard error that quotes the plans (a did-you-mean reference): NIPs outlined
    unless ``show_personal``, as :func:`write_output` outlines them in the output."""
    return text if show_personal else mask_nips(text)


def write_error(path: str | None, exc: Exception, lang: str) -> str:
    """The line that says ``path`` cannot be written: an OSError in the user's language
    (:func:`os_reason`), a ValueError (a NUL in the name) as it is."""
    error = os_reason(exc, lang) if isinstance(exc, OSError) else str(exc)
    return f"cascade: {_msg('write', lang, path=path, error=error)}\n"


def write_output(text: str, output: str | None, out: TextIO, err: TextIO, lang: str, *,
                 show_personal: bool = False, json_text: bool = False) -> int:
    """What every command does with its result: ``text`` to the file ``output`` (``--output``; an
    empty name is a file that cannot be written, not the terminal), else to ``out``. Returns the exit
    code: 0, or 2 after saying on ``err`` why the file cannot be written.

    Unless ``show_personal`` (the command's ``--show-personal``), every NIP in ``text`` is outlined
    (:func:`cascade.core.privacy.mask_output`; ``json_text``: the text is JSON and stays valid JSON),
    whichever field of the plan carried it: an 18-digit element or indicator id is a NIP too."""
    if not show_personal:
        text = mask_output(text, json_text)
    if output is None:
        out.write(text)
        return 0
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        err.write(write_error(output, exc, lang))
        return 2
    return 0
