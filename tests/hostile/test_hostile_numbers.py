"""Numbers that are not what was written (docs/hostile-input.md, "Values are never silently changed"):
a float that overflows to infinity or underflows to 0, YAML's ``.nan`` and ``.inf``, a dict's ``True``
as a target, and numbers too long to convert. Each is one clear finding at its place."""

from __future__ import annotations

import decimal
import fractions
import json
from pathlib import Path

import pytest

import cascade

PLAN = """\
document:
  id: rpjmn-2020
  kind: rpjmn
  title: RPJMN (illustrative)
  period: {start: 2020, end: 2024}
elements:
  - id: PN1
    kind: prioritas_nasional
    name: Prioritas satu
    indicators:
      - id: PN1.I1
        name: Angka harapan hidup
        type: outcome
        unit: tahun
        baseline: {year: 2019, value: 1e400}
        targets: {2020: .nan, 2021: 1e-400, 2022: .inf, 2023: -.inf, 2024: {min: 1e309}}
        final: '.nan'
"""


def test_overflow_underflow_nan_and_inf_in_yaml(tmp_path: Path) -> None:
    (tmp_path / "rpjmn.yaml").write_text(PLAN)
    report = cascade.lint([str(tmp_path)], cache=None, jobs=1).report
    got = [(f.code, f.line, f.column, f.message) for f in report if f.code == "CAS103"]
    assert got == [
        ("CAS103", 15, 39, "'value' must be a finite number, not '1e400'"),
        ("CAS103", 16, 25, "'2020' must be a finite number, not '.nan'"),
        ("CAS103", 16, 37, "'2021' must be a number that does not round to 0, not '1e-400'"),
        ("CAS103", 16, 51, "'2022' must be a finite number, not '.inf'"),
        ("CAS103", 16, 63, "'2023' must be a finite number, not '-.inf'"),
        ("CAS103", 16, 82, "'min' must be a finite number, not '1e309'"),
    ]
    model = cascade.load(str(tmp_path)).documents["rpjmn-2020"].elements[0].indicators[0]
    assert model.targets == {} and model.baseline.value is None
    assert model.final == ".nan"  # quoted: the text written, as any quoted scalar


def test_zero_written_as_zero_is_a_number(tmp_path: Path) -> None:
    (tmp_path / "rpjmn.yaml").write_text(PLAN.replace("1e-400", "0.0e-400").replace("2020: .nan", "2020: 0"))
    report = cascade.lint([str(tmp_path)], cache=None, jobs=1).report
    assert [f.line for f in report if f.code == "CAS103" and f.line == 16 and f.column in (25, 37)] == []
    targets = cascade.load(str(tmp_path)).documents["rpjmn-2020"].elements[0].indicators[0].targets
    assert targets == {2020: 0.0, 2021: 0.0}


GOOD_HEADER = {"id": "rpjmn-2020", "kind": "rpjmn", "title": "T", "period": {"start": 2020, "end": 2024}}


def _indicator(**fields) -> dict:
    return {"document": GOOD_HEADER, "elements": [{"id": "P", "kind": "prioritas_nasional", "name": "n",
                                                   "indicators": [{"id": "I", "name": "n", **fields}]}]}


@pytest.mark.parametrize("fields, expected", [
    ({"targets": {2020: True}}, [("/elements/0/indicators/0/targets/2020", "'targets' must be a number, a range or a text, not true/false")]),
    ({"targets": {2020: [1]}}, [("/elements/0/indicators/0/targets/2020", "'targets' must be a number, a range or a text, not a list")]),
    ({"targets": {2020: {"min": "abc"}}}, [("/elements/0/indicators/0/targets/2020/min", "'min' must be a number, not 'abc'")]),
    ({"baseline": {"year": 2019, "value": float("inf")}}, [("/elements/0/indicators/0/baseline/value", "'value' must be a finite number, not the number inf")]),
])
def test_dict_targets_say_one_thing_each(fields: dict, expected: list) -> None:
    report = cascade.load(_indicator(**fields)).validate()
    assert [(f.pointer, f.message) for f in report if f.code < "CAS2"] == expected


@pytest.mark.parametrize("value", [
    decimal.Decimal("1e99999999"),  # an int of a hundred million digits: minutes, before
    decimal.Decimal("1e9999999"),  # "Exceeds the limit (4300 digits)" in a message, before
    decimal.Decimal("-1e-999999"),
    fractions.Fraction(10**5000, 3),
])
def test_numbers_too_long_to_convert_are_file_limits(value) -> None:
    data = {"document": {**GOOD_HEADER, "period": {"start": value, "end": 2024}}}
    report = cascade.load(data).validate()
    assert [(f.code, f.variant, f.pointer) for f in report] == [("CAS005", "number", "/document/period/start")]


def test_json_with_decimals_of_plain_size_still_load() -> None:
    data = json.loads(json.dumps({"document": GOOD_HEADER}), parse_float=decimal.Decimal)
    assert "rpjmn-2020" in cascade.load(data).documents
