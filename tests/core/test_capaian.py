"""Every capaian formula case against values computed by hand (cascade.core.capaian)."""

from __future__ import annotations

import pytest

from cascade.core.capaian import ZERO_REALIZED_CAP, capaian, category
from cascade.core.models import Range


@pytest.mark.parametrize(
    "target, realized, polarity, formula, expected",
    [
        # LKjIP rows (capaian17 research): lower is better, (2 - r/t) x 100
        (32, 4.88, "negative", "lkjip", 184.75),  # AKB, Lampung LKj 2015
        (Range(max=49), 56.23, "negative", "lkjip", 85.24),  # DBD "< 49", Lampung LKj 2016
        (0.35, 0.43, "negative", "lkjip", 77.14),  # malaria
        (0.35, 0.43, "negative", None, 77.14),  # None is the default formula
        # SIPD: t/r x 100 (Manggarai Timur LKjIP 2019: AKI 162 -> 186 printed 87,10)
        (162, 186, "negative", "sipd", 87.10),
        (9.20, 9.53, "negative", "sipd", 96.54),
        (10, 0, "negative", "sipd", ZERO_REALIZED_CAP),
        # positive: r/t x 100, no cap at 100
        (72.5, 73.13, "positive", "lkjip", 100.87),
        (50, 99, "positive", "lkjip", 198.0),
        # ranges: the bound least ambitious for the polarity
        (Range(min=7, max=8), 7.7, "positive", None, 110.0),  # against min 7
        (Range(min=7, max=8), 6, "negative", None, 125.0),  # (2 - 6/8) x 100
        (Range(min=90), 81, "positive", None, 90.0),  # ">= 90"
        ({"min": 90}, 81, "positive", None, 90.0),
        # stable: 100 inside, 100 x (1 - d/|b|) outside
        (Range(min=4, max=6), 5, "stable", None, 100.0),
        (Range(min=4, max=6), 7.5, "stable", None, 75.0),  # d = 1.5 from 6
        (10, 8, "stable", None, 80.0),
        (10, 35, "stable", None, 0.0),  # never below 0
        # qualitative
        ("WTP", "wtp", "positive", None, 100.0),
        ("WTP", "WDP", "positive", None, 0.0),
        ("WTP", "WDP", None, None, 0.0),  # text needs no polarity
    ],
)
def test_capaian_hand_computed(target, realized, polarity, formula, expected):
    value, _ = capaian(target, realized, polarity, formula)
    assert value == pytest.approx(expected, abs=0.005)


def test_stable_tolerance():
    assert capaian(10, 10.4, "stable", tolerance=0.05).value == 100.0
    assert capaian(10, 10.6, "stable", tolerance=0.05).value == 94.0


@pytest.mark.parametrize(
    "target, realized, polarity, formula, note",
    [
        (None, 5, "positive", None, "no target"),
        (5, None, "positive", None, "no realisasi"),
        (0, 5, "positive", None, "target 0 on a positive indicator"),
        (0, 5, "negative", "lkjip", "target 0 on a negative indicator (lkjip formula)"),
        (5, 5, None, None, "polarity unknown"),
        (Range(max=49), 30, "positive", None, "range has no min for a positive indicator"),
        (Range(min=90), 30, "negative", None, "range has no max for a negative indicator"),
        ("WTP", 5, "positive", None, "text target, numeric realisasi"),
        (5, "baik", "positive", None, "numeric target, text realisasi"),
        (5, float("nan"), "positive", None, "realisasi is not a number"),
        (5, 4, "negative", "other", "unknown formula other"),
        ({"bad": 1}, 4, "negative", None, "target is not a number"),
        (1e-308, 1e308, "positive", None, "out of range"),
    ],
)
def test_capaian_none_with_note(target, realized, polarity, formula, note):
    assert capaian(target, realized, polarity, formula) == (None, note)


@pytest.mark.parametrize(
    "value, expected",
    [(184.75, "sangat tinggi"), (90.01, "sangat tinggi"), (90, "tinggi"), (75.01, "tinggi"), (75, "sedang"),
     (65, "rendah"), (50.01, "rendah"), (50, "sangat rendah"), (-20, "sangat rendah"), (None, None)],
)
def test_category_half_open(value, expected):
    assert category(value) == expected


def test_category_bounds_are_options():
    assert category(85, (80, 70, 60, 50)) == "sangat tinggi"
