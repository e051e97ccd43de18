"""Which files are plans: the YAML files under the paths a user names, and the workbooks (.xlsx, .csv)
among them, which are read through their sidecar ``<name>.cascade.yaml``.

Reserved names are never plans: ``*.cascade.yaml`` sidecars (they describe a workbook)."""

from __future__ import annotations

import os
from typing import Iterable

__all__ = ["YAML_SUFFIXES", "WORKBOOK_SUFFIXES", "SIDECAR_SUFFIX", "OutsideLink", "discover", "is_plan_name", "is_workbook"]

YAML_SUFFIXES = (".yaml", ".yml")
#: Tables read through a sidecar (cascade.read.workbook); a lock file (~$x.xlsx) is not a table.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".csv")
SIDECAR_SUFFIX = ".cascade.yaml"


def is_plan_name(name: str) -> bool:
    """A file name that discovery reads in a folder: YAML that is not a sidecar, or a workbook."""
    lower = name.lower()
    if name.startswith((".", "~$")):
        return False
    if lower.endswith(SIDECAR_SUFFIX):
        return False
    return lower.endswith(YAML_SUFFIXES) or lower.endswith(WORKBOOK_SUFFIXES)


def is_workbook(path: str) -> bool:
    return path.lower().endswith(WORKBOOK_SUFFIXES)


class OutsideLink(str):
    """A file found in a folder that is a symbolic link to a file outside that folder: never read.

    A pull request can add ``plan.yaml -> ~/.config/gh/hosts.yml``; reading it would quote part of the
    secret in the findings (a document that is not a mapping is quoted in CAS103). The path stays in
    the list, so the file is reported (CAS005) rather than silently skipped; naming it reads it.
    """

    __slots__ = ()


def _inside(path: str, folder: str) -> bool:
    real = os.path.realpath(path)
    return real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The YAML files under ``paths`` (files as given, folders searched recursively), sorted per folder.

    Hidden folders (``.git``, ``.cascade_cache``) are skipped; symlinked folders are not followed, so a
    symlink loop cannot hang the walk; a symlinked file that leads out of its folder is returned as an
    :class:`OutsideLink`, which is reported and not read. Paths keep the form the user gave.
    """
    out: list[str] = []
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
                        found.append(OutsideLink(full) if os.path.islink(full) and not _inside(full, top) else full)
            out.extend(sorted(found))
        else:
            out.append(path)
    return out
