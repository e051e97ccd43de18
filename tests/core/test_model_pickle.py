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


@pytest.mark.skipif(platform.python_implementation() != "CPython", reason="dict sizes are CPython's")
def test_restored_models_keep_their_fields_in_a_key_sharing_dict() -> None:
    inds = [m for m in _models() if isinstance(m, Indicator)]
    back = pickle.loads(pickle.dumps(inds, 5))
    fresh = sum(sys.getsizeof(i.__dict__) for i in inds)
    restored = sum(sys.getsizeof(i.__dict__) for i in back)
    assert restored < 0.6 * fresh, (restored, fresh)


def test_the_table_of_year_sequences_stops_growing_at_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    # a hostile workspace with endless distinct sets of target years must not grow it without end
    monkeypatch.setattr(models, "_YEAR_KEYS", {(1900 + n,): (1900 + n,) for n in range(models._YEAR_KEYS_MAX)})
    ind = Indicator(id="I1", name="x", targets={2025: 1.0, 2026: 2.0})
    back = pickle.loads(pickle.dumps(ind, 5))
    assert back.targets == {2025: 1.0, 2026: 2.0}
    assert len(models._YEAR_KEYS) == models._YEAR_KEYS_MAX
    assert (2025, 2026) not in models._YEAR_KEYS
