"""One language at a time: with the default ``--lang id`` no English leaks into what a planner reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cascade.core.findings import SEVERITY_WORDS
from cascade.read.yaml_messages import problem_id
from cascade.rules.catalog import all_rules
from cli_support import PLAN, run

ROOT = Path(__file__).resolve().parents[2]


#: The mistakes people make typing a plan, and what CAS001 says about each in Indonesian.
SYNTAX = {
    "indent": ("document:\n  id: x\n kind: rpjmd\n",
               "3:2: CAS001 yaml-syntax YAML tidak valid: kunci yang diharapkan tidak ditemukan (periksa indentasi baris ini) saat membaca mapping blok"),
    "colon-in-value": ("document:\n  id: x\n  title: a: b\n",
                       "3:11: CAS001 yaml-syntax YAML tidak valid: nilai mapping tidak boleh dalam konteks ini (titik dua di dalam nilai? beri tanda kutip)"),
    "tab": ("document:\n\tid: x\n",
            "2:1: CAS001 yaml-syntax YAML tidak valid: ditemukan karakter yang tidak boleh mengawali nilai saat mencari bagian berikutnya"),
    "unclosed-quote": ('document:\n  id: "x\n',
                       "3:1: CAS001 yaml-syntax YAML tidak valid: berkas berakhir sebelum waktunya (tanda kutip atau kurung belum ditutup?) saat membaca teks bertanda kutip"),
    "unclosed-bracket": ("document:\n  aligns_to: [a, b\n  kind: rpjmd\n",
                         "3:7: CAS001 yaml-syntax YAML tidak valid: tidak menemukan ',' atau ']' yang diharapkan saat membaca daftar dalam kurung [ ]"),
}


@pytest.mark.parametrize("case", list(SYNTAX))
def test_the_parsers_common_complaints_are_in_indonesian(case: str, tmp_path: Path) -> None:
    text, expected = SYNTAX[case]
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run("lint", str(tmp_path / "a.yaml"), "--format", "concise", "--no-cache", "-q", "--select", "CAS0")
    assert (code, out) == (1, f"{tmp_path / 'a.yaml'}:{expected}\n")
    _, english, _ = run("lint", str(tmp_path / "a.yaml"), "--format", "concise", "--no-cache", "-q", "--select", "CAS0", "--lang", "en")
    assert "invalid YAML: " in english and "YAML tidak valid" not in english


def test_every_translated_parser_phrase_is_a_whole_translation() -> None:
    assert problem_id("did not find expected key while parsing a block mapping") == (
        "kunci yang diharapkan tidak ditemukan (periksa indentasi baris ini) saat membaca mapping blok")
    assert problem_id("expected <block end>, but found '<block mapping start>' while parsing a block mapping") == (
        "diharapkan akhir blok (indentasi), tetapi ditemukan awal mapping baru (indentasi berlebih?) saat membaca mapping blok")
    assert problem_id("something libyaml never said") == "something libyaml never said"  # kept, not lost


def test_a_list_of_choices_is_not_joined_with_an_english_or(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(PLAN.replace("type: outcome", "type: hasil", 1), encoding="utf-8")
    _, out, _ = run("lint", str(tmp_path / "a.yaml"), "--format", "concise", "--no-cache", "-q", "--select", "CAS104")
    assert out.endswith("CAS104 invalid-value 'type' bernilai 'hasil'; yang diharapkan salah satu dari impact, outcome, output, process, input (rpjmn-2020:PN1.PP1.I1)\n")


def test_configuration_and_usage_errors_follow_the_language(tmp_path: Path) -> None:
    (tmp_path / "cascade.toml").write_text('selct = ["CAS3"]\n', encoding="utf-8")
    (tmp_path / "a.yaml").write_text(PLAN, encoding="utf-8")
    config = str(tmp_path / "cascade.toml")
    assert run("lint", str(tmp_path), "--config", config)[2] == (
        f"cascade: kesalahan konfigurasi: {config}:1:1: kunci 'selct' tidak dikenal; maksudnya 'select'?\n")
    assert run("lint", str(tmp_path), "--config", config, "--lang", "en")[2] == (
        f"cascade: configuration error: {config}:1:1: unknown key 'selct'; did you mean 'select'?\n")
    assert run("lint", str(tmp_path), "--select", "orphan-elemnt")[2] == (
        "cascade: kesalahan konfigurasi: --select: pemilih aturan tidak dikenal: 'orphan-elemnt' (maksudnya 'orphan-element'?)\n")
    code, out, err = run("lint", "--bogus")
    assert (code, out) == (2, "") and err.endswith("cascade: kesalahan: argumen tidak dikenal: --bogus\n")
    assert run("lint", "--bogus", "--lang", "en")[2].endswith("cascade: error: unrecognized arguments: --bogus\n")
    assert run("lint", "--format", "xml")[2].endswith(
        "cascade lint: kesalahan: argumen --format: pilihan 'xml' tidak valid "
        "(pilih dari 'full', 'concise', 'json', 'sarif', 'github', 'gitlab', 'junit')\n")
    assert run("import", str(tmp_path / "x.xlsx"))[2].endswith("cascade import: kesalahan: argumen berikut wajib diisi: -o/--output\n")


def test_one_indonesian_word_per_severity_in_every_human_output(tmp_path: Path) -> None:
    words = SEVERITY_WORDS["id"]
    assert words == {"error": "kesalahan", "warning": "peringatan", "info": "info"}
    _, full, _ = run("lint", str(ROOT / "examples" / "defects"), "--no-cache", "-q")
    assert "[kesalahan]" in full and "[peringatan]" in full and "[error]" not in full and "[warning]" not in full
    assert run("report", "--html", str(tmp_path / "r.html"), str(ROOT / "examples" / "defects"), "-q")[0] == 1
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S))
    visible = re.sub(r"\b[a-z]+(-[a-z]+)+\b", " ", visible)  # rule names (orphan-element) are names, not words
    for english in ("error", "errors", "warning", "warnings", "galat", "Galat"):
        assert re.search(rf"\b{english}\b", visible) is None, english
    assert "kesalahan" in visible and "peringatan" in visible
    _, rules, _ = run("rules")
    assert {line.split()[2] for line in rules.splitlines()[1:]} == {"kesalahan", "peringatan", "info"}
    assert run("explain", "CAS301")[1].startswith("CAS301 orphan-element (kesalahan)\n")
    # machine formats keep their values
    _, json_out, _ = run("lint", str(ROOT / "examples" / "defects"), "--no-cache", "-q", "--format", "json")
    assert '"severity": "error"' in json_out and "kesalahan" not in json_out.split('"message"')[0]


def test_rules_and_explain_speak_indonesian_as_plain_text() -> None:
    code, out, _ = run("explain", "orphan-element")
    assert code == 0
    assert "\n\nElemen tanpa jalur ke tingkat nasional: cascading-nya terputus.\n\n" in out
    assert "\n\nMengapa: sasaran yang tidak terikat rantai tautan" in out
    assert "\nDasar: PermenPANRB 89/2021" in out and "\nContoh yang gagal:\n" in out and "\nContoh yang lolos:\n" in out
    assert "``" not in out and "::" not in out and "Why:" not in out
    _, table, _ = run("rules")
    assert table.splitlines()[0].split() == ["KODE", "NAMA", "TINGKAT", "RINGKASAN"]
    assert "CAS301  orphan-element" in table and "Elemen tanpa jalur ke tingkat nasional" in table
    for rule in all_rules():
        _, text, _ = run("explain", rule.code, "--lang", "en")
        assert "``" not in text and "::" not in text, rule.code
