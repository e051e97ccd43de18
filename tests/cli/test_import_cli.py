"""``cascade import TABLE -o DIR``: DIR must be a folder (or not exist yet), and a table needs its
sidecar or ``--document`` to say which plan it is. Both are usage errors (exit code 2) with nothing
written: an existing file as DIR was a FileExistsError traceback and exit code 1, and a table without
a sidecar became YAML with an empty ``document:`` block and exit code 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import ROOT, run

from cascade.core.errors import UsageError
from cascade.read.tableimport import MissingSidecarError, import_table

LKJIP = str(ROOT / "examples" / "defects" / "klaten" / "dinsos" / "lkjip-2025.csv")
NO_SIDECAR = str(ROOT / "examples" / "defects" / "broken" / "cas009-table-without-sidecar.csv")
SIDECAR = str(ROOT / "examples" / "defects" / "broken" / "cas009-table-without-sidecar.cascade.yaml")


def test_an_output_that_is_a_file_is_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "o.txt"
    target.write_text("kept\n")
    assert run("import", LKJIP, "-o", str(target)) == (
        2, "", f"cascade: -o {target}: bukan folder (berkas YAML ditulis ke dalam folder)\n")
    assert run("import", LKJIP, "-o", str(target), "--lang", "en") == (
        2, "", f"cascade: -o {target}: not a folder (the YAML files are written into a folder)\n")
    assert target.read_text() == "kept\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_dev_full_as_the_output_folder_is_exit_2() -> None:
    assert run("import", LKJIP, "-o", "/dev/full", "--lang", "en") == (
        2, "", "cascade: -o /dev/full: not a folder (the YAML files are written into a folder)\n")


def test_an_output_folder_that_cannot_be_made_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    target = tmp_path / "file" / "out"
    code, out, err = run("import", LKJIP, "-o", str(target), "--lang", "en")
    assert (code, out, err) == (2, "", f"cascade: cannot write {target}: a part of the path is not a folder\n")


def test_a_table_without_a_sidecar_or_document_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("import", NO_SIDECAR, "-o", str(out)) == (2, "", (
        f"cascade: {NO_SIDECAR}: tabel tanpa sidecar {SIDECAR}, dan tidak ada blok document: yang diberikan; "
        "tulis sidecar-nya (blok document: dan layout:) atau berikan satu (cascade import --document BERKAS); tidak ada yang ditulis\n"))
    assert run("import", NO_SIDECAR, "-o", str(out), "--lang", "en") == (2, "", (
        f"cascade: {NO_SIDECAR}: a table without its sidecar {SIDECAR}, and no document: block given; "
        "write the sidecar (its document: and layout:) or give one (cascade import --document FILE); nothing written\n"))
    assert not out.exists()
    with pytest.raises(MissingSidecarError) as caught:
        import_table(NO_SIDECAR, str(out))
    assert isinstance(caught.value, UsageError) and caught.value.sidecar == SIDECAR
    assert not out.exists()


def test_the_same_table_with_a_document_block_is_imported(tmp_path: Path) -> None:
    doc = tmp_path / "doc.yaml"
    doc.write_text("document:\n  id: contoh.renstra-2025\n  kind: renstra\n  period: [2025, 2029]\n")
    code, out, _ = run("import", NO_SIDECAR, "-o", str(tmp_path / "out"), "--document", str(doc), "--lang", "en")
    assert code in (0, 1) and "wrote" in out
    assert 'id: "contoh.renstra-2025"' in (tmp_path / "out" / "contoh.renstra-2025.yaml").read_text()


def _table_named(tmp_path: Path, name: str) -> tuple[str, Path]:
    table = tmp_path / name
    table.write_bytes(Path(NO_SIDECAR).read_bytes())
    doc = tmp_path / "doc.yaml"
    doc.write_text("document:\n  id: contoh.renstra-2025\n  kind: renstra\n  period: [2025, 2029]\n")
    return str(table), doc


def test_a_table_name_with_line_breaks_never_writes_yaml_of_its_own(tmp_path: Path) -> None:
    # the file name went unescaped into the first comment: its second line was a top-level key
    table, doc = _table_named(tmp_path, "iku\nelements: []\n\u2028x: 1\n#.csv")
    code, out, _ = run("import", table, "-o", str(tmp_path / "out"), "--document", str(doc), "--lang", "en")
    assert code in (0, 1)
    text = (tmp_path / "out" / "contoh.renstra-2025.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# Imported by cascade import from iku\\u000aelements: []\\u000a\\u2028x: 1\\u000a#.csv, sheet iku\\u000aelements: []\\u000a\\u2028x: 1\\u000a#."
    assert all(not c.isspace() or c in " \n" for c in text) and "\u2028" not in text
    import yaml
    assert list(yaml.safe_load(text)) == ["document", "elements"]


def test_values_with_yaml_line_breaks_are_escaped_in_their_quotes() -> None:
    from cascade.read.tableimport import _scalar
    import yaml
    for text in ("a\u2028b", "a\x85b", "a\x7fb", "x\ny: 1", "a\u202eb"):
        written = _scalar(text)
        assert "\n" not in written and not any(c in written for c in "\u2028\x85\x7f\u202e")
        assert yaml.safe_load(f"k: {written}") == {"k": text}


def test_the_write_never_follows_a_planted_symbolic_link(tmp_path: Path) -> None:
    table, doc = _table_named(tmp_path, "t.csv")
    out = tmp_path / "out2"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("kept\n")
    (out / "contoh.renstra-2025.yaml").symlink_to("../victim.txt")
    target = out / "contoh.renstra-2025.yaml"
    assert run("import", table, "-o", str(out), "--document", str(doc), "--lang", "en") == (
        2, "", f"cascade: {target}: is a symbolic link; nothing is written through one\n")
    assert run("import", table, "-o", str(out), "--document", str(doc)) == (
        2, "", f"cascade: {target}: adalah tautan simbolik; tidak ada yang ditulis melaluinya\n")
    assert victim.read_text() == "kept\n"


def test_the_write_never_goes_into_a_hard_link_or_a_fifo(tmp_path: Path) -> None:
    import os
    table, doc = _table_named(tmp_path, "t.csv")
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("kept\n")
    target = out / "contoh.renstra-2025.yaml"
    os.link(victim, target)
    assert run("import", table, "-o", str(out), "--document", str(doc), "--lang", "en") == (
        2, "", f"cascade: {target}: is not a regular file of its own (a FIFO, a device or a hard link); nothing written\n")
    assert victim.read_text() == "kept\n"
    target.unlink()
    os.mkfifo(target)
    assert run("import", table, "-o", str(out), "--document", str(doc), "--lang", "en")[0] == 2
