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
    ind = next(m for m in _models() if isinstance(m, Indicator))
    func, args = ind.__reduce__()
    assert func is models._restore_values
    assert args[0] is Indicator and args[1] == tuple(getattr(ind, n) for n in Indicator.model_fields)


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
