"""A content-hash cache of parsed documents, so that a re-run re-reads only the files that changed.

Each entry is one file's parse (its document model, load and schema findings, and text), keyed by
the file's bytes, the name findings give it, the limits and the library's code (its version and a
hash of its source): an entry can never be stale, only unused. Corrupt or unreadable entries are
ignored (and rewritten). Beside a parse, a second entry keeps the findings of the rules that read
nothing but that one document (``Rule.scope == "document"``: measurability, nomenclature codes,
indicator type per level), keyed by the parse's key and the rule options. The graph is rebuilt and
every rule that reads links between documents reruns in full, so no finding is ever stale.

Where it lives. The command line keeps the cache out of the checked-out tree, in the user's cache
folder (:func:`user_cache_home`: ``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux, ``~/Library/Caches``
on macOS, ``%LOCALAPPDATA%`` on Windows), under ``cascade/parse/<hash of the workspace's real
path>`` (:func:`default_cache_dir`); ``--cache-dir`` or the ``cache-dir`` configuration key choose
another folder (e.g. one a CI job keeps between runs), ``--no-cache`` bypasses it. A
``.cascade_cache/`` folder inside a workspace (where earlier versions kept it) is never read or
written: a pull request can ship one. The library uses a cache only when asked:
``cascade.load(path, cache=folder)``.

Why entries cannot be planted. Entry names are content hashes anyone can compute, and unpickling
runs code. Every entry is therefore signed (HMAC-SHA256) with a per-user key kept in
``<user cache home>/cascade/cache.key`` (created readable by its owner only; a key file or key folder
that is not the user's own or that others can write is refused, and the cache is off). The
signature covers the entry's name and its bytes, so a signed entry copied or linked under another
name (the parse of an older version of a file in place of the new one, which would hide the new
version's findings) is a miss. An entry without a valid signature is a miss and is never
unpickled. Nothing in the cache folder is followed through a symbolic link: entries, their
sub-folders, ``.gitignore`` and ``CACHEDIR.TAG`` are opened with ``O_NOFOLLOW`` relative to the
folder (an ``lstat`` check where the platform has no ``O_NOFOLLOW``), so a symlink planted in the
folder can neither feed an entry nor make a write land outside it. Nothing is opened so that it can
block: entries are opened with ``O_NONBLOCK`` and ``fstat``-checked before a byte is read, and a
FIFO, socket, device or folder under an entry's name (which a pull request can ship, names being
computable) is a miss; writes go to a new temporary file (``O_EXCL``) renamed over the name, which
replaces whatever was planted there without opening it. A folder that exists and is not a cascade
cache (no ``CACHEDIR.TAG``) and not empty is never written to.

The entries hold the parsed documents, with the NIPs and names of skp ``employee`` blocks as
written (the findings in them are masked unless ``show_personal``): the folder is the user's own
(mode 0700 when cascade creates it); treat a shared CI cache of it like the plan files themselves.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import hmac
import os
import pickle
import stat
import sys
from typing import Any

from .._version import __version__

__all__ = ["Cache", "code_fingerprint", "default_cache_dir", "user_cache_home"]

_FORMAT = 2  # 2: the signature covers the entry's name
_SIGNATURE = 32  # bytes of HMAC-SHA256 in front of each entry
_MAX_ENTRY = 1 << 30  # an entry larger than this is not ours
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# cascade parse cache\n"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO planted under an entry's name must not block the open
_DIR_FD = _NOFOLLOW != 0 and os.open in os.supports_dir_fd and os.mkdir in os.supports_dir_fd


def user_cache_home() -> str:
    """The platform's per-user cache folder: ``$XDG_CACHE_HOME`` (an absolute path) or ``~/.cache``
    on Linux and other POSIX systems, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows."""
    if sys.platform == "win32":
        return os.environ.get("LOCALAPPDATA") or os.path.join(os.path.expanduser("~"), "AppData", "Local")
    if sys.platform == "darwin":
        return os.path.join(os.path.expanduser("~"), "Library", "Caches")
    xdg = os.environ.get("XDG_CACHE_HOME")
    return xdg if xdg and os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")


def default_cache_dir(workspace: str | os.PathLike[str] = os.curdir) -> str:
    """The cache folder of ``workspace`` (a folder): ``<user cache home>/cascade/parse/<hash>``,
    the hash of the workspace's real path, so that each checkout has its own."""
    real = os.path.realpath(os.fspath(workspace))
    digest = hashlib.sha256(os.fsencode(real)).hexdigest()[:20]
    return os.path.join(user_cache_home(), "cascade", "parse", digest)


def _owned_and_private(st: os.stat_result) -> bool:
    """Whether a key file or folder is this user's and nobody else can write it (POSIX only)."""
    if os.name != "posix":
        return True
    return st.st_uid == os.geteuid() and not st.st_mode & 0o022


def _signing_key() -> bytes | None:
    """This user's cache key, created on first use; None when it cannot be read, created or trusted.

    The key file must be a regular file (not a symlink) owned by the user, in a folder owned by the
    user, neither writable by others: whoever can write the key can forge entries.
    """
    folder = os.path.join(user_cache_home(), "cascade")
    path = os.path.join(folder, "cache.key")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        st = os.lstat(folder)
        if not stat.S_ISDIR(st.st_mode) or not _owned_and_private(st):
            return None
        if not _NOFOLLOW and os.path.islink(path):
            return None
        try:
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
        except FileNotFoundError:
            fd = None
        if fd is None:
            tmp = os.path.join(folder, f".cache.key.{os.getpid()}.tmp")
            wfd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o600)
            with os.fdopen(wfd, "wb") as fh:
                fh.write(os.urandom(32))
            try:
                os.link(tmp, path)  # never replaces a key another process made meanwhile
            except FileExistsError:
                pass
            except OSError:  # no hard links here (some file systems): replace, which is atomic
                os.replace(tmp, path)
            if os.path.lexists(tmp):
                os.unlink(tmp)
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or not _owned_and_private(st):
                return None
            key = fh.read(33)
        return key if len(key) == 32 else None
    except OSError:
        return None


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The version and a hash of the package's source, so a changed rule or loader misses every entry.

    Reading the package's ~40 modules takes about 2 ms, once per process; where the source cannot
    be read (a zipped install), the version alone.
    """
    h = hashlib.sha256(__version__.encode())
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        for path in package_sources():
            with open(path, "rb") as fh:
                h.update(os.path.relpath(path, root).encode() + b"\0" + fh.read())
    except OSError:
        return __version__
    return f"{__version__}+{h.hexdigest()[:16]}"


def package_sources() -> list[str]:
    """Every module of the cascade package (all layers, not only this one's folder), in a fixed order."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return [os.path.join(folder, name) for folder, _, files in sorted(os.walk(root)) for name in sorted(files) if name.endswith(".py")]


class _Folder:
    """The cache folder, every name in it opened without following a symbolic link.

    With ``O_NOFOLLOW`` and ``dir_fd`` (POSIX), each step opens one name relative to the already
    opened folder; elsewhere each path is ``lstat``-checked first (a narrower guarantee: a symlink
    swapped in between check and use is not caught).
    """

    def __init__(self, root: str):
        self.root = root

    # -- opening one level -------------------------------------------------------------------

    def open_dir(self, parent: int | None, name: str, create: bool) -> int | str:
        if _DIR_FD:
            if create:
                try:
                    os.mkdir(name, 0o700, dir_fd=parent)
                except FileExistsError:
                    pass
            return os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _NONBLOCK, dir_fd=parent)
        path = os.path.join(parent, name) if isinstance(parent, str) else name
        if create and not os.path.lexists(path):
            os.mkdir(path, 0o700)
        if not stat.S_ISDIR(os.lstat(path).st_mode):
            raise OSError(errno.ENOTDIR, "not a folder (or a symbolic link)", path)
        return path

    def open_file(self, parent: Any, name: str, flags: int, mode: int = 0o600) -> int:
        """``name`` in the folder, never through a symlink and never waiting (``O_NONBLOCK``: a FIFO
        returns at once); the caller checks what it got with ``fstat``."""
        if _DIR_FD:
            return os.open(name, flags | _NOFOLLOW | _NONBLOCK | _BINARY, mode, dir_fd=parent)
        path = os.path.join(parent, name)
        if os.path.islink(path):
            raise OSError(errno.ELOOP, "a symbolic link", path)
        return os.open(path, flags | _NONBLOCK | _BINARY, mode)

    def close(self, handle: Any) -> None:
        if isinstance(handle, int):
            os.close(handle)

    def root_handle(self, create: bool) -> Any:
        """The cache folder itself; the path up to it is the user's choice, its last name no symlink."""
        parent, name = os.path.split(os.path.abspath(self.root))
        if create:
            os.makedirs(parent, mode=0o700, exist_ok=True)
        if _DIR_FD:
            top = os.open(parent, os.O_RDONLY | _DIRECTORY)
            try:
                return self.open_dir(top, name, create)
            finally:
                os.close(top)
        return self.open_dir(parent, name, create)

    def listdir(self, handle: Any) -> list[str]:
        return os.listdir(handle)


class Cache:
    """A folder of signed, pickled parses, one file per entry, written atomically.

    ``directory`` is the folder; see the module documentation for where the command line keeps it
    and why a planted or substituted entry is never used.
    """

    def __init__(self, directory: str | os.PathLike[str]):
        self.directory = os.fspath(directory)
        self.hits = 0
        self.misses = 0
        self._ready: bool | None = False  # None: the folder is not ours, never write
        self._key = _signing_key()
        self._folder = _Folder(self.directory)

    def key(self, display: str, raw: bytes, settings: Any) -> str:
        """The entry name of a file's parse."""
        h = hashlib.sha256()
        # a file name that is not UTF-8 reaches Python with surrogate escapes: hash its bytes
        h.update(f"{_FORMAT}\0{code_fingerprint()}\0{display}\0{settings!r}\0".encode("utf-8", "surrogateescape"))
        h.update(raw)
        return h.hexdigest()

    def _sign(self, key: str, data: bytes) -> bytes:
        assert self._key is not None
        return hmac.digest(self._key, f"cascade-cache-entry\0{_FORMAT}\0{key}\0".encode() + data, "sha256")

    @staticmethod
    def _valid(key: str) -> bool:
        return len(key) == 64 and all(c in "0123456789abcdef" for c in key)

    def get(self, key: str) -> Any:
        """The cached value, or None when absent, unreadable, unsigned or signed for another name."""
        try:
            if self._key is None or not self._valid(key):
                raise ValueError("no key")
            f = self._folder
            root = f.root_handle(False)
            try:
                sub = f.open_dir(root, key[:2], False)
                try:
                    fd = f.open_file(sub, key + ".pickle", os.O_RDONLY)
                finally:
                    f.close(sub)
            finally:
                f.close(root)
            with os.fdopen(fd, "rb") as fh:
                st = os.fstat(fh.fileno())
                if not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_ENTRY:
                    raise ValueError("not a regular file")
                entry = fh.read(_MAX_ENTRY + 1)
            signature, data = entry[:_SIGNATURE], entry[_SIGNATURE:]
            if not hmac.compare_digest(signature, self._sign(key, data)):
                raise ValueError("unsigned or forged entry")  # never unpickled: unpickling runs code
            value = pickle.loads(data)
        except Exception:  # a missing, truncated, unsigned or foreign entry is a miss, never an error
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        """Store a value; failures (read-only folder, full disk, a folder not ours) only cost the cache."""
        if self._key is None or not self._valid(key):
            return
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            f = self._folder
            root = self._prepare()
            if root is None:
                return
            try:
                sub = f.open_dir(root, key[:2], True)
                try:
                    tmp = f"{key}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
                    fd = f.open_file(sub, tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
                    with os.fdopen(fd, "wb") as fh:
                        fh.write(self._sign(key, data) + data)
                    if _DIR_FD:
                        os.replace(tmp, key + ".pickle", src_dir_fd=sub, dst_dir_fd=sub)  # replaces a planted symlink itself
                    else:
                        os.replace(os.path.join(sub, tmp), os.path.join(sub, key + ".pickle"))
                finally:
                    f.close(sub)
            finally:
                f.close(root)
        except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return

    def _prepare(self) -> Any:
        """The opened cache folder, created with its ``.gitignore`` and ``CACHEDIR.TAG`` on first use;
        None when it is not ours to write (an existing folder, not empty, without our tag)."""
        if self._ready is None:
            return None
        f = self._folder
        root = f.root_handle(True)
        if self._ready:
            return root
        try:
            names = f.listdir(root)
            ours = "CACHEDIR.TAG" in names
            if not ours and names:
                self._ready = None
                f.close(root)
                return None
            for name, text in ((".gitignore", "# created by cascade: the parse cache\n*\n"), ("CACHEDIR.TAG", _TAG)):
                try:
                    fd = f.open_file(root, name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                except FileExistsError:  # also a planted (dangling) symlink: never written through
                    continue
                with os.fdopen(fd, "w") as fh:
                    fh.write(text)
        except BaseException:
            f.close(root)
            raise
        self._ready = True
        return root
