"""The polarity table (cascade.core.polarity), its rule options, the numeric reading of text values and
the schema of the fields issue 16 added."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import cascade
from cascade.build.json_schema import document_json_schema
from cascade.core.errors import UsageError
from cascade.core.models import Indicator
from cascade.core.polarity import DEFAULT_TABLE, EffectivePolarity, PolarityTable
from cascade.rules.indicators import NumericText, numeric_text


@pytest.mark.parametrize("name, expected", [
    ("AKI", ("negative", "name", "aki")),
    ("Angka Kematian Bayi (AKB)", ("negative", "name", "kematian")),
    ("Tingkat Pengangguran Terbuka (TPT)", ("negative", "name", "pengangguran")),
    ("Prevalensi Stunting", ("negative", "name", "prevalensi")),
    ("Presentasi balita gizi buruk", ("negative", "name", "gizi buruk")),
    ("Rasio Gini", ("negative", "name", "gini")),
    ("UHH", ("positive", "name", "uhh")),
    ("Indeks Pembangunan Manusia", ("positive", "name", "pembangunan manusia")),
    ("Pertumbuhan PDRB", ("positive", "name", "pdrb")),
    ("Persentase penurunan angka kemiskinan", ("positive", "name", "penurunan")),
    ("Persentase Penduduk diatas garis kemiskinan", ("positive", "name", "diatas")),
    ("Cakupan penanganan balita stunting", ("positive", "name", "cakupan")),
    ("Persentase Desa Siaga Aktif", (None, None, None)),
    ("Nilai SAKIP", (None, None, None)),
])
def test_names_read_by_the_default_table(name: str, expected: tuple) -> None:
    assert tuple(DEFAULT_TABLE.infer(name)) == expected
    assert tuple(Indicator(id="I", name=name).effective_polarity) == expected


def test_declared_polarity_wins_and_is_kept_as_written() -> None:
    ind = Indicator(id="I", name="AKI", polarity="positive")
    assert ind.polarity == "positive"
    assert ind.effective_polarity == EffectivePolarity("positive", "declared")
    assert Indicator(id="I", name="Laju inflasi", polarity="stable").effective_polarity.value == "stable"
    assert Indicator(id="I", name="Nilai SAKIP").polarity is None


def test_a_table_of_ones_own() -> None:
    table = PolarityTable(negative_words=["sampah"], reversing_words=[], positive_words=[], abbreviations={"ikk": "positive"})
    assert table.infer("Volume sampah").value == "negative"
    assert table.infer("Capaian IKK").value == "positive"
    assert table.infer("AKI").value is None


def _ws(tmp_path: Path) -> Path:
    (tmp_path / "r.yaml").write_text(
        "document: {id: k.renstra, kind: renstra, title: R, period: {start: 2025, end: 2029},\n"
        "           region: {code: \"35.25\", name: K}, agency: {name: D}}\n"
        "elements:\n"
        "  - id: S1\n"
        "    kind: sasaran\n"
        "    name: Menurunnya timbulan sampah\n"
        "    indicators:\n"
        "      - {id: S1.I1, name: Volume timbulan sampah, unit: ton, baseline: {year: 2024, value: 10}, targets: {2025: 9, 2029: 12}}\n"
    )
    return tmp_path


def test_rule_options_extend_the_table_for_every_rule(tmp_path: Path) -> None:
    ws = cascade.load(str(_ws(tmp_path)))
    assert [f.code for f in ws.validate(select=["CAS505", "CAS512", "CAS514"])] == ["CAS514"]
    options = {"polarity-name-hint": {"negative_words": ["sampah"]}}
    report = ws.validate(select=["CAS505", "CAS512", "CAS514"], options=options)
    assert [(f.code, f.message) for f in report] == [
        ("CAS505", "targets rise from 9 in 2025 to 12 in 2029, but lower is better, read from the name ('sampah')"),
        ("CAS512", "the 2029 target 12 is above the 2024 baseline 10 (1 of 2 behind), but lower is better, read from the name ('sampah')"),
    ]


def test_bad_table_options_are_usage_errors(tmp_path: Path) -> None:
    ws = cascade.load(str(_ws(tmp_path)))
    with pytest.raises(UsageError, match="abbreviations"):
        ws.validate(select=["CAS512"], options={"CAS509": {"abbreviations": {"aki": "lower"}}})
    with pytest.raises(UsageError, match="negative_words"):
        ws.validate(select=["CAS505"], options={"CAS509": {"negative_words": "sampah"}})


@pytest.mark.parametrize("text, expected", [
    ("87.2%", NumericText("number", "87.2", "%")),
    ("15,50 - 16,50", NumericText("range", "{min: 15.5, max: 16.5}")),
    ("0 - 5", NumericText("range", "{min: 0, max: 5}")),
    ("3 RS", NumericText("number", "3", "RS")),
    ("8600 lbr", NumericText("number", "8600", "lbr")),
    ("NA", NumericText("none", "")),
    ("-", NumericText("none", "")),
    ("3,5 dari skala 5", NumericText("number", "3.5", "skala 5")),
    ("56,56 (2022)", NumericText("number", "56.56", None, 2022)),
    ("kurang dari 49", NumericText("at-most", "{max: 49}")),
    ("< 0,49", NumericText("at-most", "{max: 0.49}")),
    ("minimal 80 %", NumericText("at-least", "{min: 80}", "%")),
    ("93,65 PER 100.000", NumericText("number", "93.65", "PER 100.000")),
    ("WTP", None), ("Predikat A", None), ("Tersedia", None), ("BB", None), ("", None),
])
def test_numeric_text(text: str, expected: NumericText | None) -> None:
    assert numeric_text(text) == expected


def test_schema_knows_rpd_part_of_and_one_sided_ranges() -> None:
    d = document_json_schema()["definitions"]
    assert "rpd" in d["Header"]["properties"]["kind"]["enum"]
    assert "part_of" in d["Header"]["properties"]
    assert d["Range"]["minProperties"] == 1 and "required" not in d["Range"]
    assert d["Indicator"]["properties"]["polarity"]["default"] is None


def test_an_empty_range_is_one_clear_finding(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        "document: {id: k.renstra, kind: renstra, title: R, period: {start: 2025, end: 2025},\n"
        "           region: {code: \"35.25\", name: K}, agency: {name: D}}\n"
        "elements:\n"
        "  - {id: S1, kind: sasaran, name: X, indicators: [{id: S1.I1, name: AKI, targets: {2025: {max: null}}}]}\n"
    )
    report = cascade.load(str(tmp_path)).validate(select=["CAS103"])
    assert [(f.line, f.column, f.message) for f in report] == [
        (4, 90, "'2025' must be a range with min, max or both, not a mapping"),
    ]


def test_a_run_reads_each_name_once_however_many_names_it_has(monkeypatch: pytest.MonkeyPatch) -> None:
    # the run's own table remembers every name: with the process-wide bound at 4 names (it is
    # 16,384), seven rules asking about the same indicators in the same order would miss every time
    from cascade.core import polarity
    from cascade.validate import Selection, validate
    from findings_support import finding_rows

    ws = cascade.load(str(Path(__file__).resolve().parents[2] / "examples" / "defects"), jobs=1)
    before = finding_rows(validate(ws, jobs=1))
    monkeypatch.setattr(polarity, "CACHE_SIZE", 4)
    asked: Counter[str] = Counter()
    real = PolarityTable._infer

    def counting(self: PolarityTable, name: str):
        asked[name] += 1
        return real(self, name)

    monkeypatch.setattr(PolarityTable, "_infer", counting)
    assert finding_rows(validate(ws, jobs=1)) == before
    assert len(asked) > 4  # more names than the bound
    assert max(asked.values()) == 1, asked.most_common(3)
    other = PolarityTable()  # other tables keep the bound: they remember four names, and read the rest each time
    for n in range(10):
        assert other.infer(f"Angka kematian {n}").value == "negative"
    assert len(other._memo) == 4


def test_a_table_is_freed_without_the_cyclic_collector() -> None:
    # a run's table remembers every name: it must go with the run, not wait for a full collection
    import gc
    import weakref

    table = PolarityTable(cache_size=None)
    table.infer("Angka kematian ibu")
    gone = weakref.ref(table)
    was = gc.isenabled()
    gc.disable()
    try:
        del table
        assert gone() is None
    finally:
        if was:
            gc.enable()
