"""Polarity of an indicator: declared, or read from its name (FORMAT.md decision 3).

Real plan tables have no polarity column: a planner reads "AKI" or "Angka Kemiskinan" as lower is
better and "IPM" as higher is better. This module is the ONE place that holds what the project reads
from a name, so the model (:attr:`cascade.core.models.Indicator.effective_polarity`), the rules and
later consumers (capaian) agree:

- :data:`ABBREVIATIONS`: the abbreviations real tables name indicators by, each with its polarity;
- :data:`NEGATIVE_WORDS`: words and phrases of a quantity where lower is better;
- :data:`POSITIVE_WORDS`: words and phrases of a quantity where higher is better;
- :data:`REVERSING_WORDS`: words that turn a lower-is-better quantity into an effort against it or
  its reach, where higher is better ("penurunan angka kemiskinan", "cakupan penanganan stunting",
  "penduduk di atas garis kemiskinan").

How a name is read (:meth:`PolarityTable.infer`), case, spaces and punctuation ignored, whole words:
a positive or reversing word decides ``positive`` (it wins over a negative word in the same name,
because it names the good side or the effort against the quantity); else a negative word decides ``negative``; else the
polarity is unknown (None). A name never decides ``stable``: that is always declared.

The result is an :class:`EffectivePolarity`: ``value`` (``positive``, ``negative``, ``stable`` or
None), ``source`` (``declared``, ``name`` or None when unknown) and ``word`` (the word of the name
that decided, for messages). The polarity is never read from the indicator's own baseline-to-target
direction: the rules that judge that direction (CAS505, CAS512) could then never fire.

Rule options extend the table for a workspace: the ``polarity-name-hint`` (CAS509) options
``negative_words``, ``reversing_words``, ``positive_words`` and ``abbreviations`` (a map of abbreviation to ``positive``
or ``negative``) build the table every polarity-dependent rule reads.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, NamedTuple

__all__ = [
    "ABBREVIATIONS",
    "NEGATIVE_WORDS",
    "POSITIVE_WORDS",
    "REVERSING_WORDS",
    "EffectivePolarity",
    "PolarityTable",
    "DEFAULT_TABLE",
]

#: Abbreviations of indicator names in Indonesian plan tables, with their polarity.
ABBREVIATIONS: dict[str, str] = {
    # lower is better
    "aki": "negative",      # Angka Kematian Ibu
    "akb": "negative",      # Angka Kematian Bayi
    "akaba": "negative",    # Angka Kematian Balita
    "akn": "negative",      # Angka Kematian Neonatal
    "tpt": "negative",      # Tingkat Pengangguran Terbuka
    "tb": "negative",       # Tuberkulosis (prevalensi, kasus)
    "tbc": "negative",
    "dbd": "negative",      # Demam Berdarah Dengue
    "klb": "negative",      # Kejadian Luar Biasa
    "rtlh": "negative",     # Rumah Tidak Layak Huni
    "gini": "negative",     # Rasio/Indeks Gini
    # higher is better
    "ahh": "positive",      # Angka Harapan Hidup
    "uhh": "positive",      # Usia Harapan Hidup
    "ipm": "positive",      # Indeks Pembangunan Manusia
    "ipg": "positive",      # Indeks Pembangunan Gender
    "idg": "positive",      # Indeks Pemberdayaan Gender
    "pdrb": "positive",     # Produk Domestik Regional Bruto
    "ikm": "positive",      # Indeks Kepuasan Masyarakat
    "spm": "positive",      # (capaian) Standar Pelayanan Minimal
}

#: Words and phrases of a quantity where lower is better.
NEGATIVE_WORDS: tuple[str, ...] = (
    "kemiskinan", "miskin", "pengangguran", "stunting", "kematian", "gini", "gizi buruk", "kumuh",
    "putus sekolah", "kriminalitas", "kecelakaan", "buta huruf", "inflasi", "prevalensi", "balita pendek",
    "gizi kurang", "wasting", "kasus",
)

#: Reversing words: they name an effort against a lower-is-better quantity or its reach, where
#: higher is better ("penurunan angka kemiskinan", "cakupan penanganan stunting").
REVERSING_WORDS: tuple[str, ...] = (
    "penurunan", "menurunnya", "turunnya", "berkurangnya", "pengurangan", "penanganan", "penanggulangan",
    "pencegahan", "pengentasan", "cakupan", "ditangani", "tertangani", "terlayani", "menerima",
    "mendapat", "mendapatkan", "bebas", "diatas", "di atas", "keberhasilan", "kesembuhan",
    "direhabilitasi", "penerima", "memperoleh",
)

#: Words and phrases of a quantity where higher is better.
POSITIVE_WORDS: tuple[str, ...] = (
    "harapan hidup", "lama sekolah", "pembangunan manusia", "pertumbuhan ekonomi", "kepuasan",
    "capaian", "akreditasi", "melek huruf", "partisipasi",
)

_PUNCT = re.compile(r"[\W_]+")


def _normal(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({n for n in map(_normal, words) if n}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


class EffectivePolarity(NamedTuple):
    """The polarity a rule uses: ``value`` (None: unknown), ``source`` (``declared``, ``name`` or
    None) and ``word``, the word of the name that decided (None unless ``source`` is ``name``)."""

    value: str | None
    source: str | None = None
    word: str | None = None

    @property
    def known(self) -> bool:
        """True when the polarity is declared or read from the name."""
        return self.value is not None


UNKNOWN = EffectivePolarity(None)


#: How many names a table remembers by default (the process-wide :data:`DEFAULT_TABLE`, the editor's).
CACHE_SIZE = 1 << 14


class PolarityTable:
    """What a name says about polarity: negative and positive words, and abbreviations.

    ``cache_size`` bounds how many names it remembers (default :data:`CACHE_SIZE`); None remembers
    every name, for a table that lives as long as one run (a rule run's, :func:`cascade.rules.indicators.polarity_table`):
    seven rules ask about every indicator whose polarity is not written, in the same order, so a
    workspace with more distinct names than the bound made the cache miss on every call.
    """

    def __init__(
        self,
        negative_words: Iterable[str] = NEGATIVE_WORDS,
        reversing_words: Iterable[str] = REVERSING_WORDS,
        positive_words: Iterable[str] = POSITIVE_WORDS,
        abbreviations: Mapping[str, str] = ABBREVIATIONS,
        cache_size: int | None = -1,
    ) -> None:
        negative = [*negative_words, *(a for a, p in abbreviations.items() if p == "negative")]
        positive = [*reversing_words, *positive_words, *(a for a, p in abbreviations.items() if p == "positive")]
        self._negative = _pattern(negative)
        self._positive = _pattern(positive)
        #: name -> what it says; filled up to the bound, then names beyond it are read each time (a
        #: plain dict the table owns: a cache wrapping the bound method made a reference cycle, so a
        #: run's table was freed only by the cyclic collector)
        self._memo: dict[str, EffectivePolarity] = {}
        self._bound = CACHE_SIZE if cache_size == -1 else cache_size

    def infer(self, name: str) -> EffectivePolarity:
        """The polarity read from ``name`` (remembered); :data:`UNKNOWN` when the name says nothing."""
        found = self._memo.get(name)
        if found is None:
            found = self._infer(name)
            if self._bound is None or len(self._memo) < self._bound:
                self._memo[name] = found
        return found

    def _infer(self, name: str) -> EffectivePolarity:
        """The polarity read from ``name``; :data:`UNKNOWN` when the name says nothing."""
        text = _normal(name)
        match = self._positive.search(text) if self._positive is not None else None
        if match is not None:
            return EffectivePolarity("positive", "name", match.group(0))
        match = self._negative.search(text) if self._negative is not None else None
        if match is not None:
            return EffectivePolarity("negative", "name", match.group(0))
        return UNKNOWN

    def negative_word(self, name: str) -> str | None:
        """The first lower-is-better word of ``name`` unless a positive word reverses it (CAS509)."""
        found = self.infer(name)
        return found.word if found.value == "negative" else None

    def effective(self, declared: str | None, name: str) -> EffectivePolarity:
        """The declared polarity, else the one read from ``name``."""
        if declared is not None:
            return EffectivePolarity(declared, "declared")
        return self.infer(name)


#: The table of the defaults above, used by :attr:`Indicator.effective_polarity`.
DEFAULT_TABLE = PolarityTable()
