"""Inline suppression comments: what they cover, what is not a comment, and CAS901/CAS902."""

from __future__ import annotations

from pathlib import Path

import pytest

import cascade
from cascade.core.findings import Span
from cascade.read.suppressions import Suppression, apply, find_suppressions

HEADER = """document:
  id: dinkes.renstra-2019
  kind: renstra
  title: Renstra Dinas Kesehatan
  period: {start: 2019, end: 2024}
  region: {code: "35.77"}
  agency: {name: Dinas Kesehatan}
elements:
"""


def lint(tmp_path: Path, body: str, **kwargs) -> list[str]:
    (tmp_path / "plan.yaml").write_text(HEADER + body, encoding="utf-8")
    report = cascade.load(str(tmp_path / "plan.yaml")).validate(select=["CAS0", "CAS1", "CAS202", "CAS901", "CAS902"], **kwargs)
    # Messages only for the suppression rules: the others' wording belongs to their own tests.
    return [f"{f.line}:{f.column} {f.code}" + (f" {f.message}" if f.code.startswith("CAS9") else "") for f in report]


def test_trailing_comment_silences_its_line(tmp_path: Path) -> None:
    body = "  - {id: T1, kind: tujuan, name: Sehat, parent: X9}  # cascade: ignore[unknown-reference] later\n"
    assert lint(tmp_path, body) == []


def test_trailing_comment_covers_only_its_line(tmp_path: Path) -> None:
    body = (
        "  - id: T1  # cascade: ignore[unknown-reference]\n"
        "    kind: tujuan\n"
        "    name: Sehat\n"
        "    parent: X9\n"
    )
    assert lint(tmp_path, body) == [
        "9:13 CAS901 suppression of unknown-reference matched no finding; remove it",
        "12:13 CAS202",
    ]


def test_comment_above_covers_the_next_line_past_blanks_and_comments(tmp_path: Path) -> None:
    body = (
        "  - id: T1\n"
        "    kind: tujuan\n"
        "    name: Sehat\n"
        "    # cascade: ignore[CAS202] induk menyusul\n"
        "    # cascade: ignore[unknown-field]\n"
        "\n"
        "    parent: X9\n"
        "    satuan: persen\n"
    )
    assert lint(tmp_path, body) == [
        "13:5 CAS901 suppression of unknown-field matched no finding; remove it",
        "16:5 CAS102",
    ]


def test_several_rules_by_code_and_name(tmp_path: Path) -> None:
    body = "  - {id: T1, kind: tujuan, name: Sehat, parent: X9, satuan: persen}  # cascade: ignore[CAS202, unknown-field]\n"
    assert lint(tmp_path, body) == []


def test_ignore_file_anywhere(tmp_path: Path) -> None:
    body = (
        "  - {id: T1, kind: tujuan, name: Sehat, parent: X9}\n"
        "  - {id: T2, kind: tujuan, name: Sejahtera, parent: X8}\n"
        "# cascade: ignore-file[unknown-reference] dokumen transisi\n"
    )
    assert lint(tmp_path, body) == []


def test_hash_inside_scalars_is_not_a_comment(tmp_path: Path) -> None:
    body = (
        '  - id: T1\n'
        '    kind: tujuan\n'
        '    name: "Sehat # cascade: ignore[unknown-reference]"\n'
        '    justification: |\n'
        '      # cascade: ignore-file[unknown-reference]\n'
        '    parent: X9\n'
    )
    assert lint(tmp_path, body) == ["14:13 CAS202"]


def test_invalid_suppressions(tmp_path: Path) -> None:
    body = (
        "  - {id: T1, kind: tujuan, name: Sehat}  # cascade: ignore\n"
        "  - {id: T2, kind: tujuan, name: Sehat}  # cascade: ignore[unknown-referense]\n"
        "  - {id: T3, kind: tujuan, name: Sehat}  # cascade: ignore[ALL]\n"
        "  - {id: T4, kind: tujuan, name: Sehat}  # cascade: disable[CAS202]\n"
    )
    assert lint(tmp_path, body) == [
        "9:42 CAS902 suppression names no rule: write '# cascade: ignore[rule-name] reason'",
        "10:42 CAS902 suppression names an unknown rule 'unknown-referense'; did you mean 'unknown-reference'?",
        "11:42 CAS902 suppression names no rule: write '# cascade: ignore[rule-name] reason'",
        "12:42 CAS902 unknown directive 'cascade: disable'; use ignore[...] or ignore-file[...]",
    ]


def test_rules_that_did_not_run_are_not_judged() -> None:
    # A deselected graph rule produced no findings, so its suppression cannot have matched.
    sup = Suppression(("CAS202",), "x.yaml", Span(1, 6, 1, 30), frozenset({1}))
    assert apply([], [sup], ran=set()) == ([], [], [])
    kept, suppressed, unused = apply([], [sup], ran={"CAS202"})
    assert [(f.code, f.file, f.line, f.column) for f in unused] == [("CAS901", "x.yaml", 1, 6)]


def test_suppressed_findings_are_counted(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        HEADER + "  - {id: T1, kind: tujuan, name: Sehat, parent: X9}  # cascade: ignore[CAS202]\n", encoding="utf-8"
    )
    ws = cascade.load(str(tmp_path))
    assert ws.validate(select=["CAS202"]).stats["suppressed"] == 1
    unsuppressed = ws.validate(select=["CAS202"], inline_suppressions=False)
    assert [f.code for f in unsuppressed] == ["CAS202"]
    assert unsuppressed.stats["suppressed"] == 0


def test_scan_finds_nothing_without_the_marker() -> None:
    assert find_suppressions("x.yaml", "a: 1  # ignore[CAS202]\n") == ([], [])


@pytest.mark.parametrize("text", ["a: 1 #cascade: ignore[CAS202]\n", "a: 1\t# cascade:ignore[CAS202]\n"])
def test_spacing_variants(text: str) -> None:
    sups, findings = find_suppressions("x.yaml", text)
    assert findings == [] and [s.lines for s in sups] == [frozenset({1})]


def test_no_space_before_hash_is_not_a_comment() -> None:
    assert find_suppressions("x.yaml", "a: b# cascade: ignore[CAS202]\n") == ([], [])


BROKEN = "  - {id: T1, kind: tujuan, name: Sehat, parent: X9, satuan: persen}\n  - {id: T2\n"


@pytest.mark.parametrize("selector", ["CAS", "cas", "ALL", "CAS0, CAS1, CAS2, CAS3, CAS4, CAS5, CAS6, CAS7, CAS9"])
def test_a_selector_covering_every_rule_is_a_blanket_and_silences_nothing(tmp_path: Path, selector: str) -> None:
    # ignore-file[CAS] silenced a whole file, syntax errors included, without the CAS902 ALL gets.
    body = f"# cascade: ignore-file[{selector}] ok\n  - {{id: T1, kind: tujuan, name: Sehat, parent: X9, satuan: persen}}\n"
    message = (
        "suppression names no rule: write '# cascade: ignore[rule-name] reason'" if selector == "ALL"
        else f"suppression of '{selector}' covers every rule: name the rules it silences"
    )
    assert lint(tmp_path, body) == [f"9:1 CAS902 {message}", "10:49 CAS202", "10:53 CAS102"]


def test_a_blanket_cannot_hide_a_syntax_error(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("# cascade: ignore-file[CAS] ok\n" + HEADER + BROKEN, encoding="utf-8")
    report = cascade.load(str(tmp_path / "plan.yaml")).validate()
    assert [(f.line, f.code) for f in report] == [(1, "CAS902"), (12, "CAS001")]


@pytest.mark.parametrize("selector", ["yaml-syntax", "CAS001", "CAS005", "file-limit"])
def test_unreadable_file_findings_cannot_be_suppressed(tmp_path: Path, selector: str) -> None:
    # The file could not be read: nothing in it, the suppression comment included, is trusted.
    (tmp_path / "plan.yaml").write_text(f"# cascade: ignore-file[{selector}] ok\n" + HEADER + BROKEN, encoding="utf-8")
    report = cascade.load(str(tmp_path / "plan.yaml")).validate()
    assert [(f.line, f.code, f.message) for f in report] == [
        (1, "CAS902", f"'{selector}' cannot be suppressed: the file could not be read, so nothing in it, this comment included, is trusted"),
        (12, "CAS001", report.findings[1].message),
    ]


def test_a_prefix_never_silences_a_syntax_error_and_is_judged_by_its_other_rules(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("# cascade: ignore-file[CAS0] ok\n" + HEADER + BROKEN, encoding="utf-8")
    report = cascade.load(str(tmp_path / "plan.yaml")).validate()
    assert [(f.line, f.code) for f in report] == [(1, "CAS901"), (12, "CAS001")]
    (tmp_path / "plan.yaml").write_text("# cascade: ignore-file[CAS00] ok\n" + HEADER + BROKEN.replace("{id: T2\n", "{id: T2, name: !!str x}\n"), encoding="utf-8")
    assert [f.code for f in cascade.load(str(tmp_path / "plan.yaml")).validate(select=["CAS0", "CAS9"])] == []


def test_configured_ignores_never_silence_a_syntax_error(tmp_path: Path) -> None:
    from cascade.read.suppressions import UNSUPPRESSIBLE
    assert UNSUPPRESSIBLE == {"CAS001", "CAS005"}
    (tmp_path / "plan.yaml").write_text(HEADER + BROKEN, encoding="utf-8")
    sup = Suppression(("CAS0",), "cascade.toml", None, None, "*.yaml", str(tmp_path))
    report = cascade.load(str(tmp_path / "plan.yaml")).validate(suppressions=[sup])
    assert [f.code for f in report] == ["CAS001", "CAS901"]  # CAS0 judged by CAS002-CAS009 alone


BLANKET_ONE = "suppression of '{}' covers every rule: name the rules it silences"
BLANKET_UNION = "suppression of '{}' with the suppressions on line {} covers every rule: name the rules it silences"


def test_a_blanket_split_over_two_ignore_file_comments_silences_nothing(tmp_path: Path) -> None:
    # Two halves of CAS0..CAS9 left only CAS901 warnings and exit 0.
    body = (
        "# cascade: ignore-file[CAS0, CAS1, CAS2, CAS3, CAS4] a\n"
        "# cascade: ignore-file[CAS5, CAS6, CAS7, CAS8, CAS9] b\n"
        "  - {id: T1, kind: tujuan, name: Sehat, parent: X9, satuan: persen}\n"
    )
    assert lint(tmp_path, body) == [
        "9:1 CAS902 " + BLANKET_UNION.format("CAS0, CAS1, CAS2, CAS3, CAS4", 10),
        "10:1 CAS902 suppression names an unknown rule 'CAS8'; did you mean 'CAS508'?",
        "10:1 CAS902 " + BLANKET_UNION.format("CAS5, CAS6, CAS7, CAS9", 9),
        "11:49 CAS202",
        "11:53 CAS102",
    ]


def test_a_selector_list_covering_every_rule_but_the_suppression_rules_is_a_blanket(tmp_path: Path) -> None:
    # Leaving out CAS902 (or all of CAS9) made the list "not every rule" and silenced the file.
    selector = "CAS0, CAS1, CAS2, CAS3, CAS4, CAS5, CAS6, CAS7, CAS901, CAS903"
    body = f"# cascade: ignore-file[{selector}] ok\n  - {{id: T1, kind: tujuan, name: Sehat, parent: X9, satuan: persen}}\n"
    assert lint(tmp_path, body) == [f"9:1 CAS902 {BLANKET_ONE.format(selector)}", "10:49 CAS202", "10:53 CAS102"]
    body = "# cascade: ignore-file[CAS0, CAS1, CAS2, CAS3, CAS4, CAS5, CAS6, CAS7] ok\n  - {id: T1, kind: tujuan, name: Sehat, parent: X9, satuan: persen}\n"
    assert lint(tmp_path, body)[0] == "9:1 CAS902 " + BLANKET_ONE.format("CAS0, CAS1, CAS2, CAS3, CAS4, CAS5, CAS6, CAS7")


def test_ignore_file_and_line_comments_covering_every_rule_on_a_line_silence_nothing(tmp_path: Path) -> None:
    body = (
        "# cascade: ignore-file[CAS0, CAS1, CAS3] a\n"
        "# cascade: ignore[CAS2, CAS4, CAS5] b\n"
        "# cascade: ignore[CAS6, CAS7] c\n"
        "  - {id: T1, kind: tujuan, name: Sehat, parent: X9, satuan: persen}\n"
    )
    assert lint(tmp_path, body) == [
        "9:1 CAS902 " + BLANKET_UNION.format("CAS0, CAS1, CAS3", "10, 11"),
        "10:1 CAS902 " + BLANKET_UNION.format("CAS2, CAS4, CAS5", "9, 11"),
        "11:1 CAS902 " + BLANKET_UNION.format("CAS6, CAS7", "9, 10"),
        "12:49 CAS202",
        "12:53 CAS102",
    ]


def test_comments_that_together_leave_a_rule_out_still_work(tmp_path: Path) -> None:
    body = (
        "# cascade: ignore-file[CAS0, CAS1, CAS3, CAS4] a\n"
        "# cascade: ignore-file[CAS5, CAS6, CAS7] b\n"
        "  - {id: T1, kind: tujuan, name: Sehat, parent: X9, satuan: persen}   # cascade: ignore[CAS202] c\n"
    )
    # CAS2 but CAS202 is left out: the comments are valid and silence what they name.
    assert [f for f in lint(tmp_path, body) if "CAS901" not in f] == []
