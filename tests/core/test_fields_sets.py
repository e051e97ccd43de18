"""Models given the same fields share one set of their names (memory), and nothing sees it shared."""

from __future__ import annotations

from pathlib import Path

import cascade

SPECS = Path(__file__).resolve().parents[2] / "specs"


def test_same_fields_share_one_set_and_copies_do_not_touch_it() -> None:
    ws = cascade.load(str(SPECS))
    indicators = [i for p in ws.parsed.values() for e in p.model.elements for i in e.indicators]
    by_fields: dict[frozenset, set[int]] = {}
    for ind in indicators:
        by_fields.setdefault(frozenset(ind.model_fields_set), set()).add(id(ind.__pydantic_fields_set__))
    assert len(indicators) > 50
    assert all(len(ids) == 1 for ids in by_fields.values())  # one set object per content
    shared = next(i for i in indicators[1:] if i.__pydantic_fields_set__ is indicators[0].__pydantic_fields_set__)
    before = set(indicators[0].model_fields_set)
    copy = indicators[0].model_copy(update={"measure": "m"})
    assert "measure" in copy.model_fields_set and copy.measure == "m"
    assert indicators[0].model_fields_set == before == shared.model_fields_set  # the shared set is unchanged
    # what a model says of itself is what a fresh validation says
    for ind in indicators[:200]:
        fresh = type(ind).model_validate(ind.model_dump(exclude_unset=True))
        assert fresh.model_fields_set == ind.model_fields_set
        assert fresh.model_dump(exclude_unset=True) == ind.model_dump(exclude_unset=True)


def test_documents_read_from_the_parse_cache_keep_their_sets(tmp_path: Path) -> None:
    cold = cascade.load(str(SPECS), cache=str(tmp_path))
    warm = cascade.load(str(SPECS), cache=str(tmp_path))
    for doc_id, parsed in warm.parsed.items():
        models = [m for e in parsed.model.elements for m in (e, *e.indicators)]
        ids: dict[frozenset, set[int]] = {}
        for m in models:
            ids.setdefault(frozenset(m.model_fields_set), set()).add(id(m.__pydantic_fields_set__))
        assert all(len(v) == 1 for v in ids.values()), doc_id  # pickled once per set, restored once
        assert parsed.model == cold.parsed[doc_id].model


def test_employees_and_baselines_share_their_sets_too() -> None:
    ws = cascade.load(str(SPECS))
    elements = [e for p in ws.parsed.values() for e in p.model.elements]
    for kind in ("employee", "baseline"):
        if kind == "employee":
            models = [e.employee for e in elements if e.employee is not None]
        else:
            models = [i.baseline for e in elements for i in e.indicators if i.baseline is not None]
        assert len(models) > 3, kind
        ids: dict[frozenset, set[int]] = {}
        for m in models:
            ids.setdefault(frozenset(m.model_fields_set), set()).add(id(m.__pydantic_fields_set__))
        assert all(len(v) == 1 for v in ids.values()), kind
