"""Where two rules describe the same missing link, the more specific one wins (rules.base.PRECEDENCE)."""

from __future__ import annotations

import os
from pathlib import Path

import cascade
from cascade.rules.base import PRECEDENCE, REGISTRY
from cascade.rules.catalog import all_rules

CASE = Path(__file__).parents[1] / "fixtures" / "precedence" / "unlinked-rhk"


def lines(report: cascade.Report) -> list[str]:
    return [f"{os.path.relpath(f.file, CASE)}:{f.line}:{f.column}: {f.code} {f.ref}" for f in report]


def test_precedence_names_registered_rules() -> None:
    all_rules()
    assert PRECEDENCE == {"CAS301": frozenset({"CAS306"}), "CAS304": frozenset({"CAS516"})}
    assert all(c in REGISTRY for k, v in PRECEDENCE.items() for c in (k, *v))


def test_an_unlinked_rhk_is_reported_once_by_cas306() -> None:
    report = cascade.load(str(CASE)).validate(select=["CAS3"])
    # its indicator supports nothing either: a second missing link, reported on its own
    assert lines(report) == [
        "skp.yaml:18:5: CAS306 contoh.puskesmas.skp:R2",
        "skp.yaml:23:9: CAS302 contoh.puskesmas.skp:R2.I1",
    ]


def test_cas301_alone_still_reports_the_break() -> None:
    report = cascade.load(str(CASE)).validate(select=["CAS301"])
    assert lines(report) == ["skp.yaml:18:5: CAS301 contoh.puskesmas.skp:R2"]


def test_justified_forms_follow_the_same_precedence(tmp_path: Path) -> None:
    text = (CASE / "skp.yaml").read_text().replace(
        "    name: Terkelola operasional rutin UPT Puskesmas\n",
        "    name: Terkelola operasional rutin UPT Puskesmas\n    justification: Penugasan khusus Kepala Dinas\n",
    )
    (tmp_path / "skp.yaml").write_text(text)
    report = cascade.load(str(tmp_path)).validate(select=["CAS3", "CAS903"])
    assert [(f.code, f.ref, dict(f.args).get("code")) for f in report] == [
        ("CAS903", "contoh.puskesmas.skp:R2", "CAS306"),
        ("CAS903", "contoh.puskesmas.skp:R2.I1", "CAS302"),
    ]


def test_a_funded_kegiatan_without_indicator_is_reported_once_by_cas516() -> None:
    case = Path(__file__).parents[1] / "fixtures" / "rules" / "CAS516" / "fail"
    report = cascade.load(str(case)).validate(select=["CAS304", "CAS516"])
    assert [(f.code, f.ref) for f in report] == [("CAS516", "boalemo.dinkes.renstra-2022:1.02.01.2.06")]
    # without CAS516 selected, CAS304 still reports it
    report = cascade.load(str(case)).validate(select=["CAS304"])
    assert [(f.code, f.ref) for f in report] == [("CAS304", "boalemo.dinkes.renstra-2022:1.02.01.2.06")]
