"""Every rule is documented in Bahasa Indonesia, the default language of ``cascade rules`` and ``cascade explain``.

A rule without an entry in :mod:`cascade.rules.docs_id` silently falls back to English, so a planner
reading ``cascade explain`` gets one rule in Indonesian and the next in English; this keeps the two
dicts complete and free of codes that name no rule.
"""

from __future__ import annotations

import pytest

from cascade.rules.catalog import all_rules
from cascade.rules.docs_id import SUMMARY_ID, WHY_ID
from cli_support import run

CODES = {rule.code for rule in all_rules()}


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_has_an_indonesian_summary_and_why(rule) -> None:
    assert SUMMARY_ID.get(rule.code, "").strip(), f"{rule.code} {rule.name}: no SUMMARY_ID entry"
    assert WHY_ID.get(rule.code, "").strip(), f"{rule.code} {rule.name}: no WHY_ID entry"


@pytest.mark.parametrize("table", [SUMMARY_ID, WHY_ID], ids=["SUMMARY_ID", "WHY_ID"])
def test_no_entry_names_a_code_that_is_not_a_rule(table) -> None:
    assert sorted(set(table) - CODES) == []


@pytest.mark.parametrize("table", [SUMMARY_ID, WHY_ID], ids=["SUMMARY_ID", "WHY_ID"])
def test_entries_are_ordered_by_code(table) -> None:
    assert list(table) == sorted(table)


def test_the_summary_is_one_line_and_the_why_continues_its_heading() -> None:
    # the summary is a table cell in ``cascade rules``; the why is printed after "Mengapa: "
    assert [code for code, text in SUMMARY_ID.items() if "\n" in text or not text.endswith(".")] == []
    assert [code for code, text in WHY_ID.items() if "\n" in text or not text.endswith(".")] == []
    assert [code for code, text in {**SUMMARY_ID, **WHY_ID}.items() if "``" in text] == []


def test_explain_shows_the_indonesian_summary_and_why_of_a_realisasi_rule() -> None:
    code, out, err = run("explain", "CAS704", "--lang", "id")
    assert code == 0 and err == ""
    assert out.startswith("CAS704 ineffective-cascade (")
    assert "\n\nIndikator di bawah mencapai targetnya sementara hasil (outcome) yang didukungnya tidak tercapai" in out
    assert "\n\nMengapa: cascading adalah klaim bahwa program-program menggerakkan hasil (outcome)." in out
    assert "The indicators below reached their targets" not in out and "Why:" not in out
    # the basis stays as written, under its Indonesian heading
    assert "\n\nDasar: PermenPANRB 89/2021" in out


def test_explain_by_name_and_rules_table_use_the_new_entries() -> None:
    _, by_name, _ = run("explain", "suspect-link")
    assert "\n\nMengapa: rencana di bawah harus mengikuti rencana di atasnya" in by_name
    assert "Inmendagri 2/2025" in by_name.split("Mengapa:")[1].split("\n\n")[0]
    _, table, _ = run("rules")
    assert "Indikator cakupan kumulatif yang realisasinya turun" in table
    _, english, _ = run("explain", "CAS704", "--lang", "en")
    assert "\n\nWhy: a cascade is a claim that the programs drive the outcome." in english
