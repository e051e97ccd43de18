"""Finding the plan files under the paths a user names: which files are plans, and which are never read.

A plan file is a ``*.yaml`` or ``*.yml`` file that is not hidden, not in a hidden folder and not one of
the names reserved for files that sit beside plans without being plans (:data:`RESERVED_NAMES`,
:data:`RESERVED_SUFFIXES`: configuration such as ``*.cascade.yaml``, SAKIP questionnaire answers,
``cascade.lock``) or the names of other tools' YAML (:data:`TOOL_FILE_NAMES`: ``mkdocs.yml``,
``docker-compose.yml``...). A workbook or CSV table (``*.xlsx``, ``*.xlsm``, ``*.csv``; not an Office lock file
``~$x.xlsx``) is a plan too, read through its sidecar ``<name>.cascade.yaml``
(:mod:`cascade.read.workbook`). Files named directly are taken as given; folders are searched recursively.

Plan repositories take pull requests from strangers, so a symbolic link found in a folder is read
only when it leads to a plan file inside that folder: a link out of the folder, to a hidden file or
folder (``plans/b.yaml -> ../.ci-token``), or to a file that is not a plan (``x.yaml -> ../notes.txt``)
is returned as an :class:`OutsideLink`, which the loader reports (CAS005) and never reads.
"""

from __future__ import annotations

import os
import re
import stat
from typing import Callable, Iterable

__all__ = [
    "HiddenLink",
    "OutsideLink",
    "RESERVED_NAMES",
    "RESERVED_SUFFIXES",
    "YAML_SUFFIXES",
    "declares_document",
    "discover",
    "is_plan_name",
    "is_workbook",
    "leaves",
    "searched_description",
    "sidecar_link",
    "table_link",
    "SIDECAR_SUFFIX",
    "TOOL_FILE_NAMES",
    "WORKBOOK_SUFFIXES",
]

YAML_SUFFIXES = (".yaml", ".yml")
#: Tables read through a sidecar (cascade.read.workbook); an Office lock file (~$x.xlsx) is not a table.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".csv")
#: The sidecar of ``report.xlsx`` is ``report.cascade.yaml`` (one of :data:`RESERVED_SUFFIXES`).
SIDECAR_SUFFIX = ".cascade.yaml"

#: File names that are never plans, though they may end in ``.yaml``: the answers of a SAKIP
#: self-assessment kept beside the plans, and the lock file of a resolved workspace.
RESERVED_NAMES = frozenset(("sakip-answers.yaml", "sakip-answers.yml", "cascade.lock"))

#: The YAML files of other tools that plan repositories commonly hold beside their plans (a
#: documentation site, containers, CI services, a conda environment, a GitHub action): a folder
#: search skips them (``cascade lint .`` in a repository with ``mkdocs.yml`` reported it as a broken
#: plan), and naming one skips it with a note, as for the reserved names; unless the file starts a
#: line with ``document:`` (:func:`declares_document`): a plan so named is still read and checked.
TOOL_FILE_NAMES = frozenset((
    "mkdocs.yml", "mkdocs.yaml", "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml",
    "environment.yml", "environment.yaml", "action.yml", "action.yaml", "codecov.yml", "codecov.yaml",
    "azure-pipelines.yml", "azure-pipelines.yaml", "bitbucket-pipelines.yml", "appveyor.yml", "readthedocs.yml",
    "readthedocs.yaml", "pubspec.yaml", "chart.yaml", "pnpm-lock.yaml", "pnpm-workspace.yaml", "citation.yaml",
))

_DOCUMENT_KEY = re.compile(rb"""^(?:\xef\xbb\xbf)?(?:document|"document"|'document')[ \t]*:""", re.M)


def declares_document(path: str) -> bool:
    """Whether the regular file ``path`` starts a line with ``document:`` in its first 64 KiB: a file
    with the name of another tool's file (:data:`TOOL_FILE_NAMES`) that is written as a plan is read
    as one, so naming a plan ``mkdocs.yml`` cannot hide it from review. Opened without blocking and
    checked on the descriptor (a FIFO so named is no regular file); a symbolic link is not followed."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError):
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        return _DOCUMENT_KEY.search(os.read(fd, 65536)) is not None
    except OSError:
        return False
    finally:
        os.close(fd)


#: Name endings that are never plans: ``*.cascade.yaml`` holds settings for tools, not a document.
RESERVED_SUFFIXES = (".cascade.yaml", ".cascade.yml")


class OutsideLink(str):
    """A file found in a folder that is a symbolic link it must not be read through: never read.

    A pull request can add ``plan.yaml -> ~/.config/gh/hosts.yml`` or ``plans/b.yaml -> ../.ci-token``;
    reading it would quote part of the secret in the findings (a document that is not a mapping is
    quoted in CAS103). The path stays in the list, so the file is reported (CAS005) rather than
    silently skipped; naming it reads it.
    """

    __slots__ = ()


class HiddenLink(OutsideLink):
    """An :class:`OutsideLink` that stays inside the folder but leads to a hidden file or folder, or to a
    file that is not a plan (``plans/b.yaml -> ../.ci-token`` when the repository is checked)."""

    __slots__ = ()


def is_plan_name(name: str) -> bool:
    """Whether a file called ``name`` (no folder) is taken for a plan when a folder is searched."""
    lower = name.lower()  # reserved names in any case (Windows file names ignore it); the suffix as before
    if name.startswith((".", "~$")) or lower in RESERVED_NAMES or lower in TOOL_FILE_NAMES or lower.endswith(RESERVED_SUFFIXES):
        return False
    return name.endswith(YAML_SUFFIXES) or lower.endswith(WORKBOOK_SUFFIXES)


def is_workbook(path: str) -> bool:
    """Whether ``path`` names a table read through a sidecar rather than a YAML plan."""
    return path.lower().endswith(WORKBOOK_SUFFIXES)


def _link(full: str, top: str, name_ok: Callable[[str], bool] = is_plan_name) -> str:
    """``full`` itself when the symbolic link, found under the real folder ``top``, leads to a plan file
    in it; else an :class:`OutsideLink` (out of the folder) or :class:`HiddenLink`.

    Every component of the target below ``top`` must be visible (no ``.git``, ``.ci-token``) and the
    target's own name must be a plan name (``name_ok``): a link is no way round the rules a plain file obeys.
    """
    where = leaves(os.path.realpath(full), top, name_ok)
    if where is None:
        return full
    return OutsideLink(full) if where == "outside" else HiddenLink(full)


def leaves(real: str, top: str, name_ok: Callable[[str], bool] = lambda name: True) -> str | None:
    """Whether the real path ``real`` leaves the real folder ``top``: ``"outside"`` when it is not
    below it, ``"hidden"`` when a part of it below ``top`` is hidden (``.git``, ``.ci-token``) or its
    own name fails ``name_ok``, None when it stays. The one rule for links found in a folder, sidecars
    and layout files."""
    if not real.startswith(top.rstrip(os.sep) + os.sep):
        return "outside"
    parts = os.path.relpath(real, top).split(os.sep)
    if any(p.startswith(".") for p in parts) or not name_ok(parts[-1]):
        return "hidden"
    return None


def sidecar_link(path: str) -> str:
    """``path`` (a table's sidecar) itself when it may be read; else an :class:`OutsideLink` or :class:`HiddenLink`.

    The rule of :func:`discover` for symbolic links, applied to the sidecar, which is looked up beside
    its table rather than found: a sidecar that is a link must lead to a visible ``*.cascade.yaml``
    inside the sidecar's own folder (subfolders allowed). ``a.cascade.yaml -> ~/.config/gh/hosts.yml``
    would otherwise be read, and a sidecar that is not a mapping is quoted in the findings.
    """
    if not os.path.islink(path):
        return path
    top = os.path.realpath(os.path.dirname(path) or os.curdir)
    return _link(path, top, lambda name: name.lower().endswith(RESERVED_SUFFIXES))


def table_link(path: str) -> str:
    """``path`` (a table found beside a sidecar named on the command line) itself when it may be read;
    else an :class:`OutsideLink` or :class:`HiddenLink`, as :func:`discover` treats a link in a folder.

    The user named the sidecar, not the table: ``iku.csv -> ../../secret.csv`` beside it must not be
    read (a table's cells are quoted in the findings).
    """
    if not os.path.islink(path):
        return path
    top = os.path.realpath(os.path.dirname(path) or os.curdir)
    return _link(path, top, is_workbook)


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The plan files under ``paths`` (files as given, folders searched recursively), sorted per folder.

    Hidden folders (``.git``, ``.cascade_cache``), hidden files and reserved names are skipped; symlinked
    folders are not followed, so a symlink loop cannot hang the walk; a symlinked file that does not
    lead to a plan file inside its folder is returned as an :class:`OutsideLink`, which is reported
    and not read. Paths keep the form the user gave.
    """
    out: list[str] = []
    if isinstance(paths, (str, bytes, os.PathLike)):  # one path, not its characters
        paths = [paths]
    for raw in paths:
        path = os.fsdecode(raw)  # also a bytes path, as str with its undecodable bytes escaped
        if os.path.isdir(path):
            found = []
            top = os.path.realpath(path)
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if is_plan_name(f):
                        full = os.path.join(root, f)
                        found.append(_link(full, top) if os.path.islink(full) else full)
                    elif f.lower() in TOOL_FILE_NAMES and declares_document(os.path.join(root, f)):
                        found.append(os.path.join(root, f))  # a plan under another tool's name is still a plan
            out.extend(sorted(found))
        else:
            out.append(path)
    return out


def searched_description(lang: str = "en") -> str:
    """What :func:`discover` looks for in a folder, for the message that says none was found."""
    skipped = ", ".join(["*" + s for s in RESERVED_SUFFIXES[:1]] + sorted(n for n in RESERVED_NAMES if not n.endswith(".yml")))
    if lang == "id":
        return (f"*.yaml dan *.yml (serta *.xlsx, *.xlsm, *.csv dengan sidecar *.cascade.yaml), termasuk subfolder; "
                f"folder dan berkas tersembunyi, nama khusus ({skipped}) dan berkas perangkat lain (mkdocs.yml, "
                f"docker-compose.yml...) dilewati")
    return (f"*.yaml and *.yml (and *.xlsx, *.xlsm, *.csv with a *.cascade.yaml sidecar), subfolders included; "
            f"hidden folders and files, reserved names ({skipped}) and other tools' files (mkdocs.yml, "
            f"docker-compose.yml...) are skipped")
