"""The source masks against the straightforward forms they replaced (character by character, and
lines split by every YAML line break): the same text for any input, the hostile ones too."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cascade.core import privacy
from cascade.core.privacy import BLOT, mask_employee_blocks

EXAMPLES = int(os.environ.get("CASCADE_HYPOTHESIS_EXAMPLES", "300"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def blot_reference(text: str) -> str:
    out, pos = [], 0
    for m in privacy._KEEP.finditer(text):
        out.append(BLOT * (m.start() - pos))
        out.append(m.group())
        pos = m.end()
    out.append(BLOT * (len(text) - pos))
    return "".join(out)


def mask_reference(text: str) -> str:
    words = privacy._employee_words(text)
    if not words:
        return text
    block, inline = privacy._key_patterns(words)
    parts = privacy._BREAK.split(text)
    depth = None
    for i in range(0, len(parts), 2):
        line = parts[i]
        if depth is not None:
            if not line.strip():
                continue
            if privacy._indent(line) > depth:
                parts[i] = blot_reference(line)
                continue
            depth = None
        m = block.match(line)
        if m:
            depth = privacy._indent(m.group(1).replace("-", " "))
            parts[i] = line[: m.end()] + blot_reference(line[m.end():])
            continue
        m = inline.search(line)
        if m:
            parts[i] = line[: m.end()] + blot_reference(line[m.end():])
    return "".join(parts)


PIECES = [
    "employee:", "employee: ", '"employee":', "'employee' :", "- employee:", "  ", "\t", "- ", "{", "}", "[", "]",
    ",", ":", ": ", '"', "'", "nip", "name", "position", "unit", "xname", "name_", "nip:", "name :", "'name':",
    "Budi, S.Kom", "199001012020121001", "19900101 202012 1 001", "\n", "\r\n", "\r", "\x85", "\u2028", "\u2029",
    "\u00a0", "\u3000", "é", "😀", "#", "id: R1", "  nip: 1", "    name: x", "unitx:", "-name:",
]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40).map("".join)


@SETTINGS
@given(texts)
def test_blot_is_character_by_character(text: str) -> None:
    assert privacy._blot(text) == blot_reference(text)


@SETTINGS
@given(texts)
def test_employee_blocks_are_masked_as_line_by_line(text: str) -> None:
    assert mask_employee_blocks(text) == mask_reference(text)


def test_by_example() -> None:
    text = "elements:\n  - id: R1\n    employee:\n      nip: \"199001012020121001\"\n      name: Budi, S.Kom\n    name: x\n"
    masked = mask_employee_blocks(text)
    assert masked == mask_reference(text)
    assert "      name: ••••, •••••" in masked and "    name: x" in masked and "nip: \"" in masked
    crlf = text.replace("\n", "\r\n")
    assert mask_employee_blocks(crlf) == masked.replace("\n", "\r\n")
    assert re.search("[0-9]{5}", masked) is None


SKP_RHK = (
    "elements:\n"
    "  - id: R1\n"
    "    kind: rhk\n"
    "    name: Terlaksananya pelayanan\n"
    "    {key}: {{nip: \"000000000000000042\", name: Budi Santoso Rahardjo, unit: KADIN}}\n"
)


@pytest.mark.parametrize("key", ["pegawai", "Employee", "EMPLOYEE", "employe", "emplyee", "'Pegawai'", "karyawan"])
def test_an_employee_under_a_misspelt_or_unknown_key_is_masked(key: str) -> None:
    # The NIP was outlined and the name shown when the key was not exactly `employee`.
    masked = privacy.mask_source(SKP_RHK.format(key=key))
    assert masked.splitlines()[4] == f"    {key}: {{nip: \"••••••••••••••••••\", name: •••• ••••••• ••••••••, unit: •••••}}"
    assert masked.splitlines()[3] == "    name: Terlaksananya pelayanan"


def test_a_block_mapping_with_a_nip_is_masked_sibling_by_sibling() -> None:
    text = (
        "    staf:\n"
        "      name: Budi Santoso\n"
        "      position: Kepala Seksi\n"
        "      NIP: 000000000000000042\n"
        "      unit: KADIN\n"
        "      riwayat:\n"
        "        - Kepala Subbag\n"
        "    kind: rhk\n"
        "    tim:\n"
        "      - nip: \"1\"\n"
        "        name: Ani\n"
        "      - name: Tono\n"
        "        nip: \"2\"\n"
    )
    assert privacy.mask_nip_mappings(text) == (
        "    staf:\n"
        "      name: •••• •••••••\n"
        "      position: •••••• •••••\n"
        "      NIP: ••••••••••••••••••\n"
        "      unit: •••••\n"
        "      riwayat:\n"
        "        • •••••• ••••••\n"
        "    kind: rhk\n"
        "    tim:\n"
        "      - nip: \"•\"\n"
        "        name: •••\n"
        "      - name: ••••\n"
        "        nip: \"•\"\n"
    )
    assert privacy.mask_nip_mappings("name: x  # nip: none\n") == "name: x  # nip: none\n"
    assert [privacy.employee_key(w) for w in ("employee", "pegawai", "Employees", "name", "unit", "position")] == [
        True, True, True, False, False, False]


@SETTINGS
@given(texts)
def test_nip_mappings_only_blot_characters(text: str) -> None:
    masked = privacy.mask_nip_mappings(text)
    assert len(masked) == len(text)
    assert all(a == b or b == BLOT for a, b in zip(text, masked))


def test_a_nip_value_is_masked_whole_whatever_its_form() -> None:
    assert privacy.mask_nip_value("000000000000000042") == "0000••••••••••0042"
    assert privacy.mask_nip_value("00000000 000000 0 042") == "0000•••• •••••• 0 042"
    for malformed in ("0000000000000042", "1970-05-12", "ABC000000000000042", "0000000000000000421"):
        assert privacy.mask_nip_value(malformed) == BLOT * len(malformed)


def test_diff_masks_the_nip_whole_and_the_position() -> None:
    from cascade.revisions.compare import _mask_values

    employee = {"nip": "0000000000000042", "name": "Budi", "position": "Kepala Dinas", "unit": "KADIN"}
    assert _mask_values({"employee": employee}, lambda text: text) == {
        "employee": {"nip": "••••••••••••••••", "name": "B•••", "position": "K•••••••••••", "unit": "KADIN"}}
