"""CAS2xx: structure, the references across the workspace."""

from __future__ import annotations

from ..findings import Severity
from . import Rule


class DuplicateId(Rule):
    """The same document id twice in the workspace, or the same local id twice in a document.

    Elements and indicators share one local id space per document; organisation units have their
    own. The first definition is kept in the graph; the repeated one is reported and left out.

    Basis: FORMAT.md (ids are unique); a reference to a doubled id is ambiguous, so any trace
    through it could be wrong.

    Failing::

        elements:
          - {id: S1, kind: sasaran, name: Meningkatnya derajat kesehatan}
          - {id: S1, kind: sasaran, name: Menurunnya angka kemiskinan}

    Passing::

        elements:
          - {id: S1, kind: sasaran, name: Meningkatnya derajat kesehatan}
          - {id: S2, kind: sasaran, name: Menurunnya angka kemiskinan}
    """

    code = "CAS201"
    name = "duplicate-id"
    severity = Severity.ERROR
    stage = True
    messages = {
        "document": {
            "en": "document id '{id}' is already used by {first}; this document is left out",
            "id": "id dokumen '{id}' sudah dipakai oleh {first}; dokumen ini diabaikan",
        },
        "local": {
            "en": "id '{id}' is used twice in {document}; the second is left out",
            "id": "id '{id}' dipakai dua kali dalam {document}; yang kedua diabaikan",
        },
        "unit": {
            "en": "unit id '{id}' is used twice in {document}; the second is left out",
            "id": "id unit '{id}' dipakai dua kali dalam {document}; yang kedua diabaikan",
        },
        "default": {"en": "duplicate id", "id": "id ganda"},
    }


class UnknownReference(Rule):
    """A ``parent``, ``supports``, ``crosscuts``, ``aligns_to``, ``owner`` or ``unit`` names nothing.

    A reference into a document of the workspace must name an element (or, from an indicator, an
    indicator) of that document; a unit reference must name a unit of the document or of the renstra
    it aligns to. A reference into a document that is not in the workspace is *external*: it cannot
    be checked and is not reported, so one OPD's renstra can be linted with its RPJMD alone. An
    ``aligns_to`` naming an absent document is reported only when it looks like a typo of a present
    one.

    Basis: PermenPANRB 89/2021 (cascading is a chain of named links: a link to nothing is no link).

    Failing::

        - id: P1
          kind: program
          name: Program Pemenuhan Upaya Kesehatan
          parent: S9          # there is no S9

    Passing::

        - id: P1
          kind: program
          name: Program Pemenuhan Upaya Kesehatan
          parent: S1
    """

    code = "CAS202"
    name = "unknown-reference"
    severity = Severity.ERROR
    stage = True
    messages = {
        "default": {"en": "{field} '{target}' names nothing", "id": "{field} '{target}' tidak merujuk ke apa pun"},
        "hint": {
            "en": "{field} '{target}' names nothing; did you mean '{hint}'?",
            "id": "{field} '{target}' tidak merujuk ke apa pun; maksudnya '{hint}'?",
        },
        "wrong-type": {
            "en": "{field} '{target}' names an {found}, not an {want}",
            "id": "{field} '{target}' merujuk ke {found}, bukan {want}",
        },
        "unit": {
            "en": "{field} '{target}' is not a unit of the OPD's organisation",
            "id": "{field} '{target}' bukan unit dalam organisasi OPD",
        },
        "unit-hint": {
            "en": "{field} '{target}' is not a unit of the OPD's organisation; did you mean '{hint}'?",
            "id": "{field} '{target}' bukan unit dalam organisasi OPD; maksudnya '{hint}'?",
        },
        "document": {
            "en": "aligns_to '{target}' is not in the workspace; did you mean '{hint}'?",
            "id": "aligns_to '{target}' tidak ada dalam workspace; maksudnya '{hint}'?",
        },
    }
