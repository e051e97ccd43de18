"""``cascade capaian PATH``: realisasi against target, the capaian and its category per indicator and year.

``--format text|json|csv`` (default text), ``--output FILE``; ``--year Y`` for one year; ``--as-of Y``
(``--lkjip``: the LKjIP table of ``--year``; ``--by-document``: per document and level, the count,
mean and lowest capaian and the count per category)
(default: the configuration's ``as-of``, else the current year). The JSON is the contract of
:mod:`cascade.views.capaian`. Exit codes: 0 the table was written; 2 usage or configuration errors
(a path that does not exist or holds no plan file, checked as ``cascade lint`` checks it; a named
file that gives no document; bad year; unwritable output). A table has nothing that "fails": the findings about
capaian (CAS701-CAS705) are ``cascade lint``'s.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from ..core.errors import UsageError
from ..core.findings import DEFAULT_LANG, LANGUAGES

__all__ = ["add_capaian_parser", "run_capaian"]

_MESSAGES = {
    "usage": {"en": "{error}", "id": "{error}"},
}


def _say(err: TextIO, key: str, lang: str, **args: object) -> None:
    err.write(f"cascade: {_MESSAGES[key].get(lang, _MESSAGES[key]['en']).format(**args)}\n")


def add_capaian_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("capaian", help="realisasi, capaian and category of every measured indicator / realisasi, capaian dan kategori setiap indikator")
    p.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="plan files or folders (default: .)")
    p.add_argument("--year", type=int, metavar="YEAR", help="only this year")
    p.add_argument("--as-of", type=int, metavar="YEAR", help="the reporting year (default: config 'as-of', else the current year)")
    p.add_argument("--lkjip", action="store_true", help="the LKjIP table of --year: per sasaran and indicator, previous years and the final target")
    p.add_argument("--by-document", action="store_true",
                   help="per document and level (tujuan, sasaran, program...): measured indicators, mean and lowest capaian, count per category")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text", help="output format (default: text)")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    p.add_argument("--lang", choices=LANGUAGES, help=f"language of the text table (default: {DEFAULT_LANG})")
    p.add_argument("--config", metavar="FILE", help="use this cascade.toml or pyproject.toml")
    p.add_argument("--show-personal", action="store_true", help="show employee numbers (NIP) instead of masking them")


def run_capaian(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..review.config import ConfigError, load_config

    from .inputs import load_plans
    from .paths import config_error

    lang = args.lang or DEFAULT_LANG
    try:
        settings = load_config(args.config)
        settings = settings.override(lang=args.lang, as_of=args.as_of)
        lang = settings.lang
    except ConfigError as exc:
        err.write(config_error(exc, lang))
        return 2
    # as lint checks its paths: each must exist and hold a plan file the configuration does not exclude
    ws = load_plans(args.paths, settings, lang, err, show_personal=args.show_personal)
    if ws is None:
        return 2
    from ..views.capaian import resolve_as_of

    try:
        if args.lkjip:
            from ..views.capaian import lkjip_csv, lkjip_json, lkjip_text

            if args.year is None:
                raise UsageError("--lkjip needs --year" if lang == "en" else "--lkjip memerlukan --year")
            rows = ws.lkjip(args.year, as_of=settings.as_of, options=settings.rule_options())
            as_of = resolve_as_of(settings.as_of, settings.rule_options())
            text = (lkjip_json(rows, args.year, as_of) if args.format == "json" else lkjip_csv(rows, lang)
                    if args.format == "csv" else lkjip_text(rows, args.year, lang))
        elif args.by_document:
            from ..views.capaian import by_document_csv, by_document_json, by_document_text

            rows = ws.capaian_by_document(args.year, as_of=settings.as_of, options=settings.rule_options())
            as_of = resolve_as_of(settings.as_of, settings.rule_options())
            text = (by_document_json(rows, as_of) if args.format == "json" else by_document_csv(rows, lang)
                    if args.format == "csv" else by_document_text(rows, as_of, lang))
        else:
            table = ws.capaian(year=args.year, as_of=settings.as_of, options=settings.rule_options())
            text = table.to_json() if args.format == "json" else table.to_csv(lang) if args.format == "csv" else table.to_text(lang)
    except UsageError as exc:
        _say(err, "usage", lang, error=exc)
        return 2
    if args.format != "json":  # a plan's ESC, BEL or direction marks shown as \uXXXX, as lint shows them
        from ..core.text import escape_unsafe

        text = escape_unsafe(text, keep="\n")
    from .paths import write_output

    return write_output(text, args.output, out, err, lang, show_personal=args.show_personal, json_text=args.format == "json")
