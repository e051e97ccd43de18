"""A rule run places its findings file by file once the rules have run (``Placer``), and lets go
of the spans it built for them: the findings are those of placing each as it is made, and the
spans come back, the same, when asked for again."""

from __future__ import annotations

from pathlib import Path

from cascade.core.privacy import personal_path
from cascade.graph import load_workspace
from cascade.rules.base import iter_check_rules
from cascade.rules.catalog import all_rules
from cascade.rules.context import Context
from cascade.validate import _check

DEFECTS = str(Path(__file__).resolve().parents[2] / "examples" / "defects")
RULES = list(all_rules())


def _at_once() -> list:
    """Every rule's findings, each placed as it is made (a context without a placer)."""
    ws = load_workspace(DEFECTS)
    ctx = Context(ws.graph, ws.parsed, None)
    return [f for rule in iter_check_rules(RULES) for f in rule.check(ctx)]


def _positions(findings: list) -> list:
    return [(f.code, f.ref, f.file, f.line, f.column, f.end_line, f.end_column, f.pointer, f.cell) for f in findings]


def test_placed_findings_are_those_placed_at_once() -> None:
    ws = load_workspace(DEFECTS)
    placed = _check(ws.graph, ws.parsed, RULES, None)
    expected = _at_once()
    assert len(placed) > 50 and sum(f.line is not None for f in placed) > 50
    assert sorted(_positions(placed), key=repr) == sorted(_positions(expected), key=repr)
    assert sorted(placed, key=lambda f: f.sort_key) == sorted(expected, key=lambda f: f.sort_key)


def test_the_spans_built_for_placing_are_let_go_and_come_back_the_same() -> None:
    ws = load_workspace(DEFECTS)
    before = {d for d, p in ws.parsed.items() if p.sourcemap.built}
    placed = _check(ws.graph, ws.parsed, RULES, None)
    with_findings = {p_id for p_id, p in ws.parsed.items() if any(f.file == p.file and f.line for f in placed)}
    released = with_findings - before
    assert "klaten.dinsos.skp-2026" in released and len(released) >= 2
    fresh = load_workspace(DEFECTS)
    for doc_id, parsed in ws.parsed.items():
        assert parsed.sourcemap.built == (doc_id in before), doc_id  # released, or as it was
    for doc_id in released:
        again, new = ws.parsed[doc_id].sourcemap, fresh.parsed[doc_id].sourcemap
        assert again.spans() == new.spans() and again._keys == new._keys
        assert again.built


def test_an_skp_file_keeps_its_employee_spans_for_masking() -> None:
    ws = load_workspace(DEFECTS)
    skp = ws.parsed["klaten.dinsos.skp-2026"].sourcemap
    assert not skp.built
    _check(ws.graph, ws.parsed, RULES, None)
    assert not skp.built
    kept = skp.spans(personal_path)
    assert not skp.built  # given from what was kept, not from a second pass over the file
    assert kept and all(personal_path(p) for p in kept)
    full = load_workspace(DEFECTS).parsed["klaten.dinsos.skp-2026"].sourcemap.spans()
    assert kept == {p: s for p, s in full.items() if personal_path(p)}
    # another question builds the spans again
    assert skp.spans() == full and skp.built


def test_a_forked_rule_process_hands_back_the_employee_spans_it_kept(forkable: bool) -> None:
    from cascade.validate import run_rules

    if not forkable:
        return
    ws = load_workspace(DEFECTS)
    skp = ws.parsed["klaten.dinsos.skp-2026"]
    found = run_rules(ws.graph, ws.parsed, RULES, None, jobs=2)
    helper_codes = {f.code for f in found if f.file == skp.file and f.code.startswith(("CAS2", "CAS3", "CAS50", "CAS51"))}
    assert helper_codes  # the helper placed findings in the SKP file
    assert not skp.sourcemap.built and skp.sourcemap.kept is not None
    kept = skp.sourcemap.spans(personal_path)
    assert not skp.sourcemap.built
    full = load_workspace(DEFECTS).parsed["klaten.dinsos.skp-2026"].sourcemap.spans()
    assert kept == {p: s for p, s in full.items() if personal_path(p)} and kept
    assert sorted(_positions(found), key=repr) == sorted(_positions(_at_once()), key=repr)


def test_the_parent_places_a_share_of_the_helpers_findings(monkeypatch, forkable: bool) -> None:
    """The helper hands the findings of about half of its files' bytes to the parent, which places
    them while the helper places the rest: each file's findings are placed on one side only, both
    sides place some, and the findings are those placed at once."""
    from cascade import validate

    if not forkable:
        return
    ws = load_workspace(DEFECTS)
    shares: list = []
    real = validate._place_share

    def record(share, documents):
        shares.append(share)
        return real(share, documents)

    monkeypatch.setattr(validate, "_place_share", record)
    found = validate.run_rules(ws.graph, ws.parsed, RULES, None, jobs=2)
    assert sorted(_positions(found), key=repr) == sorted(_positions(_at_once()), key=repr)
    (share,) = shares
    parent_files = {ws.parsed[doc_id].file for _, _, doc_id, _, _ in share}
    handed = {id(f) for _, f, _, _, _ in share}
    assert parent_files and all(f.line is None for _, f, _, _, _ in share)  # handed over unplaced
    helper_codes = {c.code for c in RULES if validate._helper_takes(c, None)}
    helper_files = {f.file for f in found if f.code in helper_codes} - parent_files
    assert helper_files, "the helper placed the findings of no file itself"
    # every finding of a handed file made by the helper came back placed by the parent
    placed_by_parent = [f for f in found if f.code in helper_codes and f.file in parent_files]
    assert len(placed_by_parent) == len(share) and not handed & {id(f) for f in found}
    assert all(f.line is not None for f in placed_by_parent)


def test_the_share_is_half_of_the_bytes_to_read(tmp_path) -> None:
    """Files whose spans are not built cost their size, built ones only their findings."""
    from cascade.core.findings import Finding, Severity
    from cascade.rules.context import Placer
    from cascade.validate import _share_out

    class Doc:
        def __init__(self, name: str, size: int, built: bool) -> None:
            path = tmp_path / name
            path.write_bytes(b"x" * size)
            self.sourcemap = type("SM", (), {"built": built, "file": str(path)})()

    docs = [Doc("a", 90_000, False), Doc("b", 50_000, False), Doc("c", 40_000, False), Doc("d", 10_000_000, True)]
    placer = Placer()
    made = []
    for n, doc in enumerate(docs):
        for k in range(3):
            f = Finding("CAS514", "polarity-unknown", Severity.INFO, f"d{n}:I{k}", None, None, None, None, None, f"{n}.{k}")
            made.append(f)
            placer.later(f, doc, ("elements", k), False)
    handed = _share_out(placer)
    handed_docs = {id(e[1]) for e in handed}
    # largest first, each to the lighter side: a (90,600) here, b (50,600) there, c (40,600) there,
    # d (built: its 3 findings, 600) here, where 90,600 < 91,200
    assert handed_docs == {id(docs[1]), id(docs[2])}
    assert {id(e[1]) for e in placer.waiting} == {id(docs[0]), id(docs[3])}
    assert placer.handed == {id(e[0]) for e in handed} and len(handed) == 6
    # a placer with findings in one file only keeps them all
    one = Placer()
    one.later(made[0], docs[0], ("elements", 0), False)
    assert _share_out(one) == [] and len(one.waiting) == 1
