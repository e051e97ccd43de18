"""The typed result of a SAKIP pre-evaluation: plain dataclasses (no pandas needed), with the JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Worst", "CriterionResult", "SubComponentResult", "ComponentResult", "Move", "SakipResult", "VALUES"]

#: The per-criterion scale: Y/T for keberadaan, A..E for kualitas and pemanfaatan.
VALUES = {"Y": 1.0, "T": 0.0, "A": 1.0, "B": 0.75, "C": 0.5, "D": 0.25, "E": 0.0}



@dataclass(frozen=True)
class Worst:
    """One of the refs behind a criterion's answer, with why it counts against it and where it is."""

    ref: str
    reasons: tuple[str, ...]
    file: str | None = None
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, "reasons": list(self.reasons), "file": self.file, "line": self.line}


@dataclass(frozen=True)
class CriterionResult:
    id: str
    component: str
    subcomponent: int
    text: str
    mode: str
    answer: str | None
    value: float | None
    evidence: str
    refs: tuple[Worst, ...] = ()
    weight: float = 0.0
    #: where the answer came from: ``documents`` (a method), ``answers`` (sakip-answers.yaml) or None
    origin: str | None = None
    #: ok / all items behind a ratio answer (None for Y/T or unjudged)
    ok: int | None = None
    total: int | None = None
    failing: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "component": self.component, "subcomponent": self.subcomponent, "text": self.text,
            "mode": self.mode, "answer": self.answer, "value": self.value, "evidence": self.evidence,
            "refs": [w.to_dict() for w in self.refs],
        }


@dataclass(frozen=True)
class SubComponentResult:
    component: str
    id: int
    number: str
    kind: str
    name: str
    weight: float
    score: float
    assessed_weight: float
    #: the mean value of the assessed criteria (0..1), None when none was assessed
    fulfilled: float | None
    #: the 88/2021 sub-component answer (AA..E) that share falls in, and its value in per cent
    band_88: str | None
    band_88_value: int | None


@dataclass(frozen=True)
class ComponentResult:
    id: str
    name: str
    weight: float
    score: float
    assessed_weight: float
    subcomponents: tuple[SubComponentResult, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "weight": self.weight, "score": self.score, "assessed_weight": self.assessed_weight}


@dataclass(frozen=True)
class Move:
    """What would move the grade: fixing the most frequent ``reasons`` on ``fixes`` refs lifts ``criterion``
    from ``answer`` to ``to`` and the total by ``gain`` points of weight."""

    criterion: str
    answer: str
    to: str
    gain: float
    reasons: tuple[str, ...]
    fixes: int

    def to_dict(self) -> dict[str, Any]:
        return {"criterion": self.criterion, "from": self.answer, "to": self.to, "gain": self.gain,
                "fix": list(self.reasons), "refs_to_fix": self.fixes}


#: The share of the weight the plans could evidence (:meth:`SakipResult.assessable_weight`) that must
#: be assessed for the indicative predikat to be shown without a warning.
RELIABLE_SHARE = 0.75


@dataclass(frozen=True)
class SakipResult:
    """A SAKIP pre-evaluation: every criterion's answer with its evidence, the scores and the moves.

    ``total_score`` is indicative: 100 x the points earned over the weight assessed (automated and
    partial criteria, and answered manual ones); ``predikat`` is its band.
    """

    scope: dict[str, Any]
    year: int | None
    criteria: tuple[CriterionResult, ...]
    components: tuple[ComponentResult, ...]
    total_score: float
    assessed_weight: float
    predikat: str | None
    moves: tuple[Move, ...]
    lang: str = "id"
    catalogue: str = "lke-88-2021"
    findings: tuple[Any, ...] = field(default=(), repr=False)  # problems in sakip-answers.yaml

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``version``, ``scope``, ``year``, ``criteria``, ``components``, ``total``, ``moves``."""
        return {
            "version": 1,
            "scope": self.scope,
            "year": self.year,
            "criteria": [c.to_dict() for c in self.criteria],
            "components": [c.to_dict() for c in self.components],
            "total": {"score": self.total_score, "assessed_weight": self.assessed_weight, "predikat": self.predikat,
                      "assessable_weight": self.assessable_weight, "range": self.score_range(), "reliable": self.reliable},
            "moves": [m.to_dict() for m in self.moves],
        }

    def score_range(self) -> dict[str, Any] | None:
        """Where the total can still land once the weight not assessed is judged: ``low`` if all of it
        scores nothing, ``high`` if all of it scores in full (points of 100), each with its predikat;
        None when nothing was assessed. An indicative 64.71 (B) over 10.72 of the 100 weight points
        is 6.94 (D) to 96.22 (AA)."""
        if not self.assessed_weight:
            return None
        from .catalogue import predikat_of

        earned = self.total_score * self.assessed_weight / 100
        low, high = round(earned, 2), round(min(100.0, earned + 100 - self.assessed_weight), 2)
        return {"low": low, "high": high, "predikat_low": predikat_of(low), "predikat_high": predikat_of(high)}

    @property
    def assessable_weight(self) -> float:
        """The weight points the plans could evidence at most: the automated and partial criteria, and
        the manual ones the team answered (21.03 of 100 under LKE 88/2021 without answers)."""
        return round(sum(c.weight for c in self.criteria if c.mode != "manual" or c.answer is not None), 4)

    @property
    def reliable(self) -> bool:
        """Whether the plans gave evidence for at least :data:`RELIABLE_SHARE` of
        :attr:`assessable_weight`: Kabupaten Bone's RPJMD alone evidences 7.38 of 21.03 points (no
        renstra, SKP or realisasi), and its indicative B says little."""
        return self.assessed_weight >= RELIABLE_SHARE * self.assessable_weight

    def criterion(self, cid: str) -> CriterionResult:
        for c in self.criteria:
            if c.id == cid:
                return c
        raise KeyError(cid)

    def rows(self) -> list[dict[str, Any]]:
        """One flat row per criterion (for tables and spreadsheets)."""
        return [
            {"id": c.id, "component": c.component, "subcomponent": c.subcomponent, "mode": c.mode, "answer": c.answer,
             "value": c.value, "weight": round(c.weight, 4), "ok": c.ok, "total": c.total, "evidence": c.evidence,
             "text": c.text, "refs": ", ".join(w.ref for w in c.refs)}
            for c in self.criteria
        ]

    def to_pandas(self) -> Any:
        """The criteria as a pandas DataFrame (needs the ``notebook`` extra)."""
        from ..core.errors import require_pandas

        pd = require_pandas("SakipResult.to_pandas")
        return pd.DataFrame(self.rows()).set_index("id")

    def compare(self, *others: "SakipResult", names: "tuple[str, ...] | list[str] | None" = None,
                manual: bool = False) -> Any:
        """This result beside ``others`` as a DataFrame (needs the ``notebook`` extra): one column per
        result (``names``, else each scope's document or "pemda N"), the answer of each criterion (the
        manual ones only with ``manual``), then the rows ``total`` (the indicative score) and ``predikat``.

        The columns mix letters and numbers, so they are built as ``object`` columns at once: adding
        the number rows to columns pandas had typed as text raised a ``Pandas4Warning`` (pandas 3).
        """
        from ..core.errors import require_pandas

        pd = require_pandas("SakipResult.compare")
        results = (self, *others)
        if names is None:
            names = [r.scope.get("document") or f"pemda {i + 1}" for i, r in enumerate(results)]
        names = list(names)
        if len(names) != len(results):
            raise ValueError(f"{len(results)} results and {len(names)} names")
        ids = list(dict.fromkeys(c.id for r in results for c in r.criteria if manual or c.mode != "manual"))
        answers = [{c.id: c.answer for c in r.criteria} for r in results]
        data = {name: [a.get(cid) for cid in ids] + [r.total_score, r.predikat]
                for name, a, r in zip(names, answers, results)}
        return pd.DataFrame(data, index=pd.Index([*ids, "total", "predikat"], name="id"), dtype=object)

    def _repr_html_(self) -> str:
        from .render import render_html

        return render_html(self, self.lang, full=False)
