"""The schema stage: loaded data to typed documents, every model error mapped to its YAML position.

Validation runs once over the whole document; only when it fails are the header, each element,
each indicator and each unit validated on their own, so that one bad value costs only that value
(or, for a bad id/kind/name, that item) and never the document. Errors are reported from the first
attempt only; what is pruned afterwards is a consequence, not a new finding.
"""

from __future__ import annotations

import copy
import difflib
import re
import sys
import typing
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from pydantic import BaseModel, ValidationError

from ..core.findings import Finding, Severity, Span
from ..core.text import short_int
from ..read.scalars import YAML11_FIRST, yaml11_kind
from ..core.models import (ELEMENT_KINDS, MAX_PERIOD_YEARS, NOT_BLANK, Agency, Baseline, Document, Employee, Period, Range,
                           Realized, Region, Element, Header, Indicator, RealisasiDocument,
                           RealisasiHeader, RealisasiRow, Unit, compact_models)
from ..core.parsed import ParsedDocument
from ..rules.catalog import make_finding
from ..core.sourcemap import LINE_BREAK, SourceMap, deep_get, only_newlines, pointer
from ..core.privacy import employee_names, mask_nip_value, outline, personal_path

__all__ = ["ParsedDocument", "mask_personal_text", "parse_document"]


_REQUIRED = {RealisasiDocument: ("document",), RealisasiRow: ("indicator",), RealisasiHeader: ("id", "kind", "for"), Element: ("id", "kind", "name"), Indicator: ("id", "name"), Unit: ("id", "name"), Header: ("id", "kind", "title", "period")}

#: Field names planners write in Indonesian, mapped to the format's English names.
_SYNONYMS = {
    "nama": "name", "kode": "code", "satuan": "unit", "target": "targets", "indikator": "indicators",
    "induk": "parent", "jenis": "kind", "tipe": "type", "polaritas": "polarity", "definisi": "definition",
    "sumber": "source", "tahun": "year", "nilai": "value", "judul": "title", "periode": "period",
    "wilayah": "region", "visi": "vision", "pemilik": "owner", "pegawai": "employee", "jabatan": "position",
    "unit_kerja": "unit", "mendukung": "supports", "awal": "start", "akhir": "end", "kondisi_awal": "baseline",
    "kondisi_akhir": "final", "fungsi": "functions", "tupoksi": "functions", "organisasi": "organization",
    "elemen": "elements", "dokumen": "document", "iku": "key", "alasan": "justification", "target_akhir": "final",
}


def _model_class(ann: Any) -> type[BaseModel] | None:
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    for arg in typing.get_args(ann):
        found = _model_class(arg)
        if found is not None:
            return found
    return None


def _fields_at(root: type[BaseModel], loc: tuple) -> list[str]:
    """The field names of the model that holds the last part of ``loc``."""
    cls: type[BaseModel] | None = root
    for part in loc[:-1]:
        if cls is None:
            return []
        if isinstance(part, str) and part in cls.model_fields:
            cls = _model_class(cls.model_fields[part].annotation)
    return list(cls.model_fields) if cls is not None else []


def _suggest(name: str, fields: list[str]) -> str | None:
    low = name.lower()
    if low in _SYNONYMS and _SYNONYMS[low] in fields:
        return _SYNONYMS[low]
    close = difflib.get_close_matches(low, fields, n=1, cutoff=0.6)
    return close[0] if close else None


def _existing(data: Any, loc: tuple) -> tuple:
    """The longest prefix of ``loc`` that exists in ``data`` (pydantic adds union tags and ``[key]``)."""
    out = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            break
        out.append(part)
    return tuple(out)


def _describe(value: Any, lang: str = "en") -> str:
    """How a message names a wrong value: its shape, or the value itself quoted (``lang``: en or id)."""
    en = lang != "id"
    if value is None:
        return "an empty value" if en else "nilai kosong"
    if isinstance(value, dict):
        return "a mapping" if en else "mapping"
    if isinstance(value, list):
        return "a list" if en else "list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"{'the number' if en else 'angka'} {short_int(value) if isinstance(value, int) else value}"
    if not isinstance(value, str):  # an object, bytes, a generator...: its type, never its repr (a memory address)
        name = value.type_name if isinstance(value, _Foreign) else _visible(type(value).__name__)
        return f"a value of type '{name}'" if en else f"nilai bertipe '{name}'"
    text = _visible(str(value))
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _visible(text: str) -> str:
    """``text`` with invisible characters (controls, BOM, RTL and zero-width marks) written as ``\\uXXXX``.

    A value that looks right but holds a stray U+FEFF or U+202E must show why it is wrong.
    """
    return "".join(c if c == " " or unicodedata.category(c)[0] not in "CZ" else f"\\u{ord(c):04x}" for c in text)


_personal = personal_path


def mask_personal_text(text: str, sourcemap: SourceMap) -> str:
    """``text`` of a plan file with every value under an skp ``employee`` blotted out (``•``).

    For reporters that quote source lines: a finding on an employee's line would otherwise show the
    NIP and name in the excerpt. Field names, layout and line lengths are kept, so carets still line up.
    """
    spans = sourcemap.spans(_personal)
    personal = list(spans)
    if not personal:
        return text
    parents = {p[:n] for p in personal for n in range(3, len(p))}
    simple = only_newlines(text)
    # the lines; with other breaks than \n, at even indexes and their breaks between
    parts = text.split("\n") if simple else re.split(f"({LINE_BREAK.pattern})", text)
    step = 1 if simple else 2
    for path in personal:
        if path in parents:
            continue  # a mapping or list under employee: its keys stay, its scalars are masked one by one
        span = spans[path]
        for line in range(span.line, span.end_line + 1):
            if 0 <= step * (line - 1) < len(parts):
                source = parts[step * (line - 1)]
                start = span.column - 1 if line == span.line else 0
                end = span.end_column - 1 if line == span.end_line else len(source)
                parts[step * (line - 1)] = source[:start] + _NOT_SPACE.sub("•", source[start:end]) + source[end:]
    return "\n".join(parts) if simple else "".join(parts)


_NOT_SPACE = re.compile(r"\S")


#: A field name that is a word, not data (an unknown key under ``employee`` may be a NIP).
_WORD = re.compile(r"^[A-Za-z_]+$")


def _mask(value: Any) -> Any:
    """Personal data as its outline: a NIP as ``0000••••••••••0001``, other text as ``B•••••••••••``.

    Mappings and lists pass unchanged: findings describe them by shape only.
    """
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return value  # None, true/false, a mapping, a list, an object: described by shape or type, never by repr
    return outline(str(value))


_EXPECTED = {
    "string_type": "text", "int_type": "a whole number (a year)", "int_parsing": "a whole number (a year)",
    "float_type": "a number", "float_parsing": "a number", "number_type": "a number", "bool_type": "true or false",
    "bool_parsing": "true or false", "list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping",
    "model_attributes_type": "a mapping", "finite_number": "a finite number",
    "range_bounds": "a range with min, max or both",
    "realized_value": "a number, a text or {value, status, source}",
    "number_underflow": "a number that does not round to 0", "target_type": "a number, a range or a text",
    # a lone surrogate (half of a UTF-16 pair, as a JSON payload can carry it) is no character
    "string_unicode": "text of whole Unicode characters",
}
_EXPECTED_ID = {
    "text": "teks", "a whole number (a year)": "bilangan bulat (tahun)", "a number": "angka",
    "true or false": "true atau false", "a list": "list", "a mapping": "mapping", "a finite number": "angka terhingga",
    "a range with min, max or both": "rentang dengan min, max atau keduanya",
    "a number, a text or {value, status, source}": "angka, teks atau {value, status, source}",
    "a number that does not round to 0": "angka yang tidak dibulatkan menjadi 0",
    "a number, a range or a text": "angka, rentang atau teks",
    "text of whole Unicode characters": "teks dengan karakter Unicode yang utuh",
}


class _Sink:
    """Collects the findings of one document, positioned through its source map.

    Values under an skp ``employee`` are masked in the findings unless ``show_personal``.
    """

    def __init__(self, file: str, sourcemap: SourceMap, data: Any, show_personal: bool = False):
        self.file, self.sourcemap, self.data = file, sourcemap, data
        self.findings: list[Finding] = []
        self.ref: str | None = None
        self.from_yaml = True
        self.show_personal = show_personal

    def shown(self, path: tuple, value: Any) -> Any:
        """``value`` as a finding may show it: masked when ``path`` holds personal data (a ``nip``
        whole, whatever its form: :func:`cascade.core.privacy.mask_nip_value`)."""
        if self.show_personal or not _personal(path):
            return value
        if path[-1] == "nip" and isinstance(value, (str, int)) and not isinstance(value, bool):
            return mask_nip_value(str(value)) if not isinstance(value, int) or value < 10**40 else _mask(value)
        return _mask(value)

    def add(self, code: str, variant: str, path: tuple, *, key: bool = False, ref: str | None = None, **args: Any) -> None:
        span, ptr = self.sourcemap.locate(path, key=key)
        if not self.show_personal and _personal(path):  # a key under employee may itself be a NIP
            ptr = pointer(path[:3] + tuple(p if _WORD.match(str(p)) else _mask(p) for p in path[3:]))
        self.findings.append(
            make_finding(code, variant, ref=ref or self.ref, file=self.file, span=span, pointer=ptr, **args)
        )

    def error(self, err: dict, base: tuple, root: type[BaseModel], ref: str | None) -> None:
        if err.get("input") is _REPORTED:
            return  # reported by a raw-data pass already (_dict_values); it only makes validation fail here
        loc = _key_loc(err)
        full = base + loc
        path = _existing(self.data, full)
        kind = err["type"]
        is_key = bool(loc) and loc[-1] == "[key]"
        # a whole part of the wrong type (``document: 5``) is named by its own field, not 'value'
        name = _field_name(base[-1:] if not loc and base and isinstance(base[-1], str) else loc, is_key)
        if kind == "invalid_key":  # a key of a model's mapping that is not text (None, b"name", 3.5, 5)
            self.add("CAS001", "key-type", path, key=True, ref=ref, got=_describe(self.shown(full, loc[-1])),
                     got_id=_describe(self.shown(full, loc[-1]), "id"))
            return
        if kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == NOT_BLANK:
            self.add("CAS101", "blank", path, ref=ref, field=name)
            return
        if kind == "missing":
            self.add("CAS101", "default", path, ref=ref, field=loc[-1] if loc else "document")
        elif kind == "extra_forbidden":
            fields = _fields_at(root, loc)
            split = self._comma_split(path)
            if split is not None:
                before, value = split
                self.add(
                    "CAS102", "comma", path, key=True, ref=ref, field=_visible(str(self.shown(full, loc[-1]))),
                    before=before, value=_visible(str(self.shown(full[:-1] + (before,), f"{value}, {loc[-1]}"))),
                )
                return
            hint = _suggest(str(loc[-1]), fields)
            self.add(
                "CAS102", "hint" if hint else "default", path, key=True, ref=ref,
                field=loc[-1] if _WORD.match(str(loc[-1])) else _visible(str(self.shown(full, loc[-1]))), hint=hint or "", allowed=sorted(fields),
            )
        elif kind in ("literal_error", "enum"):
            expected = err.get("ctx", {}).get("expected", "")
            self.add("CAS104", "choice", path, ref=ref, field=name, value=_describe(self.shown(full, err.get("input"))), allowed=tuple(re.findall(r"'([^']*)'", expected)) or expected)
        elif kind == "string_pattern_mismatch":
            self.add("CAS104", "pattern", path, ref=ref, field=name, value=_describe(self.shown(full, err.get("input"))))
        elif kind == "ambiguous_number":
            ctx = err["ctx"]
            self.add("CAS103", "ambiguous", path, ref=ref, field=name, text=self.shown(full, ctx["text"]), hint=self.shown(full, ctx["hint"]))
        else:
            expected = _EXPECTED.get(kind, "a valid value")
            got = err.get("input") if not is_key else path[-1] if path else None
            self.add(
                "CAS103", "default", path, key=bool(is_key), ref=ref, field=name,
                expected=expected, expected_id=_EXPECTED_ID.get(expected, expected), got=_describe(self.shown(full, got)),
                got_id=_describe(self.shown(full, got), "id"),
            )


    def _comma_split(self, path: tuple) -> tuple[str, str] | None:
        """``(field, text)`` when the unknown key at ``path`` is the tail of an unquoted value that a
        comma split in a flow mapping: ``{name: Dinas Kesehatan, Kab. X}`` reads ``Kab. X`` as a key
        without value. The key must have no value, stand on the line of the field before it, and that
        field's value must be plain text."""
        if not path or not isinstance(path[-1], str):
            return None
        parent = deep_get(self.data, path[:-1])
        if not isinstance(parent, dict) or parent.get(path[-1]) is not None:
            return None
        keys = list(parent)
        i = keys.index(path[-1])
        if i == 0:
            return None
        before = keys[i - 1]
        value = parent[before]
        if not isinstance(before, str) or not isinstance(value, str) or not value.strip():
            return None
        here, _ = self.sourcemap.locate(path, key=True)
        there, _ = self.sourcemap.locate(path[:-1] + (before,))
        if here is None or there is None or here.line != there.end_line:
            return None
        return before, value


#: The tags pydantic puts in an error's location for the plain branches of a target's union
#: (number, range or text).
_UNION_TAGS = frozenset(("float", "str"))


def _is_range_tag(part: Any) -> bool:
    return isinstance(part, str) and part.startswith("function-after[")


def _without_union_noise(errors: list[dict]) -> list[dict]:
    """``errors`` with a target's union said once: where its range branch says what is wrong
    (``{min: 1e999}``) only that; where no branch fits (a list) one "must be a number, a range or a
    text" at the target, never pydantic's branch names (``'function-after[_one_bound(), Range]'``)."""
    unions = {tuple(e["loc"][:i]) for e in errors for i in range(len(e["loc"])) if _is_range_tag(e["loc"][i])}
    if not unions:
        # a realised value's number-or-text union (``{value: inf}``): one finding at the value, not
        # one per branch named after pydantic's branch ('float', 'str')
        branches = {tuple(e["loc"][:-1]) for e in errors if e["loc"] and e["loc"][-1] == "float"}
        if not branches:
            return errors
        out = []
        for e in errors:
            head = tuple(e["loc"][:-1])
            if head in branches and e["loc"][-1] in _UNION_TAGS:
                if e["loc"][-1] == "str":
                    continue
                value = e.get("input")
                e = {"type": "finite_number" if isinstance(value, float) else "realized_value", "loc": head, "input": value}
            out.append(e)
        return out
    deeper = {u for u in unions for e in errors if len(e["loc"]) > len(u) + 1 and tuple(e["loc"][:len(u)]) == u
              and _is_range_tag(e["loc"][len(u)])}
    out: list[dict] = []
    said: set[tuple] = set()
    for e in errors:
        loc = tuple(e["loc"])
        head = loc[:-1]
        if loc and head in unions and (loc[-1] in _UNION_TAGS or _is_range_tag(loc[-1])):
            if head in deeper or head in said:
                continue
            said.add(head)
            value = e.get("input")
            e = {"type": "finite_number" if isinstance(value, float) else "target_type", "loc": head, "input": value}
        elif any(map(_is_range_tag, loc)):  # inside the range: at its field (``.../2020/min``), without the tag
            e = {**e, "loc": tuple(p for p in loc if not _is_range_tag(p))}
        out.append(e)
    return out


#: Put by a raw-data pass (:func:`_dict_values`) in place of a value it reported: validation fails
#: there, so what holds it is pruned as for any bad value, and :meth:`_Sink.error` says nothing more.
_REPORTED = type("_Reported", (), {"__repr__": lambda self: "<reported>"})()

#: Every field name of the models, to tell a field from a key of a map (a reference, a year).
_FIELD_NAMES = frozenset(name for cls in (Document, Header, Element, Indicator, Unit, RealisasiDocument, RealisasiHeader,
                                          RealisasiRow, Period, Region, Agency, Baseline, Range, Realized, Employee)
                         for name in cls.model_fields) | {"for"}


def _key_loc(err: dict) -> tuple:
    """``err``'s location with a bad key as the key itself: pydantic writes ``str(key)`` (``'None'``,
    ``"b'name'"``, ``'3.5'``), which names no key of the data, so the whole mapping was pruned."""
    loc = tuple(err["loc"])
    kind = err["type"]
    if kind == "invalid_key" and loc:
        return loc[:-1] + (err.get("input"),)
    if len(loc) >= 2 and loc[-1] == "[key]" and not isinstance(err.get("input"), str):
        return loc[:-2] + (err.get("input"), "[key]")
    return loc


def _field_name(loc: tuple, is_key: bool) -> str:
    """The field a message names: the last field of ``loc``, or a year key written as text (YAML's
    ``'2020'``), or the bad key itself; never a reference key or pydantic's union branch (``'float'``)."""
    last = len(loc) - 2 if is_key else -1
    for i in range(len(loc) - 1, -1, -1):
        p = loc[i]
        if isinstance(p, str) and not p.startswith("[") and (p in _FIELD_NAMES or p.isdigit() or i == last):
            return p
    return "value"


def _delete(data: Any, path: tuple) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    if isinstance(target, dict):
        target.pop(path[-1], None)
    else:
        del target[path[-1]]


def _salvage(cls: type[BaseModel], data: Any, base: tuple, sink: _Sink, ref: str | None, report: bool = True) -> Any:
    """Validate ``data`` as ``cls``; on errors report them, prune what is wrong, and try again.

    Returns None when a required field (``_REQUIRED``) is itself missing or wrong.
    """
    required = _REQUIRED.get(cls, ())
    for attempt in range(8):
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors()
        if attempt == 0:
            if not isinstance(data, dict):
                if report:
                    sink.error({"type": "model_type", "loc": (), "input": data}, base, cls, ref)
                return None
            data = copy.deepcopy(data)
            if report:
                for err in _without_union_noise(errors):
                    sink.error(err, base, cls, ref)
        doomed = set()
        for err in errors:
            path = _existing(data, _key_loc(err))
            if not path or path[0] in required:
                return None
            doomed.add(path)
        for path in sorted(doomed, key=lambda p: tuple((isinstance(x, int), x if isinstance(x, int) else 0, str(x)) for x in p), reverse=True):
            _delete(data, path)
    return None


_KIND_ID = {"number": "angka", "boolean": "boolean", "date": "tanggal"}

_TEXT_FIELDS = {
    "header": ("id", "title", "vision"),
    "element": ("id", "name", "parent", "code", "owner", "justification"),
    "indicator": ("id", "name", "unit", "measure", "definition", "source"),
    "unit": ("id", "name", "parent"),
    "employee": ("nip", "name", "position", "unit"),
}
_TEXT_LISTS = {"header": ("aligns_to",), "element": ("supports", "crosscuts"), "indicator": ("supports",), "unit": ("bidang", "functions")}


def _ambiguous_text(sink: _Sink, data: Any, path: tuple, what: str, ref: str | None) -> None:
    if not sink.from_yaml or not isinstance(data, dict):
        return
    first = YAML11_FIRST
    for name in _TEXT_FIELDS[what]:
        value = data.get(name)
        # the first-character test skips almost every name and id without a call
        if type(value) is str and value and value[0] in first:
            kind = yaml11_kind(value)
            if kind:
                shown = sink.shown(path + (name,), value)
                sink.add("CAS006", "default", path + (name,), ref=ref, field=name, value=shown, kind=kind, kind_id=_KIND_ID[kind])
    for name in _TEXT_LISTS.get(what, ()):
        values = data.get(name)
        if isinstance(values, list):
            for i, value in enumerate(values):
                if type(value) is str and value and value[0] in first:
                    kind = yaml11_kind(value)
                    if kind:
                        sink.add("CAS006", "default", path + (name, i), ref=ref, field=name, value=value, kind=kind, kind_id=_KIND_ID[kind])


_KIND_EXTRAS = {"employee": ("skp",), "owner": ("renstra", "skp")}


def _without_document(findings: list[Finding]) -> list[Finding]:
    """``findings`` of a file whose header yielded no document, its errors on the header marked
    :attr:`~cascade.core.findings.Finding.no_document`: they say why the file is not in the run."""
    return [replace(f, no_document=True)
            if f.severity is Severity.ERROR and (f.pointer in ("", "/document") or (f.pointer or "").startswith("/document/"))
            else f for f in findings]


def parse_document(
    data: Any, file: str, sourcemap: SourceMap, from_yaml: bool = True, show_personal: bool = False,
    compact: bool = True,
) -> tuple[ParsedDocument | None, list[Finding]]:
    """Build the typed document of one file's data, with the schema findings.

    The document is None when the data has no usable header (the findings say why). ``from_yaml``
    is False for dict input, whose strings were never YAML scalars (no CAS006). Values under an
    skp ``employee`` (NIP, name) are masked in the findings unless ``show_personal``. ``compact``
    False leaves the models' values in pydantic's own dicts, for a parse worker whose models are
    pickled (:func:`~cascade.core.models.compact_models`).
    """
    sink = _Sink(file, sourcemap, data, show_personal)
    sink.from_yaml = from_yaml
    findings = sink.findings
    if data is None:
        # a file of only comments has no node to point at: the finding stands at the file's start
        span = Span(1, 1, 1, 1) if from_yaml else None
        findings.append(make_finding("CAS101", "empty", file=file, span=span, pointer="", field="document"))
        return None, findings
    if isinstance(data, Mapping) and not isinstance(data, dict):
        data = dict(data)  # a UserDict passed to cascade.load(): the schema reads it as the dict it stands for
    if not isinstance(data, dict):
        # The whole file is one value: it is probably not YAML at all (a token, a text file named
        # *.yaml), so its shape is named and nothing of it is quoted.
        if isinstance(data, str):
            got, got_id = f"text of {len(data):,} characters", f"teks {len(data):,} karakter"
        elif isinstance(data, (list, tuple)):
            got, got_id = "a list", "list"
        elif isinstance(data, bool):
            got = got_id = "true/false"
        elif isinstance(data, (int, float)):
            got, got_id = "a number", "angka"
        else:
            got, got_id = f"a {type(data).__name__}", type(data).__name__
        sink.add("CAS103", "top-level", (), got=got, got_id=got_id)
        return None, findings
    if not from_yaml:  # YAML gives text, lists and mappings only; a dict may hold anything
        data = sink.data = _dict_values(data, sink)  # findings point into it: a foreign key is replaced there
    header_data = data.get("document")
    if isinstance(header_data, dict) and header_data.get("kind") == "realisasi":
        return _realisasi(data, header_data, file, sourcemap, sink)
    data = _year_keys(data, sink)
    try:
        model: Document | None = Document.model_validate(data)
    except ValidationError:
        model = None
    doc_id = header_data.get("id") if isinstance(header_data, dict) and isinstance(header_data.get("id"), str) else None
    sink.ref = doc_id
    if model is not None:
        elements = model.elements
        element_paths = [("elements", i) for i in range(len(elements))]
        indicator_paths = [[("elements", i, "indicators", j) for j in range(len(e.indicators))] for i, e in enumerate(elements)]
        unit_paths = [("organization", i) for i in range(len(model.organization))]
    else:
        model, element_paths, indicator_paths, unit_paths = _rebuild(data, sink)
        if model is None:
            return None, _without_document(findings)
    _document_checks(model, data, element_paths, sink, from_yaml)
    compact_models(model, dicts=compact)
    # from the data, not the models: an employee block that failed validation has no model
    names = employee_names(data)
    return ParsedDocument(model, file, sourcemap, element_paths, indicator_paths, unit_paths, findings,
                          personal_names=names), findings


#: The list fields of each part of a document (``Refs``/``Texts`` also take one text).
_LIST_FIELDS = {
    "document": ("elements", "organization", "rows"), "header": ("aligns_to",),
    "element": ("supports", "crosscuts", "indicators"), "indicator": ("supports",), "unit": ("bidang", "functions"),
}
_YEAR_MAPS = {"element": ("budget",), "indicator": ("targets", "realized"), "row": ("targets", "realized", "capaian")}
_POP = object()


def _dict_values(data: dict, sink: _Sink) -> dict:
    """``data`` passed as a dict, with what pydantic would take silently reported and left out.

    pydantic reads ``True`` as the year 1 (``period.start``, ``baseline.year``, a ``targets`` key)
    and takes a generator for a list (consuming it, so the positions of its items are lost); YAML
    never gives either. Each is CAS103 at its place, as YAML's ``start: true`` is: a key is left
    out, a list field is left out, a year value makes its part fail as any wrong year does. A
    tuple is read as the list it stands for. ``data`` itself is never changed: what changes is
    copied along its path. A pass over the parts, not the values: no call per value.
    """
    edits: list[tuple[tuple, Any]] = []
    header = data.get("document")
    doc_id = header.get("id") if isinstance(header, dict) and isinstance(header.get("id"), str) else None

    def report(kind: str, loc: tuple, value: Any, ref: str | None) -> None:
        sink.error({"type": kind, "loc": loc, "input": value}, (), Document, ref)

    def lists(part: Any, path: tuple, what: str, ref: str | None) -> None:
        for name in _LIST_FIELDS[what]:
            value = part.get(name)
            if type(value) is tuple:
                edits.append((path + (name,), list(value)))
            elif isinstance(value, Iterator):  # a generator, map(), iter(...): never consumed, reported by its type
                report("list_type", path + (name,), value, ref)
                edits.append((path + (name,), _POP))
            # else a list, or what pydantic reads (a set of ids) or reports itself (a range, a text)

    def years(part: Any, path: tuple, what: str, ref: str | None) -> None:
        for name in _YEAR_MAPS[what]:
            value = part.get(name)
            if isinstance(value, Mapping):
                year_map(value, path + (name,), ref)

    def year_map(value: Mapping, path: tuple, ref: str | None) -> None:
        for key in value:
            if key.__class__ is bool:
                report("int_type", path + (key, "[key]"), key, ref)
                edits.append((path + (key,), _POP))

    def year(part: Any, path: tuple, name: str, ref: str | None) -> None:
        if isinstance(part, Mapping) and part.get(name).__class__ is bool:
            report("int_type", path + (name,), part[name], ref)
            edits.append((path + (name,), _REPORTED))

    lists(data, (), "document", doc_id)
    if isinstance(header, Mapping):
        lists(header, ("document",), "header", doc_id)
        period = header.get("period")
        year(period, ("document", "period"), "start", doc_id)
        year(period, ("document", "period"), "end", doc_id)
    elements = data.get("elements")
    for i, element in enumerate(elements if isinstance(elements, (list, tuple)) else ()):
        if not isinstance(element, Mapping):
            continue
        raw_id = element.get("id")
        ref = f"{doc_id}:{raw_id}" if doc_id and isinstance(raw_id, str) else doc_id
        lists(element, ("elements", i), "element", ref)
        years(element, ("elements", i), "element", ref)
        indicators = element.get("indicators")
        for j, indicator in enumerate(indicators if isinstance(indicators, (list, tuple)) else ()):
            if not isinstance(indicator, Mapping):
                continue
            ind_id = indicator.get("id")
            ind_ref = f"{doc_id}:{ind_id}" if doc_id and isinstance(ind_id, str) else ref
            path = ("elements", i, "indicators", j)
            lists(indicator, path, "indicator", ind_ref)
            years(indicator, path, "indicator", ind_ref)
            year(indicator.get("baseline"), path + ("baseline",), "year", ind_ref)
    units = data.get("organization")
    for i, unit in enumerate(units if isinstance(units, (list, tuple)) else ()):
        if isinstance(unit, Mapping):
            lists(unit, ("organization", i), "unit", doc_id)
    for name in ("realized", "pk_targets"):  # a realisasi document's maps: reference -> year -> value
        refs = data.get(name)
        if isinstance(refs, Mapping):
            for key, value in refs.items():
                if isinstance(value, Mapping):
                    year_map(value, (name, key), doc_id)
    rows = data.get("rows")
    for i, row in enumerate(rows if isinstance(rows, (list, tuple)) else ()):
        if isinstance(row, Mapping):
            years(row, ("rows", i), "row", doc_id)
    _foreign_values(data, edits)
    return _edited(data, edits)


#: The plain values a dict may hold where YAML gives a scalar (a ``Decimal`` or ``Fraction`` from
#: ``json.loads(..., parse_float=Decimal)`` too); anything else is reported by its type.
_PLAIN = (str, int, float, type(None))  # a bool is an int
_BYTES = (bytes, bytearray, memoryview)


def _plain(value: Any) -> bool:
    if isinstance(value, _PLAIN):
        return True
    for module, name in (("decimal", "Decimal"), ("fractions", "Fraction")):
        found = sys.modules.get(module)  # no Decimal exists unless the caller imported the module
        if found is not None and isinstance(value, getattr(found, name)):
            return True
    return False


class _Foreign:
    """Put by :func:`_foreign_values` in place of a value or key no YAML file can hold: pydantic
    fails on it where it stands, with its usual message, and :func:`_describe` names the type of
    what it stands for. It can be copied (as itself) and hashed, which the value it stands for (a
    generator, a lock) may not be."""

    __slots__ = ("type_name", "shown")

    def __init__(self, value: Any):
        self.type_name = _visible(type(value).__name__)
        # as a key in a JSON pointer: bytes as pydantic's key findings show them, else the type
        self.shown = repr(bytes(value)) if isinstance(value, _BYTES) and len(value) <= 64 else f"<{self.type_name}>"

    def __str__(self) -> str:
        return self.shown

    __repr__ = __str__

    def __deepcopy__(self, memo: dict) -> "_Foreign":
        return self  # the same key in the schema stage's copy, so that pruning finds it

    def __copy__(self) -> "_Foreign":
        return self


def _foreign_values(data: dict, edits: list[tuple[tuple, Any]]) -> None:
    """Put a :class:`_Foreign` in place of every value and key of ``data`` that no YAML file holds.

    pydantic's lax text takes bytes (``b"R1"`` passed as an id, ``{b"2023": 1}`` as a year), and
    the schema stage copies what fails (``copy.deepcopy``), which raises for a generator or a lock
    (and pydantic would consume a generator). What is not text, a number, true/false, empty, a
    mapping, a list, a tuple or a set (bytes, an object, a generator, a lock) is replaced, never
    iterated, copied or printed: it is then CAS103 at its pointer (CAS001 as a key of fields),
    named by its type, and its part is pruned as for any bad value. Only for dict input.
    """
    done = {path for path, _ in edits}
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if path in done:
            continue  # a generator in a list field, a bool year: reported already
        if isinstance(value, Mapping):
            try:
                items = list(value.items())
            except Exception:  # check_data reported a mapping whose items() raises
                continue
            for key, child in items:
                if _plain(key) or isinstance(key, tuple):
                    stack.append((child, path + (key,)))
                else:
                    edits.append((path + (key,), _POP))
                    edits.append((path + (_Foreign(key),), child))  # the key is judged; its value goes with it
        elif isinstance(value, (list, tuple)):
            stack.extend((child, path + (i,)) for i, child in enumerate(value))
        elif isinstance(value, (set, frozenset)):  # read as a list of ids
            if not all(map(_plain, value)):
                edits.append((path, type(value)(v if _plain(v) else _Foreign(v) for v in value)))
        elif not _plain(value):
            edits.append((path, _Foreign(value)))


def _edited(data: dict, edits: list[tuple[tuple, Any]]) -> dict:
    """A copy of ``data`` with ``edits`` (path, new value or :data:`_POP`) made, copying only the
    mappings and lists along their paths."""
    if not edits:
        return data
    copies: dict[tuple, Any] = {(): dict(data)}

    def holder(path: tuple) -> Any:
        held = copies.get(path)
        if held is None:
            parent = holder(path[:-1])
            held = parent[path[-1]]
            held = dict(held) if isinstance(held, Mapping) else list(held)
            parent[path[-1]] = copies[path] = held
        return held

    for path, value in edits:
        place = holder(path[:-1])
        if value is _POP:
            place.pop(path[-1], None)
        else:
            place[path[-1]] = value
    return copies[()]


def _year_of(key: Any) -> int | None:
    """The year a ``targets`` key means as the model reads it (``"02019"``, ``"2_019"``, ``"+2019"``,
    ``"2019.0"`` and ``" 2019"`` all mean 2019), or None for a key that is no year (reported by the schema)."""
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key
    if isinstance(key, float):
        return int(key) if key.is_integer() else None
    if not isinstance(key, str) or len(key) > 64:
        return None
    try:
        return int(key)
    except ValueError:
        pass
    try:
        number = float(key)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def _plain_years(targets: dict) -> bool:
    """True when every key is a year written plainly as YAML gives it (``2019``: ASCII digits, no
    leading zero), the case of nearly every ``targets`` map: distinct keys are then distinct years
    and none needs CAS104. One C-level pass over the joined keys instead of a call per key."""
    keys = targets.keys()
    if not all(type(k) is str for k in keys):
        return False
    joined = "".join(keys)
    return (joined.isascii() and joined.isdigit() and len(joined) == 4 * len(keys)
            and all(k[0] != "0" for k in keys))


def _year_keys(data: dict, sink: _Sink) -> dict:
    """``data`` with each ``targets`` map checked for year keys that mean the same year.

    ``2019`` and ``02019`` in one map would collapse into one year in the model, the later value
    winning: the later key is a duplicate key (CAS002) and is left out, so the first value is kept as
    for any duplicate key. A year key not plainly written (``02019``, ``2_019``, ``+2019``, ``2019.0``,
    ``" 2019"``) is CAS104 with the spelling to use. ``data`` itself is never changed: the maps with
    a duplicate are copied along their path.
    """
    elements = data.get("elements")
    if not isinstance(elements, list):
        return data
    replaced: dict[tuple[int, int], dict] = {}
    for i, element in enumerate(elements):
        indicators = element.get("indicators") if isinstance(element, dict) else None
        if not isinstance(indicators, list):
            continue
        for j, indicator in enumerate(indicators):
            targets = indicator.get("targets") if isinstance(indicator, dict) else None
            if not isinstance(targets, dict):
                continue
            if _plain_years(targets):
                continue  # every key a year written plainly, so no two mean the same year
            seen: dict[int, Any] = {}
            dropped = []
            for key in targets:
                year = _year_of(key)
                if year is None:
                    continue
                path = ("elements", i, "indicators", j, "targets", key)
                ref = _ref_of(data, element, indicator)
                if not 1000 <= year <= 9999:  # -2019, 0, 20190: no year a plan has; left out, not also CAS207
                    sink.add("CAS104", "year-range", path, key=True, ref=ref, value=_visible(str(key)))
                    dropped.append(key)
                    continue
                if year in seen:
                    first = sink.sourcemap.key(path[:-1] + (seen[year],)) if sink.from_yaml else None
                    span, ptr = sink.sourcemap.locate(path, key=True)
                    if first is not None:
                        sink.findings.append(make_finding("CAS002", "same-year", ref=ref, file=sink.file, span=span,
                                                          pointer=ptr, key=_visible(str(key)), first=_visible(str(seen[year])),
                                                          first_line=first.line))
                    else:  # a dict has no lines: the first key's JSON pointer says where it is
                        sink.findings.append(make_finding("CAS002", "same-year-pointer", ref=ref, file=sink.file, span=span,
                                                          pointer=ptr, key=_visible(str(key)), first=_visible(str(seen[year])),
                                                          first_pointer=pointer(path[:-1] + (seen[year],))))
                    dropped.append(key)
                    continue
                seen[year] = key
                if not (type(key) is int or (type(key) is str and key == str(year))):
                    sink.add("CAS104", "year-key", path, key=True, ref=ref, value=_visible(str(key)), year=short_int(year))
            if dropped:
                replaced[(i, j)] = {k: v for k, v in targets.items() if k not in dropped}
    if not replaced:
        return data
    data = dict(data)
    data["elements"] = elements = list(elements)
    for (i, j), targets in replaced.items():
        element = elements[i] = dict(elements[i])
        indicators = element["indicators"] = list(element["indicators"])
        indicators[j] = dict(indicators[j], targets=targets)
    return data


def _ref_of(data: dict, element: Any, indicator: Any) -> str | None:
    header = data.get("document")
    doc_id = header.get("id") if isinstance(header, dict) else None
    ind_id = indicator.get("id") if isinstance(indicator, dict) else None
    if isinstance(doc_id, str) and isinstance(ind_id, str):
        return f"{doc_id}:{ind_id}"
    return doc_id if isinstance(doc_id, str) else None


def _realisasi(data: dict, header: dict, file: str, sourcemap: SourceMap, sink: _Sink) -> tuple[ParsedDocument | None, list[Finding]]:
    """A ``kind: realisasi`` document: what is valid of it is kept, each error reported at its place."""
    sink.ref = header.get("id") if isinstance(header.get("id"), str) else None
    for key in data:
        if key not in RealisasiDocument.model_fields:
            allowed = sorted(RealisasiDocument.model_fields)
            hint = _suggest(str(key), allowed)
            sink.add("CAS102", "hint" if hint else "default", (key,), key=True, field=_visible(str(key)), hint=hint or "", allowed=allowed)
    known = {k: v for k, v in data.items() if k in RealisasiDocument.model_fields and k != "rows"}
    model = _salvage(RealisasiDocument, known, (), sink, sink.ref)
    if model is None:
        return None, _without_document(sink.findings)
    # rows one by one, so that a row left out for an error shifts no other row's position
    rows, row_paths = [], []
    raw_rows = data.get("rows")
    if raw_rows is not None and not isinstance(raw_rows, list):
        sink.add("CAS103", "default", ("rows",), field="rows", expected="a list", expected_id="list", got=_describe(raw_rows), got_id=_describe(raw_rows, "id"))
    for i, raw in enumerate(raw_rows if isinstance(raw_rows, list) else ()):
        row = _salvage(RealisasiRow, raw, ("rows", i), sink, sink.ref)
        if row is not None:
            rows.append(row)
            row_paths.append(("rows", i))
    if rows:
        model = model.model_copy(update={"rows": tuple(rows)})
    return ParsedDocument(model, file, sourcemap, [], [], [], sink.findings, row_paths), sink.findings


def _rebuild(data: dict, sink: _Sink) -> tuple[Document | None, list, list, list]:
    """Validate part by part, keeping whatever is valid; report each error once."""
    for key in data:
        if not isinstance(key, (str, int)) or key.__class__ is bool:  # None, b"x", 3.5: no field name at all
            sink.add("CAS001", "key-type", (key,), key=True, got=_describe(key), got_id=_describe(key, "id"))
        elif key not in Document.model_fields:
            hint = _suggest(str(key), list(Document.model_fields))
            sink.add("CAS102", "hint" if hint else "default", (key,), key=True, field=_visible(str(key)), hint=hint or "", allowed=sorted(Document.model_fields))
    header_data = data.get("document")
    if "document" not in data:
        sink.add("CAS101", "default", (), field="document")
        return None, [], [], []
    header = _salvage(Header, header_data, ("document",), sink, sink.ref)
    doc_id = header.id if header is not None else sink.ref
    elements: list[Element] = []
    element_paths: list[tuple] = []
    indicator_paths: list[list[tuple]] = []
    raw_elements = data.get("elements", [])
    if raw_elements is None:
        raw_elements = []
    if not isinstance(raw_elements, list):
        sink.add("CAS103", "default", ("elements",), field="elements", expected="a list", expected_id="list", got=_describe(raw_elements), got_id=_describe(raw_elements, "id"))
        raw_elements = []
    for i, raw in enumerate(raw_elements):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        ref = f"{doc_id}:{raw_id}" if doc_id and isinstance(raw_id, str) else doc_id
        shell = dict(raw) if isinstance(raw, dict) else raw
        raw_indicators = shell.pop("indicators", []) if isinstance(shell, dict) else []
        element = _salvage(Element, shell, ("elements", i), sink, ref)
        indicators: list[Indicator] = []
        paths: list[tuple] = []
        if raw_indicators is None:
            raw_indicators = []
        if not isinstance(raw_indicators, list):
            sink.add("CAS103", "default", ("elements", i, "indicators"), ref=ref, field="indicators", expected="a list", expected_id="list", got=_describe(raw_indicators), got_id=_describe(raw_indicators, "id"))
            raw_indicators = []
        for j, raw_ind in enumerate(raw_indicators):
            ind_id = raw_ind.get("id") if isinstance(raw_ind, dict) else None
            ind_ref = f"{doc_id}:{ind_id}" if doc_id and isinstance(ind_id, str) else ref
            indicator = _salvage(Indicator, raw_ind, ("elements", i, "indicators", j), sink, ind_ref)
            if indicator is not None:
                indicators.append(indicator)
                paths.append(("elements", i, "indicators", j))
        if element is not None:
            elements.append(element.model_copy(update={"indicators": tuple(indicators)}))
            element_paths.append(("elements", i))
            indicator_paths.append(paths)
    units: list[Unit] = []
    unit_paths: list[tuple] = []
    raw_units = data.get("organization", []) or []
    if not isinstance(raw_units, list):
        sink.add("CAS103", "default", ("organization",), field="organization", expected="a list", expected_id="list", got=_describe(raw_units), got_id=_describe(raw_units, "id"))
        raw_units = []
    for i, raw in enumerate(raw_units):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        unit = _salvage(Unit, raw, ("organization", i), sink, f"{doc_id}#{raw_id}" if doc_id and isinstance(raw_id, str) else doc_id)
        if unit is not None:
            units.append(unit)
            unit_paths.append(("organization", i))
    if header is None:
        return None, [], [], []
    model = Document.model_construct(document=header, elements=tuple(elements), organization=tuple(units))
    return model, element_paths, indicator_paths, unit_paths


#: An employee's NIP as BKN issues it: 18 ASCII digits (birth date 8, TMT CPNS year-month 6, sex 1,
#: serial 3). Only the form is checked, not the date or the sex.
_NIP_FORM = re.compile(r"[0-9]{18}")


def _document_checks(model: Document, data: dict, element_paths: list[tuple], sink: _Sink, from_yaml: bool) -> None:
    """Checks that need the document kind: element kinds, required header parts, CAS006 text fields."""
    header = model.document
    doc_id, kind = header.id, header.kind
    if kind != "rpjmn" and header.region is None:
        sink.add("CAS101", "for-kind", ("document",), field="region", kind=kind)
    if kind in ("renstra", "skp") and header.agency is None:
        sink.add("CAS101", "for-kind", ("document",), field="agency", kind=kind)
    if model.organization and kind != "renstra":
        sink.add("CAS102", "for-kind", ("organization",), key=True, field="organization", kind=kind, kinds="renstra")
    if header.part_of is not None and kind != "renstra":
        sink.add("CAS102", "for-kind", ("document", "part_of"), key=True, field="part_of", kind=kind, kinds="renstra")
    period = header.period
    if not period.plausible:
        if period.end < period.start:
            sink.add("CAS104", "period-order", ("document", "period", "end"), start=short_int(period.start), end=short_int(period.end))
        else:
            sink.add("CAS104", "period-length", ("document", "period", "end"), start=short_int(period.start), end=short_int(period.end),
                     years=short_int(period.end - period.start + 1), max=MAX_PERIOD_YEARS)
    _ambiguous_text(sink, data.get("document"), ("document",), "header", doc_id)
    region = data["document"].get("region") if isinstance(data.get("document"), dict) else None
    if from_yaml and isinstance(region, dict) and type(region.get("code")) is str and yaml11_kind(region["code"]):
        sink.add("CAS006", "default", ("document", "region", "code"), field="code", value=region["code"], kind="number", kind_id="angka")
    allowed = ELEMENT_KINDS[kind]
    raw_elements = data.get("elements") or []
    for element, path in zip(model.elements, element_paths):
        ref = f"{doc_id}:{element.id}"
        raw = raw_elements[path[1]]
        if element.kind not in allowed:
            sink.add("CAS104", "element-kind", path + ("kind",), ref=ref, value=element.kind, kind=kind, allowed=list(allowed))
        for extra, kinds in _KIND_EXTRAS.items():
            if extra in raw and raw[extra] is not None and kind not in kinds:
                sink.add("CAS102", "for-kind", path + (extra,), key=True, ref=ref, field=extra, kind=kind, kinds=list(kinds))
        if kind == "skp" and element.employee is None and "employee" not in raw:
            sink.add("CAS101", "default", path, ref=ref, field="employee")
        _ambiguous_text(sink, raw, path, "element", ref)
        if isinstance(raw.get("employee"), dict):
            _ambiguous_text(sink, raw["employee"], path + ("employee",), "employee", ref)
        if element.employee is not None and not _NIP_FORM.fullmatch(element.employee.nip):
            nip_path = path + ("employee", "nip")
            sink.add("CAS104", "nip", nip_path, ref=ref, value=_describe(sink.shown(nip_path, element.employee.nip)),
                     length=len(element.employee.nip))
        raw_inds = raw.get("indicators")
        for j, ind in enumerate(raw_inds if isinstance(raw_inds, list) else ()):  # else reported (CAS103)
            if isinstance(ind, dict):
                ind_id = ind.get("id")
                _ambiguous_text(sink, ind, path + ("indicators", j), "indicator", f"{doc_id}:{ind_id}" if isinstance(ind_id, str) else ref)
    raw_units = data.get("organization")
    for i, raw in enumerate(raw_units if isinstance(raw_units, list) else ()):  # else reported (CAS103)
        if isinstance(raw, dict):
            _ambiguous_text(sink, raw, ("organization", i), "unit", f"{doc_id}#{raw.get('id')}")
