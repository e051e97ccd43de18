"""CAS0xx: the file as YAML. Findings of these rules come from the loader (:mod:`cascade.loader`)."""

from __future__ import annotations

from ..core.findings import Severity
from .base import Rule


class YamlSyntax(Rule):
    """The file is not parseable YAML.

    Reported at the line and column where the parser gave up, with its complaint. The file yields
    no document; the rest of the workspace is still checked (references into the broken document
    then count as external). A mapping key that is not text (a list or mapping in YAML; ``None``,
    bytes or a float in a dict passed to ``cascade.load``) is reported at the key, which is left
    out; the rest of its mapping is still checked and kept. This is a reading error: it is always
    reported, as an error, whatever ``select``, ``ignore``, ``[severity]``, a suppression comment,
    ``per-file-ignores`` or a baseline say.

    Why: a file that cannot be read yields no document, so every check of it is silently skipped unless
    the failure itself is reported where it happened.

    Basis: a plan that cannot be read cannot be evaluated; e-SAKIP imports reject it silently.

    Failing::

        elements:
          - id: S1
            name: "Meningkatnya derajat kesehatan

    Passing::

        elements:
          - id: S1
            name: "Meningkatnya derajat kesehatan"
    """

    code = "CAS001"
    name = "yaml-syntax"
    severity = Severity.ERROR
    stage = True
    messages = {
        "default": {"en": "invalid YAML: {problem}", "id": "YAML tidak valid: {problem_id}"},
        "complex-key": {
            "en": "a mapping key must be plain text, not a list or mapping",
            "id": "kunci mapping harus berupa teks, bukan list atau mapping",
        },
        "key-type": {
            "en": "a mapping key must be text, not {got}; the key was left out",
            "id": "kunci mapping harus berupa teks, bukan {got_id}; kunci itu tidak dipakai",
        },
        "multiple-documents": {
            "en": "a plan file holds exactly one YAML document; remove the second '---'",
            "id": "satu berkas rencana berisi tepat satu dokumen YAML; hapus '---' yang kedua",
        },
        "reserved": {
            "en": "a value cannot start with '{char}' unquoted; write it in quotes, e.g. unit: \"%\"",
            "id": "nilai tidak boleh diawali '{char}' tanpa tanda kutip; tulis dengan tanda kutip, misalnya unit: \"%\"",
        },
        "character": {
            "en": "character {char} is not allowed in YAML",
            "id": "karakter {char} tidak diperbolehkan dalam YAML",
        },
    }


class DuplicateKey(Rule):
    """A mapping repeats a key.

    Plain YAML loaders silently keep the last value, so a pasted block can overwrite a target
    without anyone noticing. cascade keeps the first value and reports the repeated key with the
    line of the first. Two ``targets`` keys that mean the same year (``2019`` and ``02019``,
    ``2_019``, ``+2019``, ``2019.0``) are duplicate keys too: the model would keep one year.

    Why: tools disagree on which of two values a repeated key keeps, so the target that counts would
    depend on the tool that reads the plan.

    Basis: PermenPANRB 88/2021 asks for measurable, unambiguous targets; a doubled key makes the
    target depend on the tool that reads it.

    Failing::

        targets: {2020: 72.6, 2021: 72.7}
        unit: tahun
        unit: persen

    Passing::

        targets: {2020: 72.6, 2021: 72.7}
        unit: tahun
    """

    code = "CAS002"
    name = "duplicate-key"
    severity = Severity.ERROR
    stage = True
    messages = {
        "default": {
            "en": "duplicate key '{key}' (first at line {first_line}); the first value is kept",
            "id": "kunci '{key}' ganda (pertama di baris {first_line}); nilai pertama yang dipakai",
        },
        "same-year": {
            "en": "duplicate key '{key}': the same year as '{first}' (line {first_line}); the first value is kept",
            "id": "kunci '{key}' ganda: tahun yang sama dengan '{first}' (baris {first_line}); nilai pertama yang dipakai",
        },
        # a document passed as a dict has no lines: the first key is named by its JSON pointer
        "same-year-pointer": {
            "en": "duplicate key '{key}': the same year as '{first}' (at {first_pointer}); the first value is kept",
            "id": "kunci '{key}' ganda: tahun yang sama dengan '{first}' (di {first_pointer}); nilai pertama yang dipakai",
        },
    }


class YamlAlias(Rule):
    """Anchors, aliases and merge keys are not plain plan YAML.

    Aliases make one value stand in several places, so an edit in one place changes targets
    elsewhere; they are also how "billion laughs" files blow up a loader. cascade never expands an
    alias: the value reads as absent and the alias is reported.

    Why: a value shared through an alias changes in several places at once, and alias expansion is how
    a small file exhausts a reviewer's memory.

    Basis: FORMAT.md ("plain YAML only"); defence against alias bombs in review pipelines.

    Failing::

        baseline: &awal {year: 2018, value: 72.4}
        final: *awal

    Passing::

        baseline: {year: 2018, value: 72.4}
        final: 73.0
    """

    code = "CAS003"
    name = "yaml-alias"
    severity = Severity.ERROR
    stage = True
    messages = {
        "anchor": {
            "en": "anchor '&{name}' is not allowed: write each value out",
            "id": "anchor '&{name}' tidak diperbolehkan: tuliskan setiap nilai secara lengkap",
        },
        "alias": {
            "en": "alias '*{name}' is not allowed and is not expanded: write the value out",
            "id": "alias '*{name}' tidak diperbolehkan dan tidak diperluas: tuliskan nilainya",
        },
        "merge": {
            "en": "merge key '<<' is not allowed: write the keys out",
            "id": "kunci gabung '<<' tidak diperbolehkan: tuliskan kuncinya",
        },
        "default": {"en": "anchors and aliases are not allowed", "id": "anchor dan alias tidak diperbolehkan"},
    }


class YamlTag(Rule):
    """An explicit tag such as ``!!python/object`` or ``!!str``.

    Tags ask a loader to construct objects; in a review pipeline that runs on untrusted pull
    requests that is code execution. cascade constructs nothing from a tag: the value is read as the
    text it is, and the tag is reported.

    Why: a tag asks the reader to construct something; in a pipeline that lints strangers' pull
    requests that is a way to run code.

    Basis: FORMAT.md ("no tags"); PyYAML's unsafe loaders have a history of remote code execution.

    Failing::

        name: !!python/object/apply:os.system ["id"]

    Passing::

        name: Meningkatnya derajat kesehatan masyarakat
    """

    code = "CAS004"
    name = "yaml-tag"
    severity = Severity.ERROR
    stage = True
    messages = {
        "default": {
            "en": "explicit tag '{tag}' is not allowed; the value is read as plain text",
            "id": "tag eksplisit '{tag}' tidak diperbolehkan; nilainya dibaca sebagai teks biasa",
        }
    }


class FileLimit(Rule):
    """The file is too large, too deep, not UTF-8, or unreadable.

    Limits keep one broken or hostile file from stalling a whole review: the file is reported and
    skipped, the rest of the workspace is checked. Defaults: 32 MiB per file, nesting depth 48,
    4,000,000 YAML events per file, 65,536 characters per line (for a document passed as a dict: per
    text, a value or a key, and the same depth and node limits). Also reported and not read: a FIFO
    or device named ``*.yaml``, and a file found in a folder that is a symbolic link out of that
    folder (a pull request could otherwise point it at a secret of the machine that checks it), and
    a workbook (``.xlsx``) when the ``xlsx`` extra (openpyxl) is not installed: the rest is checked.
    This is a reading error: it is always reported, as an error, whatever ``select``, ``ignore``,
    ``[severity]``, a suppression comment, ``per-file-ignores`` or a baseline say.

    Why: one oversized, mis-encoded or special file must not stall or crash the review of all the
    others.

    Basis: plan YAML is typed by hand and exported from spreadsheets; exports in Windows-1252 or
    UTF-16 are common and must be converted, not misread.

    Failing: a file saved as UTF-16 or containing the byte ``0xE9`` from a Latin-1 export.

    Passing: the same file saved as UTF-8.
    """

    code = "CAS005"
    name = "file-limit"
    severity = Severity.ERROR
    stage = True
    messages = {
        "size": {
            "en": "file is {size} bytes, over the limit of {limit}; it was not read",
            "id": "berkas berukuran {size} byte, melebihi batas {limit}; berkas tidak dibaca",
        },
        "depth": {
            "en": "nesting deeper than {limit} levels; the file was not read further",
            "id": "susunan bersarang lebih dari {limit} tingkat; berkas tidak dibaca lebih lanjut",
        },
        "nodes": {
            "en": "more than {limit} YAML nodes; the file was not read further",
            "id": "lebih dari {limit} simpul YAML; berkas tidak dibaca lebih lanjut",
        },
        "line": {
            "en": "a line longer than {limit} characters; the file was not read",
            "id": "baris lebih panjang dari {limit} karakter; berkas tidak dibaca",
        },
        "encoding": {
            "en": "not UTF-8 (byte {byte}); save the file as UTF-8",
            "id": "bukan UTF-8 (byte {byte}); simpan berkas sebagai UTF-8",
        },
        "many": {
            "en": "more than {limit} anchors, aliases, tags or duplicate keys; the file was not read further",
            "id": "lebih dari {limit} anchor, alias, tag, atau kunci ganda; berkas tidak dibaca lebih lanjut",
        },
        "text": {
            "en": "a text of {length} characters, over the limit of {limit}; the document was not read",
            "id": "teks sepanjang {length} karakter, melebihi batas {limit}; dokumen tidak dibaca",
        },
        "number": {
            "en": "a number of more than {limit} digits; the document was not read",
            "id": "angka lebih dari {limit} digit; dokumen tidak dibaca",
        },
        "unreadable": {"en": "cannot read the file: {reason}", "id": "berkas tidak dapat dibaca: {reason_id}"},
        "extra": {
            "en": "a workbook, not read: reading workbooks needs openpyxl (pip install 'sakip-cascade[xlsx]')",
            "id": "buku kerja, tidak dibaca: membaca buku kerja memerlukan openpyxl (pip install 'sakip-cascade[xlsx]')",
        },
        "workbook": {
            "en": "workbook over a limit: {reason}; it was not read",
            "id": "buku kerja melampaui batas: {reason_id}; berkas tidak dibaca",
        },
        "outside": {
            "en": "a symbolic link to a file outside the folder being checked; it was not read (name the file itself to check it)",
            "id": "tautan simbolik ke berkas di luar folder yang diperiksa; berkas tidak dibaca (sebutkan berkasnya langsung untuk memeriksanya)",
        },
        "hidden-link": {
            "en": "a symbolic link to a hidden file or to a file that is not a plan; it was not read (name the file itself to check it)",
            "id": "tautan simbolik ke berkas tersembunyi atau ke berkas yang bukan dokumen rencana; berkas tidak dibaca (sebutkan berkasnya langsung untuk memeriksanya)",
        },
        "missing": {
            "en": "no such file or folder; nothing was checked here",
            "id": "berkas atau folder tidak ada; tidak ada yang diperiksa di sini",
        },
        "default": {"en": "file limit exceeded", "id": "batas berkas terlampaui"},
    }


class AmbiguousScalar(Rule):
    """An unquoted value in a text field that YAML 1.1 tools read as a number, boolean or date.

    cascade reads it as the text written (``1.10`` stays ``1.10``), but spreadsheets, portals and
    ``yaml.safe_load`` turn ``1.10`` into ``1.1``, ``010`` into ``8``, ``no`` into ``False`` and
    ``35.20`` into ``35.2``: a nomenclature or region code silently changes. Quote it.

    Why: the same file must mean the same to every tool that reads it; a code that loses its zeros in
    another tool points at another program or region.

    Basis: Permendagri 90/2019 codes and Kemendagri region codes are text with significant zeros.

    Failing::

        code: 1.02.10
        region: {code: 35.20, name: Kabupaten Magetan}

    Passing::

        code: "1.02.10"
        region: {code: "35.20", name: Kabupaten Magetan}
    """

    code = "CAS006"
    name = "ambiguous-scalar"
    severity = Severity.WARNING
    stage = True
    messages = {
        "default": {
            "en": "'{field}: {value}' is read as text here, but YAML 1.1 tools read it as a {kind}; quote it: \"{value}\"",
            "id": "'{field}: {value}' dibaca sebagai teks di sini, tetapi perangkat YAML 1.1 membacanya sebagai {kind_id}; beri tanda kutip: \"{value}\"",
        }
    }


class TableCell(Rule):
    """A cell of a plan table (a workbook or CSV read through its layout) cannot be read safely.

    The finding stands at the cell (``file`` the workbook, ``line`` its row, ``column`` its column,
    ``cell`` as ``"Sheet!E14"``; in a CSV, ``line`` and ``column`` are where the cell's characters
    stand in the file). Reported: a number written as text that reads two ways without a declared
    number locale (``1.234`` is 1234 in Indonesian tables and 1.234 in English ones), a number
    written against the declared locale (``3.5`` in a table read with ``locale: id``, where ``3,5``
    is written beside it), a number written with non-ASCII digits (full-width ``７２``, Arabic-Indic
    ``٧٢``: Python reads them, YAML and spreadsheets do not; the message gives the ASCII spelling),
    text where an amount is expected, a formula (cascade never evaluates formulas; paste the values), and
    one indicator whose cells carry different glued units (``72%`` beside ``72 orang``). The value is
    left out rather than guessed; the rest of the table is read.

    Why: a silently misread target or pagu is worse than none: a thousands dot read as a decimal
    turns Rp 1.250.000 into 1.25.

    Basis: Permendagri 86/2017 prescribes the tables (T-C.27, the RPJMD tujuan/sasaran table) but not
    a number format; pemda tables mix Indonesian and English separators, and SIPD exports text.

    Failing: a target cell holding the text ``2,500`` in a table whose layout declares no locale.

    Passing: the same table with ``locale: id`` in its sidecar (2,5), or the cell holding a number.
    """

    code = "CAS007"
    name = "table-cell"
    severity = Severity.ERROR
    stage = True
    messages = {
        "ambiguous": {
            "en": "'{text}' reads two ways (thousands or decimals); declare locale: id or en in the sidecar or layout",
            "id": "'{text}' dapat dibaca dua cara (ribuan atau desimal); nyatakan locale: id atau en di sidecar atau layout",
        },
        "not-number": {
            "en": "'{text}' is not a number; the value was left out",
            "id": "'{text}' bukan angka; nilainya tidak dibaca",
        },
        "digits": {
            "en": "'{text}' is written with non-ASCII digits; write {hint}; the value was left out",
            "id": "'{text}' ditulis dengan angka non-ASCII; tuliskan {hint}; nilainya tidak dibaca",
        },
        "locale": {
            "en": "'{text}' is not a number as locale {locale} writes them (id: 1.250.000,5; en: 1,250,000.5); the value was left out",
            "id": "'{text}' bukan angka menurut locale {locale} (id: 1.250.000,5; en: 1,250,000.5); nilainya tidak dibaca",
        },
        "formula": {
            "en": "the cell holds a formula ({formula}); formulas are never evaluated: paste the values",
            "id": "sel berisi rumus ({formula}); rumus tidak pernah dihitung: tempel sebagai nilai",
        },
        "units": {
            "en": "the indicator's cells carry different units ({units}); write the satuan in its own column",
            "id": "sel indikator memuat satuan berbeda ({units}); tulis satuan di kolomnya sendiri",
        },
        "default": {"en": "the cell cannot be read", "id": "sel tidak dapat dibaca"},
    }


class TableLayout(Rule):
    """A plan table does not fit its layout or sidecar.

    Reported: a sidecar without a ``document:`` block, an unknown layout, a sheet the workbook
    does not have, no header row the layout recognises, a second table on the same sheet below the
    first (the first is read; name the second with ``range:`` in a further sidecar entry), an
    indicator row with no element cell above it (not read, never dropped silently), and a
    ``links:`` entry naming an element id the table does not produce. In a realisasi table
    (``layout: realisasi``): a target, realisasi or capaian column whose header names no year when
    the sidecar gives no ``year:``, two columns giving the same value of the same year, a row with
    values and no indicator name, and a ``names:`` entry that no row prints.

    Why: what a table does not say (the document id, period, region, upper links) cannot be guessed;
    a table read with the wrong layout would give silently wrong elements.

    Basis: the tables of Permendagri 86/2017 carry no document id, region code or RPJMD links.

    Failing: ``renstra.xlsx`` with ``layout: rpjmd`` in its sidecar, whose header has no RPJMD columns.

    Passing: ``renstra.xlsx`` with ``layout: renstra-tc27``.
    """

    code = "CAS008"
    name = "table-layout"
    severity = Severity.ERROR
    stage = True
    messages = {
        "sidecar": {
            "en": "the sidecar holds no document: block (a mapping, or a list of them)",
            "id": "sidecar tidak memuat blok document: (sebuah mapping, atau daftarnya)",
        },
        "layout": {"en": "cannot use the layout: {reason}", "id": "layout tidak dapat dipakai: {reason_id}"},
        "range": {
            "en": "range: '{range}' is not a cell range such as A5:T40",
            "id": "range: '{range}' bukan rentang sel seperti A5:T40",
        },
        "sheet": {
            "en": "the workbook has no sheet '{sheet}' (sheets: {sheets})",
            "id": "buku kerja tidak memiliki sheet '{sheet}' (sheet: {sheets})",
        },
        "no-header": {
            "en": "no header row of layout {layout} found on sheet '{sheet}'",
            "id": "baris judul kolom layout {layout} tidak ditemukan di sheet '{sheet}'",
        },
        "another-table": {
            "en": "another table starts at row {row} of sheet '{sheet}'; only the first was read (give each a range: in the sidecar)",
            "id": "tabel lain dimulai di baris {row} sheet '{sheet}'; hanya tabel pertama yang dibaca (beri masing-masing range: di sidecar)",
        },
        "no-element": {
            "en": "row {row} has an indicator but no element above it (no tujuan, sasaran or program cell); it was not read",
            "id": "baris {row} memuat indikator tetapi tidak ada elemen di atasnya (tidak ada sel tujuan, sasaran atau program); tidak dibaca",
        },
        "link": {
            "en": "links: names '{id}', which the table does not produce",
            "id": "links: menyebut '{id}', yang tidak dihasilkan tabel",
        },
        "year": {
            "en": "column '{header}' names no year; give the sidecar year: (the year the table reports)",
            "id": "kolom '{header}' tidak menyebut tahun; beri sidecar year: (tahun yang dilaporkan tabel)",
        },
        "column-twice": {
            "en": "column '{header}' gives the same value and year as column {first}; only column {first} is read",
            "id": "kolom '{header}' memberi nilai dan tahun yang sama dengan kolom {first}; hanya kolom {first} yang dibaca",
        },
        "no-indicator": {
            "en": "row {row} has values but no indicator name; it was not read",
            "id": "baris {row} memuat nilai tetapi tanpa nama indikator; tidak dibaca",
        },
        "name": {
            "en": "names: lists '{name}', which no row of the table prints",
            "id": "names: memuat '{name}', yang tidak tercetak di baris mana pun pada tabel",
        },
        "default": {"en": "the table does not fit its layout", "id": "tabel tidak sesuai layout-nya"},
    }


class TableWithoutSidecar(Rule):
    """A workbook or CSV file among the plans has no sidecar, so it is not read as a plan.

    A table is a plan only with its sidecar ``<name>.cascade.yaml`` next to it (the ``document:``
    block and the ``layout:``); other spreadsheets in a plan repository (notes, exports) are skipped
    with this note, never an error. Write the sidecar to have the table checked, or leave the note.

    Why: a Renstra kept as a workbook beside the YAML plans would otherwise be silently unchecked;
    the note says it was seen and why it was not read.

    Basis: the tables of Permendagri 86/2017 carry no document id, region or links; cascade cannot
    know which plan a workbook is without its sidecar.

    Failing: ``renstra.xlsx`` alone in the folder.

    Passing: ``renstra.xlsx`` with ``renstra.cascade.yaml`` beside it.
    """

    code = "CAS009"
    name = "table-without-sidecar"
    severity = Severity.INFO
    stage = True
    messages = {
        "default": {
            "en": "a table without its sidecar {sidecar}; it was not read as a plan",
            "id": "tabel tanpa sidecar {sidecar}; tidak dibaca sebagai rencana",
        },
    }
