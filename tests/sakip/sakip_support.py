"""Small workspaces for the SAKIP criteria: one RPJMN, one city RPJMD, one renstra of ten sasaran (and, on
request, an skp), clean by default; ``plant`` breaks some of the ten so that a method answers A..E."""

from __future__ import annotations

import copy
from typing import Any, Callable

YEARS = (2020, 2021, 2022, 2023, 2024)
PATH = {2020: 60, 2021: 62, 2022: 64, 2023: 66, 2024: 70}


def indicator(iid: str, supports: str | None = None, **extra: Any) -> dict[str, Any]:
    out = {"id": iid, "name": "Persentase keluarga sehat", "type": "outcome", "unit": "%", "polarity": "positive",
           "measure": "keluarga-sehat", "key": True, "definition": "Keluarga sehat dibagi seluruh keluarga x 100",
           "source": "Profil Kesehatan", "baseline": {"year": 2019, "value": 58}, "targets": dict(PATH)}
    if supports:
        out["supports"] = [supports]
    out.update(extra)
    return out


def base(n: int = 10, skp: bool = False, units: bool = False, kegiatan: bool = False) -> list[dict[str, Any]]:
    rpjmn = {"document": {"id": "rpjmn-2020", "kind": "rpjmn", "title": "RPJMN", "period": {"start": 2020, "end": 2024}},
             "elements": [{"id": "PN3", "kind": "prioritas_nasional", "name": "SDM berkualitas",
                           "indicators": [indicator("PN3.I1")]}]}
    rpjmd = {"document": {"id": "kota.rpjmd-2019", "kind": "rpjmd", "title": "RPJMD Kota", "period": {"start": 2019, "end": 2024},
                          "region": {"code": "35.77", "name": "Kota Madiun"}, "aligns_to": ["rpjmn-2020"]},
             "elements": [
                 {"id": "M1", "kind": "misi", "name": "Misi sehat", "supports": ["rpjmn-2020:PN3"]},
                 {"id": "T1", "kind": "tujuan", "name": "Meningkatnya derajat kesehatan", "parent": "M1",
                  "indicators": [indicator("T1.I1", "rpjmn-2020:PN3.I1", type="impact")]},
                 {"id": "S1", "kind": "sasaran", "name": "Meningkatnya keluarga sehat", "parent": "T1",
                  "indicators": [indicator("S1.I1", "T1.I1")]},
             ]}
    renstra = {"document": {"id": "kota.dinkes.renstra-2019", "kind": "renstra", "title": "Renstra Dinkes",
                            "period": {"start": 2019, "end": 2024}, "region": {"code": "35.77", "name": "Kota Madiun"},
                            "agency": {"name": "Dinas Kesehatan"}, "aligns_to": ["kota.rpjmd-2019"]},
               "elements": [{"id": "RT1", "kind": "tujuan", "name": "Meningkatnya keluarga sehat", "supports": ["kota.rpjmd-2019:S1"],
                             "indicators": [indicator("RT1.I1", "kota.rpjmd-2019:S1.I1", type="impact")]}]}
    for i in range(1, n + 1):
        renstra["elements"].append({"id": f"RS{i}", "kind": "sasaran", "name": f"Meningkatnya keluarga sehat wilayah {i}",
                                    "parent": "RT1", "indicators": [indicator(f"RS{i}.I1", "RT1.I1")]})
    docs = [rpjmn, rpjmd, renstra]
    if kegiatan:  # program P1 under RS1 and ten kegiatan K1..K10 under it, after the sasaran
        renstra["elements"].append({"id": "P1", "kind": "program", "name": "Program pemenuhan upaya kesehatan", "parent": "RS1",
                                    "indicators": [indicator("P1.I1", "RS1.I1")]})
        for i in range(1, n + 1):
            renstra["elements"].append({"id": f"K{i}", "kind": "kegiatan", "name": f"Penyediaan layanan kesehatan {i}", "parent": "P1",
                                        "indicators": [indicator(f"K{i}.I1", "P1.I1", type="output", key=False)]})
    if units:
        renstra["organization"] = [{"id": "KADIN", "name": "Kepala Dinas", "level": "jpt"}] + [
            {"id": f"U{i}", "name": f"Seksi {i}", "level": "pengawas", "parent": "KADIN"} for i in range(1, n + 1)]
        renstra["elements"][0]["owner"] = "KADIN"
        for i in range(1, n + 1):
            renstra["elements"][i]["owner"] = f"U{i}"
    if skp:
        els = [{"id": "R0", "kind": "rhk", "name": "Meningkatnya keluarga sehat", "supports": ["kota.dinkes.renstra-2019:RT1"],
                "employee": {"nip": "000000000000000001", "name": "Kepala Contoh", "unit": "KADIN"},
                "indicators": [indicator("R0.I1", "kota.dinkes.renstra-2019:RT1.I1", targets={2023: 66}, baseline={"year": 2022, "value": 64})]}]
        for i in range(1, n + 1):
            els.append({"id": f"R{i}", "kind": "rhk", "name": f"Meningkatnya keluarga sehat wilayah {i}", "parent": "R0",
                        "supports": [f"kota.dinkes.renstra-2019:RS{i}"],
                        "employee": {"nip": f"0000000000000001{i:02d}", "name": f"Pegawai {i}", "unit": f"U{i}"},
                        "indicators": [indicator(f"R{i}.I1", f"kota.dinkes.renstra-2019:RS{i}.I1", targets={2023: 66},
                                                 baseline={"year": 2022, "value": 64})]})
        docs.append({"document": {"id": "kota.dinkes.skp-2023", "kind": "skp", "title": "SKP Dinkes 2023", "agency": {"name": "Dinas Kesehatan"},
                                  "period": {"start": 2023, "end": 2023}, "region": {"code": "35.77", "name": "Kota Madiun"},
                                  "aligns_to": ["kota.dinkes.renstra-2019"]}, "elements": els})
    return docs


def plant(docs: list[dict[str, Any]], k: int, change: Callable[[dict[str, Any], int], None], doc: int = 2,
          first: int = 1) -> list[dict[str, Any]]:
    """``docs`` with ``change(element, i)`` applied to the elements ``first``..``first+k-1`` of document ``doc``
    (RS1..RSk of the renstra by default; R1..Rk of the skp with ``doc=3``)."""
    docs = copy.deepcopy(docs)
    for i in range(first, first + k):
        change(docs[doc]["elements"][i], i)
    return docs


THRESHOLDS = (0.95, 0.85, 0.7, 0.5)


def letter(ok: int, total: int) -> str:
    """The documented default scale, written out independently of the engine."""
    share = ok / total
    for answer, bound in zip("ABCD", THRESHOLDS):
        if share >= bound:
            return answer
    return "E"


def broken_for(answer: str, total: int) -> int:
    """The fewest broken items out of ``total`` that give ``answer``."""
    return next(k for k in range(total + 1) if letter(total - k, total) == answer)

