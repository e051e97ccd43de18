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


DOC_ID = re.compile(r"^  id: (\S+)$", re.M)
ALIGNS = re.compile(r"^(  aligns_to: \[)([^\]]*)(\])$", re.M)
REGION = re.compile(r'^(  region: \{code: ")([^"]+)(")', re.M)
EMPLOYEE_UNIT = re.compile(r"^(      unit: )([A-Z]\S*)$", re.M)
PARENTS = re.compile(r"^(    parent: )(\S+)$", re.M)
FINALS = re.compile(r"^( +)final: (\S+)$", re.M)


def _doc_and_ids(path: str) -> tuple[str | None, list[str]]:
    text = Path(path).read_text(encoding="utf-8")
    doc = DOC_ID.search(text)
    return (doc.group(1) if doc else None), [m.group(2) for m in IDS.finditer(text)]


def _link_edit(rng: random.Random, root: Path, counter: list[int]) -> tuple[str, str | None, str]:
    """Edits of the links between documents, the ones a scoped rerun must get right: a ``supports``,
    ``parent`` or ``crosscuts`` into another document (upwards, sideways or downwards, which closes
    cycles of documents), ``aligns_to`` changed, a region or an employee's unit changed, inline
    realisasi added."""
    files = sorted(str(p) for p in root.rglob("*.yaml"))
    path = rng.choice(files)
    text = Path(path).read_text(encoding="utf-8")
    other = rng.choice(files)
    other_doc, other_ids = _doc_and_ids(other)
    kind = rng.choice(["cross-supports", "cross-supports", "cross-parent", "crosscut", "aligns", "aligns-drop",
                       "region", "employee-unit", "employee-unit-all", "realized", "cut", "reparent", "reparent",
                       "cycle", "cycle", "cycle"])
    counter[0] += 1
    if kind == "cycle":  # the upper end of a link supports its lower end back: a cycle of two documents
        links = [(m.group(1), m.group(2), m.group(3)) for m in
                 re.finditer(r"^  - id: (\S+)\n(?:    (?!supports).*\n)*?    supports: \[([^\],:]+):([^\],]+)", text, re.M)]
        doc = DOC_ID.search(text)
        if links and doc:
            lower, upper_doc, upper = rng.choice(links)
            upper_file = next((f for f in files if _doc_and_ids(f)[0] == upper_doc), None)
            if upper_file is not None:
                up_text = Path(upper_file).read_text(encoding="utf-8")
                m = re.search(rf"^  - id: {re.escape(upper)}$", up_text, re.M)
                if m:
                    back = f"{doc.group(1)}:{lower}"
                    end = up_text.find("\n  - id: ", m.end())
                    end = len(up_text) if end < 0 else end
                    block = up_text[m.end():end]
                    if "\n    supports: [" in block:
                        block = block.replace("\n    supports: [", f"\n    supports: [{back}, ", 1)
                    else:
                        block = f"\n    supports: [{back}]" + block
                    return upper_file, up_text[:m.end()] + block + up_text[end:], kind
    if kind == "cut":  # every supports of a file emptied: what it supported loses its support
        return path, re.sub(r"supports: \[[^\]]*\]", "supports: []", text), kind
    if kind == "reparent":  # an element moved under another of its document: the chains above change
        own = [m.group(2) for m in IDS.finditer(text)]
        if own and PARENTS.search(text):
            return path, _sub(rng, PARENTS, text, lambda v: rng.choice(own)), kind
    if kind == "employee-unit-all":
        return path, EMPLOYEE_UNIT.sub(lambda m: m.group(1) + "KADIN", text), kind
    if kind in ("cross-supports", "cross-parent", "crosscut") and other_doc and other_ids:
        target = f"{other_doc}:{rng.choice(other_ids)}"
        if kind == "cross-supports" and REFS.search(text):
            return path, REFS.sub(lambda m: m.group(1) + target + ", " + m.group(2), text, count=1), kind
        if kind == "cross-parent" and PARENTS.search(text):
            return path, _sub(rng, PARENTS, text, lambda v: target), kind
        found = list(IDS.finditer(text))
        if found:
            m = rng.choice(found)
            return path, text[:m.end()] + f"\n    crosscuts: [{target}]" + text[m.end():], kind
    if kind == "aligns" and other_doc:
        return path, ALIGNS.sub(lambda m: m.group(1) + (m.group(2) + ", " if m.group(2) else "") + other_doc + m.group(3), text, count=1), kind
    if kind == "aligns-drop":
        return path, ALIGNS.sub(lambda m: m.group(1) + m.group(3), text, count=1), kind
    if kind == "region":
        return path, _sub(rng, REGION, text, lambda v: rng.choice(["35", "35.77", "33.10", "31.71"])), kind
    if kind == "employee-unit":
        return path, _sub(rng, EMPLOYEE_UNIT, text, lambda v: rng.choice(["KADIN", "SEKR", "BID1", "SEKSI1.1", "NOWHERE"])), kind
    if kind == "realized":
        found = list(FINALS.finditer(text))
        if found:
            m = rng.choice(found)
            value = rng.choice(["1", "50", "99.5", "150", '"tercapai"'])
            return path, text[:m.end()] + f"\n{m.group(1)}realized: {{2025: {value}, 2026: {value}}}" + text[m.end():], kind
    return path, text, "same"


def _save_and_update(ws, path: str, text: str | None):
    """The edit on disk (None: the file deleted) and in the live workspace, as an editor saves it."""
    if text is None:
        os.remove(path)
    else:
        Path(path).write_text(text, encoding="utf-8")
    return ws.update(path, text)


def _generated(tmp_path, elements: int, seed: int, defects: int):
    """A generated workspace, its files' texts, and the workspace loaded from it."""
    root = tmp_path / "ws"
    generate_workspace(str(root), elements=elements, seed=seed, defects=defects)
    originals = {str(p): p.read_text(encoding="utf-8") for p in root.rglob("*.yaml")}
    return root, originals, cascade.load(str(root))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_match_a_full_run(tmp_path, seed):
    root, originals, ws = _generated(tmp_path, 260, seed, 4)
    rng = random.Random(seed)
    counter = [0]
    modes = set()
    for step in range(40):
        path, text, kind = _edit(rng, root, originals, counter)
        got = _save_and_update(ws, path, text)
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


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_random_link_edits_match_a_full_run_with_scoped_reruns(tmp_path, seed):
    """Edits of the links between documents on a workspace of 17 files, where most edits rerun the
    graph rules on a few documents only (``Rule.reads``): after every step the report equals a full
    run, and some steps must have been scoped (the test would otherwise prove nothing about scopes)."""
    root, originals, ws = _generated(tmp_path, 3000, seed, 6)
    rng = random.Random(seed)
    counter = [0]
    scoped = 0
    for step in range(30):
        if rng.random() < 0.7:
            path, text, kind = _link_edit(rng, root, counter)
        else:
            path, text, kind = _edit(rng, root, originals, counter)
        got = _save_and_update(ws, path, text)
        live = ws._live
        if live.last_mode == "patch" and min(live.last_scopes.values()) < len(live.workspace.parsed):
            scoped += 1
        want = cascade.load(str(root)).validate()
        assert _key(got) == _key(want), f"step {step}: {kind} {path}"
        assert got.stats == want.stats, f"step {step}: {kind} {path}"
    assert scoped >= 5


def _scoped_workspace(tmp_path):
    root = tmp_path / "ws"
    generate_workspace(str(root), elements=3000, seed=4, defects=0)
    renstra = root / "35" / "35.77" / "dindik" / "renstra-2025.yaml"
    skp = root / "35" / "35.77" / "dindik" / "skp-2026.yaml"
    return root, renstra, skp


def _warm(ws, path):
    """The first update builds the live workspace and runs every rule; the edits after it are scoped."""
    ws.update(str(path), path.read_text(encoding="utf-8"))


def _step(ws, root, path, text):
    """One edit: the incremental report, checked against a full run, and the files it has findings in."""
    path.write_text(text, encoding="utf-8")
    got = ws.update(str(path), text)
    assert _key(got) == _key(cascade.load(str(root)).validate())
    return got


def _at(report, code, path):
    return sorted((f.line, f.ref) for f in report.findings if f.code == code and f.file == str(path))


def test_an_upper_edit_reruns_the_rules_reading_targets_on_the_documents_below(tmp_path):
    """reads = "targets" (CAS302 orphan-indicator): renaming a renstra indicator orphans the SKP
    indicators that support it; the SKP's findings change although only the renstra was edited."""
    root, renstra, skp = _scoped_workspace(tmp_path)
    ws = cascade.load(str(root))
    before = ws.validate()
    _warm(ws, renstra)
    text = renstra.read_text(encoding="utf-8")
    got = _step(ws, root, renstra, text.replace("      - id: S1.1.I1\n", "      - id: S1.1.I1x\n", 1))
    assert not _at(before, "CAS302", skp) and _at(got, "CAS302", skp)
    assert ws._live.last_scopes["CAS302"] < len(ws._live.workspace.parsed)
    got = _step(ws, root, renstra, text)
    assert not _at(got, "CAS302", skp)


def test_an_upper_edit_reruns_the_rules_reading_up_the_chain_below(tmp_path):
    """reads = "up" (CAS401 indicator-outside-chain): an SKP indicator supports the indicator of a
    sasaran its rhk does not cascade to (a finding in the SKP); moving that rhk's sasaran under the
    other one in the renstra puts it in the chain, and the SKP's finding goes."""
    root, renstra, skp = _scoped_workspace(tmp_path)
    ws = cascade.load(str(root))
    _warm(ws, skp)
    doc = "r35-77.dindik.renstra-2025"
    s_text = skp.read_text(encoding="utf-8")
    assert f"supports: [{doc}:S1.1.I1]" in s_text and "  - id: S1.2\n" in renstra.read_text(encoding="utf-8")
    got = _step(ws, root, skp, s_text.replace(f"supports: [{doc}:S1.1.I1]", f"supports: [{doc}:S1.2.I1]", 1))
    assert _at(got, "CAS401", skp)
    r_text = renstra.read_text(encoding="utf-8")
    moved = re.sub(r"(  - id: S1\.1\n(?:    (?!parent).*\n)*?    parent: )T1\n", r"\1S1.2\n", r_text, count=1)
    assert moved != r_text
    got = _step(ws, root, renstra, moved)
    assert not _at(got, "CAS401", skp)
    assert ws._live.last_scopes["CAS401"] < len(ws._live.workspace.parsed)


def test_a_lower_edit_reruns_the_rules_reading_referrers_on_the_documents_above(tmp_path):
    """reads = "referrers" (CAS305 idle-unit): a renstra unit no one holds is idle (a finding in the
    renstra); an SKP that puts an employee in it makes it active, although only the SKP was edited."""
    root, renstra, skp = _scoped_workspace(tmp_path)
    r_text = renstra.read_text(encoding="utf-8")
    unit = "  - id: SEKSI9\n    name: Seksi Baru\n    level: pengawas\n    parent: BID1\n    bidang: [\"1.01\"]\n"
    r_text = r_text.replace("  - id: BID2\n", unit + "  - id: BID2\n", 1)
    renstra.write_text(r_text, encoding="utf-8")
    ws = cascade.load(str(root))
    before = ws.validate()
    assert [ref for _, ref in _at(before, "CAS305", renstra)] == ["r35-77.dindik.renstra-2025#SEKSI9"]
    _warm(ws, skp)
    s_text = skp.read_text(encoding="utf-8")
    got = _step(ws, root, skp, s_text.replace("      unit: SEKSI1.1\n", "      unit: SEKSI9\n", 1))
    assert not _at(got, "CAS305", renstra)
    assert ws._live.last_scopes["CAS305"] < len(ws._live.workspace.parsed)
