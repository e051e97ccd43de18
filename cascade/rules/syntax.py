"""CAS0xx: the file as YAML. Findings of these rules come from the loader (:mod:`cascade.loader`)."""

from __future__ import annotations

from ..core.findings import Severity
from .base import Rule


class YamlSyntax(Rule):
    """The file is not parseable YAML.

    Reported at the line and column where the parser gave up, with its complaint. The file yields
    no document; the rest of the workspace is still checked (references into the broken document
    then count as external).

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
    4,000,000 YAML events per file, 65,536 characters per line. Also reported and not read: a FIFO
    or device named ``*.yaml``, and a file found in a folder that is a symbolic link out of that
    folder (a pull request could otherwise point it at a secret of the machine that checks it).

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
        "number": {
            "en": "a number of more than {limit} digits; the document was not read",
            "id": "angka lebih dari {limit} digit; dokumen tidak dibaca",
        },
        "unreadable": {"en": "cannot read the file: {reason}", "id": "berkas tidak dapat dibaca: {reason}"},
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
