"""Models as parse workers and the parse cache give them back: equal to what was validated, in less memory."""

from __future__ import annotations

import pickle
import platform
import sys
from pathlib import Path

import pytest

import cascade
from cascade.core import models
from cascade.core.models import Baseline, Element, Indicator

SPECS = Path(__file__).resolve().parents[2] / "specs"


def _models() -> list:
    ws = cascade.load(str(SPECS), jobs=1)
    out: list = []
    for parsed in ws.parsed.values():
        out.append(parsed.model)
        for e in parsed.model.elements:
            out.append(e)
            out.extend(e.indicators)
    return out


def test_a_round_trip_gives_equal_models_with_the_same_given_fields() -> None:
    for m in _models():
        back = pickle.loads(pickle.dumps(m, 5))
        assert type(back) is type(m)
        assert back == m
        assert back.model_fields_set == m.model_fields_set
        assert back.model_dump(exclude_unset=True) == m.model_dump(exclude_unset=True)
        assert list(back.__dict__) == list(m.__dict__)  # field order, as pydantic keeps it


def test_field_values_are_sent_without_their_names() -> None:
    element = next(m for m in _models() if isinstance(m, Element))
    func, args = element.__reduce__()
    assert func is models._restore_values
    assert args[0] is Element and args[1] == tuple(getattr(element, n) for n in Element.model_fields)


def test_year_maps_go_as_one_years_tuple_per_sequence_and_come_back_sharing_their_years() -> None:
    inds = [m for m in _models() if isinstance(m, Indicator) and len(m.targets) >= 2]
    func, args = inds[0].__reduce__()
    assert func is models._restore_years
    place = list(Indicator.model_fields).index("targets")
    years, values = args[1][place]
    assert years == tuple(inds[0].targets) and values == tuple(inds[0].targets.values())
    same = [i for i in inds if tuple(i.targets) == years]
    assert len(same) >= 2
    assert same[0].__reduce__()[1][1][place][0] is same[1].__reduce__()[1][1][place][0]
    back = pickle.loads(pickle.dumps(same, 5))
    assert [b.targets for b in back] == [i.targets for i in same]
    first = list(back[0].targets)
    assert all(a is b for a, b in zip(first, back[1].targets))  # one int object per year, not one per map
    empty = next(m for m in _models() if isinstance(m, Indicator) and not m.realized)
    assert pickle.loads(pickle.dumps(empty)).realized == {}


def test_packed_years_of_another_length_are_refused() -> None:
    values = list(Indicator(id="I1", name="x", targets={2025: 1.0, 2026: 2.0}).__reduce__()[1][1])
    place = list(Indicator.model_fields).index("targets")
    values[place] = ((2025, 2026), (1.0,))
    with pytest.raises(pickle.UnpicklingError, match="2 years, 1 values"):
        models._restore_years(Indicator, tuple(values), set())


def test_a_model_missing_a_field_goes_as_its_dict() -> None:
    # model_construct without a required field: the values cannot be given in field order
    partial = Element.model_construct(id="E1", kind="sasaran")
    assert "name" not in partial.__dict__
    func, _ = partial.__reduce__()
    assert func is models._restore
    back = pickle.loads(pickle.dumps(partial))
    assert back.__dict__ == partial.__dict__


def test_values_of_another_version_of_the_models_are_refused() -> None:
    # a parse cache entry written when Baseline had one field less: never values shifted onto the wrong names
    values = tuple(getattr(Baseline(value=1.0, year=2024), n) for n in Baseline.model_fields)
    with pytest.raises(pickle.UnpicklingError, match="Baseline has"):
        models._restore_values(Baseline, values[:-1], set())


#: Key-sharing copies of a template: CPython 3.11 and later (3.10 makes a dict of its own).
shares_keys = pytest.mark.skipif(
    platform.python_implementation() != "CPython" or not models._TEMPLATE_COPIES_SHARE,
    reason="dict sizes are CPython's, and its copies of a key-sharing dict share keys from 3.11 on",
)


@shares_keys
def test_restored_models_keep_their_fields_in_a_key_sharing_dict() -> None:
    inds = [m for m in _models() if isinstance(m, Indicator)]
    back = pickle.loads(pickle.dumps(inds, 5))
    validated = [Indicator.model_validate(i.model_dump(exclude_unset=True)) for i in inds]
    fresh = sum(sys.getsizeof(i.__dict__) for i in validated)
    restored = sum(sys.getsizeof(i.__dict__) for i in back)
    assert restored < 0.7 * fresh, (restored, fresh)
    assert [list(i.__dict__) for i in back] == [list(Indicator.model_fields)] * len(back)


@shares_keys
def test_models_parsed_in_this_process_are_as_compact_as_restored_ones() -> None:
    # this process's own parse (jobs=1, or its share beside a worker) keeps its models: they go into
    # key-sharing dicts as a worker's come back, and equal targets years share their int objects
    own = [m for m in _models() if isinstance(m, (Element, Indicator))]
    validated = [type(m).model_validate(m.model_dump(exclude_unset=True)) for m in own]
    assert validated == own
    for m, v in zip(own, validated):
        assert list(m.__dict__) == list(v.__dict__) == list(type(m).model_fields)
        assert sys.getsizeof(m.__dict__) < 0.7 * sys.getsizeof(v.__dict__), type(m).__name__
    back = pickle.loads(pickle.dumps(own, 5))
    assert [sys.getsizeof(m.__dict__) for m in back] == [sys.getsizeof(m.__dict__) for m in own]
    by_years: dict[tuple, list] = {}
    for m in own:
        if isinstance(m, Indicator) and m.targets:
            by_years.setdefault(tuple(m.targets), []).append(list(m.targets))
    shared = [keys for keys in by_years.values() if len(keys) > 1]
    assert shared  # the specs have indicators with the same target years
    for keys in shared:
        assert all(a is b for other in keys[1:] for a, b in zip(keys[0], other))


@shares_keys
def test_a_worker_leaves_its_models_to_be_compacted_by_unpickling(tmp_path: Path) -> None:
    from cascade.build.documents import parse_document
    from cascade.core.sourcemap import SourceMap

    data = {"document": {"id": "kota.rpjmd-2025", "kind": "rpjmd", "title": "RPJMD", "period": {"start": 2025, "end": 2029}},
            "elements": [{"id": "S1", "kind": "sasaran", "name": "Sasaran", "indicators": [
                {"id": "S1.I1", "name": "Indikator", "unit": "persen", "targets": {2025: 1, 2026: 2}}]}]}
    kept, _ = parse_document(data, "a.yaml", SourceMap("a.yaml"), from_yaml=False)
    sent, _ = parse_document(data, "a.yaml", SourceMap("a.yaml"), from_yaml=False, compact=False)
    assert kept is not None and sent is not None
    assert kept.model == sent.model
    size = sys.getsizeof
    assert size(sent.model.elements[0].__dict__) > size(kept.model.elements[0].__dict__)
    back = pickle.loads(pickle.dumps(sent.model, 5))
    assert back == kept.model
    assert size(back.elements[0].indicators[0].__dict__) == size(kept.model.elements[0].indicators[0].__dict__)


def test_a_model_not_as_validated_is_left_as_it_is() -> None:
    # compact_models moves only dicts with every field (a load never makes others)
    partial = Element.model_construct(id="E1", kind="sasaran")
    doc = models.Document.model_construct(elements=(partial,))
    before = partial.__dict__
    models.compact_models(doc)
    assert partial.__dict__ is before


def test_the_table_of_year_sequences_stops_growing_at_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    # a hostile workspace with endless distinct sets of target years must not grow it without end
    monkeypatch.setattr(models, "_YEAR_KEYS", {(1900 + n,): (1900 + n,) for n in range(models._YEAR_KEYS_MAX)})
    ind = Indicator(id="I1", name="x", targets={2025: 1.0, 2026: 2.0})
    back = pickle.loads(pickle.dumps(ind, 5))
    assert back.targets == {2025: 1.0, 2026: 2.0}
    assert len(models._YEAR_KEYS) == models._YEAR_KEYS_MAX
    assert (2025, 2026) not in models._YEAR_KEYS


def test_long_year_sequences_are_not_kept_in_the_shared_table(monkeypatch: pytest.MonkeyPatch) -> None:
    # the table outlives every load: a hostile map of hundreds of years is shared within nothing
    monkeypatch.setattr(models, "_YEAR_KEYS", {})
    years = {2000 + n: float(n) for n in range(models._YEAR_KEYS_LEN + 1)}
    few = {2025: 1.0, 2026: 2.0}
    doc = models.Document.model_validate({
        "document": {"id": "kota.rpjmd-2025", "kind": "rpjmd", "title": "RPJMD", "period": {"start": 2025, "end": 2029}},
        "elements": [{"id": "S1", "kind": "sasaran", "name": "Sasaran", "indicators": [
            {"id": "S1.I1", "name": "A", "unit": "persen", "targets": years},
            {"id": "S1.I2", "name": "B", "unit": "persen", "targets": few}]}]})
    models.compact_models(doc)
    pickle.loads(pickle.dumps(doc, 5))
    assert list(models._YEAR_KEYS) == [tuple(few)]
    assert doc.elements[0].indicators[0].targets == years
