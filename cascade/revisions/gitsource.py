"""A workspace as it was at a git revision, read through git (``ls-tree``, ``cat-file``), no checkout.

Every plan file (``*.yaml``, ``*.yml``) under the path at the revision is read from the object
store and loaded as :func:`cascade.load` loads a file, named ``REV:path`` in findings. The
revision and the path are passed to git as arguments after ``--end-of-options``/``--``, never through
a shell; a revision starting with ``-`` is refused.
"""

from __future__ import annotations

import os
import subprocess
from typing import Any

from .errors import RevisionError
from ..core.findings import Span
from ..core.oserror import os_reason
from ..core.sourcemap import SourceMap
from ..read.loader import DEFAULT_LIMITS, LoadedFile, Limits, load_bytes
from ..build.loading import parse_loaded
from ..core.pool import bulk
from ..graph import Workspace
from ..rules.catalog import make_finding

__all__ = ["GitError", "load_revision", "split_range"]

_SUFFIXES = (".yaml", ".yml")


class GitError(RevisionError):
    """git is missing, the folder is not in a repository, or the revision names nothing (the message
    in Bahasa Indonesia in ``message_id``, for the command line)."""


def _git(args: list[str], cwd: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, check=False)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise GitError(f"cannot run git: {reason}", f"git tidak dapat dijalankan: {os_reason(exc, 'id')}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        said = message[-1] if message else "failed"
        raise GitError(f"git {args[0]}: {said}", f"git {args[0]}: {message[-1] if message else 'gagal'}")
    return done.stdout


def split_range(rev: str) -> tuple[str, str | None]:
    """``A..B`` -> (A, B); ``A`` -> (A, None): None means the working tree."""
    if ".." in rev and "..." not in rev:
        a, b = rev.split("..", 1)
        return a or "HEAD", b or "HEAD"
    return rev, None


def load_revision(rev: str, path: str = ".", *, limits: Limits = DEFAULT_LIMITS, show_personal: bool = False) -> Any:
    """The :class:`~cascade.graph.Workspace` of the plan files under ``path`` at revision ``rev``."""
    if not isinstance(rev, str) or not rev or rev.startswith("-") or "\0" in rev or "\n" in rev:
        raise GitError(f"not a git revision: {rev!r}", f"bukan revisi git: {rev!r}")
    path = os.fsdecode(path)
    folder = path if os.path.isdir(path) else (os.path.dirname(path) or os.curdir)
    try:
        top = _git(["rev-parse", "--show-toplevel"], folder).decode("utf-8", "surrogateescape").strip()
    except GitError as exc:
        if isinstance(exc.__cause__, OSError):  # git itself could not be run
            raise
        raise GitError(f"{path}: not in a git repository", f"{path}: tidak berada di dalam repositori git") from exc
    try:  # --quiet: git says nothing of a revision it does not know, so the message names it here
        commit = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], folder).decode().strip()
    except GitError as exc:
        raise GitError(f"unknown git revision '{rev}' (no commit of that name in the repository of {path})",
                       f"revisi git '{rev}' tidak dikenal (tidak ada commit bernama itu di repositori {path})") from exc
    rel = os.path.relpath(os.path.abspath(path), os.path.realpath(top))
    rel = os.path.relpath(os.path.realpath(path), os.path.realpath(top)) if rel.startswith("..") else rel
    listing = _git(["ls-tree", "-r", "-z", "-l", "--full-tree", "--end-of-options", commit, *([] if rel == "." else ["--", rel])], top)
    blobs: list[tuple[str, str, int]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, name_b = entry.partition(b"\t")
        mode, kind, oid, size_text = meta.decode().split()
        name = name_b.decode("utf-8", "surrogateescape")
        base = os.path.basename(name)
        if kind != "blob" or mode == "120000" or not base.endswith(_SUFFIXES) or base.startswith("."):
            continue
        if any(part.startswith(".") for part in name.split("/")[:-1]):
            continue
        blobs.append((oid, name, int(size_text)))
    blobs.sort(key=lambda b: b[1])
    wanted = [b for b in blobs if b[2] <= limits.max_file_bytes]
    out = _git(["cat-file", "--batch"], top, "".join(f"{oid}\n" for oid, _, _ in wanted).encode()) if wanted else b""
    contents: dict[str, bytes] = {}
    pos = 0
    for oid, _, n in wanted:  # each answer: "<oid> blob <size>\n<content>\n"
        eol = out.index(b"\n", pos)
        pos = eol + 1
        contents[oid] = out[pos:pos + n]
        pos += n + 1
    parsed, findings, files = [], [], []
    total = 0
    with bulk():
        for oid, name, n in blobs:
            display = f"{rev}:{name}"
            if n > limits.max_file_bytes:
                finding = make_finding("CAS005", "size", file=display, span=Span(1, 1, 1, 2), size=n, limit=limits.max_file_bytes)
                files.append(LoadedFile(display, None, SourceMap(display), [finding], None, n))
                findings.append(finding)
                continue
            raw = contents[oid]
            total += len(raw)
            doc, doc_findings, loaded = parse_loaded(load_bytes(raw, display, limits), show_personal)
            findings.extend(doc_findings)
            files.append(loaded)
            if doc is not None:
                parsed.append(doc)
        ws = Workspace(parsed, findings, files, {"files": len(blobs), "bytes": total}, show_personal)
    ws.git_path = rel  # the path inside the repository: file names are REV:<git_path>/...
    return ws
