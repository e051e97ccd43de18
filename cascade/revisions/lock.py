"""``cascade.lock``: the review state of the links between plans, kept in the plan repository.

The file is plain text, one line per linked-to item, sorted, so that it diffs well in a pull request::

    # cascade.lock: review state of linked-to plan items; update it with `cascade review --accept`
    version 1
    jatim.rpjmd-2019:S2.1.1 3f1c0d9e5a7b2c44
    rpjmn-2020:PN3.I2 9b0e77a1c2d3e4f5

Each line holds the reference of an element or indicator that something ``supports`` and the
fingerprint (:func:`cascade.core.fingerprint.fingerprint`) of its content as last reviewed. Rule
CAS208 ``suspect-link`` reports every link whose upper item's fingerprint differs. The file comes
from the workspace, so it is hostile input: it is read with a size limit, without following a link
out of its folder, and every bad line is a finding with its line and column, never an exception.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ..core.findings import Finding, Span
from ..core.fingerprint import FINGERPRINT_LENGTH, fingerprint
from ..core.oserror import os_reason
from ..rules.catalog import make_finding
from ..validate import Selection

if TYPE_CHECKING:
    from ..graph import Workspace

__all__ = [
    "LOCK_NAME", "LOCK_MAX_BYTES", "Lock", "SuspectLink", "ReviewState", "find_lock", "read_lock", "parse_lock",
    "lock_entries", "dump_lock", "review_state", "accept", "with_lock",
]

LOCK_NAME = "cascade.lock"
#: A lock line is about 60 bytes; 64 MB holds a million linked-to items, the whole nation.
LOCK_MAX_BYTES = 64 * 1024 * 1024
MAX_LINE = 4096
#: Findings about bad lines reported one by one; the rest are counted in one more.
MAX_FINDINGS = 100
HEADER = "# cascade.lock: review state of linked-to plan items; update it with `cascade review --accept`"

_REF = re.compile(r"^[a-z0-9][a-z0-9._-]*:[A-Za-z0-9][A-Za-z0-9._-]*$")
_PRINT = re.compile(rf"^[0-9a-f]{{{FINGERPRINT_LENGTH}}}$")


@dataclass(frozen=True)
class Lock:
    """A lock file as read: its entries (reference -> fingerprint) and the problems found in it.

    ``usable`` is False when the file could not be read at all (too large, not UTF-8, no version
    line): rule CAS208 is then silent, and the one finding says why.
    """

    file: str | None
    entries: Mapping[str, str] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    usable: bool = True

    @property
    def digest(self) -> str:
        text = "\n".join(f"{k} {v}" for k, v in sorted(self.entries.items()))
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def __repr__(self) -> str:  # short and stable: rule options are hashed by their repr
        return f"Lock({self.file!r}, {len(self.entries)} entries, {self.digest})"


def _git_root(folder: str) -> str | None:
    here = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        up = os.path.dirname(here)
        if up == here:
            return None
        here = up


def find_lock(paths: Iterable[str | os.PathLike[str]]) -> str | None:
    """The ``cascade.lock`` of a workspace given as ``paths``, or None.

    For each path (a folder, or a file's folder) in order: the folder itself, then, inside a git
    repository, each folder above it up to the repository's top. Outside a repository only the
    folder itself is looked at, so a stray lock file higher up is never picked up.
    """
    for raw in paths:
        path = os.fsdecode(raw)
        folder = path if os.path.isdir(path) else os.path.dirname(path) or os.curdir
        top = _git_root(folder)
        here = os.path.abspath(folder)
        while True:
            candidate = os.path.join(here, LOCK_NAME)
            if os.path.lexists(candidate):
                return candidate if os.path.abspath(folder) != here else os.path.join(folder, LOCK_NAME)
            if top is None or here == top:
                break
            up = os.path.dirname(here)
            if up == here:
                break
            here = up
    return None


def _at(variant: str, file: str, line: int = 1, column: int = 1, end: int | None = None, **args: Any) -> Finding:
    return make_finding("CAS208", variant, file=file, span=Span(line, column, line, end or column + 1), **args)


def read_lock(path: str | os.PathLike[str], display: str | None = None, max_bytes: int = LOCK_MAX_BYTES) -> Lock:
    """Read a lock file; never raises for its content, size or kind (those are findings)."""
    path = os.fsdecode(path)
    display = display or path
    folder = os.path.dirname(os.path.abspath(path))
    try:
        if os.path.islink(path):
            real = os.path.realpath(path)
            if not real.startswith(folder.rstrip(os.sep) + os.sep):
                raise OSError(errno.EPERM, "a symbolic link out of its folder is not followed")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise OSError(errno.EINVAL, "not a regular file")
            if st.st_size > max_bytes:
                return Lock(display, {}, (_at("lock-size", display, size=st.st_size, limit=max_bytes),), False)
            raw = fh.read(max_bytes + 1)
    except OSError as err:
        return Lock(display, {}, (_at("lock-unreadable", display, reason=err.strerror or str(err), reason_id=os_reason(err, "id")),), False)
    if len(raw) > max_bytes:
        return Lock(display, {}, (_at("lock-size", display, size=len(raw), limit=max_bytes),), False)
    return parse_lock(raw, display)


def parse_lock(raw: bytes | str, file: str = LOCK_NAME) -> Lock:
    """A lock from its bytes or text (see the module documentation for the format)."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            line = raw[: err.start].count(b"\n") + 1
            return Lock(file, {}, (_at("lock-encoding", file, line),), False)
    else:
        text = raw
    if text.startswith("\ufeff"):
        text = text[1:]
    entries: dict[str, str] = {}
    first: dict[str, int] = {}
    findings: list[Finding] = []
    version = False
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(line) > MAX_LINE:
            findings.append(_at("lock-line", file, n, problem=f"longer than {MAX_LINE} characters"))
            continue
        if not version:
            if stripped.split() == ["version", "1"]:
                version = True
                continue
            return Lock(file, {}, (*findings, _at("lock-version", file, n)), False)
        parts = line.split()
        column = len(line) - len(line.lstrip()) + 1
        if len(parts) != 2:
            findings.append(_at("lock-line", file, n, column, problem=f"{len(parts)} fields instead of 2"))
            continue
        ref, print_ = parts
        if not _REF.match(ref):
            findings.append(_at("lock-line", file, n, column, column + len(ref), problem="the reference is not document-id:local-id"))
            continue
        if not _PRINT.match(print_):
            col = line.index(print_, column - 1 + len(ref)) + 1
            findings.append(_at("lock-line", file, n, col, col + len(print_),
                                problem=f"the fingerprint is not {FINGERPRINT_LENGTH} lowercase hex digits"))
            continue
        if ref in entries:
            findings.append(_at("lock-duplicate", file, n, column, column + len(ref), target=ref, first=first[ref]))
            continue
        entries[ref] = print_
        first[ref] = n
    if not version:
        return Lock(file, {}, (*findings[:MAX_FINDINGS], _at("lock-version", file, 1)), False)
    if len(findings) > MAX_FINDINGS:  # a hostile file of a million bad lines is not a million findings
        extra = len(findings) - MAX_FINDINGS
        last = findings[MAX_FINDINGS]
        findings = findings[:MAX_FINDINGS] + [_at("lock-line", file, last.line or 1, problem=f"and {extra} more bad lines after this one")]
    return Lock(file, entries, tuple(findings), True)


def lock_entries(graph: Any) -> dict[str, str]:
    """Reference -> fingerprint of every element and indicator that something ``supports``."""
    nodes = graph._node
    out: dict[str, str] = {}
    for target, preds in graph._pred.items():
        attrs = nodes[target]
        if attrs["type"] not in ("element", "indicator"):
            continue
        if any(d["type"] == "supports" or "supports" in d.get("also", ()) for d in preds.values()):
            out[target] = fingerprint(attrs["model"])
    return out


def dump_lock(entries: Mapping[str, str]) -> str:
    """The text of a lock file: header, version, one sorted line per entry."""
    lines = [HEADER, "version 1", *(f"{ref} {entries[ref]}" for ref in sorted(entries))]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class SuspectLink:
    """One link whose upper item changed since it was reviewed (``status`` ``changed``) or was never reviewed (``unreviewed``)."""

    ref: str
    target: str
    status: str
    file: str | None
    line: int | None
    column: int | None
    locked: str | None
    current: str


@dataclass(frozen=True)
class ReviewState:
    """What :meth:`cascade.Cascade.review_state` returns: the lock, the suspect links, and the lock's entries that
    no longer name a linked-to item (``stale``: dropped by ``cascade review --accept --all``)."""

    lock: Lock | None
    suspect: tuple[SuspectLink, ...]
    stale: tuple[str, ...]

    @property
    def clean(self) -> bool:
        return not self.suspect

    def targets(self) -> list[str]:
        """The changed upper items, each once, sorted."""
        return sorted({s.target for s in self.suspect})

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON of ``cascade review --format json``; the lock's findings' messages in ``lang``, as
        ``cascade lint --format json`` gives them (the command passes the run's language)."""
        return {
            "version": 1,
            "lock": self.lock.file if self.lock is not None else None,
            "suspect": [{"ref": s.ref, "target": s.target, "status": s.status, "file": s.file, "line": s.line,
                         "column": s.column, "locked": s.locked, "current": s.current} for s in self.suspect],
            "stale": list(self.stale),
            "findings": [f.as_dict(lang) for f in (self.lock.findings if self.lock is not None else ())],
        }


def review_state(ws: "Workspace", lock: Lock | None) -> ReviewState:
    """The suspect links of a loaded workspace against ``lock`` (all links are unreviewed without one)."""
    from ..rules.context import Context
    from ..rules.revisions import SuspectLink as Rule

    entries = dict(lock.entries) if lock is not None else {}
    current = lock_entries(ws.graph)
    ctx = Context(ws.graph, ws.parsed, {Rule.name: {"lock": Lock(None, entries, (), True)}})
    out = []
    for f in Rule().check(ctx):
        target = str(dict(f.args)["target"])
        out.append(SuspectLink(f.ref or "", target, "changed" if f.variant == "default" else "unreviewed", f.file,
                               f.line, f.column, entries.get(target), current.get(target, "")))
    stale = tuple(sorted(set(entries) - set(current)))
    out.sort(key=lambda s: (s.file or "", s.line or 0, s.column or 0, s.ref, s.target))
    return ReviewState(lock, tuple(out), stale)


def accept(ws: "Workspace", lock: Lock | None, refs: Iterable[str] = (), paths: Iterable[str] = (),
           everything: bool = False) -> tuple[dict[str, str], list[str], list[str]]:
    """The lock entries after a person reviewed the links to some upper items.

    ``refs`` name upper items (as CAS208 prints them), or lower elements and indicators whose links
    were looked at; ``paths`` name files or folders whose linked-to items were reviewed;
    ``everything`` records the whole current state and drops stale entries. Returns the new
    entries, the references accepted, and the ``refs`` that name nothing (left alone).
    """
    current = lock_entries(ws.graph)
    entries = dict(lock.entries) if lock is not None else {}
    if everything:
        return dict(current), sorted(current), []
    chosen: set[str] = set()
    unknown: list[str] = []
    nodes = ws.graph._node
    for ref in refs:
        if ref in current:
            chosen.add(ref)
            continue
        attrs = nodes.get(ref)
        if attrs is not None and attrs["type"] in ("element", "indicator"):
            ups = [t for t, d in ws.graph._succ[ref].items() if t in current and (d["type"] == "supports" or "supports" in d.get("also", ()))]
            if ups:
                chosen.update(ups)
                continue
        if ref in entries:  # an item gone from the workspace: its line goes
            entries.pop(ref)
            chosen.add(ref)
            continue
        unknown.append(ref)
    if paths:
        wanted = [os.path.abspath(p) for p in paths]
        by_doc = {d: os.path.abspath(p.file) for d, p in ws.parsed.items()}
        for ref in current:
            file = by_doc.get(nodes[ref]["doc"], "")
            if any(file == w or file.startswith(w.rstrip(os.sep) + os.sep) for w in wanted):
                chosen.add(ref)
    for ref in chosen:
        if ref in current:
            entries[ref] = current[ref]
    return entries, sorted(chosen), unknown


def with_lock(options: dict[str, dict[str, Any]] | None, lock: Lock | None) -> dict[str, dict[str, Any]] | None:
    """Rule options with ``lock`` given to ``suspect-link`` (unchanged when there is no lock)."""
    if lock is None:
        return options
    out = {k: dict(v) for k, v in (options or {}).items()}
    out.setdefault("suspect-link", {})["lock"] = lock
    return out


def resolve_lock(lock: Any) -> Lock | None:
    """A :class:`Lock` from a Lock, a path (read now) or None."""
    if lock is None or isinstance(lock, Lock):
        return lock
    if isinstance(lock, (str, os.PathLike)):
        return read_lock(lock)
    from ..core.errors import UsageError

    raise UsageError(f"lock must be a path, a cascade.revisions.Lock or None, not {type(lock).__name__}")


def add_lock_findings(report: Any, lock: Lock, selection: Selection) -> Any:
    """``report`` with the lock file's own findings, when CAS208 is selected, at its configured severity."""
    if not lock.findings:
        return report
    from dataclasses import replace

    from ..core.findings import Report

    rule = next((r for r in selection.rules() if r.code == "CAS208"), None)
    if rule is None:
        return report
    severity = selection.severity_of(rule)
    extra = [f if f.severity is severity else replace(f, severity=severity) for f in lock.findings]
    return Report([*report.findings, *extra], report.stats)
