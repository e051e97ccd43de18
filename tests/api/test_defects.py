"""The defect workspace ``examples/defects/`` yields exactly its planted findings.

Every rule must report exactly these findings there (code, ref, file relative to the workspace,
line): what examples/defects/README.md documents. Adding a rule means adding its planted case.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import cascade

DEFECTS = Path(__file__).resolve().parents[2] / "examples" / "defects"

#: The reporting year the examples are pinned to (pyproject.toml [tool.cascade] as-of).
AS_OF = 2026

#: code -> the findings planted for it: (ref, file, line). Every rule has at least one.
PLANTED: dict[str, list[tuple[str | None, str, int]]] = {
    "CAS001": [(None, 'broken/cas001-yaml-syntax.yaml', 7)],
    "CAS002": [(None, 'broken/cas002-duplicate-key.yaml', 9)],
    "CAS003": [
        (None, 'broken/cas003-yaml-alias.yaml', 5),
        (None, 'broken/cas003-yaml-alias.yaml', 9),
    ],
    "CAS004": [(None, 'broken/cas004-yaml-tag.yaml', 6)],
    "CAS005": [(None, 'broken/cas005-file-limit.yaml', 9)],
    "CAS006": [('klaten.dispermasdes.renstra-2025', 'broken/cas006-ambiguous-scalar.yaml', 8)],
    "CAS007": [('klaten.dinsos-upt.renstra-2025:T1.I1', 'broken/cas007-table-cell.csv', 2)],
    "CAS008": [(None, 'broken/cas008-table-layout.csv', 1)],
    "CAS009": [(None, 'broken/cas009-table-without-sidecar.csv', 1)],
    "CAS101": [('klaten.dinsos.renstra-2025:SK6.1.1.I2', 'klaten/dinsos/renstra-2025.yaml', 208)],
    "CAS102": [('klaten.dinsos.renstra-2025:1.06.04.2.01', 'klaten/dinsos/renstra-2025.yaml', 69)],
    "CAS103": [('klaten.dinsos.renstra-2025:S3.I1', 'klaten/dinsos/renstra-2025.yaml', 237)],
    "CAS104": [('klaten.rpjmd-2025:S2.1.3.I1', 'klaten/rpjmd-2025.yaml', 81)],
    "CAS201": [('klaten.dinsos.renstra-2025:SK4.1.1.I1', 'klaten/dinsos/renstra-2025.yaml', 93)],
    "CAS202": [('klaten.dinsos.renstra-2025:1.06.06', 'klaten/dinsos/renstra-2025.yaml', 169)],
    "CAS203": [('klaten.dinsos.renstra-2025:K7.1.I1', 'klaten/dinsos/renstra-2025.yaml', 257)],
    "CAS204": [('klaten.dinsos.renstra-2025:1.06.04.2.02', 'klaten/dinsos/renstra-2025.yaml', 104)],
    "CAS205": [('klaten.dinsos.renstra-2025:T1', 'klaten/dinsos/renstra-2025.yaml', 15)],
    "CAS206": [('klaten.dinsos.renstra-2025', 'klaten/dinsos/renstra-2025.yaml', 10)],
    "CAS207": [
        ('jateng.rpjmd-2025:P1.06.04.I1', 'jateng/rpjmd-2025.yaml', 64),
        ('klaten.dinsos.renstra-2025', 'klaten/dinsos/renstra-2025.yaml', 10),
        ('klaten.dinsos.renstra-2025:T1.I1', 'klaten/dinsos/renstra-2025.yaml', 22),
    ],
    "CAS208": [('klaten.rpjmd-2025:T2.1', 'klaten/rpjmd-2025.yaml', 20)],
    "CAS301": [('klaten.dinsos.renstra-2025:T2', 'klaten/dinsos/renstra-2025.yaml', 214)],
    "CAS302": [
        ('klaten.dinsos.renstra-2025:S2.I4', 'klaten/dinsos/renstra-2025.yaml', 158),
        ('klaten.dinsos.renstra-2025:T2.I1', 'klaten/dinsos/renstra-2025.yaml', 218),
        ('klaten.dinsos.skp-2026:RHK-06.I1', 'klaten/dinsos/skp-2026.yaml', 99),
    ],
    "CAS303": [
        ('klaten.dinsos.renstra-2025:S2.I2', 'klaten/dinsos/renstra-2025.yaml', 141),
        ('klaten.rpjmd-2025:S2.1.3', 'klaten/rpjmd-2025.yaml', 74),
        ('rpjmn-2025:PN8', 'rpjmn-2025.yaml', 57),
    ],
    "CAS304": [('klaten.dinsos.renstra-2025:1.06.07', 'klaten/dinsos/renstra-2025.yaml', 238)],
    "CAS305": [('klaten.dinsos.renstra-2025#DAYASOS', 'klaten/dinsos/renstra-2025.yaml', 303)],
    "CAS306": [('klaten.dinsos.skp-2026:RHK-06', 'klaten/dinsos/skp-2026.yaml', 94)],
    "CAS307": [('klaten.dinsos.renstra-2025:S3', 'klaten/dinsos/renstra-2025.yaml', 224)],
    "CAS401": [
        ('klaten.dinsos.renstra-2025:S2.I3', 'klaten/dinsos/renstra-2025.yaml', 157),
        ('klaten.dinsos.renstra-2025:K7.1.I1', 'klaten/dinsos/renstra-2025.yaml', 257),
    ],
    "CAS402": [('klaten.dinsos.renstra-2025:P4.I1', 'klaten/dinsos/renstra-2025.yaml', 59)],
    "CAS403": [('klaten.dinsos.renstra-2025:S2.I1', 'klaten/dinsos/renstra-2025.yaml', 137)],
    "CAS404": [('klaten.dinsos.renstra-2025:K6.1.I1', 'klaten/dinsos/renstra-2025.yaml', 189)],
    "CAS405": [('klaten.rpjmd-2025:T2.1.I2', 'klaten/rpjmd-2025.yaml', 39)],
    "CAS406": [('klaten.dinsos.renstra-2025:S1.I2', 'klaten/dinsos/renstra-2025.yaml', 46)],
    "CAS407": [('klaten.dinsos.skp-2026:RHK-05', 'klaten/dinsos/skp-2026.yaml', 84)],
    "CAS408": [('klaten.dinsos.renstra-2025:1.06.06.2.01', 'klaten/dinsos/renstra-2025.yaml', 184)],
    "CAS409": [('jateng.rpjmd-2025:P1.06.04.I2', 'jateng/rpjmd-2025.yaml', 73)],
    "CAS501": [('klaten.dinsos.skp-2026:RHK-04.I1', 'klaten/dinsos/skp-2026.yaml', 75)],
    "CAS502": [('klaten.dinsos.renstra-2025:SK4.2.6.I1', 'klaten/dinsos/renstra-2025.yaml', 121)],
    "CAS503": [('klaten.dinsos.renstra-2025:SK4.1.1.I1', 'klaten/dinsos/renstra-2025.yaml', 91)],
    "CAS504": [('klaten.dinsos.renstra-2025:K4.1.I1', 'klaten/dinsos/renstra-2025.yaml', 77)],
    "CAS505": [('klaten.dinsos.renstra-2025:S3.I1', 'klaten/dinsos/renstra-2025.yaml', 235)],
    "CAS506": [('klaten.dinsos.renstra-2025:P6.I1', 'klaten/dinsos/renstra-2025.yaml', 177)],
    "CAS507": [('klaten.rpjmd-2025:P1.06.06.I1', 'klaten/rpjmd-2025.yaml', 106)],
    "CAS508": [('klaten.dinsos.renstra-2025:SK6.1.1.I1', 'klaten/dinsos/renstra-2025.yaml', 204)],
    "CAS509": [
        ('klaten.dinsos.renstra-2025:S2.I1', 'klaten/dinsos/renstra-2025.yaml', 137),
        ('klaten.dinsos.skp-2026:RHK-03.I2', 'klaten/dinsos/skp-2026.yaml', 64),
    ],
    "CAS510": [('klaten.rpjmd-2025:S2.1.1.I1', 'klaten/rpjmd-2025.yaml', 53)],
    "CAS511": [('jateng.rpjmd-2025:T3.1.I2', 'jateng/rpjmd-2025.yaml', 38)],
    "CAS512": [
        ('klaten.dinsos.renstra-2025:S3.I1', 'klaten/dinsos/renstra-2025.yaml', 235),
        ('klaten.dinsos.skp-2026:RHK-03.I2', 'klaten/dinsos/skp-2026.yaml', 66),
    ],
    "CAS513": [('jateng.rpjmd-2025:S3.1.1.I1', 'jateng/rpjmd-2025.yaml', 52)],
    "CAS514": [
        ('klaten.dinsos.renstra-2025:SK4.2.6.I1', 'klaten/dinsos/renstra-2025.yaml', 121),
        ('klaten.dinsos.renstra-2025:K6.1.I1', 'klaten/dinsos/renstra-2025.yaml', 187),
        ('klaten.dinsos.renstra-2025:SK6.1.1.I1', 'klaten/dinsos/renstra-2025.yaml', 201),
        ('klaten.dinsos.renstra-2025:T2.I1', 'klaten/dinsos/renstra-2025.yaml', 218),
        ('klaten.dinsos.skp-2026:RHK-06.I1', 'klaten/dinsos/skp-2026.yaml', 99),
        ('klaten.dinsos.skp-2026:RHK-08.I1', 'klaten/dinsos/skp-2026.yaml', 123),
        ('klaten.rpjmd-2025:T2.1.I2', 'klaten/rpjmd-2025.yaml', 34),
        ('klaten.rpjmd-2025:S2.1.3.I1', 'klaten/rpjmd-2025.yaml', 79),
        ('klaten.rpjmd-2025:P1.06.06.I1', 'klaten/rpjmd-2025.yaml', 105),
    ],
    "CAS516": [('klaten.dinsos.renstra-2025:1.06.07.1.01.0002', 'klaten/dinsos/renstra-2025.yaml', 278)],
    "CAS601": [('klaten.dinsos.renstra-2025:1.06.04.2.01.0001', 'klaten/dinsos/renstra-2025.yaml', 82)],
    "CAS602": [('klaten.rpjmd-2025:1.06.06', 'klaten/rpjmd-2025.yaml', 102)],
    "CAS603": [
        ('klaten.dinsos.renstra-2025:1.06.07.1.01', 'klaten/dinsos/renstra-2025.yaml', 247),
        ('klaten.dinsos.renstra-2025:1.06.07.1.01.0001', 'klaten/dinsos/renstra-2025.yaml', 261),
    ],
    "CAS604": [('klaten.dinsos.renstra-2025:1.06.04.2.02.0006', 'klaten/dinsos/renstra-2025.yaml', 117)],
    "CAS605": [('klaten.dinsos.renstra-2025#DAYASOS', 'klaten/dinsos/renstra-2025.yaml', 307)],
    "CAS701": [('klaten.dinsos.renstra-2025:P6.I1', 'klaten/dinsos/renstra-2025.yaml', 177)],
    "CAS702": [('klaten.dinsos.renstra-2025:S2.I2', 'klaten/dinsos/realisasi-2025.yaml', 17)],
    "CAS703": [('klaten.dinsos.renstra-2025:S2.I3', 'klaten/dinsos/realisasi-2025.yaml', 19)],
    "CAS704": [('klaten.dinsos.renstra-2025:S1.I1', 'klaten/dinsos/realisasi-2025.yaml', 14)],
    "CAS705": [('klaten.dinsos.renstra-2025:T1.I1', 'klaten/dinsos/realisasi-2025.yaml', 11)],
    "CAS706": [('klaten.dinsos.lkjip-2025', 'klaten/dinsos/lkjip-2025.csv', 2)],
    "CAS707": [('klaten.dinsos.renstra-2025:K4.1.I1', 'klaten/dinsos/lkjip-2025.csv', 3)],
    "CAS901": [(None, 'klaten/dinsos/skp-2026.yaml', 127)],
    "CAS902": [(None, 'klaten/dinsos/renstra-2025.yaml', 218)],
    "CAS903": [
        ('klaten.dinsos.skp-2026:RHK-07', 'klaten/dinsos/skp-2026.yaml', 105),
        ('klaten.dinsos.skp-2026:RHK-07.I1', 'klaten/dinsos/skp-2026.yaml', 111),
    ],
}


@pytest.fixture(scope="module")
def report() -> cascade.Report:
    # pinned as the examples are (pyproject.toml [tool.cascade] as-of): no finding changes on 1 January
    return cascade.load(str(DEFECTS)).validate(as_of=AS_OF)


@pytest.mark.parametrize("code", sorted(PLANTED))
def test_defect_workspace_yields_the_planted_findings(report: cascade.Report, code: str) -> None:
    got = [(f.ref, os.path.relpath(f.file, DEFECTS).replace(os.sep, "/"), f.line) for f in report.by_code(code)]
    assert got == PLANTED[code]


def test_justified_findings_name_what_they_justify(report: cascade.Report) -> None:
    # the rhk on a special assignment would be an orphan, unlinked, and its indicator an orphan
    assert [dict(f.args)["code"] for f in report.by_code("CAS903")] == ["CAS306", "CAS302"]


def test_every_rule_is_planted_and_nothing_else_fires(report: cascade.Report) -> None:
    assert sorted(PLANTED) == [r.code for r in cascade.all_rules()]
    assert len(report) == sum(len(v) for v in PLANTED.values())


def test_specs_are_clean() -> None:
    specs = Path(__file__).resolve().parents[2] / "specs"
    assert list(cascade.load(str(specs)).validate(as_of=AS_OF)) == []


def test_rules_on_two_cores_give_the_same_report(forkable: bool) -> None:
    from cascade.validate import _rule_pool

    if not forkable:
        return
    ws = cascade.load(str(DEFECTS))
    pool = _rule_pool(ws.graph, 2)
    assert pool is not None
    pool.shutdown()
    two = ws.validate(jobs=2).findings
    assert two == ws.validate(jobs=1).findings
    # both halves of the split had findings to give: the helper's families and the parent's
    codes = {f.code for f in two}
    assert {"CAS205", "CAS304", "CAS505"} <= codes and {"CAS404", "CAS507", "CAS512", "CAS604"} <= codes


def test_rules_on_two_cores_with_a_findings_cache_give_the_same_report(tmp_path: Path, forkable: bool) -> None:
    """With the parse cache, document-scoped rules stay in the parent (one writer per cache entry);
    a second run takes their findings from the cache: the report is the same every time."""
    from cascade.validate import _rule_pool

    if not forkable:
        return
    one = cascade.load(str(DEFECTS)).validate(jobs=1).findings
    for _ in range(2):
        ws = cascade.load(str(DEFECTS), cache=str(tmp_path / "cache"))
        pool = _rule_pool(ws.graph, 2)
        assert pool is not None
        pool.shutdown()
        assert ws.validate(jobs=2).findings == one
