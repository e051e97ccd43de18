"""Which files are plans: the YAML files under the paths a user names."""

from __future__ import annotations

import os
from typing import Iterable

__all__ = ["YAML_SUFFIXES", "RESERVED_NAMES", "OutsideLink", "discover"]

YAML_SUFFIXES = (".yaml", ".yml")
#: YAML files of a plan repository that are never plans: a team's SAKIP self-assessment (``cascade sakip``).
RESERVED_NAMES = frozenset({"sakip-answers.yaml"})


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
                    if f.endswith(YAML_SUFFIXES) and not f.startswith(".") and f not in RESERVED_NAMES:
                        full = os.path.join(root, f)
                        found.append(OutsideLink(full) if os.path.islink(full) and not _inside(full, top) else full)
            out.extend(sorted(found))
        elif os.path.basename(path) not in RESERVED_NAMES:
            out.append(path)
    return out
