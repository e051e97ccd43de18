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


def test_a_forked_rule_process_hands_back_the_employee_spans_it_kept(monkeypatch, forkable: bool) -> None:
    """The helper placed findings in the SKP file (here: all of its findings, and only helper rules
    run, so that this process builds nothing there); what it kept of the file's spans comes back."""
    from cascade import validate
    from cascade.core.sourcemap import SourceMap

    if not forkable:
        return
    ws = load_workspace(DEFECTS)
    pool = validate._rule_pool(ws.graph, 2)
    assert pool is not None
    pool.shutdown()
    skp = ws.parsed["klaten.dinsos.skp-2026"]
    skp.sourcemap.release()
    assert not skp.sourcemap.built and skp.sourcemap.kept is None
    adopted: list = []
    adopt = SourceMap.adopt_kept

    def record(self, kept):
        adopted.append(self.file)
        return adopt(self, kept)

    monkeypatch.setattr(SourceMap, "adopt_kept", record)
    monkeypatch.setattr(validate, "_share_out", lambda placer: [])  # the helper places everything
    helper_rules = [r for r in RULES if validate._helper_takes(r, None)]
    found = validate.run_rules(ws.graph, ws.parsed, helper_rules, None, jobs=2)
    assert any(f.file == skp.file and f.line is not None for f in found)  # the helper placed findings there
    assert skp.file in adopted
    assert not skp.sourcemap.built and skp.sourcemap.kept is not None
    kept = skp.sourcemap.spans(personal_path)
    assert not skp.sourcemap.built
    full = load_workspace(DEFECTS).parsed["klaten.dinsos.skp-2026"].sourcemap.spans()
    assert kept == {p: s for p, s in full.items() if personal_path(p)} and kept
    expected = [f for f in _at_once() if f.code in {r.code for r in helper_rules}]
    assert sorted(_positions(found), key=repr) == sorted(_positions(expected), key=repr)


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
    assert {id(doc) for doc, _ in placer.waiting_by_file()} == {id(docs[0]), id(docs[3])}
    assert set(placer.handed) == {id(e[0]) for e in handed} and len(handed) == 6
    # a placer with findings in one file only keeps them all
    one = Placer()
    one.later(made[0], docs[0], ("elements", 0), False)
    assert _share_out(one) == [] and [len(e) for _, e in one.waiting_by_file()] == [1]


def test_a_handed_finding_reported_twice_or_not_at_all(tmp_path) -> None:
    """A finding a rule made but did not report is not handed over; one reported twice is placed
    once and fills both of its places."""
    from cascade.core.findings import Finding, Severity
    from cascade.rules.context import Placer
    from cascade.validate import _hand, _place_share

    import os

    ws = load_workspace(DEFECTS)
    with_elements = [item for item in ws.parsed.items() if len(item[1].element_paths) >= 2]
    docs = sorted(with_elements, key=lambda item: -os.stat(item[1].file).st_size)[:2]  # the larger file first
    for _, parsed in docs:
        parsed.sourcemap.release()  # each costs its size: the smaller one is handed
    assert not any(parsed.sourcemap.built for _, parsed in docs)
    placer = Placer()
    made = []
    for doc_id, parsed in docs:
        for k in range(2):
            f = Finding("CAS514", "polarity-unknown", Severity.INFO, doc_id, parsed.file, None, None, None, None, f"{doc_id} {k}")
            made.append(f)
            placer.later(f, parsed, parsed.element_paths[k], False)
    found = [made[0], made[1], made[2], made[0], made[2]]  # made[3] is not reported
    share = _hand(found, placer, ws.parsed)
    handed = {id(entry[1]) for entry in share}
    # the smaller file is handed: its first finding (reported twice), not its second (not reported)
    assert handed == {id(made[2])} and [entry[0] for entry in share] == [(2, 4)]
    for indexes, f, doc_id, path, key in share:
        assert [found[i] for i in indexes] == [f] * len(indexes)
    filled = dict(_place_share(share, ws.parsed))
    assert set(filled) == {i for entry in share for i in entry[0]}
    assert all(f.line is not None for f in filled.values())
    # the two places of a finding reported twice hold the same placed finding
    for indexes, *_ in share:
        assert len({id(filled[i]) for i in indexes}) == 1


def test_findings_made_and_dropped_leave_no_hole_on_two_cores(monkeypatch, forkable: bool) -> None:
    """Findings a rule makes and does not report (here twenty beside each reported one) are handed
    over with the rest of their file; none of the reported ones is left without its place (the
    dropped ones were freed, and a placed finding could take one of their ids)."""
    from cascade import validate

    if not forkable:
        return
    expected = sorted(_positions(_at_once()), key=repr)
    made = Context.finding

    def wasteful(self, rule, node, *args, **kwargs):
        for _ in range(20):
            made(self, rule, node, *args, **kwargs)
        return made(self, rule, node, *args, **kwargs)

    monkeypatch.setattr(Context, "finding", wasteful)
    for _ in range(3):
        ws = load_workspace(DEFECTS)
        found = validate.run_rules(ws.graph, ws.parsed, RULES, None, jobs=2)
        assert None not in found
        assert sorted(_positions(found), key=repr) == expected
