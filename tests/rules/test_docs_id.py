"""The body of every rule's documentation in Bahasa Indonesia (``BODY_ID``), and English left as it was.

``cascade explain`` (Indonesian by default) showed the summary and the "why" in Indonesian but the
descriptive paragraphs between them (what exactly is checked, options, exemptions) in English. These
tests keep ``BODY_ID`` complete, keep every code, field and value of the English body in the
translation, and keep ``--lang en`` byte for byte the docstring.
"""

from __future__ import annotations

import re

import pytest

from cascade.rules.catalog import all_rules, get_rule
from cascade.rules.docs import _HEADINGS_ID, documentation, plain
from cascade.rules.docs_id import BASIS_ID, BODY_ID
from cli_support import run

RULES = all_rules()
CODES = {rule.code for rule in RULES}

#: Rules whose docstring has nothing between the summary and ``Why:`` (so nothing to translate).
NO_BODY = {"CAS511"}

#: Literals of an English body that the translation legitimately writes differently, by code.
#: Empty: every ``literal`` and :role:`target` of every English body appears in its translation.
LITERAL_EXCEPTIONS: dict[str, set[str]] = {}

_LITERALS = re.compile(r"``[^`]+``|:[a-z]+:`[^`]+`")


def english_body(rule) -> str:
    """The docstring's paragraphs after the summary and before ``Why:``, as written (reStructuredText)."""
    paragraphs = rule.documentation().split("\n\n")
    why = next(i for i, para in enumerate(paragraphs) if para.startswith("Why:"))
    return "\n\n".join(paragraphs[1:why])


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_body_has_an_indonesian_translation(rule) -> None:
    if rule.code in NO_BODY:
        assert english_body(rule) == "" and rule.code not in BODY_ID
    else:
        assert english_body(rule).strip(), f"{rule.code}: has a body now; translate it or drop it from NO_BODY"
        assert BODY_ID.get(rule.code, "").strip(), f"{rule.code} {rule.name}: no BODY_ID entry"


def test_body_id_names_only_rules_in_code_order() -> None:
    assert sorted(set(BODY_ID) - CODES) == []
    assert list(BODY_ID) == sorted(BODY_ID)


@pytest.mark.parametrize("code", sorted(BODY_ID))
def test_the_translation_keeps_every_literal_of_the_english_body(code) -> None:
    english = set(_LITERALS.findall(english_body(get_rule(code))))
    indonesian = set(_LITERALS.findall(BODY_ID[code]))
    assert english - indonesian - LITERAL_EXCEPTIONS.get(code, set()) == set()


@pytest.mark.parametrize("code", sorted(BODY_ID))
def test_the_translation_is_shaped_like_the_docstring(code) -> None:
    text = BODY_ID[code]
    assert text == text.strip() and "\n\n\n" not in text
    assert not re.search(r"^(Why|Basis|Failing|Passing)\b", text, re.M), "headings stay in the docstring"
    assert [line for line in text.split("\n") if len(line) > 110 or line != line.rstrip()] == []
    # no English left behind outside literals and quotations (a half-translated paragraph)
    prose = re.sub(r'``[^`]+``|:[a-z]+:`[^`]+`|"[^"]*"', "", text)
    assert re.findall(r"(?<![-\w])(the|is|of|and|when|with|are|that|which)(?![-\w])", prose) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_indonesian_documentation_shows_the_translated_body(rule) -> None:
    doc = documentation(rule, "id")
    if rule.code in NO_BODY:
        return
    assert f"\n\n{plain(BODY_ID[rule.code])}\n\nMengapa: " in doc
    body = plain(english_body(rule))
    first_sentence = squeeze(re.split(r"(?<=[.:;])\s", body, maxsplit=1)[0])
    assert first_sentence not in squeeze(doc)
    for para in body.split("\n\n"):
        assert para not in doc


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_indonesian_documentation_keeps_citations_and_examples_as_written(rule) -> None:
    """After "Mengapa:", the Indonesian text has the English paragraphs one for one: the examples' code
    as written, the basis with the same citations (its glosses translated, BASIS_ID) and Indonesian
    headings with their notes translated ("Contoh yang gagal (2023: program mencapai ...):")."""
    en = documentation(rule, "en").split("\n\n")
    id_ = documentation(rule, "id").split("\n\n")
    en_tail = en[next(i for i, p in enumerate(en) if p.startswith("Why:")) + 1:]
    id_tail = id_[next(i for i, p in enumerate(id_) if p.startswith("Mengapa:")) + 1:]
    assert len(id_tail) == len(en_tail)
    citation = re.compile(r"\b(?:UU|PP|Perpres|Permendagri|PermenPANRB|Kepmendagri|Inmendagri) [\d/ -]+(?:dan \d+/\d+)?")
    for en_para, id_para in zip(en_tail, id_tail):
        if en_para.startswith("Basis:"):
            assert id_para.startswith("Dasar: ") and rule.code in BASIS_ID
            assert {c.split()[0] for c in citation.findall(" ".join(en_para.split()))} == {c.split()[0] for c in citation.findall(id_para)}
        elif en_para.startswith(("Failing", "Passing")):
            assert id_para.startswith(("Contoh yang gagal", "Contoh yang lolos"))
            assert en_para.split("\n")[1:] == id_para.split("\n")[1:]  # code under the heading, as written
        else:
            assert id_para == en_para  # the examples' code


def test_no_indonesian_explain_says_failing_or_passing() -> None:
    """`cascade explain CAS704` said 'Failing (2023: the program met its target...)' and 'Passing (the
    sasaran met too)' in Bahasa Indonesia; CAS302 'Dasar: PermenPANRB 89/2021 (cascading is of ...)'."""
    for rule in RULES:
        doc = documentation(rule, "id")
        assert not re.search(r"\b(Failing|Passing|Basis)\b", doc), rule.code
    cas704 = documentation(get_rule("CAS704"), "id")
    assert "\n\nContoh yang gagal (2023: program mencapai targetnya, sasaran yang didukungnya tidak tercapai):\n\n" in cas704
    assert "\n\nContoh yang lolos (sasarannya juga tercapai):\n\n" in cas704
    assert ("\n\nDasar: PermenPANRB 89/2021 (yang di-cascade adalah \"sasaran strategis, indikator kinerja, dan target "
            "kinerja\", bukan hanya nama sasaran); ") in documentation(get_rule("CAS302"), "id")
    for code in ("CAS706", "CAS707"):
        assert "(the plan names" not in documentation(get_rule(code), "id")
        assert " of the same table" not in documentation(get_rule(code), "id")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_english_documentation_is_the_docstring(rule) -> None:
    assert documentation(rule, "en") == plain(rule.documentation())


# The English output of two rules, recorded before BODY_ID existed: a rule with a body and one without.
CAS302_EN = '''\
An indicator that supports no upper indicator while its element sits below the top of the cascade.

Every indicator below the prioritas nasional should name, in supports, the upper indicator
it contributes to (in an upper document, or within its own document a sasaran indicator that a
program indicator feeds). A reference into a document absent from the workspace counts. An
indicator whose supports all name nothing (CAS202) is an orphan as well. Indicators of a
prioritas nasional, the top of the cascade, are not checked. A written justification on the
indicator's element turns the finding into CAS903.

Why: when goals are linked but their indicators are not, nobody can tell how much a regional
result contributes to the upper target; the cascade exists only in the goals' names.

Basis: PermenPANRB 89/2021 (cascading is of "sasaran strategis, indikator kinerja, dan target
kinerja", not of goal names alone); Bappenas' regional plan assessment (each supported PN needs a
program with a relevant indicator).

Failing:

    - id: S1
      kind: sasaran
      supports: [klaten.rpjmd-2025:S2.1]
      indicators:
        - {id: S1.I1, name: Persentase PPKS yang tertangani, unit: "%"}

Passing:

    - id: S1
      kind: sasaran
      supports: [klaten.rpjmd-2025:S2.1]
      indicators:
        - {id: S1.I1, name: Persentase PPKS yang tertangani, unit: "%", supports: [klaten.rpjmd-2025:S2.1.I1]}'''

CAS511_EN = '''\
A range with min greater than max, in a target, final or the baseline.

Why: such a range promises nothing: every value is outside it. It is usually the two bounds
swapped, and every numeric rule reads it wrongly.

Basis: FORMAT.md (a range {min, max}, the RPJMN's "7,0-8,0").

Failing:

    targets: {2024: {min: 8.0, max: 7.0}}

Passing:

    targets: {2024: {min: 7.0, max: 8.0}}'''


def test_english_documentation_is_unchanged_byte_for_byte() -> None:
    assert documentation(get_rule("CAS302"), "en") == CAS302_EN
    assert documentation(get_rule("CAS511"), "en") == CAS511_EN
    assert documentation(get_rule("CAS511")) == CAS511_EN


def test_a_rule_without_a_body_reads_summary_then_why_in_indonesian() -> None:
    doc = documentation(get_rule("CAS511"), "id")
    assert doc.startswith("Rentang dengan min lebih besar dari max, pada target, final atau baseline.\n\nMengapa: ")


def test_explain_shows_the_indonesian_body_and_english_on_request() -> None:
    code, out, err = run("explain", "CAS301")
    assert code == 0 and err == ""
    assert "\n\nSebuah elemen terjangkau bila ia elemen RPJMN" in out
    assert "An element is reached" not in out and "Why:" not in out
    # a body of several paragraphs with a list (CAS303), by name
    _, by_name, _ = run("explain", "unsupported-element")
    assert "\n\n1. elemen di atas jenis terdalam yang dipakai dokumennya" in by_name
    assert "Three cases" not in by_name
    _, english, _ = run("explain", "CAS301", "--lang", "en")
    assert english == f"CAS301 orphan-element (error)\n\n{plain(get_rule('CAS301').documentation())}\n"


def test_explain_json_carries_the_indonesian_body() -> None:
    import json

    code, out, _ = run("explain", "CAS208", "--format", "json")
    assert code == 0
    doc = json.loads(out)["documentation"]
    assert "menjadi *suspect* (patut diperiksa)" in squeeze(doc)
    assert "cascade review --accept REF" in doc and "Only supports links are tracked" not in doc
