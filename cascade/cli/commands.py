"""The ``cascade`` command: a thin layer over the public API.

Commands: ``lint`` (the default use), ``rules``, ``explain``, ``schema``, ``report``, and the plan
revision commands ``diff``, ``review``, ``realign`` (:mod:`cascade.cli.revisions`). Settings come from
``cascade.toml`` or ``[tool.cascade]`` in ``pyproject.toml`` (see :mod:`cascade.config`); flags
override them. Messages are in Indonesian unless ``--lang en`` or ``lang = "en"`` says otherwise,
since the users are Indonesian planners.

Exit codes: 0 clean (or ``--exit-zero``), 1 findings at or above the fail level (default: error),
2 usage or configuration errors (unknown flag, rule, config key, missing path).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
from typing import Sequence, TextIO

from .._version import __version__
from ..read.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from ..review.config import DEFAULT_LANG, ConfigError, Settings, load_config
from ..scale.distributed import MissingDependency
from ..core.findings import LANGUAGES, Severity
from ..build.json_schema import document_json_schema
from ..review.pipeline import LintResult, lint, write_baseline
from .report import add_report_parser, run_report
from ..reporters import FORMATS, render_report
from ..rules.base import all_rules, get_rule

__all__ = ["main"]

_MESSAGES = {
    "missing": {"en": "{path}: no such file or folder", "id": "{path}: berkas atau folder tidak ada"},
    "config": {"en": "configuration error: {error}", "id": "kesalahan konfigurasi: {error}"},
    "write": {"en": "cannot write {path}: {error}", "id": "tidak dapat menulis {path}: {error}"},
    "baseline-written": {
        "en": "wrote {n} findings to the baseline {path}",
        "id": "{n} temuan ditulis ke baseline {path}",
    },
    "gone": {
        "en": "{n} baseline entries are gone (fixed); refresh the baseline with --write-baseline {path}",
        "id": "{n} entri baseline sudah hilang (diperbaiki); perbarui baseline dengan --write-baseline {path}",
    },
    "gone-entry": {"en": "  gone: {file} {rule} {ref} (x{count})", "id": "  hilang: {file} {rule} {ref} (x{count})"},
    "dask": {
        "en": "--dask needs the optional extra: pip install 'cascade[dask]'",
        "id": "--dask memerlukan paket tambahan: pip install 'cascade[dask]'",
    },
    "unknown-rule": {"en": "unknown rule '{name}'{hint}", "id": "aturan '{name}' tidak dikenal{hint}"},
    "hint": {"en": "; did you mean '{hint}'?", "id": "; maksudnya '{hint}'?"},
    "severity-flag": {
        "en": "--severity takes RULE=LEVEL (error, warning, info), not '{value}'",
        "id": "--severity menerima ATURAN=TINGKAT (error, warning, info), bukan '{value}'",
    },
}


def _msg(key: str, lang: str, **args: object) -> str:
    return _MESSAGES[key].get(lang, _MESSAGES[key]["en"]).format(**args)


def _say(stream: TextIO, key: str, lang: str, **args: object) -> None:
    stream.write(f"cascade: {_msg(key, lang, **args)}\n")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cascade", description="Check that development plans cascade, from the RPJMN down to staff targets.")
    parser.add_argument("--version", action="version", version=f"cascade {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    lint_p = sub.add_parser("lint", help="check plan YAML files and folders")
    lint_p.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="plan files or folders, searched recursively (default: .)")
    lint_p.add_argument("--format", choices=FORMATS, help="report format (default: full)")
    lint_p.add_argument("--output", metavar="FILE", help="write the report to FILE; the terminal still gets the full text")
    lint_p.add_argument("--lang", choices=LANGUAGES, help=f"message language (default: {DEFAULT_LANG}, or config 'lang')")
    selector_help = "rule codes, code prefixes (CAS3) or names; comma-separated, repeatable"
    lint_p.add_argument("--select", action="append", default=[], metavar="RULES", help=f"run only these rules: {selector_help}")
    lint_p.add_argument("--extend-select", action="append", default=[], metavar="RULES", help="add rules to the selection")
    lint_p.add_argument("--ignore", action="append", default=[], metavar="RULES", help="leave these rules out")
    lint_p.add_argument("--severity", action="append", default=[], metavar="RULE=LEVEL", help="override a rule's severity, e.g. orphan-indicator=error")
    lint_p.add_argument("--fail-level", choices=[s.value for s in Severity], help="lowest severity that makes the exit code 1 (default: error)")
    lint_p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
    lint_p.add_argument("--config", metavar="FILE", help="use this cascade.toml or pyproject.toml instead of searching for one")
    lint_p.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    lint_p.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline and exit 0")
    lint_p.add_argument("--no-cache", action="store_true", help=f"do not read or write the parse cache ({DEFAULT_CACHE_DIR}/ in the working directory)")
    lint_p.add_argument("--jobs", type=_positive, metavar="N", help="processes that parse files and run rules (default: both cores when it pays; 1 for none)")
    lint_p.add_argument("--show-personal", action="store_true", help="show employee numbers (NIP) and names in findings instead of masking them")
    lint_p.add_argument("--dask", nargs="?", const="", default=None, metavar="ADDRESS",
                        help="validate partitioned by region on Dask: a local cluster, or the scheduler at ADDRESS (needs cascade[dask])")
    lint_p.add_argument("--by-region", action=argparse.BooleanOptionalAction, default=None,
                        help="validate partitioned by region on local processes, the same report with less memory "
                             "(default: on from 200 MB of plan files; the parse cache is not used then)")

    rules_p = sub.add_parser("rules", help="list the rules")
    rules_p.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    explain_p = sub.add_parser("explain", help="show a rule's documentation")
    explain_p.add_argument("rule", metavar="RULE", help="rule code or name")
    explain_p.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANG, help="language of error messages")

    sub.add_parser("schema", help="print the JSON Schema of plan files (for editors' YAML language server)")
    add_report_parser(sub)
    from .server import add_server_parser

    add_server_parser(sub)
    from .revisions import add_revision_parsers

    add_revision_parsers(sub)
    return parser


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _severity_overrides(values: Sequence[str], lang: str) -> dict[str, str]:
    out = {}
    for item in _split(values):
        rule, sep, level = item.partition("=")
        if not sep or not rule.strip():
            raise ConfigError(_msg("severity-flag", lang, value=item))
        out[rule.strip()] = level.strip()
    return out


def _settings(args: argparse.Namespace) -> Settings:
    lang = args.lang or DEFAULT_LANG
    settings = load_config(args.config)
    return settings.override(
        select=_split(args.select),
        extend_select=_split(args.extend_select),
        ignore=_split(args.ignore),
        severity=_severity_overrides(args.severity, lang),
        lang=args.lang,
        fail_level=args.fail_level,
        baseline=args.baseline,
    )


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _render(result: LintResult, fmt: str) -> str:
    return render_report(result.report, fmt, lang=result.settings.lang, sources=result.sources, files=result.files, root=os.curdir)


def _lint(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang = args.lang or DEFAULT_LANG
    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        for p in missing:
            _say(err, "missing", lang, path=p)
        return 2
    try:
        settings = _settings(args)
        lang = settings.lang
        result = lint(
            args.paths, settings, use_baseline=args.write_baseline is None,
            cache=None if args.no_cache else DEFAULT_CACHE_DIR, jobs=args.jobs, show_personal=args.show_personal,
            dask=args.dask, by_region=args.by_region,
        )
    except ConfigError as exc:
        _say(err, "config", lang, error=exc)
        return 2
    except MissingDependency:
        _say(err, "dask", lang)
        return 2
    try:
        if args.write_baseline is not None:
            _write(args.write_baseline, write_baseline(result, args.write_baseline))
            _say(err, "baseline-written", lang, n=len(result.report), path=args.write_baseline)
            return 0
        if args.output is not None:
            _write(args.output, _render(result, args.format or "full"))
    except OSError as exc:
        _say(err, "write", lang, path=args.write_baseline or args.output, error=exc.strerror or exc)
        return 2
    terminal_full = args.output is not None or args.format is None
    out.write(_render(result, "full" if terminal_full else args.format))
    # On GitHub Actions the full text also gets annotations, unless a format was asked for the terminal.
    if terminal_full and os.environ.get("GITHUB_ACTIONS"):
        out.write(_render(result, "github"))
    if result.gone:
        _say(err, "gone", lang, n=len(result.gone), path=settings.baseline)
        for entry in result.gone:
            err.write(_msg("gone-entry", lang, file=entry.file, rule=entry.rule, ref=entry.ref or "-", count=entry.count) + "\n")
    return 1 if result.failed() and not args.exit_zero else 0


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    rules = all_rules()
    if args.format == "json":
        rows = [{"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary()} for r in rules]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    width = max(len(r.name) for r in rules)
    out.write(f"{'CODE':<7} {'NAME':<{width}} {'SEVERITY':<8} SUMMARY\n")
    for r in rules:
        out.write(f"{r.code:<7} {r.name:<{width}} {r.severity.value:<8} {r.summary()}\n")
    return 0


def _explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rule = get_rule(args.rule)
    if rule is None:
        keys = [r.name for r in all_rules()] + [r.code for r in all_rules()]
        close = difflib.get_close_matches(args.rule, keys, n=1, cutoff=0.6)
        hint = _msg("hint", args.lang, hint=close[0]) if close else ""
        _say(err, "unknown-rule", args.lang, name=args.rule, hint=hint)
        return 2
    out.write(f"{rule.code} {rule.name} ({rule.severity.value})\n\n{rule.documentation()}\n")
    return 0


def _dask_address_or_path(argv: list[str]) -> list[str]:
    """``--dask PATH`` means a local cluster: only a scheduler address (``tcp://host:8786``) is taken."""
    for i, token in enumerate(argv[:-1]):
        nxt = argv[i + 1]
        address = "://" in nxt or re.fullmatch(r"[\w.-]+:\d+", nxt) is not None
        if token == "--dask" and (not address or os.path.exists(nxt)):
            argv[i] = "--dask="
    return argv


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit code. ``stdout``/``stderr`` default to the process's."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(_dask_address_or_path(list(sys.argv[1:] if argv is None else argv)))
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(err)
        return 2
    if args.command == "lint":
        return _lint(args, out, err)
    if args.command == "report":
        return run_report(args, err)
    if args.command == "server":
        from .server import run_server

        return run_server(args, err)
    if args.command in ("diff", "review", "realign"):
        from .revisions import run_revision_command

        return run_revision_command(args, out, err)
    if args.command == "rules":
        return _rules(args, out)
    if args.command == "explain":
        return _explain(args, out, err)
    out.write(json.dumps(document_json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


def run() -> None:  # console script entry point
    sys.exit(main())
