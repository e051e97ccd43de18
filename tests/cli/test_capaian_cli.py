"""``cascade capaian``: text, JSON (the contract of issue 17), CSV, --output, --year, --as-of, exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

from cascade.cli.commands import main

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_json_of_the_specs_for_one_year() -> None:
    code, out, _ = run("capaian", str(SPECS), "--year", "2022", "--as-of", "2026", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["version"] == 1 and data["as_of"] == 2026
    ipm = [r for r in data["rows"] if r["ref"] == "kota-madiun.rpjmd-2019:T2.1.I1"]
    assert ipm == [{
        "ref": "kota-madiun.rpjmd-2019:T2.1.I1", "document": "kota-madiun.rpjmd-2019", "tier": ipm[0]["tier"],
        "year": 2022, "target": 82.01, "realized": 82.01, "capaian": 100.0, "category": "sangat tinggi",
        "polarity": "positive", "polarity_source": "declared", "status": "final", "source": "BPS Kota Madiun", "note": None,
    }]
    p0 = [r for r in data["rows"] if r["ref"].endswith(":T2.2.I1")][0]
    assert (p0["target"], p0["realized"], p0["capaian"], p0["category"]) == (4.1, 4.76, 83.9, "tinggi")  # (2 - 4.76/4.1) x 100
    assert {r["year"] for r in data["rows"]} == {2022}
    assert all(set(r) == {"ref", "document", "tier", "year", "target", "realized", "capaian", "category", "polarity",
                          "polarity_source", "status", "source", "note"} for r in data["rows"])


def test_pk_target_replaces_the_plan_target() -> None:
    _, out, _ = run("capaian", str(SPECS), "--year", "2023", "--as-of", "2026", "--format", "json")
    akb = [r for r in json.loads(out)["rows"] if r["ref"].endswith(":S2.1.1.I3")][0]
    assert (akb["target"], akb["realized"], akb["capaian"], akb["status"]) == (7.0, 6.9, 101.43, "preliminary")


def test_text_csv_and_output(tmp_path: Path) -> None:
    code, out, _ = run("capaian", str(SPECS), "--year", "2022", "--as-of", "2026")
    assert code == 0 and out.startswith("Capaian kinerja per 2026\n")
    rows = [line.split() for line in out.splitlines()]
    assert ["kota-madiun.rpjmd-2019:T2.2.I1", "2022", "4.1", "4.76", "83.90", "tinggi"] in rows
    assert ["kota-madiun.rpjmd-2019:S1.1.1.I2", "2022", "WTP", "WTP", "100.00", "sangat", "tinggi"] in rows
    # each indicator's name above its rows: a ref alone says little to a planner
    plain = out.splitlines()
    assert plain[plain.index(next(l for l in plain if l.startswith("kota-madiun.rpjmd-2019:T2.2.I1 "))) - 1] == "— Tingkat Kemiskinan"
    code, out, _ = run("capaian", str(SPECS), "--year", "2022", "--as-of", "2026", "--format", "csv", "--output", str(tmp_path / "c.csv"))
    assert code == 0 and out == ""
    lines = (tmp_path / "c.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "ref,document,tier,year,target,realized,capaian,category,polarity,polarity_source,status,source,note"
    assert len(lines) == 9


def test_as_of_hides_later_years() -> None:
    _, out, _ = run("capaian", str(SPECS), "--as-of", "2021", "--format", "json")
    assert max(r["year"] for r in json.loads(out)["rows"]) == 2021


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("capaian", str(tmp_path / "nope"))[0] == 2
    assert run("capaian", str(SPECS), "--as-of", "1200")[0] == 2
    assert run("capaian", str(SPECS), "--format", "xlsx")[0] == 2
    assert run("capaian", str(SPECS), "--output", str(tmp_path / "no" / "x.json"))[0] == 2


def test_config_as_of_and_lint_flag(tmp_path: Path) -> None:
    (tmp_path / "cascade.toml").write_text("as-of = 2021\n", encoding="utf-8")
    _, out, _ = run("capaian", str(SPECS), "--config", str(tmp_path / "cascade.toml"), "--format", "json")
    assert json.loads(out)["as_of"] == 2021
    (tmp_path / "bad.toml").write_text('as-of = "2021"\n', encoding="utf-8")
    code, _, err = run("capaian", str(SPECS), "--config", str(tmp_path / "bad.toml"))
    assert code == 2 and "bad.toml:1:1: as-of harus berupa tahun seperti 2024, bukan '2021'\n" in err
    # lint: the specs are clean as of the pinned 2026
    assert run("lint", str(SPECS), "--as-of", "2026", "--no-cache")[0] == 0


def test_lkjip_table() -> None:
    code, out, _ = run("capaian", str(SPECS), "--year", "2023", "--as-of", "2026", "--lkjip", "--format", "json")
    assert code == 0
    data = json.loads(out)
    ipm = [r for r in data["rows"] if r["ref"].endswith(":T2.1.I1")][0]
    assert ipm["previous"][0] == {"year": 2019, "realized": 80.88, "capaian": 100.47}
    assert (ipm["target"], ipm["realized"], ipm["capaian"], ipm["final_target"], ipm["final_capaian"]) == (82.4, 83.71, 101.59, 82.8, 101.1)
    code, out, _ = run("capaian", str(SPECS), "--year", "2023", "--as-of", "2026", "--lkjip", "--lang", "en")
    assert code == 0 and "  Previous years: 2019: 80.88 (100.47); 2020: 80.91 (100.00)" in out
    code, _, err = run("capaian", str(SPECS), "--lkjip", "--lang", "en")
    assert code == 2 and "--lkjip needs --year" in err


def test_lkjip_rows_name_the_kind_of_their_element() -> None:
    """Every block was headed "Sasaran:", for a tujuan (T2.1), a program (P1.02.02) as for a sasaran."""
    code, out, _ = run("capaian", str(SPECS), "--year", "2023", "--as-of", "2026", "--lkjip")
    heads = [line.strip() for line in out.splitlines() if line.startswith("  Sasaran/elemen: ")]
    assert heads[:2] == ["Sasaran/elemen: Tujuan T2.1 Meningkatkan kualitas hidup masyarakat",
                         "Sasaran/elemen: Sasaran S2.1.1 Meningkatnya derajat kesehatan masyarakat"]
    assert any(h.startswith("Sasaran/elemen: Program P1.02.02 ") for h in heads)
    code, out, _ = run("capaian", str(SPECS), "--year", "2023", "--as-of", "2026", "--lkjip", "--format", "json")
    kinds = {r["sasaran"].rpartition(":")[2]: r["sasaran_kind"] for r in json.loads(out)["rows"]}
    assert (kinds["T2.1"], kinds["S2.1.1"], kinds["P1.02.02"]) == ("tujuan", "sasaran", "program")


def test_by_document_rolls_up_each_level_of_a_document() -> None:
    """Kota Madiun's RPJMD in 2023 (hand-computed from the rows of ``cascade capaian --year 2023``):
    tujuan IPM 101.59 and TPT 81.5 (mean 91.545, shown 91.55), five sasaran 100.3, 101.46, 100,
    101.43 and 100 (WTP; mean 100.638), one program at 100."""
    code, out, _ = run("capaian", str(SPECS), "--year", "2023", "--as-of", "2026", "--by-document", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["as_of"] == 2026
    got = [(d["document"], d["kind"], d["year"], d["indicators"], d["mean"], d["min"], d["categories"]["sangat tinggi"],
            d["categories"]["tinggi"]) for d in data["documents"]]
    assert got == [
        ("kota-madiun.rpjmd-2019", "tujuan", 2023, 2, 91.55, 81.5, 1, 1),
        ("kota-madiun.rpjmd-2019", "sasaran", 2023, 5, 100.64, 100.0, 5, 0),
        ("kota-madiun.rpjmd-2019", "program", 2023, 1, 100.0, 100.0, 1, 0),
    ]
    code, out, _ = run("capaian", str(SPECS), "--year", "2023", "--as-of", "2026", "--by-document", "--lang", "id")
    assert code == 0
    assert out.splitlines()[0] == "Capaian per dokumen dan tingkat, keadaan tahun 2026"
    assert out.splitlines()[2].split() == ["kota-madiun.rpjmd-2019", "2", "tujuan", "2023", "2", "91.55", "81.50", "1", "1", "0", "0", "0"]
    code, out, _ = run("capaian", str(SPECS), "--year", "2023", "--as-of", "2026", "--by-document", "--format", "csv", "--lang", "en")
    assert out.splitlines()[0] == "Document,Tier,Level,Year,Indicators,Mean,Lowest,sangat tinggi,tinggi,sedang,rendah,sangat rendah"
    assert len(out.splitlines()) == 4


def test_an_implausible_realisasi_gives_no_capaian_and_no_average(tmp_path: Path) -> None:
    """The realisasi CAS703 reports (112 and -3 for a share, 8201 for an IPM of about 82) gave
    capaian 933.33 and 10,050.25 and pulled the sasaran's 2022 mean to 4,991.79; now their rows keep
    the realisasi, show no capaian (note ``implausible``), and the means hold only 2021/2023's
    believable values."""
    fixture = Path(__file__).parents[1] / "fixtures" / "rules" / "CAS703" / "fail" / "rpjmd.yaml"
    code, out, _ = run("capaian", str(fixture), "--as-of", "2023", "--format", "json")
    assert code == 0
    rows = [(r["ref"].rpartition(":")[2], r["year"], r["realized"], r["capaian"], r["note"]) for r in json.loads(out)["rows"]]
    assert rows == [
        ("S1.I1", 2021, 11.0, 110.0, None), ("S1.I1", 2022, 112.0, None, "implausible"), ("S1.I1", 2023, -3.0, None, "implausible"),
        ("S1.I2", 2021, 81.25, 100.06, None), ("S1.I2", 2022, 8201.0, None, "implausible"), ("S1.I2", 2023, 82.3, 100.37, None),
    ]
    code, out, _ = run("capaian", str(fixture), "--as-of", "2023", "--by-document", "--format", "json")
    got = [(d["year"], d["indicators"], d["mean"]) for d in json.loads(out)["documents"]]
    assert got == [(2021, 2, 105.03), (2023, 1, 100.37)]


def test_no_target_and_no_realisasi_are_said_in_the_language_json_keeps_the_code() -> None:
    defects = str(ROOT / "examples" / "defects")
    _, out, _ = run("capaian", defects, "--as-of", "2026")
    rows = {tuple(line.split()[:2]): line for line in out.splitlines()[2:]}
    assert rows[("klaten.dinsos.renstra-2025:K4.1.I1", "2026")].endswith("  -        tidak ada realisasi")
    assert rows[("klaten.dinsos.renstra-2025:T1.I1", "2024")].endswith("  -        tidak ada target")
    assert "no realisasi" not in out and "no target" not in out
    _, en, _ = run("capaian", defects, "--as-of", "2026", "--lang", "en")
    assert "  no realisasi" in en and "  no target" in en
    _, csv_id, _ = run("capaian", defects, "--as-of", "2026", "--format", "csv")
    assert csv_id.splitlines()[0].endswith(",status,source,note")  # the columns stay the keys scripts read
    assert "klaten.dinsos.renstra-2025:T1.I1,klaten.dinsos.renstra-2025,3,2024,,63.5,,,positive,name,final,,tidak ada target" in csv_id
    _, csv_en, _ = run("capaian", defects, "--as-of", "2026", "--format", "csv", "--lang", "en")
    assert csv_en.splitlines()[3].endswith(",final,,no target")
    _, js, _ = run("capaian", defects, "--as-of", "2026", "--format", "json")
    assert {r["note"] for r in json.loads(js)["rows"]} >= {"no realisasi", "no target"}


def test_note_in_translates_every_note_part() -> None:
    from cascade.core.capaian import note_in

    assert note_in("against max 49; realisasi 0: capped", "id") == "terhadap max 49; realisasi 0: dibatasi"
    assert note_in("range has no min for a positive indicator", "id") == "rentang tanpa min untuk indikator positif"
    assert note_in("no target", "en") == "no target" and note_in(None, "id") is None


def test_by_document_lists_the_levels_top_down() -> None:
    """The levels were sorted by a table of document kinds (every element kind fell to the end): the
    defects' renstra came out kegiatan, tujuan, sasaran, program."""
    code, out, _ = run("capaian", str(ROOT / "examples" / "defects"), "--by-document", "--format", "json")
    assert code == 0
    kinds = [d["kind"] for d in json.loads(out)["documents"] if d["document"] == "klaten.dinsos.renstra-2025"]
    assert kinds == ["tujuan", "sasaran", "program", "kegiatan"]
