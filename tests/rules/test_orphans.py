"""Orphan and coverage rules beyond the per-rule fixtures: partial workspaces, counts, justifications."""

from __future__ import annotations

from pathlib import Path

import cascade

FIXTURES = Path(__file__).parents[1] / "fixtures"
PARTIAL = FIXTURES / "workspaces" / "partial-klaten-dinsos"


def test_partial_workspace_is_not_reported_for_what_absent_documents_provide() -> None:
    # One OPD's renstra with its RPJMD, whose supports point into the absent RPJMN and province RPJMD.
    ws = cascade.load(str(PARTIAL))
    assert sorted(ws.documents) == ["klaten.dinsos.renstra-2025", "klaten.rpjmd-2025"]
    assert [f"{f.code} {f.ref}" for f in ws.validate(select=["CAS301", "CAS302", "CAS303"])] == []


def test_orphan_element_reported_once_at_the_top_with_counts() -> None:
    case = FIXTURES / "rules" / "CAS301" / "fail-detached-subtree"
    report = cascade.load(str(case)).validate(select=["orphan-element"])
    got = [(Path(f.file).name, f.line, f.column, f.ref, dict(f.args)["elements"], dict(f.args)["indicators"]) for f in report]
    # M3 > T3.1 > S3.1, and the renstra S1 that supports both S3.1 and T3.1 (counted once);
    # indicators: T3.1.I1, S3.1.I1, S3.1.I2, S1.I1. The renstra's S2 is a separate detached top.
    assert got == [
        ("klaten.yaml", 17, 5, "klaten.rpjmd-2025:M3", 3, 4),
        ("renstra.yaml", 16, 5, "klaten.disparbud.renstra-2025:S2", 0, 1),
    ]
    assert report.findings[0].message == (
        "misi 'Mewujudkan pariwisata Klaten yang berdaya saing' has no path up to the national tier; "
        "cut off with it: 3 element(s) below it, 4 indicator(s)"
    )
    assert report.findings[0].localized("id") == (
        "misi 'Mewujudkan pariwisata Klaten yang berdaya saing' tidak tertaut sampai ke tingkat nasional; "
        "ikut terputus: 3 elemen di bawahnya, 4 indikator"
    )


def _renstra(justification: str | None) -> dict:
    element = {"id": "T3", "kind": "tujuan", "name": "Meningkatnya ketahanan sosial keluarga",
               "indicators": [{"id": "T3.I1", "name": "Persentase keluarga rentan yang mendapat pendampingan"}]}
    if justification is not None:
        element["justification"] = justification
    return {
        "document": {"id": "klaten.dinsos.renstra-2025", "kind": "renstra", "title": "Renstra Dinas Sosial Kabupaten Klaten 2025-2029",
                     "period": {"start": "2025", "end": "2029"}, "region": {"code": "33.10", "name": "Kabupaten Klaten"},
                     "agency": {"name": "Dinas Sosial"}},
        "elements": [element],
    }


def test_justification_turns_missing_link_findings_into_justified() -> None:
    rules = ["CAS301", "CAS302", "CAS903"]
    plain = cascade.load(_renstra(None)).validate(select=rules)
    assert [(f.code, f.ref, f.pointer) for f in plain] == [
        ("CAS301", "klaten.dinsos.renstra-2025:T3", "/elements/0"),
        ("CAS302", "klaten.dinsos.renstra-2025:T3.I1", "/elements/0/indicators/0"),
    ]
    reason = "Amanat SPM bidang sosial (PP 2/2018); belum ada sasaran RPJMD yang sesuai"
    justified = cascade.load(_renstra(reason)).validate(select=rules)
    assert [(f.code, f.severity.value, dict(f.args)["code"], f.ref, f.pointer) for f in justified] == [
        ("CAS903", "info", "CAS301", "klaten.dinsos.renstra-2025:T3", "/elements/0"),
        ("CAS903", "info", "CAS302", "klaten.dinsos.renstra-2025:T3.I1", "/elements/0/indicators/0"),
    ]
    first = justified.findings[0]
    assert first.message == f"justified CAS301 orphan-element: {plain.findings[0].message} — {reason}"
    assert first.localized("id") == f"dibenarkan CAS301 orphan-element: {plain.findings[0].localized('id')} — {reason}"
    # without CAS903 selected, a justified finding is silenced, not failed
    assert list(cascade.load(_renstra(reason)).validate(select=["CAS301"])) == []
