"""Real published plan tables (tests/fixtures/real16/, sources named in each file): the exact findings.

Every real defect is found (targets behind the baseline: Gresik AKI 93.65 -> 115..95, AKB 3.59 -> 4,
gizi buruk 1.2 -> 2, UHH 72.30 -> 72.00; Bone pertumbuhan ekonomi 7.69 -> 7.14; Permendagri 13/2006
codes in Siak; numbers printed as text), and nothing else: no polarity defaulted to positive, no
target due in the kondisi awal year (Boalemo), no kondisi awal asked of an SKP, no sideways link from
a Puskesmas plan to its Dinas' renstra.

The LKjIP capaian tables (bantul, lombok-tengah, sampang): a lower-is-better capaian printed with the
LKjIP formula (AKI 104,7 against 75: 60,40, "Rendah") is not a mismatch and is low achievement; a
printed capaian of an indicator whose polarity nobody can tell is said to be unchecked; a row that
reports its year with realisasi "n/a" is a missing realisasi.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import cascade

ROOT = Path(__file__).parents[1] / "fixtures" / "real16"

EXPECTED: dict[str, list[str]] = {
    "bantul": [
        "realisasi-2014.yaml:17:35: CAS702 bantul.dinkes.renstra-2011:S1.I1",
    ],
    "boalemo": [
        "pkm-mananggu.yaml:22:9: CAS502 boalemo.pkm-mananggu.renstra-2022:T2.I1",
        "pkm-mananggu.yaml:22:9: CAS503 boalemo.pkm-mananggu.renstra-2022:T2.I1",
        "pkm-mananggu.yaml:22:9: CAS501 boalemo.pkm-mananggu.renstra-2022:T2.I1",
        "pkm-mananggu.yaml:47:9: CAS502 boalemo.pkm-mananggu.renstra-2022:P-1-02-02.I1",
        "pkm-mananggu.yaml:47:9: CAS501 boalemo.pkm-mananggu.renstra-2022:P-1-02-02.I1",
        "pkm-mananggu.yaml:52:5: CAS903 boalemo.pkm-mananggu.renstra-2022:K-X-XX-01-2.10",
        "pkm-mananggu.yaml:55:11: CAS601 boalemo.pkm-mananggu.renstra-2022:K-X-XX-01-2.10",
    ],
    "bone": [
        "rpjmd-2013.yaml:26:37: CAS512 bone.rpjmd-2013:F1.I1",
    ],
    "gresik": [
        "renstra-2016.yaml:29:16: CAS512 gresik.dinkes.renstra-2016:T1.I1",
        "renstra-2016.yaml:35:16: CAS512 gresik.dinkes.renstra-2016:T1.I2",
        "renstra-2016.yaml:41:16: CAS512 gresik.dinkes.renstra-2016:T1.I3",
        "renstra-2016.yaml:55:25: CAS512 gresik.dinkes.renstra-2016:S1.I1",
        "renstra-2016.yaml:62:25: CAS512 gresik.dinkes.renstra-2016:S1.I2",
        "renstra-2016.yaml:69:25: CAS512 gresik.dinkes.renstra-2016:S1.I3",
        "renstra-2016.yaml:77:9: CAS514 gresik.dinkes.renstra-2016:S2.I1",
    ],
    "lombok-tengah": [
        "realisasi-2020.yaml:22:21: CAS707 lombok-tengah.dp3ap2kb.renstra-2016:S1.I3",
    ],
    "sampang": [
        "realisasi-2019.yaml:14:21: CAS701 sampang.inspektorat.renstra-2019:SS1.I1",
    ],
    "siak": [
        "renstra-2012.yaml:21:5: CAS304 siak.dinkes.renstra-2012:T1",
        "renstra-2012.yaml:31:9: CAS502 siak.dinkes.renstra-2012:S1.I1",
        "renstra-2012.yaml:31:9: CAS503 siak.dinkes.renstra-2012:S1.I1",
        "renstra-2012.yaml:31:9: CAS501 siak.dinkes.renstra-2012:S1.I1",
        "renstra-2012.yaml:37:11: CAS601 siak.dinkes.renstra-2012:P1.02.01.32",
        "renstra-2012.yaml:41:9: CAS514 siak.dinkes.renstra-2012:P1.I1",
        "renstra-2012.yaml:41:9: CAS501 siak.dinkes.renstra-2012:P1.I1",
        "renstra-2012.yaml:51:11: CAS601 siak.dinkes.renstra-2012:K1.02.01.32.05",
        "renstra-2012.yaml:55:9: CAS501 siak.dinkes.renstra-2012:K1.I2",
        "renstra-2012.yaml:58:39: CAS513 siak.dinkes.renstra-2012:K1.I2",
        "renstra-2012.yaml:62:9: CAS501 siak.dinkes.renstra-2012:K1.I5",
    ],
    "skp-puskesmas": [
        "skp-2022.yaml:29:9: CAS501 contoh.puskesmas.skp:R1.I1",
        "skp-2022.yaml:31:25: CAS513 contoh.puskesmas.skp:R1.I1",
        "skp-2022.yaml:33:9: CAS501 contoh.puskesmas.skp:R1.I2",
        "skp-2022.yaml:35:25: CAS513 contoh.puskesmas.skp:R1.I2",
        "skp-2022.yaml:37:9: CAS501 contoh.puskesmas.skp:R1.I3",
        "skp-2022.yaml:39:25: CAS513 contoh.puskesmas.skp:R1.I3",
        "skp-2022.yaml:53:9: CAS501 contoh.puskesmas.skp:R2.I1",
        "skp-2022.yaml:55:25: CAS513 contoh.puskesmas.skp:R2.I1",
        "skp-2022.yaml:67:9: CAS501 contoh.puskesmas.skp:R3.I1",
        "skp-2022.yaml:69:25: CAS513 contoh.puskesmas.skp:R3.I1",
        "skp-2022.yaml:81:9: CAS501 contoh.puskesmas.skp:R4.I1",
        "skp-2022.yaml:83:25: CAS513 contoh.puskesmas.skp:R4.I1",
        "skp-2022.yaml:95:9: CAS501 contoh.puskesmas.skp:R5.I1",
        "skp-2022.yaml:97:25: CAS513 contoh.puskesmas.skp:R5.I1",
    ],
    "sulbar": [
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_tables_give_exactly_their_real_defects(name: str) -> None:
    case = ROOT / name
    report = cascade.load(str(case)).validate()
    assert [f"{os.path.relpath(f.file, case)}:{f.line}:{f.column}: {f.code} {f.ref}" for f in report] == EXPECTED[name]


def test_every_real_workspace_is_listed() -> None:
    assert sorted(p.name for p in ROOT.iterdir() if p.is_dir()) == sorted(EXPECTED)


def test_the_messages_say_where_the_polarity_comes_from_and_how_to_write_values() -> None:
    gresik = cascade.load(str(ROOT / "gresik")).validate(select=["CAS512"])
    assert [f.message for f in gresik][3] == (
        "the 2016 target 115 is above the 2015 baseline 93.65 (6 of 6 behind), but lower is better, read from the name ('aki')"
    )
    assert [f.localized("id") for f in gresik][0] == (
        "kondisi akhir 72 di bawah kondisi awal 2015 sebesar 72.3, padahal makin tinggi makin baik, dibaca dari nama ('uhh')"
    )
    skp = cascade.load(str(ROOT / "skp-puskesmas")).validate(select=["CAS513"])
    assert [f.message for f in skp][2] == (
        "'3,5 dari skala 5' is a number written as text, which the numeric rules skip: write 3.5 with unit: \"skala 5\""
    )
    siak = cascade.load(str(ROOT / "siak")).validate(select=["CAS601"])
    assert [f.message for f in siak][0] == (
        "code '1.02.01.32' is a Permendagri 13/2006 code: map it to the 90/2019 nomenclature (U.BB.PP, U.BB.PP.K.KK, U.BB.PP.K.KK.SSSS)"
    )


def test_the_lkjip_capaian_of_real_reports() -> None:
    """As the LKjIPs print them: AKI (lower is better, LKjIP formula) 60.40 "Rendah"; the DP3AP2KB's
    111,11 (realisasi / target); the P2TP2A row unchecked, its polarity unknown."""
    rows = {n: [(r.ref.split(":")[1], r.year, r.target, r.realized, r.capaian, r.category)
                for r in cascade.load(str(ROOT / n)).capaian(as_of=2021)]
            for n in ("bantul", "lombok-tengah")}
    assert rows["bantul"] == [("S1.I1", 2013, None, 96.83, None, None), ("S1.I1", 2014, 75.0, 104.7, 60.4, "rendah")]
    assert rows["lombok-tengah"] == [("S1.I2", 2020, 90.0, 100.0, 111.11, "sangat tinggi"),
                                     ("S1.I3", 2020, 69.23, 53.85, None, None)]
    [unchecked] = cascade.load(str(ROOT / "lombok-tengah")).validate(select=["CAS707"])
    assert unchecked.localized("id") == (
        "capaian 77.78 yang tercetak untuk 'Persentase P2TP2A (Pusat Pelayanan Terpadu Pemberdayaan Perempuan dan Anak) yang aktif' "
        "tahun 2020 tidak dapat diperiksa: polaritasnya tidak dinyatakan dan tidak dapat dibaca dari nama; "
        "nyatakan polarity (positive, negative atau stable)"
    )


def test_effective_polarity_sits_beside_the_written_one() -> None:
    ws = cascade.load(str(ROOT / "gresik"))
    aki = ws.graph.nodes["gresik.dinkes.renstra-2016:S1.I1"]["model"]
    assert aki.polarity is None
    assert tuple(aki.effective_polarity) == ("negative", "name", "aki")
    desa = ws.graph.nodes["gresik.dinkes.renstra-2016:S2.I1"]["model"]
    assert tuple(desa.effective_polarity) == (None, None, None) and not desa.effective_polarity.known
