"""Every automated or partial criterion on small workspaces built to give each answer (A..E, or Y/T)."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import cascade  # noqa: E402
from cascade.sakip import METHODS, CapaianRow, catalogue  # noqa: E402
from sakip_support import PATH, base, broken_for, plant  # noqa: E402

LETTERS = "ABCDE"


def answer(docs, cid, **kw):
    r = cascade.load(*docs).sakip(lang="en", **kw)
    return r.criterion(cid)


def test_every_automated_or_partial_criterion_has_a_method_and_no_manual_one_has():
    modes = {c.id: c.mode for c in catalogue().criteria()}
    assert set(METHODS) == {cid for cid, mode in modes.items() if mode != "manual"}
    # ... and a test below (the ids named in this module)
    text = Path(__file__).read_text(encoding="utf-8")
    assert [cid for cid in METHODS if f'"{cid}"' not in text] == []


def _ratio_case(cid, change, letter, total, **kw):
    k = broken_for(letter, total)
    assert k <= 10, "the builder can break ten items"
    docs = plant(base(**kw.pop("base", {})), k, change, **kw)
    got = answer(docs, cid)
    assert (got.answer, got.ok, got.total) == (letter, total - k, total), got.evidence
    if k:
        assert got.refs and all(w.reasons for w in got.refs)
    return got


@pytest.mark.parametrize("letter", LETTERS)
def test_perencanaan_2_5_smart_indicators(letter):
    got = _ratio_case("perencanaan.2.5", lambda e, i: e["indicators"][0].pop("unit"), letter, 13)
    if letter != "A":
        assert got.refs[0].reasons == ("CAS501",) and got.refs[0].ref.startswith("kota.dinkes.renstra-2019:RS")


@pytest.mark.parametrize("letter", LETTERS)
def test_perencanaan_2_7_targets_behind_baseline_are_not_achievable_and_challenging(letter):
    def behind(e, i):
        e["indicators"][0]["targets"] = {y: 50 + (y - 2020) for y in range(2020, 2025)}
    got = _ratio_case("perencanaan.2.7", behind, letter, 13)
    if letter != "A":
        assert "CAS512" in got.refs[0].reasons


def test_perencanaan_2_7_flat_result_paths_count_against():
    docs = plant(base(), 3, lambda e, i: e["indicators"][0].update(targets={y: 60 for y in range(2020, 2025)}))
    got = answer(docs, "perencanaan.2.7")
    assert got.answer == "C" and {r for w in got.refs for r in w.reasons} >= {"flat"}


@pytest.mark.parametrize("letter", LETTERS)
def test_perencanaan_2_8_cascading(letter):
    def cut(e, i):
        e.pop("parent")
        e["indicators"][0].pop("supports")
    got = _ratio_case("perencanaan.2.8", cut, letter, 14)
    if letter != "A":
        assert "CAS301" in got.refs[0].reasons


@pytest.mark.parametrize("letter", LETTERS)
def test_perencanaan_2_4_results_measured_by_result_indicators(letter):
    _ratio_case("perencanaan.2.4", lambda e, i: e["indicators"][0].update(type="process"), letter, 13)


@pytest.mark.parametrize("letter", LETTERS)
def test_perencanaan_2_6_iku_per_tujuan_and_sasaran(letter):
    got = _ratio_case("perencanaan.2.6", lambda e, i: e["indicators"][0].update(key=False), letter, 13)
    assert got.mode == "partial"


@pytest.mark.parametrize("letter", LETTERS)
def test_perencanaan_2_10_every_unit_plans(letter):
    _ratio_case("perencanaan.2.10", lambda e, i: e.pop("owner"), letter, 11, base={"units": True})


@pytest.mark.parametrize("letter", LETTERS)
def test_perencanaan_2_11_every_employee_with_an_skp_linked_to_the_renstra(letter):
    def unlink(e, i):
        e.pop("parent")
        e.pop("supports")
    got = _ratio_case("perencanaan.2.11", unlink, letter, 11, base={"skp": True, "units": True}, doc=3)
    if letter != "A":
        assert got.refs[0].reasons == ("CAS306",)
    # masked: no NIP or name of an employee anywhere in the evidence
    assert "000000000000000101" not in got.evidence + repr(got.refs) and "Pegawai" not in got.evidence


def test_perencanaan_2_11_units_without_an_skp_holder_count_as_missing():
    docs = base(skp=True, units=True)
    docs[3]["elements"] = docs[3]["elements"][:8]  # U8..U10 hold no skp
    got = answer(docs, "perencanaan.2.11")
    assert (got.answer, got.ok, got.total) == ("C", 8, 11)
    assert [w.reasons for w in got.refs] == [("no-skp",)] * 3


@pytest.mark.parametrize("letter", LETTERS)
def test_perencanaan_3_2_activities_support_results(letter):
    def orphan(e, i):
        e["indicators"][0].pop("supports")
    k = broken_for(letter, 10)
    docs = plant(base(kegiatan=True), k, orphan, first=12)  # K1.. follow RT1, RS1..RS10, P1
    got = answer(docs, "perencanaan.3.2")
    assert (got.answer, got.ok, got.total) == (letter, 10 - k, 10)


@pytest.mark.parametrize("letter", LETTERS)
def test_pengukuran_2_2_relevant_measures(letter):
    _ratio_case("pengukuran.2.2", lambda e, i: e["indicators"][0].update(unit="dokumen"), letter, 13)


@pytest.mark.parametrize("answer_, broken", [("Y", 0), ("T", 1)])
def test_pengukuran_1_2_definitions_of_iku(answer_, broken):
    docs = plant(base(), broken, lambda e, i: e["indicators"][0].pop("definition"))
    got = answer(docs, "pengukuran.1.2")
    assert got.answer == answer_ and got.total == 13
    if broken:
        assert got.refs[0].reasons == ("CAS510",)


def test_pengukuran_1_2_option_definition_for_all_reads_every_indicator():
    docs = plant(base(kegiatan=True), 2, lambda e, i: e["indicators"][0].pop("source"), first=12)
    assert answer(docs, "pengukuran.1.2").answer == "Y"  # kegiatan indicators are no IKU
    got = cascade.load(*docs).sakip(options={"definition_for": "all"}).criterion("pengukuran.1.2")
    assert (got.answer, got.total) == ("T", 24)


def test_perencanaan_1_3_1_4_1_5_existence():
    assert answer(base(), "perencanaan.1.3").answer == "Y"
    assert answer(base(), "perencanaan.1.4").answer == "T"
    assert answer(base(skp=True, units=True), "perencanaan.1.4").answer == "Y"
    assert answer(base(), "perencanaan.1.5").answer == "T"
    assert answer(base(kegiatan=True), "perencanaan.1.5").answer == "Y"
    skp_only = base(skp=True, units=True)
    skp_only[3]["document"]["aligns_to"] = []
    got = cascade.load(skp_only[0], skp_only[3]).sakip(lang="en")
    assert got.criterion("perencanaan.1.3").answer == "T"
    assert got.criterion("perencanaan.1.5").answer is None and "no renstra" in got.criterion("perencanaan.1.5").evidence


def _two_opds(crosscut: bool):
    docs = base()
    other = copy.deepcopy(docs[2])
    other["document"]["id"] = "kota.dinsos.renstra-2019"
    other["document"]["agency"] = {"name": "Dinas Sosial"}
    if crosscut:
        docs[2]["elements"][1]["crosscuts"] = ["kota.dinsos.renstra-2019:RS1"]
        other["elements"][1]["crosscuts"] = ["kota.dinkes.renstra-2019:RS1"]
    return docs + [other]


def test_perencanaan_2_9_crosscutting():
    assert answer(_two_opds(True), "perencanaan.2.9").answer == "A"
    got = answer(_two_opds(False), "perencanaan.2.9")
    assert got.answer == "E" and [w.reasons for w in got.refs] == [("no-crosscuts",)] * 2
    one = answer(base(), "perencanaan.2.9")
    assert one.answer is None and "needs two or more" in one.evidence


def _rows(refs, year=2023, realized=66.0, target=66.0):
    return [CapaianRow(r, year, target, realized, "positive") for r in refs]


SASARAN = [f"kota.dinkes.renstra-2019:RS{i}.I1" for i in range(1, 11)]


@pytest.mark.parametrize("cid", ["perencanaan.3.3", "perencanaan.3.4", "pengukuran.2.4", "pengukuran.2.5"])
def test_criteria_on_capaian_are_not_judged_without_realisasi(cid):
    got = answer(base(), cid)
    assert (got.mode, got.answer, got.value) == ("partial", None, None)
    assert "no realisasi in the workspace" in got.evidence


@pytest.mark.parametrize("letter", LETTERS)
def test_perencanaan_3_3_targets_on_track(letter):
    k = broken_for(letter, 10)
    rows = _rows(SASARAN[k:]) + _rows(SASARAN[:k], realized=50.0)
    got = cascade.load(*base()).sakip(year=2023, capaian=rows).criterion("perencanaan.3.3")
    assert (got.answer, got.ok, got.total) == (letter, 10 - k, 10)


@pytest.mark.parametrize("cid", ["perencanaan.3.4", "pengukuran.2.4"])
@pytest.mark.parametrize("letter", LETTERS)
def test_capaian_monitored_every_year(cid, letter):
    every = [r for ref in SASARAN for r in (_rows([ref], y)[0] for y in (2020, 2021, 2022, 2023))]
    others = [r for ref in ("kota.rpjmd-2019:T1.I1", "kota.rpjmd-2019:S1.I1", "kota.dinkes.renstra-2019:RT1.I1")
              for r in (_rows([ref], y)[0] for y in (2020, 2021, 2022, 2023))]
    k = broken_for(letter, 13)
    rows = [r for r in every + others if not (r.ref in SASARAN[:k] and r.year == 2021)]
    got = cascade.load(*base()).sakip(year=2023, capaian=rows).criterion(cid)
    assert (got.answer, got.ok, got.total) == (letter, 13 - k, 13)


RPJMD_INDICATORS = ["kota.rpjmd-2019:T1.I1", "kota.rpjmd-2019:S1.I1"]
RENSTRA_INDICATORS = ["kota.dinkes.renstra-2019:RT1.I1"] + SASARAN  # 11


@pytest.mark.parametrize("renstra, rpjmd, letter, named", [
    (11, 2, "A", []),                    # every indicator of both tiers
    (10, 2, "A", ["renstra"]),           # rpjmd 100%, renstra 10/11: mean 95%; the renstra tier is below 95%
    (8, 2, "B", ["renstra"]),            # renstra 8/11: mean 86%
    (5, 2, "C", ["renstra"]),            # renstra 5/11: mean 73%
    (0, 2, "D", ["renstra"]),            # renstra none: mean 50%
    (0, 0, "E", ["renstra", "rpjmd"]),   # no tier monitors
])
def test_pengukuran_2_5_capaian_monitored_down_the_tiers(renstra, rpjmd, letter, named):
    rows = _rows(RPJMD_INDICATORS[:rpjmd] + RENSTRA_INDICATORS[:renstra]) or [CapaianRow("elsewhere:X.I1", 2023, 1.0, 1.0)]
    got = cascade.load(*base()).sakip(year=2023, capaian=rows).criterion("pengukuran.2.5")
    assert got.answer == letter, got.evidence
    assert sorted(w.ref for w in got.refs) == named


def _opds(n: int, without: int):
    """``n`` OPD renstras of one kota; the first ``without`` have no crosscutting link, the others
    crosscut the next OPD's sasaran RS1."""
    docs = base()
    first = docs.pop(2)
    renstras = []
    for i in range(n):
        doc = copy.deepcopy(first)
        doc["document"]["id"] = f"kota.opd{i}.renstra-2019"
        doc["document"]["agency"] = {"name": f"Perangkat Daerah {i}"}
        if i >= without:
            doc["elements"][1]["crosscuts"] = [f"kota.opd{(i + 1) % n}.renstra-2019:RS1"]
        renstras.append(doc)
    return docs + renstras


@pytest.mark.parametrize("letter", LETTERS)
def test_perencanaan_2_9_crosscutting_at_every_answer(letter):
    k = broken_for(letter, 20)
    got = answer(_opds(20, k), "perencanaan.2.9")
    assert (got.answer, got.ok, got.total) == (letter, 20 - k, 20), got.evidence
    assert sorted(w.ref for w in got.refs) == sorted(f"kota.opd{i}.renstra-2019" for i in range(k))[:10]


def test_realisasi_read_from_indicators_when_the_format_has_it():
    """The workspace's realisasi (issue 17) reaches the pengukuran criteria with the one capaian of
    cascade.core.capaian: RS1.I1 realised 60 against its 2023 target, as cascade capaian reports it."""
    from cascade.sakip.engine import _Ctx, scope_of

    plain = cascade.load(*base())
    scope, year = scope_of(plain, None, 2023)
    opts = {"thresholds": (0.95, 0.85, 0.7, 0.5), "on_track": 0.9}
    assert _Ctx(plain, scope, year, [], opts, None).capaian is None  # no realisasi: not judged
    docs = base()
    renstra = docs[2]
    renstra["elements"][1]["indicators"][0]["realized"] = {2023: 60}
    ws = cascade.load(*docs)
    rows = [r for r in _Ctx(ws, scope, year, [], opts, None, {"missing-realization": {"as_of": 2026}}).capaian if r.realized is not None]
    target = PATH[2023]
    assert rows == [CapaianRow("kota.dinkes.renstra-2019:RS1.I1", 2023, float(target), 60.0, "positive", round(60 / target * 100, 2), reported=True)]
    assert [(r.ref, r.year, r.capaian) for r in ws.capaian(as_of=2026).rows if r.realized is not None] == [(rows[0].ref, 2023, rows[0].capaian)]


def test_an_implausible_realisasi_is_reported_but_not_on_track_or_behind() -> None:
    """The CAS703 fixture: S1.I1's 2022/2023 realisasi 112 and -3 (a share) and S1.I2's 2022 8201
    (an IPM of about 82). Perencanaan 3.3 called S1.I1 behind target from the -3 (capaian -25,
    answer D); now only the believable years count (both on track), and pengukuran 2.4 still sees
    a realisasi every year."""
    fixture = Path(__file__).parents[1] / "fixtures" / "rules" / "CAS703" / "fail" / "rpjmd.yaml"
    result = cascade.load(str(fixture)).sakip(as_of=2023)
    p33 = result.criterion("perencanaan.3.3")
    assert (p33.answer, p33.ok, p33.total, p33.refs) == ("A", 2, 2, ())
    k24 = result.criterion("pengukuran.2.4")
    assert (k24.ok, k24.total) == (2, 2)


def test_a_text_realisasi_is_reported_and_a_scope_without_realisasi_is_judged() -> None:
    """specs: the Opini BPK (S1.1.1.I2, target and realisasi WTP each year) counted as no realisasi
    (7/90, rpjmd 23%, where capaian shows 8 indicators and rpjmd 8 of 30); the Dinkes renstra alone,
    with no realisasi in a workspace that has some, was 'not judged: no realisasi in the workspace'
    and graded AA; a year no plan covers was graded D."""
    ws = cascade.load(str(Path(__file__).parents[2] / "specs"))
    r = ws.sakip(as_of=2026)
    assert r.criterion("perencanaan.3.4").evidence.startswith("8/90 ")
    assert "rpjmd 27%" in r.criterion("pengukuran.2.5").evidence
    opd = ws.sakip(document="kota-madiun.dinkes.renstra-2019", as_of=2026)
    assert (opd.criterion("perencanaan.3.4").answer, opd.criterion("perencanaan.3.4").evidence[:5]) == ("E", "0/60 ")
    assert opd.predikat != "AA"
    with pytest.raises(cascade.UsageError, match="no plan in scope covers the year 2030"):
        ws.sakip(year=2030)


def test_the_command_refuses_a_year_no_plan_covers() -> None:
    import io

    from cascade.cli.commands import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["sakip", str(Path(__file__).parents[2] / "specs"), "--year", "2030"], stdout=out, stderr=err) == 2
    assert (out.getvalue(), err.getvalue()) == (
        "", "cascade: tidak ada rencana dalam cakupan yang meliputi tahun 2030; tidak ada yang dipra-evaluasi\n")
