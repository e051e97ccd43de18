"""Words that people read for the codes that machine formats keep: the kinds of plan items as
planners write them, the severity counts of a badge. JSON, SARIF and the scripts' CSV keep the codes
(``prioritas_nasional``, ``document``); text, HTML and spreadsheets show these words."""

from __future__ import annotations

from .findings import SEVERITY_WORDS

__all__ = ["KIND_WORDS", "LINK_WORDS", "END_WORDS", "PERCENT_SPELLINGS", "kind_word", "link_word", "severity_counts"]

#: Spellings of the percent unit, normalised (the rules compare units with it, the realisasi table
#: reader the unit beside a printed capaian).
PERCENT_SPELLINGS = ("%", "persen", "percent", "prosen")

#: The element kinds as planners write them (the same in both languages: they are planning terms).
_ELEMENT_KINDS = {
    "prioritas_nasional": "Prioritas Nasional", "program_prioritas": "Program Prioritas",
    "kegiatan_prioritas": "Kegiatan Prioritas", "proyek_prioritas": "Proyek Prioritas",
    "sub_kegiatan": "Sub Kegiatan", "rhk": "RHK",
}
KIND_WORDS = {
    "id": {**_ELEMENT_KINDS, "document": "dokumen", "indicator": "indikator", "unit": "unit kerja",
           "external": "rujukan luar"},  # a trace step into a document outside the workspace
    "en": dict(_ELEMENT_KINDS),
}

#: The links between plan items as people read them (``Step.link``, the trace's text; JSON and CSV keep
#: the codes, which are also what a plan writes: ``parent:``, ``supports:``, ``crosscuts:``).
LINK_WORDS = {
    "id": {"parent": "induk (parent)", "supports": "mendukung (supports)", "crosscuts": "crosscutting (crosscuts)",
           "indicator_of": "indikator dari"},
    "en": {"parent": "parent", "supports": "supports", "crosscuts": "crosscuts", "indicator_of": "indicator of"},
}

#: How a chain ends (``Chain.end``), in a word.
END_WORDS = {
    "id": {"national": "nasional (RPJMN)", "external": "dokumen di luar ruang kerja", "broken": "terputus",
           "cycle": "siklus"},
    "en": {"national": "national (RPJMN)", "external": "document outside the workspace", "broken": "cut off",
           "cycle": "cycle"},
}


def kind_word(kind: str, lang: str = "id") -> str:
    """``kind`` (an element kind, ``document``, ``indicator``...) as people read it in ``lang``;
    a kind without a word of its own (``sasaran``, ``program``) is shown as it is written."""
    return KIND_WORDS.get(lang, KIND_WORDS["en"]).get(kind, kind)


def link_word(link: str | None, lang: str = "id") -> str | None:
    """A link type (``parent``, ``supports``, ``crosscuts``, ``indicator_of``) as people read it in ``lang``."""
    if link is None:
        return None
    return LINK_WORDS.get(lang, LINK_WORDS["en"]).get(link, link)


def severity_counts(counts: dict[str, int], lang: str = "id") -> str:
    """``{"error": 1, "warning": 2}`` as ``1 kesalahan, 2 peringatan`` (``id``) or ``1 error, 2 warnings``
    (``en``), worst first."""
    words = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["en"])
    parts = []
    for s in ("error", "warning", "info"):
        n = counts.get(s)
        if n:
            word = words[s]
            if lang != "id" and n != 1 and s != "info":
                word += "s"
            parts.append(f"{n} {word}")
    return ", ".join(parts)
