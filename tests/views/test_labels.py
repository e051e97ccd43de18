"""What a planner reads in a notebook: the tables of the API labelled in Bahasa Indonesia by
:func:`cascade.tables.labelled` (English with ``lang="en"``), while the DataFrames themselves keep the
documented column names and codes that scripts filter on; and a chain shown as an Indonesian table.

Workspaces: tests/fixtures/notebook (a small broken cascade with three skp employees) and examples/defects.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import cascade
from cascade.core.errors import UsageError
from cascade.tables import labelled
from cascade.views.labels import cell_word, column_label

pd = pytest.importorskip("pandas", reason="the notebook extra is not installed: pip install -e \".[notebook]\"")

ROOT = Path(__file__).parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "notebook"
DEFECTS = ROOT / "examples" / "defects"
SKP = "kota-madiun.dinkes.skp-2023"


@pytest.fixture(scope="module")
def ws() -> cascade.Cascade:
    return cascade.load(str(FIXTURE))


@pytest.fixture(scope="module")
def defects() -> tuple[cascade.Cascade, cascade.Report]:
    ws = cascade.load(str(DEFECTS))
    return ws, ws.validate(as_of=2026)


def test_findings_table_labelled_in_indonesian_and_english(ws: cascade.Cascade) -> None:
    frame = ws.validate(select=["CAS202"]).to_pandas()
    shown = labelled(frame)
    assert list(shown.columns) == ["Aturan", "Kode", "Tingkat", "Rujukan", "Berkas", "Baris", "Kolom", "Baris akhir",
                                   "Kolom akhir", "Pesan", "Penunjuk", "Sel"]
    assert shown["Tingkat"].tolist() == ["kesalahan", "kesalahan"]
    assert shown[["Kode", "Baris", "Kolom"]].values.tolist() == [["CAS202", 40, 16], ["CAS202", 36, 13]]
    english = labelled(frame, lang="en")
    assert list(english.columns)[:4] == ["Rule", "Code", "Severity", "Reference"]
    assert english["Severity"].tolist() == ["error", "error"]
    # the frame itself keeps its documented names and codes: scripts filter on them
    assert list(frame.columns)[:3] == ["rule", "code", "severity"] and frame["severity"].tolist() == ["error", "error"]


def test_coverage_labelled_keeps_numbers_and_names_every_column(ws: cascade.Cascade) -> None:
    frame = ws.coverage(ws.validate(select=["CAS202"]))
    shown = labelled(frame)
    assert shown.index.name == "Dokumen"
    assert list(shown.columns) == [
        "Jenis", "Jenjang", "Judul", "Elemen", "Indikator", "Elemen: Prioritas Nasional", "Elemen: Program Prioritas",
        "Elemen: misi", "Elemen: tujuan", "Elemen: sasaran", "Elemen: program", "Elemen: kegiatan", "Elemen: RHK",
        "Indikator: impact", "Indikator: outcome", "Indikator: output", "Tertaut ke atas (%)", "Didukung dari bawah (%)",
        "Elemen yatim", "Indikator yatim", "Kesalahan", "Peringatan", "Info",
    ]
    # shares in per cent, as `cascade coverage` prints them, and still numbers
    assert shown.loc["kota-madiun.rpjmd-2019", ["Tertaut ke atas (%)", "Didukung dari bawah (%)", "Kesalahan"]].tolist() == [80.0, 60.0, 1]
    assert frame.loc["kota-madiun.rpjmd-2019", "linked_up"] == 0.8  # the frame itself is unchanged
    assert labelled(frame, lang="en").index.name == "Document"


def test_steps_of_a_chain_labelled(ws: cascade.Cascade) -> None:
    chain = ws.trace(f"{SKP}:R2")[4]
    shown = labelled(pd.DataFrame([dataclasses.asdict(s) for s in chain]))
    assert list(shown.columns) == ["Rujukan", "Jenis", "Nama", "Tautan ke atas"]
    assert shown["Tautan ke atas"].tolist()[:3] == ["induk (parent)", "mendukung (supports)", "crosscutting (crosscuts)"]
    assert shown["Jenis"].tolist()[0] == "RHK" and shown["Jenis"].tolist()[-1] == "Prioritas Nasional"
    english = labelled(pd.DataFrame([dataclasses.asdict(s) for s in chain]), lang="en")
    assert english["Link upward"].tolist()[:3] == ["parent", "supports", "crosscuts"]


def test_chain_shows_as_an_indonesian_table_with_names_masked(ws: cascade.Cascade) -> None:
    chain = ws.trace(f"{SKP}:R2")[4]
    page = chain._repr_html_()
    assert page.startswith("<p>Berakhir di: nasional (RPJMN)</p><table><thead><tr><th>Jenis</th><th>Rujukan</th>"
                           "<th>Nama</th><th>Tautan ke atas</th></tr></thead>")
    assert f"<td>RHK</td><td><code>{SKP}:R2</code></td>" in page and "<td>induk (parent)</td>" in page
    assert "parent</td>" not in page.replace("(parent)</td>", "")
    english = chain.to_html("en")
    assert english.startswith("<p>Ends: national (RPJMN)</p>") and "<th>Link upward</th>" in english
    assert "<td>parent</td>" in english
    # a name is masked in the view as in the step (a name of an employee written into an rhk)
    named = cascade.load({"document": {"id": "x.skp-2023", "kind": "skp", "title": "SKP", "period": {"start": 2023, "end": 2023},
                                       "region": {"code": "35.77", "name": "Kota Madiun"},
                                       "agency": {"name": "Dinas Kesehatan"}},
                          "elements": [{"id": "R1", "kind": "rhk", "name": "Target Budi Santoso",
                                        "employee": {"nip": "000000000000000108", "name": "Budi Santoso", "unit": "YANKES"}}]})
    html = named.trace("x.skp-2023:R1")[0]._repr_html_()
    assert "Budi Santoso" not in html and "Target B•••••••••••" in html


def test_capaian_and_rollups_labelled(defects: tuple[cascade.Cascade, cascade.Report]) -> None:
    ws, _ = defects
    frame = ws.capaian(as_of=2026).to_pandas()
    shown = labelled(frame)
    assert list(shown.columns) == ["Rujukan", "Dokumen", "Jenjang", "Tahun", "Target", "Realisasi", "Capaian", "Kategori",
                                   "Polaritas", "Sumber polaritas", "Status", "Sumber", "Catatan", "Nama"]
    first = shown.iloc[0]
    assert (first["Polaritas"], first["Sumber polaritas"], first["Status"]) == ("positif", "dibaca dari nama", "final")
    assert shown.iloc[1]["Catatan"] == "tidak ada realisasi" and frame.iloc[1]["note"] == "no realisasi"
    assert set(shown["Polaritas"]) <= {"positif", "negatif", "stabil"}
    assert not set(shown["Sumber polaritas"]) & {"declared", "name"}
    rollup = labelled(pd.DataFrame([r._asdict() for r in ws.capaian_rollup(as_of=2026)]))
    assert list(rollup.columns) == ["Rujukan", "Dokumen", "Jenjang", "Jenis", "Tahun", "Terukur", "Rata-rata dari bawah",
                                    "Terendah dari bawah", "Terukur di bawah"]


def test_sakip_criteria_and_moves_labelled(defects: tuple[cascade.Cascade, cascade.Report]) -> None:
    ws, report = defects
    result = ws.sakip(report=report, as_of=2026)
    shown = labelled(result.to_pandas())
    assert shown.index.name == "Kriteria"
    assert list(shown.columns) == ["Komponen", "Sub-komponen", "Mode", "Jawaban", "Nilai", "Bobot", "Terpenuhi", "Jumlah",
                                   "Bukti", "Bunyi kriteria", "Ref"]
    assert set(shown["Mode"]) == {"manual", "otomatis", "sebagian"}
    moves = labelled(pd.DataFrame([m.to_dict() for m in result.moves]))
    assert list(moves.columns) == ["Kriteria", "Dari", "Menjadi", "Tambahan bobot", "Yang perlu dibenahi", "Ref yang perlu dibenahi"]
    fixes = dict(zip(moves["Kriteria"], moves["Yang perlu dibenahi"]))
    assert fixes["perencanaan.3.4"] == "tanpa realisasi" and fixes["pengukuran.1.2"] == "CAS510"
    assert labelled(pd.DataFrame([m.to_dict() for m in result.moves]), lang="en")["To fix"].tolist()[1] == "behind-target"


def test_true_and_false_read_as_words() -> None:
    frame = pd.DataFrame({"ref": ["a:S1", "a:S2"], "ok": [True, False]})
    assert labelled(frame).to_dict(orient="list") == {"Rujukan": ["a:S1", "a:S2"], "Terpenuhi": ["ya", "tidak"]}
    assert labelled(frame, lang="en")["Met"].tolist() == ["yes", "no"]
    assert cell_word("severity", "warning") == "peringatan" and cell_word("unknown", "x") == "x"
    assert column_label("no_such_column") == "no_such_column"


def test_labelled_refuses_what_it_cannot_label() -> None:
    with pytest.raises(UsageError, match="lang must be one of 'en', 'id', not 'fr'"):
        labelled(pd.DataFrame({"ref": []}), lang="fr")
    with pytest.raises(UsageError, match="labelled\\(\\) takes a pandas DataFrame, not list"):
        labelled([{"ref": "a"}])


def test_labelled_findings_group_worst_first_and_empty_cells_read_a_dash() -> None:
    ws = cascade.load(str(Path(__file__).resolve().parents[2] / "examples" / "defects"))
    shown = labelled(ws.validate().to_pandas())
    assert list(shown.groupby("Tingkat", observed=True).size().index) == ["kesalahan", "peringatan", "info"]
    assert shown["Tingkat"].tolist().count("kesalahan") == (ws.validate().to_pandas()["severity"] == "error").sum()
    assert "-" in shown["Sel"].tolist() and None not in shown["Sel"].tolist()  # no workbook cell in YAML plans


def test_labelled_takes_a_frame_that_names_two_columns_alike() -> None:
    """pd.concat of two tables side by side repeats column names: labelled() raised AttributeError
    ('DataFrame' object has no attribute 'dtype') where it reads a column by its name."""
    frame = pd.concat([pd.DataFrame({"severity": ["warning", "error"], "linked_up": [0.5, None]})] * 2, axis=1)
    out = labelled(frame)
    assert list(out.columns) == ["Tingkat", "Tertaut ke atas (%)"] * 2
    assert out.iloc[:, 0].tolist() == out.iloc[:, 2].tolist() == ["peringatan", "kesalahan"]
    assert out.iloc[:, 1].tolist()[0] == out.iloc[:, 3].tolist()[0] == 50.0
    assert list(out.iloc[:, 2].cat.categories) == ["kesalahan", "peringatan", "info"]
