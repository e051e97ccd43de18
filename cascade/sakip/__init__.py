"""SAKIP pre-evaluation: the LKE criteria (PermenPANRB 88/2021) the plan documents can evidence, scored and explained.

The engine reads a loaded workspace and the findings of a run; it sits above ``validate`` and below
the views (which render its result) in the layer map. See ``docs/sakip.md``.
"""

from .answers import ANSWERS_FILE, find_answers, read_answers
from .catalogue import Catalogue, Criterion, catalogue, predikat_of, band_88
from .engine import DEFAULT_OPTIONS, METHODS, CapaianRow, evaluate, scope_of
from .render import render_html, render_text
from .result import ComponentResult, CriterionResult, Move, SakipResult, SubComponentResult, Worst

__all__ = [
    "ANSWERS_FILE", "find_answers", "read_answers", "Catalogue", "Criterion", "catalogue", "predikat_of", "band_88",
    "DEFAULT_OPTIONS", "METHODS", "CapaianRow", "evaluate", "scope_of", "render_html", "render_text",
    "ComponentResult", "CriterionResult", "Move", "SakipResult", "SubComponentResult", "Worst",
]
