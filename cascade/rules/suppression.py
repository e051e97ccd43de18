"""CAS901-CAS902: the suppressions themselves. Findings come from :mod:`cascade.suppress`."""

from __future__ import annotations

from ..core.findings import Severity
from .base import Rule


class UnusedSuppression(Rule):
    """An inline or configured suppression that matched no finding.

    A ``# cascade: ignore[...]`` comment silences the named rules on its own line (a trailing
    comment) or on the next line that is not blank or a comment (a comment on its own line);
    ``# cascade: ignore-file[...]`` silences them in the whole file; ``per-file-ignores`` in the
    configuration silences them in the files a glob matches. When the defect is fixed the
    suppression stays behind and would silently hide the next, unrelated defect of that rule, so a
    rule named in a suppression that silenced nothing is reported, once per rule named. A rule that
    did not run (deselected with ``--select``/``--ignore``) is not judged: it cannot have matched.
    CAS001 yaml-syntax and CAS005 file-limit are never suppressed (see CAS902), so a prefix such as
    ``CAS0`` is judged only by the other rules it names.

    Why: an exemption left behind after its defect is fixed would silently hide the next defect of that
    rule on that line.

    Basis: the review trail of a plan (SAKIP evaluation, PermenPANRB 88/2021) must show why a
    defect is accepted; a stale exemption is a claim nobody checks.

    Failing::

        - id: S1                  # cascade: ignore[missing-indicator] indicators come in 2025
          kind: sasaran
          name: Meningkatnya derajat kesehatan masyarakat
          indicators:
            - {id: S1.I1, name: Angka Harapan Hidup, unit: tahun}

    Passing::

        - id: S1
          kind: sasaran
          name: Meningkatnya derajat kesehatan masyarakat
          indicators:
            - {id: S1.I1, name: Angka Harapan Hidup, unit: tahun}
    """

    code = "CAS901"
    name = "unused-suppression"
    severity = Severity.WARNING
    stage = True
    messages = {
        "default": {
            "en": "suppression of {selector} matched no finding; remove it",
            "id": "penekanan {selector} tidak mengenai temuan apa pun; hapus",
        },
        "per-file": {
            "en": "per-file-ignores '{pattern}' = {selector} matched no finding; remove it",
            "id": "per-file-ignores '{pattern}' = {selector} tidak mengenai temuan apa pun; hapus",
        },
    }


class InvalidSuppression(Rule):
    """A suppression that names no rule, or is not written the way cascade reads it.

    A suppression must name the rules it silences, by code (``CAS302``), code prefix (``CAS3``) or
    name (``orphan-indicator``), comma-separated in brackets: ``# cascade: ignore[orphan-indicator]``.
    A blanket ``# cascade: ignore`` would hide every future defect on that line, so it is refused,
    and so is any selector, or list of selectors, that covers every rule (``ALL``, ``CAS``, ``C``,
    ``CAS0, CAS1, ..., CAS7``): ``ignore-file[CAS]`` would silence a whole file. Every rule means
    every rule that can report on a plan: the suppression rules CAS9xx, which report on the comments
    themselves, need not be named. A blanket may be split over several comments and is one all the
    same: when the ``ignore-file`` comments of a file together cover every rule, or they and the
    ``ignore`` comments covering one line do, each of those comments is CAS902 (``blanket-union``).
    A blanket suppression silences nothing. Also refused: a rule name that does not exist (usually a typo,
    which would otherwise silence nothing while looking as if it did), and a suppression of CAS001
    yaml-syntax or CAS005 file-limit alone. Those two are never suppressed, by a comment or by
    ``per-file-ignores``, not even through a prefix such as ``CAS0``: the file could not be read,
    or was not read, so nothing written in it, the suppression comment included, can be trusted,
    and a silenced CAS001 would hide that every check of the file was skipped. Text after the
    brackets is the reason and is encouraged.

    Why: a blanket or misspelt suppression either hides every future defect or nothing at all while
    looking as if it hid one.

    Basis: RULES.md (codes and names are the contract users write against); an exemption must say
    what it exempts.

    Failing::

        # cascade: ignore-file[CAS] dokumen lama
        - id: P1   # cascade: ignore[orphan-elemnt] program baru, belum ada di RPJMD

    Passing::

        - id: P1   # cascade: ignore[orphan-element] program baru, belum ada di RPJMD
    """

    code = "CAS902"
    name = "invalid-suppression"
    severity = Severity.ERROR
    stage = True
    messages = {
        "default": {
            "en": "suppression names no rule: write '# cascade: ignore[rule-name] reason'",
            "id": "penekanan tidak menyebut aturan: tulis '# cascade: ignore[nama-aturan] alasan'",
        },
        "blanket": {
            "en": "suppression of '{selector}' covers every rule: name the rules it silences",
            "id": "penekanan '{selector}' mencakup semua aturan: sebutkan aturan yang dibungkamnya",
        },
        "blanket-union": {
            "en": "suppression of '{selector}' with the suppressions on line {lines} covers every rule: name the rules it silences",
            "id": "penekanan '{selector}' bersama penekanan di baris {lines} mencakup semua aturan: sebutkan aturan yang dibungkamnya",
        },
        "unknown": {
            "en": "suppression names an unknown rule '{selector}'",
            "id": "penekanan menyebut aturan yang tidak dikenal '{selector}'",
        },
        "unknown-hint": {
            "en": "suppression names an unknown rule '{selector}'; did you mean '{hint}'?",
            "id": "penekanan menyebut aturan yang tidak dikenal '{selector}'; maksudnya '{hint}'?",
        },
        "unsuppressible": {
            "en": "'{selector}' cannot be suppressed: the file could not be read, so nothing in it, this comment included, is trusted",
            "id": "'{selector}' tidak dapat ditekan: berkas tidak dapat dibaca, sehingga tidak ada isinya, termasuk komentar ini, yang dipercaya",
        },
        "directive": {
            "en": "unknown directive 'cascade: {directive}'; use ignore[...] or ignore-file[...]",
            "id": "perintah 'cascade: {directive}' tidak dikenal; gunakan ignore[...] atau ignore-file[...]",
        },
    }
