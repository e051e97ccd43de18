"""A content-hash cache of parsed documents, so that a re-run re-reads only the files that changed.

Each entry is one file's parse (its document model, load and schema findings, and text), keyed by
the file's bytes, the name findings give it, the limits and the library version: an entry can never
be stale, only unused. Corrupt or unreadable entries are ignored (and rewritten). The graph and every
rule always run in full on the cached documents, so no finding is ever stale either.

The command line keeps the cache in ``.cascade_cache/`` of the working directory (``--no-cache`` to
bypass); the library uses it only when asked: ``cascade.load(path, cache=".cascade_cache")``.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from typing import Any

from ._version import __version__

__all__ = ["Cache", "DEFAULT_DIR"]

DEFAULT_DIR = ".cascade_cache"
_FORMAT = 1


class Cache:
    """A folder of pickled parses, one file per entry, written atomically."""

    def __init__(self, directory: str | os.PathLike[str] = DEFAULT_DIR):
        self.directory = os.fspath(directory)
        self.hits = 0
        self.misses = 0
        self._ready = False

    def key(self, display: str, raw: bytes, settings: Any) -> str:
        """The entry name of a file's parse."""
        h = hashlib.sha256()
        h.update(f"{_FORMAT}\0{__version__}\0{display}\0{settings!r}\0".encode())
        h.update(raw)
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key + ".pickle")

    def get(self, key: str) -> Any:
        """The cached value, or None when absent or unreadable."""
        try:
            with open(self._path(key), "rb") as fh:
                value = pickle.load(fh)
        except Exception:  # a missing, truncated or foreign entry is a miss, never an error
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        """Store a value; failures (read-only folder, full disk) only cost the cache."""
        try:
            self._prepare()
            path = self._path(key)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
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
