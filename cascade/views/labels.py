"""The words people read for the columns and coded values of the API's tables: one table for the
notebook (:func:`cascade.views.tables.labelled`), the workbook's headers and the HTML report's summary.

The tables themselves (DataFrames, JSON, CSV) keep the documented keys and codes; these are only what is shown.
"""

from __future__ import annotations

from typing import Any

from ..core.capaian import POLARITY_WORDS, STATUS_WORDS, note_in
from ..core.findings import SEVERITY_WORDS
from ..core.words import END_WORDS, LINK_WORDS, kind_word
from ..sakip.render import MODES

__all__ = ["COVERAGE_COLUMNS", "COLUMN_WORDS", "column_label", "cell_word"]

#: The coverage table's columns as people read them (:func:`coverage_rows` keys), for every surface
#: that shows the table: the command line, the HTML report and the workbook.
COVERAGE_COLUMNS: dict[str, dict[str, str]] = {
    "document": {"en": "Document", "id": "Dokumen"},
    "kind": {"en": "Kind", "id": "Jenis"},
    "tier": {"en": "Tier", "id": "Jenjang"},
    "elements": {"en": "Elements", "id": "Elemen"},
    "indicators": {"en": "Indicators", "id": "Indikator"},
    "linked_up": {"en": "Linked upward", "id": "Tertaut ke atas"},
    "supported": {"en": "Supported from below", "id": "Didukung dari bawah"},
    "orphan_elements": {"en": "Orphan elements", "id": "Elemen yatim"},
    "orphan_indicators": {"en": "Orphan indicators", "id": "Indikator yatim"},
    "errors": {"en": "Errors", "id": "Kesalahan"},
    "warnings": {"en": "Warnings", "id": "Peringatan"},
    "infos": {"en": "Infos", "id": "Info"},
}



#: The columns of the API's tables as people read them: findings (:data:`FINDING_COLUMNS`), coverage
#: (:data:`~cascade.views.trace.COVERAGE_COLUMNS`), capaian (``CapaianTable.to_pandas``) and its
#: roll-ups, the SAKIP criteria (``SakipResult.rows``) and moves, the steps of a chain, suspect links
#: and re-alignment candidates. The workbook's headers are these words too.
COLUMN_WORDS: dict[str, dict[str, str]] = {
    **COVERAGE_COLUMNS,
    "title": {"en": "Title", "id": "Judul"},
    # findings
    "rule": {"en": "Rule", "id": "Aturan"}, "code": {"en": "Code", "id": "Kode"},
    "severity": {"en": "Severity", "id": "Tingkat"}, "ref": {"en": "Reference", "id": "Rujukan"},
    "file": {"en": "File", "id": "Berkas"}, "line": {"en": "Line", "id": "Baris"}, "column": {"en": "Column", "id": "Kolom"},
    "end_line": {"en": "End line", "id": "Baris akhir"}, "end_column": {"en": "End column", "id": "Kolom akhir"},
    "message": {"en": "Message", "id": "Pesan"}, "pointer": {"en": "Pointer", "id": "Penunjuk"},
    "cell": {"en": "Cell", "id": "Sel"},
    # steps of a chain, plan items
    "name": {"en": "Name", "id": "Nama"}, "link": {"en": "Link upward", "id": "Tautan ke atas"},
    "end": {"en": "Ends", "id": "Berakhir di"}, "element": {"en": "Element", "id": "Elemen"},
    "polarity": {"en": "Polarity", "id": "Polaritas"},
    "effective_polarity": {"en": "Polarity used", "id": "Polaritas yang dipakai"},
    "word": {"en": "Word of the name", "id": "Kata pada nama"},
    # capaian and its roll-ups
    "year": {"en": "Year", "id": "Tahun"}, "target": {"en": "Target", "id": "Target"},
    "realized": {"en": "Realisasi", "id": "Realisasi"}, "capaian": {"en": "Capaian", "id": "Capaian"},
    "category": {"en": "Category", "id": "Kategori"}, "polarity_source": {"en": "Polarity from", "id": "Sumber polaritas"},
    "status": {"en": "Status", "id": "Status"}, "source": {"en": "Source", "id": "Sumber"}, "note": {"en": "Note", "id": "Catatan"},
    "target_source": {"en": "Target from", "id": "Sumber target"},
    "measured": {"en": "Measured", "id": "Terukur"}, "below_mean": {"en": "Mean from below", "id": "Rata-rata dari bawah"},
    "below_min": {"en": "Lowest from below", "id": "Terendah dari bawah"},
    "below_count": {"en": "Measured below", "id": "Terukur di bawah"}, "mean": {"en": "Mean", "id": "Rata-rata"},
    "min": {"en": "Lowest", "id": "Terendah"}, "categories": {"en": "Categories", "id": "Kategori"},
    # the SAKIP criteria and moves
    "id": {"en": "Criterion", "id": "Kriteria"}, "component": {"en": "Component", "id": "Komponen"},
    "subcomponent": {"en": "Sub-component", "id": "Sub-komponen"}, "mode": {"en": "Mode", "id": "Mode"},
    "answer": {"en": "Answer", "id": "Jawaban"}, "value": {"en": "Value", "id": "Nilai"},
    "weight": {"en": "Weight", "id": "Bobot"}, "ok": {"en": "Met", "id": "Terpenuhi"}, "total": {"en": "Total", "id": "Jumlah"},
    "evidence": {"en": "Evidence", "id": "Bukti"}, "text": {"en": "Criterion text", "id": "Bunyi kriteria"},
    "refs": {"en": "Refs", "id": "Ref"}, "origin": {"en": "Answer from", "id": "Asal jawaban"},
    "criterion": {"en": "Criterion", "id": "Kriteria"}, "from": {"en": "From", "id": "Dari"}, "to": {"en": "To", "id": "Menjadi"},
    "gain": {"en": "Gain (weight)", "id": "Tambahan bobot"}, "fix": {"en": "To fix", "id": "Yang perlu dibenahi"},
    "refs_to_fix": {"en": "Refs to fix", "id": "Ref yang perlu dibenahi"},
    # suspect links (cascade review) and re-alignment candidates (cascade realign)
    "locked": {"en": "Reviewed fingerprint", "id": "Sidik saat ditinjau"}, "current": {"en": "Current fingerprint", "id": "Sidik sekarang"},
    "old_target": {"en": "Old target", "id": "Target lama"}, "old_name": {"en": "Old target name", "id": "Nama target lama"},
    "rank": {"en": "Rank", "id": "Peringkat"}, "candidate": {"en": "Candidate", "id": "Kandidat"},
    "candidate_name": {"en": "Candidate name", "id": "Nama kandidat"}, "score": {"en": "Score", "id": "Skor"},
    "reason": {"en": "Reason", "id": "Alasan"}, "confirm": {"en": "Confirm", "id": "Konfirmasi"},
}
_INDICATOR_TYPES = {"id": {"untyped": "tanpa jenis"}, "en": {}}

#: Coded values as people read them, per column (JSON, CSV and the DataFrames keep the codes).
_VALUE_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "severity": SEVERITY_WORDS,
    "link": LINK_WORDS,
    "end": END_WORDS,
    "polarity": POLARITY_WORDS, "effective_polarity": POLARITY_WORDS,
    "polarity_source": {"id": {"declared": "ditulis", "name": "dibaca dari nama"},
                        "en": {"declared": "declared", "name": "read from the name"}},
    "status": {"id": {**STATUS_WORDS["id"], "changed": "berubah", "unreviewed": "belum ditinjau"}},
    "target_source": {"id": {"plan": "rencana", "pk": "perjanjian kinerja"}},
    "mode": MODES,
    "origin": {"id": {"documents": "dokumen", "answers": "sakip-answers.yaml"}},
    "fix": {"id": {"no-iku": "tanpa IKU", "no-realisasi": "tanpa realisasi", "behind-target": "di bawah target",
                   "no-definition": "tanpa definisi operasional", "no-source": "tanpa sumber data",
                   "no-crosscuts": "tanpa crosscutting", "no-skp": "tanpa SKP", "flat": "target datar",
                   "no-kegiatan": "tanpa kegiatan", "no-medium-term-plan": "tanpa rencana jangka menengah",
                   "missing-realization": "realisasi belum ada"}},
}
_YES_NO = {"id": ("ya", "tidak"), "en": ("yes", "no")}


def column_label(key: str, lang: str = "id") -> str:
    """The header people read for a column ``key`` of the API's tables (``linked_up``: ``Tertaut ke
    atas``; ``elements.sasaran``: ``Elemen: sasaran``); a key it does not know is shown as it is."""
    words = COLUMN_WORDS.get(key)
    if words is not None:
        return words.get(lang, words["en"])
    group, _, kind = key.partition(".")
    if kind and group == "elements":
        return f"{column_label('elements', lang)}: {kind_word(kind, lang)}"
    if kind and group == "indicators":
        return f"{column_label('indicators', lang)}: {_INDICATOR_TYPES.get(lang, {}).get(kind, kind)}"
    return key


def cell_word(key: str, value: Any, lang: str = "id") -> Any:
    """A value of column ``key`` as people read it in ``lang``: severities, element kinds, links, how a
    chain ends, polarity, status, SAKIP modes and reasons, capaian notes, and True/False as ``ya``/``tidak``;
    numbers, names and anything else unchanged. A list (a move's reasons) is translated item by item."""
    if isinstance(value, bool):
        return _YES_NO.get(lang, _YES_NO["en"])[0 if value else 1]
    if isinstance(value, (list, tuple)):
        return ", ".join(str(cell_word(key, v, lang)) for v in value)
    if not isinstance(value, str):
        return value
    if key == "kind":
        return kind_word(value, lang)
    if key == "note":
        return note_in(value, lang)
    words = _VALUE_WORDS.get(key)
    return words.get(lang, {}).get(value, value) if words is not None else value
