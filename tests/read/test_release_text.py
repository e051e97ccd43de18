"""A batch run keeps no file's text once it is parsed (issue 22, memory): files with findings are read
again for positions and quotes, and a file changed since gives no line rather than another version's."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from cascade.graph import load_workspace
from cascade.read.cache import Cache
from cascade.read.loader import TextOrigin
from cascade.review.pipeline import lint
from cascade.validate import validate

RPJMN = {
    "document": {"id": "rpjmn-2020", "kind": "rpjmn", "title": "RPJMN 2020-2024", "period": {"start": 2020, "end": 2024}},
    "elements": [{"id": "PN3", "kind": "prioritas_nasional", "name": "SDM Berkualitas",
                  "indicators": [{"id": "PN3.I1", "name": "IPM", "type": "impact", "unit": "indeks", "targets": {2024: 75.54}}]}],
}
RPJMD = """\
document:
  id: kota-madiun.rpjmd-2019
  kind: rpjmd
  title: RPJMD Kota Madiun 2019-2024
  period: {start: 2019, end: 2024}
  region: {code: "35.77", name: Kota Madiun}
  aligns_to: [rpjmn-2020]
elements:
  - id: M1
    kind: misi
    name: Misi
    supports: [rpjmn-2020:PN3]
  - id: T1
    kind: tujuan
    name: Tujuan
    parent: M1
    indicators:
      - {id: T1.I1, name: IPM, unit: indeks, targets: {2020: 80.91}, supports: [rpjmn-2020:PN3.I1]}
  - id: T2
    kind: tujuan
    name: Tujuan dua
    parent: M9
  - id: T3
    kind: tujuan
    name: Tujuan tiga
    parent: M8  # cascade: ignore[CAS202]
"""


def _workspace(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "rpjmn-2020.yaml").write_text(yaml.safe_dump(RPJMN, sort_keys=False), encoding="utf-8")
    (tmp_path / "rpjmd-2019.yaml").write_text(RPJMD, encoding="utf-8")
    return tmp_path


def _positions(report) -> list[tuple]:
    return sorted((f.code, f.ref, f.file, f.line, f.column, f.end_line, f.end_column) for f in report)


def test_positions_quotes_and_suppressions_are_those_of_a_run_that_kept_the_text(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    kept = load_workspace(str(ws), jobs=1)
    released = load_workspace(str(ws), jobs=1, keep_text=False)
    by_name = {Path(f.file).name: f for f in released.files}
    assert by_name["rpjmn-2020.yaml"].text is None and by_name["rpjmn-2020.yaml"].origin is not None
    assert by_name["rpjmd-2019.yaml"].text == RPJMD  # it has an ignore comment: kept (see below)
    assert all(f.text is not None for f in kept.files)
    a, b = validate(kept), validate(released)
    assert _positions(a) == _positions(b)
    broken = [f for f in b if f.code == "CAS202"]
    assert [(f.ref, f.line, f.column) for f in broken] == [("kota-madiun.rpjmd-2019:T2", 22, 13)]
    assert b.stats["suppressed"] == a.stats["suppressed"] == 1  # the ignore comment was read before the text went
    assert released.sources()[broken[0].file].splitlines()[21] == "    parent: M9"


def test_a_file_changed_after_its_parse_gives_findings_without_a_line_never_another_versions(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    released = load_workspace(str(ws), jobs=1, keep_text=False)
    rpjmn = ws / "rpjmn-2020.yaml"
    before = rpjmn.read_text(encoding="utf-8")
    # same size, other bytes, before any finding of the file asked for its positions
    rpjmn.write_text("#" + "-" * 10 + "\n" + before.replace(" Berkualitas", ""), encoding="utf-8")
    assert rpjmn.stat().st_size == len(before.encode())
    report = validate(released)
    national = sorted((f.code, f.line, f.pointer) for f in report if f.file == str(rpjmn))
    assert national == [("CAS502", None, "/elements/0/indicators/0/baseline"), ("CAS503", None, "/elements/0/indicators/0/targets")]
    # the other file is unchanged: its findings keep their lines
    assert all(f.line is not None for f in report if f.file != str(rpjmn))
    assert str(rpjmn) not in released.sources()
    assert next(f for f in released.files if f.file == str(rpjmn)).read_text() is None
    rpjmn.unlink()
    assert TextOrigin.of(str(rpjmn), before.encode()).read() is None


def test_lint_keeps_no_text_and_reports_what_a_kept_text_gives(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    result = lint([str(ws)], jobs=1)
    expected = validate(load_workspace(str(ws), jobs=1))
    assert _positions(result.report) == _positions(expected)
    assert result.sources[str(ws / "rpjmd-2019.yaml")] == RPJMD


def test_parse_cache_entries_without_text_are_read_from_this_runs_path(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "a")
    cache = Cache(str(tmp_path / "cache"))
    cold = load_workspace(str(ws), jobs=1, cache=cache, keep_text=False)
    expected = _positions(validate(cold))
    # the same files moved elsewhere: the entries (written without text) hit, and are read from the new place
    moved = tmp_path / "b"
    ws.rename(moved)
    warm = load_workspace(str(moved), jobs=1, cache=Cache(str(tmp_path / "cache")), keep_text=False)
    national = next(f for f in warm.files if f.file.endswith("rpjmn-2020.yaml"))
    assert national.text is None and Path(national.origin.path).parent == moved
    got = _positions(validate(warm))
    assert [p[:2] + p[3:] for p in got] == [p[:2] + p[3:] for p in expected]
    # a run that keeps text, on the same entries, reads it again from the file
    kept = load_workspace(str(moved), jobs=1, cache=Cache(str(tmp_path / "cache")))
    assert all(f.read_text() == (moved / Path(f.file).name).read_text(encoding="utf-8") for f in kept.files)


def test_a_file_with_suppressions_keeps_its_text_so_an_edit_cannot_unsuppress_its_findings(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    released = load_workspace(str(ws), jobs=1, keep_text=False)
    rpjmd = ws / "rpjmd-2019.yaml"
    kept = next(f for f in released.files if f.file == str(rpjmd))
    assert kept.text == RPJMD and kept.origin is None  # it has a '# cascade: ignore' comment
    rpjmd.write_text("# an editor saved the file during the run\n" + RPJMD, encoding="utf-8")
    report = validate(released)
    assert report.stats["suppressed"] == 1
    assert all(f.line is not None for f in report if f.file == str(rpjmd))
    assert not [f for f in report if f.code == "CAS901"]


def test_findings_without_lines_are_never_kept_in_the_findings_cache(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "ws")
    rpjmn = ws / "rpjmn-2020.yaml"
    before = rpjmn.read_text(encoding="utf-8")
    cache = str(tmp_path / "cache")
    released = load_workspace(str(ws), jobs=1, cache=Cache(cache), keep_text=False)
    rpjmn.write_text("#" + "-" * 10 + "\n" + before.replace(" Berkualitas", ""), encoding="utf-8")
    assert {f.line for f in validate(released) if f.file == str(rpjmn)} == {None}
    rpjmn.write_text(before, encoding="utf-8")  # the file as it was parsed: a warm run gives its lines
    warm = load_workspace(str(ws), jobs=1, cache=Cache(cache), keep_text=False)
    assert sorted(f.line for f in validate(warm) if f.file == str(rpjmn)) == [13, 17]


def test_a_run_that_keeps_text_takes_it_back_from_entries_written_without_it(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "ws")
    cache = str(tmp_path / "cache")
    load_workspace(str(ws), jobs=1, cache=Cache(cache), keep_text=False)
    kept = load_workspace(str(ws), jobs=1, cache=Cache(cache))
    assert all(f.text is not None and f.origin is None for f in kept.files)
    assert next(f for f in kept.files if f.file.endswith("rpjmd-2019.yaml")).text == RPJMD


def test_released_texts_are_read_from_absolute_paths_and_sources_stay_a_mapping(tmp_path: Path, monkeypatch) -> None:
    ws = _workspace(tmp_path / "ws")
    national, local = "rpjmn-2020.yaml", "rpjmd-2019.yaml"  # as given under ".", without the leading ./
    monkeypatch.chdir(ws)
    result, again = lint(["."], jobs=1), lint(["."], jobs=1)
    monkeypatch.chdir(tmp_path)  # a notebook or a server moves on before it reports
    assert result.workspace is not None
    loaded = next(f for f in result.workspace.files if f.file == national)
    assert loaded.text is None and os.path.isabs(loaded.origin.path)
    assert result.sources[national] == (ws / "rpjmn-2020.yaml").read_text(encoding="utf-8")
    (ws / "rpjmn-2020.yaml").write_text("document: {}\n", encoding="utf-8")
    # the changed file is left out, and the mapping agrees with itself
    assert sorted(dict(again.sources)) == sorted(again.sources) == [local]
    assert len(again.sources) == 1 and national not in again.sources
