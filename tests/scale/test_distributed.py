"""National scale on Dask: ``cascade.distributed.validate`` returns exactly what one process returns.

The workspace is three provinces with two kab/kota each (RPJMD, a Dinkes renstra and its SKP), with
planted defects that cross partitions: a crosscut into another region, an RPJMN priority no region
serves, a document id used in two regions, a region whose files are all broken YAML, a province goal
that reaches nothing (its cut-off count spans regions), a link into another province's RPJMD, an
``aligns_to`` typo, a justified missing indicator and a header the fast scan leaves to the loader.
Equivalence is asserted over every rule registered, so it covers rules added later.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
import yaml

import cascade
from cascade.cli import commands as cli
from cascade.scale import distributed
from cascade.scale.distributed import tasks as distributed_tasks
from cascade.core.findings import Span
from cascade.read.discovery import discover
from cascade.validate import RunSettings
from cascade.read.suppressions import Suppression
from cascade.views.trace import coverage_rows

try:
    import distributed as dask_distributed
except ImportError:  # the "dask" runs skip; the local process pool ("processes") needs no Dask
    dask_distributed = None

YEARS = range(2025, 2030)
PROVINCES = {"35": ["35.19", "35.77"], "33": ["33.01", "33.10"], "32": ["32.01", "32.02"]}
BROKEN = "32.02"


def _indicator(id_: str, name: str, type_: str, supports: list[str] = (), key: bool = False) -> dict:
    return {
        "id": id_, "name": name, "type": type_, "unit": "%", "polarity": "positive",
        "baseline": {"year": 2024, "value": 50.0}, "targets": {y: 50.0 + y - 2024 for y in YEARS}, "final": 55.0,
        "supports": list(supports), "key": key, "definition": "jumlah capaian dibagi sasaran", "source": "BPS",
    }


def _element(id_: str, kind: str, name: str, type_: str | None, parent: str | None = None, supports: list[str] = (),
             ind_supports: list[str] = (), **extra) -> dict:
    el = {"id": id_, "kind": kind, "name": name}
    if parent:
        el["parent"] = parent
    if supports:
        el["supports"] = list(supports)
    el.update(extra)
    if type_:
        el["indicators"] = [_indicator(f"{id_}.I1", f"Persentase capaian {name.lower()}", type_, ind_supports)]
    return el


def _header(id_: str, kind: str, title: str, region: str | None, aligns: list[str], period=(2025, 2029), **extra) -> dict:
    head = {"id": id_, "kind": kind, "title": title, "period": {"start": period[0], "end": period[1]}}
    if region:
        head["region"] = {"code": region, "name": f"Wilayah {region}"}
    if aligns:
        head["aligns_to"] = aligns
    head.update(extra)
    return head


def _rpjmn() -> dict:
    return {"document": _header("rpjmn-2025", "rpjmn", "RPJMN 2025-2029", None, []), "elements": [
        _element(f"PN{i}", "prioritas_nasional", f"Prioritas nasional {i}", "impact") for i in (1, 2, 3)
    ]}


def _rpjmd(doc: str, region: str, aligns: list[str], up: str | None) -> dict:
    """misi > tujuan > sasaran > program for PN1 and PN2; ``up`` is the upper RPJMD (None: the RPJMN)."""
    els = []
    for n in (1, 2):
        sup = (lambda local: [f"rpjmn-2025:PN{n}"] if local == "M" else []) if up is None else (lambda local: [f"{up}:{local}{n}"])
        isup = (lambda local: [f"rpjmn-2025:PN{n}.I1"]) if up is None else (lambda local: [f"{up}:{local}{n}.I1"])
        els += [
            _element(f"M{n}", "misi", f"Misi {n}", None, supports=sup("M")),
            _element(f"T{n}", "tujuan", f"Tujuan {n}", "impact", parent=f"M{n}", supports=sup("T") if up else [], ind_supports=isup("T")),
            _element(f"S{n}", "sasaran", f"Sasaran {n}", "outcome", parent=f"T{n}", supports=sup("S") if up else [], ind_supports=[f"T{n}.I1"]),
            _element(f"P{n}", "program", f"Program {n}", "outcome", parent=f"S{n}", code="1.02.02", ind_supports=[f"S{n}.I1"]),
        ]
    return {"document": _header(doc, "rpjmd", f"RPJMD {region}", region, aligns), "elements": els}


def _renstra(doc: str, region: str, rpjmd: str, **extra) -> dict:
    return {
        "document": _header(doc, "renstra", f"Renstra Dinas Kesehatan {region}", region, [rpjmd],
                            agency={"code": "1.02.0.00.0.00.01.0000", "name": "Dinas Kesehatan"}, **extra),
        "elements": [
            _element("T1", "tujuan", "Tujuan kesehatan", "impact", supports=[f"{rpjmd}:S1"], ind_supports=[f"{rpjmd}:S1.I1"]),
            _element("S1", "sasaran", "Sasaran kesehatan", "outcome", parent="T1", ind_supports=["T1.I1"]),
            _element("1.02.02", "program", "Program pelayanan kesehatan", "outcome", parent="S1", owner="YANKES", code="1.02.02",
                     ind_supports=["S1.I1"]),
            _element("1.02.02.2.01", "kegiatan", "Penyediaan fasilitas kesehatan", "output", parent="1.02.02", owner="YANKES",
                     code="1.02.02.2.01", ind_supports=["1.02.02.I1"]),
        ],
        "organization": [
            {"id": "KADIN", "name": "Kepala Dinas", "level": "jpt", "bidang": ["1.02"]},
            {"id": "YANKES", "name": "Bidang Pelayanan Kesehatan", "level": "administrator", "parent": "KADIN", "bidang": ["1.02"]},
        ],
    }


def _skp(doc: str, region: str, renstra: str) -> dict:
    def rhk(id_, name, unit, **links):
        el = _element(id_, "rhk", name, None, **links)
        el["employee"] = {"nip": "198001012005011001", "name": "Pegawai", "unit": unit}
        el["indicators"] = [{**_indicator(f"{id_}.I1", f"Persentase {name.lower()}", "output", [f"{renstra}:S1.I1"]),
                             "targets": {2026: 60.0}, "final": 60.0}]
        return el

    agency = {"code": "1.02.0.00.0.00.01.0000", "name": "Dinas Kesehatan"}
    return {"document": _header(doc, "skp", f"SKP Dinas Kesehatan {region} 2026", region, [renstra], period=(2026, 2026), agency=agency),
            "elements": [rhk("RHK1", "Layanan kesehatan", "KADIN", supports=[f"{renstra}:S1"]),
                         rhk("RHK2", "Fasilitas kesehatan", "YANKES", parent="RHK1")]}


def _write(root: Path, rel: str, data: dict, broken: bool = False, comment: str = "") -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path.write_text(comment + text + ("elements: [unclosed\n" if broken else ""), encoding="utf-8")


#: Inline suppressions: one used, one that silences nothing (CAS901), one naming no rule (CAS902).
COMMENTS = {
    "32/32.01/dinkes/skp-2026.yaml": "# cascade: ignore-file[unknown-reference] renstra baru belum terbit\n",
    "35/35.77/rpjmd-2025.yaml": "# cascade: ignore-file[duplicate-key] tidak ada kunci ganda\n",
    "35/35.19/rpjmd-2025.yaml": "# cascade: ignore-file[no-such-rule] salah tulis\n",
}


def build_national(root: Path) -> Path:
    """Write the test nation under ``root``; returns ``root``."""
    _write(root, "rpjmn-2025.yaml", _rpjmn())
    for prov, kabs in PROVINCES.items():
        pdoc = f"r{prov}.rpjmd-2025"
        province = _rpjmd(pdoc, prov, ["rpjmn-2025"], None)
        if prov == "33":
            province["elements"][4]["supports"] = []  # misi M2 reaches nothing: a break in the shared tier
        _write(root, f"{prov}/rpjmd-2025.yaml", province)
        for kab in kabs:
            k = f"r{kab.replace('.', '-')}"
            rpjmd, renstra, skp = f"{k}.rpjmd-2025", f"{k}.dinkes.renstra-2025", f"{k}.dinkes.skp-2026"
            rp = _rpjmd(rpjmd, kab, [pdoc, "rpjmn-2025"], pdoc)
            rs = _renstra(renstra, kab, rpjmd)
            sk = _skp(skp, kab, renstra)
            if kab == "35.19":
                rp["elements"][2]["supports"].append("r33.rpjmd-2025:S1")  # into another province's RPJMD
            if kab == "35.77":
                rs["elements"][2]["crosscuts"] = ["r35-19.dinkes.renstra-2025:1.02.02"]  # another region's element
            if kab == "33.10":
                rp["document"]["aligns_to"] = [pdoc, "rpjnm-2025"]  # a typo of rpjmn-2025
                rs["elements"][3].pop("indicators")
                rs["elements"][3]["justification"] = "indikator kegiatan ditetapkan dalam Renja 2026"
                rs["document"]["title"] = "Renstra Dinas Kesehatan & KB"  # the fast scan leaves '&' to the loader
            if prov == "33":  # the Dinkes serve the sasaran under the broken misi: cut off two documents down
                rs["elements"][0]["supports"] = [f"{rpjmd}:S2"]
                rs["elements"][0]["indicators"][0]["supports"] = [f"{rpjmd}:S2.I1"]
            if kab == "32.01":
                rs["document"]["id"] = "r33-01.dinkes.renstra-2025"  # the same id as 33.01's renstra
            broken = kab == BROKEN
            for rel, data in ((f"{prov}/{kab}/rpjmd-2025.yaml", rp), (f"{prov}/{kab}/dinkes/renstra-2025.yaml", rs),
                              (f"{prov}/{kab}/dinkes/skp-2026.yaml", sk)):
                _write(root, rel, data, broken, COMMENTS.get(rel, ""))
    return root


def _edit(root: Path, rel: str, change) -> None:
    """Change the data of a written file in place, keeping its leading comment lines."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    data = yaml.safe_load("".join(lines[n:]))
    change(data)
    path.write_text("".join(lines[:n]) + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def build_wrong_way(root: Path) -> Path:
    """The test nation with links the wrong way, down from the shared tier into partitions; returns ``root``.

    Kota Madiun's sasaran 2 has no program: only province 35's program 2, which supports it, serves
    it. Its misi 1, tujuan 1 and sasaran 1 link nowhere up, so its first chain breaks in the
    kab/kota; province 33 gets a misi 3 that supports Madiun's Dinkes tujuan, below that break:
    what the misi reaches runs on through Madiun's RPJMD, beyond the documents it names.
    """
    build_national(root)

    def madiun(data: dict) -> None:
        data["elements"] = [e for e in data["elements"] if e["id"] != "P2"]
        for e in data["elements"]:
            if e["id"] in ("M1", "T1", "S1"):
                e.pop("supports", None)

    _edit(root, "35/35.77/rpjmd-2025.yaml", madiun)
    _edit(root, "35/rpjmd-2025.yaml", lambda d: d["elements"][7].update(supports=["r35-77.rpjmd-2025:S2"]))
    _edit(root, "33/rpjmd-2025.yaml", lambda d: d["elements"].append(
        {"id": "M3", "kind": "misi", "name": "Misi 3", "supports": ["r35-77.dinkes.renstra-2025:T1"]}))
    return root


def build_cycle_down(root: Path) -> Path:
    """The test nation where province 35's misi 1 supports Madiun's Dinkes tujuan, whose chain leads
    back up to that misi: a cycle cut off from the RPJMN, spanning the shared tier and a partition."""
    build_national(root)
    _edit(root, "35/rpjmd-2025.yaml", lambda d: d["elements"][0].update(supports=["r35-77.dinkes.renstra-2025:T1"]))
    return root


@pytest.fixture(scope="module")
def nation(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_national(tmp_path_factory.mktemp("nation")))


@pytest.fixture(scope="module")
def wrong_way(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_wrong_way(tmp_path_factory.mktemp("wrong-way")))


@pytest.fixture(scope="module", params=["processes", "dask"])
def client(request):
    """Every test runs on a pool of two local processes (``scheduler="processes"``, no Dask) and on
    a Dask ``LocalCluster`` of two workers (skipped without the extra)."""
    if request.param == "processes":
        local = distributed.LocalClient(2)
        yield local
        local.close()
        return
    if dask_distributed is None:
        pytest.skip("Dask is an optional extra: pip install -e \".[dask]\"")
    cluster = dask_distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = dask_distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def _cli_flags(client) -> list[str]:
    """The ``cascade lint`` flags that validate on ``client``'s kind of scheduler."""
    return ["--by-region"] if isinstance(client, distributed.LocalClient) else ["--dask", client.scheduler.address]


def _dask_only(client) -> None:
    if isinstance(client, distributed.LocalClient):
        pytest.skip("about the --dask flag")


def _same(single: cascade.Report, spread: cascade.Report) -> None:
    assert [f.as_dict() for f in spread] == [f.as_dict() for f in single]
    assert list(spread) == list(single)
    assert spread.stats == single.stats


def test_same_findings_as_one_process(nation: str, client) -> None:
    single = cascade.load(nation).validate()
    spread = distributed.validate(nation, scheduler=client)
    _same(single, spread)
    assert spread.stats == {"files": 22, "bytes": spread.stats["bytes"], "documents": 18, "elements": 93, "indicators": 76,
                            "suppressed": 1, "realisasi": 0}  # the SKP of 32.01 names units of a renstra absent from the workspace: unchecked


def _per_file(selectors: tuple[str, ...], pattern: str, line: int, base: str) -> Suppression:
    return Suppression(selectors, "cascade.toml", Span(line, 1, line, 1 + len(pattern)), None, pattern, base)


@pytest.mark.parametrize("kwargs", [
    {"select": ["CAS0", "CAS2"], "ignore": ["CAS201"], "severity": {"CAS202": "warning"}},
    {"select": ["ALL"], "severity": {"ALL": "info"}},
    {"inline_suppressions": False},
    {"select": ["CAS2", "CAS901"], "per_file": [(("CAS001",), "32/**", 3), (("CAS201",), "33/**", 4), (("CAS104",), "35/**", 5)]},
])
def test_same_findings_with_a_selection_and_suppressions(nation: str, client, kwargs: dict) -> None:
    kwargs = dict(kwargs)
    # configured per-file ignores: one used by an unselected load finding, one used in another
    # partition than the first, one used nowhere (CAS901 at its line in the config)
    kwargs["suppressions"] = [_per_file(sel, pattern, line, nation) for sel, pattern, line in kwargs.pop("per_file", ())]
    single = cascade.load(nation).validate(**kwargs)
    _same(single, distributed.validate(nation, scheduler=client, **kwargs))
    if kwargs["suppressions"]:
        assert [(f.file, f.line, f.code) for f in single.by_code("CAS901")] == [
            (os.path.join(nation, "35/35.77/rpjmd-2025.yaml"), 1, "CAS901"), ("cascade.toml", 5, "CAS901")
        ]


@pytest.mark.parametrize("show_personal", [False, True])
def test_employee_data_is_masked_or_shown_as_in_one_process(nation: str, client, show_personal: bool, capsys) -> None:
    kwargs = {"select": ["CAS202"], "inline_suppressions": False}
    single = cascade.load(nation, show_personal=show_personal).validate(**kwargs)
    _same(single, distributed.validate(nation, scheduler=client, show_personal=show_personal, **kwargs))
    flags = ["--show-personal"] if show_personal else []
    assert cli.main(["lint", nation, "--no-cache", *flags]) == 1
    alone = capsys.readouterr().out
    assert cli.main(["lint", *_cli_flags(client), nation, *flags]) == 1
    assert capsys.readouterr().out == alone
    if not show_personal:
        assert "198001012005011001" not in alone


def test_every_rule_group_alone_gives_the_same_findings(nation: str, client) -> None:
    ws = cascade.load(nation)
    for group in sorted({rule.group() for rule in cascade.all_rules()}):
        _same(ws.validate(select=[group]), distributed.validate(nation, scheduler=client, select=[group]))


def test_partitions_are_regions_merged_only_where_they_depend_on_each_other(nation: str, client) -> None:
    entries = list(enumerate(discover([nation])))
    run = distributed.Run(client, entries, RunSettings())
    run.run()
    parts = sorted(sorted({os.path.relpath(p, nation).split(os.sep)[1] for _, p in run._paths(own)}) for own, _ in run._jobs())
    # 35.19 links into 33's RPJMD (a shared document: context, no merge); 35.77 crosscuts into 35.19;
    # 32.01 and 33.01 hold the same document id; 32.02 is unreadable (its own partition, no context)
    assert parts == [["32.01", "33.01"], ["32.02"], ["33.10"], ["35.19", "35.77"]]
    shared = sorted(os.path.relpath(run.headers[s].path, nation) for s in run.shared)
    assert shared == ["32/rpjmd-2025.yaml", "33/rpjmd-2025.yaml", "35/rpjmd-2025.yaml", "rpjmn-2025.yaml"]
    contexts = {tuple(sorted({os.path.relpath(p, nation).split(os.sep)[1] for _, p in run._paths(own)})):
                sorted(os.path.relpath(p, nation) for _, p in run._paths(ctx)) for own, ctx in run._jobs()}
    assert contexts[("35.19", "35.77")] == ["33/rpjmd-2025.yaml", "35/rpjmd-2025.yaml", "rpjmn-2025.yaml"]
    assert contexts[("32.02",)] == []


def test_a_broken_region_does_not_stop_the_others(nation: str, client) -> None:
    report = distributed.validate(nation, scheduler=client)
    broken = sorted(os.path.relpath(f.file, nation) for f in report.by_code("CAS001"))
    assert broken == [f"32/{BROKEN}/dinkes/renstra-2025.yaml", f"32/{BROKEN}/dinkes/skp-2026.yaml", f"32/{BROKEN}/rpjmd-2025.yaml"]
    dup = report.by_code("CAS201")
    assert [(os.path.relpath(f.file, nation), f.line) for f in dup] == [("33/33.01/dinkes/renstra-2025.yaml", 2)]
    typo = [f for f in report.by_code("CAS202") if f.variant == "document"]
    assert [(os.path.relpath(f.file, nation), f.message) for f in typo] == [
        ("33/33.10/rpjmd-2025.yaml", "aligns_to 'rpjnm-2025' is not in the workspace; did you mean 'rpjmn-2025'?")
    ]


def test_findings_on_the_shared_tier_come_from_the_whole_nation(nation: str, client) -> None:
    report = distributed.validate(nation, scheduler=client, select=["orphan-element", "unsupported-element"])
    shared = [(os.path.relpath(f.file, nation), f.code, f.message) for f in report if os.sep not in os.path.relpath(f.file, nation)[3:]]
    # misi 2 of province 33 reaches nothing: cut off below it are 3 province elements, 4 of each
    # kab/kota RPJMD and 33.10's whole Dinkes renstra (4) and SKP (2) elements, found by the deep
    # pass; 33.01's renstra is left out (its id is 32.01's), and its SKP serves that other renstra
    assert shared[0][:2] == ("33/rpjmd-2025.yaml", "CAS301") and "17 element(s) below it" in shared[0][2]
    assert [s[:2] for s in shared[1:]] == [("rpjmn-2025.yaml", "CAS303")]


def test_links_down_from_the_shared_tier_count_where_they_land(wrong_way: str, client) -> None:
    single = cascade.load(wrong_way).validate()
    _same(single, distributed.validate(wrong_way, scheduler=client))
    # the province's program supports Madiun's sasaran 2 (a partition's context keeps what links
    # into the partition), and province 33's misi 3 is cut off below Madiun's misi 1
    assert not [f for f in single.by_code("CAS303") if f.ref == "r35-77.rpjmd-2025:S2"]
    assert [f.message for f in single.by_code("CAS301") if f.ref == "r35-77.rpjmd-2025:M1"] == [
        "misi 'Misi 1' has no path up to the national tier; cut off with it: 8 element(s) below it, 7 indicator(s)"
    ]
    assert [f.ref for f in single.by_code("CAS205") if f.ref.startswith(("r33.", "r35."))] == [
        "r33.rpjmd-2025:M3", "r35.rpjmd-2025:P2"
    ]


def test_a_reducer_follows_the_shared_tier_down_and_up_again(wrong_way: str, client) -> None:
    entries = list(enumerate(discover([wrong_way])))
    run = distributed.Run(client, entries, RunSettings())
    run.run()
    reach = {os.path.relpath(run.headers[s].path, wrong_way): sorted(os.path.relpath(p, wrong_way) for _, p in run._paths(run._upward([s])))
             for s in run.shared}
    # misi 3 of province 33 supports Madiun's Dinkes tujuan: its reducer follows that chain up
    # through Madiun's RPJMD (and the crosscut into 35.19) to where one process would find its end
    assert reach["33/rpjmd-2025.yaml"] == [
        "33/rpjmd-2025.yaml", "35/35.19/dinkes/renstra-2025.yaml", "35/35.19/rpjmd-2025.yaml",
        "35/35.77/dinkes/renstra-2025.yaml", "35/35.77/rpjmd-2025.yaml", "35/rpjmd-2025.yaml", "rpjmn-2025.yaml",
    ]
    assert reach["32/rpjmd-2025.yaml"] == ["32/rpjmd-2025.yaml", "rpjmn-2025.yaml"]


def test_a_trimmed_feeder_keeps_only_elements_that_are_nodes() -> None:
    ws = cascade.load({
        "document": _header("r35-77.rpjmd-2025", "rpjmd", "RPJMD", "35.77", ["r35.rpjmd-2025"]),
        "elements": [
            _element("T1", "tujuan", "Tujuan 1", None, indicators=[{"id": "S1", "name": "Indikator"}]),
            _element("S1", "sasaran", "Sasaran 1", None, supports=["r35.rpjmd-2025:S1"]),  # the id of T1's indicator
            _element("S2", "sasaran", "Sasaran 2", None, supports=["r35.rpjmd-2025:S2"]),
            _element("S2", "sasaran", "Sasaran 2 lagi", None),
        ],
    })
    assert ws.graph.nodes["r35-77.rpjmd-2025:S1"]["type"] == "indicator"
    trimmed = distributed_tasks._trim(ws.parsed["r35-77.rpjmd-2025"], "r35.rpjmd-2025")
    # S1 is a duplicate (CAS201) in the whole document, so it links nothing there; S2's twin stays a duplicate
    assert [e.name for e in trimmed.model.elements] == ["Sasaran 2", "Sasaran 2 lagi"]


def _single_coverage(paths: str, **kwargs) -> tuple[cascade.Report, list[dict]]:
    ws = cascade.load(paths)
    report = ws.validate(**kwargs)
    return report, coverage_rows(ws, report)


def test_coverage_is_the_single_process_table(nation: str, client) -> None:
    single, rows = _single_coverage(nation)
    got = distributed.coverage(nation, scheduler=client)
    _same(single, got.report)
    assert got.rows == rows
    assert [list(r) for r in got.rows] == [list(r) for r in rows]
    assert list(got.rows[0]) == [
        "document", "kind", "tier", "title", "elements", "indicators", "elements.prioritas_nasional", "elements.misi",
        "elements.tujuan", "elements.sasaran", "elements.program", "elements.kegiatan", "elements.rhk", "indicators.impact",
        "indicators.outcome", "indicators.output", "linked_up", "supported", "orphan_elements", "orphan_indicators",
        "errors", "warnings", "infos",
    ]
    by_doc = {r["document"]: r for r in got.rows}
    # the broken region has no document; the id doubled across regions is one row (32.01's file, first)
    assert len(by_doc) == 18 and not [d for d in by_doc if d.startswith("r32-02.")]
    assert by_doc["r33-01.dinkes.renstra-2025"]["title"] == "Renstra Dinas Kesehatan 32.01"
    # its CAS201 lies in 33.01's file, which holds no kept document: it counts where its ref points
    assert [by_doc["r33-01.dinkes.renstra-2025"][k] for k in ("errors", "warnings", "infos")] == [1, 0, 0]
    # the province misi cut off: half its elements, and the deep pass's CAS301 with its CAS401
    r33 = by_doc["r33.rpjmd-2025"]
    assert (r33["linked_up"], r33["supported"], r33["orphan_elements"], r33["errors"]) == (0.5, 0.75, 4, 2)
    assert (by_doc["rpjmn-2025"]["supported"], by_doc["rpjmn-2025"]["warnings"]) == (2 / 3, 1)  # PN3, served by no region
    # findings without a ref (an invalid and an unused inline suppression) count on their file's document
    assert (by_doc["r35-19.rpjmd-2025"]["errors"], by_doc["r35-77.rpjmd-2025"]["warnings"]) == (2, 1)
    assert by_doc["r33-10.dinkes.renstra-2025"]["infos"] == 1  # the justified missing indicator
    pytest.importorskip("pandas")
    from cascade.views.tables import coverage_frame

    assert coverage_frame(got.rows).equals(cascade.load(nation).coverage(single))


@pytest.mark.parametrize("kwargs", [
    {"select": ["CAS3"], "severity": {"CAS301": "warning"}},
    {"inline_suppressions": False, "ignore": ["CAS201"]},
])
def test_coverage_counts_the_findings_of_the_final_report(nation: str, client, kwargs: dict) -> None:
    single, rows = _single_coverage(nation, **kwargs)
    got = distributed.coverage(nation, scheduler=client, **kwargs)
    _same(single, got.report)
    assert got.rows == rows
    severities = {r["document"]: (r["errors"], r["warnings"], r["infos"]) for r in got.rows}
    if "select" in kwargs:
        assert {d: n for d, n in severities.items() if any(n)} == {"rpjmn-2025": (0, 1, 0), "r33.rpjmd-2025": (0, 1, 0)}
    else:
        # no CAS201 on the doubled id, no inline suppressions: neither unused (35.77) nor invalid (35.19)
        assert severities["r33-01.dinkes.renstra-2025"] == (0, 0, 0) and severities["r35-77.rpjmd-2025"] == (0, 0, 0)
        assert severities["r35-19.rpjmd-2025"] == (1, 0, 0)


def test_coverage_with_links_down_from_the_shared_tier(wrong_way: str, client) -> None:
    single, rows = _single_coverage(wrong_way)
    got = distributed.coverage(wrong_way, scheduler=client)
    _same(single, got.report)
    assert got.rows == rows
    by_doc = {r["document"]: r for r in got.rows}
    # Madiun's sasaran 2 is supported by the province's program (from the partition's context)
    assert (by_doc["r35-77.rpjmd-2025"]["elements"], by_doc["r35-77.rpjmd-2025"]["supported"]) == (7, 6 / 7)
    # misi 3 of province 33 runs down into Madiun's renstra and up into its broken chain: not linked up
    assert (by_doc["r33.rpjmd-2025"]["linked_up"], by_doc["r33.rpjmd-2025"]["orphan_elements"]) == (4 / 9, 5)


def test_cli_dask_prints_what_the_single_process_command_prints(nation: str, client, capsys) -> None:
    assert cli.main(["lint", nation, "--format", "json", "--lang", "en"]) == 1
    single = json.loads(capsys.readouterr().out)
    assert cli.main(["lint", *_cli_flags(client), nation, "--format", "json", "--lang", "en"]) == 1
    assert json.loads(capsys.readouterr().out) == single


def test_cli_dask_without_an_address_asks_for_a_local_cluster(nation: str, client, monkeypatch, capsys) -> None:
    _dask_only(client)
    asked = []

    def connect(scheduler, n_workers):  # the module's client stands in for the LocalCluster
        asked.append((scheduler, n_workers))
        return client, lambda: None

    monkeypatch.setattr(distributed, "connect", connect)  # the name validate_with calls
    assert cli.main(["lint", nation]) == 1
    single = capsys.readouterr().out
    assert cli.main(["lint", "--dask", nation]) == 1
    assert capsys.readouterr().out == single
    assert asked == [(None, 2)]


def test_cli_dask_address_or_path() -> None:
    assert cli._dask_address_or_path(["lint", "--dask", "specs"]) == ["lint", "--dask=", "specs"]
    assert cli._dask_address_or_path(["lint", "--dask", "tcp://10.0.0.1:8786", "specs"]) == ["lint", "--dask", "tcp://10.0.0.1:8786", "specs"]
    assert cli._dask_address_or_path(["lint", "--dask", "sched:8786", "specs"]) == ["lint", "--dask", "sched:8786", "specs"]
    assert cli._dask_address_or_path(["lint", "specs", "--dask"]) == ["lint", "specs", "--dask"]


def test_without_dask_the_command_says_how_to_install_it(nation: str, monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(distributed.MissingDependency, match=r"pip install 'dask\[distributed\]' \(the dask extra of sakip-cascade\)"):
        distributed.validate(nation)
    assert cli.main(["lint", "--dask", nation, "--lang", "en"]) == 2
    assert capsys.readouterr().err == "cascade: --dask needs Dask, the dask extra of sakip-cascade: pip install 'dask[distributed]'\n"
    assert cli.main(["lint", "--dask", nation]) == 2
    assert capsys.readouterr().err == "cascade: --dask memerlukan Dask, paket tambahan dask dari sakip-cascade: pip install 'dask[distributed]'\n"


def test_missing_files_and_empty_folders_are_findings_not_tracebacks(tmp_path: Path, client) -> None:
    missing = str(tmp_path / "tidak-ada.yaml")
    for paths in ([missing], [str(tmp_path)]):
        _same(cascade.load(*paths).validate(), distributed.validate(paths, scheduler=client))
        got = distributed.coverage(paths, scheduler=client)
        _same(cascade.load(*paths).validate(), got.report)
        assert got.rows == []
    report = distributed.validate([missing], scheduler=client)
    assert [(f.code, f.file) for f in report] == [("CAS005", missing)]


def test_bad_arguments_fail_before_any_cluster_starts(nation: str) -> None:
    for run in (distributed.validate, distributed.coverage):
        with pytest.raises(ValueError, match="unknown rule selector"):
            run(nation, select=["CAS999"])
        with pytest.raises(cascade.UsageError, match=rf"cascade.distributed.{run.__name__}\(\) takes a path"):
            run(42)
        with pytest.raises(cascade.UsageError):
            run(nation, n_workers=0)


def test_a_cycle_through_the_shared_tier_counts_what_it_cuts_off_below(tmp_path: Path, client) -> None:
    root = str(build_cycle_down(tmp_path / "cycle"))
    single = cascade.load(root).validate()
    _same(single, distributed.validate(root, scheduler=client))
    # the tujuan's count includes the province elements below misi 1, which Madiun's partition
    # context leaves out: the deep pass counts them over everything that reaches the tujuan
    assert [f.message for f in single.by_code("CAS301") if f.ref == "r35-77.dinkes.renstra-2025:T1"] == [
        "tujuan 'Tujuan kesehatan' has no path up to the national tier; cut off with it: 13 element(s) below it, 11 indicator(s)"
    ]


def test_lint_goes_by_region_on_its_own_from_the_size_threshold(nation: str, monkeypatch, capsys) -> None:
    from cascade.review import pipeline

    single = pipeline.lint([nation], by_region=False)
    assert single.workspace.documents  # one process: the whole workspace is loaded
    monkeypatch.setattr(pipeline, "BY_REGION_MIN_BYTES", 0)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    auto = pipeline.lint([nation])
    assert auto.workspace is None  # partitioned: the coordinator builds no document
    _same(single.report, auto.report)
    assert auto.files == single.files
    assert pipeline.lint([nation], jobs=1).workspace.documents  # jobs=1 keeps one process
    monkeypatch.setattr(pipeline, "BY_REGION_MIN_BYTES", 10**12)
    assert pipeline.lint([nation], by_region=True).workspace is None
    assert cli.main(["lint", nation, "--no-cache", "--format", "json"]) == 1
    alone = capsys.readouterr().out
    assert cli.main(["lint", nation, "--by-region", "--format", "json"]) == 1
    assert capsys.readouterr().out == alone
    monkeypatch.setattr(pipeline, "BY_REGION_MIN_BYTES", 0)
    assert cli.main(["lint", nation, "--no-by-region", "--no-cache", "--format", "json"]) == 1
    assert capsys.readouterr().out == alone


def test_local_processes_start_fresh_in_a_threaded_process(nation: str) -> None:
    """Forking a process that runs threads (a notebook kernel) is unsafe: the pool spawns there."""
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        local = distributed.LocalClient(1)
        try:
            assert local.pool._mp_context.get_start_method() == "spawn"
            _same(cascade.load(nation).validate(select=["CAS3"]), distributed.validate(nation, scheduler=local, select=["CAS3"]))
        finally:
            local.close()
    finally:
        stop.set()
        thread.join()
    import multiprocessing

    local = distributed.LocalClient(1)
    alone = threading.active_count() == 1  # other tests of the session may have left threads running
    expected = "fork" if alone and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    assert local.pool._mp_context.get_start_method() == expected
    local.close()


def test_suspect_links_reach_every_partition(nation: str, client) -> None:
    """CAS208 with a cascade.lock: the lock travels as the rule's option, so partitions and reducers
    report the suspect links one process reports, on the shared tier and in the regions."""
    from cascade.revisions.lock import lock_entries, parse_lock, dump_lock, with_lock

    ws = cascade.load(nation)
    entries = lock_entries(ws.graph)
    changed = sorted(entries)[:: max(1, len(entries) // 6)]  # items of the RPJMN, provinces and regions
    for ref in changed:
        entries[ref] = "0" * 16
    lock = parse_lock(dump_lock(entries))
    single = ws.validate(lock=lock, select=["CAS208"])
    spread = distributed.validate(nation, scheduler=client, select=["CAS208"], options=with_lock(None, lock))
    suspects = [f for f in single if f.code == "CAS208"]  # the nation's broken files stay CAS001 whatever is selected
    assert len(suspects) >= len(changed) and {f.args[0][1] for f in suspects} == set(changed)
    _same(single, spread)


def test_a_part_of_plan_goes_with_its_renstra_and_a_province_rpd_is_shared(tmp_path: Path, client) -> None:
    def write(rel: str, data: dict) -> None:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, sort_keys=False))

    prov = _header("prov.rpd-2024", "rpd", "RPD Provinsi 2024-2026", "75", [], period=(2024, 2026))
    write("75/rpd.yaml", {"document": prov, "elements": [{"id": "M1", "kind": "misi", "name": "Misi satu"}]})
    dinkes = _header("kab.dinkes.renstra-2024", "renstra", "Renstra Dinkes", "75.01", ["prov.rpd-2024"], period=(2024, 2026),
                     agency={"name": "Dinas Kesehatan"})
    write("75.01/dinkes.yaml", {"document": dinkes, "elements": [
        {"id": "T1", "kind": "tujuan", "name": "Meningkatnya derajat kesehatan", "supports": ["prov.rpd-2024:M1"]}]})
    # the Puskesmas plan carries another region code: it still travels with its Dinas' renstra
    pkm = _header("kab.pkm.renstra-2024", "renstra", "Renstra Puskesmas", "75.02", [], period=(2024, 2026),
                  agency={"name": "Puskesmas"}, part_of="kab.dinkes.renstra-2024")
    write("75.02/pkm.yaml", {"document": pkm, "elements": [
        {"id": "T1", "kind": "tujuan", "name": "Meningkatnya derajat kesehatan", "supports": ["kab.dinkes.renstra-2024:T1"]}]})
    root = str(tmp_path)
    entries = list(enumerate(discover([root])))
    run = distributed.Run(client, entries, RunSettings())
    run._scan()
    assert sorted(os.path.relpath(run.headers[s].path, root) for s in run.shared) == [os.path.join("75", "rpd.yaml")]
    keys = {os.path.relpath(run.headers[i].path, root): k for i, k in run.key_of.items()}
    assert keys == {os.path.join("75.01", "dinkes.yaml"): "75.01", os.path.join("75.02", "pkm.yaml"): "75.01"}
    _same(cascade.load(root).validate(), distributed.validate(root, scheduler=client))


# -- realisasi (issue 17): a realisasi document travels with the partition of its plan ----------------

_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("where", ["specs", "examples/defects"])
def test_realisasi_by_region_gives_the_findings_of_one_process(where: str, client) -> None:
    """On local processes and on Dask workers: the realisasi documents travel with their plans."""
    path = str(_ROOT / where)
    options = {"missing-realization": {"as_of": 2026}}
    # CAS208 reads the workspace's cascade.lock, which Cascade.validate finds and distributed.validate is handed by lint
    single = cascade.load(path).validate(options=options, ignore=["CAS208"])
    spread = distributed.validate(path, scheduler=client, options=options, ignore=["CAS208"])
    _same(single, spread)
    assert [f for f in single if f.code.startswith("CAS7")] or where == "specs"


def test_realisasi_of_every_indicator_by_region(tmp_path: Path, client) -> None:
    """A generated nation with a realisasi document beside every plan (as benchmarks/bench_realisasi.py
    writes them): the CAS7xx findings of a run by region, on processes and on Dask, are one process's."""
    from benchmarks.bench_realisasi import add_realisasi
    from benchmarks.generate import generate_workspace

    generate_workspace(str(tmp_path), elements=3000, regions=3, seed=2)
    assert add_realisasi(tmp_path) > 1000
    options = {"missing-realization": {"as_of": 2026}}
    single = cascade.load(str(tmp_path)).validate(options=options)
    spread = distributed.validate(str(tmp_path), scheduler=client, options=options)
    _same(single, spread)
    # the shared tier's indicators are judged against what supports them in every region (CAS704)
    assert {f.code for f in single} >= {"CAS703", "CAS704"}
    assert [f for f in single if f.code == "CAS704" and f.ref.startswith("rpjmn-2025:")]
    # the coverage table counts the realisasi documents' findings where one process counts them
    _, rows = _single_coverage(str(tmp_path), options=options)
    assert distributed.coverage(str(tmp_path), scheduler=client, options=options).rows == rows


def test_realisasi_goes_into_its_plans_partition() -> None:
    plan = _ROOT / "specs" / "kota-madiun" / "rpjmd-2019.yaml"
    real = _ROOT / "specs" / "kota-madiun" / "realisasi-2024.yaml"
    heads = {h.id: h for h in distributed.read_headers([(0, str(plan)), (1, str(real))])}
    assert heads["kota-madiun.realisasi-2024"].part_of == "kota-madiun.rpjmd-2019"
    assert heads["kota-madiun.realisasi-2024"].aligns_to == ("kota-madiun.rpjmd-2019",)
    # what the partition holds (the region's files and the shared documents) gives the whole workspace's rows
    whole = cascade.load(str(_ROOT / "specs")).capaian(as_of=2026).rows
    region = cascade.load(str(_ROOT / "specs" / "kota-madiun"), str(_ROOT / "specs" / "jatim"),
                          str(_ROOT / "specs" / "rpjmn-2020.yaml")).capaian(as_of=2026).rows
    assert region == whole and len(whole) == 48


def test_the_full_text_by_region_is_the_text_of_one_process() -> None:
    """``--by-region`` quoted lines of a CSV table (with a caret under a character of the raw line, not
    under the cell) where one process quoted none; the text of examples/defects is now the same, and
    both quote the CSV's line with the carets under the cell."""
    import io

    defects = str(Path(__file__).resolve().parents[2] / "examples" / "defects")
    texts = []
    for flags in ([], ["--by-region"]):
        out = io.StringIO()
        assert cli.main(["lint", defects, "--no-cache", "-q", *flags], stdout=out, stderr=io.StringIO()) == 1
        texts.append(out.getvalue())
    assert texts[0] == texts[1]
    # the CSV's line is quoted, the carets under the cell (a CSV's findings stand at its characters)
    line = "1;Meningkatnya perlindungan dan jaminan sosial bagi keluarga miskin;Jumlah fakir miskin penerima bantuan sosial;"
    assert f"lkjip-2025.csv:2:69: CAS706" in texts[0]
    assert f"2 | {line}jiwa;53.000;52.470;99\n  | {' ' * 68}{'^' * 43}\n" in texts[0]
