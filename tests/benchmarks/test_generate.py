"""Tests of benchmarks/generate.py: the generated workspaces are format-valid and clean, mechanically checked.

The checker below is independent of the ``cascade`` package: it loads every file with PyYAML's safe loader
(the C one when available) and checks the invariants the generator promises. On a workspace with planted
defects it must find exactly the planted elements (and at most their parents, which may lose their only child).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.generate import DEFECT_KINDS, generate_workspace, main, region_layout  # noqa: E402

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DupLoader(_BASE):
    """Safe loader that records duplicate keys (with the `id` of the mapping that holds them)."""

    duplicates: list = []

    def construct_mapping(self, node, deep=False):
        seen = set()
        ident = None
        for k, v in node.value:
            if k.value in seen:
                _DupLoader.duplicates.append((ident, k.value))
            seen.add(k.value)
            if k.value == "id" and ident is None:
                ident = v.value
        return super().construct_mapping(node, deep=deep)


KINDS = {
    "rpjmn": ["prioritas_nasional", "program_prioritas", "kegiatan_prioritas", "proyek_prioritas"],
    "rpjmd": ["misi", "tujuan", "sasaran", "program"],
    "renstra": ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"],
    "skp": ["rhk"],
}
BOTTOM = {"kegiatan_prioritas", "proyek_prioritas", "program", "sub_kegiatan", "rhk"}   # generated bottom levels
NEEDS_INDICATOR = {"tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "rhk"}
TYPE = {"tujuan": "impact", "sasaran": "outcome", "program": "outcome", "kegiatan": "output", "sub_kegiatan": "output"}
DOC_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
LOCAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
CODE = {"program": re.compile(r"^\d\.\d\d\.\d\d$"), "kegiatan": re.compile(r"^\d\.\d\d\.\d\d\.2\.\d\d$"),
        "sub_kegiatan": re.compile(r"^\d\.\d\d\.\d\d\.2\.\d\d\.\d{4}$")}
QUOTE_NEEDED = re.compile(r"^\s*(?:- )?(?:id|code|parent|nip|owner|unit): (\d[^\n]*)$", re.M)


DUPLICATES: dict = {}


def load(ws: Path) -> dict:
    """{doc id: (relative path, data)}, after checking the raw text for unquoted numeric-looking values."""
    _DupLoader.duplicates = []
    docs = {}
    dups = []
    for path in sorted(ws.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        bad = [m.group(0) for m in QUOTE_NEEDED.finditer(text) if not m.group(1).startswith('"')]
        assert not bad, f"{path}: unquoted numeric-looking values {bad[:3]}"
        before = len(_DupLoader.duplicates)
        data = yaml.load(text, Loader=_DupLoader)
        rel = path.relative_to(ws).as_posix()
        doc_id = data["document"]["id"]
        assert doc_id not in docs, f"duplicate document id {doc_id}"
        docs[doc_id] = (rel, data)
        dups += [(doc_id, ident, key) for ident, key in _DupLoader.duplicates[before:]]
    DUPLICATES[id(docs)] = dups
    return docs


def tier(doc: dict) -> int:
    h = doc["document"]
    if h["kind"] == "rpjmn":
        return 0
    if h["kind"] == "rpjmd":
        return 1 if len(h["region"]["code"]) == 2 else 2
    return {"renstra": 3, "skp": 4}[h["kind"]]


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def check(docs: dict) -> dict:
    """All violations, as {(document id, element id): [messages]}."""
    bad = defaultdict(list)
    dups = DUPLICATES.get(id(docs), [])
    for doc_id, ident, key in dups:
        bad[(doc_id, ident)].append(f"duplicate key {key}")
    els = {d: {e["id"]: e for e in data["elements"]} for d, (_, data) in docs.items()}
    inds = {}          # (doc, indicator id) -> (element id, indicator)
    for d, (_, data) in docs.items():
        h = data["document"]
        assert DOC_ID.match(d)
        seen = set()
        for e in data["elements"]:
            for i in [e] + e.get("indicators", []):
                assert LOCAL_ID.match(str(i["id"])), i["id"]
                if i["id"] in seen:
                    bad[(d, e["id"])].append(f"duplicate local id {i['id']}")
                seen.add(i["id"])
            for i in e.get("indicators", []):
                inds[(d, i["id"])] = (e["id"], i)
        for a in h.get("aligns_to", []):
            assert a in docs, f"{d}: aligns_to {a} unknown"
            assert tier(docs[a][1]) < tier(data), f"{d}: aligns_to {a} not higher"
        if h.get("region") and h["kind"] == "rpjmd" and len(h["region"]["code"]) == 5:
            provs = [a for a in h["aligns_to"] if a != "rpjmn-2025"]
            assert all(docs[a][1]["document"]["region"]["code"] == h["region"]["code"][:2] for a in provs)
    children = defaultdict(int)
    for d, (_, data) in docs.items():
        for e in data["elements"]:
            if e.get("parent") is not None:
                children[(d, e["parent"])] += 1

    def resolve(d, ref):
        doc, _, local = ref.rpartition(":")
        return (doc or d), local

    # measure groups: (unit, polarity) and target values per tier and year
    groups = defaultdict(list)
    for d, (rel, data) in docs.items():
        h = data["document"]
        kind, t = h["kind"], tier(data)
        start, end = h["period"]["start"], h["period"]["end"]
        units = {u["id"]: u for u in data.get("organization", [])}
        owned = defaultdict(int)
        for e in data["elements"]:
            key = (d, e["id"])
            order = KINDS[kind]
            assert e["kind"] in order
            parent = e.get("parent")
            if parent is not None:
                p = els[d].get(parent)
                if p is None:
                    bad[key].append(f"parent {parent} unknown")
                elif order.index(p["kind"]) != order.index(e["kind"]) - 1 and kind != "skp":
                    bad[key].append("wrong parent kind")
            elif e["kind"] != order[0] and kind != "skp":
                bad[key].append("no parent")
            sups = e.get("supports") or []
            for ref in sups:
                rd, rl = resolve(d, ref)
                if rd not in docs or rl not in els[rd]:
                    bad[key].append(f"supports {ref} unknown")
                elif rd not in h.get("aligns_to", []):
                    bad[key].append(f"supports {ref} outside aligns_to")
            if parent is None and kind != "rpjmn" and not sups:
                bad[key].append("top element supports nothing")
            if e["kind"] not in BOTTOM and not children[key]:
                bad[key].append("no child")
            if e.get("owner") is not None:
                owned[e["owner"]] += 1
                u = units.get(e["owner"])
                if u is None:
                    bad[key].append("owner unknown")
                elif e.get("code") and e["code"][:4] not in u["bidang"]:
                    bad[key].append("owner bidang")
            code = e.get("code")
            if code is not None:
                assert isinstance(code, str)
                parts = code.split(".")
                if not CODE[e["kind"]].match(code):
                    bad[key].append("code syntax")
                elif not ((parts[0] == "1" and 1 <= int(parts[1]) <= 6) or (parts[0] == "2" and 7 <= int(parts[1]) <= 24)):
                    bad[key].append("urusan-bidang")
                elif parent in els[d] and els[d][parent].get("code") and not code.startswith(els[d][parent]["code"] + "."):
                    bad[key].append("code prefix")
            if e["kind"] in NEEDS_INDICATOR and not e.get("indicators"):
                bad[key].append("no indicator")
            if kind == "skp":
                emp = e["employee"]
                assert isinstance(emp["nip"], str) and len(emp["nip"]) == 18 and emp["nip"].isdigit()
            for ind in e.get("indicators", []):
                ik = ind["id"]
                if e["kind"] in TYPE and ind.get("type") != TYPE[e["kind"]]:
                    bad[key].append(f"{ik} type")
                if not ind.get("unit") or ind.get("polarity") not in ("positive", "negative"):
                    bad[key].append(f"{ik} unit/polarity")
                if ind.get("key") and not (ind.get("definition") and ind.get("source")):
                    bad[key].append(f"{ik} IKU without definition")
                tg = ind.get("targets") or {}
                years = list(range(start, end + 1))
                if sorted(tg) != years:
                    bad[key].append(f"{ik} target years {sorted(tg)}")
                vals = [tg[y] for y in years if y in tg]
                if any(not isinstance(v, (int, float)) or isinstance(v, bool) for v in vals):
                    bad[key].append(f"{ik} non-numeric target")
                    continue
                if ind.get("final") != (tg.get(end)):
                    bad[key].append(f"{ik} final")
                b = ind.get("baseline") or {}
                if b.get("year") != start - 1:
                    bad[key].append(f"{ik} baseline year")
                path = [b.get("value")] + vals
                sign = 1 if ind["polarity"] == "positive" else -1
                if any(sign * (y - x) < 0 for x, y in zip(path, path[1:])):
                    bad[key].append(f"{ik} path against polarity")
                if ind["unit"] == "%" and any(not 0 <= v <= 100 for v in path):
                    bad[key].append(f"{ik} percent out of range")
                gkey = ind.get("measure") or _norm(ind["name"])
                groups[gkey].append((key, ik, ind["unit"], ind["polarity"], t, tg))
                # indicator supports: parent's indicator (bare) or an indicator of a supported element
                if e["kind"] == "prioritas_nasional":
                    continue
                isups = ind.get("supports") or []
                if not isups:
                    bad[key].append(f"{ik} supports nothing")
                allowed = {(d, parent)} | {resolve(d, r) for r in sups}
                for ref in isups:
                    rd, rl = resolve(d, ref)
                    target = inds.get((rd, rl))
                    if target is None:
                        bad[key].append(f"{ik} supports unknown {ref}")
                    elif (rd, target[0]) not in allowed:
                        bad[key].append(f"{ik} supports outside chain {ref}")
                    elif target[1]["polarity"] != ind["polarity"]:
                        bad[key].append(f"{ik} polarity differs from {ref}")
        for uid in units:
            if not owned[uid]:
                bad[(d, uid)].append("idle unit")
    # same measure: same unit and polarity (majority wins); every lower tier at least as ambitious (90%)
    for gkey, members in groups.items():
        up_count = defaultdict(int)
        for m in members:
            up_count[(m[2], m[3])] += 1
        major = max(up_count, key=up_count.get)
        for key, ik, unit, pol, t, tg in members:
            if (unit, pol) != major:
                bad[key].append(f"{ik} measure {gkey}: {unit}/{pol} vs {major}")
        pol = major[1]
        # year -> tier -> the most ambitious value of that tier; every lower value must reach 90% of it
        top = defaultdict(dict)
        for key, ik, unit, p, t, tg in members:
            for y, v in tg.items():
                if isinstance(v, (int, float)):
                    cur = top[y].get(t)
                    top[y][t] = v if cur is None else (max(cur, v) if pol == "positive" else min(cur, v))
        for key, ik, unit, p, t, tg in members:
            for y, v in tg.items():
                if not isinstance(v, (int, float)):
                    continue
                for ut, uv in top[y].items():
                    if ut < t and (v < 0.9 * uv if pol == "positive" else v * 0.9 > uv):
                        bad[key].append(f"{ik} weaker than tier {ut} in {y}")
    # cascade coverage: every PN reached by every province; every renstra sasaran reached by an rhk
    for d, (_, data) in docs.items():
        h = data["document"]
        if h["kind"] == "rpjmd" and len(h["region"]["code"]) == 2:
            reached = {r for e in data["elements"] for r in e.get("supports") or [] if r.startswith("rpjmn-2025:")}
            assert reached >= {f"rpjmn-2025:PN{i}" for i in range(1, 9)}, f"{d} does not reach all 8 PN"
        if h["kind"] == "skp":
            renstra_id = h["aligns_to"][0]
            r_units = {u["id"]: u for u in docs[renstra_id][1]["organization"]}
            reached = {resolve(d, r)[1] for e in data["elements"] for r in e.get("supports") or []}
            for e in docs[renstra_id][1]["elements"]:
                if e["kind"] == "sasaran" and e["id"] not in reached:
                    bad[(renstra_id, e["id"])].append("sasaran not reached by an rhk")
            for e in data["elements"]:
                unit = e["employee"]["unit"]
                if unit not in r_units:
                    bad[(d, e["id"])].append("employee unit unknown")
                    continue
                p = els[d].get(e.get("parent"))
                if p is not None:
                    chain, u = set(), unit
                    while u:
                        chain.add(u)
                        u = r_units[u].get("parent")
                    if p["employee"]["unit"] not in chain:
                        bad[(d, e["id"])].append("superior rhk outside own/ancestor unit")
    return bad


@pytest.fixture(scope="module")
def clean_ws(tmp_path_factory):
    ws = tmp_path_factory.mktemp("ws2000")
    res = generate_workspace(ws, elements=2000, seed=7)
    return ws, res, load(ws)   # loading is the slow part (PyYAML builds Python objects): do it once


def test_clean_workspace_has_no_violation(clean_ws):
    ws, res, docs = clean_ws
    n_elements = sum(len(data["elements"]) for _, data in docs.values())
    assert abs(n_elements - 2000) <= 0.05 * 2000
    assert n_elements == res.elements
    assert res.files == len(list(ws.rglob("*.yaml"))) == res.documents
    assert res.indicators >= res.elements
    bad = check(docs)
    assert not bad, dict(list(bad.items())[:10])


def test_layout_and_ids(clean_ws):
    ws, res, docs = clean_ws
    assert (ws / "rpjmn-2025.yaml").is_file()
    assert (ws / "35" / "rpjmd-2025.yaml").is_file()
    assert (ws / "35" / "35.77" / "rpjmd-2025.yaml").is_file()
    renstras = sorted(ws.glob("35/35.77/*/renstra-2025.yaml"))
    assert len(renstras) == res.opds >= 2
    for r in renstras:
        assert (r.parent / "skp-2026.yaml").is_file()
        rel, data = docs[f"r35-77.{r.parent.name}.renstra-2025"]
        assert rel == r.relative_to(ws).as_posix()
        assert data["document"]["region"]["code"] == "35.77"
        assert docs[f"r35-77.{r.parent.name}.skp-2026"][1]["document"]["period"] == {"start": 2026, "end": 2026}
    rpjmn = docs["rpjmn-2025"][1]
    assert [e["id"] for e in rpjmn["elements"] if e["kind"] == "prioritas_nasional"] == [f"PN{i}" for i in range(1, 9)]


def test_deterministic(tmp_path, clean_ws):
    ws, _, _ = clean_ws
    generate_workspace(tmp_path, elements=2000, seed=7)
    for path in ws.rglob("*.yaml"):
        assert (tmp_path / path.relative_to(ws)).read_bytes() == path.read_bytes()
    other = tmp_path / "other"
    generate_workspace(other, elements=2000, seed=8)
    a = (ws / "35/35.77/dinkes/renstra-2025.yaml").read_bytes()
    assert a != (other / "35/35.77/dinkes/renstra-2025.yaml").read_bytes()


@pytest.fixture(scope="module")
def regions_ws(tmp_path_factory):
    """Three kab/kota with planted defects: the checker must find the defects and nothing else."""
    ws = tmp_path_factory.mktemp("ws3regions")
    res = generate_workspace(ws, elements=1000, seed=1, regions=3, opds=2, defects=len(DEFECT_KINDS) + 4)
    docs = load(ws)
    return ws, res, docs, check(docs)


def test_three_regions(regions_ws):
    ws, res, docs, _ = regions_ws
    kab = sorted(d for d in docs if d.endswith(".rpjmd-2025") and d.count("-") == 2)
    assert kab == ["r35-01.rpjmd-2025", "r35-71.rpjmd-2025", "r35-77.rpjmd-2025"]
    for d in kab:
        rel, data = docs[d]
        code = data["document"]["region"]["code"]
        assert rel == f"35/{code}/rpjmd-2025.yaml"
        assert data["document"]["aligns_to"] == ["r35.rpjmd-2025", "rpjmn-2025"]
    assert len([d for d in docs if ".renstra-" in d]) == 6 == res.opds
    for d, (rel, data) in docs.items():
        if ".renstra-" in d or ".skp-" in d:
            region = data["document"]["region"]["code"]
            assert rel.startswith(f"35/{region}/") and d.startswith("r" + region.replace(".", "-") + ".")
    n = sum(len(data["elements"]) for _, data in docs.values())
    assert abs(n - 1000) <= 50 and n == res.elements


def test_national_layout():
    layout = region_layout(552)
    assert len(layout) == 38
    codes = [k.code for p in layout for k in p.kabkota]
    assert len(codes) == len(set(codes)) == 552
    for p in layout:
        assert len(p.code) == 2 and 11 <= int(p.code) <= 96
        assert p.kabkota, p.code
        for k in p.kabkota:
            assert k.code.startswith(p.code + ".") and 1 <= int(k.code[3:]) <= 99
    jatim = next(p for p in layout if p.code == "35")
    assert "35.77" in [k.code for k in jatim.kabkota]
    assert [k.code for k in region_layout(3)[0].kabkota] == ["35.77", "35.01", "35.71"]


def test_planted_defects_are_listed_and_found(regions_ws):
    ws, res, docs, bad = regions_ws
    k = len(DEFECT_KINDS) + 4
    assert [d.kind for d in res.defects] == [DEFECT_KINDS[i % len(DEFECT_KINDS)] for i in range(k)]
    assert len({(d.document, d.element) for d in res.defects}) == k
    assert len({d.file for d in res.defects}) >= 6            # spread over the workspace
    assert {d.file.split("/")[1] for d in res.defects} == {"35.77", "35.01", "35.71"}
    for d in res.defects:
        rel, data = docs[d.document]
        assert rel == d.file
        lines = (ws / d.file).read_text().splitlines()
        assert lines[d.line - 1].strip() in (f"- id: {d.element}", f'- id: "{d.element}"')
    planted = {(d.document, d.element) for d in res.defects}
    assert planted <= set(bad), planted - set(bad)
    # besides the planted elements, only a parent that lost its only child may be reported
    extra = set(bad) - planted
    parents = {(d.document, word) for d in res.defects for word in d.detail.split()}
    assert extra <= parents, {x: bad[x] for x in extra - parents}


def test_cli_summary(tmp_path, capsys):
    assert main(["--elements", "1000", "--out", str(tmp_path), "--defects", "3", "--seed", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("files=") and "elements=1000" in out[0] and "bytes=" in out[0]
    assert len([line for line in out if line.startswith("defect ")]) == 3


def test_too_small_is_an_error(tmp_path):
    with pytest.raises(ValueError):
        generate_workspace(tmp_path, elements=300, regions=50)
