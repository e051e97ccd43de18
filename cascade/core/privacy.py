"""Masking of personal data: the one place every output of findings and source text goes through.

Employee numbers (NIP, 18 digits, also printed in 8-6-1-3 groups: ``19900101 202012 1 001``) and the
values of skp ``employee`` blocks must not reach reports that are shared beyond HR. Two funnels
carry everything an output can show, and both mask here unless ``show_personal``:

- findings: :func:`mask_finding` runs on every finding of :attr:`Cascade.findings` (load, schema and
  graph findings) and on every finding of a report built by :func:`cascade.validate.finish` (the end
  of :meth:`Cascade.validate` and of the distributed run). Every reporter (full, concise, json,
  sarif, gitlab, junit, github), ``Report.to_pandas()`` and ``repr(Finding)`` read these findings.
- source text: :meth:`Cascade.sources` masks each file with :func:`mask_source` (every line of an
  ``employee`` block, whatever state the file is in, then NIPs anywhere).

An output still to come (diff, capaian and SAKIP evidence, workbook export, editor hover) reads
findings and source lines through these funnels, and any other text it takes from the models
through :func:`mask_nips` (the HTML report does: ``cascade.views.html.Masker``).

Masking keeps lengths, so columns and carets still line up: a NIP keeps its first and last four
digits (``1990••••••••••1001``), other personal text becomes ``•``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .sourcemap import only_newlines

__all__ = ["BLOT", "mask_nips", "mask_finding", "mask_employee_blocks", "mask_source", "personal_path"]

BLOT = "•"

#: 18 ASCII digits, alone or in the printed 8-6-1-3 groups, not part of a longer number.
_NIP = re.compile(r"(?<![0-9])[0-9]{8}[ .]?[0-9]{6}[ .]?[0-9][ .]?[0-9]{3}(?![0-9])")
_QUICK = re.compile(r"[0-9]{8}")


def _outline(match: re.Match[str]) -> str:
    out, digit = [], 0
    for ch in match.group():
        if ch.isdigit():
            out.append(ch if digit < 4 or digit >= 14 else BLOT)
            digit += 1
        else:
            out.append(ch)
    return "".join(out)


def mask_nips(text: str) -> str:
    """``text`` with every NIP outlined (``1990••••••••••1001``, ``1990•••• •••••• 1 001``)."""
    if not _QUICK.search(text):
        return text
    return _NIP.sub(_outline, text)


def _mask_value(value: Any) -> Any:
    if isinstance(value, str):
        return mask_nips(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 10**17:
        text = str(value) if value < 10**40 else None  # str() of a huge int is refused or slow
        return value if text is None else (masked if (masked := mask_nips(text)) != text else value)
    if isinstance(value, (list, tuple)):
        out = [_mask_value(v) for v in value]
        return type(value)(out) if any(a is not b for a, b in zip(out, value)) else value
    if type(value).__name__ == "Finding" and dataclasses.is_dataclass(value):
        return mask_finding(value)  # a finding quoted in another's message (CAS903)
    return value


def mask_finding(finding: Any) -> Any:
    """``finding`` with NIPs outlined in its message, arguments, reference and pointer (the same
    object when there is nothing to mask)."""
    message = mask_nips(finding.message)
    ref = mask_nips(finding.ref) if finding.ref else finding.ref
    pointer = mask_nips(finding.pointer) if finding.pointer else finding.pointer
    args = tuple((k, _mask_value(v)) for k, v in finding.args)
    if (message is finding.message and ref is finding.ref and pointer is finding.pointer
            and all(a[1] is b[1] for a, b in zip(args, finding.args))):
        return finding
    return dataclasses.replace(finding, message=message, ref=ref, pointer=pointer, args=args)


_BREAK = re.compile("(\r\n|[\r\n\x85\u2028\u2029])")
#: ``employee:`` as a key (plain or quoted) at the start of a line, after list dashes.
_BLOCK = re.compile(r"""^([ \t]*(?:-[ \t]+)*)(?:employee|"employee"|'employee')[ \t]*:""")
#: ``employee:`` inside a flow mapping (``- {id: R1, employee: {...}}``).
_INLINE = re.compile(r"""[{,][ \t]*(?:employee|"employee"|'employee')[ \t]*:""")
#: What stays visible in a masked value: layout, flow punctuation, and the employee's field names.
_KEEP = re.compile(r"""(?:\b(?:nip|name|position|unit)\b(?=["']?[ \t]*:))|[\s{}\[\],:"']""")


#: A field name to keep (as in ``_KEEP``), or a run of characters ``_KEEP`` does not keep, none of
#: which starts a field name to keep.
_RUN = re.compile(
    r"""(\b(?:nip|name|position|unit)\b(?=["']?[ \t]*:))"""
    r"""|(?:(?!\b(?:nip|name|position|unit)\b(?=["']?[ \t]*:))[^\s{}\[\],:"'])+"""
)


def _blot_run(m: re.Match[str]) -> str:
    return m.group(1) or BLOT * (m.end() - m.start())


def _blot(text: str) -> str:
    """``text`` with every character ``_KEEP`` does not keep as ``•`` (runs at a time)."""
    return _RUN.sub(_blot_run, text)


def _indent(line: str) -> int:
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width = (width // 8 + 1) * 8  # a tab counts as deep: inside the block, masked
        else:
            break
    return width


def mask_employee_blocks(text: str) -> str:
    """``text`` with every line of every ``employee`` block blotted out, by position alone.

    Works on any text, also a file that does not parse (a duplicate ``nip:``, a tab, a bad escape,
    an over-long line...): after an ``employee:`` key the rest of its line is blotted, and so is
    every following line indented deeper than the key (blank lines pass). Field names (``nip``,
    ``name``, ``position``, ``unit``) and punctuation stay, so the excerpt still shows the layout.
    """
    if "employee" not in text:
        return text
    simple = only_newlines(text)
    # the lines; with other breaks than \n, at even indexes and their breaks between
    parts = text.split("\n") if simple else _BREAK.split(text)
    depth: int | None = None  # indentation of the open employee key, None outside a block
    for i in range(0, len(parts), 1 if simple else 2):
        line = parts[i]
        if depth is not None:
            if not line.strip():
                continue
            if _indent(line) > depth:
                parts[i] = _blot(line)
                continue
            depth = None
        if "employee" not in line:
            continue
        m = _BLOCK.match(line)
        if m:
            depth = _indent(m.group(1).replace("-", " "))
            parts[i] = line[: m.end()] + _blot(line[m.end():])
            continue
        m = _INLINE.search(line)
        if m:
            parts[i] = line[: m.end()] + _blot(line[m.end():])
    return "\n".join(parts) if simple else "".join(parts)


def personal_path(path: tuple) -> bool:
    """True for a path inside an skp ``employee`` (NIP, name, position, unit): personal data."""
    return len(path) >= 3 and path[0] == "elements" and path[2] == "employee"


def mask_source(text: str) -> str:
    """A plan file's text as an excerpt may quote it: employee blocks blotted, NIPs outlined."""
    return mask_nips(mask_employee_blocks(text))
