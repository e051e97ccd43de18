"""A rule's documentation as ``cascade rules`` and ``cascade explain`` show it: plain text, in the chosen language.

The docstrings are reStructuredText (``parent``, ``Failing::``); a terminal shows them as plain text.
In Bahasa Indonesia the summary, the body (the paragraphs between the summary and ``Why:``), the
"why", the basis (citations as written, their glosses translated) and the notes of the examples
("Failing (2023: ...)") come from :mod:`cascade.rules.docs_id` where a translation exists; the
examples' code stays as written, under Indonesian headings. English is the docstring itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..core.findings import SEVERITY_WORDS
from .docs_id import BASIS_ID, BODY_ID, EXAMPLE_NOTES_ID, SUMMARY_ID, WHY_ID

if TYPE_CHECKING:
    from .base import Rule

__all__ = ["plain", "summary", "documentation", "SEVERITY_WORDS"]

_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")
_INTERPRETED = re.compile(r"`([^`]+)`")


_HEADINGS_ID = {"Why:": "Mengapa:", "Basis:": "Dasar:", "Failing:": "Contoh yang gagal:", "Passing:": "Contoh yang lolos:"}
#: "Failing (a note):" and "Passing: a sentence." — the label, then the note or the sentence.
_EXAMPLE = re.compile(r"(Failing|Passing)(?: \((?P<note>.*)\):(?P<rest>\n.*)?|: (?P<sentence>.*))\Z", re.S)
_EXAMPLE_ID = {"Failing": "Contoh yang gagal", "Passing": "Contoh yang lolos"}


def _example_id(para: str) -> str | None:
    """An example heading in Bahasa Indonesia ("Contoh yang gagal (2023: program mencapai ...):"), or
    None when ``para`` is none; a note without a translation stays as written."""
    m = _EXAMPLE.match(para)
    if m is None:
        return None
    label = _EXAMPLE_ID[m.group(1)]
    if m.group("note") is not None:
        note = " ".join(m.group("note").split())
        return f"{label} ({EXAMPLE_NOTES_ID.get(note, m.group('note'))}):{m.group('rest') or ''}"
    sentence = " ".join(m.group("sentence").split())
    return f"{label}: {EXAMPLE_NOTES_ID.get(sentence, m.group('sentence'))}"


def plain(text: str) -> str:
    """reStructuredText of a docstring as plain text: no double backquotes, roles or ``::`` markers."""
    text = _ROLE.sub(lambda m: m.group(1).rsplit(".", 1)[-1], text)
    text = _LITERAL.sub(r"\1", text)
    text = _INTERPRETED.sub(r"\1", text)
    return re.sub(r"(\S)::$", r"\1:", text, flags=re.M)


def summary(rule: "type[Rule]", lang: str = "en") -> str:
    """The one-line summary of ``rule`` in ``lang`` (English where no translation exists), as plain text."""
    if lang == "id" and rule.code in SUMMARY_ID:
        return SUMMARY_ID[rule.code]
    return plain(rule.summary())


def documentation(rule: "type[Rule]", lang: str = "en") -> str:
    """The whole documentation of ``rule`` as plain text, the summary, body and why in ``lang`` where translated."""
    paragraphs = plain(rule.documentation()).split("\n\n")
    if lang != "id":
        return "\n\n".join(paragraphs)
    # the body: every paragraph after the summary and before "Why:" (the docstring test keeps "Why:" there)
    why = next((i for i, para in enumerate(paragraphs) if para.startswith("Why:")), len(paragraphs))
    body_id = BODY_ID.get(rule.code)
    out = []
    for i, para in enumerate(paragraphs):
        if i == 0 and rule.code in SUMMARY_ID:
            para = SUMMARY_ID[rule.code]
        elif body_id is not None and 0 < i < why:
            if i > 1:
                continue  # the translation replaces the whole body, however many paragraphs it has
            para = plain(body_id)
        elif para.startswith("Why:") and rule.code in WHY_ID:
            para = "Mengapa: " + WHY_ID[rule.code]
        elif para.startswith("Basis:") and rule.code in BASIS_ID:
            para = "Dasar: " + BASIS_ID[rule.code]
        elif para.startswith(("Failing", "Passing")) and _example_id(para) is not None:
            para = _example_id(para)
        else:
            for en, id_ in _HEADINGS_ID.items():
                if para.startswith(en):
                    para = id_ + para[len(en):]
                    break
        out.append(para)
    return "\n\n".join(out)
