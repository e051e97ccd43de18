"""``cascade diff`` output: text, JSON, Markdown (a pull-request comment) and HTML. Pure functions of a
:class:`~cascade.revisions.DiffResult`; values are already masked by :func:`cascade.diff`."""

from __future__ import annotations

from ..core.text import html_text

import json
from collections import Counter
from typing import Any

from .compare import REALISASI, YEAR_FIELDS, Change, DiffResult, tier_name
from ..core.words import kind_word
from ..core.text import escape_unsafe, join_lines, json_text

__all__ = ["DIFF_FORMATS", "render_diff", "summary_sentence"]

DIFF_FORMATS = ("text", "json", "markdown", "html")

_T = {
    "title": {"en": "Plan changes", "id": "Perubahan rencana"},
    "changes": {"en": "Changes", "id": "Perubahan"},
    "count-folded": {"en": "{rows} rows; {n} changes, {k} of them folded into their document's row",
                     "id": "{rows} baris; {n} perubahan, {k} di antaranya dilipat ke baris dokumennya"},
    "impact": {"en": "Impact below", "id": "Dampak ke bawah"},
    "none": {"en": "no changes", "id": "tidak ada perubahan"},
    "no-impact": {"en": "nothing below depends on the changed items", "id": "tidak ada yang bergantung pada unsur yang berubah"},
    "added": {"en": "added", "id": "ditambah"},
    "removed": {"en": "removed", "id": "dihapus"},
    "renamed": {"en": "renamed", "id": "diganti id"},
    "modified": {"en": "modified", "id": "diubah"},
    "guess": {"en": "guess", "id": "tebakan"},
    "from": {"en": "from", "id": "dari"},
    "skipped": {"en": "left out (could not be read on one side)", "id": "tidak dibandingkan (tidak terbaca di salah satu sisi)"},
    "document-items": {"en": "{n} elements and indicators", "id": "{n} unsur dan indikator"},
    "document-values": {"en": "{n} realisasi entries", "id": "{n} entri realisasi"},
    "preliminary": {"en": "preliminary", "id": "sementara"},
    "because": {"en": "because of", "id": "karena"},
    "ref": {"en": "Reference", "id": "Rujukan"},
    "kind": {"en": "Kind", "id": "Jenis"},
    "change": {"en": "Change", "id": "Perubahan"},
    "fields": {"en": "Fields", "id": "Isian"},
    "path": {"en": "Path up to the change", "id": "Jalur ke unsur yang berubah"},
    "tier": {"en": "Tier", "id": "Tingkat"},
}

_SENTENCE = {
    "lowers": {"en": "lowers {n} {tier} target{s}", "id": "menurunkan {n} target {tier}"},
    "raises": {"en": "raises {n} {tier} target{s}", "id": "menaikkan {n} target {tier}"},
    "targets": {"en": "changes {n} {tier} target{s}", "id": "mengubah {n} target {tier}"},
    "s-removed": {"en": "removes {n} {tier} item{s}", "id": "menghapus {n} unsur {tier}"},
    "s-renamed": {"en": "renames {n} {tier} item{s}", "id": "mengganti id {n} unsur {tier}"},
    "s-modified": {"en": "changes {n} {tier} item{s}", "id": "mengubah {n} unsur {tier}"},
    "s-added": {"en": "adds {n} {tier} item{s}", "id": "menambah {n} unsur {tier}"},
    "s-realisasi": {"en": "changes the realisasi of {n} {tier} indicator{s}", "id": "mengubah realisasi {n} indikator {tier}"},
    "d-added": {"en": "adds {n} document{s}", "id": "menambah {n} dokumen"},
    "d-removed": {"en": "removes {n} document{s}", "id": "menghapus {n} dokumen"},
    "d-modified": {"en": "changes the document: block of {n} document{s}", "id": "mengubah blok document: pada {n} dokumen"},
    "depend": {"en": "{items} below depend on them", "id": "{items} di bawahnya bergantung padanya"},
    "nothing": {"en": "nothing below depends on them", "id": "tidak ada yang bergantung padanya di bawah"},
    "indicators": {"en": "{n} {tier} indicator{s}", "id": "{n} indikator {tier}"},
    "elements": {"en": "{n} {tier} element{s}", "id": "{n} unsur {tier}"},
    "staff": {"en": "{n} staff target{s}", "id": "{n} target kinerja pegawai"},
    "this": {"en": "This change", "id": "Perubahan ini"},
    "and": {"en": "and", "id": "dan"},
}


def _t(key: str, lang: str, **args: Any) -> str:
    table = _T.get(key) or _SENTENCE[key]
    return (table.get(lang) or table["en"]).format(**args)


def _join(parts: list[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {_t('and', lang)} " + parts[-1]


def summary_sentence(result: DiffResult, lang: str = "id") -> str:
    """One sentence for a pull-request comment: what the change does above, and what depends on it below."""
    counts: Counter = Counter()
    documents: Counter = Counter()
    for c in result.changes:
        if c.element_kind == "document":
            documents["d-" + c.change] += 1
            continue
        if c.element_kind == REALISASI:
            key = "s-realisasi"
        elif c.change == "modified" and "targets" in c.fields:
            key = {"lowered": "lowers", "raised": "raises"}.get(c.direction or "", "targets")
        else:
            key = "s-" + c.change
        counts[(c.tier, key)] += 1
    order = ["lowers", "raises", "targets", "s-removed", "s-renamed", "s-modified", "s-added", "s-realisasi"]
    parts = [_t(key, lang, n=n, tier=tier_name(tier), s="" if n == 1 else "s").replace("  ", " ").strip()
             for (tier, key), n in sorted(counts.items(), key=lambda kv: (kv[0][0], order.index(kv[0][1])))]
    if not parts:  # only documents' headers, or nothing at all
        parts = [_t(key, lang, n=documents[key], s="" if documents[key] == 1 else "s")
                 for key in ("d-removed", "d-added", "d-modified") if documents[key]]
    if not parts:
        return _t("none", lang).capitalize() + "."
    below: Counter = Counter((i.tier, i.node_type) for i in result.impacted)
    items = []
    for (tier, node_type), n in sorted(below.items()):
        s = "" if n == 1 else "s"
        if tier == 4:
            items.append(_t("staff", lang, n=n, s=s))
        else:
            items.append(_t("indicators" if node_type == "indicator" else "elements", lang, n=n, tier=tier_name(tier), s=s))
    tail = _t("depend", lang, items=_join(items, lang)) if items else _t("nothing", lang)
    return f"{_t('this', lang)} {_join(parts, lang)}; {tail}."


def _value(value: Any, lang: str = "en") -> str:
    if isinstance(value, dict) and set(value) == {"min", "max"}:
        return f"{_value(value['min'])}–{_value(value['max'])}"
    if isinstance(value, dict) and set(value) == {"value", "status", "source"}:  # a realised value
        notes = [_t("preliminary", lang)] if value["status"] == "preliminary" else []
        notes += [value["source"]] if value["source"] else []
        return _value(value["value"]) + (f" ({'; '.join(notes)})" if notes else "")
    if isinstance(value, float):
        return format(value, "g")
    if value is None:
        return "—"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _details(c: Change, lang: str = "en") -> list[str]:
    """One line per changed field (per year for targets and realised values): ``field: before -> after``."""
    out = []
    for name in c.fields:
        a = (c.before or {}).get(name)
        b = (c.after or {}).get(name)
        if name in YEAR_FIELDS and isinstance(a, dict) and isinstance(b, dict):
            for year in sorted(set(a) | set(b)):
                out.append(f"{name} {year}: {_value(a.get(year), lang)} -> {_value(b.get(year), lang)}")
        else:
            out.append(f"{name}: {_value(a, lang)} -> {_value(b, lang)}")
    return out


def _folded(c: Change, n: int, lang: str) -> str:
    """What an added or removed document's line says of the items folded into it."""
    return _t("document-values" if c.document_kind == REALISASI else "document-items", lang, n=n)


def _collapsed(result: DiffResult) -> tuple[list[Change], dict[str, int]]:
    """The changes to list: the items of an added or removed document folded into its line."""
    whole = {c.ref: c.change for c in result.changes if c.element_kind == "document" and c.change in ("added", "removed")}
    folded: Counter = Counter()
    shown = []
    for c in result.changes:
        doc = c.ref.split(":")[0] if c.element_kind != "document" else None
        if doc is not None and whole.get(doc) == c.change:
            folded[doc] += 1
            continue
        shown.append(c)
    return shown, dict(folded)


def _headline(c: Change, lang: str) -> str:
    what = _t(c.change, lang)
    extra = ""
    if c.renamed_from:
        extra = f" {_t('from', lang)} {c.renamed_from}"
        if c.guess:
            extra += f" ({_t('guess', lang)}: {c.reason}; {c.score:.2f})" if c.score is not None else f" ({_t('guess', lang)})"
    fields = f": {', '.join(c.fields)}" if c.fields and c.change in ("modified", "renamed") else ""
    return f"{c.ref} [{kind_word(c.element_kind, lang)}] {what}{extra}{fields}"


_SIGN = {"added": "+", "removed": "-", "renamed": "~", "modified": "~"}


def _text(result: DiffResult, lang: str) -> str:
    shown, folded = _collapsed(result)
    # with no change, the sentence says so ("Tidak ada perubahan."): once
    lines = [f"{_t('title', lang)}: {result.old} -> {result.new}", summary_sentence(result, lang)]
    if result.changes:
        lines.append("")
    for c in shown:
        where = f"  ({c.file}:{c.line})" if c.file and c.line else (f"  ({c.file})" if c.file else "")
        lines.append(f"{_SIGN[c.change]} {_headline(c, lang)}{where}")
        if c.element_kind == "document" and c.ref in folded:
            lines.append(f"    {_folded(c, folded[c.ref], lang)}")
        for d in _details(c, lang):
            lines.append(f"    {d}")
    if result.changes:
        lines += ["", f"{_t('impact', lang)} ({len(result.impacted)}):"]
        if not result.impacted:
            lines.append(f"  {_t('no-impact', lang)}")
        for i in result.impacted:
            lines.append(f"  {tier_name(i.tier)}  {' <- '.join(i.path)}")
            if len(i.because) > 1:
                lines.append(f"      {_t('because', lang)}: {', '.join(i.because)}")
    for f in result.skipped:
        lines.append(f"! {f}: {_t('skipped', lang)}")
    return join_lines(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def _markdown(result: DiffResult, lang: str, limit: int = 200) -> str:
    shown, folded = _collapsed(result)
    out = [f"### {_t('title', lang)}", "", summary_sentence(result, lang), ""]
    if shown:
        out += [f"| {_t('ref', lang)} | {_t('kind', lang)} | {_t('change', lang)} | {_t('fields', lang)} |", "|---|---|---|---|"]
        for c in shown[:limit]:
            change = _t(c.change, lang)
            if c.renamed_from:
                change += f" ← `{c.renamed_from}`" + (f" ({_t('guess', lang)} {c.score:.2f})" if c.guess and c.score is not None else "")
            details = "; ".join(_details(c, lang)) or (_folded(c, folded[c.ref], lang) if c.ref in folded else "")
            out.append(f"| `{_md(c.ref)}` | {_md(kind_word(c.element_kind, lang))} | {_md(change)} | {_md(details)} |")
        if len(shown) > limit:
            out.append(f"| … | | +{len(shown) - limit} | |")
    if result.impacted:
        out += ["", f"<details><summary>{_t('impact', lang)} ({len(result.impacted)})</summary>", "",
                f"| {_t('tier', lang)} | {_t('path', lang)} |", "|---|---|"]
        for i in result.impacted[:limit]:
            out.append(f"| {tier_name(i.tier)} | {' ← '.join(f'`{_md(r)}`' for r in i.path)} |")
        if len(result.impacted) > limit:
            out.append(f"| … | +{len(result.impacted) - limit} |")
        out += ["", "</details>"]
    for f in result.skipped:
        out += ["", f"> ⚠ `{_md(f)}`: {_t('skipped', lang)}"]
    return join_lines(out)


def _html(result: DiffResult, lang: str) -> str:
    e = html_text  # escaped, line breaks as character references
    shown, folded = _collapsed(result)
    rows = []
    for c in shown:
        change = _t(c.change, lang) + (f" ← <code>{e(c.renamed_from)}</code>" if c.renamed_from else "")
        if c.guess:
            change += f' <span class="guess">{e(_t("guess", lang))}{f" {c.score:.2f}" if c.score is not None else ""}</span>'
        details = "<br>".join(e(d) for d in _details(c, lang)) or (e(_folded(c, folded[c.ref], lang)) if c.ref in folded else "")
        rows.append(f'<tr class="{e(c.change)}"><td><code>{e(c.ref)}</code></td><td>{e(kind_word(c.element_kind, lang))}</td><td>{change}</td><td>{details}</td></tr>')
    # the heading counts the rows below it (the items of an added or removed document are folded into its row)
    count = (_t("count-folded", lang, rows=len(shown), n=len(result.changes), k=sum(folded.values()))
             if folded else str(len(shown)))
    impacts = [f"<tr><td>{e(tier_name(i.tier))}</td><td>{' ← '.join(f'<code>{e(r)}</code>' for r in i.path)}</td></tr>"
               for i in result.impacted]
    return f"""<!DOCTYPE html>
<html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(_t('title', lang))}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{{font:14px/1.45 system-ui,sans-serif;max-width:1200px;margin:auto;padding:1rem}}table{{border-collapse:collapse}}
td,th{{border:1px solid #d0d4d9;padding:.25rem .45rem;vertical-align:top;text-align:left}}.added{{background:#e6f4ea}}
.removed{{background:#fde2e1}}.guess{{background:#fff4ce;padding:0 .3rem}}</style></head><body>
<h1>{e(_t('title', lang))}</h1><p><code>{e(result.old)}</code> → <code>{e(result.new)}</code></p>
<p>{e(summary_sentence(result, lang))}</p>
<h2>{e(_t('changes', lang))} ({e(count)})</h2>
<table><tr><th>{e(_t('ref', lang))}</th><th>{e(_t('kind', lang))}</th><th>{e(_t('change', lang))}</th><th>{e(_t('fields', lang))}</th></tr>
{''.join(rows)}</table>
<h2>{e(_t('impact', lang))} ({len(result.impacted)})</h2>
<table><tr><th>{e(_t('tier', lang))}</th><th>{e(_t('path', lang))}</th></tr>{''.join(impacts)}</table>
{''.join(f'<p>⚠ <code>{e(f)}</code>: {e(_t("skipped", lang))}</p>' for f in result.skipped)}
</body></html>
"""


def render_diff(result: DiffResult, fmt: str = "text", lang: str = "id") -> str:
    """``result`` as ``text``, ``json``, ``markdown`` or ``html`` (ValueError for another format)."""
    if fmt == "json":
        return json_text(result.as_dict())
    # a plan's ESC, BEL or direction marks (a title, a printed realisasi name) never reach the
    # terminal or the pull-request comment as they are: shown as \uXXXX, as lint shows them
    if fmt == "text":
        return escape_unsafe(_text(result, lang), keep="\n")
    if fmt == "markdown":
        return escape_unsafe(_markdown(result, lang), keep="\n")
    if fmt == "html":
        return escape_unsafe(_html(result, lang), keep="\n")
    raise ValueError(f"unknown diff format {fmt!r}; use one of {', '.join(DIFF_FORMATS)}")
