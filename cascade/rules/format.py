"""CAS1xx: one document against the format. Findings come from :mod:`cascade.schema`."""

from __future__ import annotations

from ..core.findings import Severity
from .base import Rule


class MissingField(Rule):
    """A required field is absent.

    Required: ``document.id``, ``kind``, ``title``, ``period`` (``start``, ``end``); ``region`` for
    rpjmd, renstra and skp; ``agency`` for renstra and skp; an element's ``id``, ``kind`` and
    ``name``; an indicator's ``id`` and ``name``; a unit's ``id`` and ``name``; the ``employee`` of
    every skp ``rhk`` with its ``nip``, ``name`` and ``unit``. Required text that is empty or only
    spaces (``name: ""``, a blank web form field) is missing too (variant ``blank``). An item without
    its id, kind or name is left out of the graph (references to it then fail); any other bad value
    costs only itself.

    Why: a plan row without its required fields cannot be placed in the cascade or measured, so every
    check that needs the field would pass it silently.

    Basis: Permendagri 86/2017 tables (every sasaran has its indikator, satuan, kondisi awal and
    target); PermenPANRB 6/2022 (every SKP names its pegawai).

    Failing::

        document: {id: kota-madiun.rpjmd-2019, kind: rpjmd, title: RPJMD Kota Madiun}

    Passing::

        document:
          id: kota-madiun.rpjmd-2019
          kind: rpjmd
          title: RPJMD Kota Madiun 2019-2024
          period: {start: 2019, end: 2024}
          region: {code: "35.77", name: Kota Madiun}
    """

    code = "CAS101"
    name = "missing-field"
    severity = Severity.ERROR
    stage = True
    messages = {
        "default": {"en": "required field '{field}' is missing", "id": "field wajib '{field}' tidak ada"},
        "blank": {"en": "required field '{field}' is empty", "id": "field wajib '{field}' kosong"},
        "empty": {"en": "the file is empty: a plan document starts with 'document:'", "id": "berkas kosong: dokumen rencana diawali dengan 'document:'"},
        "for-kind": {"en": "a document of kind {kind} needs '{field}'", "id": "dokumen berjenis {kind} memerlukan '{field}'"},
    }


class UnknownField(Rule):
    """A field the format does not know, with a did-you-mean.

    A misspelt ``satuan``/``unti`` is not a harmless extra: the value it was meant to set is absent,
    and with it a whole check. Indonesian field names that planners naturally write (``satuan``,
    ``target``, ``indikator``) are mapped to their English names in the hint. A field allowed only in
    some document kinds (``employee`` in skp, ``owner`` in renstra and skp, ``organization`` in
    renstra) is reported in the others.

    An unquoted value with a comma in a flow mapping (``{name: Dinas Kesehatan, Kab. X}``) is split
    by YAML: ``Kab. X`` becomes a field without value. When the unknown field has no value, stands on
    the line of the field before it and that field holds text, the message says to quote the value
    (``name: "Dinas Kesehatan, Kab. X"``) instead of listing the allowed fields.

    Why: a misspelt field is a value that is silently absent, and with it the check that reads it.

    Basis: FORMAT.md (field names are English and fixed).

    Failing::

        indicators:
          - id: S1.I1
            name: Angka Harapan Hidup
            satuan: tahun

    Passing::

        indicators:
          - id: S1.I1
            name: Angka Harapan Hidup
            unit: tahun
    """

    code = "CAS102"
    name = "unknown-field"
    severity = Severity.ERROR
    stage = True
    messages = {
        "default": {"en": "unknown field '{field}' (allowed: {allowed})", "id": "field '{field}' tidak dikenal (yang diperbolehkan: {allowed})"},
        "hint": {"en": "unknown field '{field}'; did you mean '{hint}'?", "id": "field '{field}' tidak dikenal; maksudnya '{hint}'?"},
        "for-kind": {"en": "'{field}' is not used in a {kind} document (only in {kinds})", "id": "'{field}' tidak dipakai dalam dokumen {kind} (hanya dalam {kinds})"},
        "comma": {
            "en": "unknown field '{field}': the comma in an unquoted value of a flow mapping split it; quote the value: {before}: \"{value}\"",
            "id": "field '{field}' tidak dikenal: koma dalam nilai tanpa tanda kutip di dalam mapping {{...}} memotongnya; beri tanda kutip: {before}: \"{value}\"",
        },
    }


class WrongType(Rule):
    """A value of the wrong type, including a number written as ambiguous text.

    ``"72,6"`` (decimal comma) and ``"1.234"`` (dot as thousands separator, or a decimal point?)
    are never guessed: the message says how to write the number (``72.6``, ``1234``). A quoted
    decimal that can be read only one way (``"72.6"``) is accepted as the number.

    Why: a value of the wrong type is dropped, and a number guessed from ambiguous text can be wrong by
    a factor of a thousand.

    Basis: FORMAT.md ("numbers are never guessed from ambiguous text"); PermenPANRB 88/2021
    criterion 2.5 (measurable targets).

    Failing::

        targets: {2020: "72,6", 2021: "1.234"}

    Passing::

        targets: {2020: 72.6, 2021: 1234}
    """

    code = "CAS103"
    name = "wrong-type"
    severity = Severity.ERROR
    stage = True
    messages = {
        "default": {"en": "'{field}' must be {expected}, not {got}", "id": "'{field}' harus berupa {expected_id}, bukan {got_id}"},
        "ambiguous": {
            "en": "'{field}: {text}' is not a number cascade will guess; write {hint}",
            "id": "'{field}: {text}' bukan angka yang bisa ditebak; tuliskan {hint}",
        },
        "top-level": {"en": "a plan document is a mapping starting with 'document:', not {got}", "id": "dokumen rencana berupa mapping yang diawali 'document:', bukan {got_id}"},
    }


class InvalidValue(Rule):
    """A value outside its allowed set or form.

    Document and element kinds, indicator ``type`` and ``polarity``, unit ``level``, id syntax
    (document ids ``[a-z0-9][a-z0-9._-]*``, local ids ``[A-Za-z0-9][A-Za-z0-9._-]*``), references
    (``document-id:local-id``), region codes (``NN`` or ``NN.NN``, ASCII digits), a ``period`` that
    ends before it starts or spans more than 30 years (``cascade.core.models.MAX_PERIOD_YEARS``: the
    longest plan, the RPJPN/RPJPD, covers 20; a typo such as ``end: 20244`` would otherwise ask for
    18,000 yearly targets). A document with such a period keeps no years: no target is asked for.
    A ``targets`` year key not written plainly (``02019``, ``2_019``, ``+2019``, ``2019.0``,
    ``" 2019"``) is reported with the spelling to use, and one that is no year of four digits
    (``-2019``, ``0``) is reported and left out; two keys meaning the same year are CAS002.
    An skp employee's ``nip`` that is not 18 ASCII digits (the NIP of BKN: birth date 8, TMT CPNS
    year-month 6, sex 1, serial 3; only the form is checked) is reported with its value masked whole
    unless ``--show-personal``, as every output masks a ``nip`` of any form.

    Why: a value outside its set (a kind, a polarity, an id or region code) makes the element's place
    in the cascade, or its direction, unknown.

    Basis: FORMAT.md; Permendagri 86/2017 (the element levels of each plan); UU 25/2004 (SPPN): RPJP
    20 years, RPJMN/RPJMD and renstra 5, RKP 1.

    Failing::

        - id: S1
          kind: sasaran_strategis
          name: Meningkatnya derajat kesehatan

    Passing::

        - id: S1
          kind: sasaran
          name: Meningkatnya derajat kesehatan
    """

    code = "CAS104"
    name = "invalid-value"
    severity = Severity.ERROR
    stage = True
    messages = {
        "choice": {"en": "'{field}' is {value}; expected one of {allowed}", "id": "'{field}' bernilai {value}; yang diharapkan salah satu dari {allowed}"},
        "pattern": {"en": "'{field}' has an invalid form: {value}", "id": "bentuk '{field}' tidak valid: {value}"},
        "element-kind": {
            "en": "'{value}' is not an element kind of a {kind} document; expected one of {allowed}",
            "id": "'{value}' bukan jenis elemen dokumen {kind}; yang diharapkan salah satu dari {allowed}",
        },
        "period-length": {
            "en": "'period' {start}-{end} spans {years} years; a plan covers at most {max}",
            "id": "'period' {start}-{end} mencakup {years} tahun; sebuah rencana paling lama {max} tahun",
        },
        "year-key": {
            "en": "target year '{value}' is not written plainly; write {year}",
            "id": "tahun target '{value}' tidak ditulis biasa; tulis {year}",
        },
        "year-range": {
            "en": "target year '{value}' is not a year of four digits; the target was left out",
            "id": "tahun target '{value}' bukan tahun empat digit; target itu tidak dipakai",
        },
        "nip": {
            "en": "'nip' is {value} ({length} characters); a NIP is 18 digits 0-9",
            "id": "'nip' bernilai {value} ({length} karakter); NIP terdiri atas 18 digit 0-9",
        },
        "period-order": {
            "en": "'period' ends in {end}, before it starts in {start}",
            "id": "'period' berakhir pada {end}, sebelum dimulai pada {start}",
        },
        "default": {"en": "invalid value", "id": "nilai tidak valid"},
    }
