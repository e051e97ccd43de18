"""A content-hash cache of parsed documents, so that a re-run re-reads only the files that changed.

Each entry is one file's parse (its document model, load and schema findings, and text), keyed by
the file's bytes, the name findings give it, the limits and the library's code (its version and a
hash of its source): an entry can never be stale, only unused. Corrupt or unreadable entries are
ignored (and rewritten). Beside a parse, a second entry keeps the findings of the rules that read
nothing but that one document (``Rule.scope == "document"``: measurability, nomenclature codes,
indicator type per level), keyed by the parse's key and the rule options. The graph is rebuilt and
every rule that reads links between documents reruns in full, so no finding is ever stale.

The command line keeps the cache in ``.cascade_cache/`` of the working directory (``--no-cache`` to
bypass); the library uses it only when asked: ``cascade.load(path, cache=".cascade_cache")``.

The folder sits in the workspace, so a pull request can ship one, and the keys are content hashes
anyone can compute: a planted entry would be unpickled, and unpickling runs code. Every entry is
therefore signed (HMAC-SHA256) with a key kept outside the workspace, in
``$XDG_CACHE_HOME/cascade/cache.key`` (``~/.cache`` by default), readable by its owner only; an
entry without a valid signature is a miss and is never unpickled. Where no key can be kept, the
cache is off.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import pickle
import tempfile
from typing import Any

from .._version import __version__

__all__ = ["Cache", "DEFAULT_DIR", "code_fingerprint"]

DEFAULT_DIR = ".cascade_cache"
_FORMAT = 1
_SIGNATURE = 32  # bytes of HMAC-SHA256 in front of each entry


def _signing_key() -> bytes | None:
    """This user's cache key, created on first use; None when it cannot be read or created."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(home, "cascade", "cache.key")
    try:
        with open(path, "rb") as fh:
            key = fh.read()
        if len(key) == 32:
            return key
    except OSError:
        pass
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))  # mode 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(os.urandom(32))
        os.replace(tmp, path)
        with open(path, "rb") as fh:  # another process may have won the race: use what is there
            key = fh.read()
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
    try:
        for path in package_sources():
            with open(path, "rb") as fh:
                h.update(os.path.basename(path).encode() + b"\0" + fh.read())
    except OSError:
        return __version__
    return f"{__version__}+{h.hexdigest()[:16]}"


def package_sources() -> list[str]:
    """Every module of the cascade package (all layers, not only this one's folder), in a fixed order."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return [os.path.join(folder, name) for folder, _, files in sorted(os.walk(root)) for name in sorted(files) if name.endswith(".py")]


class Cache:
    """A folder of pickled parses, one file per entry, written atomically."""

    def __init__(self, directory: str | os.PathLike[str] = DEFAULT_DIR):
        self.directory = os.fspath(directory)
        self.hits = 0
        self.misses = 0
        self._ready = False
        self._key = _signing_key()

    def key(self, display: str, raw: bytes, settings: Any) -> str:
        """The entry name of a file's parse."""
        h = hashlib.sha256()
        # a file name that is not UTF-8 reaches Python with surrogate escapes: hash its bytes
        h.update(f"{_FORMAT}\0{code_fingerprint()}\0{display}\0{settings!r}\0".encode("utf-8", "surrogateescape"))
        h.update(raw)
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key + ".pickle")

    def get(self, key: str) -> Any:
        """The cached value, or None when absent or unreadable."""
        try:
            with open(self._path(key), "rb") as fh:
                entry = fh.read()
            signature, data = entry[:_SIGNATURE], entry[_SIGNATURE:]
            if self._key is None or not hmac.compare_digest(signature, hmac.digest(self._key, data, "sha256")):
                raise ValueError("unsigned or forged entry")  # never unpickled: unpickling runs code
            value = pickle.loads(data)
        except Exception:  # a missing, truncated, unsigned or foreign entry is a miss, never an error
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        """Store a value; failures (read-only folder, full disk) only cost the cache."""
        if self._key is None:
            return
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            self._prepare()
            path = self._path(key)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(hmac.digest(self._key, data, "sha256") + data)
            os.replace(tmp, path)
        except (OSError, pickle.PicklingError):
            return

    def _prepare(self) -> None:
        if self._ready:
            return
        os.makedirs(self.directory, exist_ok=True)
        ignore = os.path.join(self.directory, ".gitignore")
        if not os.path.exists(ignore):
            with open(ignore, "w") as fh:
                fh.write("# created by cascade: the parse cache\n*\n")
        tag = os.path.join(self.directory, "CACHEDIR.TAG")
        if not os.path.exists(tag):
            with open(tag, "w") as fh:
                fh.write("Signature: 8a477f597d28d172789f06886806bc55\n# cascade parse cache\n")
        self._ready = True
