"""Text and HTML renderings of a :class:`~cascade.sakip.result.SakipResult` (Bahasa Indonesia first)."""

from __future__ import annotations

from ..core.text import html_text

from typing import TYPE_CHECKING, Any

from ..core.text import join_lines

if TYPE_CHECKING:
    from .result import SakipResult

__all__ = ["render_text", "render_html", "range_lines", "LABELS", "INDICATIVE", "REASONS"]

INDICATIVE = {
    "en": "Indicative only: scored over the automated and partial criteria (and answers from sakip-answers.yaml); "
          "manual criteria are left open. Not the evaluators' grade.",
    "id": "Indikatif saja: dinilai dari kriteria otomatis dan sebagian (serta jawaban sakip-answers.yaml); "
          "kriteria manual dibiarkan terbuka. Bukan nilai dari evaluator.",
}

LABELS = {
    "id": {
        "title": "Pra-evaluasi SAKIP (LKE PermenPANRB 88/2021)", "scope": "Cakupan", "pemda": "seluruh pemda",
        "year": "Tahun", "component": "Komponen", "weight": "Bobot", "assessed": "Bobot dinilai", "score": "Nilai",
        "band": "Rentang 88/2021", "total": "Total indikatif", "predikat": "Predikat", "criteria": "Kriteria",
        "mode": "Mode", "answer": "Jawaban", "evidence": "Bukti", "moves": "Yang akan menaikkan nilai",
        "open": "kriteria manual terbuka", "fix": "yang perlu dibenahi:", "refs": "ref", "gain": "bobot", "total_gain": "total indikatif", "none": "(tidak ada)",
        "answers_problems": "Masalah di sakip-answers.yaml",
        "range": "Rentang bila bobot yang belum dinilai bernilai nol sampai penuh",
        "unreliable": "Rencana ini memberi bukti untuk {assessed:.2f} dari {assessable:.2f} bobot yang dapat dinilai "
                      "dari rencana (kriteria tanpa renstra, SKP atau realisasi tidak dinilai): predikat ini belum dapat diandalkan.",
    },
    "en": {
        "title": "SAKIP pre-evaluation (LKE PermenPANRB 88/2021)", "scope": "Scope", "pemda": "whole pemda",
        "year": "Year", "component": "Component", "weight": "Weight", "assessed": "Assessed weight", "score": "Score",
        "band": "88/2021 band", "total": "Indicative total", "predikat": "Predikat", "criteria": "Criteria",
        "mode": "Mode", "answer": "Answer", "evidence": "Evidence", "moves": "What would move the grade",
        "open": "manual criteria left open", "fix": "to fix:", "refs": "refs", "gain": "weight", "total_gain": "indicative total", "none": "(none)",
        "answers_problems": "Problems in sakip-answers.yaml",
        "range": "Range if the weight not assessed scores nothing to full marks",
        "unreliable": "These plans evidence {assessed:.2f} of the {assessable:.2f} weight points plans can "
                      "evidence (criteria without renstra, SKP or realisasi are not judged): this predikat cannot be relied on yet.",
    },
}


#: The criterion modes as the text and HTML show them (JSON keeps ``automated``, ``partial``, ``manual``).
MODES = {"id": {"automated": "otomatis", "partial": "sebagian", "manual": "manual"}}


#: The reasons a ref falls short, as the text and HTML show them (JSON keeps the codes; a rule code
#: such as ``CAS302`` is shown as it is).
REASONS = {"id": {
    "no-iku": "tanpa IKU", "no-realisasi": "tanpa realisasi", "behind-target": "di bawah target",
    "no-definition": "tanpa definisi operasional", "no-source": "tanpa sumber data", "no-crosscuts": "tanpa crosscutting",
    "no-skp": "tanpa SKP", "flat": "target datar", "no-kegiatan": "tanpa kegiatan",
    "no-medium-term-plan": "tanpa rencana jangka menengah", "missing-realization": "realisasi belum ada",
}}


def _reasons(reasons: "tuple[str, ...] | list[str]", lang: str) -> str:
    words = REASONS.get(lang, {})
    return ", ".join(words.get(r, r) for r in reasons)


def _mode(mode: str, lang: str) -> str:
    return MODES.get(lang, {}).get(mode, mode)


def _n(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _scope(r: "SakipResult", t: dict) -> str:
    s = r.scope
    what = s["document"] if s["kind"] == "document" else t["pemda"]
    return f"{what} ({len(s['documents'])} dok.: {', '.join(s['documents'])})"


def _total_gain(move: Any, result: Any, t: dict[str, str]) -> str:
    """``, +2.32 total indikatif``: what a move's gain in weight points makes of the indicative total
    (the points earned over the weight assessed); empty when nothing was assessed."""
    if not result.assessed_weight:
        return ""
    return f", +{move.gain / result.assessed_weight * 100:.2f} {t['total_gain']}"


def range_lines(r: "SakipResult", t: dict[str, str]) -> list[str]:
    """The total's range while weight is left unassessed, and the warning when most of it is."""
    span = r.score_range()
    if span is None or r.assessed_weight >= 100:
        return []
    lines = [f"{t['range']}: {span['low']:.2f} ({span['predikat_low']}) - {span['high']:.2f} ({span['predikat_high']})"]
    if not r.reliable:
        lines.append(t["unreliable"].format(assessed=r.assessed_weight, assessable=r.assessable_weight))
    return lines


def render_text(r: "SakipResult", lang: str | None = None, *, all_criteria: bool = False) -> str:
    lang = lang or r.lang
    t = LABELS.get(lang, LABELS["en"])
    out = [t["title"], f"{t['scope']}: {_scope(r, t)}", f"{t['year']}: {r.year if r.year is not None else '-'}",
           INDICATIVE.get(lang, INDICATIVE["en"]), ""]
    out.append(f"{t['component']:<44} {t['weight']:>6} {t['assessed']:>14} {t['score']:>7}  {t['band']}")
    for c in r.components:
        out.append(f"{c.name[:44]:<44} {c.weight:>6.1f} {c.assessed_weight:>14.2f} {c.score:>7.2f}")
        for s in c.subcomponents:
            name = f"  {s.number} {s.kind}"
            band = f"{s.band_88} ({s.fulfilled:.0%})" if s.band_88 else "-"
            out.append(f"{name:<44} {s.weight:>6.1f} {s.assessed_weight:>14.2f} {s.score:>7.2f}  {band}")
    out.append(f"{t['total']}: {r.total_score:.2f} / 100   {t['predikat']}: {r.predikat or '-'}   "
               f"{t['assessed']}: {r.assessed_weight:.2f} / 100")
    out.extend(range_lines(r, t))
    out.append("")
    out.append(t["criteria"] + ":")
    open_manual = 0
    for c in r.criteria:
        if c.answer is None and c.mode == "manual" and not all_criteria:
            open_manual += 1
            continue
        out.append(f"  {c.id:<20} {_mode(c.mode, lang):<9} {c.answer or '-':<2} {c.evidence}")
        for w in c.refs:
            where = f"{w.file}:{w.line}" if w.file and w.line else (w.file or "")
            out.append(f"      {w.ref}  [{_reasons(w.reasons, lang)}]  {where}".rstrip())
    if open_manual:
        out.append(f"  ({open_manual} {t['open']})")
    out.append("")
    out.append(t["moves"] + ":")
    if not r.moves:
        out.append("  " + t["none"])
    for m in r.moves[:10]:
        out.append(f"  {m.criterion:<20} {m.answer} -> {m.to}  +{m.gain:.2f} {t['gain']}{_total_gain(m, r, t)}; {t['fix']} "
                   f"{_reasons(m.reasons, lang) or '-'} ({m.fixes} {t['refs']})")
    if r.findings:
        out.append("")
        out.append(t["answers_problems"] + ":")
        for f in r.findings:
            out.append(f"  {f.file}:{f.line}:{f.column}: {f.code} {f.localized(lang)}")
    return join_lines(out)


def render_html(r: "SakipResult", lang: str | None = None, *, full: bool = True, heading: bool = True) -> str:
    """The pre-evaluation as an HTML fragment (a section of the report; a page when ``full``)."""
    lang = lang or r.lang
    t = LABELS.get(lang, LABELS["en"])
    e = html_text  # escaped, line breaks as character references
    rows = []
    for c in r.components:
        rows.append(f"<tr class='comp'><th>{e(c.name)}</th><td>{c.weight:.1f}</td><td>{c.assessed_weight:.2f}</td>"
                    f"<td>{c.score:.2f}</td><td></td></tr>")
        for s in c.subcomponents:
            band = f"{s.band_88} ({s.fulfilled:.0%})" if s.band_88 else "-"
            rows.append(f"<tr><td>{e(s.number)} {e(s.kind)}</td><td>{s.weight:.1f}</td><td>{s.assessed_weight:.2f}</td>"
                        f"<td>{s.score:.2f}</td><td>{e(band)}</td></tr>")
    crit = []
    for c in r.criteria:
        refs = "".join(f"<li><code>{e(w.ref)}</code> {e(_reasons(w.reasons, lang))}"
                       f"{' — ' + e(str(w.file)) + ':' + str(w.line) if w.file and w.line else ''}</li>" for w in c.refs)
        crit.append(f"<tr class='mode-{e(c.mode)}'><td><code>{e(c.id)}</code></td><td>{e(c.text)}</td><td>{e(_mode(c.mode, lang))}</td>"
                    f"<td><b>{e(c.answer or '-')}</b></td><td>{e(c.evidence)}{'<ul>' + refs + '</ul>' if refs else ''}</td></tr>")
    moves = "".join(f"<li><code>{e(m.criterion)}</code> {e(m.answer)} → {e(m.to)} (+{m.gain:.2f} {t['gain']}"
                    f"{_total_gain(m, r, t)}): {t['fix']} "
                    f"{e(_reasons(m.reasons, lang) or '-')} ({m.fixes} {t['refs']})</li>" for m in r.moves[:10]) or f"<li>{t['none']}</li>"
    body = (
        f"<{'section' if heading else 'div'} class='sakip'>{'<h2>' + e(t['title']) + '</h2>' if heading else ''}"
        f"<p>{e(t['scope'])}: {e(_scope(r, t))} · {e(t['year'])}: {r.year if r.year is not None else '-'}</p>"
        f"<p><em>{e(INDICATIVE.get(lang, INDICATIVE['en']))}</em></p>"
        f"<p class='sakip-total'><b>{e(t['total'])}: {r.total_score:.2f}</b> · {e(t['predikat'])}: <b>{e(r.predikat or '-')}</b>"
        f" · {e(t['assessed'])}: {r.assessed_weight:.2f} / 100</p>"
        + "".join(f"<p class='sakip-range'>{e(line)}</p>" for line in range_lines(r, t)) +
        f"<table><thead><tr><th>{e(t['component'])}</th><th>{e(t['weight'])}</th><th>{e(t['assessed'])}</th>"
        f"<th>{e(t['score'])}</th><th>{e(t['band'])}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<h3>{e(t['moves'])}</h3><ol>{moves}</ol>"
        f"<details><summary>{e(t['criteria'])}</summary><table><thead><tr><th>id</th><th></th><th>{e(t['mode'])}</th>"
        f"<th>{e(t['answer'])}</th><th>{e(t['evidence'])}</th></tr></thead><tbody>{''.join(crit)}</tbody></table></details>"
        f"</{'section' if heading else 'div'}>"
    )
    if not full:
        return body
    return (f"<!DOCTYPE html><html lang='{e(lang)}'><head><meta charset='utf-8'><title>{e(t['title'])}</title>"
            "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
            "padding:2px 6px;vertical-align:top;text-align:left}tr.comp{background:#eef}tr.mode-manual{color:#777}</style>"
            f"</head><body>{body}</body></html>\n")
