"""The defect workspace ``examples/defects/`` yields exactly its planted findings.

Each rule listed in ``PLANTED`` must report exactly these findings there (code, ref, file relative to
the workspace, line): what examples/defects/README.md documents. Extend ``PLANTED`` as rules land.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import cascade

DEFECTS = Path(__file__).resolve().parent.parent / "examples" / "defects"

#: code -> the findings planted for it: (ref, file, line).
PLANTED: dict[str, list[tuple[str, str, int]]] = {
    "CAS203": [("klaten.dinsos.renstra-2025:K7.1.I1", "klaten/dinsos/renstra-2025.yaml", 257)],
    "CAS204": [("klaten.dinsos.renstra-2025:1.06.04.2.02", "klaten/dinsos/renstra-2025.yaml", 104)],
    "CAS205": [("klaten.dinsos.renstra-2025:T1", "klaten/dinsos/renstra-2025.yaml", 15)],
    "CAS206": [("klaten.dinsos.renstra-2025", "klaten/dinsos/renstra-2025.yaml", 10)],
    "CAS207": [
        ("jateng.rpjmd-2025:P1.06.04.I1", "jateng/rpjmd-2025.yaml", 64),
        ("klaten.dinsos.renstra-2025", "klaten/dinsos/renstra-2025.yaml", 10),
        ("klaten.dinsos.renstra-2025:T1.I1", "klaten/dinsos/renstra-2025.yaml", 22),
    ],
    "CAS301": [
        ("klaten.dinsos.renstra-2025:T2", "klaten/dinsos/renstra-2025.yaml", 214),
        ("klaten.dinsos.skp-2026:RHK-06", "klaten/dinsos/skp-2026.yaml", 93),
    ],
    "CAS302": [
        ("klaten.dinsos.renstra-2025:S2.I4", "klaten/dinsos/renstra-2025.yaml", 158),
        ("klaten.dinsos.renstra-2025:T2.I1", "klaten/dinsos/renstra-2025.yaml", 218),
        ("klaten.dinsos.skp-2026:RHK-06.I1", "klaten/dinsos/skp-2026.yaml", 98),
    ],
    "CAS303": [
        ("klaten.dinsos.renstra-2025:S2.I2", "klaten/dinsos/renstra-2025.yaml", 141),
        ("klaten.rpjmd-2025:S2.1.3", "klaten/rpjmd-2025.yaml", 74),
        ("rpjmn-2025:PN8", "rpjmn-2025.yaml", 56),
    ],
    "CAS304": [("klaten.dinsos.renstra-2025:1.06.07", "klaten/dinsos/renstra-2025.yaml", 238)],
    "CAS305": [("klaten.dinsos.renstra-2025#DAYASOS", "klaten/dinsos/renstra-2025.yaml", 296)],
    "CAS306": [("klaten.dinsos.skp-2026:RHK-06", "klaten/dinsos/skp-2026.yaml", 93)],
    "CAS307": [("klaten.dinsos.renstra-2025:S3", "klaten/dinsos/renstra-2025.yaml", 224)],
    "CAS903": [
        ("klaten.dinsos.skp-2026:RHK-07", "klaten/dinsos/skp-2026.yaml", 104),
        ("klaten.dinsos.skp-2026:RHK-07", "klaten/dinsos/skp-2026.yaml", 104),
        ("klaten.dinsos.skp-2026:RHK-07.I1", "klaten/dinsos/skp-2026.yaml", 110),
    ],
}


@pytest.fixture(scope="module")
def report() -> cascade.Report:
    return cascade.load(str(DEFECTS)).validate()


@pytest.mark.parametrize("code", sorted(PLANTED))
def test_defect_workspace_yields_the_planted_findings(report: cascade.Report, code: str) -> None:
    got = [(f.ref, os.path.relpath(f.file, DEFECTS).replace(os.sep, "/"), f.line) for f in report.by_code(code)]
    assert got == PLANTED[code]


def test_justified_findings_name_what_they_justify(report: cascade.Report) -> None:
    # the rhk on a special assignment would be an orphan, unlinked, and its indicator an orphan
    assert [dict(f.args)["code"] for f in report.by_code("CAS903")] == ["CAS301", "CAS306", "CAS302"]
