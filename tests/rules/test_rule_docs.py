"""Every rule's documentation has its headings, in order (as sqlfluff checks its rule docstrings).

``cascade explain`` shows the docstring and the SARIF reporter parses it (the summary, then the
paragraphs starting ``Basis:``, ``Failing`` and ``Passing``), so a rule documented without one of
them would silently lose it there: what (the first paragraph), ``Why:``, ``Basis:``, ``Failing``
(``Failing:``, ``Failing::`` or ``Failing (context)::``) and ``Passing``.
"""

from __future__ import annotations

import re

import pytest

import cascade

HEADINGS = ("Why", "Basis", "Failing", "Passing")
_HEADING = re.compile(r"^(Why|Basis|Failing|Passing)\b[^\n]*?(?::|::)?", re.M)


def headings(doc: str) -> list[str]:
    """The headings of a docstring: the first word of each paragraph that is one."""
    out = []
    for paragraph in doc.split("\n\n"):
        m = re.match(r"(Why|Basis|Failing|Passing)(?=[ :(])[^\n]*:", paragraph)
        if m:
            out.append(m.group(1))
    return out


@pytest.mark.parametrize("rule", cascade.all_rules(), ids=lambda r: r.code)
def test_rule_documentation_has_its_headings_in_order(rule) -> None:
    doc = rule.documentation()
    first = doc.split("\n\n")[0]
    assert first and not first.startswith(HEADINGS), f"{rule.code}: the first paragraph says what the rule finds"
    assert headings(doc) == list(HEADINGS), f"{rule.code}: headings {headings(doc)}"


def test_the_heading_check_sees_a_missing_heading() -> None:
    assert headings("Finds X.\n\nWhy: y.\n\nFailing::\n\n    a\n\nPassing::\n\n    b") == ["Why", "Failing", "Passing"]
    assert headings("Finds X.\n\nWhy: y.\n\nBasis: z.\n\nFailing (period 2020-2024)::\n\n    a\n\nPassing: b.") == list(HEADINGS)
