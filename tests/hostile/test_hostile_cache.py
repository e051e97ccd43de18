"""A parse cache inside the workspace is input too: a planted entry must never run code.

The cache lives in ``.cascade_cache/`` of the working directory, which a pull request can ship. Its
entries are pickles, and its keys are content hashes anyone can compute, so a planted entry for a file
of the same pull request would be unpickled, and unpickling runs code. Entries are therefore signed
with a key kept outside the workspace; an unsigned or forged entry is a miss.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

import cascade
from cascade.read.cache import Cache

PLAN = (Path(__file__).resolve().parents[1] / "fixtures" / "hostile" / "workspace" / "rpjmn-2020.yaml").read_bytes()


class _Payload:
    """Unpickling this creates the marker folder: what a planted entry would do."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (os.mkdir, (str(self.marker),))


@pytest.fixture
def key_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The signing key's home, outside the workspace (``XDG_CACHE_HOME``)."""
    home = tmp_path / "home-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def plant(cache_dir: Path, plan: Path, payload: bytes) -> Path:
    """Write ``payload`` where the cache looks for the parse of ``plan``, as an attacker can."""
    key = Cache(cache_dir).key(str(plan), plan.read_bytes(), (cascade.Limits(), False))
    entry = cache_dir / key[:2] / f"{key}.pickle"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(payload)
    return entry


@pytest.mark.parametrize("signed_prefix", [b"", b"\0" * 32], ids=["raw-pickle", "forged-signature"])
def test_a_planted_cache_entry_never_runs(signed_prefix: bytes, tmp_path: Path, key_home: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    plan = ws / "plan.yaml"
    plan.write_bytes(PLAN)
    marker = tmp_path / "pwned"
    cache_dir = ws / ".cascade_cache"
    plant(cache_dir, plan, signed_prefix + pickle.dumps(_Payload(marker)))
    loaded = cascade.load(str(plan), cache=str(cache_dir))
    assert not marker.exists()
    assert loaded.stats["documents"] == 1 and loaded.findings == []  # parsed afresh, as a miss


def test_signed_entries_still_hit(tmp_path: Path, key_home: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN)
    cache = Cache(tmp_path / ".cascade_cache")
    first = cascade.load(str(plan), cache=cache)
    second = cascade.load(str(plan), cache=cache)
    assert (cache.misses, cache.hits) == (1, 1)
    assert second.documents == first.documents
    assert (key_home / "cascade" / "cache.key").stat().st_mode & 0o077 == 0  # readable by its owner only
