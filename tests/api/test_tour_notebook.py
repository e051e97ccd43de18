"""examples/tour.ipynb runs top to bottom (the ``notebook`` extra: nbclient, nbformat, ipykernel, pandas)."""

from __future__ import annotations

from pathlib import Path

import pytest

nbclient = pytest.importorskip("nbclient", reason="the notebook extra is not installed: pip install -e \".[notebook]\"")
nbformat = pytest.importorskip("nbformat", reason="the notebook extra is not installed: pip install -e \".[notebook]\"")
pytest.importorskip("ipykernel", reason="the notebook extra is not installed: pip install -e \".[notebook]\"")
pytest.importorskip("pandas", reason="the notebook extra is not installed: pip install -e \".[notebook]\"")

ROOT = Path(__file__).resolve().parents[2]


def test_tour_runs_top_to_bottom_from_where_jupyter_starts_it() -> None:
    """Jupyter (``jupyter nbconvert --execute examples/tour.ipynb``, JupyterLab) starts the kernel in the
    notebook's folder, examples/: the tour must find the example plans from there."""
    if not (ROOT / "examples" / "defects").is_dir():
        pytest.skip("examples/defects/ (the defect workspace the tour lints) is not in this checkout")
    nb = nbformat.read(ROOT / "examples" / "tour.ipynb", as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "examples")}})
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert [o for o in outputs if o.output_type == "error"] == []
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "kota-madiun.dinkes.skp-2023:R" in text and "rantai, berakhir di: {'nasional (RPJMN)':" in text
    # Indonesian first: the headings, the tree's labels, the imported YAML's comments, the HTML report written
    sources = "".join("".join(c.source) for c in nb.cells if c.cell_type == "markdown")
    assert sources.startswith("# Tur cascade untuk perencana\n") and "## Menelusuri target staf sampai RPJMN" in sources
    assert "# Diimpor oleh cascade import dari boalemo-dinkes-tc27.xlsx, lembar T-C.27." in text
    assert "laporan.html" in text
    assert "klaten.dinsos.renstra-2025:S2 [sasaran] Meningkatnya perlindungan dan jaminan sosial bagi keluarga miskin …  2 kesalahan, 5 peringatan" in text
    # the SAKIP side-by-side table no longer makes pandas warn (Pandas4Warning: incompatible dtype)
    stderr = "".join(o.get("text", "") for o in outputs if o.output_type == "stream" and o.get("name") == "stderr")
    assert "Warning" not in stderr, stderr
    assert any("text/vnd.mermaid" in o.get("data", {}) for o in outputs)
    # the tables a planner reads are labelled in Bahasa Indonesia (cascade.tables.labelled), codes included
    shown = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "<th>Tertaut ke atas (%)</th>" in shown and "<th>Tautan ke atas</th>" in shown and "<td>positif</td>" in shown
    assert "Berakhir di: nasional (RPJMN)" in shown and "<td>dibaca dari nama</td>" in shown and "<td>berubah</td>" in shown
    for code in ("positive", "negative", "declared", "linked_up", "orphan_elements", "severity", "parent", "supports",
                 "changed", "automated", "True", "False", "polarity"):
        assert f">{code}<" not in shown, code
    # the tour prints no employee's position, name or NIP (the HTML report outlines them)
    assert "Kepala Subbagian" not in text and "Contoh" not in text and "000000000000000" not in text
    assert sum("text/html" in o.get("data", {}) for o in outputs) >= 6
