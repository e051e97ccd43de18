"""The LKE criteria catalogue (``lke-88-2021.yaml`` beside this module), read once into typed records."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import Any

import yaml

__all__ = ["Criterion", "SubComponent", "Component", "Catalogue", "catalogue", "CATALOGUE_FILE", "PREDIKAT", "predikat_of", "band_88"]

CATALOGUE_FILE = os.path.join(os.path.dirname(__file__), "lke-88-2021.yaml")


@dataclass(frozen=True)
class Criterion:
    """One criterion (kriteria) of the LKE: ``id`` is ``<component>.<sub-component>.<number>``."""

    id: str
    number: str
    component: str
    subcomponent: int
    text_id: str
    text_en: str
    mode: str  # automated | partial | manual
    scale: str  # Y/T | A-E
    weight: float  # the sub-component's weight shared equally among its criteria
    method_en: str | None
    method_id: str | None
    sources: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class SubComponent:
    component: str
    id: int
    number: str
    kind: str  # keberadaan | kualitas | pemanfaatan
    name_id: str
    name_en: str
    weight: float
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Component:
    id: str
    number: str
    name_id: str
    name_en: str
    weight: float
    subcomponents: tuple[SubComponent, ...]


@dataclass(frozen=True)
class Catalogue:
    id: str
    version: int
    regulation: str
    components: tuple[Component, ...]
    predikat: tuple[tuple[str, float, str, str], ...]  # (letters, lower bound exclusive, label_id, label_en)

    def criteria(self) -> list[Criterion]:
        return [k for c in self.components for s in c.subcomponents for k in s.criteria]

    def criterion(self, cid: str) -> Criterion | None:
        return self._by_id().get(cid)

    @functools.lru_cache(maxsize=1)  # noqa: B019 - a frozen, process-wide catalogue
    def _by_id(self) -> dict[str, Criterion]:
        return {k.id: k for k in self.criteria()}


def _note(raw: dict[str, Any]) -> str | None:
    notes = [raw[k] for k in ("note",) if raw.get(k)]
    return "; ".join(str(n) for n in notes) or None


@functools.lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The packaged catalogue (read once)."""
    with open(CATALOGUE_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    comps = []
    for c in data["components"]:
        subs = []
        for s in c["subcomponents"]:
            n = len(s["criteria"])
            crits = tuple(
                Criterion(
                    id=k["id"], number=str(k["number"]), component=c["id"], subcomponent=int(s["id"]),
                    text_id=k["text_id"], text_en=k["text_en"], mode=k["mode"], scale=k["scale_cascade"],
                    weight=float(s["weight"]) / n, method_en=k.get("method_en"), method_id=k.get("method_id"),
                    sources=tuple(str(x) for x in k.get("source") or ()), note=_note(k),
                )
                for k in s["criteria"]
            )
            subs.append(SubComponent(c["id"], int(s["id"]), str(s["number"]), s["kind"], s["name_id"], s["name_en"], float(s["weight"]), crits))
        comps.append(Component(c["id"], str(c["number"]), c["name_id"], c["name_en"], float(c["weight"]), tuple(subs)))
    bands = tuple(
        (b["predikat"], float(b.get("min_exclusive", -1.0)), b["label_id"], b["label_en"]) for b in data["predikat"]["bands"]
    )
    cat = data["catalogue"]
    return Catalogue(cat["id"], int(cat["version"]), data["regulation"]["short"], tuple(comps), bands)


#: The predikat bands (AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, D), highest first.
PREDIKAT = ("AA", "A", "BB", "B", "CC", "C", "D")


def predikat_of(score: float) -> str:
    """The predikat letters of a 0..100 score: the first band whose lower bound the score exceeds."""
    for letters, above, _, _ in catalogue().predikat:
        if score > above:
            return letters
    return "D"


#: The 88/2021 sub-component answers and their values (per cent), highest first.
BANDS_88 = (("AA", 100), ("A", 90), ("BB", 80), ("B", 70), ("CC", 60), ("C", 50), ("D", 30), ("E", 0))


def band_88(fulfilled: float) -> tuple[str, int]:
    """The 88/2021 sub-component answer a fulfilment share (0..1 of the criteria met) falls in.

    The regulation's table reads ``BB`` for all criteria met, ``B`` above 75%, ``CC`` above 50%,
    ``C`` above 25%, ``D`` above 0 and ``E`` for none; ``A`` and ``AA`` need what plan documents cannot
    show (kept for a year / five years, innovation), so a full share stops at ``BB``.
    """
    pct = round(fulfilled * 100, 6)
    if pct >= 100:
        return "BB", 80
    if pct > 75:
        return "B", 70
    if pct > 50:
        return "CC", 60
    if pct > 25:
        return "C", 50
    if pct > 0:
        return "D", 30
    return "E", 0
