"""``yaml11_kind``: what a YAML 1.1 loader makes of a plain scalar (behind CAS006 and the YAML writer's quoting)."""

import itertools
import re

import pytest

from cascade.read import scalars
from cascade.read.scalars import yaml11_kind


@pytest.mark.parametrize("value, kind", [
    ("yes", "boolean"), ("No", "boolean"), ("OFF", "boolean"), ("y", "boolean"), ("N", "boolean"),
    ("True", "boolean"), ("false", "boolean"), ("on", "boolean"), ("no\n", "boolean"),
    ("nO", None), ("Ya", None), ("Tingkat kemiskinan", None), ("Nilai SAKIP", None), ("O", None),
    ("yes ", None), ("Off-grid", None), ("no\n\n", None), ("", None), ("Sasaran", None),
    ("2019", "number"), ("35.70", "number"), ("010", "number"), ("0x1F", "number"), ("1_000", "number"),
    ("-.inf", "number"), (".5", "number"), ("2024-01-01", "date"), ("1.02.02", None), ("S1.I1", None),
])
def test_kinds(value, kind):
    assert yaml11_kind(value) == kind


#: The YAML 1.1 boolean resolver as a pattern (the module's form before its set lookup): the oracle.
_Y11_BOOL = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")


def test_letter_first_scalars_agree_with_the_boolean_pattern():
    # the set lookup for scalars starting with a letter decides exactly what the pattern did
    letters = "yYnNtTfFoOeEsSrRuUlLaA"
    for n in range(1, 4):
        for chars in itertools.product(letters, repeat=n):
            word = "".join(chars)
            expected = "boolean" if _Y11_BOOL.match(word) else None
            assert yaml11_kind(word) == expected, word
    for word in scalars._Y11_BOOL_WORDS:
        for variant in (word, word + "\n", word + " ", word.swapcase(), word + "s"):
            expected = "boolean" if _Y11_BOOL.match(variant) else None
            assert yaml11_kind(variant) == expected, variant
