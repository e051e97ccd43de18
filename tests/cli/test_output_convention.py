"""Every command takes ``--format X [--output FILE]`` (docs/pipelines.md): the same bytes to a file as
to the terminal, a binary format only to a file, exit code 2 when the file cannot be written. The
older spellings (``report --html OUT``, ``export --xlsx OUT``) keep working."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import run

SPECS = str(Path(__file__).parents[2] / "specs")


@pytest.mark.parametrize("argv", [
    ("rules",), ("rules", "--format", "json"), ("explain", "CAS301"), ("explain", "CAS3"),
    ("explain", "orphan-element", "--format", "json"), ("explain", "CAS3", "--format", "json"), ("schema",),
    ("schema", "--format", "json"),
])
def test_output_writes_what_the_terminal_gets(argv: tuple, tmp_path: Path) -> None:
    code, shown, _ = run(*argv)
    target = tmp_path / "out.txt"
    assert run(*argv, "--output", str(target)) == (0, "", "")
    assert code == 0 and target.read_text(encoding="utf-8") == shown != ""


def test_explain_json_carries_the_documentation_and_the_messages() -> None:
    code, shown, _ = run("explain", "CAS005", "--format", "json", "--lang", "en")
    row = json.loads(shown)
    assert code == 0
    assert (row["code"], row["name"], row["severity"]) == ("CAS005", "file-limit", "error")
    assert row["documentation"].startswith(row["summary"])
    assert row["messages"]["extra"] == {
        "en": "a workbook, not read: reading workbooks needs openpyxl (pip install 'sakip-cascade[xlsx]')",
        "id": "buku kerja, tidak dibaca: membaca buku kerja memerlukan openpyxl (pip install 'sakip-cascade[xlsx]')",
    }
    group = json.loads(run("explain", "CAS3", "--format", "json")[1])
    assert [r["code"] for r in group] == ["CAS301", "CAS302", "CAS303", "CAS304", "CAS305", "CAS306", "CAS307"]


def test_an_output_that_cannot_be_written_is_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "rules.txt"
    assert run("rules", "--output", str(missing)) == (2, "", f"cascade: tidak dapat menulis {missing}: berkas atau folder tidak ada\n")
    code, _, err = run("schema", "--output", str(missing), "--lang", "en")
    assert (code, err) == (2, f"cascade: cannot write {missing}: no such file or folder\n")


def test_report_output_html_and_terminal_are_one_page(tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    assert run("report", SPECS, "--output", str(a), "-q")[0] == 0
    assert run("report", SPECS, "--html", str(b), "-q", "--format", "html")[0] == 0
    code, page, _ = run("report", SPECS, "-q")
    assert code == 0 and a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8") == page
    assert page.startswith("<!DOCTYPE html>")
    assert run("report", SPECS, "--output", str(a), "--html", str(b)) == (
        2, "", f"cascade: --output {a} dan --html {b} menyebut dua berkas; berikan satu saja\n")


def test_export_is_binary_and_needs_an_output(tmp_path: Path) -> None:
    assert run("export", SPECS) == (2, "", "cascade: export memerlukan --output BERKAS (buku kerja tidak ditulis ke terminal)\n")
    assert run("export", SPECS, "--format", "xlsx", "--lang", "en") == (
        2, "", "cascade: export needs --output FILE (a workbook is not written to the terminal)\n")
    pytest.importorskip("openpyxl")
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run("export", SPECS, "--output", str(a))[0] == 0
    assert run("export", SPECS, "--xlsx", str(b))[0] == 0
    import openpyxl

    def cells(path: Path) -> list:
        book = openpyxl.load_workbook(path)
        return [[[c.value for c in row] for row in book[name].iter_rows()] for name in book.sheetnames]

    assert cells(a) == cells(b) != []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_one_message_and_exit_2(capfd) -> None:
    pytest.importorskip("openpyxl")
    import gc

    code, _, err = run("export", SPECS, "--output", "/dev/full")
    gc.collect()  # a half-closed zip's destructor printed a second traceback here
    assert (code, err) == (2, "cascade: tidak dapat menulis /dev/full: ruang penyimpanan penuh\n")
    assert "Traceback" not in capfd.readouterr().err


def _hostile_copy(tmp_path: Path) -> tuple[Path, Path]:
    import shutil

    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(SPECS, old)
    shutil.copytree(SPECS, new)
    plan = new / "kota-madiun" / "rpjmd-2019.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("name: Angka Harapan Hidup", 'name: "Angka \\e[31mHarapan\\e]0;pwn\\a Hidup"', 1), encoding="utf-8")
    return old, new


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_diff_never_sends_a_plans_escape_sequences_to_the_terminal(tmp_path: Path, fmt: str) -> None:
    old, new = _hostile_copy(tmp_path)
    code, out, _ = run("diff", str(old), str(new), "--format", fmt)
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "Angka \\u001b[31mHarapan\\u001b]0;pwn\\u0007 Hidup" in out


def test_the_html_report_on_the_terminal_carries_no_escape_sequences(tmp_path: Path) -> None:
    _, new = _hostile_copy(tmp_path)
    code, page, _ = run("report", str(new), "-q")
    assert "\x1b" not in page and "\x07" not in page
    assert "Angka \\u001b[31mHarapan\\u001b]0;pwn\\u0007 Hidup" in page


def test_export_writes_a_plans_control_characters_escaped(tmp_path: Path) -> None:
    """openpyxl refuses ESC in a cell (IllegalCharacterError): the export ended in a traceback."""
    openpyxl = pytest.importorskip("openpyxl")
    _, new = _hostile_copy(tmp_path)
    plan = new / "kota-madiun" / "rpjmd-2019.yaml"
    text = plan.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("  title: "))
    plan.write_text(text.replace(title, '  title: "Angka \\e[31mHarapan\\e]0;pwn\\a Hidup"', 1), encoding="utf-8")
    book = tmp_path / "x.xlsx"
    code, _, err = run("export", str(new), "--output", str(book), "-q")
    assert (code, err) == (0, "")
    texts = [c.value for ws in openpyxl.load_workbook(book) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Angka \\u001b[31mHarapan\\u001b]0;pwn\\u0007 Hidup" in texts
    assert not any("\x1b" in t for t in texts)


@pytest.mark.parametrize("argv", [
    ("capaian", "{new}"), ("capaian", "{new}", "--format", "csv"), ("capaian", "{new}", "--by-document"),
    ("sakip", "{new}", "--all"), ("sakip", "{new}", "--format", "html"),
    ("realign", "--from", "rpjmn-2020", "--to", "rpjmn-2020", "{new}"),
    ("realign", "--from", "rpjmn-2020", "--to", "rpjmn-2020", "{new}", "--format", "csv"),
    ("diff", "{old}", "{new}", "--format", "html"),
])
def test_no_command_sends_a_plans_escape_sequences_to_the_terminal(tmp_path: Path, argv: tuple) -> None:
    old, new = _hostile_copy(tmp_path)
    code, out, err = run(*(a.format(old=old, new=new) for a in argv))
    assert code in (0, 1), err
    assert "\x1b" not in out + err and "\x07" not in out + err


def test_sakip_output_empty_is_a_file_that_cannot_be_written() -> None:
    code, out, err = run("sakip", SPECS, "--output", "")
    assert (code, out) == (2, "") and err.startswith("cascade: tidak dapat menulis : ")
