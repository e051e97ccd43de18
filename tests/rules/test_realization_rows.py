"""The capaian rows' shortcut for the common case agrees with the one implementation of capaian."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from cascade.core.capaian import capaian
from cascade.rules.realization import _plain_positive

finite = st.floats(allow_nan=False, allow_infinity=False)


@given(target=finite.filter(lambda t: t != 0), realized=finite)
def test_plain_positive_is_core_capaian(target: float, realized: float) -> None:
    assert _plain_positive(realized / target * 100) == tuple(capaian(target, realized, "positive"))


def test_plain_positive_out_of_range() -> None:
    assert _plain_positive(1e308 / 1e-308 * 100) == (None, "out of range") == tuple(capaian(1e-308, 1e308, "positive"))
    assert math.isinf(1e308 / 1e-308)
