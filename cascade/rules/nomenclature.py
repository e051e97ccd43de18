"""CAS6xx: nomenclature codes (Permendagri 90/2019 and its Kepmendagri updates).

A code is ``U.BB.PP.K.KK.SSSS``: urusan (1 digit), bidang (2), program (2), the kegiatan's
authority digit (1 provinsi, 2 kabupaten/kota) and number (2), and the sub kegiatan (4 digits;
older exports use 2). Codes are checked on elements of kind ``program``, ``kegiatan`` and
``sub_kegiatan`` (the kinds the nomenclature numbers) and on the ``bidang`` entries of organisation
units (``U.BB``). A ``code`` on any other kind is the plan's own numbering (an RPJMD sasaran
"1.2.1", an RPJMN "PN3") and is not read as nomenclature.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Callable, Iterator

from ..core.findings import Finding, Severity
from .base import Rule
from .indicators import normalize_name

if TYPE_CHECKING:
    from .context import Context

__all__ = [
    "CODED_KINDS",
    "parse_code",
    "code_parts",
    "bidang_of",
    "penunjang",
    "CodeSyntax",
    "CodeKind",
    "AuthorityLevel",
    "CodeParentPrefix",
    "UrusanBidang",
]

#: Element kinds that carry a nomenclature code, with the number of parts their code has.
CODED_KINDS = {"program": 3, "kegiatan": 5, "sub_kegiatan": 6}
_SHAPES = {3: "U.BB.PP", 5: "U.BB.PP.K.KK", 6: "U.BB.PP.K.KK.SSSS"}

_CODE = re.compile(r"^[0-9]\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]\.[0-9]{2}(?:\.(?:[0-9]{4}|[0-9]{2}))?)?)?$")
_DIGITS = re.compile(r"^[0-9]+$")
#: Width of each part: urusan, bidang, program, authority digit, kegiatan, sub kegiatan.
_WIDTHS = (1, 2, 2, 1, 2, 4)
#: Bidang numbers of the urusan that Permendagri 90/2019 numbers in one run (4-8 are not checked).
_BIDANG_RANGES = {"1": (1, 6), "2": (7, 24), "3": (25, 32)}
_URUSAN = frozenset("12345678")


def parse_code(text: object) -> tuple[str, ...] | None:
    """The parts of a well-formed code (``U.BB`` to ``U.BB.PP.K.KK.SSSS``), or None."""
    if not isinstance(text, str):
        return None
    return _parse_code(text)


#: One string object per distinct part of a code ("01", "0001"...): tens of thousands of codes share
#: a few hundred parts, and a part string of its own per code was most of the parse cache's memory.
_PARTS: dict[str, str] = {}


@functools.lru_cache(maxsize=1 << 16)
def _parse_code(text: str) -> tuple[str, ...] | None:
    # five rules parse every element's code (and its parent's): once per distinct code
    if not _CODE.match(text):
        return None
    parts = _PARTS
    # a well-formed code has at most 6 parts of at most 4 digits: the table stays under 12,000 entries
    return tuple([parts.setdefault(p, p) for p in text.split(".")])


def bidang_of(code: object, parse: Callable[[object], tuple[str, ...] | None] = parse_code) -> str | None:
    """The ``U.BB`` of a well-formed code, or None; ``parse`` a run's :func:`code_parts` in a rule."""
    parts = parse(code)
    return None if parts is None else f"{parts[0]}.{parts[1]}"


def _repair(text: str, max_parts: int = 6) -> str | None:
    """The well-formed spelling of a code whose parts only lack or carry extra zero padding."""
    parts = text.strip().split(".")
    if len(parts) not in (2, 3, 5, 6) or len(parts) > max_parts or not all(_DIGITS.match(p) for p in parts):
        return None
    fixed = []
    for part, width in zip(parts, _WIDTHS):
        digits = part.lstrip("0") or "0"
        if len(digits) > width:
            return None
        fixed.append(digits.zfill(width))
    if len(parts) == 6 and len(parts[5]) == 2:
        fixed[5] = parts[5]  # the legacy 2-digit sub kegiatan is accepted as written
    candidate = ".".join(fixed)
    return candidate if candidate != text and _CODE.match(candidate) else None


_UNSEEN = object()


def code_parts(ctx: "Context") -> Callable[[object], tuple[str, ...] | None]:
    """:func:`parse_code` with a memo of this run's own, filled with the codes of the coded elements
    (:func:`_coded_elements`, which parses them on its own line of ``bench_rules.py`` rather than in
    whichever rule asks first): each distinct code asks the process-wide cache once a run.

    That cache keeps the last 65,536 codes, so that a long-lived process (the editor, a notebook)
    stays bounded while by-region workers reuse the codes every kab/kota shares. A workspace with
    more distinct codes than that (100,000 elements: 70,000) made it miss on every call, and each of
    the five CAS60x rules and CAS407 parsed every code again: CAS601 took 0.003 s at 20,000 elements
    and 0.14 s at 100,000. The memo is dropped with the run's context.
    """

    def build(ctx: "Context") -> Callable[[object], tuple[str, ...] | None]:
        memo = {code: parts for _node, _kind, code, parts in _coded_elements(ctx)}

        def parts(text: object) -> tuple[str, ...] | None:
            if not isinstance(text, str):
                return None
            found = memo.get(text, _UNSEEN)
            if found is _UNSEEN:
                found = memo[text] = _parse_code(text)
            return found  # type: ignore[return-value]

        return parts

    return ctx.index("code_parts", build)


def _coded_elements(ctx: "Context") -> list[tuple[str, str, str, tuple[str, ...] | None]]:
    """``(node, kind, code, parts)`` of every element of a coded kind that has a code, listed once
    per run; ``parts`` as :func:`parse_code` gives them (None for a malformed code), each distinct
    code parsed once (:func:`code_parts`)."""

    def build(ctx: "Context") -> list[tuple[str, str, str, tuple[str, ...] | None]]:
        nodes = ctx.graph._node
        seen: dict[str, tuple[str, ...] | None] = {}
        out = []
        for node in ctx.nodes_of("element"):
            attrs = nodes[node]
            code = attrs["model"].code
            if code is not None and attrs["kind"] in CODED_KINDS and attrs["level"] is not None:
                parts = seen.get(code, _UNSEEN)
                if parts is _UNSEEN:
                    parts = seen[code] = parse_code(code)
                out.append((node, attrs["kind"], code, parts))
        return out

    return ctx.index("coded_elements", build)


def _parent(ctx: "Context", node: str) -> str | None:
    for target, edge in ctx.graph._succ[node].items():
        if edge.get("type") == "parent":
            return target
    return None


def penunjang(ctx: "Context") -> frozenset[str]:
    """Elements of Program Penunjang Urusan Pemerintahan Daerah (program ``x.xx.01``) and below.

    An element counts by its own code (third part ``01``) or, when it has no code, by the code of
    its nearest program/kegiatan ancestor that has one. Built once per run.
    """

    def build(ctx: "Context") -> frozenset[str]:
        G = ctx.graph
        memo: dict[str, bool] = {}
        for start in ctx.nodes_of("element"):
            chain: list[str] = []
            on_chain: set[str] = set()
            node: str | None = start
            verdict = False
            while node is not None and G._node[node]["kind"] in CODED_KINDS and node not in on_chain:
                if node in memo:
                    verdict = memo[node]
                    break
                chain.append(node)
                on_chain.add(node)  # a parent cycle (CAS203) ends the walk without a code
                code = G._node[node]["model"].code
                if code is not None:
                    parts = code.split(".")
                    verdict = len(parts) >= 3 and parts[2] == "01"
                    break
                node = _parent(ctx, node)
            for n in chain:
                memo[n] = verdict
        return frozenset(n for n, v in memo.items() if v)

    return ctx.index("penunjang", build)


def old_nomenclature(code: str) -> bool:
    """True for a code in the shape of the Permendagri 13/2006 nomenclature (see CAS601)."""
    parts = code.strip().split(".")
    if not all(p.isdigit() and p.isascii() for p in parts):
        return False
    if len(parts) in (6, 7) and len(parts[0]) == 1 and parts[2] == parts[0] and parts[3] == parts[1]:
        return all(len(p) == 2 for p in (parts[1], *parts[3:]))
    if len(parts) in (4, 5) and len(parts[0]) == 1 and all(len(p) == 2 for p in parts[1:]):
        return not (len(parts) == 5 and parts[3] in ("01", "02"))
    return False


class CodeSyntax(Rule):
    """A nomenclature code that is not ``U.BB``, ``U.BB.PP``, ``U.BB.PP.K.KK`` or ``U.BB.PP.K.KK.SSSS``.

    Checks the ``code`` of every program, kegiatan and sub_kegiatan, and every ``bidang`` entry of
    an organisation unit (which must be ``U.BB``). Parts have fixed widths: urusan 1 digit, bidang 2,
    program 2, authority digit 1, kegiatan 2, sub kegiatan 4 (the 2 digits of older exports are
    accepted). When only the zero padding is wrong the finding says the fix; the case seen in the
    wild, ``1.01.01.02.01.0001``, pads the authority digit to two and is reported as such (write
    ``1.01.01.2.01.0001``). Codes on other kinds are the plan's own numbering and are not checked.

    Two shapes get their own message instead of a made-up fix:

    - a code of the old nomenclature (Permendagri 13/2006, used in plans up to 2020): urusan,
      organisation and program as two-digit parts, ``U.BB.OO.PP`` or ``U.BB.OO.PP.KK``
      (``1.02.01.32``, ``1.02.01.32.05``), or with the organisation written in full,
      ``U.BB.U.BB.OO.PP[.KK]`` (``1.02.1.02.01.19``): "map it to the 90/2019 nomenclature";
      there is no mechanical mapping. A five-part code whose fourth part is ``01`` or ``02`` stays
      the padded-authority case above.
    - a 90/2019 code printed with spaces for dots (``1 02 01 2.02``): write ``1.02.01.2.02``.

    Placeholders (``X.XX.01.2.10``) stay malformed codes.

    Why: a misspelt code matches no entry of the nomenclature, so the element cannot be traced to
    its urusan, its program or the SIPD tables, and every other code rule is blind to it.

    Basis: Permendagri 90/2019 (klasifikasi, kodefikasi dan nomenklatur), updated by Kepmendagri
    050-5889/2021 and later.

    Failing::

        - id: K1
          kind: kegiatan
          name: Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP
          code: "1.02.02.02.01"     # authority digit padded to two

    Passing::

        - id: K1
          kind: kegiatan
          name: Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP
          code: "1.02.02.2.01"
    """

    code = "CAS601"
    scope = "document"
    name = "code-syntax"
    severity = Severity.ERROR
    messages = {
        "default": {
            "en": "code '{value}' is not U.BB, U.BB.PP, U.BB.PP.K.KK or U.BB.PP.K.KK.SSSS",
            "id": "kode '{value}' tidak berbentuk U.BB, U.BB.PP, U.BB.PP.K.KK atau U.BB.PP.K.KK.SSSS",
        },
        "hint": {
            "en": "code '{value}' is not U.BB, U.BB.PP, U.BB.PP.K.KK or U.BB.PP.K.KK.SSSS; did you mean '{hint}'?",
            "id": "kode '{value}' tidak berbentuk U.BB, U.BB.PP, U.BB.PP.K.KK atau U.BB.PP.K.KK.SSSS; maksudnya '{hint}'?",
        },
        "padded": {
            "en": "code '{value}' pads the authority digit to two ('{digit}'); it is one digit (1 provinsi, 2 kabupaten/kota): write '{hint}'",
            "id": "kode '{value}' menulis digit kewenangan dengan dua angka ('{digit}'); digit ini satu angka (1 provinsi, 2 kabupaten/kota): tulis '{hint}'",
        },
        "old": {
            "en": "code '{value}' is a Permendagri 13/2006 code: map it to the 90/2019 nomenclature (U.BB.PP, U.BB.PP.K.KK, U.BB.PP.K.KK.SSSS)",
            "id": "kode '{value}' adalah kode Permendagri 13/2006: petakan ke nomenklatur Permendagri 90/2019 (U.BB.PP, U.BB.PP.K.KK, U.BB.PP.K.KK.SSSS)",
        },
        "spaces": {
            "en": "code '{value}' separates its parts with spaces: write '{hint}'",
            "id": "kode '{value}' memisahkan bagiannya dengan spasi: tulis '{hint}'",
        },
        "bidang": {
            "en": "bidang '{value}' is not a bidang code U.BB",
            "id": "bidang '{value}' bukan kode bidang U.BB",
        },
        "bidang-hint": {
            "en": "bidang '{value}' is not a bidang code U.BB; did you mean '{hint}'?",
            "id": "bidang '{value}' bukan kode bidang U.BB; maksudnya '{hint}'?",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, _kind, code, parts in _coded_elements(ctx):
            if parts is not None:
                continue
            if old_nomenclature(code):
                yield ctx.finding(self, node, "old", field="code", value=code)
                continue
            spaced = "." .join(code.split())
            if spaced != code.strip() and parse_code(spaced) is not None:
                yield ctx.finding(self, node, "spaces", field="code", value=code, hint=spaced)
                continue
            hint = _repair(code)
            parts = code.strip().split(".")
            if hint is not None and len(parts) >= 5 and len(parts[3]) == 2 and parts[3].startswith("0"):
                yield ctx.finding(self, node, "padded", field="code", value=code, digit=parts[3], hint=hint)
            elif hint is not None:
                yield ctx.finding(self, node, "hint", field="code", value=code, hint=hint)
            else:
                yield ctx.finding(self, node, field="code", value=code)
        for node in ctx.nodes_of("unit"):
            for i, entry in enumerate(ctx.graph._node[node]["model"].bidang):
                parts = parse_code(entry)
                if parts is not None and len(parts) == 2:
                    continue
                hint = _repair(entry, max_parts=2)
                if hint is not None:
                    yield ctx.finding(self, node, "bidang-hint", field=("bidang", i), value=entry, hint=hint)
                else:
                    yield ctx.finding(self, node, "bidang", field=("bidang", i), value=entry)


class CodeKind(Rule):
    """The code's length does not match the element kind: program 3 parts, kegiatan 5, sub_kegiatan 6.

    A program is ``U.BB.PP``, a kegiatan ``U.BB.PP.K.KK``, a sub_kegiatan ``U.BB.PP.K.KK.SSSS``.
    Only well-formed codes are compared (a malformed one is CAS601).

    Why: a kegiatan coded as a program (or the reverse) is usually a row shifted in the spreadsheet
    the plan came from; the element then claims the budget and indicators of another level.

    Basis: Permendagri 90/2019 (the code of each level extends the code of the level above).

    Failing::

        - id: P1
          kind: program
          name: Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat
          code: "1.02.02.2.01"

    Passing::

        - id: P1
          kind: program
          name: Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat
          code: "1.02.02"
    """

    code = "CAS602"
    scope = "document"
    name = "code-kind"
    severity = Severity.ERROR
    messages = {
        "default": {
            "en": "a {kind} code has {want} parts ({shape}); '{value}' has {parts}",
            "id": "kode {kind} terdiri atas {want} bagian ({shape}); '{value}' terdiri atas {parts}",
        },
    }

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, kind, code, parts in _coded_elements(ctx):
            want = CODED_KINDS[kind]
            if parts is not None and len(parts) != want:
                yield ctx.finding(self, node, field="code", kind=kind, want=want, shape=_SHAPES[want], value=code, parts=len(parts))


class AuthorityLevel(Rule):
    """Kegiatan authority digit ``1`` (provinsi) in a kab/kota document, or ``2`` in a province's.

    The fourth part of a kegiatan or sub_kegiatan code says whose authority it is: ``1`` provinsi,
    ``2`` kabupaten/kota. The document's level comes from its region code (``35`` a province,
    ``35.77`` a kota); rpjmn documents have no region and are not checked. A name that says the
    other level is reported too: the case seen in the wild labels ``1.02.02.2.01`` (a kab/kota
    kegiatan) "Kewenangan Daerah Provinsi" (reported at the name; a code that contradicts its
    document is reported first and alone).

    Why: the nomenclature has separate annexes per level; a provincial kegiatan in a kota plan is
    a matter the kota has no authority over, and SIPD rejects it.

    Basis: Permendagri 90/2019 (lampiran per tingkat pemerintahan: digit 1 provinsi, 2 kabupaten/kota).

    Failing (in a document whose region is ``35.77``, Kota Madiun)::

        - id: K1
          kind: kegiatan
          name: Penyusunan Proyeksi Neraca Pangan Wilayah Provinsi
          code: "2.09.03.1.01"

    Passing::

        - id: K1
          kind: kegiatan
          name: Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota
          code: "1.02.02.2.01"
    """

    code = "CAS603"
    scope = "document"
    name = "authority-level"
    severity = Severity.ERROR
    messages = {
        "kabkota": {
            "en": "code '{value}' has authority digit 1 (provinsi), but {doc} is a kabupaten/kota document (region {region}): use a digit-2 kegiatan",
            "id": "kode '{value}' berdigit kewenangan 1 (provinsi), padahal {doc} dokumen kabupaten/kota (wilayah {region}): gunakan kegiatan berdigit 2",
        },
        "province": {
            "en": "code '{value}' has authority digit 2 (kabupaten/kota), but {doc} is a province document (region {region}): use a digit-1 kegiatan",
            "id": "kode '{value}' berdigit kewenangan 2 (kabupaten/kota), padahal {doc} dokumen provinsi (wilayah {region}): gunakan kegiatan berdigit 1",
        },
        "name-province": {
            "en": "the name says Kewenangan Daerah Provinsi, but code '{value}' has authority digit 2 (kabupaten/kota)",
            "id": "nama menyebut Kewenangan Daerah Provinsi, padahal kode '{value}' berdigit kewenangan 2 (kabupaten/kota)",
        },
        "name-kabkota": {
            "en": "the name says Kewenangan Daerah Kabupaten/Kota, but code '{value}' has authority digit 1 (provinsi)",
            "id": "nama menyebut Kewenangan Daerah Kabupaten/Kota, padahal kode '{value}' berdigit kewenangan 1 (provinsi)",
        },
    }

    _NAMED = (("kewenangan daerah provinsi", "2", "name-province"), ("kewenangan daerah kabupaten kota", "1", "name-kabkota"))

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        for node, _kind, code, parts in _coded_elements(ctx):
            if parts is None or len(parts) < 5:
                continue
            digit = parts[3]
            doc = G._node[node]["doc"]
            region = G._node[doc]["region"]
            if region is not None:
                province = len(region) == 2
                if digit == "1" and not province:
                    yield ctx.finding(self, node, "kabkota", field="code", value=code, doc=doc, region=region)
                    continue
                if digit == "2" and province:
                    yield ctx.finding(self, node, "province", field="code", value=code, doc=doc, region=region)
                    continue
            name = normalize_name(G._node[node]["name"])
            for phrase, wrong, variant in self._NAMED:
                if digit == wrong and phrase in name:
                    yield ctx.finding(self, node, variant, field="name", value=code)


class CodeParentPrefix(Rule):
    """A kegiatan code that does not extend its parent program's code (likewise sub_kegiatan/kegiatan).

    A kegiatan ``1.02.02.2.01`` belongs to program ``1.02.02``; a sub_kegiatan
    ``1.02.02.2.01.0001`` to kegiatan ``1.02.02.2.01``. Compared only when both codes are well
    formed and of the right length for their kinds (otherwise CAS601 or CAS602 already says so), and
    the parent is of the kind directly above (otherwise CAS204).

    Why: the element tree and the nomenclature tree must agree; a kegiatan filed under the wrong
    program moves its budget and results to another program's account.

    Basis: Permendagri 90/2019 (each code extends the code of the level above).

    Failing::

        - {id: P1, kind: program, name: Program Pemenuhan Upaya Kesehatan, code: "1.02.02"}
        - id: K1
          kind: kegiatan
          parent: P1
          name: Penyediaan Gaji dan Tunjangan ASN
          code: "5.01.01.2.02"

    Passing::

        - {id: P1, kind: program, name: Program Pemenuhan Upaya Kesehatan, code: "1.02.02"}
        - id: K1
          kind: kegiatan
          parent: P1
          name: Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP
          code: "1.02.02.2.01"
    """

    code = "CAS604"
    scope = "document"
    name = "code-parent-prefix"
    severity = Severity.ERROR
    messages = {
        "default": {
            "en": "{kind} code '{value}' does not extend the code '{parent_code}' of its {parent_kind} {parent}",
            "id": "kode {kind} '{value}' bukan turunan kode '{parent_code}' dari {parent_kind} induknya {parent}",
        },
    }

    _PARENT_KIND = {"kegiatan": "program", "sub_kegiatan": "kegiatan"}

    def check(self, ctx: "Context") -> Iterator[Finding]:
        G = ctx.graph
        parts_of = code_parts(ctx)
        for node, kind, code, parts in _coded_elements(ctx):
            parent_kind = self._PARENT_KIND.get(kind)
            if parent_kind is None or parts is None or len(parts) != CODED_KINDS[kind]:
                continue
            parent = _parent(ctx, node)
            if parent is None or G._node[parent]["kind"] != parent_kind:
                continue
            parent_code = G._node[parent]["model"].code
            pparts = parts_of(parent_code)
            if pparts is None or len(pparts) != CODED_KINDS[parent_kind]:
                continue
            if parts[: len(pparts)] != pparts:
                yield ctx.finding(
                    self, node, field="code", kind=kind, value=code, parent_code=parent_code, parent_kind=parent_kind, parent=parent
                )


class UrusanBidang(Rule):
    """A bidang outside its urusan (1: 01-06, 2: 07-24, 3: 25-32), or an urusan digit that names none.

    Urusan 1 (wajib pelayanan dasar) has bidang 01-06, urusan 2 (wajib non pelayanan dasar) 07-24,
    urusan 3 (pilihan) 25-32; urusan 4 to 8 (pendukung, penunjang, pengawasan, kewilayahan,
    pemerintahan umum) number their own units and are not range-checked; 0 and 9 are no urusan.
    Checked on element codes (as CAS601 selects them) and unit ``bidang`` entries, when well formed.

    Why: a bidang number is global: ``1.07`` is not "the seventh bidang of urusan 1" but a code
    that does not exist, usually a mistyped ``2.07`` (tenaga kerja).

    Basis: Permendagri 90/2019 (klasifikasi urusan dan bidang urusan).

    Failing::

        - {id: P1, kind: program, name: Program Perencanaan Tenaga Kerja, code: "1.07.02"}

    Passing::

        - {id: P1, kind: program, name: Program Perencanaan Tenaga Kerja, code: "2.07.02"}
    """

    code = "CAS605"
    scope = "document"
    name = "urusan-bidang"
    severity = Severity.ERROR
    messages = {
        "default": {
            "en": "bidang {bidang} in '{value}' is not a bidang of urusan {urusan} ({low}-{high})",
            "id": "bidang {bidang} pada '{value}' bukan bidang dari urusan {urusan} ({low}-{high})",
        },
        "urusan": {
            "en": "urusan digit {urusan} in '{value}' names no urusan (1-8)",
            "id": "digit urusan {urusan} pada '{value}' tidak menunjuk urusan mana pun (1-8)",
        },
    }

    def _check(self, ctx: "Context", node: str, field: object, code: str, parts: tuple[str, ...] | None) -> Finding | None:
        if parts is None:
            return None
        urusan, bidang = parts[0], parts[1]
        if urusan not in _URUSAN:
            return ctx.finding(self, node, "urusan", field=field, urusan=urusan, value=code)
        bounds = _BIDANG_RANGES.get(urusan)
        if bounds is not None and not bounds[0] <= int(bidang) <= bounds[1]:
            low, high = bounds
            return ctx.finding(self, node, field=field, bidang=bidang, value=code, urusan=urusan, low=f"{low:02d}", high=f"{high:02d}")
        return None

    def check(self, ctx: "Context") -> Iterator[Finding]:
        for node, _kind, code, parts in _coded_elements(ctx):
            found = self._check(ctx, node, "code", code, parts)
            if found is not None:
                yield found
        for node in ctx.nodes_of("unit"):
            for i, entry in enumerate(ctx.graph._node[node]["model"].bidang):
                found = self._check(ctx, node, ("bidang", i), entry, parse_code(entry))
                if found is not None:
                    yield found
