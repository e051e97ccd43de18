"""The incremental engine against a from-scratch run: random edit sequences, compared after every step.

A generated workspace (benchmarks/generate.py) is edited on disk step by step: ids renamed (the
references to them break), references broken and fixed, units and targets changed, names changed,
files broken, suppressions written, files added (a copy under a new document id, or with the same
id: CAS201), deleted and restored. After every step ``Cascade.update`` must give exactly the
findings of ``cascade.load(folder).validate()`` on the same files, and the workspace it keeps must
hold the same graph.
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import cascade  # noqa: E402
from benchmarks.generate import generate_workspace  # noqa: E402


def _key(report):
    return [(f.code, f.severity.value, f.file, f.line, f.column, f.end_line, f.end_column, f.ref, f.pointer, f.message)
            for f in report.findings]


def _graph(ws):
    G = ws.graph
    nodes = {n: (a["type"], tuple(a.get("external", ()))) for n, a in G.nodes(data=True)}
    edges = {(u, v, d["type"], tuple(d.get("also", ()))) for u, v, d in G.edges(data=True)}
    return nodes, edges


IDS = re.compile(r"^(\s*- id: )(\S+)$", re.M)
REFS = re.compile(r"(supports: \[)([^\],]+)")
UNITS = re.compile(r"^(\s*unit: )(.+)$", re.M)
NUMBERS = re.compile(r"(\{year: 20\d\d, value: )([0-9.]+)")
NAMES = re.compile(r"^(\s*name: )(.+)$", re.M)


def _sub(rng, pattern, text, make):
    found = list(pattern.finditer(text))
    if not found:
        return text
    m = rng.choice(found)
    return text[:m.start(2)] + make(m.group(2)) + text[m.end(2):]


def _edit(rng: random.Random, root: Path, originals: dict[str, str], counter: list[int]) -> tuple[str, str | None, str]:
    """One random edit: (path, new text or None for a deletion, what was done)."""
    files = sorted(str(p) for p in root.rglob("*.yaml"))
    path = rng.choice(files)
    text = Path(path).read_text(encoding="utf-8")
    kind = rng.choice(["rename", "rename", "break", "break", "fix", "unit", "target", "name", "syntax", "suppress",
                       "rename", "break", "target", "unit", "same-id", "same-id", "add", "duplicate", "delete", "delete", "restore", "restore", "top-rename"])
    counter[0] += 1
    n = counter[0]
    if kind == "same-id":  # a local id written twice in one file (CAS201), in a file others may name
        found = list(IDS.finditer(text))
        if len(found) > 2:
            a, b = rng.sample(found, 2)
            return path, text[:b.start(2)] + a.group(2) + text[b.end(2):], kind
    if kind == "rename":
        return path, _sub(rng, IDS, text, lambda v: v + f"x{n}"), kind
    if kind == "top-rename":  # the upper tier everything hangs on
        top = str(root / "rpjmn-2025.yaml")
        if os.path.exists(top):
            t = Path(top).read_text(encoding="utf-8")
            return top, _sub(rng, IDS, t, lambda v: v + f"x{n}"), kind
    if kind == "break":
        return path, _sub(rng, REFS, text, lambda v: v[:-1] + "Q" if ":" in v else "nowhere"), kind
    if kind == "unit":
        return path, _sub(rng, UNITS, text, lambda v: rng.choice(["persen", "orang", "unit", '"indeks"', "tahun"])), kind
    if kind == "target":
        return path, _sub(rng, NUMBERS, text, lambda v: rng.choice(["0", "72,6", "1000", str(float(v) * 0.5)])), kind
    if kind == "name":
        return path, _sub(rng, NAMES, text, lambda v: v + " baru"), kind
    if kind == "syntax":
        return path, text + "\n  - [unclosed\n", kind
    if kind == "suppress":
        return path, re.sub(r"^(\s*- id: \S+)$", r"\1  # cascade: ignore[CAS301] reason: test", text, count=1, flags=re.M), kind
    if kind == "add":
        doc = re.search(r"^  id: (\S+)$", text, re.M)
        if doc:
            new = text.replace(doc.group(1), doc.group(1) + f"-copy{n}")
            return str(Path(path).with_name(f"added{n}.yaml")), new, kind
    if kind == "duplicate":
        return str(Path(path).with_name(f"dup{n}.yaml")), text, kind
    if kind == "delete" and len(files) > 3:
        extra = [f for f in files if f not in originals]
        if extra and rng.random() < 0.8:  # mostly the added copies, so that most steps can be patched
            return rng.choice(extra), None, kind
        return path, None, kind
    # fix / restore: back to the generated text (or recreate a deleted one)
    gone = [p for p in originals if not os.path.exists(p)]
    if kind == "restore" and gone:
        p = rng.choice(gone)
        return p, originals[p], kind
    return path, originals.get(path, text), "fix"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_match_a_full_run(tmp_path, seed):
    root = tmp_path / "ws"
    generate_workspace(str(root), elements=260, seed=seed, defects=4)
    originals = {str(p): p.read_text(encoding="utf-8") for p in root.rglob("*.yaml")}
    ws = cascade.load(str(root))
    rng = random.Random(seed)
    counter = [0]
    modes = set()
    for step in range(40):
        path, text, kind = _edit(rng, root, originals, counter)
        if text is None:
            os.remove(path)
        else:
            Path(path).write_text(text, encoding="utf-8")
        got = ws.update(path, text)
        modes.add(ws._live.last_mode)
        fresh = cascade.load(str(root))
        want = fresh.validate()
        assert _key(got) == _key(want), f"step {step}: {kind} {path}"
        assert got.stats == want.stats, f"step {step}: {kind} {path}"
        assert _graph(ws) == _graph(fresh), f"step {step}: {kind} {path}"
    assert {"patch", "rebuild"} <= modes


def test_settings_apply_as_in_validate(tmp_path):
    root = tmp_path / "ws"
    generate_workspace(str(root), elements=120, seed=5, defects=3)
    ws = cascade.load(str(root))
    path = sorted(root.rglob("skp-*.yaml"))[0]
    text = path.read_text(encoding="utf-8").replace("supports: [", "supports: [nowhere, ", 1)
    path.write_text(text, encoding="utf-8")
    got = ws.update(str(path), text, ignore=["CAS3"], severity={"CAS202": "warning"})
    want = cascade.load(str(root)).validate(ignore=["CAS3"], severity={"CAS202": "warning"})
    assert _key(got) == _key(want)
    assert any(f.code == "CAS202" and f.severity.value == "warning" for f in got.findings)


def test_update_of_a_dict_workspace_is_a_usage_error():
    ws = cascade.load({"document": {"id": "x", "kind": "rpjmn", "title": "t", "period": {"start": 2025, "end": 2029}}})
    from cascade.core.errors import UsageError

    with pytest.raises(UsageError):
        ws.update("x.yaml", "")


def test_a_relinked_document_keeps_its_duplicate_id_finding(tmp_path):
    """An SKP with a local id written twice (CAS201) names the renstra; editing the renstra re-links
    the SKP, whose CAS201 must stay (it comes from its nodes, not its links)."""
    root = tmp_path / "ws"
    generate_workspace(str(root), elements=120, seed=9, defects=0)
    skp = sorted(root.rglob("skp-*.yaml"))[0]
    renstra = sorted(root.rglob("renstra-*.yaml"))[0]
    ids = IDS.findall(skp.read_text(encoding="utf-8"))
    text = skp.read_text(encoding="utf-8").replace(f"- id: {ids[1][1]}\n", f"- id: {ids[0][1]}\n", 1)
    skp.write_text(text, encoding="utf-8")
    ws = cascade.load(str(root))
    before = ws.update(str(skp), text)
    assert any(f.code == "CAS201" and f.file == str(skp) for f in before.findings)
    for step, new in enumerate([re.sub(r"(\{year: 20\d\d, value: )([0-9.]+)", r"\g<1>1", renstra.read_text(encoding="utf-8"), count=1),
                                renstra.read_text(encoding="utf-8").replace("- id: S1.1\n", "- id: S1.1Z\n", 1)]):
        renstra.write_text(new, encoding="utf-8")
        got = ws.update(str(renstra), new)
        assert ws._live.last_mode == "patch"
        assert _key(got) == _key(cascade.load(str(root)).validate()), step
        assert any(f.code == "CAS201" and f.file == str(skp) for f in got.findings)


@pytest.mark.parametrize("show_personal", [False, True])
def test_personal_data_is_masked_or_shown_as_in_a_full_run(tmp_path, show_personal):
    """The incremental run ends as a full run does, masking included: a NIP written as an unknown key
    of an skp element is shown only with ``show_personal`` (it was always masked after an update)."""
    import shutil

    specs = Path(__file__).resolve().parents[2] / "specs"
    ws_dir = tmp_path / "ws"
    shutil.copytree(specs, ws_dir)
    skp = ws_dir / "kota-madiun" / "dinkes" / "skp-2023.yaml"
    text = skp.read_text(encoding="utf-8")
    nip = "199001012020121001"
    edited = text.replace("    kind: rhk\n", f"    kind: rhk\n    \"{nip}\": x\n", 1)
    assert edited != text
    ws = cascade.load(str(ws_dir), show_personal=show_personal)
    got = ws.update(str(skp), edited)
    skp.write_text(edited, encoding="utf-8")
    want = cascade.load(str(ws_dir), show_personal=show_personal).validate()
    assert _key(got) == _key(want)
    assert any(nip in f.message for f in got) is show_personal
