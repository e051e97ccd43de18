"""A parse cache is input too: a planted entry must never run code nor hide findings.

Versions before issue 15 kept the cache in ``.cascade_cache/`` of the working directory, which a pull
request can ship. Entries are pickles and their names content hashes anyone can compute, so a planted
entry would be unpickled (unpickling runs code), and a symlink from the pull request's file version to
main's signed entry hid the new findings. Now the cache lives in the user's cache folder, entries are
signed over their name and bytes with a key kept outside the workspace, nothing in the folder is
followed through a symlink, and a key others can write is refused.
"""

from __future__ import annotations

import io
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


# -- issue 15: substitution, writes through symlinks, key files others can write -------------------

BROKEN = PLAN + b"bogus: 1\n"  # the pull request's version: a CAS102 finding


def _entry(cache_dir: Path, plan: Path, display: str | None = None) -> Path:
    key = Cache(cache_dir).key(display or str(plan), plan.read_bytes(), (cascade.Limits(), False))
    return cache_dir / key[:2] / f"{key}.pickle"


def _codes(loaded: cascade.Cascade) -> list[str]:
    return [f.code for f in loaded.findings]


@pytest.mark.parametrize("how", ["symlink", "copy"])
def test_a_signed_entry_under_another_name_is_a_miss(how: str, tmp_path: Path, key_home: Path) -> None:
    """The attack: the entry of the file's version on main, signed by the victim's own key on an earlier
    run, stands in for the pull request's version, whose findings would disappear."""
    cache_dir = tmp_path / "cache"
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN)
    assert _codes(cascade.load(str(plan), cache=str(cache_dir))) == []  # main: clean, entry signed
    old = _entry(cache_dir, plan)
    assert old.is_file()
    plan.write_bytes(BROKEN)
    new = _entry(cache_dir, plan)
    new.parent.mkdir(exist_ok=True)
    if how == "symlink":
        new.symlink_to(old)
    else:
        new.write_bytes(old.read_bytes())
    cache = Cache(cache_dir)
    assert _codes(cascade.load(str(plan), cache=cache)) == ["CAS102"]
    assert (cache.hits, cache.misses) == (0, 1)


def test_the_command_line_never_reads_a_cache_in_the_workspace(tmp_path: Path, key_home: Path, monkeypatch) -> None:
    """``cascade lint .`` with a ``.cascade_cache/`` shipped in the pull request: the planted symlink to
    main's signed entry is not read, the finding is reported, and nothing is written there."""
    from cascade.cli import commands as cli
    from cascade.read.cache import default_cache_dir

    ws = tmp_path / "ws"
    ws.mkdir()
    monkeypatch.chdir(ws)
    (ws / "plan.yaml").write_bytes(PLAN)
    assert cli.main(["lint", ".", "--format", "concise"], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    user_dir = Path(default_cache_dir())
    assert str(user_dir).startswith(str(key_home)) and list(user_dir.glob("*/*.pickle"))
    assert not (ws / ".cascade_cache").exists()  # the cache is out of the checked-out tree
    old = _entry(user_dir, ws / "plan.yaml", "plan.yaml")
    assert old.is_file()
    (ws / "plan.yaml").write_bytes(BROKEN)
    for folder in (ws / ".cascade_cache", user_dir):  # the old place, and the new one if it could
        planted = _entry(folder, ws / "plan.yaml", "plan.yaml")
        planted.parent.mkdir(parents=True, exist_ok=True)
        planted.symlink_to(old)
    planted_in_ws = sorted(p.name for p in (ws / ".cascade_cache").rglob("*"))
    out = io.StringIO()
    assert cli.main(["lint", ".", "--format", "concise"], stdout=out, stderr=io.StringIO()) == 1
    assert "CAS102" in out.getvalue()
    assert sorted(p.name for p in (ws / ".cascade_cache").rglob("*")) == planted_in_ws  # never written


def test_cache_dir_flag_and_config_key(tmp_path: Path, key_home: Path, monkeypatch) -> None:
    from cascade.cli import commands as cli

    ws = tmp_path / "ws"
    ws.mkdir()
    monkeypatch.chdir(ws)
    (ws / "plan.yaml").write_bytes(PLAN)
    assert cli.main(["lint", ".", "--cache-dir", str(tmp_path / "ci")], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert len(list((tmp_path / "ci").glob("*/*.pickle"))) == 2  # the parse and its document findings
    (ws / "cascade.toml").write_text('cache-dir = "ci2"\n')
    assert cli.main(["lint", "."], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert len(list((ws / "ci2").glob("*/*.pickle"))) == 2
    # a configuration (which a pull request can change) cannot send the cache's writes out of its folder
    (ws / "cascade.toml").write_text('cache-dir = "../ci3"\n')
    err = io.StringIO()
    assert cli.main(["lint", "."], stdout=io.StringIO(), stderr=err) == 2
    assert not (tmp_path / "ci3").exists()
    assert err.getvalue() == (f"cascade: kesalahan konfigurasi: {ws / 'cascade.toml'}:1:1: cache-dir harus berupa folder di dalam "
                              f"{ws} (folder konfigurasi ini), bukan '../ci3'; untuk menyimpan cache di tempat lain, gunakan --cache-dir\n")
    (ws / "cascade.toml").write_text("cache-dir = 5\n")
    err = io.StringIO()
    assert cli.main(["lint", "."], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue() == f"cascade: kesalahan konfigurasi: {ws / 'cascade.toml'}:1:1: cache-dir harus berupa jalur folder\n"


def test_writes_never_follow_a_symlinked_folder(tmp_path: Path, key_home: Path) -> None:
    """``<cache>/<xx> -> ../../outside``: the entry must not land outside the cache folder."""
    cache_dir = tmp_path / "ws" / "cache"
    outside = tmp_path / "outside"
    outside.mkdir()
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN)
    cache = Cache(cache_dir)
    cache_dir.mkdir(parents=True)
    (cache_dir / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n")
    for prefix in {f"{i:02x}" for i in range(256)}:
        os.symlink(os.path.join("..", "..", "outside"), cache_dir / prefix)
    cascade.load(str(plan), cache=cache)
    assert list(outside.iterdir()) == []


def test_a_dangling_gitignore_symlink_is_never_created(tmp_path: Path, key_home: Path) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    target = tmp_path / "created-by-cascade"
    (cache_dir / ".gitignore").symlink_to(target)
    (cache_dir / "CACHEDIR.TAG").symlink_to(tmp_path / "tag-target")
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN)
    cascade.load(str(plan), cache=str(cache_dir))
    assert not target.exists() and not (tmp_path / "tag-target").exists()


def test_a_folder_that_is_not_a_cache_is_never_written(tmp_path: Path, key_home: Path) -> None:
    """``cache-dir`` in a shipped configuration pointing at someone's folder: nothing is added to it."""
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / ".bashrc").write_text("# mine\n")
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN)
    cascade.load(str(plan), cache=str(folder))
    assert sorted(p.name for p in folder.iterdir()) == [".bashrc"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("what", ["key-writable", "folder-writable", "key-symlink"])
def test_a_key_others_can_write_is_refused(what: str, tmp_path: Path, key_home: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN)
    cascade.load(str(plan), cache=str(tmp_path / "first"))  # creates the key
    keyfile = key_home / "cascade" / "cache.key"
    if what == "key-writable":
        keyfile.chmod(0o666)
    elif what == "folder-writable":
        keyfile.parent.chmod(0o777)
    else:
        elsewhere = tmp_path / "k"
        elsewhere.write_bytes(keyfile.read_bytes())
        keyfile.unlink()
        keyfile.symlink_to(elsewhere)
    cache = Cache(tmp_path / "second")
    assert cache._key is None  # the cache is off
    cascade.load(str(plan), cache=cache)
    assert not (tmp_path / "second").exists()
