"""Bad input reaches the CAS4xx-CAS6xx rules without a traceback: cycles, self links, reversed
periods, names of punctuation only (a blank name is CAS101), empty codes, kinds a document does not have, unresolvable units, extreme numbers."""

from __future__ import annotations

import os
from pathlib import Path

import cascade

CASE = Path(__file__).parents[1] / "fixtures" / "tolerance" / "rules-b"


def test_rules_tolerate_broken_workspace() -> None:
    report = cascade.load(str(CASE)).validate(select=["CAS4", "CAS5", "CAS6"])
    assert [f"{os.path.relpath(f.file, CASE)}:{f.line}:{f.column}: {f.code} {f.ref}" for f in report] == [
        "kota.yaml:9:81: CAS408 kota-madiun.rpjmd-2019:A",
        "kota.yaml:18:37: CAS501 kota-madiun.rpjmd-2019:C.I1",
        "kota.yaml:18:89: CAS511 kota-madiun.rpjmd-2019:C.I1",
        "kota.yaml:18:128: CAS401 kota-madiun.rpjmd-2019:C.I1",
        "kota.yaml:18:154: CAS504 kota-madiun.rpjmd-2019:C.I1",
        "kota.yaml:18:182: CAS502 kota-madiun.rpjmd-2019:C.I1",
        "kota.yaml:19:9: CAS502 kota-madiun.rpjmd-2019:C.I2",
        "kota.yaml:19:63: CAS510 kota-madiun.rpjmd-2019:C.I2",
        "kota.yaml:19:101: CAS506 kota-madiun.rpjmd-2019:C.I2",
        "kota.yaml:19:114: CAS505 kota-madiun.rpjmd-2019:C.I2",
        "kota.yaml:19:114: CAS506 kota-madiun.rpjmd-2019:C.I2",
        "kota.yaml:19:134: CAS401 kota-madiun.rpjmd-2019:C.I2",
        "kota.yaml:21:65: CAS502 kota-madiun.rpjmd-2019:E.I1",
        "kota.yaml:21:65: CAS501 kota-madiun.rpjmd-2019:E.I1",
        "kota.yaml:21:82: CAS507 kota-madiun.rpjmd-2019:E.I1",
        "renstra.yaml:11:42: CAS601 dinkes.renstra#V",
        "renstra.yaml:11:46: CAS601 dinkes.renstra#V",
        "renstra.yaml:11:57: CAS601 dinkes.renstra#V",
        "renstra.yaml:13:87: CAS408 dinkes.renstra:X",
        "renstra.yaml:15:61: CAS407 dinkes.renstra:P",
        "renstra.yaml:15:88: CAS502 dinkes.renstra:P.I1",
        "renstra.yaml:15:88: CAS503 dinkes.renstra:P.I1",
        "renstra.yaml:15:88: CAS501 dinkes.renstra:P.I1",
        "renstra.yaml:15:138: CAS401 dinkes.renstra:P.I1",
        "renstra.yaml:16:62: CAS502 dinkes.renstra:K.I1",
        "renstra.yaml:16:62: CAS503 dinkes.renstra:K.I1",
        "renstra.yaml:16:62: CAS501 dinkes.renstra:K.I1",
    ]
    for f in report:
        assert f.localized("en") and f.localized("id")
