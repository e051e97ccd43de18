"""Typed models of plan documents (FORMAT.md, version 1), as pydantic v2 models.

The loader hands over text (see :mod:`cascade.loader`); these models convert typed fields. Numbers
are never guessed from ambiguous text: ``"72,6"`` or ``"1.234"`` in a numeric field is an error whose
message says how to write the number. Unknown fields are errors (``extra="forbid"``); the schema
stage (:mod:`cascade.schema`) maps every error back to its YAML position.
"""

from __future__ import annotations

import pickle
import sys
import re
import unicodedata
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .polarity import DEFAULT_TABLE, EffectivePolarity
from .sharedkeys import prime_keys
from .text import ascii_digits, unwritten_float

__all__ = [
    "compact_models",
    "DOCUMENT_KINDS",
    "ELEMENT_KINDS",
    "INDICATOR_TYPES",
    "POLARITIES",
    "UNIT_LEVELS",
    "NOT_BLANK",
    "Period",
    "Region",
    "Agency",
    "Header",
    "Range",
    "Baseline",
    "Indicator",
    "Employee",
    "Element",
    "Unit",
    "Document",
    "TargetValue",
    "Realized",
    "RealizedValue",
    "CAPAIAN_FORMULAS",
    "RealisasiHeader",
    "RealisasiRow",
    "RealisasiDocument",
]

#: ``rpd`` (Rencana Pembangunan Daerah) is the transitional 3-4 year plan of a region with no RPJMD
#: in force (Inmendagri 52/2022); it stands where an RPJMD stands, with the same kinds of elements.
DOCUMENT_KINDS = ("rpjmn", "rpjmd", "rpd", "renstra", "skp")
#: Element kinds per document kind, top to bottom; ``parent`` must be the kind directly above.
ELEMENT_KINDS: dict[str, tuple[str, ...]] = {
    "rpjmn": ("prioritas_nasional", "program_prioritas", "kegiatan_prioritas", "proyek_prioritas"),
    "rpjmd": ("misi", "tujuan", "sasaran", "program"),
    "rpd": ("misi", "tujuan", "sasaran", "program"),
    "renstra": ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"),
    "skp": ("rhk",),
}
INDICATOR_TYPES = ("impact", "outcome", "output", "process", "input")
POLARITIES = ("positive", "negative", "stable")
#: How a lower-is-better indicator's capaian is computed (:mod:`cascade.core.capaian`).
CAPAIAN_FORMULAS = ("lkjip", "sipd")
UNIT_LEVELS = ("jpt", "administrator", "pengawas", "fungsional", "pelaksana")

DOC_ID = r"^[a-z0-9][a-z0-9._-]*$"
LOCAL_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
#: A reference: ``document-id:local-id`` or a bare local id.
REF = r"^(?:[a-z0-9][a-z0-9._-]*:)?[A-Za-z0-9][A-Za-z0-9._-]*$"

# ASCII digits only (re.ASCII): Python's float() also reads full-width "７１.５９", which is not plain.
_PLAIN_NUMBER = re.compile(r"^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$", re.ASCII)
_DECIMAL_COMMA = re.compile(r"^[-+]?\d{1,3}(?:\.\d{3})*,\d+$|^[-+]?\d+,\d+$", re.ASCII)
_DOT_GROUPS = re.compile(r"^[-+]?\d{1,3}(?:\.\d{3})+$", re.ASCII)
_COMMA_GROUPS = re.compile(r"^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$", re.ASCII)


def _number_hint(text: str) -> str | None:
    """How to write ``text`` as a number, when it is a number written the Indonesian or grouped way."""
    s = text.strip().replace(" ", "")
    if not s.isascii():  # full-width, Arabic-Indic or other non-ASCII digits: say how to write them
        plain = ascii_digits(s) or unicodedata.normalize("NFKC", s)
        if plain.isascii() and (_PLAIN_NUMBER.match(plain) or _DECIMAL_COMMA.match(plain) or _DOT_GROUPS.match(plain) or _COMMA_GROUPS.match(plain)):
            return _number_hint(plain) or plain
        return None
    if _DECIMAL_COMMA.match(s):
        return s.replace(".", "").replace(",", ".")
    if _DOT_GROUPS.match(s):
        return s.replace(".", "")
    if _COMMA_GROUPS.match(s):
        return s.replace(",", "")
    return None


def _ambiguous(text: str, hint: str) -> PydanticCustomError:
    return PydanticCustomError(
        "ambiguous_number",
        "ambiguous number {text}; write {hint}",
        {"text": text, "hint": hint},
    )


#: YAML's spellings of the floats that are no number (``.nan``) or infinite (``-.inf``).
_FLOAT_SPECIALS = frozenset((".nan", ".NaN", ".NAN")) | frozenset(
    sign + inf for inf in (".inf", ".Inf", ".INF") for sign in ("", "+", "-"))
def _checked_float(text: str) -> float:
    """``float(text)`` for a plain number, refused where the float is not what was written
    (:func:`~cascade.core.text.unwritten_float`: ``1e309`` is infinity, ``1e-400`` rounds to 0)."""
    number = float(text)
    problem = unwritten_float(text, number)
    if problem == "infinite":
        raise PydanticCustomError("finite_number", "the number {text} is too large", {"text": text})
    if problem == "zero":
        raise PydanticCustomError("number_underflow", "the number {text} rounds to 0", {"text": text})
    return number


def _to_number(value: Any) -> Any:
    """A numeric field: plain or quoted decimal text becomes a float; ambiguous text is an error."""
    if isinstance(value, str):
        if _PLAIN_NUMBER.match(value):
            if type(value) is not str:  # quoted: accepted only if it cannot be read two ways
                hint = _number_hint(value)
                if hint is not None and hint != value:
                    raise _ambiguous(value, hint)
            return _checked_float(value)
        if type(value) is str and value in _FLOAT_SPECIALS:
            raise PydanticCustomError("finite_number", "{text} is not a finite number", {"text": value})
        hint = _number_hint(value)
        if hint is not None:
            raise _ambiguous(value, hint)
        raise PydanticCustomError("number_type", "a number is needed", {"text": value})
    if isinstance(value, bool):
        raise PydanticCustomError("number_type", "a number is needed", {"text": str(value)})
    return value


def _to_target(value: Any) -> Any:
    """A target: a number, a range mapping, or a qualitative text (``WTP``)."""
    if isinstance(value, dict) and set(value) <= {"min", "max"} and value.get("min") is None and value.get("max") is None:
        raise PydanticCustomError("range_bounds", "a range needs min, max or both", {})
    if isinstance(value, str):
        if _PLAIN_NUMBER.match(value):
            # a plain scalar is exactly str; a quoted one (a str subclass) is checked for two readings
            if type(value) is not str:
                return _to_number(value)
            number = float(value)
            return number if number and not number - number else _checked_float(value)  # 0 or not finite: checked
        hint = _number_hint(value)
        if hint is not None:
            raise _ambiguous(value, hint)
        if type(value) is str and value in _FLOAT_SPECIALS:  # plain .nan / .inf: a float to YAML tools, never a text target
            raise PydanticCustomError("finite_number", "{text} is not a finite number", {"text": value})
        return value
    if value.__class__ is bool:  # a dict's True is no target 1.0
        raise PydanticCustomError("target_type", "a number, a range or a text is needed", {})
    return value


_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))


def _to_bool(value: Any) -> Any:
    if isinstance(value, str):
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise PydanticCustomError("bool_type", "true or false is needed", {"text": value})
    if value.__class__ is not bool:  # a dict's 1, 1.0 or 0 is no true or false (YAML's `key: 1` is not either)
        raise PydanticCustomError("bool_type", "true or false is needed", {"text": str(value)})
    return value


def _to_list(value: Any) -> Any:
    """A list field also takes a single reference written without brackets."""
    if isinstance(value, str):
        return (value,)
    return value


Number = Annotated[float, BeforeValidator(_to_number)]
#: A year: pydantic's own lax str-to-int (``"2019"``), no Python call per value on the hot path.
Year = int
Flag = Annotated[bool, BeforeValidator(_to_bool)]
#: A required text: not empty nor only spaces (a web form sends "" for a blank field; YAML's
#: ``name: ""`` is the same). Checked by pydantic's regex in Rust: no Python call per value.
NOT_BLANK = r"\S"
Text = Annotated[str, Field(pattern=NOT_BLANK)]
DocId = Annotated[str, Field(pattern=DOC_ID)]
LocalId = Annotated[str, Field(pattern=LOCAL_ID)]
Ref = Annotated[str, Field(pattern=REF)]
Refs = Annotated[tuple[Ref, ...], BeforeValidator(_to_list)]
Texts = Annotated[tuple[str, ...], BeforeValidator(_to_list)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, str_strip_whitespace=False)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        # before any instance exists: pydantic gives every validated model a dict of its own, and
        # CPython's shared key table takes new keys only while few instances have been made
        super().__pydantic_init_subclass__(**kwargs)
        names = _NAMES[cls] = tuple(cls.model_fields)
        _TEMPLATES[cls] = prime_keys(cls, names)

    def __reduce__(self) -> tuple:
        # Pickled by the parse cache and by parse workers, hundreds of thousands at a time:
        # the field values in field order and the set of fields given, without pydantic's state
        # dict (no extra fields, no private attributes here), restored by _restore_values.
        cls = type(self)
        names = _NAMES[cls]
        fields = self.__dict__
        if len(fields) == len(names):
            try:
                values = tuple(map(fields.__getitem__, names))
            except KeyError:
                pass
            else:
                years = _YEAR_FIELDS.get(cls)
                if years is not None:
                    return _restore_years, (cls, _pack_years(values, years), self.__pydantic_fields_set__)
                return _restore_values, (cls, values, self.__pydantic_fields_set__)
        return _restore, (cls, fields, self.__pydantic_fields_set__)


_set = object.__setattr__


#: One set object per distinct set of given fields (a few dozen in a workspace), see :func:`compact_models`.
_FIELDS_SETS: dict[frozenset, set] = {}


def compact_models(document: "Document", dicts: bool = True) -> None:
    """Let the elements, indicators, baselines and employees of ``document`` that were given the
    same fields share one set of their names; with ``dicts``, also keep each one's values in a
    key-sharing dict, its year maps keyed by shared year objects.

    pydantic keeps a set of the fields given (``model_fields_set``) in every model: 728 bytes for
    an element or indicator, a fifth of a loaded workspace's memory, though a plan uses only a few
    dozen different sets. The models are frozen, and pydantic copies the set before it changes a
    copy's (``model_copy``), so one shared, never-changed set per content is safe.

    pydantic also gives every model a dict of its own (464 bytes for an indicator's 15 fields); a
    copy of the class's template (:data:`_TEMPLATES`) holds the same values in 192, its keys kept
    once per class, and a target map whose years were seen before gets the years' int objects of
    the first (28 bytes a year otherwise). Models that came through pickle (a parse worker's, the
    parse cache's) are made this way already; this is for the models of this process's own parse,
    which took 48 MB more than a worker's at 100,000 elements. One flat loop: 0.09 s for 100,000
    models with ``dicts`` (a tenth of their parse), 0.03 s without. Where a copy of the template is
    no key-sharing dict (CPython 3.10: the same 640 bytes), the values stay where they are and only
    the years are shared.
    """
    sets = _FIELDS_SETS
    models: list[Any] = []
    add = models.append
    for element in document.elements:
        add(element)
        if element.employee is not None:
            add(element.employee)
        for indicator in element.indicators:
            add(indicator)
            if indicator.baseline is not None:
                add(indicator.baseline)
    for model in models:
        fields = model.__pydantic_fields_set__
        one = sets.get(frozenset(fields))
        if one is None:
            if len(sets) < 4096:
                sets[frozenset(fields)] = fields
        elif one is not fields:
            _set(model, "__pydantic_fields_set__", one)
    if not dicts:
        return
    templates, names_of, year_fields = _TEMPLATES, _NAMES, _YEAR_FIELDS
    move = _TEMPLATE_COPIES_SHARE
    for model in models:
        cls = type(model)
        values = model.__dict__
        names = names_of[cls]
        if len(values) != len(names):  # not as validated (never in a load): left as it is
            continue
        if move:
            shared = templates[cls].copy()
            shared.update(values)
            if len(shared) != len(names):  # a key that is no field: left as it is
                continue
        else:
            shared = values  # the year maps are shared in place
        places = year_fields.get(cls)
        if places is not None:
            for i in places:
                years = shared[names[i]]
                if years:
                    keys = tuple(years)
                    first = _shared_years(keys)
                    if first is not keys:
                        shared[names[i]] = dict(zip(first, years.values()))
        if move:
            _set(model, "__dict__", shared)


#: Each model class's field names in order (set at class creation), for :meth:`_Model.__reduce__`
#: and :func:`_restore_values`.
_NAMES: dict[type, tuple[str, ...]] = {}

#: Each model class's template instance dict: its field names in order, each value None, in the
#: class's shared key table (:func:`~cascade.core.sharedkeys.prime_keys`). A ``copy()`` of it,
#: then ``update``, makes a model's key-sharing dict in C (:func:`_restore_values`, :func:`compact_models`).
_TEMPLATES: dict[type, dict] = {}


def _restore_values(cls: type, values: tuple, fields_set: set) -> Any:
    """A model from :meth:`_Model.__reduce__`: its field values as they were validated, not validated again.

    The values go into a copy of the class's template (:data:`_TEMPLATES`), a key-sharing dict
    (:mod:`cascade.core.sharedkeys`: 192 bytes for an indicator's 15 fields, against 464 for the
    dict pydantic builds), by one ``update`` in C: 0.9 us a model, where setting them one by one on
    the new instance's own dict took 1.3. Every model a parse worker or the parse cache gives back
    is made here: a third of a loaded workspace's model memory.
    """
    names = _NAMES[cls]
    if len(values) != len(names):  # written by another version of the models: never a guess
        raise pickle.UnpicklingError(f"{cls.__name__} has {len(names)} fields, not {len(values)}")
    model = cls.__new__(cls)
    fields = _TEMPLATES[cls].copy()
    fields.update(zip(names, values))
    _set(model, "__dict__", fields)
    _set(model, "__pydantic_fields_set__", fields_set)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


#: Per model class, the places (in field order) of its maps keyed by year, pickled by
#: :func:`_pack_years`; filled once the classes exist (an indicator's ``targets`` and ``realized``).
_YEAR_FIELDS: dict[type, tuple[int, ...]] = {}

#: One tuple per distinct sequence of years (``(2025, 2026, 2027, 2028, 2029)``), in this process,
#: up to :data:`_YEAR_KEYS_MAX` sequences (a plan uses a handful) of at most :data:`_YEAR_KEYS_LEN`
#: years: the table outlives every load, so a hostile map of thousands of years is not kept in it.
_YEAR_KEYS: dict[tuple, tuple] = {}
_YEAR_KEYS_MAX = 4096
_YEAR_KEYS_LEN = 32


def _pack_years(values: tuple, places: tuple[int, ...]) -> tuple:
    """``values`` with each non-empty year map at ``places`` as ``(years, values)``, the years one
    tuple object per distinct sequence.

    Pickle sends a shared object once per stream and never shares ints, so every target map came
    back with year ints of its own (28 bytes each, five or six per indicator); a shared years tuple
    gives all the maps of a document the same year objects.
    """
    out = list(values)
    for i in places:
        years = out[i]
        if years:
            out[i] = (_shared_years(tuple(years)), tuple(years.values()))
    return tuple(out)


def _shared_years(keys: tuple) -> tuple:
    """The table's tuple equal to ``keys``; ``keys`` itself when it is new (kept in the table
    within its bounds, which hostile files cannot push)."""
    shared = _YEAR_KEYS.get(keys)
    if shared is None:
        shared = keys
        if len(_YEAR_KEYS) < _YEAR_KEYS_MAX and len(keys) <= _YEAR_KEYS_LEN:
            _YEAR_KEYS[keys] = keys
    return shared


def _restore_years(cls: type, values: tuple, fields_set: set) -> Any:
    """A model from :func:`_pack_years`'d values (see :func:`_restore_values`)."""
    out = list(values)
    for i in _YEAR_FIELDS[cls]:
        packed = out[i]
        if type(packed) is tuple:
            keys, vals = packed
            if len(keys) != len(vals):
                raise pickle.UnpicklingError(f"{cls.__name__}: {len(keys)} years, {len(vals)} values")
            out[i] = dict(zip(keys, vals))
    return _restore_values(cls, out, fields_set)


def _restore(cls: type, fields: dict, fields_set: set) -> Any:
    """A model from :meth:`_Model.__reduce__`: its fields as they were validated, not validated again."""
    model = cls.__new__(cls)
    _set(model, "__dict__", fields)
    _set(model, "__pydantic_fields_set__", fields_set)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


#: The longest period a plan covers, in years (RPJPN/RPJPD: 20; RPJMN/RPJMD, renstra: 5). A longer
#: period, or one that ends before it starts, is reported (CAS104) and has no years.
MAX_PERIOD_YEARS = 30


class Period(_Model):
    """The years a document covers, inclusive."""

    start: Year
    end: Year

    @property
    def plausible(self) -> bool:
        """Whether the period ends no earlier than it starts and spans at most :data:`MAX_PERIOD_YEARS`."""
        return 0 <= self.end - self.start < MAX_PERIOD_YEARS

    @property
    def years(self) -> range:
        """The years, in order; empty for a period that is not :attr:`plausible` (reported as CAS104),
        so that no rule ever walks a range built from untrusted numbers (``end: 99999999999``)."""
        return range(self.start, self.end + 1) if self.plausible else range(0)


class Region(_Model):
    """A Kemendagri region: province ``NN`` or kabupaten/kota ``NN.NN``."""

    code: Annotated[str, Field(pattern=r"^[0-9]{2}(\.[0-9]{2})?$")]  # ASCII digits: "３５" is not a code
    name: str | None = None

    @property
    def tier(self) -> str:
        """``province`` or ``kabkota``."""
        return "province" if len(self.code) == 2 else "kabkota"

    @property
    def province(self) -> str:
        return self.code[:2]


class Agency(_Model):
    """The OPD (perangkat daerah) a renstra or skp belongs to."""

    code: str | None = None
    name: Text


class Header(_Model):
    """The ``document:`` header."""

    id: DocId
    kind: Literal["rpjmn", "rpjmd", "rpd", "renstra", "skp"]
    title: Text
    period: Period
    region: Region | None = None
    aligns_to: Annotated[tuple[DocId, ...], BeforeValidator(_to_list)] = ()
    agency: Agency | None = None
    vision: str | None = None
    #: renstra only: the renstra this one is part of (a UPT or Puskesmas plan of its Dinas)
    part_of: DocId | None = None


class Range(_Model):
    """A range target ``{min: 7.0, max: 8.0}`` (the RPJMN's "7,0-8,0"), or one-sided: ``{max: 49}``
    ("kurang dari 49", "< 49") or ``{min: 80}`` ("minimal 80"). At least one bound is given."""

    min: Number | None = None
    max: Number | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> "Range":
        if self.min is None and self.max is None:
            raise PydanticCustomError("range_bounds", "a range needs min, max or both", {})
        return self


TargetValue = Annotated[Union[float, Range, str], BeforeValidator(_to_target)]


class Baseline(_Model):
    """Kondisi awal: the value in a year before (or at the start of) the period."""

    year: Year
    value: TargetValue | None = None


class Realized(_Model):
    """A realised value with its standing: ``{value: 73.1, status: preliminary, source: "BPS, Mei 2026"}``."""

    value: Union[float, str]
    status: Literal["final", "preliminary"] = "final"
    source: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _value(cls, data: Any) -> Any:
        if isinstance(data, dict) and "value" in data:
            value = data["value"]
            if value.__class__ is float:  # a number already (a bare realisasi, read by _to_realized)
                return data
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                raise PydanticCustomError("realized_value", "a number, a text or {{value, status, source}} is needed", {})
            value = _to_target(value)
            data = {**data, "value": value}
        return data


def _to_realized(value: Any) -> Any:
    """A realised value: a number, a text (qualitative targets) or ``{value, status, source}``."""
    if isinstance(value, dict):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise PydanticCustomError("realized_value", "a number, a text or {{value, status, source}} is needed", {})
    if value.__class__ is float and value - value:  # nan or inf: one finding naming `realized`, not one per union branch
        raise _not_finite(value)
    return {"value": _to_target(value)}


def _not_finite(value: float) -> PydanticCustomError:
    return PydanticCustomError("finite_number", "{text} is not a finite number", {"text": str(value)})


RealizedValue = Annotated[Realized, BeforeValidator(_to_realized)]


class Indicator(_Model):
    """A performance indicator of an element."""

    id: LocalId
    name: Text
    type: Literal["impact", "outcome", "output", "process", "input"] | None = None
    unit: str | None = None
    #: As written; None when absent (unknown, not positive: FORMAT.md decision 3).
    polarity: Literal["positive", "negative", "stable"] | None = None
    baseline: Baseline | None = None
    targets: dict[Year, TargetValue | None] = Field(default_factory=dict)
    final: TargetValue | None = None
    supports: Refs = ()
    measure: str | None = None
    key: Flag = False
    definition: str | None = None
    source: str | None = None
    #: Realisasi by year (issue 17): what the indicator reached; optional.
    realized: dict[Year, RealizedValue] = Field(default_factory=dict)
    #: Formula of a lower-is-better capaian: ``lkjip`` (2 - r/t) x 100 or ``sipd`` t/r x 100.
    capaian_formula: Literal["lkjip", "sipd"] | None = None

    @property
    def effective_polarity(self) -> EffectivePolarity:
        """The polarity to use: the declared ``polarity``, else the one read from the name.

        An :class:`~cascade.core.polarity.EffectivePolarity` ``(value, source, word)``: ``value`` is
        ``positive``, ``negative``, ``stable`` or None (unknown); ``source`` is ``declared``, ``name``
        or None; ``word`` is the word of the name that decided ("aki", "kemiskinan"). Read with the
        default table of :mod:`cascade.core.polarity`; rules read it with the workspace's options
        (:func:`cascade.rules.indicators.polarity_of`). Never read from the targets' direction.
        """
        return DEFAULT_TABLE.effective(self.polarity, self.name)


class Employee(_Model):
    """The holder of an skp ``rhk``; ``unit`` is a unit of the OPD's renstra."""

    nip: Text
    name: Text
    position: str | None = None
    unit: LocalId


class Element(_Model):
    """A goal of a plan: prioritas nasional, misi, tujuan, sasaran, program, ..., rhk."""

    id: LocalId
    kind: str
    name: Text
    parent: Ref | None = None
    supports: Refs = ()
    crosscuts: Refs = ()
    code: str | None = None
    owner: LocalId | None = None
    justification: str | None = None
    indicators: tuple[Indicator, ...] = ()
    employee: Employee | None = None
    #: Pagu indikatif per year in rupiah (program, kegiatan, sub kegiatan): ``{2024: 125000000}``.
    budget: dict[Year, Number | None] = Field(default_factory=dict)


class Unit(_Model):
    """An organisation unit of an OPD, with its tupoksi."""

    id: LocalId
    name: Text
    level: Literal["jpt", "administrator", "pengawas", "fungsional", "pelaksana"] | None = None
    parent: LocalId | None = None
    bidang: Texts = ()
    functions: Texts = ()


class Document(_Model):
    """One plan document: its header, its elements and (renstra) its organisation."""

    document: Header
    elements: tuple[Element, ...] = ()
    organization: tuple[Unit, ...] = ()

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def kind(self) -> str:
        return self.document.kind


class RealisasiHeader(_Model):
    """The header of a realisasi document: ``{id, kind: realisasi, for: <plan document id>}``.

    Region, period and agency are those of the plan it reports on (``for``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, populate_by_name=True)

    id: DocId
    kind: Literal["realisasi"]
    for_: DocId = Field(alias="for")
    title: str | None = None

    # what code that reads any header may ask
    @property
    def aligns_to(self) -> tuple[str, ...]:
        return (self.for_,)

    part_of: ClassVar[None] = None
    region: ClassVar[None] = None
    agency: ClassVar[None] = None
    period: ClassVar[None] = None
    vision: ClassVar[None] = None


class RealisasiRow(_Model):
    """One row of a realisasi table (an LKjIP "Pengukuran Kinerja" table): the indicator by its
    printed name, with what the row prints per year.

    The graph builder resolves ``indicator`` (and ``sasaran``, to tell equal names apart) to an
    indicator of the ``for`` plan; ``ref`` names it outright where the printed name does not match.
    ``targets`` are the year's targets as printed (the Perjanjian Kinerja targets: they act as
    ``pk_targets``), ``capaian`` the capaian as printed (checked by CAS707, never used as a value).
    """

    indicator: Text
    sasaran: str | None = None
    ref: Ref | None = None
    targets: dict[Year, TargetValue | None] = Field(default_factory=dict)
    realized: dict[Year, RealizedValue] = Field(default_factory=dict)
    capaian: dict[Year, Number | None] = Field(default_factory=dict)


class RealisasiDocument(_Model):
    """A realisasi document (issue 17): the realised values, and optionally the year's Perjanjian
    Kinerja targets, of a plan's indicators, kept apart from the approved plan file.

    ``realized`` and ``pk_targets`` map an indicator reference (local to the ``for`` document, or
    a full ``doc:local`` reference) to a year map, as an indicator's ``realized`` and ``targets``.
    ``rows`` name indicators by their printed name, as an LKjIP table does (:class:`RealisasiRow`).
    """

    document: RealisasiHeader
    realized: dict[Ref, dict[Year, RealizedValue]] = Field(default_factory=dict)
    pk_targets: dict[Ref, dict[Year, TargetValue | None]] = Field(default_factory=dict)
    rows: tuple[RealisasiRow, ...] = ()

    elements: ClassVar[tuple] = ()
    organization: ClassVar[tuple] = ()

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def kind(self) -> str:
        return "realisasi"


_YEAR_FIELDS[Indicator] = tuple(i for i, name in enumerate(_NAMES[Indicator]) if name in ("targets", "realized"))


#: Whether a copy of a class's template is a key-sharing dict in this interpreter (CPython 3.11 to
#: 3.13; on 3.10 it is as large as a dict of its own): :func:`compact_models` moves values only then.
_TEMPLATE_COPIES_SHARE = sys.getsizeof(_TEMPLATES[Indicator].copy()) < sys.getsizeof(dict(_TEMPLATES[Indicator]))
