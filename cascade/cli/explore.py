"""``cascade trace REF [PATH]`` and ``cascade coverage [PATH]``: the notebook's trace and coverage
table on the command line.

``trace`` writes every upward chain from an element or indicator to where it ends (the RPJMN, a
document outside the workspace, an orphan, a cycle), or with ``--down`` everything below it whose
links reach it. ``coverage`` writes one row per document: elements and indicators, the shares
linked upward and supported from below, orphans, findings by severity.

``--format text|json|csv`` (default text), ``--output FILE``, ``--lang``, ``--show-personal``, as
every command. Exit codes: ``trace`` 0 when some chain reaches the national tier or a document
outside the workspace, 1 when none does (the element is cut off: what ``orphan-element`` reports;
``--exit-zero`` gives 0), 2 for a reference that names nothing, usage or configuration errors;
``coverage`` 0 (a table has nothing that fails: the findings are ``cascade lint``'s) or 2.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ..core.findings import DEFAULT_LANG, LANGUAGES
from ..core.text import csv_text, join_lines, json_text

__all__ = ["add_explore_parsers", "run_trace", "run_coverage"]

_MESSAGES = {
    "unknown": {"en": "{ref!r} is not an element or indicator of the workspace", "id": "{ref!r} bukan elemen atau indikator di ruang kerja"},
    "hint": {"en": "; did you mean {hint!r}?", "id": "; maksudnya {hint!r}?"},
    "up": {"en": "Chains upward from {ref}: {n} chain(s), {reach} reaching the national tier or a document outside the workspace",
           "id": "Rantai ke atas dari {ref}: {n} rantai, {reach} sampai ke tingkat nasional atau dokumen di luar ruang kerja"},
    "down-element": {"en": "Below {ref}: {n} element(s) whose links reach it (their indicators: trace an indicator)",
                     "id": "Di bawah {ref}: {n} elemen yang tautannya sampai kepadanya (indikatornya: telusuri sebuah indikator)"},
    "down-indicator": {"en": "Below {ref}: {n} indicator(s) whose links reach it",
                       "id": "Di bawah {ref}: {n} indikator yang tautannya sampai kepadanya"},
    "chain": {"en": "Chain {i}: {end}", "id": "Rantai {i}: {end}"},
    "more": {"en": "… {n} more chain(s) (--limit 0 shows all; --format json or csv holds every one)",
             "id": "… {n} rantai lainnya (--limit 0 menampilkan semua; --format json atau csv memuat semuanya)"},
    "national": {"en": "reaches the national tier (RPJMN)", "id": "sampai ke tingkat nasional (RPJMN)"},
    "external": {"en": "ends at a document outside the workspace", "id": "berakhir di dokumen di luar ruang kerja"},
    "broken": {"en": "cut off: no link goes further up", "id": "terputus: tidak ada tautan lebih ke atas"},
    "cycle": {"en": "cycle: the next link returns to a step already on the chain", "id": "siklus: tautan berikutnya kembali ke langkah yang sudah dilalui"},
    "coverage": {"en": "Coverage per document", "id": "Cakupan per dokumen"},
    "coverage-note": {
        "en": ("Orphan elements count every element cut off from the national tier, those below an orphan too (lint "
               "reports the orphan once, where the chain breaks); findings of files that could not be read belong to no document."),
        "id": ("Elemen yatim menghitung setiap elemen yang terputus dari tingkat nasional, termasuk yang berada di bawah elemen "
               "yatim (lint melaporkannya sekali, di tempat rantainya putus); temuan berkas yang tidak terbaca tidak masuk dokumen mana pun."),
    },
}
_TEXT_COLUMNS = ("document", "kind", "tier", "elements", "indicators", "linked_up", "supported", "orphan_elements",
                 "orphan_indicators", "errors", "warnings", "infos")


def _msg(key: str, lang: str, **args: object) -> str:
    return _MESSAGES[key].get(lang, _MESSAGES[key]["en"]).format(**args)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "json", "csv"), default="text", help="output format (default: text)")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    p.add_argument("--lang", choices=LANGUAGES, help=f"language of the text (default: {DEFAULT_LANG})")
    p.add_argument("--config", metavar="FILE", help="use this cascade.toml or pyproject.toml")
    p.add_argument("--show-personal", action="store_true", help="show employee numbers (NIP) and names instead of masking them")


def add_explore_parsers(sub: argparse._SubParsersAction) -> None:
    t = sub.add_parser("trace", help="every chain from an element or indicator up to the RPJMN / telusuri rantai sampai RPJMN")
    t.add_argument("ref", metavar="REF", help="an element or indicator reference (kota-madiun.rpjmd-2019:S2.1.1)")
    t.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="plan files or folders (default: .)")
    t.add_argument("--down", action="store_true", help="what lies below REF instead: every element or indicator whose links reach it")
    t.add_argument("--exit-zero", action="store_true", help="exit 0 even when no chain reaches the national tier")
    t.add_argument("--limit", type=int, default=10, metavar="N",
                   help="chains shown in the text format (default 10; 0: all); json and csv hold every chain")
    _common(t)
    c = sub.add_parser("coverage", help="coverage per document: linked, supported, orphans / cakupan per dokumen")
    c.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="plan files or folders (default: .)")
    _common(c)


def _load(args: argparse.Namespace, err: TextIO) -> tuple[Any, Any, str] | int:
    """(workspace, settings, lang), or the exit code 2 after saying why on ``err``."""
    from ..review.config import ConfigError, load_config

    from .inputs import load_plans
    from .paths import config_error

    lang = args.lang or DEFAULT_LANG
    try:
        settings = load_config(args.config).override(lang=args.lang)
        lang = settings.lang
    except ConfigError as exc:
        err.write(config_error(exc, lang))
        return 2
    ws = load_plans(args.paths, settings, lang, err, show_personal=args.show_personal)
    return 2 if ws is None else (ws, settings, lang)


def _emit(text: str, args: argparse.Namespace, out: TextIO, err: TextIO, lang: str, code: int = 0) -> int:
    from ..core.text import escape_unsafe
    from .paths import write_output

    if args.format != "json":  # a plan's ESC, BEL or direction marks shown as \uXXXX, as lint shows them
        text = escape_unsafe(text, keep="\n")
    written = write_output(text, args.output, out, err, lang, show_personal=args.show_personal, json_text=args.format == "json")
    return written or code


def _step_dict(step: Any) -> dict[str, Any]:
    return {"ref": step.ref, "kind": step.kind, "name": step.name, "link": step.link}


def run_trace(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    loaded = _load(args, err)
    if isinstance(loaded, int):
        return loaded
    ws, _, lang = loaded
    from ..core.words import kind_word, link_word

    try:
        result = ws.descendants(args.ref) if args.down else ws.trace(args.ref)
    except KeyError:
        import difflib

        refs = [n for n, t in ws.graph.nodes(data="type") if t in ("element", "indicator")]
        close = difflib.get_close_matches(args.ref, refs, n=1, cutoff=0.75)
        hint = _msg("hint", lang, hint=close[0]) if close else ""
        from ..core.text import escape_unsafe

        from .paths import personal_text

        # the hint quotes a reference of the plans: its NIP outlined as in the output
        err.write(f"cascade: {escape_unsafe(_msg('unknown', lang, ref=args.ref))}{escape_unsafe(personal_text(hint, args.show_personal))}\n")
        return 2
    if args.down:
        rows = [_step_dict(s) for s in result]
        if args.format == "json":
            text = json_text({"version": 1, "ref": args.ref, "below": rows})
        elif args.format == "csv":
            text = _csv(("ref", "kind", "name", "link"), ([r["ref"], r["kind"], r["name"] or "", r["link"] or ""] for r in rows))
        else:
            what = "down-indicator" if ws.graph.nodes[args.ref].get("type") == "indicator" else "down-element"
            lines = [_msg(what, lang, ref=args.ref, n=len(rows)), ""]
            lines += [f"  {kind_word(r['kind'], lang):<18} {r['ref']}  {r['name'] or ''}".rstrip() for r in rows]
            text = join_lines(lines)
        return _emit(text, args, out, err, lang)
    chains = result
    reach = sum(1 for c in chains if c.end in ("national", "external"))
    code = 0 if reach or args.exit_zero else 1
    if args.format == "json":
        data = {"version": 1, "ref": args.ref,
                "chains": [{"end": c.end, "steps": [_step_dict(s) for s in c.steps]} for c in chains]}
        text = json_text(data)
    elif args.format == "csv":
        text = _csv(("chain", "end", "step", "ref", "kind", "name", "link"),
                    ([i, c.end, j, s.ref, s.kind, s.name or "", s.link or ""]
                     for i, c in enumerate(chains, 1) for j, s in enumerate(c.steps, 1)))
    else:
        lines = [_msg("up", lang, ref=args.ref, n=len(chains), reach=reach)]
        shown = chains if args.limit <= 0 else chains[:args.limit]
        for i, chain in enumerate(shown, 1):
            lines += ["", _msg("chain", lang, i=i, end=_msg(chain.end, lang))]
            for step in chain.steps:
                lines.append(f"  {kind_word(step.kind, lang):<18} {step.ref}  {step.name or ''}".rstrip())
                if step.link:
                    lines.append(f"    ↑ {link_word(step.link, lang)}")
        if len(shown) < len(chains):
            lines += ["", _msg("more", lang, n=len(chains) - len(shown))]
        text = join_lines(lines)  # a name's line break shown as \u000a within its line
    return _emit(text, args, out, err, lang, code)


def _csv(head: Any, rows: Any) -> str:
    return csv_text(head, rows)


def _cell(key: str, value: Any) -> str:
    if key in ("linked_up", "supported"):
        return "–" if value is None else f"{value * 100:.0f}%"
    return "" if value is None else str(value)


def run_coverage(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..core.errors import UsageError
    from ..review.config import ConfigError, load_config
    from ..review.pipeline import lint
    from ..views.trace import COVERAGE_COLUMNS, coverage_rows
    from .inputs import workspace_paths
    from .paths import config_error

    lang = args.lang or DEFAULT_LANG
    try:  # the findings counted are lint's, with the configuration's selection and options
        settings = load_config(args.config).override(lang=args.lang)
        lang = settings.lang
        paths = workspace_paths(args.paths, settings, lang, err)
        if paths is None:
            return 2
        result = lint(paths, settings, show_personal=args.show_personal)
    except (ConfigError, UsageError) as exc:
        err.write(config_error(exc, lang))
        return 2
    rows = coverage_rows(result.workspace_for_views(), result.report)
    if args.format == "json":
        text = json_text({"version": 1, "documents": rows})
    elif args.format == "csv":
        keys = list(rows[0]) if rows else list(_TEXT_COLUMNS)
        text = _csv(keys, ([r[k] if r[k] is not None else "" for k in keys] for r in rows))
    else:
        head = [COVERAGE_COLUMNS[c].get(lang, COVERAGE_COLUMNS[c]["en"]) for c in _TEXT_COLUMNS]
        table = [head] + [[_cell(c, r[c]) for c in _TEXT_COLUMNS] for r in rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(head))]
        lines = [_msg("coverage", lang), ""]
        lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in table]
        lines += ["", _msg("coverage-note", lang)]
        text = join_lines(lines)
    return _emit(text, args, out, err, lang)
