"""A rule's documentation as ``cascade rules`` and ``cascade explain`` show it: plain text, in the chosen language.

The docstrings are reStructuredText (``parent``, ``Failing::``); a terminal shows them as plain text.
In Bahasa Indonesia the summary and the "why" come from :mod:`cascade.rules.docs_id` where a
translation exists; the rest of the docstring (details, basis, examples) stays as written, under
Indonesian headings.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..core.findings import SEVERITY_WORDS
from .docs_id import SUMMARY_ID, WHY_ID

if TYPE_CHECKING:
    from .base import Rule

__all__ = ["plain", "summary", "documentation", "SEVERITY_WORDS"]

_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")
_INTERPRETED = re.compile(r"`([^`]+)`")


_HEADINGS_ID = {"Why:": "Mengapa:", "Basis:": "Dasar:", "Failing:": "Contoh yang gagal:", "Passing:": "Contoh yang lolos:"}


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
    """The whole documentation of ``rule`` as plain text, the summary and the why in ``lang`` where translated."""
    paragraphs = plain(rule.documentation()).split("\n\n")
    if lang != "id":
        return "\n\n".join(paragraphs)
    out = []
    for i, para in enumerate(paragraphs):
        if i == 0 and rule.code in SUMMARY_ID:
            para = SUMMARY_ID[rule.code]
        elif para.startswith("Why:") and rule.code in WHY_ID:
            para = "Mengapa: " + WHY_ID[rule.code]
        else:
            for en, id_ in _HEADINGS_ID.items():
                if para.startswith(en):
                    para = id_ + para[len(en):]
                    break
        out.append(para)
    return "\n\n".join(out)
