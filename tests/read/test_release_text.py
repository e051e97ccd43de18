"""A batch run keeps no file's text once it is parsed (issue 22, memory): files with findings are read
again for positions and quotes, and a file changed since gives no line rather than another version's."""

from __future__ import annotations

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
    assert all(f.text is None and f.origin is not None for f in released.files)
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
    assert warm.stats.get("cached", len(warm.files)) and all(f.origin is not None for f in warm.files)
    assert all(Path(f.origin.path).parent == moved for f in warm.files)
    got = _positions(validate(warm))
    assert [p[:2] + p[3:] for p in got] == [p[:2] + p[3:] for p in expected]
    # a run that keeps text, on the same entries, reads it again from the file
    kept = load_workspace(str(moved), jobs=1, cache=Cache(str(tmp_path / "cache")))
    assert all(f.read_text() == (moved / Path(f.file).name).read_text(encoding="utf-8") for f in kept.files)
