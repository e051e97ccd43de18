"""A parsed document: the typed model of one plan file (or dict), with where its parts stand in the source."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .findings import Finding
from .models import Document
from .refs import split_ref
from .sourcemap import SourceMap

__all__ = ["ParsedDocument"]


@dataclass
class ParsedDocument:
    """A document built from one file or dict, with where its parts stand in the source."""

    model: Document
    file: str
    sourcemap: SourceMap
    element_paths: list[tuple]
    indicator_paths: list[list[tuple]]
    unit_paths: list[tuple]
    findings: list[Finding] = field(default_factory=list)
    #: A realisasi document's ``rows``: the path of each row of ``model.rows`` in the source data
    #: (a row left out for an error shifts no other row's position).
    row_paths: list[tuple] = field(default_factory=list)
    #: The names written in the document's employee blocks, read from its data whether or not they
    #: made a valid model (:func:`cascade.core.privacy.employee_names`): what the views mask.
    personal_names: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.model.document.id

    @functools.cached_property
    def parents_inside(self) -> bool:
        """Whether every element's ``parent`` names an element of this document (asked once per parse)."""
        own = self.id
        return all(e.parent is None or split_ref(e.parent, own)[0] == own for e in self.model.elements)

    @functools.cached_property
    def measured(self) -> bool:
        """Whether an indicator of the document carries a ``realized`` value (asked once per parse)."""
        return any(ind.realized for e in self.model.elements for ind in e.indicators)
