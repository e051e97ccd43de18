"""``cascade import`` (a plan table to plan YAML) and ``cascade export`` (the workspace as a workbook).

``cascade import TABLE.xlsx|.csv [--layout NAME] [--sheet S] [--locale id|en] [--year Y] [--document FILE] [--show-personal] -o DIR``
reads the table through its sidecar ``<name>.cascade.yaml`` (or ``--document``, a YAML file holding
the ``document:`` block) and writes one YAML file per document into DIR; the table's findings (cells
it could not read) are printed as ``lint`` prints them. Exit codes: 0, 1 when a finding is an error,
2 for usage errors: a table that is not there, a table with neither sidecar nor ``--document`` (which
``cascade lint`` notes as CAS009 and does not read: here the user asked for the plan, and nothing
says which plan it is; nothing is written), a DIR that is not a folder or cannot be written.

``cascade export PATH... --xlsx report.xlsx`` runs the review as ``cascade lint`` does and writes the
workbook (:mod:`cascade.views.excel`); exit codes as ``lint``, its paths checked as ``lint`` checks them
(a path that does not exist or holds no plan file is exit code 2).
"""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from ..core.errors import MissingExtraError
from ..core.findings import DEFAULT_LANG, LANGUAGES, Report, Severity

__all__ = ["add_table_parsers", "run_import", "run_export"]


def add_table_parsers(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    imp = sub.add_parser("import", help="turn a plan table (.xlsx, .csv) into plan YAML / ubah tabel rencana menjadi YAML")
    imp.add_argument("table", metavar="TABLE", help="the workbook or CSV")
    imp.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the YAML files")
    imp.add_argument("--layout", metavar="NAME", help="a preset (renstra-tc27, rpjmd, iku, realisasi; cascade/read/layouts/) or a layout file")
    imp.add_argument("--sheet", metavar="S", help="the sheet to read (default: the sidecar's, else every table on the first)")
    imp.add_argument("--locale", choices=("id", "en"), help="how text numbers are written (default: the layout's)")
    imp.add_argument("--year", type=int, metavar="Y", help="realisasi tables: the year the table reports, when its columns name none")
    imp.add_argument("--document", metavar="FILE", help="a YAML file with the document: block (instead of the sidecar)")
    imp.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANG, help="message language")
    imp.add_argument("--exit-zero", action="store_true", help="exit 0 even when the table has error findings")
    imp.add_argument("--show-personal", action="store_true", help="show employee numbers (NIP) and names instead of masking them")
    exp = sub.add_parser("export", help="write the workspace and its findings as a workbook / tulis buku kerja Excel")
    exp.add_argument("paths", nargs="+", metavar="PATH", help="plan files or folders")
    exp.add_argument("--format", choices=("xlsx",), default="xlsx", help="output format (the one there is: xlsx, which needs --output)")
    exp.add_argument("--output", metavar="FILE", help="the workbook to write")
    exp.add_argument("--xlsx", metavar="OUT", help="the workbook to write (the same as --output; kept for existing scripts)")
    exp.add_argument("--lang", choices=LANGUAGES, help=f"language (default: {DEFAULT_LANG}, or config 'lang')")
    exp.add_argument("--config", metavar="FILE", help="use this cascade.toml or pyproject.toml")
    exp.add_argument("--show-personal", action="store_true", help="show employee numbers (NIP) and names instead of masking them")
    exp.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
    exp.add_argument("-q", "--quiet", action="store_true", help="say nothing on standard error unless something goes wrong")


_MESSAGES = {
    "no-file": {"en": "{path}: no such file", "id": "{path}: berkas tidak ada"},
    "no-document": {"en": "{path}: no document: block", "id": "{path}: tidak ada blok document:"},
    "not-folder": {"en": "-o {path}: not a folder (the YAML files are written into a folder)",
                   "id": "-o {path}: bukan folder (berkas YAML ditulis ke dalam folder)"},
    "written": {"en": "wrote the workbook ({n} findings) to {path}", "id": "buku kerja ({n} temuan) ditulis ke {path}"},
    "needs-output": {"en": "export needs --output FILE (a workbook is not written to the terminal)",
                     "id": "export memerlukan --output BERKAS (buku kerja tidak ditulis ke terminal)"},
    "two-outputs": {"en": "--output {output} and --xlsx {xlsx} name two files; give one",
                    "id": "--output {output} dan --xlsx {xlsx} menyebut dua berkas; berikan satu saja"},
}


def _say(err: TextIO, key: str, lang: str, **args: object) -> None:
    err.write(f"cascade: {_MESSAGES[key].get(lang, _MESSAGES[key]['en']).format(**args)}\n")


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..reporters.concise import render
    from ..reporters.base import RenderContext
    from ..read.loader import read_file
    from ..read.tableimport import RefusedOutputError, import_table
    from ..core.text import escape_unsafe
    from .inputs import localized

    from ..core.errors import UsageError
    from .paths import write_error

    lang = args.lang
    if not os.path.isfile(args.table):
        _say(err, "no-file", lang, path=args.table)
        return 2
    if os.path.exists(args.output) and not os.path.isdir(args.output):  # a file, /dev/full: os.makedirs raised FileExistsError
        _say(err, "not-folder", lang, path=args.output)
        return 2
    document = None
    if args.document:
        loaded = read_file(args.document)
        if not isinstance(loaded.data, dict) or not isinstance(loaded.data.get("document"), dict):
            _say(err, "no-document", lang, path=args.document)
            return 2
        document = loaded.data["document"]
    try:
        written, findings = import_table(args.table, args.output, layout=args.layout, sheet=args.sheet,
                                         document=document, locale=args.locale, year=args.year, lang=lang,
                                         show_personal=args.show_personal)
    except (MissingExtraError, UsageError, RefusedOutputError) as exc:  # UsageError: no sidecar and no --document
        err.write(escape_unsafe(f"cascade: {localized(exc, lang)}") + "\n")  # RefusedOutputError: a planted link
        return 2
    except (OSError, ValueError) as exc:  # the folder cannot be made or a file in it written
        err.write(write_error(args.output, exc, lang))
        return 2

    report = Report(findings)
    # a table or folder named with ESC or BEL never drives the terminal: shown as \uXXXX, as lint shows it
    out.write(escape_unsafe(render(report, RenderContext(lang=lang)), keep="\n"))
    for path in written:
        out.write(escape_unsafe(f"{'ditulis' if lang == 'id' else 'wrote'} {path}") + "\n")
    return 1 if any(f.severity is Severity.ERROR for f in report) and not args.exit_zero else 0


def run_export(args: argparse.Namespace, err: TextIO) -> int:
    from ..core.errors import UsageError
    from ..review.config import ConfigError, load_config
    from ..review.pipeline import lint
    from ..views.excel import write_excel
    from .inputs import localized, workspace_paths
    from .paths import config_error, write_error

    lang = args.lang or DEFAULT_LANG
    target = args.output if args.output is not None else args.xlsx
    if target is None or (args.output is not None and args.xlsx is not None and args.output != args.xlsx):
        # a workbook is binary: never to the terminal
        _say(err, "needs-output" if target is None else "two-outputs", lang, output=args.output, xlsx=args.xlsx)
        return 2
    try:
        settings = load_config(args.config).override(lang=args.lang)
        lang = settings.lang
        # as lint checks its paths: each must exist and hold a plan file the configuration does not exclude
        paths = workspace_paths(args.paths, settings, lang, err)
        if paths is None:
            return 2
        result = lint(paths, settings, show_personal=args.show_personal, by_region=False)
    except ConfigError as exc:
        err.write(config_error(exc, lang))
        return 2
    except UsageError as exc:  # a rule option of the wrong shape, found when its rule reads it (as in lint)
        err.write(config_error(exc, lang))
        return 2
    workspace = result.workspace_for_views()
    try:
        write_excel(workspace, target, result.report, lang=settings.lang, show_personal=args.show_personal, as_of=settings.as_of)
    except MissingExtraError as exc:
        err.write(f"cascade: {localized(exc, lang)}\n")
        return 2
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        err.write(write_error(target, exc, lang))
        return 2
    if not args.quiet:
        _say(err, "written", lang, path=os.path.abspath(target), n=len(result.report))
    return 1 if result.failed() and not args.exit_zero else 0
